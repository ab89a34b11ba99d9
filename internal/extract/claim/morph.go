package claim

import "strings"

// frenchMorphology finds the modal verb forms no list can hold: the
// conditional (hedged for unverified information or possibility, future
// when it transposes a future after a past reporting verb, opinion in a
// hypothesis) and the futur simple and « aller + infinitive » (future).
func frenchMorphology(text string, s *sentence) []hit {
	var out []hit
	hasSi := false
	que := -1 // index of the last « que »
	for i, w := range s.words {
		t := s.toks[i]
		if w == "si" || w == "s'" && i+1 < len(s.words) && (s.words[i+1] == "il" || s.words[i+1] == "ils") {
			hasSi = true
		}
		if w == "que" || w == "qu'" {
			que = i
		}
		if w == "va" || w == "vont" || w == "allons" || w == "allez" || (w == "compte" || w == "comptent") && i > 0 && !determiners[s.words[i-1]] {
			for j := i + 1; j < min(len(s.words), i+4); j++ {
				x := s.words[j]
				if infinitive(x) {
					out = append(out, hit{kind: kindFuture, from: i, to: j + 1})
					break
				}
				if !clitics[x] {
					break
				}
			}
			continue
		}
		if len(w) < 3 || isUpperStart(text[t.Start:t.End]) && i > 0 || strings.ContainsAny(w, "'-") {
			continue
		}
		lower := strings.ToLower(text[t.Start:t.End])
		if k, ok := conditional(s, i, lower, hasSi, que); ok {
			out = append(out, hit{kind: k, from: i, to: i + 1})
			continue
		}
		if futureSimple(s.words, i, lower) {
			out = append(out, hit{kind: kindFuture, from: i, to: i + 1})
		}
	}
	return out
}

var determiners = map[string]bool{
	"le": true, "la": true, "les": true, "un": true, "une": true, "du": true, "des": true, "son": true,
	"sa": true, "ses": true, "leur": true, "leurs": true, "ce": true, "cet": true, "cette": true, "mon": true,
	"notre": true, "votre": true, "l'": true, "d'": true, "de": true, "au": true, "aux": true,
}

var clitics = map[string]bool{
	"se": true, "s'": true, "y": true, "en": true, "le": true, "la": true, "les": true, "l'": true,
	"lui": true, "leur": true, "nous": true, "vous": true, "me": true, "m'": true, "te": true, "pas": true, "ne": true, "n'": true,
	"bientot": true, "donc": true, "egalement": true, "aussi": true, "encore": true,
}

func infinitive(w string) bool {
	if len(w) < 4 {
		return false
	}
	return w == "etre" || w == "avoir" || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") ||
		strings.HasSuffix(w, "re") || strings.HasSuffix(w, "oir")
}

// irregularStems are the future and conditional stems that the regular
// endings below do not cover.
var irregularStems = map[string]bool{
	"ser": true, "aur": true, "fer": true, "ir": true, "dir": true, "lir": true, "saur": true, "voudr": true, "vaudr": true,
	"faudr": true, "pourr": true, "devr": true, "verr": true, "enverr": true, "courr": true,
	"mourr": true, "recevr": true, "suivr": true, "vivr": true, "percevr": true, "concevr": true,
}

// modalStem reports whether base (a lower-case word without its
// conditional or future ending) is a future/conditional stem: the
// infinitive of a verb in -er (not an imparfait stem in -ér: « espér »),
// of some verbs in -ir and -re, or an irregular stem. The test keeps the
// many imparfaits in -rait (ouvrait, déclarait, assurait) out.
func modalStem(base string) bool {
	if irregularStems[base] {
		return true
	}
	if len(base) < 4 {
		return false
	}
	switch {
	case strings.HasSuffix(base, "ér"):
		return false
	case strings.HasSuffix(base, "er"):
		return true
	case strings.HasSuffix(base, "dr"), strings.HasSuffix(base, "ttr"), strings.HasSuffix(base, "îtr"),
		strings.HasSuffix(base, "aitr"), strings.HasSuffix(base, "rr"), strings.HasSuffix(base, "oir"),
		strings.HasSuffix(base, "clur"), strings.HasSuffix(base, "evr"), strings.HasSuffix(base, "uivr"):
		return true
	}
	for _, suf := range []string{"dir", "lir", "crir", "uir", "frir", "vrir", "nir", "gir", "ssir", "rtir", "ntir", "oisir", "uffir"} {
		if strings.HasSuffix(base, suf) {
			return true
		}
	}
	return false
}

// conditional classifies word i (lower, as written) when it is a French
// conditional.
func conditional(s *sentence, i int, lower string, hasSi bool, que int) (kind, bool) {
	var stem string
	switch {
	case strings.HasSuffix(lower, "raient"):
		stem = lower[:len(lower)-5]
	case strings.HasSuffix(lower, "rait"):
		stem = lower[:len(lower)-3]
	case strings.HasSuffix(lower, "rais") && i > 0 && (s.words[i-1] == "je" || s.words[i-1] == "j'" || s.words[i-1] == "tu"):
		stem = lower[:len(lower)-3]
	default:
		return 0, false
	}
	if !modalStem(stem) {
		return 0, false
	}
	next := ""
	if i+1 < len(s.words) {
		next = s.words[i+1]
	}
	reported := false // a reporting verb and « que » before the verb
	for _, h := range s.hits {
		if h.kind == kindReport && h.to <= i && que > h.from && que < i && pastAux[s.words[h.from]] {
			reported = true
		}
	}
	switch stem {
	case "pourr", "devr":
		return kindHedged, true
	case "voudr", "aimer", "souhaiter", "préférer", "faudr":
		return kindOpinion, true
	case "aur":
		switch next {
		case "du", "aime", "voulu", "souhaite", "prefere", "fallu":
			return kindOpinion, true
		}
		return kindHedged, true
	case "ser":
		if reported && futureTime(s.words[i:]) {
			return kindFuture, true
		}
		return kindHedged, true
	}
	switch {
	case hasSi:
		return kindOpinion, true
	case reported:
		return kindFuture, true
	case que >= 0:
		return 0, false
	}
	return kindHedged, true
}

// pastAux start the past reporting verbs after which a conditional
// transposes a future (« a assuré que la route serait rouverte lundi »).
var pastAux = map[string]bool{"a": true, "ont": true, "avait": true, "avaient": true, "aurait": true}

// futureTime reports whether the words name a time to come.
func futureTime(ws []string) bool {
	for i, w := range ws {
		switch w {
		case "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "demain", "bientot", "prochain", "prochaine", "prochainement":
			return true
		case "d'ici":
			return true
		case "d'":
			if i+1 < len(ws) && ws[i+1] == "ici" {
				return true
			}
		}
	}
	return false
}

// futureSimple reports whether word i (lower, as written) is a futur
// simple.
func futureSimple(ws []string, i int, lower string) bool {
	prev := ""
	if i > 0 {
		prev = ws[i-1]
	}
	for _, e := range []struct {
		suf  string
		need string // the pronoun the form needs, "" when unambiguous
	}{{"ront", ""}, {"ra", ""}, {"rons", "nous"}, {"rez", "vous"}, {"rai", "je"}} {
		if !strings.HasSuffix(lower, e.suf) {
			continue
		}
		if e.need != "" && prev != e.need && !(e.need == "je" && prev == "j'") {
			return false
		}
		return modalStem(lower[:len(lower)-len(e.suf)+1])
	}
	return false
}
