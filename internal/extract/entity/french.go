// The rules of this file read French text with the French dictionary
// (lexicon.French); in English text (state.en) they all stay out.

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

// loneName reports whether the capitalised word at token i, alone and
// inside a sentence, that no list of places or organizations knows, is
// rather a person's name than a common noun written with a capital: a
// surname or first name of the French dictionary that is no common noun
// ("Staline", "Thaddée"), or a word the dictionary does not have at all,
// neither an acronym nor a placeholder ("Plumkett"). "État",
// "République" or "Empire" are common nouns and stay out.
func (st *state) loneName(toks []nlp.Token, i int) bool {
	if st.en {
		return false
	}
	w := st.tokText(toks[i])
	if allCaps(w) || repeated(w) || utf8.RuneCountInString(w) < 3 || !nameShape(w) || initial(st.text, toks, i) && !st.initialName(toks, i) {
		return false
	}
	if i > 0 {
		if gap := st.text[toks[i-1].End:toks[i].Start]; strings.ContainsRune(gap, '\n') && !st.dictName(w) {
			return false // a line of verse or a list item opens with a capital
		}
		if p := st.tokText(toks[i-1]); (p == "," || p == "(") && i > 1 && st.placeEndsAt(toks[i-2].End) {
			return false // "Long Beach, Californie": a place's region or country
		}
		if st.tokText(toks[i-1]) == "#" && upperCount(w) > 1 {
			return false // "#NBAPlayoffs": a hashtag
		}
		switch st.fold(toks[i-1]) {
		case "@", "le", "la", "les", "l'", "du", "des", "au", "aux", "en", "dans", "sur":
			return false // persons take no article ("la Provence", "en Aquitaine")
		}
	}
	c := lexicon.French(w)
	switch {
	case st.x.lx.Is(nlp.Fold(w), lexicon.ClassPerName):
		return true // "Dieu"
	case c&(lexicon.FrSurname|lexicon.FrFirst) != 0:
		return true // "Macron" too, which is also a common word: name only reaches here names the article never writes in lower case
	case c != 0 || lexicon.English(w):
		return false
	}
	if i > 0 {
		if afterDe(st.fold(toks[i-1])) {
			return false // "la région de Louhansk": an unknown word after "de" is as often a place
		}
		if n := len(st.ms); n > 0 && st.ms[n-1].end == toks[i-1].End && isCaps(st.tokText(toks[i-1])) {
			return false // "Manchester United", "BBC Mundo": the end of a longer name
		}
	}
	return !st.x.lx.Is(nlp.Fold(w), lexicon.ClassFunc)
}

// nameShape reports whether w is shaped like a name: no digit, no
// capital after a small letter ("RentreeScolaire" is a hashtag), no
// part in small letters after a hyphen ("Faut-il", "Entre-bâillant").
func nameShape(w string) bool {
	low := false
	for k, r := range w {
		switch {
		case unicode.IsDigit(r), r == '\'', r == '’':
			return false
		case unicode.IsUpper(r) && low:
			return false
		case unicode.IsLower(r):
			if k > 0 && w[k-1] == '-' {
				return false
			}
			low = true
		case r == '-':
			low = false // "Mounet-Sully", "Colombie-Britannique"
		}
	}
	return true
}

// upperCount returns the number of capital letters in w.
func upperCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// placeholder reports whether w stands for a name removed from the text
// ("XXX" in anonymised posts): one capital letter repeated.
func placeholder(w string) bool {
	return utf8.RuneCountInString(w) >= 3 && repeated(w) && isCaps(w) && w[0] != 'I' // "III" is a numeral
}

// firstNameOfPlace reports whether a one-word match of places that is
// also a first name starts a person's name: followed by a capitalised
// word that no list knows ("Maurice Denis", not "Maurice" the country).
func (st *state) firstNameOfPlace(toks []nlp.Token, i int, m match) bool {
	if st.en {
		return false
	}
	w := st.tokText(toks[i])
	if m.j != i+1 || m.j >= len(toks) || !st.x.lx.FirstName(w) && lexicon.French(w)&lexicon.FrFirst == 0 {
		return false
	}
	n := toks[m.j]
	nw := st.tokText(n)
	if n.Kind != nlp.Word || !isCaps(nw) || allCaps(nw) || strings.ContainsRune(st.text[toks[i].End:n.Start], '\n') {
		return false
	}
	f := st.fold(n)
	return len(st.x.lx.Names(f)) == 0 && !st.x.lx.Is(f, lexicon.ClassFunc) && !st.x.lx.Is(f, lexicon.ClassOrgHead) && !st.x.lx.Is(f, lexicon.ClassLocHead)
}

// headOfName reports whether a one-word place match at token i is rather
// the head of an organization's name that goes on with "de" and a
// capitalised word ("Centre d'Art Sacré", not the region Centre).
func (st *state) headOfName(toks []nlp.Token, i int, m match) bool {
	if st.en {
		return false
	}
	if m.j != i+1 || m.j+1 >= len(toks) || !st.x.lx.Is(st.fold(toks[i]), lexicon.ClassOrgHead) {
		return false
	}
	switch st.fold(toks[m.j]) {
	case "de", "d'", "du", "des":
	default:
		return false
	}
	k := m.j + 1
	if f := st.fold(toks[k]); (f == "la" || f == "l'") && k+1 < len(toks) {
		k++
	}
	return toks[k].Kind == nlp.Word && isCaps(st.tokText(toks[k]))
}

// apposedBefore reports whether token i follows, in lower case, a noun
// that introduces an organization's own name without being part of it,
// directly or with one adjective between ("la société Renault", "le
// groupe Akadêmia", "le laboratoire français Sanofi", "le constructeur
// automobile Renault").
func (st *state) apposedBefore(toks []nlp.Token, i int) bool {
	if st.en || i == 0 || !isCaps(st.tokText(toks[i])) {
		return false
	}
	k := i - 1
	if k > 0 && st.apposedAdj(toks, k) {
		k--
	}
	return toks[k].Kind == nlp.Word && !isCaps(st.tokText(toks[k])) && st.x.lx.Is(st.fold(toks[k]), lexicon.ClassApposed) && st.determined(toks, k)
}

// determined reports whether the noun at token k opens its noun phrase:
// a function word (an article, a possessive, a preposition), a
// punctuation mark or nothing before it, not another noun ("la série
// hebdomadaire", where the noun of class apposed is an adjective).
func (st *state) determined(toks []nlp.Token, k int) bool {
	return k == 0 || toks[k-1].Kind != nlp.Word || st.x.lx.Is(st.fold(toks[k-1]), lexicon.ClassFunc) || st.x.lx.Is(st.fold(toks[k-1]), lexicon.ClassParticle)
}

// apposedAdj reports whether the word at token k, after a noun of class
// apposed, is an adjective qualifying it: a nationality or a word shaped
// like an adjective ("le groupe français", "la compagnie pétrolière").
func (st *state) apposedAdj(toks []nlp.Token, k int) bool {
	t := toks[k]
	w := st.tokText(t)
	if st.en || k == 0 || t.Kind != nlp.Word || isCaps(w) || st.x.lx.Is(st.fold(t), lexicon.ClassApposed) || !st.x.lx.Is(st.fold(toks[k-1]), lexicon.ClassApposed) {
		return false
	}
	if m, ok := st.lookup(toks, k); ok && m.j == k+1 && slices.ContainsFunc(m.entries, func(e lexicon.Entry) bool { return e.Kind == lexicon.KindDemonym }) {
		return true
	}
	f := st.fold(t)
	return st.adjective(t) || st.commonNoun(t) && (strings.HasSuffix(f, "ier") || strings.HasSuffix(f, "iere") || strings.HasSuffix(f, "iers") || strings.HasSuffix(f, "ieres"))
}

// apposedPlace reports whether a place match at token i follows a noun
// introducing an organization's name ("l'association Milan …"): the
// name is the organization's, not the town's.
func (st *state) apposedPlace(toks []nlp.Token, i int, m match) bool {
	return st.apposedBefore(toks, i) && !slices.ContainsFunc(m.entries, func(e lexicon.Entry) bool { return e.Kind == lexicon.KindOrg })
}

// placeEndsAt reports whether the last mention found ends at byte end and
// is a place.
func (st *state) placeEndsAt(end int) bool {
	n := len(st.ms)
	return n > 0 && st.ms[n-1].end == end && (st.ms[n-1].typ == veille.TypeGPE || st.ms[n-1].typ == veille.TypeLOC)
}

// spacedDash reports whether the dash at token j stands between spaces:
// a separator ("BERULLE - Randonnée"), not a hyphen.
func (st *state) spacedDash(toks []nlp.Token, j int) bool {
	if st.en {
		return false
	}
	return j > 0 && j+1 < len(toks) && toks[j-1].End < toks[j].Start && toks[j].End < toks[j+1].Start
}

// initialDot reports whether the full stop at token j ends an initial or
// the abbreviation "St" inside a name, before a capitalised word
// ("Dwight D. Eisenhower", "J. C. Penney", "St. Luc").
func (st *state) initialDot(toks []nlp.Token, j int) bool {
	if st.en {
		return false
	}
	if st.tokText(toks[j]) != "." || j == 0 || j+1 >= len(toks) || toks[j+1].Kind != nlp.Word || !isCaps(st.tokText(toks[j+1])) {
		return false
	}
	p := st.tokText(toks[j-1])
	return len(p) == 1 && p[0] >= 'A' && p[0] <= 'Z' || p == "St" || p == "Ste"
}

// capsToTitle reports whether the word at token j, not in capitals,
// follows a word in capitals of five letters or more: the name in
// capitals ends there ("BERULLE Randonnée", "REPUBLICAIN Jacques"),
// while "Christophe CHANTEPY" and "RMC Sport" (an acronym) go on.
func (st *state) capsToTitle(toks []nlp.Token, j int) bool {
	if st.en {
		return false
	}
	if j == 0 {
		return false
	}
	p := st.tokText(toks[j-1])
	return allCaps(p) && utf8.RuneCountInString(p) >= 5 && !allCaps(st.tokText(toks[j]))
}

// listPlace reports whether the capitalised name at token i follows a
// place and a comma or "et" ("Massy, Palaiseau et Juvisy"), and is no
// known person's name: a list of places goes on.
func (st *state) listPlace(toks []nlp.Token, i int) bool {
	if st.en {
		return false
	}
	if i < 2 || !st.placeEndsAt(toks[i-2].End) {
		return false
	}
	switch st.fold(toks[i-1]) {
	case ",", "et":
	default:
		return false
	}
	w := st.tokText(toks[i])
	return !st.x.lx.FirstName(w) && lexicon.French(w)&(lexicon.FrSurname|lexicon.FrFirst|lexicon.FrCommon) == 0 && nameShape(w) && !allCaps(w)
}

// orgNoun reports whether the capitalised common noun at token i (class
// orgnoun: "État", "République") names an institution: inside a
// sentence, not after an indefinite article ("un État") nor in "coup
// d'État". It returns the end of the name, a nationality adjective
// included ("l'État anglais").
func (st *state) orgNoun(toks []nlp.Token, i int) (int, bool) {
	if st.en {
		return 0, false
	}
	if i == 0 || initial(st.text, toks, i) {
		return 0, false
	}
	switch st.fold(toks[i-1]) {
	case "un", "une", "des", "ces", "ses", "leurs":
		return 0, false
	case "d'":
		if i >= 2 && st.fold(toks[i]) == "etat" && st.stateOfRole(toks[i-2]) {
			return 0, false // "coup d'État", "chef d'État", "secrétaire d'État"
		}
	case "l'":
		if i >= 3 && st.fold(toks[i]) == "etat" && st.fold(toks[i-2]) == "de" && st.stateOfRole(toks[i-3]) {
			return 0, false // "le chef de l'État": its holder, not the institution
		}
	}
	j := i + 1
	if j < len(toks) && toks[j].Kind == nlp.Word && !isCaps(st.tokText(toks[j])) {
		if m, ok := st.lookup(toks, j); ok && slices.ContainsFunc(m.entries, func(e lexicon.Entry) bool { return e.Kind == lexicon.KindDemonym }) {
			j = m.j
		}
	}
	return j, true
}

// stateOfRole reports whether the lower-case word token t, before
// "d'État" or "de l'État", makes with it a role or a phrase of its own
// ("chef d'État", "secrétaire d'État", "coup d'État", "homme d'État"),
// in which "État" names no institution.
func (st *state) stateOfRole(t nlp.Token) bool {
	if t.Kind != nlp.Word || isCaps(st.tokText(t)) {
		return false
	}
	f := strings.TrimSuffix(st.fold(t), "s")
	switch f {
	case "coup", "homme", "femme", "raison":
		return true
	}
	return st.x.lx.Is(f, lexicon.ClassRole)
}

// initialName reports whether the capitalised word opening the sentence
// at token i is a name all the same: a surname or first name of the
// French dictionary that is no common word, or a word it does not have
// at all, followed by a verb or a comma rather than a capitalised word
// ("Shusterman poursuit", "Bethzabé, femme d'Urie").
func (st *state) initialName(toks []nlp.Token, i int) bool {
	if st.en {
		return false
	}
	w := st.tokText(toks[i])
	if allCaps(w) || utf8.RuneCountInString(w) < 3 || !nameShape(w) || st.x.lx.Is(nlp.Fold(w), lexicon.ClassFunc) {
		return false
	}
	c := lexicon.French(w)
	if c&lexicon.FrCommon != 0 || c&lexicon.FrProper != 0 && c&(lexicon.FrSurname|lexicon.FrFirst) == 0 || c == 0 && lexicon.English(w) {
		return false
	}
	if i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	nw := st.tokText(n)
	return nw == "," || n.Kind == nlp.Word && !isCaps(nw) && lexicon.French(nw)&lexicon.FrCommon != 0
}

// commonWords reports whether every word of the capitalised sequence
// [i, j) is a common word of the French dictionary or an English one,
// and none a proper noun too ("Bénin", not "bénin"), a first name or a
// surname: a title or a term with capitals
// ("Nouveau Testament", "Art Sacré", "West Side Story"), not a person's
// name.
func (st *state) commonWords(toks []nlp.Token, i, j int) bool {
	if st.en {
		return false
	}
	words := 0
	for k := i; k < j; k++ {
		if toks[k].Kind != nlp.Word {
			continue
		}
		w := st.tokText(toks[k])
		c := lexicon.French(w)
		if c&lexicon.FrCommon == 0 && !lexicon.English(w) || c&(lexicon.FrSurname|lexicon.FrFirst|lexicon.FrProper) != 0 || st.x.lx.FirstName(w) {
			return false
		}
		words++
	}
	return words > 0
}

// dateline matches a place name in capitals opening a line (or following
// the date of a listing's line) and followed by a dash: the dateline of
// a news item or the town of a local listing ("BAMAKO – Le
// gouvernement…", "12 mai : ERVY-LE-CHATEL – Marché"). It returns the
// end of the name.
func (st *state) dateline(toks []nlp.Token, i int) (int, bool) {
	if st.en {
		return 0, false
	}
	if i > 0 {
		gap := st.text[toks[i-1].End:toks[i].Start]
		if !strings.ContainsRune(gap, '\n') && st.tokText(toks[i-1]) != ":" {
			return 0, false
		}
	}
	j, letters := st.capsRunFrom(toks, i)
	if j == i || letters < 4 || j >= len(toks) || toks[j-1].End == toks[j].Start && st.tokText(toks[j]) == "-" {
		return 0, false
	}
	switch st.tokText(toks[j]) {
	case "–", "—", "-":
	default:
		return 0, false
	}
	if _, ok := st.acronyms[st.tokText(toks[i])]; ok {
		return 0, false
	}
	if m, ok := st.lookup(toks, i); ok && slices.ContainsFunc(m.entries, func(e lexicon.Entry) bool { return e.Kind == lexicon.KindOrg }) {
		return 0, false
	}
	return j, true
}

// capsRun is a run of words in capitals (hyphens inside) of a unit,
// from token from to token to, with the count of letters before each
// of its tokens (cum[k-from]).
type capsRun struct {
	unit, from, to int // unit: the start of the unit's first token
	cum            []int
}

// capsRunFrom returns the end of the run of words in capitals, hyphens
// inside, that starts at the word at token i, and its count of letters.
// A run is scanned once: a line of words in capitals on lines of their
// own made dateline quadratic, each word starting the scan again.
func (st *state) capsRunFrom(toks []nlp.Token, i int) (int, int) {
	if r := &st.run; r.cum != nil && r.unit == toks[0].Start && r.from < i && i < r.to {
		return r.to, r.cum[r.to-r.from] - r.cum[i-r.from]
	}
	cum := []int{0}
	j := i
	letters := 0
	for j < len(toks) {
		w := st.tokText(toks[j])
		if toks[j].Kind == nlp.Word && strings.ToUpper(w) == w && isCaps(w) {
			letters += utf8.RuneCountInString(w)
			j++
			cum = append(cum, letters)
			continue
		}
		if w == "-" && j > i && j+1 < len(toks) && toks[j-1].End == toks[j].Start && toks[j].End == toks[j+1].Start {
			j++ // a hyphen inside the name
			cum = append(cum, letters)
			continue
		}
		break
	}
	st.run = capsRun{unit: toks[0].Start, from: i, to: j, cum: cum}
	return j, letters
}

// firstName reports whether w is a first name of the lists or of the
// French dictionary, hyphenated ones included ("Pierre-Antoine").
func (st *state) firstName(w string) bool {
	if st.en {
		return st.x.lx.FirstName(w)
	}
	if st.x.lx.FirstName(w) || lexicon.French(w)&lexicon.FrFirst != 0 {
		return true
	}
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !st.x.lx.FirstName(p) && lexicon.French(p)&lexicon.FrFirst == 0 {
			return false
		}
	}
	return true
}

// smallTown reports whether the match m at token i names only towns of
// fewer than 100,000 people, none a capital, with no preposition of
// place before it ("à Massy"): before a capitalised word, as often a
// person's first name or surname ("Ramos Sanchez") or the start of
// another name ("Thionville FC").
func (st *state) smallTown(toks []nlp.Token, i int, m match) bool {
	if st.en {
		return false
	}
	if st.placePrep(toks, i) || m.j >= len(toks) {
		return false
	}
	for _, e := range m.entries {
		if e.Kind != lexicon.KindCity {
			return false
		}
		if c := st.x.lx.Cities[e.Index]; c.Pop >= 100000 || c.Feature == "PPLC" {
			return false
		}
	}
	return len(m.entries) > 0
}

// hashName reports whether the "#" at token j, inside a name, tags the
// capitalised word it is attached to ("Emmanuel #Macron").
func (st *state) hashName(toks []nlp.Token, j int) bool {
	if st.en {
		return false
	}
	if st.tokText(toks[j]) != "#" || j == 0 || j+1 >= len(toks) || toks[j].End != toks[j+1].Start || toks[j+1].Kind != nlp.Word {
		return false
	}
	p, n := st.tokText(toks[j-1]), st.tokText(toks[j+1])
	return toks[j-1].Kind == nlp.Word && isCaps(p) && nameShape(p) && !allCaps(p) && isCaps(n) && nameShape(n) && !allCaps(n)
}

// enPlace reports whether the capitalised word at token i, after "en",
// names a place ("en Bourgogne"): not an acronym ("en BTS"), not a plural
// ("en Juifs", as Jews), not an institution ("en Congrès").
func (st *state) enPlace(toks []nlp.Token, i int) bool {
	if st.en {
		return false
	}
	w := st.tokText(toks[i])
	f := st.fold(toks[i])
	return isCaps(w) && !allCaps(w) && !strings.HasSuffix(f, "s") && !st.x.lx.Is(f, lexicon.ClassOrgNoun) && nameShape(w)
}

// loneAcronym reports whether the word at token i is an acronym of three
// letters or more that the French dictionary does not have: the
// dictionary has the acronyms of terms ("TGV", "PCR", "BTS") and of the
// best-known bodies, which the lists of organizations cover; the others
// are mostly organizations ("FNAUT"). Roman numerals are not acronyms.
func (st *state) loneAcronym(toks []nlp.Token, i int) bool {
	if st.en {
		return false
	}
	w := st.tokText(toks[i])
	if !allCaps(w) || strings.ToUpper(w) != w || utf8.RuneCountInString(w) < 3 || strings.Trim(w, "IVXLCDM") == "" || initial(st.text, toks, i) ||
		strings.HasSuffix(w, "s") || i > 0 && st.tokText(toks[i-1]) == "#" {
		return false // "GeV", "XVIe", "LLMs" (a plural: a term), "#COVID" (a hashtag)
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	if i > 0 && toks[i-1].Kind == nlp.Word {
		p := st.tokText(toks[i-1])
		f := st.fold(toks[i-1])
		if !isCaps(p) && !st.x.lx.Is(f, lexicon.ClassFunc) && !st.x.lx.Is(f, lexicon.ClassParticle) && lexicon.French(p)&lexicon.FrCommon != 0 || f == "en" {
			return false // "le test PCR": a term qualifying a noun; "en GNL", "en BTS": a matter or a form
		}
	}
	return lexicon.French(w) == 0 && !st.x.lx.Is(nlp.Fold(w), lexicon.ClassFunc)
}

// roman reports whether w is a Roman numeral of a ruler ("II", "XIV"),
// which ends a name: "Elizabeth II d'Angleterre" is Elizabeth II of
// England.
func roman(w string) bool {
	return len(w) <= 5 && w != "" && strings.Trim(w, "IVXLC") == ""
}

// arabicParticle reports whether w is an Arabic article joined to a
// capitalised name ("el-Assad", "al-Sissi"), part of a person's name.
func arabicParticle(w string) bool {
	for _, p := range []string{"el-", "al-", "ad-", "ash-", "as-", "ben-", "bin-", "abu-", "abd-"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			return isCaps(rest)
		}
	}
	return false
}

// greeting reports whether the capitalised word opening the sentence at
// token i is a common word before a name ("Bonjour Souad", "Merci
// Julien"): the name starts after it.
func (st *state) greeting(toks []nlp.Token, i int) bool {
	if st.en {
		return false
	}
	w := st.tokText(toks[i])
	f := st.fold(toks[i])
	lx := st.x.lx
	if !initial(st.text, toks, i) || i+1 >= len(toks) || st.firstName(w) || lexicon.French(w)&lexicon.FrCommon == 0 ||
		lx.Is(f, lexicon.ClassOrgHead) || lx.Is(f, lexicon.ClassLocHead) || lx.Is(f, lexicon.ClassTitle) || lx.Is(f, lexicon.ClassRole) {
		return false
	}
	switch f {
	case "madame", "monsieur", "mademoiselle", "docteur", "maitre", "professeur", "messieurs", "mesdames", "saint", "sainte":
		return false // a title, part of the name ("Madame Josselyne Peter")
	}
	n := st.tokText(toks[i+1])
	c := lexicon.French(n)
	return toks[i+1].Kind == nlp.Word && isCaps(n) && (st.firstName(n) || c == 0 && !lexicon.English(n) && nameShape(n) && !allCaps(n))
}

// articlePlace reports whether the capitalised name [i, j) that no list
// knows follows a definite article inside a sentence and is neither a
// person's name nor a common word of the dictionaries: a place, since
// persons take no article ("la Méditerranée", "l'Orénoque", "Les
// Borrels"; not "les Dupont", a family).
func (st *state) articlePlace(toks []nlp.Token, i, j int) bool {
	if st.en {
		return false
	}
	if i == 0 || initial(st.text, toks, i) {
		return false
	}
	switch st.fold(toks[i-1]) {
	case "le", "la", "l'":
	case "les":
		if !isCaps(st.tokText(toks[i-1])) {
			return false // "les Dupont": a family
		}
	default:
		return false
	}
	if isCaps(st.tokText(toks[i-1])) && initial(st.text, toks, i-1) {
		return false // "Le Monde" opening a sentence
	}
	for k := i; k < j; k++ {
		w := st.tokText(toks[k])
		if toks[k].Kind != nlp.Word {
			continue
		}
		c := lexicon.French(w)
		if allCaps(w) || !nameShape(w) || st.firstName(w) || c&(lexicon.FrSurname|lexicon.FrCommon) != 0 || lexicon.English(w) ||
			st.x.lx.Is(st.fold(toks[k]), lexicon.ClassOrgNoun) || st.x.lx.Is(st.fold(toks[k]), lexicon.ClassOrgHead) {
			return false
		}
	}
	return true
}

// capArticle reports whether token i follows, inside a sentence, a
// definite article written with a capital: the article is part of the
// name ("Le Havre", "Les Ombelles", "selon Le Monde").
func (st *state) capArticle(toks []nlp.Token, i int) bool {
	if st.en || i == 0 || initial(st.text, toks, i-1) {
		return false
	}
	switch st.tokText(toks[i-1]) {
	case "Le", "La", "Les", "L'", "L’":
		return true
	}
	return false
}

// dictName reports whether w is a surname or first name of the French
// dictionary and no common word, or a being's name of words.tsv
// ("Hippolyte", "Dieu"): a name even where any word takes a capital.
func (st *state) dictName(w string) bool {
	c := lexicon.French(w)
	return c&(lexicon.FrSurname|lexicon.FrFirst) != 0 && c&lexicon.FrCommon == 0 || st.x.lx.Is(nlp.Fold(w), lexicon.ClassPerName)
}

// regionOf matches, at token i, a noun of class locnoun with a
// nationality or a town's adjective after it, which together name a
// place: "territoire britannique", "l'Empire britannique", "l'Ouest
// canadien", "la région parisienne". Cardinal points take a capital
// ("il est canadien" is no place). It returns the end of the place and
// the country of the nationality ("" for a town's adjective).
func (st *state) regionOf(toks []nlp.Token, i int) (int, string, bool) {
	if st.en || i+1 >= len(toks) || toks[i+1].Kind != nlp.Word {
		return 0, "", false
	}
	lx := st.x.lx
	f := st.fold(toks[i])
	switch {
	case lx.Is(f, lexicon.ClassLocNoun):
	case lx.Is(f, lexicon.ClassCardinal) && isCaps(st.tokText(toks[i])) && !initial(st.text, toks, i):
	default:
		return 0, "", false
	}
	n := st.tokText(toks[i+1])
	if isCaps(n) {
		return 0, "", false
	}
	if m, ok := st.lookup(toks, i+1); ok && m.entries[0].Kind == lexicon.KindDemonym {
		return m.j, lx.Countries[m.entries[0].Index].Code, true
	}
	if f != "region" || utf8.RuneCountInString(n) < 6 || lx.Is(st.fold(toks[i+1]), lexicon.ClassFunc) || lexicon.French(n)&lexicon.FrCommon == 0 {
		return 0, "", false
	}
	for _, e := range []string{"ien", "ienne", "iens", "iennes", "ais", "aise", "aises", "ois", "oise", "oises"} {
		if strings.HasSuffix(n, e) {
			return i + 2, "", true // "la région parisienne", "la région lyonnaise"
		}
	}
	return 0, "", false
}

// properPlace reports whether the capitalised word at token i, alone
// after a definite article inside a sentence, is a proper noun of the
// French dictionary that is no name of persons ("la Bourgogne", "les
// Alpes", "l'Aube", "le Jourdain"): persons take no article, and the
// dictionary's other proper nouns are mostly places. Plurals that read
// as peoples ("les Égyptiens", "les Chrétiens") stay out.
func (st *state) properPlace(toks []nlp.Token, i, j int) bool {
	if st.en || j != i+1 || i == 0 || initial(st.text, toks, i) {
		return false
	}
	switch st.fold(toks[i-1]) {
	case "le", "la", "l'", "les", "du", "des", "au", "aux":
	default:
		return false
	}
	w := st.tokText(toks[i])
	c := lexicon.French(w)
	if allCaps(w) || c&lexicon.FrProper == 0 || c&(lexicon.FrSurname|lexicon.FrFirst) != 0 || st.x.lx.Is(st.fold(toks[i]), lexicon.ClassPerName) {
		return false
	}
	f := st.fold(toks[i])
	for _, e := range []string{"ais", "ois", "ens", "ains", "ites", "iques", "ans", "ins", "ifs", "ards", "ots", "ades", "ates", "ers"} {
		if strings.HasSuffix(f, e) {
			return false
		}
	}
	return true
}

// cardinalAfter matches, at token j just after a place, a cardinal
// point with a capital that names a part of it, directly or after "du"
// or "de l'" ("Paris Nord", "Irlande du Nord", "Afrique de l'Ouest"). It
// returns the end of the part.
func (st *state) cardinalAfter(toks []nlp.Token, j int) (int, bool) {
	if st.en || j >= len(toks) || toks[j-1].End == toks[j].Start {
		return 0, false
	}
	k := j
	switch st.fold(toks[k]) {
	case "du":
		k++
	case "de":
		if k+1 < len(toks) && st.fold(toks[k+1]) == "l'" {
			k += 2
		}
	}
	if k >= len(toks) || !isCaps(st.tokText(toks[k])) || !st.x.lx.Is(st.fold(toks[k]), lexicon.ClassCardinal) {
		return 0, false
	}
	if k+1 < len(toks) && toks[k+1].Kind == nlp.Word && isCaps(st.tokText(toks[k+1])) {
		return 0, false // "Paris Est Ensemble": a longer name
	}
	return k + 1, true
}

// placeAt reports whether a list's place (no organization, no
// nationality) is named by the tokens [k, j) exactly.
func (st *state) placeAt(toks []nlp.Token, k, j int) bool {
	m, ok := st.lookup(toks, k)
	return ok && m.j == j && !slices.ContainsFunc(m.entries, func(e lexicon.Entry) bool {
		return e.Kind == lexicon.KindOrg || e.Kind == lexicon.KindDemonym
	})
}

// capsFuncInside reports whether the capitalised function word at token
// j ("Pour", "De") stands inside a name: a name goes on before it on
// the same line, and a capitalised word that is no function word comes
// right after it ("Lire Pour Grandir", "Jean Le Meur").
func (st *state) capsFuncInside(toks []nlp.Token, j int) bool {
	if j == 0 || j+1 >= len(toks) || toks[j-1].Kind != nlp.Word || toks[j+1].Kind != nlp.Word {
		return false
	}
	n := st.tokText(toks[j+1])
	return isCaps(n) && !allCaps(n) && !st.x.lx.Is(st.fold(toks[j+1]), lexicon.ClassFunc) && !strings.ContainsRune(st.text[toks[j].End:toks[j+1].Start], '\n')
}

// given returns the entity ID of the person of two or three words, no
// role, named before in a French article whose first word is w, a first
// name of the lists: a person is named again by the first name
// ("Noëline" after "Noëline Martin"). A title or a function word is no
// first name.
func (st *state) given(w string) string {
	if st.en || allCaps(w) || !st.firstName(w) {
		return ""
	}
	f := nlp.Fold(w)
	if st.x.lx.Is(f, lexicon.ClassTitle) || st.x.lx.Is(f, lexicon.ClassFunc) || st.x.lx.Is(f, lexicon.ClassRole) {
		return ""
	}
	ix := st.msIndex()
	if k, ok := ix.byFirst[w]; ok {
		return st.ms[k].id
	}
	return ""
}

// placeShape reports whether the hyphenated word w is shaped like the
// name of a French place: a linking word of place names inside it
// ("Boulogne-sur-Mer", "Aix-les-Bains", "Mont-Saint-Michel",
// "Ervy-le-Châtel"), and no first name before an article ("Pierre-le-Grand"
// is a king).
func (st *state) placeShape(w string) bool {
	if st.en || !strings.ContainsRune(w, '-') || allCaps(w) {
		return false
	}
	parts := strings.Split(nlp.Fold(w), "-")
	if len(parts) < 2 || parts[0] == "" || parts[len(parts)-1] == "" || len(parts) == 2 && !strings.HasPrefix(parts[1], "d'") {
		return false
	}
	first, _, _ := strings.Cut(w, "-")
	for k, p := range parts[1:] {
		last := k == len(parts)-2
		switch {
		case last:
			if strings.HasPrefix(p, "d'") && len(p) > 2 {
				return !st.firstName(first) // "Salins-d'Hyères"
			}
		case p == "sur" || p == "sous" || p == "en" || p == "les" || p == "lez" || p == "saint" || p == "sainte" || p == "aux":
			return true
		case p == "le" || p == "la" || p == "de" || p == "du" || p == "des":
			return !st.firstName(first) // "Ervy-le-Châtel", "Bourg-de-Péage"; not "Pierre-le-Grand"
		}
	}
	return false
}

// pairedName reports whether the capitalised word at token i, which no
// dictionary has, is joined by "et" to a person's first name after it
// or to a person's name found just before it ("transférer à Béné et
// Paolo", "les avocats de Noëline Martin et Ramos"): names of persons
// go in pairs.
func (st *state) pairedName(toks []nlp.Token, i int) bool {
	if st.en {
		return false
	}
	w := st.tokText(toks[i])
	if allCaps(w) || !nameShape(w) || utf8.RuneCountInString(w) < 3 || lexicon.French(w)&(lexicon.FrCommon|lexicon.FrProper) != 0 || lexicon.English(w) {
		return false
	}
	if i+2 < len(toks) && st.fold(toks[i+1]) == "et" {
		n := st.tokText(toks[i+2])
		if toks[i+2].Kind == nlp.Word && isCaps(n) && !allCaps(n) && st.firstName(n) && (i+3 >= len(toks) || !isCaps(st.tokText(toks[i+3]))) {
			if _, place := st.lookup(toks, i+2); !place {
				return true
			}
		}
	}
	if i >= 2 && st.fold(toks[i-1]) == "et" {
		k := len(st.ms) - 1
		return k >= 0 && st.ms[k].end == toks[i-2].End && st.ms[k].typ == veille.TypePER
	}
	return false
}

// cardinalName reports whether the hyphenated word w opens with a
// cardinal point and goes on with a capital: a region's name
// ("Nord-Pas de Calais", "Sud-Kivu"), not "Est-ce".
func (st *state) cardinalName(w string) bool {
	if st.en {
		return false
	}
	head, rest, ok := strings.Cut(w, "-")
	if !ok || !isCaps(rest) || allCaps(w) || !st.x.lx.Is(nlp.Fold(head), lexicon.ClassCardinal) {
		return false
	}
	f := nlp.Fold(rest)
	if st.x.lx.Is(f, lexicon.ClassCardinal) && !st.x.lx.Is(nlp.Fold(w), lexicon.ClassCardinal) {
		return false // "le commerce Est-Ouest": a relation
	}
	for _, e := range []string{"ain", "aine", "ains", "aines", "ais", "aise", "aises", "ois", "oise", "oises", "en", "enne", "ens", "ennes"} {
		if strings.HasSuffix(f, e) && !strings.Contains(f, "-") {
			return false // "les Nord-Africains": a people
		}
	}
	return true
}

// ordinalBefore reports whether token i follows an ordinal in a French
// text, written in words or figures ("treizième", "13e", "XVe", "1er"):
// it tells which of a town's districts is meant ("le 13e arrondissement
// de Paris").
func (st *state) ordinalBefore(toks []nlp.Token, i int) bool {
	if st.en || i == 0 || toks[i-1].Kind != nlp.Word && toks[i-1].Kind != nlp.Number {
		return false
	}
	f := st.fold(toks[i-1])
	if f == "premier" || f == "premiere" || strings.HasSuffix(f, "ieme") && len(f) > 5 {
		return true
	}
	w := st.tokText(toks[i-1])
	for _, e := range []string{"er", "e", "ème"} {
		if n, ok := strings.CutSuffix(w, e); ok && n != "" && (strings.Trim(n, "0123456789") == "" || strings.Trim(n, "IVX") == "") {
			return true // "13e", "XVe": the Roman numeral in capitals
		}
	}
	return false
}

// streetNouns are the heads of street names that a house number comes
// before in a French address ("22 rue Largentier").
var streetNouns = map[string]bool{"rue": true, "avenue": true, "boulevard": true, "quai": true, "faubourg": true, "chemin": true, "allee": true, "impasse": true}

// houseNumber reports whether the street noun at token i follows a house
// number of one to three digits, which is part of the address ("au 22
// rue Largentier"); a number after a comma or a year is not.
func (st *state) houseNumber(toks []nlp.Token, i int) bool {
	if st.en || i == 0 || !streetNouns[st.fold(toks[i])] || isCaps(st.tokText(toks[i])) {
		return false
	}
	w := st.tokText(toks[i-1])
	return len(w) <= 3 && strings.Trim(w, "0123456789") == "" && w != "" && toks[i-1].End < toks[i].Start
}

// nameBeforeOrg reports whether the "de" at token j, inside the
// capitalised name opened at token i, ends a person's name before an
// organization's ("Aïcha Traoré de BBC Monitoring" is Aïcha Traoré of
// the BBC): the name before it opens with a first name, or holds two
// words none of which heads organizations or places, and after "de"
// (or "de l'") comes an acronym, an organization of the lists, or,
// after a first name and a surname, a run of two capitalised words or
// more. A particle and a surname stay in the name ("Charles de Gaulle",
// "Valéry Giscard d'Estaing", "Jean de La Fontaine").
func (st *state) nameBeforeOrg(toks []nlp.Token, i, j int) bool {
	if st.en || j <= i || j+1 >= len(toks) || !afterDe(st.fold(toks[j])) {
		return false
	}
	lx := st.x.lx
	first := st.tokText(toks[i])
	for k := i; k < j; k++ {
		f := st.fold(toks[k])
		if toks[k].Kind != nlp.Word || !isCaps(st.tokText(toks[k])) || lx.Is(f, lexicon.ClassOrgHead) || lx.Is(f, lexicon.ClassLocHead) || lx.Is(f, lexicon.ClassFunc) {
			return false
		}
	}
	person := st.firstName(first) && !allCaps(first)
	if j-i < 2 {
		return false // "Charles de Gaulle"; "site Web de BBC Sport" is no person
	}
	k := j + 1
	if st.fold(toks[k]) == "l'" && k+1 < len(toks) {
		k++
	}
	w := st.tokText(toks[k])
	if toks[k].Kind != nlp.Word || !isCaps(w) {
		return false
	}
	if allCaps(w) && strings.ToUpper(w) == w && utf8.RuneCountInString(w) >= 2 && !roman(w) {
		return true // "de BBC Monitoring", "de l'ONU"
	}
	if m, ok := st.lookup(toks, k); ok && slices.ContainsFunc(m.entries, func(e lexicon.Entry) bool { return e.Kind == lexicon.KindOrg }) {
		return true // "de Médecins sans frontières"
	}
	if !person || lx.Is(st.fold(toks[k]), lexicon.ClassParticle) || st.firstName(w) {
		return false
	}
	n := 0
	for p := k; p < len(toks) && toks[p].Kind == nlp.Word && isCaps(st.tokText(toks[p])) && !strings.ContainsRune(st.text[toks[p-1].End:toks[p].Start], '\n'); p++ {
		n++
	}
	return n >= 2 // "Moussa Keita de Radio Kledu", "Bob Hope de l'United Service Organizations"
}

// lowerOrg matches, at the lower-case word of token i after a definite
// article, an organization of the lists whose French name opens with a
// common noun with a complement holding a capital ("le département
// d'État"): the capital tells the name from common words, and a noun
// that introduces a name ("le groupe Wagner") is left to apposedBefore.
// The organization's nationality after it belongs to the name ("le
// département d'État américain"). It returns the end of the mention and
// the mention.
func (st *state) lowerOrg(toks []nlp.Token, i int) (int, mention, bool) {
	if st.en || i == 0 || toks[i].Kind != nlp.Word || isCaps(st.tokText(toks[i])) {
		return 0, mention{}, false
	}
	switch st.fold(toks[i-1]) {
	case "le", "la", "l'", "les", "du", "au", "aux", "des":
	default:
		return 0, mention{}, false
	}
	lx := st.x.lx
	key := st.fold(toks[i])
	if !lx.Continues(key) {
		return 0, mention{}, false
	}
	best, org := 0, int32(-1)
	capital := false
	if i+1 >= len(toks) || !afterDe(st.fold(toks[i+1])) && st.fold(toks[i+1]) != "du" && st.fold(toks[i+1]) != "des" {
		return 0, mention{}, false // "le groupe Wagner": the noun introduces the name (see apposedBefore)
	}
	for j := i + 1; j < len(toks) && j-i < lx.MaxTokens; j++ {
		w := st.tokText(toks[j])
		if toks[j].Kind == nlp.Punct && w != "'" && w != "’" && w != "-" {
			break
		}
		if strings.ContainsRune(st.text[toks[j-1].End:toks[j].Start], '\n') {
			break
		}
		capital = capital || toks[j].Kind == nlp.Word && isCaps(w)
		key += " " + st.fold(toks[j])
		for _, e := range lx.Names(key) {
			if e.Kind == lexicon.KindOrg && e.Exact == "" && capital {
				best, org = j+1, e.Index
				break
			}
		}
		if !lx.Continues(key) {
			break
		}
	}
	if best == 0 {
		return 0, mention{}, false
	}
	o := lx.Orgs[org]
	end := best
	if o.Country != "" && end < len(toks) && !isCaps(st.tokText(toks[end])) {
		if m, ok := st.lookup(toks, end); ok && m.entries[0].Kind == lexicon.KindDemonym && lx.Countries[m.entries[0].Index].Code == o.Country {
			end = m.j // "le département d'État américain"
		}
	}
	return end, mention{start: toks[i].Start, end: toks[end-1].End, typ: veille.TypeORG, id: o.ID, name: o.Name, tok: i, gaz: true}, true
}

// headAdjective reports whether the lower-case word at token j, inside
// the name of an organization opened at token i by a head noun, is an
// adjective of the capitalised word before it, deeper in the name than
// the head's own adjectives: the name goes on if a capitalised word
// follows ("Groupe de travail du Forum international des ONG").
func (st *state) headAdjective(toks []nlp.Token, i, j int) bool {
	if st.en || j-i <= 3 || j+2 >= len(toks) || !isCaps(st.tokText(toks[j-1])) || !st.adjective(toks[j]) {
		return false
	}
	return st.x.lx.Is(st.fold(toks[j+1]), lexicon.ClassParticle) || toks[j+1].Kind == nlp.Word && isCaps(st.tokText(toks[j+1]))
}

// affiliation reports whether the capitalised name at token i follows
// "de" after a person's name that nameBeforeOrg ended there: the body
// the person belongs to ("Awa Keita de Radio Kledu").
func (st *state) affiliation(toks []nlp.Token, i int) bool {
	if st.en || i < 2 {
		return false
	}
	de := i - 1
	if st.fold(toks[de]) == "l'" && de > 1 {
		de-- // "de l'United Service Organizations"
	}
	if !afterDe(st.fold(toks[de])) {
		return false
	}
	k := len(st.ms) - 1
	if k < 0 || st.ms[k].typ != veille.TypePER || st.ms[k].end != toks[de-1].End || st.ms[k].tok >= de {
		return false
	}
	return st.nameBeforeOrg(toks, st.ms[k].tok, de)
}

// orgService extends the organization of the lists named by an acronym,
// the mention n ending at token j, with the capitalised words right
// after it that name one of its services or programmes ("BBC Afrique",
// "BBC News Arabic", "ONU Femmes"). The service stops before a first
// name, a function word or a title ("à la BBC World Raúl Rivas": a
// person speaks to BBC World), and a word no dictionary has goes in
// only when no capitalised word follows it ("l'AFP Bjornar Tonhaugen"
// names a person) and no article comes before the acronym ("à la BBC
// Nalini", but "sur BBC Mundo"). It returns the end of the extended mention, j when
// there is none.
func (st *state) orgService(toks []nlp.Token, n, j int) int {
	if st.en || len(st.ms) <= n {
		return j
	}
	m := &st.ms[n]
	if m.typ != veille.TypeORG || !m.gaz || m.end != toks[j-1].End || !allCaps(st.text[m.start:m.end]) {
		return j
	}
	lx := st.x.lx
	article := false // "la BBC" is the corporation; its services go without article ("sur BBC Mundo")
	if k := m.tok; k > 0 {
		switch st.fold(toks[k-1]) {
		case "le", "la", "l'", "les":
			article = true
		}
	}
	e := j
	for ; e < len(toks) && e-j < 3; e++ {
		w := st.tokText(toks[e])
		f := st.fold(toks[e])
		if toks[e].Kind != nlp.Word || st.text[toks[e-1].End:toks[e].Start] != " " || !isCaps(w) || allCaps(w) || utf8.RuneCountInString(w) < 2 || !nameShape(w) ||
			st.firstName(w) || lx.Is(f, lexicon.ClassFunc) || lx.Is(f, lexicon.ClassTitle) || lx.Is(f, lexicon.ClassRole) || lx.Is(f, lexicon.ClassParticle) {
			break
		}
		next := e+1 < len(toks) && toks[e+1].Kind == nlp.Word && isCaps(st.tokText(toks[e+1])) && st.text[toks[e].End:toks[e+1].Start] == " "
		if _, place := st.lookup(toks, e); !place && !st.known(w) && (article || next) {
			break // "l'AFP Bjornar Tonhaugen", "à la BBC Nalini": a person's name
		}
		if article && next && e == j && !st.known(st.tokText(toks[e+1])) {
			break // "à la BBC Lamine Sarr"
		}
	}
	if e > j {
		m.end = toks[e-1].End
	}
	return e
}

// known reports whether a dictionary has the word w.
func (st *state) known(w string) bool {
	return lexicon.French(w) != 0 || lexicon.English(w)
}

// wordAndPlace reports whether the name of two words at token i is a
// common word of the French dictionary (no first name, no surname)
// followed by a country, a region or a town of the lists: a body named
// after its place ("Météo France", "Inter Milan"), not a person.
func (st *state) wordAndPlace(toks []nlp.Token, i int) bool {
	if st.en || i+1 >= len(toks) {
		return false
	}
	w := st.tokText(toks[i])
	c := lexicon.French(w)
	if allCaps(w) || c&lexicon.FrCommon == 0 || c&(lexicon.FrSurname|lexicon.FrFirst) != 0 || st.firstName(w) || adjectival(st.fold(toks[i])) {
		return false
	}
	switch strings.TrimSuffix(strings.TrimSuffix(st.fold(toks[i]), "s"), "e") {
	case "grand", "petit", "haut", "bas", "nouveau", "nouvell", "vieux", "vieill", "saint":
		return false // "Grande Bretagne", "Haute Volta": a place's name without its hyphen
	}
	m, ok := st.lookup(toks, i+1)
	return ok && m.j == i+2 && slices.ContainsFunc(m.entries, func(e lexicon.Entry) bool {
		return e.Kind == lexicon.KindCountry || e.Kind == lexicon.KindRegion || e.Kind == lexicon.KindCity && !e.Minor
	})
}
