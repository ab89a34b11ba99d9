package entity

import (
	_ "embed"
	"strings"
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
