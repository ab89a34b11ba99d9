package amount

import "strings"

// frInvariant lists French nouns whose plural is their singular, and
// singulars ending in -s that must not lose it.
var frInvariant = map[string]bool{
	"pays": true, "cas": true, "fois": true, "mois": true, "bras": true, "corps": true, "prix": true,
	"voix": true, "choix": true, "fils": true, "colis": true, "avis": true, "virus": true, "bus": true,
	"campus": true, "corpus": true, "consensus": true, "jus": true, "abus": true, "refus": true,
	"obus": true, "repas": true, "tapis": true, "souris": true, "os": true, "gaz": true, "nez": true,
	"riz": true, "permis": true, "débris": true, "paradis": true, "bois": true, "poids": true,
	"discours": true, "concours": true, "secours": true, "cours": true, "recours": true, "parcours": true,
	"temps": true, "taux": true, "croix": true, "paix": true, "noix": true, "époux": true,
	"mercredis": false, "matelas": true, "tas": true, "puits": true, "remords": true,
}

// frIrregular maps French irregular plurals to their singular.
var frIrregular = map[string]string{
	"travaux": "travail", "yeux": "œil", "cieux": "ciel", "coraux": "corail", "vitraux": "vitrail",
	"émaux": "émail", "bijoux": "bijou", "genoux": "genou", "cailloux": "caillou", "choux": "chou",
	"hiboux": "hibou", "joujoux": "joujou", "poux": "pou", "pneus": "pneu", "bleus": "bleu",
	"landaus": "landau", "matches": "match", "sarraus": "sarrau", "festivals": "festival", "carnavals": "carnaval",
	"récitals": "récital", "chacals": "chacal", "bals": "bal", "étals": "étal",
}

// enIrregular maps English irregular plurals to their singular.
var enIrregular = map[string]string{
	"men": "man", "women": "woman", "children": "child", "people": "people", "feet": "foot",
	"teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police", "lives": "life",
	"wives": "wife", "knives": "knife", "thieves": "thief", "leaves": "leaf", "halves": "half",
	"crises": "crisis", "analyses": "analysis", "series": "series", "species": "species", "news": "news",
}

// lemma returns the singular of a counted noun as written, keeping its
// case ("Maliens" → "Malien", "soldats" → "soldat").
func lemma(lang, w string) string {
	lw := strings.ToLower(w)
	var out string
	if lang == "en" {
		out = lemmaEN(lw)
	} else {
		out = lemmaFR(lw)
	}
	if out == lw {
		return w
	}
	// Keep the writer's case on the common prefix.
	n := 0
	for n < len(out) && n < len(lw) && out[n] == lw[n] {
		n++
	}
	return w[:n] + out[n:]
}

func lemmaFR(w string) string {
	if s, ok := frIrregular[w]; ok {
		return s
	}
	if frInvariant[w] {
		return w
	}
	switch {
	case strings.HasSuffix(w, "eaux"), strings.HasSuffix(w, "eux"), strings.HasSuffix(w, "aux") && len(w) <= 4:
		return w[:len(w)-1]
	case strings.HasSuffix(w, "aux"):
		return w[:len(w)-3] + "al"
	case strings.HasSuffix(w, "oux"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "ais"), strings.HasSuffix(w, "ois"), strings.HasSuffix(w, "ès"):
		return w // Polonais, Chinois, progrès
	case strings.HasSuffix(w, "ss"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}

func lemmaEN(w string) string {
	if s, ok := enIrregular[w]; ok {
		return s
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}
