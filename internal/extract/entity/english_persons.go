package entity

import (
	_ "embed"
	"strings"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/lexicon"
	"github.com/veille/veille/internal/nlp"
)

// personsTSV is data/persons.tsv: surname as written, a tab, full name.
//
//go:embed data/persons.tsv
var personsTSV string

// wellKnown are persons of the news known by their surname alone, by
// surname as written: "Putin" in a headline is Vladimir Putin even where
// the article never names him in full. A person of that surname named in
// full in the article comes first. Read from data/persons.tsv.
var wellKnown = readPersons(personsTSV)

func readPersons(tsv string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(tsv, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		surname, full, ok := strings.Cut(line, "\t")
		if !ok {
			panic("entity: data/persons.tsv: line without a tab: " + line)
		}
		m[surname] = full
	}
	return m
}

// personAfter returns where a person's name starts inside the tagger's
// span [i, j) when words describing the person come first: a
// nationality ("Argentine Abel Balbo", "Swede Kennet Andersson"), a role
// or a title ("Foreign Minister Ali Alatas"). The name is the last two or
// three capitalised words: after a nationality adjective, or a town in a
// text on games (sport; two words then: "Milan George Weah"), the first
// of them is a known first name and the others no common words; after a noun of nationality, a
// role or a title, none of them is a role, a
// title or a word of organizations, and none starts a place or an
// organization of the gazetteer. It returns i when the span is no such.
func (st *state) personAfter(toks []nlp.Token, i, j int, sport bool) int {
	lx := st.x.lx
	for k := max(i+1, j-3); k <= j-2; k++ {
		if !st.plainName(toks, k, j) {
			continue
		}
		cue := toks[k-1]
		if cue.Kind != nlp.Word {
			continue
		}
		f := st.fold(cue)
		switch {
		case lx.Is(f, lexicon.ClassRole) || lx.Is(f, lexicon.ClassTitle) || lx.Is(f, classNatNoun):
			return k
		case !lx.FirstName(st.tokText(toks[k])) || st.commonAfter(toks, k+1, j):
			// not "American Free Trade Agreement"
		case st.demonymEndsAt(toks, i, k):
			return k
		case sport && j-k == 2 && !lx.FirstName(st.tokText(cue)) && !lexicon.English(st.tokText(toks[k])) && st.townEndsAt(toks, i, k):
			return k // "Milan George Weah", the club's player
		}
	}
	return i
}

// classNatNoun is the class of words.tsv of nouns of nationality the
// country list lacks ("Swede", "Croat", "Englishman").
const classNatNoun = "natnoun"

// plainName reports whether the tokens [k, j) are capitalised words that
// may make a person's name: no role, title or word of organizations, no
// organization of the gazetteer, no place first.
func (st *state) plainName(toks []nlp.Token, k, j int) bool {
	return st.plainNameAfter(toks, k, j, false)
}

// plainNameAfter is plainName; after initials, the first word may be a
// town's name too ("K.J. Thornbury", not "N. Ireland").
func (st *state) plainNameAfter(toks []nlp.Token, k, j int, initials bool) bool {
	lx := st.x.lx
	for p := k; p < j; p++ {
		t := toks[p]
		w := st.tokText(t)
		if t.Kind != nlp.Word || len(w) < 2 || !isCaps(w) || allCaps(w) {
			return false
		}
		if p == k && lexicon.English(w) && !lx.FirstName(w) {
			return false // "Chief Constable Mark"
		}
		f := st.fold(t)
		for _, c := range lx.Classes(f) {
			switch c {
			case lexicon.ClassRole, lexicon.ClassTitle, lexicon.ClassOrgHead, lexicon.ClassOrgTail, lexicon.ClassMisc, lexicon.ClassFunc, classNatNoun:
				return false
			}
		}
		if orgHeads[f] || lx.Is(f, classLocTail) || lx.FacilityTail(w) {
			return false // "Queen Elizabeth Hospital"
		}
		if m, ok := st.lookup(toks, p); ok && (p == k && hasPlace(m.entries) && !lx.FirstName(w) && (!initials || !cityOnly(m.entries)) || hasKind(m.entries, lexicon.KindOrg) || hasKind(m.entries, lexicon.KindDemonym)) {
			return false // a surname may be a town's name: "Mark Cairns"
		}
	}
	return true
}

// commonAfter reports whether one of the tokens [k, j) is an English
// common word.
func (st *state) commonAfter(toks []nlp.Token, k, j int) bool {
	for _, t := range toks[k:j] {
		if lexicon.English(st.tokText(t)) {
			return true
		}
	}
	return false
}

// townEndsAt reports whether a city or a country of the gazetteer
// starting in [i, k) ends at token k ("Milan" in "Milan George Weah").
func (st *state) townEndsAt(toks []nlp.Token, i, k int) bool {
	for p := max(i, k-3); p < k; p++ {
		if m, ok := st.lookup(toks, p); ok && m.j == k && (hasKind(m.entries, lexicon.KindCity) || hasKind(m.entries, lexicon.KindCountry)) {
			return true
		}
	}
	return false
}

// demonymEndsAt reports whether a nationality of the gazetteer starting
// in [i, k) ends at token k ("East Timorese").
func (st *state) demonymEndsAt(toks []nlp.Token, i, k int) bool {
	for p := max(i, k-3); p < k; p++ {
		if m, ok := st.lookup(toks, p); ok && m.j == k && hasKind(m.entries, lexicon.KindDemonym) {
			return true
		}
	}
	return false
}

// initialsName reports whether the span [i, j) is a person's name
// written with initials: "N. Astle", "K.J. Matthew" (initials that name
// no place or organization, then one or two capitalised words).
func (st *state) initialsName(toks []nlp.Token, i, j int) bool {
	k := i
	switch w := st.tokText(toks[i]); {
	case len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && i+1 < j && st.tokText(toks[i+1]) == "." && toks[i+1].Start == toks[i].End:
		k = i + 2
	case initialsWord(w):
		if code := strings.ReplaceAll(w, ".", ""); len(code) == 2 {
			if _, ok := st.x.lx.Country(code); ok {
				return false // "N.Z."
			}
		}
		if len(st.x.lx.RegionAbbr(w)) > 0 {
			return false // "N.J."
		}
		k = i + 1
	default:
		return false
	}
	if j-k < 1 || j-k > 2 {
		return false
	}
	if m, ok := st.lookup(toks, i); ok && len(m.entries) > 0 {
		return false // "U.S. Navy"
	}
	return st.plainNameAfter(toks, k, j, true)
}

// initialsWord reports whether w is two or more initials written
// together: "K.J.", "J.R.R.".
func initialsWord(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for p := 0; p < len(w); p += 2 {
		if w[p] < 'A' || w[p] > 'Z' || w[p+1] != '.' {
			return false
		}
	}
	return true
}

// describer records what the words [i, k) before a person's name (see
// personAfter) name: a nationality ("Argentine Abel Balbo"), or a place
// or an organization of the gazetteer before a role ("CIA Director David
// Petraeus", "New York City Mayor Eric Adams"), or an organization whose
// name ends in a word of organizations ("National Committee Chairman").
func (st *state) describer(toks []nlp.Token, i, k int) {
	if st.demonymEndsAt(toks, i, k) {
		st.canon(toks, i, k, "MISC")
		return
	}
	lx := st.x.lx
	c := i
	for c < k {
		f := st.fold(toks[c])
		if lx.Is(f, lexicon.ClassRole) || lx.Is(f, lexicon.ClassTitle) || lx.Is(f, classNatNoun) {
			break
		}
		c++
	}
	if c == i || c == k {
		return // no role: "Milan" in "Milan George Weah" is rather the club
	}
	m, ok := st.lookup(toks, i)
	if !ok || m.j != c {
		if orgHeads[st.fold(toks[c-1])] {
			st.canon(toks, i, c, "ORG") // "Republican National Committee Chairman Reince Priebus"
		}
		return
	}
	var es []lexicon.Entry
	for _, e := range m.entries {
		switch e.Kind {
		case lexicon.KindCity:
			if !e.Minor {
				es = append(es, e) // not "Home" in "Home Secretary"
			}
		case lexicon.KindOrg, lexicon.KindCountry, lexicon.KindRegion, lexicon.KindArea:
			es = append(es, e)
		}
	}
	if len(es) > 0 {
		st.gazetteer(toks, i, match{j: c, entries: es})
	}
}

// cityOnly reports whether the places of es are all cities.
func cityOnly(es []lexicon.Entry) bool {
	for _, e := range es {
		switch e.Kind {
		case lexicon.KindCountry, lexicon.KindRegion, lexicon.KindArea:
			return false
		}
	}
	return true
}

// translitKey returns a key shared by the common Latin spellings of a
// Russian or Ukrainian given name: "Yevgeny", "Yevgeniy" and "Evgeny";
// "Sergei" and "Sergey"; "Alexei" and "Aleksey"; "Dmitri", "Dmitry" and
// "Dmitriy".
func translitKey(first string) string {
	f := nlp.Fold(first)
	f = strings.ReplaceAll(f, "ks", "x")
	if rest, ok := strings.CutPrefix(f, "ye"); ok {
		f = "e" + rest
	}
	for _, end := range [][2]string{{"iy", "y"}, {"ii", "y"}, {"yy", "y"}, {"ei", "ey"}} {
		if rest, ok := strings.CutSuffix(f, end[0]); ok {
			return rest + end[1]
		}
	}
	if rest, ok := strings.CutSuffix(f, "i"); ok && rest != "" && !strings.ContainsAny(rest[len(rest)-1:], "aeiouy") {
		return rest + "y"
	}
	return f
}

// sameTranslit gives the persons of the article named in full with the
// same surname and given names that are spellings of one name (see
// translitKey) one identity: that of a person of the news of that
// surname (data/persons.tsv), else that of the first named.
func (st *state) sameTranslit() {
	type person struct{ id, name string }
	first := map[string]person{} // surname and given names' keys → first person
	given := func(words []string) string {
		var k []string
		for _, w := range words[:len(words)-1] {
			k = append(k, translitKey(w))
		}
		return strings.Join(k, " ")
	}
	for k := range st.ms {
		m := &st.ms[k]
		if m.typ != veille.TypePER {
			continue
		}
		words := strings.Fields(m.name)
		if len(words) < 2 {
			continue
		}
		last := words[len(words)-1]
		key := last + "|" + given(words)
		p, seen := first[key]
		if !seen {
			p = person{m.id, m.name}
			if full, ok := wellKnown[last]; ok && full != m.name {
				if fw := strings.Fields(full); len(fw) == len(words) && given(fw) == given(words) {
					p = person{"veille:per/" + slug(full), full} // "Yevgeniy Prigozhin"
				}
			}
			first[key] = p
		}
		m.id, m.name = p.id, p.name
	}
}
