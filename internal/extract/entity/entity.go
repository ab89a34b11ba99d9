// Package entity finds the persons, organizations, countries,
// nationalities and places named in an article, in French and English,
// and resolves them to canonical identities: ISO 3166-1 codes for
// countries and nationalities, GeoNames IDs with coordinates for cities,
// IDs of our curated registry for organizations, and IDs by name within
// the article for persons. It fills Analysis.Entities, Mentions and
// Places.
//
// In French it works with rules over tokens and the embedded lists of package
// lexicon: gazetteer names (longest match, capitalisation as in the
// gazetteer), acronyms defined in the article ("Forces armées maliennes
// (FAMa)"), organization heads and tails ("Coalition …", "… Group"),
// governments ("gouvernement malien", "Malian government"), titles and
// roles before or after a name ("le porte-parole, Baba Cissé"), first
// names, and surnames alone linked to the full name said before; bodies
// named by common nouns ("conseil municipal", "la fédération de sport
// adapté"), names that "l'association" or "organisé par" introduce, and
// towns standing for their clubs in sentences about a game
// (french_org.go). A capitalised word opening a sentence is a name only
// when the gazetteer or the rest of the article says so ("Selon",
// "Alors" are not).
//
// In English, an averaged-perceptron tagger trained on CoNLL-2003
// (tagger.go, trained by train.go, weights embedded and loaded once on
// first use) proposes the spans and types of names instead; the
// gazetteers and rules above then give them their identities, and the
// rules' acronyms, governments and nationalities are kept (english.go).
// Recognize guesses the language from common words; RecognizeLang and
// ApplyLang take it from the caller.
//
// Ambiguous place names are resolved by the countries named in the
// article, by a country or region written just after the name ("Paris,
// Texas", "Bangui (Centrafrique)"), then by population.
package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/lexicon"
	"github.com/veille/veille/internal/nlp"
)

// Recognizer finds entities, their mentions and places. It is safe for
// concurrent use. The zero value is not usable; use New.
type Recognizer struct {
	lx *lexicon.Lexicon
}

// New returns a Recognizer over the embedded lexicon.
func New() *Recognizer { return &Recognizer{lx: lexicon.Default()} }

// Apply adds what Recognize finds in units of text to an, shifting the
// mention indexes of the new entities past the mentions an already has.
func (x *Recognizer) Apply(text string, units []veille.Span, an *veille.Analysis) {
	x.apply(x.Recognize(text, units), an)
}

// ApplyLang is Apply for text in the given language (see RecognizeLang).
func (x *Recognizer) ApplyLang(text string, units []veille.Span, lang string, an *veille.Analysis) {
	x.apply(x.RecognizeLang(text, units, lang), an)
}

func (x *Recognizer) apply(r Result, an *veille.Analysis) {
	off := len(an.Mentions)
	for i := range r.Entities {
		for k := range r.Entities[i].Mentions {
			r.Entities[i].Mentions[k] += off
		}
	}
	an.Entities = append(an.Entities, r.Entities...)
	an.Mentions = append(an.Mentions, r.Mentions...)
	an.Places = append(an.Places, r.Places...)
}

// Result is what Recognize found.
type Result struct {
	Entities []veille.Entity
	Mentions []veille.Mention // in text order; Entities index into it
	Places   []veille.Place
}

// mention is a recognised span before entities are built.
type mention struct {
	start, end int // byte offsets
	typ        string
	id         string // entity ID; "" to be resolved (cities, persons)
	name       string
	country    string
	lat, lon   *float64
	feature    string // GeoNames feature class for places
	cities     []int32
	role       string
	tok        int    // index of its first token in the unit, for context
	strong     bool   // from a rule that overrides the tagger (acronyms, governments)
	gaz        bool   // an organization or a country of the gazetteer
	inst       string // "government" or "parliament" of the article's main country (see institution)
	weak       bool   // a one-word name of towns only, which resolve keeps in their countries only (see weakTown)
	full       int    // when > end, the end of the mention once the place is resolved by its name ("Paris Nord", see cardinalAfter)
}

// unit is one sentence or heading, tokenised.
type unit struct {
	span  veille.Span
	toks  []nlp.Token
	folds []string // folded text of each token (nlp.Fold); nil when not computed
}

type state struct {
	x        *Recognizer
	text     string
	units    []unit
	acronyms map[string]acronym // acronym as written → what it names
	terms    map[string]bool    // acronyms the article defines by common words
	capsSeen map[string]bool    // folded words seen capitalised not at a sentence start
	lowSeen  map[string]bool    // folded words seen in lower case
	ms       []mention
	nested   []mention            // places named inside other names: places, not mentions
	folds    []string             // folded text of the units' tokens in text order (see fold)
	foldAt   []veille.Span        // span of each token of folds
	foldHint int                  // position in folds of the last fold, where the next is most often
	en       bool                 // English text: the rules of french.go stay out
	sport    map[int]bool         // whether the sentence starting at this offset speaks of a game (see sportUnit)
	caps     map[[2]int]bool      // allCapsLine of the unit by its first and last byte (see capsLine)
	roles    map[string][]roleOcc // earlier role phrases by folded role word (see rolePhrase)
	msIdx    msIndex              // see msIndex
	run      capsRun              // the last run of words in capitals (see capsRunFrom)
	initials map[int]bool         // initialAfterTitle by token start
}

// roleOcc is an occurrence of a role word: the end of its token and the
// longest role phrase (the first of that length) of this or an earlier
// occurrence of the same word.
type roleOcc struct {
	end  int
	best string
}

// fold returns the folded text of a token (nlp.Fold), computed once for
// the units' tokens (see foldUnits). Calls mostly walk the tokens in
// order: the last token asked for and the one after it are tried first.
func (st *state) fold(t nlp.Token) string {
	k := st.foldHint
	if k >= len(st.foldAt) || st.foldAt[k].Start != t.Start {
		if k+1 < len(st.foldAt) && st.foldAt[k+1].Start == t.Start {
			k++
		} else {
			var ok bool
			k, ok = slices.BinarySearchFunc(st.foldAt, t.Start, func(s veille.Span, start int) int { return s.Start - start })
			if !ok {
				return nlp.Fold(st.text[t.Start:t.End])
			}
		}
	}
	if st.foldAt[k].End != t.End {
		return nlp.Fold(st.text[t.Start:t.End])
	}
	st.foldHint = k
	return st.folds[k]
}

// foldUnits folds the units' tokens once, for fold and the tagger.
func (st *state) foldUnits() {
	n := 0
	for _, u := range st.units {
		n += len(u.toks)
	}
	st.folds, st.foldAt = make([]string, 0, n), make([]veille.Span, 0, n)
	sorted := true
	for k := range st.units {
		u := &st.units[k]
		base := len(st.folds)
		for _, t := range u.toks {
			if last := len(st.foldAt) - 1; last >= 0 && st.foldAt[last].Start >= t.Start {
				sorted = false
			}
			st.folds = append(st.folds, nlp.Fold(st.text[t.Start:t.End]))
			st.foldAt = append(st.foldAt, veille.Span{Start: t.Start, End: t.End})
		}
		u.folds = st.folds[base:len(st.folds):len(st.folds)]
	}
	if !sorted {
		st.foldAt = nil // overlapping units: fold folds every time
	}
}

type acronym struct {
	id, name string
	country  int // 1 + index into Countries when the long form is a country ("Central African Republic (CAR)"), else 0
}

// acronymMention returns the mention of the acronym or its long form over
// [start, end): the country it abbreviates, or an organization.
func (st *state) acronymMention(a acronym, start, end, tok int) mention {
	if a.country > 0 {
		c := st.x.lx.Countries[a.country-1]
		lat, lon := c.Lat, c.Lon
		return mention{start: start, end: end, typ: veille.TypeGPE, id: "iso3166:" + c.Code, name: c.NameEN,
			country: c.Code, lat: &lat, lon: &lon, feature: "A", tok: tok, strong: true}
	}
	return mention{start: start, end: end, typ: veille.TypeORG, id: a.id, name: a.name, tok: tok, strong: true}
}

// Recognize finds the entities of text in the given units (sentences and
// headings, in text order), in the language the text seems to be written
// in (see RecognizeLang).
func (x *Recognizer) Recognize(text string, units []veille.Span) Result {
	return x.recognize(text, units, "", true)
}

// RecognizeLang is Recognize for text in the given language ("en",
// "fr"; "" when unknown). In English, the statistical tagger proposes
// the spans and types of names, which the gazetteers and the rules then
// resolve to identities; in other languages the rules work alone.
func (x *Recognizer) RecognizeLang(text string, units []veille.Span, lang string) Result {
	return x.recognize(text, units, lang, false)
}

// recognize is RecognizeLang, guessing the language from the text when
// guess is set.
func (x *Recognizer) recognize(text string, units []veille.Span, lang string, guess bool) Result {
	units = slices.Clone(units)
	sort.Slice(units, func(i, j int) bool { return units[i].Start < units[j].Start })
	st := &state{x: x, text: text, acronyms: map[string]acronym{}, terms: map[string]bool{}, capsSeen: map[string]bool{}, lowSeen: map[string]bool{}}
	for _, u := range units {
		st.units = append(st.units, unit{span: u, toks: nlp.Tokenize(text, u.Start, u.End)})
	}
	st.foldUnits()
	for _, u := range st.units {
		for i, t := range u.toks {
			if t.Kind != nlp.Word {
				continue
			}
			w := t.Text(text)
			if lexicon.IsCapitalized(w) {
				if !initial(text, u.toks, i) {
					st.capsSeen[u.folds[i]] = true
				}
			} else {
				st.lowSeen[u.folds[i]] = true
			}
		}
		st.findAcronyms(u)
	}
	if guess {
		lang = guessLang(text, st.units)
	}
	st.en = lang == "en"
	for _, u := range st.units {
		st.scan(u)
	}
	if lang == "en" {
		if m := loadTagger(); m != nil {
			st.tagged(m)
		}
	}
	return st.resolve()
}

func (st *state) tokText(t nlp.Token) string { return st.text[t.Start:t.End] }

// initial reports whether token i opens its sentence or a quotation.
func initial(text string, toks []nlp.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := toks[j]
		if t.Kind != nlp.Punct {
			return false
		}
		if strings.Contains("«\"“„‹(—–-:•*'‘", t.Text(text)) {
			return true
		}
		return false
	}
	return true
}

func isCaps(w string) bool { return lexicon.IsCapitalized(w) }

// allCaps reports whether w has two or more letters, mostly capitals
// ("FAMa", "ONU", "AQMI").
func allCaps(w string) bool {
	up, low := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		}
	}
	return up >= 2 && low <= 1 && isCaps(w)
}

// findAcronyms learns "Long Name (ACR)" definitions: the acronym's
// capitals are the initials of the words before the parenthesis.
func (st *state) findAcronyms(u unit) {
	toks := u.toks
	for i := 1; i+2 < len(toks); i++ {
		if open, shut := st.tokText(toks[i]), st.tokText(toks[i+2]); (open != "(" || shut != ")") && (open != "[" || shut != "]") {
			continue
		}
		acr := st.tokText(toks[i+1])
		if !allCaps(acr) {
			continue
		}
		var letters []rune
		for _, r := range acr {
			if unicode.IsUpper(r) {
				letters = append(letters, unicode.ToLower(r))
			}
		}
		// Walk back over words, matching the capitals from the last.
		k := len(letters) - 1
		j := i - 1
		start := -1
		for j >= 0 && k >= 0 && i-j <= len(letters)+4 {
			t := toks[j]
			if t.Kind != nlp.Word {
				break
			}
			w := st.tokText(t)
			f := []rune(nlp.Fold(w))
			if st.x.lx.Is(nlp.Fold(w), lexicon.ClassParticle) && (len(f) == 0 || f[0] != letters[k]) {
				j--
				continue
			}
			if len(f) == 0 || f[0] != letters[k] {
				break
			}
			// Hyphenated words may give two letters (Saint-Louis: SL).
			if parts := strings.Split(string(f), "-"); len(parts) > 1 {
				for p := len(parts) - 1; p > 0 && k > 0; p-- {
					if pr := []rune(parts[p]); len(pr) > 0 && pr[0] == letters[k] {
						k--
					}
				}
			}
			k--
			start = j
			j--
		}
		if k >= 0 || start < 0 || !isCaps(st.tokText(toks[start])) {
			if t := toks[i-1]; t.Kind == nlp.Word && !isCaps(st.tokText(t)) {
				st.terms[acr] = true // "facteur de croissance épidermique (EGF)": a term
			}
			continue
		}
		long := st.text[toks[start].Start:toks[i-1].End]
		a := acronym{id: "veille:org/" + slug(acr), name: long}
		for _, e := range st.x.lx.Names(lexicon.Key(acr)) {
			if e.Kind == lexicon.KindOrg {
				o := st.x.lx.Orgs[e.Index]
				a = acronym{id: o.ID, name: o.Name}
			}
		}
		for _, e := range st.x.lx.Names(lexicon.Key(long)) {
			if e.Kind == lexicon.KindOrg {
				o := st.x.lx.Orgs[e.Index]
				a = acronym{id: o.ID, name: o.Name}
			}
		}
		if a.id == "veille:org/"+slug(acr) {
			for _, e := range st.x.lx.Names(lexicon.Key(long)) {
				if e.Kind == lexicon.KindCountry {
					a = acronym{country: int(e.Index) + 1} // a country, not an organization
				}
			}
		}
		if _, ok := st.acronyms[acr]; !ok {
			st.acronyms[acr] = a
			st.acronyms["\x00"+long] = a
		}
	}
}

// match is a gazetteer match over tokens [i, j).
type match struct {
	j       int
	entries []lexicon.Entry
}

// lookup finds the longest gazetteer name starting at token i whose
// capitalisation agrees with the text.
func (st *state) lookup(toks []nlp.Token, i int) (match, bool) {
	lx := st.x.lx
	var best match
	found := false
	var key strings.Builder
	n := 0
	for j := i; j < len(toks) && n < lx.MaxTokens; j++ {
		t := toks[j]
		w := st.tokText(t)
		if t.Kind == nlp.Punct {
			if w == "." && j > i {
				continue // Washington D.C
			}
			if w != "-" && w != "'" && w != "’" && w != "&" {
				break
			}
		}
		if n > 0 {
			key.WriteByte(' ')
		}
		key.WriteString(st.fold(t))
		n++
		es, more := lx.Lookup(key.String())
		if len(es) == 0 {
			if !more {
				break
			}
			continue
		}
		var ok []lexicon.Entry
		for _, e := range es {
			if e.Exact != "" {
				if strings.ReplaceAll(st.text[toks[i].Start:t.End], " ", "") != strings.ReplaceAll(e.Exact, " ", "") {
					continue
				}
			} else if e.Kind != lexicon.KindDemonym && (!isCaps(st.tokText(toks[i])) || !st.capsAfterArticle(toks, i, j)) {
				continue
			}
			ok = append(ok, e)
		}
		if len(ok) > 0 {
			best = match{j: j + 1, entries: dropMinor(ok)}
			found = true
		}
	}
	return best, found
}

// dropMinor drops the small towns (Entry.Minor) of a name that also
// names a country, a region, an area or an organization: "California"
// is the state, not the hamlet of Maryland.
// capsAfterArticle reports whether a name toks[i..j] that opens with an
// article ("Le Mans", "Les Attaques") has its next word capitalised too:
// at a sentence's start "Les attaques sont en hausse" is no town.
func (st *state) capsAfterArticle(toks []nlp.Token, i, j int) bool {
	switch strings.TrimRight(st.fold(toks[i]), "'’") {
	case "le", "la", "les", "l":
	default:
		return true
	}
	for k := i + 1; k <= j; k++ {
		if toks[k].Kind == nlp.Word {
			return isCaps(st.tokText(toks[k]))
		}
	}
	return true
}

func dropMinor(es []lexicon.Entry) []lexicon.Entry {
	minor, bigger := false, false
	for _, e := range es {
		switch {
		case e.Minor:
			minor = true
		case e.Kind != lexicon.KindCity && e.Kind != lexicon.KindDemonym:
			bigger = true
		}
	}
	if !minor || !bigger {
		return es
	}
	return slices.DeleteFunc(es, func(e lexicon.Entry) bool { return e.Minor })
}

// scan recognises the mentions of one unit.
func (st *state) scan(u unit) {
	lx := st.x.lx
	toks := u.toks
	for i := 0; i < len(toks); {
		t := toks[i]
		w := st.tokText(t)
		if t.Kind != nlp.Word {
			// `l'association "Protoni"`, "sa société aérienne, Voling".
			if a, b, next, ok := st.apposedName(toks, i); ok {
				text := st.text[toks[a].Start:toks[b].End]
				st.add(mention{start: toks[a].Start, end: toks[b].End, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: a})
				i = next
				continue
			}
			i++
			continue
		}
		// Acronyms defined in the article, and their long forms.
		if a, ok := st.acronyms[w]; ok {
			st.add(st.acronymMention(a, t.Start, t.End, i))
			i++
			continue
		}
		if j, a, ok := st.longForm(toks, i); ok {
			st.add(st.acronymMention(a, t.Start, toks[j-1].End, i))
			i = j
			continue
		}
		// Governments: "gouvernement malien", "Malian government",
		// "government of Mali".
		if j, m, ok := st.government(toks, i); ok {
			st.add(m)
			i = j
			continue
		}
		if j, code, ok := st.regionOf(toks, i); ok {
			// "territoire britannique", "la région parisienne".
			text := st.text[t.Start:toks[j-1].End]
			st.add(mention{start: t.Start, end: toks[j-1].End, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, country: code, tok: i})
			i = j
			continue
		}
		if j, m, ok := st.institution(toks, i); ok {
			st.add(m)
			i = j
			continue
		}
		if j, m, ok := st.lowerOrg(toks, i); ok {
			st.add(m) // "le département d'État américain"
			i = j
			continue
		}
		if m, ok := st.lookup(toks, i); ok && !st.personCue(toks, i, m) && !st.commonWord(toks, i, m) && st.placeCue(toks, i, &m) && !st.headOfName(toks, i, m) && !st.apposedPlace(toks, i, m) {
			if st.sportClub(toks, i, m) {
				// "Brest s'impose 2-1": the town's club.
				text := st.text[t.Start:toks[m.j-1].End]
				st.add(mention{start: t.Start, end: toks[m.j-1].End, typ: veille.TypeORG, id: "veille:org/club/" + slug(text), name: text, tok: i})
				i = m.j
				continue
			}
			n := len(st.ms)
			st.gazetteer(toks, i, m)
			if len(st.ms) > n && st.weakTown(toks, i, m) {
				st.ms[n].weak = true
			}
			i = m.j
			if j := st.orgService(toks, n, m.j); j > m.j {
				i = j // "BBC Afrique": a service of the organization
				continue
			}
			if len(st.ms) > n && st.ms[n].typ != veille.TypeORG && st.ms[n].typ != veille.TypeNORP {
				if j, ok := st.cardinalAfter(toks, m.j); ok {
					st.ms[n].full = toks[j-1].End // "Paris Nord", "Irlande du Nord": a part of the place, resolved as the place
					i = j
				}
			}
			continue
		}
		if j, ok := st.dateline(toks, i); ok {
			text := st.text[t.Start:toks[j-1].End]
			st.add(mention{start: t.Start, end: toks[j-1].End, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, tok: i})
			i = j
			continue
		}
		if j, typ, ok := st.headed(toks, i); ok {
			start := t.Start
			if typ == veille.TypeLOC && (st.ordinalBefore(toks, i) || st.houseNumber(toks, i)) {
				start = toks[i-1].Start // "le 13e arrondissement de Paris", "au 22 rue Largentier"
			}
			text := st.text[start:toks[j-1].End]
			st.add(mention{start: start, end: toks[j-1].End, typ: typ, id: "veille:" + strings.ToLower(typ) + "/" + slug(text), name: text, tok: i})
			i = j
			continue
		}
		if j, ok := st.rankName(toks, i); ok {
			// "général de Gaulle": the rank names the person with the name.
			text := st.text[toks[i+2].Start:toks[j-1].End]
			st.add(mention{start: t.Start, end: toks[j-1].End, typ: veille.TypePER, id: "veille:per/" + slug(text), name: st.text[t.Start:toks[j-1].End],
				role: strings.ToLower(w), tok: i})
			i = j
			continue
		}
		if j, ok := st.body(toks, i); ok {
			st.addBody(toks, i, j)
			i = j
			continue
		}
		if !isCaps(w) || lx.Is(nlp.Fold(w), lexicon.ClassTitle) && st.nextIsName(toks, i) {
			i++
			continue
		}
		j := st.extendName(toks, i)
		if j == i {
			i++
			continue
		}
		st.name(toks, i, j)
		i = j
	}
}

// headed matches a common noun written in lower case that heads the
// name of an organization or a place, with the name that follows it,
// directly or after "de": "tribunal administratif de Nîmes", "université
// de Nantes", "lycée Fénelon", "gare de Chambéry", "aéroport Logan". It
// returns the end of the name and its type (ORG or LOC).
func (st *state) headed(toks []nlp.Token, i int) (int, string, bool) {
	w := st.tokText(toks[i])
	if isCaps(w) {
		return 0, "", false
	}
	lx := st.x.lx
	f := st.fold(toks[i])
	typ, plural := "", false
	switch {
	case lx.Is(f, lexicon.ClassOrgHead) && !commonHead[f]:
		typ = veille.TypeORG
	case lx.Is(f, lexicon.ClassLocHead):
		typ = veille.TypeLOC
	case strings.HasSuffix(f, "s") && lx.Is(strings.TrimSuffix(f, "s"), lexicon.ClassLocHead):
		typ, plural = veille.TypeLOC, true // "îles Pribilof", but "les rues de Montréal" are streets
	default:
		return 0, "", false
	}
	k := i + 1
	// One adjective: "tribunal administratif", "école primaire".
	if typ == veille.TypeORG && k+1 < len(toks) && toks[k].Kind == nlp.Word && !isCaps(st.tokText(toks[k])) && !lx.Is(st.fold(toks[k]), lexicon.ClassParticle) &&
		!lx.Is(st.fold(toks[k]), lexicon.ClassFunc) && !st.verbLike(st.fold(toks[k])) {
		k++
	}
	if k < len(toks) {
		switch st.fold(toks[k]) {
		case "de", "d'", "du", "des":
			k++
			if k < len(toks) && (st.fold(toks[k]) == "la" || st.fold(toks[k]) == "l'") {
				k++
			}
		}
	}
	if k >= len(toks) || toks[k].Kind != nlp.Word || !isCaps(st.tokText(toks[k])) || lx.Is(st.fold(toks[k]), lexicon.ClassFunc) {
		return 0, "", false
	}
	end := st.extendName(toks, k)
	if !st.en && afterDe(st.fold(toks[k-1])) && end > k+1 && st.firstName(st.tokText(toks[k])) && !allCaps(st.tokText(toks[k])) {
		return 0, "", false // "en compagnie de Guy Martin": a person after "de"
	}
	if m, ok := st.lookup(toks, k); ok {
		if slices.ContainsFunc(m.entries, func(e lexicon.Entry) bool { return e.Kind == lexicon.KindOrg }) {
			return 0, "", false // "le groupe Wagner": the organization of the list
		}
		if plural {
			return 0, "", false // "les forêts des Ardennes": a known place
		}
		end = max(end, m.j)
	}
	if end <= k {
		return 0, "", false
	}
	if lx.Is(f, lexicon.ClassApposed) && (k == i+1 || k == i+2 && st.apposedAdj(toks, i+1)) {
		return 0, "", false // "la société Renault", "le groupe pétrolier Total": the name alone (see name)
	}
	if !st.en && typ == veille.TypeORG && end == k+1 && end < len(toks) && lexicon.French(st.tokText(toks[k]))&lexicon.FrCommon != 0 && st.adjective(toks[end]) {
		end++ // "ministère des Affaires étrangères": a common noun's adjective
	}
	return end, typ, true
}

// commonHead are organization heads that, in lower case, are rather
// common nouns ("centre du Guangdong", "direction Saint-Jean").
var commonHead = map[string]bool{"centre": true, "center": true, "direction": true, "force": true, "forces": true, "front": true,
	"mission": true, "office": true, "union": true, "communaute": true, "fonds": true, "cour": true}

// longForm matches the long form of an acronym defined in the article.
func (st *state) longForm(toks []nlp.Token, i int) (int, acronym, bool) {
	if len(st.acronyms) == 0 || !isCaps(st.tokText(toks[i])) {
		return 0, acronym{}, false
	}
	for j := min(len(toks), i+12); j > i+1; j-- {
		if a, ok := st.acronyms["\x00"+st.text[toks[i].Start:toks[j-1].End]]; ok {
			return j, a, true
		}
	}
	return 0, acronym{}, false
}

// government matches a government word with a nationality or a country.
func (st *state) government(toks []nlp.Token, i int) (int, mention, bool) {
	lx := st.x.lx
	w := nlp.Fold(st.tokText(toks[i]))
	code := ""
	j := 0
	switch {
	case lx.Is(w, lexicon.ClassGov) && i+1 < len(toks):
		// gouvernement malien | gouvernement du Mali | government of Mali
		k := i + 1
		if p := nlp.Fold(st.tokText(toks[k])); p == "du" || p == "de" || p == "d'" || p == "des" || p == "of" {
			k++
			if k < len(toks) {
				if p2 := nlp.Fold(st.tokText(toks[k])); p2 == "la" || p2 == "l'" || p2 == "the" {
					k++
				}
			}
			if k < len(toks) {
				if m, ok := st.lookup(toks, k); ok && m.entries[0].Kind == lexicon.KindCountry {
					code, j = lx.Countries[m.entries[0].Index].Code, m.j
				}
			}
		} else if m, ok := st.lookup(toks, k); ok && m.entries[0].Kind == lexicon.KindDemonym {
			code, j = lx.Countries[m.entries[0].Index].Code, m.j
		}
	case isCaps(st.tokText(toks[i])) && i+1 < len(toks):
		// Malian government
		if m, ok := st.lookup(toks, i); ok && m.j < len(toks) && m.entries[0].Kind == lexicon.KindDemonym &&
			lx.Is(nlp.Fold(st.tokText(toks[m.j])), lexicon.ClassGov) {
			code, j = lx.Countries[m.entries[0].Index].Code, m.j+1
		}
	}
	if code == "" {
		return 0, mention{}, false
	}
	kind, name := "government", "Government of "
	if f := nlp.Fold(st.text[toks[i].Start:toks[j-1].End]); strings.Contains(f, "arme") || strings.Contains(f, "army") {
		kind, name = "army", "Armed forces of "
	}
	c, _ := lx.Country(code)
	return j, mention{start: toks[i].Start, end: toks[j-1].End, typ: veille.TypeORG, id: "veille:org/" + kind + "/" + code,
		name: name + c.NameEN, country: code, tok: i, strong: true}, true
}

// institution matches a national institution named by a common noun
// after a definite article, "le gouvernement", "le parlement",
// "l'Assemblée nationale": the mention has no country yet; resolve gives
// it the article's main country.
func (st *state) institution(toks []nlp.Token, i int) (int, mention, bool) {
	if i == 0 {
		return 0, mention{}, false
	}
	switch st.fold(toks[i-1]) {
	case "le", "la", "l'", "du", "au":
	default:
		return 0, mention{}, false
	}
	lx := st.x.lx
	j := 0
	key := st.fold(toks[i])
	if i+1 < len(toks) && lx.Is(key+" "+st.fold(toks[i+1]), lexicon.ClassInst) {
		j = i + 2
	} else if lx.Is(key, lexicon.ClassInst) {
		j = i + 1
	}
	if j == 0 {
		return 0, mention{}, false
	}
	if j < len(toks) && toks[j].Kind == nlp.Word {
		if m, ok := st.lookup(toks, j); ok && m.entries[0].Kind == lexicon.KindDemonym {
			return 0, mention{}, false // "le parlement européen": the lists' or another rule's
		}
		if isCaps(st.tokText(toks[j])) {
			return 0, mention{}, false // "le Congrès américain", "la Sénat Conférence"
		}
	}
	kind := "parliament"
	if key == "gouvernement" {
		kind = "government"
	}
	return j, mention{start: toks[i].Start, end: toks[j-1].End, typ: veille.TypeORG, id: "veille:org/" + kind, name: st.text[toks[i].Start:toks[j-1].End],
		inst: kind, tok: i, strong: true}, true
}

// personCue reports whether a city-only match at token i is rather a
// person's name: after a title, or followed by a capitalised surname
// when it is a first name ("Florence Parly").
func (st *state) personCue(toks []nlp.Token, i int, m match) bool {
	for _, e := range m.entries {
		if e.Kind != lexicon.KindCity {
			return st.firstNameOfPlace(toks, i, m)
		}
	}
	if i > 0 && st.x.lx.Is(nlp.Fold(st.tokText(toks[i-1])), lexicon.ClassTitle) {
		return true
	}
	if i > 1 && st.tokText(toks[i-1]) == "." && st.x.lx.Is(nlp.Fold(st.tokText(toks[i-2])), lexicon.ClassTitle) {
		return true
	}
	if m.j == i+1 && (st.surname(st.tokText(toks[i])) != "" || st.given(st.tokText(toks[i])) != "") {
		return true // "Clinton" after "Bill Clinton", "Ramos" after "Ramos Sanchez"
	}
	if m.j == i+1 && m.j < len(toks) && (st.x.lx.FirstName(st.tokText(toks[i])) || st.smallTown(toks, i, m)) && toks[m.j].Kind == nlp.Word &&
		isCaps(st.tokText(toks[m.j])) && len(st.x.lx.Names(nlp.Fold(st.tokText(toks[m.j])))) == 0 {
		return true
	}
	return false
}

// placeCue reports whether a match of towns only may be read as a
// place, dropping from m the small towns (Entry.Minor) the context does
// not support. A one-word name of small towns only needs a cue: a
// preposition of place before it ("à Cancale"); one that is also a first
// name ("Paul", "Marie") and no big city needs a preposition of motion
// ("vers Paul") or a country or region after it ("Paul (Cap-Vert)").
func (st *state) placeCue(toks []nlp.Token, i int, m *match) bool {
	lx := st.x.lx
	minor, first, other := 0, false, false
	for _, e := range m.entries {
		switch {
		case e.Kind == lexicon.KindCity && e.Minor:
			minor++
		case e.Kind == lexicon.KindCity || e.Kind == lexicon.KindRegion:
			c := e.Kind == lexicon.KindCity && (lx.Cities[e.Index].Pop >= 200000 || lx.Cities[e.Index].Feature == "PPLC")
			if !c {
				first = true
			}
			if c {
				other = true
			}
		default:
			other = true
		}
	}
	if minor == 0 && !first {
		return true
	}
	if m.j == i+1 && !other && lx.FirstName(st.tokText(toks[i])) {
		// "parler à Paul" is no journey: only a preposition of motion or
		// a country named after it make a first name a place.
		if st.contextCountry(toks[i].End) != "" {
			return true
		}
		if i == 0 || initial(st.text, toks, i) {
			return false
		}
		switch st.fold(toks[i-1]) {
		case "vers", "pres", "depuis", "jusqu'a", "en", "dans", "la", "le", "in", "near", "outside":
			return true // persons take no article: "la Moselle", "en Moselle"
		case ",", "et":
			return i >= 2 && st.placeEndsAt(toks[i-2].End) // a list of places: "la Meurthe et Moselle"
		}
		return false
	}
	if minor == len(m.entries) {
		// A town's name in capitals heads the lines of local listings
		// ("BOUILLY – Marché de Noël"); short ones are rather acronyms.
		w := st.tokText(toks[i])
		return m.j > i+1 || st.townPrep(toks, i) || allCaps(w) && utf8.RuneCountInString(w) >= 5
	}
	if minor > 0 && m.j == i+1 && !st.townPrep(toks, i) {
		// Bigger places of the name only.
		m.entries = slices.DeleteFunc(slices.Clone(m.entries), func(e lexicon.Entry) bool { return e.Minor })
	}
	return true
}

// weakTown reports whether the match m at token i is one word naming
// towns only, none a capital or of 100,000 people or more, with no
// preposition of place before it: as often a surname ("Ramos",
// "Morrison", "Ballard"), kept only when the article names the town's
// country (see resolve).
func (st *state) weakTown(toks []nlp.Token, i int, m match) bool {
	if w := st.tokText(toks[i]); m.j != i+1 || st.townPrep(toks, i) || st.placePrep(toks, i) || allCaps(w) && utf8.RuneCountInString(w) >= 5 ||
		!st.en && strings.ContainsRune(w, '-') {
		return false // "à Cancale", "BOUILLY – Marché de Noël", "Saint-Malo" (no surname)
	}
	for _, e := range m.entries {
		if e.Kind != lexicon.KindCity {
			return false
		}
		if c := st.x.lx.Cities[e.Index]; c.Pop >= 100000 || c.Feature == "PPLC" {
			return false
		}
	}
	return true
}

// townPrep reports whether token i follows a preposition that introduces
// a town ("à", "de", "in", "near") inside a sentence, and no first name
// before "de" ("Charles de Gaulle").
func (st *state) townPrep(toks []nlp.Token, i int) bool {
	if i == 0 || initial(st.text, toks, i) {
		return false
	}
	switch st.fold(toks[i-1]) {
	case "a", "au", "vers", "pres", "depuis", "jusqu'a", "entre", "in", "at", "near", "from", "outside":
		return true
	case "de", "d'":
		return i < 2 || !isCaps(st.tokText(toks[i-2]))
	}
	return false
}

// commonWord reports whether a one-word match of places only is a word
// that never starts a name ("Un", "Sur", "Mon") or a word the article
// writes in lower case elsewhere, at the start of a sentence.
func (st *state) commonWord(toks []nlp.Token, i int, m match) bool {
	if m.j != i+1 {
		return false
	}
	for _, e := range m.entries {
		if e.Kind != lexicon.KindCity && e.Kind != lexicon.KindRegion {
			return false
		}
	}
	f := nlp.Fold(st.tokText(toks[i]))
	return st.x.lx.Is(f, lexicon.ClassFunc) || initial(st.text, toks, i) && st.lowSeen[f]
}

// gazetteer records a gazetteer match.
func (st *state) gazetteer(toks []nlp.Token, i int, m match) {
	lx := st.x.lx
	start, end := toks[i].Start, toks[m.j-1].End
	// Prefer, in order: organization, country, city, region, nationality.
	var org, country, demonym, region, area *lexicon.Entry
	var cities []int32
	for k := range m.entries {
		e := &m.entries[k]
		switch e.Kind {
		case lexicon.KindOrg:
			if org == nil {
				org = e
			}
		case lexicon.KindCountry:
			if country == nil {
				country = e
			}
		case lexicon.KindDemonym:
			if demonym == nil {
				demonym = e
			}
		case lexicon.KindCity:
			cities = append(cities, e.Index)
		case lexicon.KindRegion:
			if region == nil {
				region = e
			}
		case lexicon.KindArea:
			area = e
		}
	}
	text := st.text[start:end]
	switch {
	case org != nil:
		o := lx.Orgs[org.Index]
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: o.ID, name: o.Name, tok: i, gaz: true})
	case country != nil:
		c := lx.Countries[country.Index]
		lat, lon := c.Lat, c.Lon
		st.add(mention{start: start, end: end, typ: veille.TypeGPE, id: "iso3166:" + c.Code, name: c.NameEN,
			country: c.Code, lat: &lat, lon: &lon, feature: "A", tok: i, gaz: true})
	case demonym != nil && (len(cities) == 0 || !isCaps(text)):
		c := lx.Countries[demonym.Index]
		name := c.Demonym
		if name == "" {
			name = c.NameEN
		}
		st.add(mention{start: start, end: end, typ: veille.TypeNORP, id: "veille:norp/" + c.Code, name: name,
			country: c.Code, tok: i})
	case len(cities) > 0:
		st.add(mention{start: start, end: end, typ: veille.TypeGPE, cities: cities, feature: "P", tok: i})
	case area != nil:
		a := lx.Areas[area.Index]
		lat, lon := a.Lat, a.Lon
		st.add(mention{start: start, end: end, typ: veille.TypeLOC, id: "geonames:" + itoa(a.ID), name: a.Name,
			lat: &lat, lon: &lon, feature: "L", tok: i})
	case region != nil:
		r := lx.Regions[region.Index]
		lat, lon := r.Lat, r.Lon
		st.add(mention{start: start, end: end, typ: veille.TypeGPE, id: "iso3166-2:" + r.Code, name: r.Name,
			country: r.Country, lat: &lat, lon: &lon, feature: "A", tok: i})
	}
}

// nextIsName reports whether a title at token i is followed by a name
// ("M. Cissé", "Mr Smith").
func (st *state) nextIsName(toks []nlp.Token, i int) bool {
	j := i + 1
	if j < len(toks) && st.tokText(toks[j]) == "." {
		j++
	}
	return j < len(toks) && isCaps(st.tokText(toks[j]))
}

// extendName returns the end of the capitalised name starting at token i
// (i when there is none): capitalised words, with particles inside
// ("Abdoulaye Diop", "Ursula von der Leyen", "Coalition internationale
// pour le Sahel" when it opens with an organization head).
func (st *state) extendName(toks []nlp.Token, i int) int {
	lx := st.x.lx
	w := st.tokText(toks[i])
	f := nlp.Fold(w)
	if (lx.Is(f, lexicon.ClassFunc) || lx.Is(f, lexicon.ClassParticle)) && !st.initialAfterTitle(toks, i) || !st.en && placeholder(w) {
		return i
	}
	head := lx.Is(f, lexicon.ClassOrgHead)
	j := i + 1
	end := j
	for j < len(toks) && j-i < 10 {
		t := toks[j]
		w := st.tokText(t)
		if strings.ContainsRune(st.text[toks[j-1].End:t.Start], '\n') {
			break // a name does not run over a line break
		}
		if t.Kind != nlp.Word {
			if w == "&" || w == "-" && !st.spacedDash(toks, j) || st.initialDot(toks, j) || st.hashName(toks, j) {
				j++
				continue
			}
			break
		}
		f := nlp.Fold(w)
		switch {
		case !st.en && placeholder(w):
			// "XXX": a name removed from the text ends the name.
		case isCaps(w) && st.capsToTitle(toks, j):
			// "BERULLE Randonnée": a heading in capitals, then words.
		case isCaps(w) && (!lx.Is(f, lexicon.ClassFunc) || st.initialAfterTitle(toks, j)):
			j++
			end = j
			continue
		case !st.en && isCaps(w) && st.capsFuncInside(toks, j):
			j++ // "Jean Le Meur": a function word with a capital inside a name
			continue
		case !st.en && head && (f == "un" || f == "une") && (st.fold(toks[j-1]) == "pour" || st.fold(toks[j-1]) == "contre") &&
			j+1 < len(toks) && isCaps(st.tokText(toks[j+1])):
			j++ // "Association pour un Travail Équitable"
			continue
		case !st.en && arabicParticle(w):
			j++ // "Bachar el-Assad"
			end = j
			continue
		case lx.Is(f, lexicon.ClassParticle) && (head || !articleLike(f) || afterDe(st.fold(toks[j-1]))) && !(!st.en && j-1 > i && roman(st.tokText(toks[j-1]))) && !st.nameBeforeOrg(toks, i, j):
			j++ // "et" joins two names ("Aysel et Dogan") except in an organization's
			continue
		case head && !lx.Is(f, lexicon.ClassFunc) && j-i <= 3 && !st.verbLike(f):
			j++ // "Coalition internationale", "Forces armées"
			continue
		case head && st.headAdjective(toks, i, j):
			j++ // "Groupe de travail du Forum international des ONG"
			continue
		}
		break
	}
	return end
}

// initialAfterTitle reports whether token i is a capital letter alone
// after a title or another such letter: the initials that stand for
// names in French court decisions ("M. B A", "Mme C"), "A" included.
//
// The answer is the same for a whole run of such letters; it is found
// once per run and kept by token (st.initials): walking back over the
// run for each letter took quadratic time ("A A A …").
func (st *state) initialAfterTitle(toks []nlp.Token, i int) bool {
	w := st.tokText(toks[i])
	if len(w) != 1 || w[0] < 'A' || w[0] > 'Z' || i == 0 {
		return false
	}
	k, res := i, false
	for {
		if v, ok := st.initials[toks[k].Start]; ok {
			res = v
			break
		}
		// Token k is a capital letter alone, k > 0.
		p := st.tokText(toks[k-1])
		switch {
		case st.x.lx.Is(nlp.Fold(p), lexicon.ClassTitle):
			res = true
		case p == "." && k > 1 && st.x.lx.Is(nlp.Fold(st.tokText(toks[k-2])), lexicon.ClassTitle):
			res = true
		case len(p) == 1 && p[0] >= 'A' && p[0] <= 'Z' && k > 1:
			k-- // as the letter before
			continue
		}
		break
	}
	if st.initials == nil {
		st.initials = map[int]bool{}
	}
	for ; k <= i; k++ {
		st.initials[toks[k].Start] = res
	}
	return res
}

// articleLike reports whether a particle is an article, a conjunction or
// a preposition other than "de", which only organization names hold
// ("Coalition internationale pour le Sahel") or hold after "de" ("Parc de
// la Fontaine"): "et" joins two names ("Aysel et Dogan").
func articleLike(f string) bool {
	switch f {
	case "le", "la", "les", "l'", "pour", "et", "and", "the", "for", "on":
		return true
	}
	return false
}

func afterDe(f string) bool { return f == "de" || f == "d'" }

// verbLike reports whether a lower-case word is a common verb form that
// ends an organization name ("a", "est", "said").
func (st *state) verbLike(f string) bool {
	switch f {
	case "a", "est", "sont", "ont", "avait", "etait", "sera", "said", "says", "is", "was", "has", "had", "will", "would":
		return true
	}
	return false
}

// name classifies the capitalised sequence [i, j) that no list knows.
func (st *state) name(toks []nlp.Token, i, j int) {
	lx := st.x.lx
	first := st.tokText(toks[i])
	ffirst := nlp.Fold(first)
	last := st.tokText(toks[j-1])
	start, end := toks[i].Start, toks[j-1].End
	text := st.text[start:end]
	n := j - i
	if n >= 2 && st.greeting(toks, i) {
		st.name(toks, i+1, j) // "Bonjour Souad", "Merci Julien Martin"
		return
	}
	if st.capArticle(toks, i) {
		// "Les Lutins du Villon": the capitalised article is the name's.
		defer func(n0 int) {
			if k := len(st.ms) - 1; k >= n0 && st.ms[k].start == toks[i].Start && st.ms[k].typ != veille.TypePER {
				st.ms[k].start = toks[i-1].Start
			}
		}(len(st.ms))
	}
	title := st.titleBefore(toks, i)
	role, roleTok := st.roleAround(toks, i, j)
	misc := false
	for k := i; k < j; k++ {
		if lx.Is(st.fold(toks[k]), lexicon.ClassMisc) {
			misc = true
		}
	}
	switch {
	case misc, !st.en && i > 0 && toks[i-1].Kind == nlp.Word && !isCaps(st.tokText(toks[i-1])) && lx.Is(st.fold(toks[i-1]), lexicon.ClassMiscNoun):
		// An event, a competition or a prize: not scored as PER, ORG or
		// LOC; so is a name after "prix" or "opération" ("le prix
		// Nobel", "l'opération Serval").
	case st.capsLine(toks) && !title && role == "":
		// A headline or a results line in capitals: too little to go on.
	case title && st.frTitle(toks, i) >= 0:
		// "M. Ludovique Ali", "Mme C": the French title is part of the mention.
		k := st.frTitle(toks, i)
		st.person(toks[k].Start, end, text, role, k)
	case n == 1 && (len(first) < 3 || repeated(first)):
		// "C", "XXX": initials and placeholders.
	case !st.en && n > 2 && lx.Is(ffirst, lexicon.ClassStateOf) && afterDe(st.fold(toks[i+1])) && st.placeAt(toks, i+2, j):
		// "l'État de Pennsylvanie": the state is the place named.
		m, _ := st.lookup(toks, i+2)
		st.gazetteer(toks, i+2, m)
	case st.apposedBefore(toks, i) || !title && st.organizer(toks, i):
		// "la société Renault": the organization's own name; "organisé
		// par Lire Pour Grandir": an event's organizer.
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
	case n >= 2 && st.affiliation(toks, i):
		// "Awa Keita de Radio Kledu": the body a person speaks for.
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
	case !st.en && n > 1 && lx.Is(ffirst, lexicon.ClassRole) && st.hasParticle(toks, i, j):
		// "Président de la République": the office names its holder.
		st.add(mention{start: start, end: end, typ: veille.TypePER, id: "veille:per/" + slug(text), name: text, role: strings.ToLower(first), tok: i})
	case lx.Is(ffirst, lexicon.ClassOrgHead) && n > 1, lx.Is(nlp.Fold(last), lexicon.ClassOrgTail) && n > 1:
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
	case !title && role == "" && n > 1 && st.orgWordInside(toks, i, j):
		// "Cyclo Club Othéen": a word of organization names inside.
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
	case !title && role == "" && st.properPlace(toks, i, j):
		// "la Bourgogne", "les Alpes": a proper noun after an article.
		st.add(mention{start: start, end: end, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, tok: i})
	case title || role != "" || st.firstName(first) && n > 1 && !lx.Is(ffirst, lexicon.ClassLocHead) && !lx.Is(ffirst, lexicon.ClassOrgHead):
		st.person(start, end, text, role, i)
	case n == 1 && (st.surname(first) != "" || st.given(first) != ""):
		// "Clinton" after "Bill Clinton"; "Noëline" after "Noëline Martin".
		st.person(start, end, text, "", i)
	case n == 1 && lx.FirstName(first) && !initial(st.text, toks, i) && !st.lowSeen[ffirst]:
		// A first name alone, inside a sentence: "Eloïse".
		st.person(start, end, text, "", i)
	case n == 1 && st.placeShape(first):
		// "Boulogne-sur-Mer", "Les Salins-d'Hyères": a French place's
		// name, with its article when it has a capital.
		if st.capArticle(toks, i) {
			start = toks[i-1].Start
			text = st.text[start:end]
		}
		st.add(mention{start: start, end: end, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, tok: i})
	case lx.Is(ffirst, lexicon.ClassLocHead) && n > 1, strings.HasPrefix(ffirst, "saint-") || strings.HasPrefix(ffirst, "sainte-"), st.cardinalName(first),
		!st.en && lx.Is(ffirst, lexicon.ClassLocCap) && n > 2 && st.hasParticle(toks, i, j):
		st.add(mention{start: start, end: end, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, tok: i})
	case n == 1 && st.terms[first]:
		// An acronym the article defines by common words: a term.
	case n == 1 && initial(st.text, toks, i) && !st.capsSeen[ffirst] && !st.initialName(toks, i):
		// A sentence-initial capital nothing else supports: a common word.
	case n == 1 && st.lowSeen[ffirst]:
		// Written in lower case elsewhere: a common word here too.
	case n == 1 && st.pairedName(toks, i):
		// "à Béné et Paolo": a name joined to a person's is a person's.
		st.person(start, end, text, "", i)
	case st.placePrep(toks, i) && !st.firstName(first) && (n > 1 || !st.lowSeen[ffirst]):
		// "à Avranches", "vers Cancale": a place no list knows.
		st.add(mention{start: start, end: end, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, tok: i})
	case st.capArticle(toks, i) && st.commonWords(toks, i, j):
		// "Les Ombelles", "La Poste": common words named with their
		// article; after a preposition of place, a place ("à La Défense").
		start = toks[i-1].Start
		text = st.text[start:end]
		if st.placePrep(toks, i-1) {
			st.add(mention{start: start, end: end, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, tok: i - 1})
			break
		}
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i - 1})
	case n >= 2 && st.commonWords(toks, i, j):
		// "Nouveau Testament", "Art Sacré": common words with capitals.
	case !st.en && n >= 2 && allCaps(first) && strings.ToUpper(first) == first && utf8.RuneCountInString(first) <= 4 && !roman(first) &&
		!st.firstName(st.tokText(toks[i+1])) && !allCaps(st.tokText(toks[i+1])):
		// "USC Trojans", "RMC Sport": an acronym opening a name is an
		// organization's ("LOT UNIQUE" in capitals is a heading).
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
	case n == 2 && st.wordAndPlace(toks, i):
		// "Météo France", "Inter Milan": a body named after its place.
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
	case n >= 2 && n <= 4 && !strings.ContainsAny(text, "&") && !st.hasParticle(toks, i, j):
		st.person(start, end, text, "", i)
	case n == 1 && adjectival(ffirst):
		// "Kurdish", "European": a group or language, not scored.
	case n == 1 && lx.Is(ffirst, lexicon.ClassOrgNoun):
		// "l'État", "le Congrès": an institution (see orgNoun).
		if j2, ok := st.orgNoun(toks, i); ok {
			text = st.text[start:toks[j2-1].End]
			st.add(mention{start: start, end: toks[j2-1].End, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
		}
	case st.listPlace(toks, i):
		// "à Massy et Juvisy": a name in a list of places is a place.
		st.add(mention{start: start, end: end, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, tok: i})
	case st.articlePlace(toks, i, j):
		// "la Méditerranée", "l'Orénoque": persons take no article; with a
		// capital inside a sentence, the article is the place's ("Le Havre").
		if st.capArticle(toks, i) {
			start = toks[i-1].Start
			text = st.text[start:end]
		}
		st.add(mention{start: start, end: end, typ: veille.TypeLOC, id: "veille:loc/" + slug(text), name: text, tok: i})
	case n == 1 && st.loneAcronym(toks, i):
		// "la FNAUT": an acronym no dictionary has names an organization.
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
	case n == 1 && st.loneName(toks, i):
		// A surname or first name alone, or a word no dictionary has:
		// "Staline", "Thaddée".
		st.person(start, end, text, "", i)
	case n == 1:
		// A lone capitalised word no list knows: in French often a common
		// noun written with a capital (République); left out. So is an
		// acronym that neither a list, the article nor the dictionary
		// defines as a common noun: a term (PCR, TGV, BTS).
	default:
		st.add(mention{start: start, end: end, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: text, tok: i})
	}
	_ = roleTok
}

// orgWordInside reports whether a word of the name [i, j) after its
// first one heads or ends organization names ("Club", "Group").
func (st *state) orgWordInside(toks []nlp.Token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		f := st.fold(toks[k])
		if st.x.lx.Is(f, lexicon.ClassOrgHead) || st.x.lx.Is(f, lexicon.ClassOrgTail) {
			return true
		}
	}
	return false
}

// placePrep reports whether token i follows a preposition of place
// ("à", "vers", "près de") and no title.
func (st *state) placePrep(toks []nlp.Token, i int) bool {
	if i == 0 || initial(st.text, toks, i) {
		return false
	}
	switch st.fold(toks[i-1]) {
	case "a", "vers", "pres", "depuis", "jusqu'a":
		return true
	case "en":
		return st.enPlace(toks, i) // "en Bourgogne"
	}
	return false
}

// hasParticle reports whether the name [i, j) holds a particle ("Musée
// du Louvre", "Fête du Cochon"), which a person's name has only after a
// first name ("Charles de Gaulle").
func (st *state) hasParticle(toks []nlp.Token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if w := st.tokText(toks[k]); toks[k].Kind == nlp.Word && !isCaps(w) && (st.en || !arabicParticle(w)) {
			return true
		}
	}
	return false
}

// allCapsLine reports whether the unit is written in capitals (a
// headline or a sports results line).
func allCapsLine(text string, toks []nlp.Token) bool {
	up, low := 0, 0
	for _, t := range toks {
		for _, r := range text[t.Start:t.End] {
			switch {
			case unicode.IsUpper(r):
				up++
			case unicode.IsLower(r):
				low++
			}
		}
	}
	return up > 8 && low*4 < up
}

// capsLine is allCapsLine of the unit toks, computed once per unit: a
// name is classified for each capitalised word, and a long unit made
// the scan quadratic.
func (st *state) capsLine(toks []nlp.Token) bool {
	if len(toks) == 0 {
		return false
	}
	key := [2]int{toks[0].Start, toks[len(toks)-1].End}
	if v, ok := st.caps[key]; ok {
		return v
	}
	v := allCapsLine(st.text, toks)
	if st.caps == nil {
		st.caps = map[[2]int]bool{}
	}
	st.caps[key] = v
	return v
}

// repeated reports whether w is one letter repeated ("XXX").
func repeated(w string) bool {
	r0, _ := utf8.DecodeRuneInString(w)
	for _, r := range w {
		if r != r0 {
			return false
		}
	}
	return true
}

// adjectival reports whether a folded word has the ending of a
// nationality, language or group adjective (Kurdish, Sudanese, Moslem
// aside, European, Islamic).
func adjectival(f string) bool {
	for _, suf := range []string{"ish", "ese", "ian", "ean", "ic", "an", "ois", "aise", "ien", "ienne"} {
		if strings.HasSuffix(f, suf) && len(f) > len(suf)+2 {
			return true
		}
	}
	return false
}

// frTitle returns the index of the French title just before token i
// ("M.", "Mme", "Me"), which French usage keeps in the name, or -1.
func (st *state) frTitle(toks []nlp.Token, i int) int {
	k := i - 1
	if k >= 0 && st.tokText(toks[k]) == "." {
		k--
	}
	if k < 0 {
		return -1
	}
	switch st.tokText(toks[k]) {
	case "M", "MM", "Mme", "Mmes", "Mlle", "Me", "Mgr", "Mr", "Dr", "Pr":
		return k
	}
	return -1
}

// titleBefore reports whether token i follows a title ("M.", "Mme", "Dr").
func (st *state) titleBefore(toks []nlp.Token, i int) bool {
	k := i - 1
	if k >= 0 && st.tokText(toks[k]) == "." {
		k--
	}
	return k >= 0 && st.x.lx.Is(nlp.Fold(st.tokText(toks[k])), lexicon.ClassTitle)
}

// roleAround finds a role word just before the name [i, j) ("le
// porte-parole, Baba Cissé", "President Assimi Goïta") or just after
// it ("Baba Cissé, porte-parole du gouvernement"), and returns the role
// phrase with its complement.
func (st *state) roleAround(toks []nlp.Token, i, j int) (string, int) {
	lx := st.x.lx
	k := i - 1
	if k >= 0 && st.tokText(toks[k]) == "," {
		k--
	} else if k >= 0 && (afterDe(st.fold(toks[k])) || !st.en && (st.fold(toks[k]) == "des" || st.fold(toks[k]) == "du")) {
		k = -1 // "chef d'État", "ministre des Affaires étrangères": the name is the role's complement
	}
	for back := 0; k >= 0 && back < 2; back++ {
		f := nlp.Fold(st.tokText(toks[k]))
		if lx.Is(f, lexicon.ClassRole) {
			return st.rolePhrase(toks, k), k
		}
		if k > 0 && lx.Is(nlp.Fold(st.tokText(toks[k-1]))+" "+f, lexicon.ClassRole) {
			return st.rolePhrase(toks, k-1), k - 1
		}
		// "le porte-parole du gouvernement, X": skip back over a short complement.
		if back == 0 && (toks[k].Kind == nlp.Word) {
			k--
			continue
		}
		break
	}
	if j+1 < len(toks) && st.tokText(toks[j]) == "," {
		k := j + 1
		if f := nlp.Fold(st.tokText(toks[k])); (f == "le" || f == "la" || f == "l'" || f == "the" || f == "a" || f == "un" || f == "une") && k+1 < len(toks) {
			k++
		}
		if lx.Is(nlp.Fold(st.tokText(toks[k])), lexicon.ClassRole) {
			return st.rolePhrase(toks, k), k
		}
	}
	return "", -1
}

// rolePhrase returns the role word at token k with its complement
// ("porte-parole du gouvernement malien"); a bare role word takes the
// complement it had earlier in the article.
func (st *state) rolePhrase(toks []nlp.Token, k int) string {
	phrase := st.roleComplement(toks, k)
	if len(phrase) > toks[k].End-toks[k].Start {
		return phrase
	}
	// The longest phrase of an earlier occurrence (the first of that
	// length), from the occurrences of the word indexed once: a scan of
	// the article for each bare role word took quadratic time.
	occ := st.roleOccs(st.fold(toks[k]))
	n := sort.Search(len(occ), func(q int) bool { return occ[q].end > toks[k].Start })
	if n > 0 && len(occ[n-1].best) > len(phrase) {
		return occ[n-1].best
	}
	return phrase
}

// roleOccs returns the occurrences of the folded word in text order
// (units in order, then tokens), each with the longest role phrase so
// far, computed once per word.
func (st *state) roleOccs(word string) []roleOcc {
	if occ, ok := st.roles[word]; ok {
		return occ
	}
	// An article asks for one or two role words: a walk over its folded
	// tokens costs less than a map of them all.
	var occ []roleOcc
	best := ""
	for _, u := range st.units {
		for q, t := range u.toks {
			if st.fold(t) != word {
				continue
			}
			if ph := st.roleComplement(u.toks, q); len(ph) > len(best) {
				best = ph
			}
			occ = append(occ, roleOcc{end: t.End, best: best})
		}
	}
	if st.roles == nil {
		st.roles = map[string][]roleOcc{}
	}
	st.roles[word] = occ
	return occ
}

// roleComplement returns the role word at token k with the "de …"
// complement that follows it, if any (at most three words).
func (st *state) roleComplement(toks []nlp.Token, k int) string {
	start, end := toks[k].Start, toks[k].End
	j := k + 1
	if j < len(toks) {
		switch nlp.Fold(st.tokText(toks[j])) {
		case "du", "de", "des", "d'", "of":
			e := j + 1
			words := 0
			for e < len(toks) && words < 3 && toks[e].Kind == nlp.Word {
				f := nlp.Fold(st.tokText(toks[e]))
				if st.verbLike(f) || f == "tout" || f == "qui" || f == "que" || f == "et" || f == "and" {
					break
				}
				if !st.x.lx.Is(f, lexicon.ClassParticle) {
					words++
				}
				e++
			}
			if words > 0 {
				end = toks[e-1].End
			}
		}
	}
	return st.text[start:end]
}

// surname returns the person ID whose last name is w, "" when none: that
// of the last person mention whose name ends with the word w.
func (st *state) surname(w string) string {
	ix := st.msIndex()
	if k, ok := ix.byLast[w]; ok {
		return st.ms[k].id
	}
	return ""
}

// msIndex indexes st.ms[:n] for surname and person, which scanned all
// the mentions found so far for each name and took quadratic time.
type msIndex struct {
	n       int
	first   *mention       // &st.ms[0] when indexed, to see st.ms replaced (english.go)
	lastEnd int            // end of st.ms[n-1] when indexed
	byLast  map[string]int // last word of a person's name → index of its last mention
	byFirst map[string]int // first word of a person's name of two or three words → index of its last mention
	firstID map[string]int // entity ID → index of its first mention
}

// msIndex returns the index of st.ms, brought up to date: extended over
// the mentions added since, or rebuilt when st.ms was replaced.
func (st *state) msIndex() *msIndex {
	ix := &st.msIdx
	if ix.n > len(st.ms) || ix.n > 0 && (&st.ms[0] != ix.first || st.ms[ix.n-1].end != ix.lastEnd) {
		*ix = msIndex{}
	}
	if ix.byLast == nil {
		ix.byLast, ix.byFirst, ix.firstID = map[string]int{}, map[string]int{}, map[string]int{}
	}
	for k := ix.n; k < len(st.ms); k++ {
		m := &st.ms[k]
		if _, ok := ix.firstID[m.id]; !ok {
			ix.firstID[m.id] = k
		}
		if m.typ == veille.TypePER {
			if i := strings.LastIndexByte(m.name, ' '); i >= 0 {
				ix.byLast[m.name[i+1:]] = k
			}
			if f, rest, ok := strings.Cut(m.name, " "); ok && m.role == "" && strings.Count(rest, " ") <= 1 {
				ix.byFirst[f] = k
			}
		}
	}
	ix.n = len(st.ms)
	if ix.n > 0 {
		ix.first, ix.lastEnd = &st.ms[0], st.ms[ix.n-1].end
	}
	return ix
}

// person records a person mention, linked to a full name said before
// when it is a surname alone.
func (st *state) person(start, end int, text, role string, tok int) {
	id := "veille:per/" + slug(text)
	name := text
	if !strings.Contains(text, " ") {
		prev := st.surname(text)
		if prev == "" {
			prev = st.given(text)
		}
		if prev != "" {
			id = prev
			if k, ok := st.msIndex().firstID[prev]; ok {
				name = st.ms[k].name
			}
		}
	}
	st.add(mention{start: start, end: end, typ: veille.TypePER, id: id, name: name, role: role, tok: tok})
}

func (st *state) add(m mention) { st.ms = append(st.ms, m) }

// resolve chooses a city for each ambiguous place name, then builds
// entities, mentions and places.
func (st *state) resolve() Result {
	lx := st.x.lx
	if main := mainCountry(st.ms); main != "" {
		c, _ := lx.Country(main)
		for k := range st.ms {
			if m := &st.ms[k]; m.inst != "" {
				m.id, m.country = "veille:org/"+m.inst+"/"+main, main
				m.name = map[string]string{"government": "Government of ", "parliament": "Parliament of "}[m.inst] + c.NameEN
			}
		}
	}
	st.resolvePlaces()
	for k := range st.ms {
		if m := &st.ms[k]; m.full > m.end {
			m.end = m.full
		}
	}
	var r Result
	byID := map[string]int{}
	sort.SliceStable(st.ms, func(i, j int) bool { return st.ms[i].start < st.ms[j].start })
	for _, m := range st.ms {
		if n := len(r.Mentions); n > 0 && r.Mentions[n-1].End > m.start {
			continue // overlapping: keep the first
		}
		idx, ok := byID[m.id]
		if !ok {
			idx = len(r.Entities)
			byID[m.id] = idx
			r.Entities = append(r.Entities, veille.Entity{ID: m.id, Type: m.typ, Name: m.name, Country: m.country, Lat: m.lat, Lon: m.lon, Mentions: []int{}})
		}
		e := &r.Entities[idx]
		if m.role != "" && len(m.role) > len(e.Role) {
			e.Role = m.role
		}
		if m.typ == veille.TypePER && len(m.name) > len(e.Name) {
			e.Name = m.name
		}
		e.Mentions = append(e.Mentions, len(r.Mentions))
		r.Mentions = append(r.Mentions, veille.Mention{Span: veille.Span{Start: m.start, End: m.end}, Text: st.text[m.start:m.end], Type: m.typ, EntityID: m.id})
		if m.feature != "" && m.lat != nil {
			r.Places = append(r.Places, veille.Place{Span: veille.Span{Start: m.start, End: m.end}, Text: st.text[m.start:m.end],
				ID: m.id, Name: m.name, Country: m.country, FeatureClass: m.feature, Lat: *m.lat, Lon: *m.lon})
		}
	}
	if len(st.nested) > 0 {
		st.addNested(&r)
	}
	return r
}

// addNested adds the places named inside other names to r.Places, where
// no place of a mention covers them, keeping r.Places in text order.
func (st *state) addNested(r *Result) {
	n := len(r.Places)
	for _, m := range st.nested {
		if m.lat == nil {
			continue
		}
		covered := false
		for _, p := range r.Places[:n] {
			if p.Start < m.end && m.start < p.End {
				covered = true
				break
			}
		}
		if !covered {
			r.Places = append(r.Places, veille.Place{Span: veille.Span{Start: m.start, End: m.end}, Text: st.text[m.start:m.end],
				ID: m.id, Name: m.name, Country: m.country, FeatureClass: m.feature, Lat: *m.lat, Lon: *m.lon})
		}
	}
	sort.SliceStable(r.Places, func(i, j int) bool { return r.Places[i].Start < r.Places[j].Start })
}

// slug makes an ID part of a name: lower case, no accents, words joined by
// hyphens.
func slug(s string) string {
	f := nlp.Fold(s)
	var b strings.Builder
	dash := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

func itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(buf[i:])
}

var _ = utf8.RuneError
