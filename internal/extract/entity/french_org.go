// Organizations of French text that no list names: clubs named after
// their town, names in quotation marks or after a comma that a noun such
// as "association" introduces, and bodies named by common nouns
// ("conseil municipal", "la fédération de sport adapté"). In English
// text (state.en) these rules stay out.

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

// sportClub reports whether the town named by the match m at token i
// stands for its sports club: the sentence speaks of a game (a score
// such as "2-1" or "3 à 1", or a word of class sport: "match",
// "victoire", "battu", "équipe"), and no preposition of place comes
// before the name ("à Brest" is the town). Countries and
// regions alone stay places: "la France" in a match is rather its national
// team, which the lists do not tell from the country.
func (st *state) sportClub(toks []nlp.Token, i int, m match) bool {
	if st.en || len(m.entries) == 0 {
		return false
	}
	city := false
	for _, e := range m.entries {
		switch e.Kind {
		case lexicon.KindCity:
			city = true
		case lexicon.KindRegion: // "Paris", "Liverpool": districts too
		default:
			return false
		}
	}
	if !city {
		return false
	}
	if i > 0 && !initial(st.text, toks, i) {
		switch st.fold(toks[i-1]) {
		case "a", "au", "en", "dans", "vers", "pres", "depuis", "jusqu'a", "sur", "sous", "entre", "pour", "par", "via", "habite", "ne", "nee":
			return false
		}
	}
	if m.j < len(toks) && toks[m.j].Kind == nlp.Word && isCaps(st.tokText(toks[m.j])) {
		return false // "Brest Métropole": a longer name
	}
	return st.sportUnit(toks)
}

// sportUnit reports whether the sentence toks speaks of a game: a score
// or a word of class sport, with another score or word of class sport or
// game ("victoire 2-1", "match … victoire"); "victoire" and "défaite"
// alone are as often a war's or an election's, "12-13" a range.
func (st *state) sportUnit(toks []nlp.Token) bool {
	if len(toks) == 0 {
		return false
	}
	if v, ok := st.sport[toks[0].Start]; ok {
		return v
	}
	strong, weak := 0, 0
	for k, t := range toks {
		switch {
		case st.score(toks, k):
			strong++ // "2-1" alone may be a date or a range
		case t.Kind != nlp.Word:
		case st.x.lx.Is(st.fold(t), lexicon.ClassSport):
			strong++
		case st.x.lx.Is(st.fold(t), lexicon.ClassGame):
			weak++
		}
	}
	v := strong >= 2 || strong == 1 && weak >= 1
	if st.sport == nil {
		st.sport = map[int]bool{}
	}
	st.sport[toks[0].Start] = v
	return v
}

// score reports whether a score starts at token k: "2-1", "5–3", "2a1",
// "3 à 1" (numbers of at most two digits; "10-12 ans" is no score when
// a unit follows, which is rare enough to leave).
func (st *state) score(toks []nlp.Token, k int) bool {
	w := st.tokText(toks[k])
	if w == "" || w[0] < '0' || w[0] > '9' || k > 0 && toks[k-1].End == toks[k].Start && toks[k-1].Kind != nlp.Punct {
		return false
	}
	// The score as written, whatever the tokens: "2-1", "5–3", "2a1".
	rest := st.text[toks[k].Start:min(len(st.text), toks[k].Start+12)]
	n := digits(rest)
	if n == 0 || n > 2 {
		return false
	}
	rest = rest[n:]
	for _, sep := range []string{"-", "–", "a"} {
		if r, ok := strings.CutPrefix(rest, sep); ok {
			if m := digits(r); m > 0 && m <= 2 && (m == len(r) || r[m] < '0' || r[m] > '9') {
				if m < len(r) {
					c, _ := utf8.DecodeRuneInString(r[m:])
					if unicode.IsLetter(c) {
						return false // "1-2e", "3a1b"
					}
				}
				return true
			}
		}
	}
	// "3 à 1", but not "de 3 à 5": a range.
	if k+2 < len(toks) && smallNumber(w) && st.tokText(toks[k+1]) == "à" && smallNumber(st.tokText(toks[k+2])) {
		return k == 0 || st.fold(toks[k-1]) != "de" && st.fold(toks[k-1]) != "entre"
	}
	return false
}

// digits returns the number of ASCII digits s starts with.
func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// smallNumber reports whether w is a number of one or two digits.
func smallNumber(w string) bool {
	if w == "" || len(w) > 2 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// apposedName matches, at the quotation mark or comma of token i, the
// name that a noun introducing organizations gives after it, an
// adjective or a possessive between them allowed: `l'association
// "Une mère, une idole"`, "sa société aérienne, Voling". It returns the
// first and last token of the name and the token after it.
func (st *state) apposedName(toks []nlp.Token, i int) (int, int, int, bool) {
	if st.en || i == 0 {
		return 0, 0, 0, false
	}
	k := i - 1
	if k > 0 && toks[k].Kind == nlp.Word && !isCaps(st.tokText(toks[k])) && !st.x.lx.Is(st.fold(toks[k]), lexicon.ClassApposed) {
		k-- // one adjective: "l'association bénévole"
	}
	if toks[k].Kind != nlp.Word || !st.x.lx.Is(st.fold(toks[k]), lexicon.ClassApposed) || isCaps(st.tokText(toks[k])) && !allCaps(st.tokText(toks[k])) || !st.determined(toks, k) {
		return 0, 0, 0, false // "l'ONG", but not "Association" opening a name
	}
	switch w := st.tokText(toks[i]); w {
	case `"`, "«", "“":
		closing := map[string]string{`"`: `"`, "«": "»", "“": "”"}[w]
		for j := i + 1; j < len(toks) && j <= i+9; j++ {
			if st.tokText(toks[j]) == closing {
				if j == i+1 || !isCaps(st.tokText(toks[i+1])) || toks[i+1].Kind != nlp.Word {
					return 0, 0, 0, false
				}
				return i + 1, j - 1, j + 1, true
			}
			if strings.ContainsRune(st.text[toks[j-1].End:toks[j].Start], '\n') {
				break
			}
		}
	case ",":
		j := i + 1
		if j >= len(toks) || toks[j].Kind != nlp.Word {
			return 0, 0, 0, false
		}
		nw := st.tokText(toks[j])
		f := st.fold(toks[j])
		if !isCaps(nw) || !nameShape(nw) || st.firstName(nw) || st.x.lx.Is(f, lexicon.ClassFunc) || st.x.lx.Is(f, lexicon.ClassTitle) ||
			lexicon.French(nw)&lexicon.FrCommon != 0 {
			return 0, 0, 0, false
		}
		end := st.extendName(toks, j)
		if end <= j || end < len(toks) && toks[end].Kind == nlp.Word {
			return 0, 0, 0, false // "sa société, Bouygues annonce…": only a name closed by punctuation is the apposition's
		}
		return j, end - 1, end, true
	}
	return 0, 0, 0, false
}

// body matches, at the lower-case noun of token i, a body named by
// common nouns: a phrase of class orgbody ("conseil municipal", "comité
// des fêtes"), or, after a definite article, a noun of class orgphrase
// with its complement of common nouns ("la fédération de sport adapté",
// "le syndicat des transports", "la Maison du tourisme" with any head of
// class orghead written with a capital), up to a town or region named after "de"
// ("le club de football d'Amancey"). The article stays out of the
// mention. It returns the end of the mention.
func (st *state) body(toks []nlp.Token, i int) (int, bool) {
	if st.en {
		return 0, false
	}
	lx := st.x.lx
	w := st.tokText(toks[i])
	f := st.fold(toks[i])
	if !lx.Is(f, lexicon.ClassOrgPhrase) && !lx.Is(f, lexicon.ClassOrgHead) && !lx.Is(f, lexicon.ClassOrgBodyHead) {
		return 0, false
	}
	capital := isCaps(w)
	if capital && (i == 0 || initial(st.text, toks, i)) {
		return 0, false
	}
	definite := false
	if i > 0 {
		switch st.fold(toks[i-1]) {
		case "le", "la", "l'", "les", "du", "au", "aux", "des":
			definite = true
		case "un", "une", "notre", "votre", "leur", "son", "sa", "mon", "ma", "ce", "cet", "cette", "chaque", "tout", "toute", "quel", "quelle":
			return 0, false // "une association de quartier": any such body
		}
	}
	// A phrase of the list: "conseil municipal", "comité des fêtes".
	best := 0
	key := f
	for j := i + 1; j < len(toks) && j <= i+4; j++ {
		if toks[j].Kind != nlp.Word || isCaps(st.tokText(toks[j])) {
			break
		}
		key += " " + st.fold(toks[j])
		if lx.Is(key, lexicon.ClassOrgBody) {
			best = j + 1
		}
	}
	if best > 0 {
		return st.bodyPlace(toks, best), true
	}
	if !definite || !lx.Is(f, lexicon.ClassOrgPhrase) && !(capital && lx.Is(f, lexicon.ClassOrgHead)) {
		return 0, false // "la Maison du tourisme": a capital makes any head a name's
	}
	// The noun's complement: "de"/"des"/"du" and common nouns, joined by
	// "et" with another "de" ("d'études et de sports sous-marins"),
	// adjectives after them.
	j := i + 1
	if j >= len(toks) {
		return 0, false
	}
	switch st.fold(toks[j]) {
	case "de", "d'", "des", "du":
	default:
		return 0, false
	}
	end := 0
	nouns := 0
	for j < len(toks) && j <= i+9 {
		if strings.ContainsRune(st.text[toks[j-1].End:toks[j].Start], '\n') {
			break // "ministère\nde la…": a line of verse ends the phrase
		}
		switch st.fold(toks[j]) {
		case "de", "d'", "des", "du":
			j++
			if j < len(toks) && (st.fold(toks[j]) == "la" || st.fold(toks[j]) == "l'") {
				j++
			}
			if j >= len(toks) || toks[j].Kind != nlp.Word {
				return 0, false
			}
			if isCaps(st.tokText(toks[j])) {
				if nouns == 0 {
					return 0, false // "le comité de Paris": the rule of headed
				}
				// "la Maison des parents de Franche-Comté", "le club de
				// football de Lorient": the name goes on.
				e := max(st.bodyPlace(toks, end), st.extendName(toks, j))
				if capital {
					e = max(e, st.extendName(toks, i)) // "le Groupe de travail du Forum international des ONG": the whole name
				}
				return e, true
			}
			if !st.commonNoun(toks[j]) || infinitive(st.fold(toks[j])) {
				return finish(end, nouns) // "la Cour de rejeter": a verb
			}
			j++
			nouns++
			end = j
			if j < len(toks) && st.adjective(toks[j]) {
				j++
				end = j
			}
			continue
		case "et":
			if j+1 < len(toks) && afterDe(st.fold(toks[j+1])) {
				j++
				continue
			}
		}
		break
	}
	return finish(end, nouns)
}

// infinitive reports whether the folded word f ends like the infinitive
// of a verb of the first group ("rejeter", not "métier" nor "quartier").
func infinitive(f string) bool {
	return strings.HasSuffix(f, "er") && !strings.HasSuffix(f, "ier")
}

// finish returns end when the complement holds at least one noun.
func finish(end, nouns int) (int, bool) {
	return end, nouns > 0 && end > 0
}

// bodyPlace extends a body's mention ending at token end with the town,
// region or country named after "de" ("conseil municipal de Nancy"):
// a name of the lists, or a capitalised name (OCR and small towns).
func (st *state) bodyPlace(toks []nlp.Token, end int) int {
	if end+1 >= len(toks) || !afterDe(st.fold(toks[end])) && st.fold(toks[end]) != "du" {
		return end
	}
	k := end + 1
	if f := st.fold(toks[k]); (f == "la" || f == "l'") && k+1 < len(toks) {
		k++
	}
	if m, ok := st.lookup(toks, k); ok {
		if slices.ContainsFunc(m.entries, func(e lexicon.Entry) bool { return e.Kind == lexicon.KindOrg || e.Kind == lexicon.KindDemonym }) {
			return end
		}
		return max(m.j, st.extendName(toks, k))
	}
	w := st.tokText(toks[k])
	if toks[k].Kind != nlp.Word || !isCaps(w) || allCaps(w) || st.x.lx.Is(st.fold(toks[k]), lexicon.ClassFunc) {
		return end
	}
	if e := st.extendName(toks, k); e > k {
		return e // "conseil général des Bouches-du-Rhône" however written
	}
	return end
}

// commonNoun reports whether the lower-case word token t can be a noun
// of a body's complement: a common word of the dictionary, not a word
// that never starts a name ("le", "qui") nor a common verb form.
func (st *state) commonNoun(t nlp.Token) bool {
	w := st.tokText(t)
	f := st.fold(t)
	return t.Kind == nlp.Word && !isCaps(w) && utf8.RuneCountInString(w) >= 3 && !st.x.lx.Is(f, lexicon.ClassFunc) && !st.verbLike(f) &&
		lexicon.French(w)&lexicon.FrCommon != 0
}

// adjective reports whether the lower-case word token t is shaped like
// an adjective that follows its noun: a past participle, a nationality,
// or an ending of relation ("adapté", "sous-marins", "régionale",
// "publique").
func (st *state) adjective(t nlp.Token) bool {
	w := st.tokText(t)
	if t.Kind != nlp.Word || isCaps(w) || !st.commonNoun(t) {
		return false
	}
	for _, e := range []string{"é", "ée", "és", "ées"} {
		if strings.HasSuffix(w, e) {
			return true // a past participle: "adapté"
		}
	}
	f := strings.TrimSuffix(strings.TrimSuffix(st.fold(t), "s"), "e")
	for _, e := range []string{"e", "al", "aux", "ain", "ien", "ienn", "ais", "if", "iv", "iqu", "air", "in", "el", "ell", "eur", "ois", "en", "enn", "ger"} {
		if strings.HasSuffix(f, e) && len(f) > len(e)+2 {
			return true
		}
	}
	return false
}

// addBody records the body [i, end) as an organization of its own.
func (st *state) addBody(toks []nlp.Token, i, end int) {
	start := toks[i].Start
	text := st.text[start:toks[end-1].End]
	st.add(mention{start: start, end: toks[end-1].End, typ: veille.TypeORG, id: "veille:org/" + slug(text), name: lowerFirst(text), tok: i})
}

// lowerFirst returns s with its first letter in lower case ("Comité des
// fêtes" and "comité des fêtes" are one body).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// rankName matches, at the word of token i, a military rank followed by
// "de" and a name, which together name a person ("général de Gaulle");
// not a rank by the place it commands ("le commandant de Strasbourg"),
// nor after an indefinite article. It returns the end of the name.
func (st *state) rankName(toks []nlp.Token, i int) (int, bool) {
	if st.en || !st.x.lx.Is(st.fold(toks[i]), lexicon.ClassRank) || i+2 >= len(toks) {
		return 0, false
	}
	if i > 0 {
		switch st.fold(toks[i-1]) {
		case "un", "une", "des", "les", "ses", "leurs", "aux":
			return 0, false
		}
	}
	switch st.fold(toks[i+1]) {
	case "de", "d'":
	default:
		return 0, false
	}
	k := i + 2
	w := st.tokText(toks[k])
	if toks[k].Kind != nlp.Word || !isCaps(w) || allCaps(w) || st.x.lx.Is(st.fold(toks[k]), lexicon.ClassFunc) {
		return 0, false
	}
	end := st.extendName(toks, k)
	if _, ok := st.lookup(toks, k); ok {
		return 0, false // a place or an organization of the lists
	}
	if end <= k {
		return 0, false
	}
	return end, true
}

// organizer reports whether the capitalised name at token i follows
// "organisé par" (an article between allowed) and is no person's name
// (no first name, no title): the organizer of an event listed is a club
// or an association ("organisé par Lire Pour Grandir").
func (st *state) organizer(toks []nlp.Token, i int) bool {
	if st.en || i < 2 || st.firstName(st.tokText(toks[i])) {
		return false
	}
	k := i - 1
	switch st.fold(toks[k]) {
	case "le", "la", "les", "l'":
		k--
	}
	if k < 1 || st.fold(toks[k]) != "par" {
		return false
	}
	switch st.fold(toks[k-1]) {
	case "organise", "organisee", "organises", "organisees", "proposee", "propose", "proposes", "proposees":
		return true
	}
	return false
}
