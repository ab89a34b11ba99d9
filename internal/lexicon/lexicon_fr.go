package lexicon

import (
	"strings"
	"sync"

	"github.com/veille/veille/internal/nlp"
)

// FrWord tells what a French word is in the French spelling dictionary
// (data/names_fr.tsv, see gen_names.go): a set of the Fr* bits, 0 when
// the dictionary does not have it.
type FrWord uint8

// The classes of FrWord.
const (
	FrSurname FrWord = 1 << iota // a surname ("Hugo", "Mozart")
	FrFirst                      // a first name ("Thaddée")
	FrProper                     // another proper noun: a place, a god, a people ("Paris", "Dieu")
	FrCommon                     // a common word: noun, adjective, verb, adverb ("état", "hélas")
)

var frWords = sync.OnceValue(func() map[string]FrWord {
	m := map[string]FrWord{}
	err := lines("names_fr.tsv", func(f []string) error {
		if len(f) != 2 {
			return fieldsError(2)
		}
		var w FrWord
		for _, c := range strings.Split(f[1], ",") {
			switch c {
			case "patr":
				w |= FrSurname
			case "prn":
				w |= FrFirst
			case "npr":
				w |= FrProper
			case "com":
				w |= FrCommon
			}
		}
		m[nlp.Fold(f[0])] |= w
		return nil
	})
	if err != nil {
		panic("lexicon: embedded data: " + err.Error()) // the file is part of the binary
	}
	return m
})

// French returns the classes of the word w (any case, with or without
// accents) in the French dictionary, loaded on first use. An inflected
// form of a common word is a common word too ("Républiques",
// "Cherchent").
func French(w string) FrWord {
	m := frWords()
	f := nlp.Fold(w)
	c := m[f]
	if c&FrCommon == 0 && inflected(m, f) {
		c |= FrCommon
	}
	return c
}

// frEndings are French inflections, each with the endings of the
// dictionary forms it may come from: plurals and feminines of nouns and
// adjectives ("grandes": grand), forms of verbs ("cherchent": chercher).
var frEndings = []struct{ end, base string }{
	{"s", ""}, {"x", ""}, {"e", ""}, {"es", ""}, {"nne", "n"}, {"nnes", "n"}, {"aux", "al"},
	{"rice", "eur"}, {"rices", "eur"}, {"euse", "eur"}, {"euses", "eur"}, {"ive", "if"}, {"ives", "if"},
	{"elle", "el"}, {"elles", "el"}, {"ere", "er"}, {"eres", "er"},
	{"ent", "er"}, {"e", "er"}, {"es", "er"}, {"ez", "er"}, {"ons", "er"}, {"ait", "er"}, {"aient", "er"},
	{"ais", "er"}, {"ant", "er"}, {"ee", "er"}, {"ees", "er"}, {"era", "er"}, {"erait", "er"}, {"erent", "er"},
	{"a", "er"}, {"as", "er"}, {"ai", "er"},
	{"it", "ir"}, {"is", "ir"}, {"issent", "ir"}, {"issait", "ir"}, {"issant", "ir"},
	{"ez", "ir"}, {"ons", "ir"}, {"ent", "ir"}, {"u", "ir"}, {"us", "ir"}, {"eons", "er"},
	{"it", "ire"}, {"is", "ire"}, {"t", "re"}, {"ent", "re"}, {"ez", "re"}, {"ons", "re"},
}

// inflected reports whether the folded word f is an inflection of a
// common word of the dictionary m.
func inflected(m map[string]FrWord, f string) bool {
	for _, e := range frEndings {
		stem, ok := strings.CutSuffix(f, e.end)
		if ok && len(stem) >= 3 && m[stem+e.base]&FrCommon != 0 {
			return true
		}
	}
	return false
}

// ClassApposed is the class of words.tsv for the nouns that introduce an
// organization's own name, in lower case, without being part of it
// ("société" in "la société Renault").
const ClassApposed = "apposed"

// ClassOrgNoun is the class of words.tsv for the common nouns that,
// capitalised alone inside a sentence, name an institution ("l'État").
const ClassOrgNoun = "orgnoun"

// ClassPerName is the class of words.tsv for the names of beings that the
// dictionaries read as common words ("Dieu"): persons when capitalised.
const ClassPerName = "pername"

// ClassSport is the class of words.tsv for the words of a sports game
// ("match", "buteur"): with a score, or with another word of class sport
// or game in the sentence, a town named there stands for its club.
const ClassSport = "sport"

// ClassGame is the class of words.tsv for the words of games that other
// contests use too ("victoire", "équipe"): a cue of a sports game only
// with a word of class sport.
const ClassGame = "game"

// ClassOrgPhrase is the class of words.tsv for the lower-case nouns that,
// after a definite article and with a complement of common nouns, name a
// body ("la fédération de sport adapté").
const ClassOrgPhrase = "orgphrase"

// ClassOrgBody is the class of words.tsv for the phrases of common nouns
// that name a body of their own ("conseil municipal", "cour d'appel").
const ClassOrgBody = "orgbody"

// ClassOrgBodyHead is the class of words.tsv for the nouns that head
// phrases of class orgbody only ("chambre" of "chambre de commerce", not
// of "la chambre de l'hôtel").
const ClassOrgBodyHead = "orgbodyhead"

// ClassRank is the class of words.tsv for the military ranks that,
// before "de" and a name, name a person with it ("général de Gaulle").
const ClassRank = "rank"

// ClassLocNoun is the class of words.tsv for the nouns that, with a
// nationality after them, name a place ("territoire britannique",
// "l'Empire britannique"); "région" also with a town's adjective ("la
// région parisienne").
const ClassLocNoun = "locnoun"

// ClassCardinal is the class of words.tsv for the cardinal points, which
// written with a capital name a place with a nationality after them
// ("l'Ouest canadien").
const ClassCardinal = "cardinal"

// ClassLocCap is the class of words.tsv for the nouns that, written with
// a capital and followed by "de" and a name, head a place's name ("Pays
// de la Loire"); in lower case they are common nouns ("les pays d'Asie").
const ClassLocCap = "loccap"

// ClassMiscNoun is the class of words.tsv for the lower-case nouns that
// make the name written after them a prize or an operation rather than
// a person, an organization or a place ("le prix Nobel", "l'opération
// Serval").
const ClassMiscNoun = "miscnoun"

// ClassStateOf is the class of words.tsv for the nouns of a state that,
// with "de" and a place, name the place itself ("l'État de
// Pennsylvanie").
const ClassStateOf = "stateof"

var enWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	err := lines("names_en.tsv", func(f []string) error {
		m[f[0]] = true
		return nil
	})
	if err != nil {
		panic("lexicon: embedded data: " + err.Error()) // the file is part of the binary
	}
	return m
})

// English reports whether w (any case) is an English common word that is
// no French common word (data/names_en.tsv, see gen_names.go), loaded on
// first use: "Gateway" and "Fringe" in a French text are words
// of a title, not names.
func English(w string) bool { return enWords()[strings.ToLower(w)] }
