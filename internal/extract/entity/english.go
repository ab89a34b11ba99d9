package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/lexicon"
	"github.com/veille/veille/internal/nlp"
)

// tagged replaces the rule mentions of an English text by the spans the
// tagger proposes, resolved to identities as the rules would (countries,
// cities, organizations of the list, acronyms of the article, persons
// linked by surname). Rule mentions the tagger does not contradict stay:
// acronyms and governments always, nationalities where the tagger found
// nothing.
func (st *state) tagged(m *tagModel) {
	rules := st.ms
	st.ms = nil
	d := newTaggerDoc(st.text, st.units)
	sport := st.sportDoc()
	var prev tagSpan // the tagger's previous span
	for _, sp := range m.tag(d) {
		if sp.j = d.nameEnd(sp.s, sp.i, sp.j); sp.j == sp.i {
			continue
		}
		afterPerson := prev.typ == "PER" && prev.s == sp.s && prev.j == sp.i-1
		prev = sp
		if sp.typ == "PER" && sp.j-sp.i >= 2 && d.digits[sp.s] >= 1 && d.placeAt(sp.s, sp.j-1) {
			sp.typ = "ORG" // a club in a results line: "Steaua Bucharest 2"
		}
		toks := st.units[sp.s].toks
		if sp.j-sp.i == 1 && st.noName(toks, sp.i, sp.typ) {
			continue
		}
		if sp.typ == "ORG" && d.upper[sp.s] {
			sp.j = st.acronymBeforeSport(toks, sp.i, sp.j) // "NBA" in "NBA BASKETBALL"
		}
		if sp.typ == "ORG" && st.placeAfterPrep(toks, sp.i, sp.j) {
			sp.typ = "LOC" // "in eastern Zaire"
		}
		if st.placeTail(toks, sp.i, sp.j, sp.typ) {
			sp.typ = "LOC" // "the Sydney Cricket Ground", "the Red Sea"
		}
		if sport && sp.typ != "ORG" && st.clubTown(toks, sp.i, sp.j, sp.typ, afterPerson) {
			sp.typ = "ORG" // "Bologna can expect a tough home match"
		}
		if k := st.personAfter(toks, sp.i, sp.j, sport); k > sp.i {
			st.describer(toks, sp.i, k)
			sp.i, sp.typ = k, "PER"
		} else if sp.typ != "PER" && st.initialsName(toks, sp.i, sp.j) && (sp.typ == "ORG" || !compassInitial(st.tokText(toks[sp.i]))) {
			sp.typ = "PER"
		}
		st.canon(toks, sp.i, sp.j, sp.typ)
	}
	tagged := st.ms
	st.ms = nil
	taggedAt := newSpanIndex(tagged)
	// Longer names of countries and organizations of the gazetteer win
	// over the shorter spans they contain ("Central African Republic"),
	// and names of places over two spans or more.
	longer := func(r mention) bool {
		if !r.gaz && r.typ != veille.TypeGPE {
			return false
		}
		n, ok := 0, true
		taggedAt.each(r.start, r.end, func(t mention) bool {
			if t.start < r.start || t.end > r.end || t.end-t.start >= r.end-r.start {
				ok = false
				return false
			}
			n++
			return true
		})
		// A place's name the tagger cut in two is one place: "RIO DE
		// JANEIRO".
		return ok && (n > 1 || n > 0 && r.gaz)
	}
	var strong []mention
	for _, r := range rules {
		if r.strong || longer(r) {
			r.strong = true
			strong = append(strong, r)
		}
	}
	strongAt := newSpanIndex(strong)
	for _, t := range tagged {
		if !strongAt.any(t.start, t.end) {
			st.ms = append(st.ms, t)
		}
	}
	st.ms = append(st.ms, strong...)
	for _, r := range rules {
		if !r.strong && keepRule(r) && st.keepRegistry(r) && !taggedAt.any(r.start, r.end) && !strongAt.any(r.start, r.end) {
			st.ms = append(st.ms, r)
		}
	}
	st.englishNames()
}

// keepRule reports whether a rule mention the tagger did not see is kept
// in English: nationalities (the tagger calls them MISC), countries and
// the organizations of the registry.
func keepRule(r mention) bool {
	switch r.typ {
	case veille.TypeNORP:
		return true
	case veille.TypeORG:
		return r.gaz // an organization of the registry (orgs.tsv)
	case veille.TypeGPE:
		return r.feature == "A" && len(r.cities) == 0 && strings.HasPrefix(r.id, "iso3166:")
	}
	return false
}

// canon records the tagger's span [i, j) of type typ (PER, ORG, LOC,
// MISC) as a mention with an identity.
func (st *state) canon(toks []nlp.Token, i, j int, typ string) {
	start, end := toks[i].Start, toks[j-1].End
	text := st.text[start:end]
	if typ == "ORG" || typ == "MISC" {
		if a, ok := st.acronyms[text]; ok {
			m := st.acronymMention(a, start, end, i)
			m.strong = false
			st.add(m)
			return
		}
		if k, a, ok := st.longForm(toks, i); ok && k == j {
			m := st.acronymMention(a, start, end, i)
			m.strong = false
			st.add(m)
			return
		}
	}
	var entries []lexicon.Entry
	if m, ok := st.lookup(toks, i); ok && m.j == j {
		entries = m.entries
	} else if j-i >= 2 && st.fold(toks[i]) == "the" {
		// "The US Treasury": the registry's name after the article.
		if m, ok := st.lookup(toks, i+1); ok && m.j == j && hasKind(m.entries, lexicon.KindOrg) {
			i, start = i+1, toks[i+1].Start
			text = st.text[start:end]
			entries = m.entries
		}
	}
	if len(entries) == 0 && typ != "LOC" && st.orgRolePerson(toks, i, j) {
		return
	}
	typ = st.orgType(toks, i, j, typ, entries)
	if typ == "ORG" && len(entries) == 0 && j-i >= 2 && st.tokText(toks[i]) == "The" {
		// "The Treasury said": the article is no word of the name.
		i, start = i+1, toks[i+1].Start
		text = st.text[start:end]
	}
	keep := func(kinds ...lexicon.Kind) match {
		var es []lexicon.Entry
		for _, e := range entries {
			for _, k := range kinds {
				if e.Kind == k {
					es = append(es, e)
				}
			}
		}
		return match{j: j, entries: es}
	}
	switch typ {
	case "LOC":
		if m := keep(lexicon.KindCountry, lexicon.KindCity, lexicon.KindRegion, lexicon.KindArea); len(m.entries) > 0 {
			st.gazetteer(toks, i, m)
			return
		}
		st.add(mention{start: start, end: end, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, tok: i})
		st.nestedPlaces(toks, i, j)
	case "ORG":
		if m := keep(lexicon.KindOrg); len(m.entries) > 0 {
			st.gazetteer(toks, i, m)
			return
		}
		if m := keep(lexicon.KindCountry); len(m.entries) > 0 {
			st.gazetteer(toks, i, m) // a country, even for its team
			return
		}
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
		st.nestedPlaces(toks, i, j)
	case "PER":
		role, _ := st.roleAround(toks, i, j)
		st.person(start, end, text, role, i)
	case "MISC":
		if m := keep(lexicon.KindDemonym); len(m.entries) > 0 {
			st.gazetteer(toks, i, m)
			return
		}
		st.nestedPlaces(toks, i, j)
	}
}

// nestedPlaces records as places (not mentions) the countries, cities,
// regions and areas of the gazetteer named inside the organization or
// other name [i, j): "Dubai" in "Dubai World Cup", "New Jersey" in "New
// Jersey Lottery", "Chelsea" for the club called by its town's name. The
// mention of the whole name stays what the tagger said.
func (st *state) nestedPlaces(toks []nlp.Token, i, j int) {
	for k := i; k < j; {
		if toks[k].Kind != nlp.Word || !isCaps(st.tokText(toks[k])) {
			k++
			continue
		}
		m, ok := st.lookup(toks, k)
		if !ok || m.j > j || st.commonWord(toks, k, m) {
			k++
			continue
		}
		var es []lexicon.Entry
		for _, e := range m.entries {
			if e.Minor {
				continue // a small town inside a name is rather a word of the name
			}
			switch e.Kind {
			case lexicon.KindCountry, lexicon.KindCity, lexicon.KindRegion, lexicon.KindArea:
				es = append(es, e)
			}
		}
		if len(es) == 0 {
			k = m.j
			continue
		}
		saved := st.ms
		st.ms = nil
		st.gazetteer(toks, k, match{j: m.j, entries: es})
		st.nested = append(st.nested, st.ms...)
		st.ms = saved
		k = m.j
	}
}

// newTaggerDoc prepares the units of a recognizer's state for the
// tagger, reusing their tokens.
func newTaggerDoc(text string, units []unit) *TaggerDoc {
	toks := make([][]nlp.Token, len(units))
	folds := make([][]string, len(units))
	folded := true
	for i, u := range units {
		toks[i], folds[i] = u.toks, u.folds
		folded = folded && len(u.folds) == len(u.toks)
	}
	if !folded {
		folds = nil // units not folded (tests): taggerDoc folds
	}
	return taggerDoc(text, toks, folds)
}

// Function words telling English from French.
var (
	wordsEN = map[string]bool{"the": true, "of": true, "and": true, "to": true, "in": true, "is": true, "was": true,
		"said": true, "for": true, "on": true, "with": true, "that": true, "by": true, "at": true, "from": true,
		"he": true, "it": true, "his": true, "has": true, "have": true, "were": true, "are": true, "will": true}
	wordsFR = map[string]bool{"le": true, "la": true, "les": true, "des": true, "du": true, "et": true, "est": true,
		"une": true, "un": true, "dans": true, "pour": true, "que": true, "qui": true, "au": true, "sur": true,
		"l'": true, "d'": true, "il": true, "elle": true, "pas": true, "avec": true, "ont": true, "sont": true}
)

// guessLang tells English ("en") from French ("fr") by their commonest
// words in the first units of the text; "" when neither shows.
func guessLang(text string, units []unit) string {
	en, fr, n := 0, 0, 0
	for _, u := range units {
		for _, t := range u.toks {
			if t.Kind != nlp.Word {
				continue
			}
			f := nlp.Fold(text[t.Start:t.End])
			if wordsEN[f] {
				en++
			}
			if wordsFR[f] {
				fr++
			}
			n++
		}
		if n > 400 {
			break
		}
	}
	switch {
	case en > fr:
		return "en"
	case fr > en:
		return "fr"
	}
	return ""
}

// placeAt reports whether token i of sentence s is on its own the name
// of a city or a country.
func (d *TaggerDoc) placeAt(s, i int) bool {
	t := d.toks[s][i]
	return t.gzB&(gzCity|gzCountry) != 0 && t.gz&gzMulti == 0
}

// nameEnd cuts a span [i, j) of sentence s before a possessive or a
// lower-case word that is not a particle of names (of, de, van, and…):
// "Mississippi State" in "Mississippi State's Roshunda Johnson",
// "Virginia Gateway" in "Virginia Gateway offers".
func (d *TaggerDoc) nameEnd(s, i, j int) int {
	tt := d.toks[s]
	for k := i + 1; k < j; k++ {
		t := &tt[k]
		if t.low == "'s" {
			return k
		}
		if t.tok.Kind != nlp.Word || t.caps || d.upper[s] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t.text); !unicode.IsLower(r) {
			continue
		}
		if t.cls&(1<<6) != 0 || nameInner[t.low] { // ClassParticle
			continue
		}
		return k
	}
	return j
}

// nameInner are lower-case words found inside English names.
var nameInner = map[string]bool{"and": true, "for": true, "the": true, "of": true, "on": true, "de": true, "du": true,
	"la": true, "le": true, "van": true, "von": true, "der": true, "den": true, "da": true, "do": true, "dos": true,
	"y": true, "al": true, "el": true, "bin": true, "ibn": true, "di": true, "del": true, "des": true, "et": true}

// GuessLang tells English ("en") from French ("fr") by their commonest
// words in the first units of text; "" when neither shows.
func GuessLang(text string, units []veille.Span) string {
	us := make([]unit, 0, min(len(units), 50))
	for _, u := range units {
		us = append(us, unit{span: u, toks: nlp.Tokenize(text, u.Start, u.End)})
		if len(us) == cap(us) {
			break
		}
	}
	return guessLang(text, us)
}

// spanIndex finds the mentions overlapping a byte range in time
// proportional to the mentions near it: sorted by start, and no mention
// is longer than maxLen, so only those starting in (start-maxLen, end)
// can overlap [start, end).
type spanIndex struct {
	ms     []mention
	maxLen int
}

func newSpanIndex(ms []mention) spanIndex {
	x := spanIndex{ms: slices.Clone(ms)}
	slices.SortStableFunc(x.ms, func(a, b mention) int { return a.start - b.start })
	for _, m := range x.ms {
		x.maxLen = max(x.maxLen, m.end-m.start)
	}
	return x
}

// each calls fn, in order of start, for the mentions overlapping [start,
// end) until fn returns false.
func (x spanIndex) each(start, end int, fn func(mention) bool) {
	i, _ := slices.BinarySearchFunc(x.ms, start-x.maxLen, func(m mention, s int) int { return m.start - s })
	for ; i < len(x.ms) && x.ms[i].start < end; i++ {
		if m := x.ms[i]; m.end > start && !fn(m) {
			return
		}
	}
}

// any reports whether a mention overlaps [start, end).
func (x spanIndex) any(start, end int) bool {
	found := false
	x.each(start, end, func(mention) bool { found = true; return false })
	return found
}

// monthAbbrs are the abbreviated names of months, which the tagger may
// take for names in lists of dated prices ("Dec 6").
var monthAbbrs = map[string]bool{"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true}

// noName reports whether the one-token span at i that the tagger typed
// typ is no name: a capital letter alone ("Group C"), unless the
// gazetteer knows it, a noun of nationality ("Croat"), or a month's
// abbreviation before a number or as anything but a person.
func (st *state) noName(toks []nlp.Token, i int, typ string) bool {
	w := strings.TrimSuffix(st.tokText(toks[i]), ".")
	if len(w) == 1 {
		m, ok := st.lookup(toks, i)
		return !ok || m.j != i+1
	}
	if st.x.lx.Is(st.fold(toks[i]), classNatNoun) {
		return true // "Croat" alone: a nationality
	}
	if !monthAbbrs[w] {
		return false
	}
	return typ != "PER" || i+1 < len(toks) && toks[i+1].Kind == nlp.Number
}

// compassInitial reports whether w is the initial of a point of the
// compass, which abbreviates places ("N. Korea", "S. Africa") as often
// as it opens a person's name.
func compassInitial(w string) bool {
	return w == "N" || w == "S" || w == "E" || w == "W"
}
