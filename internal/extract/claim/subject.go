package claim

import (
	"slices"
	"strings"
	"unicode"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// subjectSkip are the words between a verb and its subject that are not
// part of the subject: adverbs, negation and auxiliaries (« La Russie a
// toujours nié », « The Treasury has also denied »).
var subjectSkip = map[string]bool{
	"a": true, "ont": true, "avait": true, "avaient": true, "aurait": true, "auraient": true,
	"est": true, "sont": true, "etait": true, "etaient": true, "s'": true, "se": true,
	"ne": true, "n'": true, "pas": true, "plus": true, "jamais": true, "toujours": true, "deja": true,
	"egalement": true, "aussi": true, "cependant": true, "toutefois": true, "pourtant": true,
	"neanmoins": true, "encore": true, "bien": true, "d'ailleurs": true, "ensuite": true,
	"finalement": true, "officiellement": true, "publiquement": true, "fermement": true,
	"categoriquement": true, "formellement": true, "vivement": true, "aujourd'hui": true,
	"has": true, "have": true, "had": true, "is": true, "are": true, "was": true, "were": true,
	"does": true, "do": true, "did": true, "not": true, "never": true, "always": true, "also": true,
	"already": true, "however": true, "still": true, "previously": true, "repeatedly": true,
	"strongly": true, "publicly": true, "officially": true, "firmly": true, "flatly": true,
	"categorically": true, "now": true, "would": true, "will": true, "often": true,
	"usually": true, "again": true, "ever": true, "souvent": true,
}

// subjectStop ends a subject read backwards: the word before the subject
// (a conjunction, a relative or a subordinator) is not part of it.
var subjectStop = map[string]bool{
	"que": true, "qu'": true, "qui": true, "dont": true, "ou": true, "car": true, "si": true,
	"lorsque": true, "quand": true, "puisque": true, "parce": true, "that": true, "which": true,
	"who": true, "because": true, "if": true, "when": true, "while": true, "whereas": true,
}

// notSubject are words that cannot end a subject: a verb standing right
// after them is an infinitive or a participle (« refuse de nier », « tried
// to deny »), not a finite verb with a subject.
var notSubject = map[string]bool{
	"de": true, "d'": true, "pour": true, "sans": true, "to": true, "of": true, "for": true,
	"en": true, "par": true, "by": true, "le": true, "la": true, "les": true, "l'": true,
	"the": true, "a": true, "an": true, "un": true, "une": true, "des": true, "du": true,
	"leur": true, "leurs": true, "sa": true, "son": true, "ses": true, "notre": true, "votre": true,
	"ce": true, "cette": true, "ces": true, "their": true, "his": true, "her": true, "its": true,
	"our": true, "devrait": true, "devraient": true, "pourrait": true, "pourraient": true,
	"peut": true, "peuvent": true, "doit": true, "doivent": true, "veut": true, "veulent": true,
	"va": true, "vont": true, "should": true, "could": true, "can": true, "may": true,
	"might": true, "must": true, "those": true, "these": true, "my": true, "your": true,
	"any": true, "some": true, "no": true, "such": true, "aux": true, "au": true, "avec": true,
	"dans": true, "sur": true, "chez": true, "vers": true, "entre": true, "contre": true,
	"at": true, "in": true, "on": true, "with": true, "from": true, "into": true, "about": true,
	"as": true, "or": true, "nor": true, "mes": true, "tes": true, "nos": true, "vos": true, "mon": true, "ton": true,
}

// noSource are subjects that name nobody.
var noSource = map[string]bool{
	"it": true, "this": true, "that": true, "there": true, "ce": true, "c'": true, "cela": true,
	"ca": true, "on": true, "tout": true, "what": true,
}

// subjectStarts are the words a subject may start with besides a
// capitalised word or a number: determiners and quantifiers.
var subjectStarts = map[string]bool{
	"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true, "des": true,
	"du": true, "ce": true, "cet": true, "cette": true, "ces": true, "son": true, "sa": true,
	"ses": true, "leur": true, "leurs": true, "plusieurs": true, "certains": true,
	"certaines": true, "beaucoup": true, "tous": true, "toutes": true, "nombre": true,
	"de": true, "d'": true, "the": true, "a": true, "an": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "many": true, "several": true, "some": true,
	"most": true, "all": true, "both": true, "officials": true, "critics": true,
}

// passiveAux are the words that make a participle passive (« a été
// condamné », « was denied »): its subject is no source then.
var passiveAux = map[string]bool{
	"ete": true, "been": true, "being": true, "etre": true, "be": true,
}

// pronounSubject are the subjects to resolve from context.
var pronounSubject = map[string]bool{
	"il": true, "elle": true, "ils": true, "elles": true, "he": true, "she": true, "they": true,
	"i": true, "we": true, "you": true, "je": true, "j'": true, "nous": true, "vous": true,
}

// subjectSpan returns the token range [from, to) of the subject of the
// verb starting at token v: backwards over adverbs, auxiliaries and
// incises (« Le Mali, cependant, a toujours nié » → « Le Mali »; « La
// Russie, qui soutient la junte, a nié » → « La Russie »), then the noun
// phrase with its complements back to the clause start (« Le ministre en
// charge des mines »). ok is false when no subject stands there.
func subjectSpan(w []string, v int) (from, to int, ok bool) {
	j := v - 1
	skip := func() {
		for j >= 0 && (subjectSkip[w[j]] || len(w[j]) > 4 && strings.HasSuffix(w[j], "ly")) {
			j--
		}
	}
	skip()
	for n := 0; n < 2 && j >= 0 && w[j] == ","; n++ {
		// An incise: back to the comma that opens it.
		k := j - 1
		for k >= 0 && w[k] != "," && !isPunct(w[k]) {
			k--
		}
		if k < 0 || w[k] != "," {
			break
		}
		j = k - 1
		skip()
	}
	if j < 0 || isPunct(w[j]) || notSubject[w[j]] || subjectStop[w[j]] {
		return 0, 0, false
	}
	to = j + 1
	from = j
	for from > 0 && !isPunct(w[from-1]) && !subjectStop[w[from-1]] {
		from--
	}
	// « Les dirigeants qui l'ont accueilli ont souligné »: the subject is
	// the antecedent of the relative clause, not the clause.
	if from > 1 && (w[from-1] == "qui" || w[from-1] == "who") && !isPunct(w[from-2]) && !subjectStop[w[from-2]] {
		to = from - 1
		from = to - 1
		for from > 0 && !isPunct(w[from-1]) && !subjectStop[w[from-1]] {
			from--
		}
	}
	for from < to && leadWords[w[from]] {
		from++
	}
	if from >= to || to-from > 10 {
		return 0, 0, false
	}
	return from, to, true
}

// goodSubject reports whether tokens [from, to) of s can be a subject:
// one pronoun, or a noun phrase opening with a determiner, a quantifier,
// a capitalised word or a number, with no auxiliary inside (« Il est
// tombé… et est décédé avant d'avoir accepté par » is none).
func goodSubject(text string, s *sentence, from, to int) bool {
	w := s.words
	if to-from == 1 && (pronounSubject[w[from]] || noSource[w[from]]) {
		return true
	}
	first := text[s.toks[from].Start:s.toks[from].End]
	r := []rune(first)[0]
	if !subjectStarts[w[from]] && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	for _, h := range s.hits {
		if h.kind == kindReport && h.from < to && from < h.to {
			return false // « A spokesperson said the company welcomed »
		}
	}
	for k := from + 1; k < to; k++ {
		if pronounSubject[w[k]] {
			return false // « All I ever wanted »
		}
		switch w[k] {
		case "a", "ont", "est", "sont", "avait", "avaient", "etait", "etaient", "has", "have", "had",
			"is", "are", "was", "were":
			return false
		}
	}
	return true
}

// stanceVerbs are the folded denial and stance verbs whose subject is the
// source of the claim (prefixes).
var stanceVerbs = []string{
	"dement", "minimis", "nuanc", "relativis", "contest", "rejet", "rejett", "deni", "deny",
	"reject", "disput", "downplay", "believ", "think", "hope", "want", "urge", "demand",
	"condemn", "critici", "welcom", "deplor", "estim", "exig", "reclam", "souhait", "esper",
	"craign", "craint", "condamn", "denonc", "plaid", "recommand",
}

// stanceVerb reports whether hit h is a finite denial or stance verb.
func stanceVerb(w []string, h hit) bool {
	for _, x := range w[h.from:h.to] {
		switch x {
		case "nie", "nient", "nier", "niera", "nieront":
			return true
		}
		for _, p := range stanceVerbs {
			if strings.HasPrefix(x, p) {
				return true
			}
		}
	}
	return false
}

// bogusSpeaker reports whether a speaker string is no noun phrase: it
// starts or ends with an auxiliary or an adverb (« a toujours »).
func bogusSpeaker(sp string) bool {
	f := strings.Fields(nlp.Fold(sp))
	if len(f) == 0 {
		return false
	}
	if strings.HasPrefix(sp, "A ") && len(f) > 1 {
		return subjectSkip[f[len(f)-1]] // English "A source close to…": the article, not French « a »
	}
	return subjectSkip[f[0]] || subjectSkip[f[len(f)-1]]
}

// sameSource reports whether two source strings name the same source:
// one contains the other once determiners are set aside (« Le
// gouvernement » and « gouvernement du Burkina Faso »).
func sameSource(a, b string) bool {
	strip := func(s string) string {
		s = nlp.Fold(s)
		for _, d := range []string{"le ", "la ", "les ", "l'", "the "} {
			s = strings.TrimPrefix(s, d)
		}
		return strings.TrimSpace(s)
	}
	a, b = strip(a), strip(b)
	if a == "" || b == "" {
		return false
	}
	return strings.Contains(a, b) || strings.Contains(b, a)
}

// oneSpace replaces every run of white space (as unicode.IsSpace: no-break
// spaces and line breaks too) by one plain space and trims both ends, the
// rule FORMATS.md gives for the content hash.
func oneSpace(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) &&
		!strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// stanceSubject makes the subject of the denial or stance verb that
// decides the sentence's label its source (« Le Mali nie la présence…, et
// Acled déclare… » → « Le Mali »; « The Treasury believes… » → « The
// Treasury »): when the sentence has no source yet, when its source is no
// noun phrase, or, for a denial, when the source came from another
// speaker's cue. It reports whether the subject is a pronoun to resolve
// from context.
func stanceSubject(text string, s *sentence) (pronoun bool) {
	dec := -1
	for k, h := range s.hits {
		if h.kind < kindReport && (dec < 0 || h.kind < s.hits[dec].kind) {
			dec = k
		}
	}
	if dec < 0 {
		return false
	}
	h := s.hits[dec]
	if h.kind != kindDenied && h.kind != kindOpinion || !stanceVerb(s.words, h) {
		// Another cue decides the label (« The Treasury believes inflation
		// could ease »): a stance verb still names the source when the
		// sentence has none.
		if s.source != "" && !bogusSpeaker(s.source) {
			return false
		}
		found := false
		for _, x := range s.hits {
			if (x.kind == kindDenied || x.kind == kindOpinion) && stanceVerb(s.words, x) {
				h, found = x, true
				break
			}
		}
		if !found {
			return false
		}
	}
	if !finiteStance(text, s, h) {
		return false
	}
	from, to, ok := subjectSpan(s.words, h.from)
	if !ok {
		return false
	}
	if !goodSubject(text, s, from, to) || to-from == 1 && noSource[s.words[from]] {
		return false
	}
	subj := text[s.toks[from].Start:s.toks[to-1].End]
	span := veille.Span{Start: s.toks[h.from].Start, End: s.toks[h.to-1].End}
	ownCue := s.srcCue.Len() > 0 && s.srcCue.Start < span.End && span.Start < s.srcCue.End
	if pronounSubject[nlp.Fold(subj)] {
		if s.source == "" || bogusSpeaker(s.source) {
			s.attrib, s.source, s.via = true, "", ""
			return true
		}
		return false
	}
	switch {
	case s.source == "" || bogusSpeaker(s.source):
	case h.kind == kindDenied && !ownCue && !sameSource(s.source, subj):
		// The source came from another speaker's cue in the sentence:
		// that speaker's claim did not decide the label.
		s.qid, s.report = "", -1
	default:
		return false
	}
	s.attrib = true
	s.source, s.via, s.srcCue = subj, "", span
	s.stance = clause{h.from, h.to}
	return false
}

// boilerplatePhrases start the feed and page boilerplate that states
// nothing checkable (folded words).
var boilerplatePhrases = [][]string{
	{"continue", "reading"}, {"read", "more"}, {"read", "also"}, {"click", "here"}, {"subscribe"},
	{"sign", "up"}, {"follow", "us"}, {"share", "this"}, {"find", "bbc", "news"},
	{"lire", "la", "suite"}, {"lire", "aussi"}, {"a", "lire", "aussi"}, {"cliquez", "ici"},
	{"abonnez-vous"}, {"suivez-nous"}, {"partager", "cet", "article"},
}

// boilerplate reports whether the words of a sentence are navigation or
// feed boilerplate (« Continue reading... », « Lire la suite »): one of
// the phrases above followed by a few words at most. A phrase followed by
// a colon and words (« Lire aussi : La France rejette… ») may have a real
// sentence glued to it, which is kept.
func boilerplate(ws []string) bool {
	var words []string
	colon := -1 // index in words before which a colon stands
	for _, w := range ws {
		if !isPunct(w) {
			words = append(words, w)
		} else if w == ":" && colon < 0 {
			colon = len(words)
		}
	}
	for _, p := range boilerplatePhrases {
		if len(words) >= len(p) && len(words) <= len(p)+6 && slices.Equal(words[:len(p)], p) {
			return colon != len(p) || len(words) == len(p)
		}
	}
	return feedFooter(words)
}

// feedFooter reports whether the words are the footer blogging software
// adds to feed items: "The post TITLE appeared first on SITE.", « L'article
// TITRE est apparu en premier sur SITE ».
func feedFooter(words []string) bool {
	var head, tail []string
	switch {
	case len(words) > 2 && words[0] == "the" && words[1] == "post":
		head, tail = words[2:], []string{"appeared", "first", "on"}
	case len(words) > 2 && (words[0] == "l'" || words[0] == "cet") && words[1] == "article":
		head, tail = words[2:], []string{"est", "apparu", "en", "premier", "sur"}
	default:
		return false
	}
	for i := range head {
		if len(head)-i-len(tail) <= 6 && len(head)-i >= len(tail) && slices.Equal(head[i:i+len(tail)], tail) {
			return true
		}
	}
	return false
}

// refusals drops the denial cues in the object of a refusal to comment
// (« Les officiels ne commentent pas les rumeurs »): refusing to comment
// is questioned, not a denial of the rumour.
func refusals(ws []string, hs []hit) []hit {
	at := -1
	for _, h := range hs {
		if h.kind != kindQuestioned {
			continue
		}
		for _, w := range ws[h.from:h.to] {
			if strings.HasPrefix(w, "comment") {
				at = h.from
			}
		}
	}
	if at < 0 {
		return hs
	}
	out := hs[:0]
	for _, h := range hs {
		if h.kind == kindDenied && h.from > at && unspecific([]string{strings.Join(ws[h.from:h.to], " ")}) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// finiteStance reports whether the stance verb of hit h is a finite verb
// with a subject before it: not an infinitive (« demander »), a present
// participle (« exigeant », « denying »), a noun after a determiner (« leur
// demande ») or a past participle standing alone (« un séropositif
// condamné ») or made passive (« a été condamné », « was denied »).
func finiteStance(text string, s *sentence, h hit) bool {
	verb := -1
	for k := h.from; k < h.to; k++ {
		if stanceVerb(s.words, hit{from: k, to: k + 1}) {
			verb = k
			break
		}
	}
	if verb < 0 {
		return false
	}
	w := s.words[verb]
	if strings.HasSuffix(w, "ant") || strings.HasSuffix(w, "ing") ||
		(strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir")) && !strings.HasSuffix(w, "ier") && w != "nier" {
		return false
	}
	if w == "nier" {
		return false
	}
	if strings.Contains(w, "ence") || strings.Contains(w, "tion") || strings.Contains(w, "ance") {
		return false // a noun (« exigences »)
	}
	aux, be := false, false
	for k := h.from - 1; k >= 0 && (subjectSkip[s.words[k]] || passiveAux[s.words[k]] || strings.HasSuffix(s.words[k], "ly")); k-- {
		if passiveAux[s.words[k]] {
			return false
		}
		switch s.words[k] {
		case "a", "ont", "avait", "avaient", "aurait", "auraient", "has", "have", "had", "est", "sont", "s'", "se":
			aux = true
		case "is", "are", "was", "were":
			be = true
		}
	}
	if strings.HasSuffix(w, "ed") && verb+1 < len(s.words) && s.words[verb+1] == "by" {
		return false // « a shot denied by the keeper »
	}
	if be && strings.HasSuffix(w, "ed") {
		return false // an English passive (« was heavily criticised »)
	}
	// A French past participle needs its auxiliary.
	orig := text[s.toks[verb].Start:s.toks[verb].End]
	for _, suf := range []string{"é", "és", "ée", "ées", "enti", "entis", "ié"} {
		if strings.HasSuffix(orig, suf) && !aux && !strings.HasSuffix(orig, "ie") {
			return false
		}
	}
	return true
}
