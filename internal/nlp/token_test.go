package nlp

import (
	"slices"
	"sync"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := map[string][]string{
		"l’accord avec la Russie":           {"l’", "accord", "avec", "la", "Russie"},
		"jusqu'à Bamako.":                   {"jusqu'", "à", "Bamako", "."},
		"les Etats-Unis et le porte-parole": {"les", "Etats-Unis", "et", "le", "porte-parole"},
		"the U.S. forces":                   {"the", "U.S.", "forces"},
		"Mali's army":                       {"Mali", "'s", "army"},
		"9,15 millions et 1 000 euros":      {"9,15", "millions", "et", "1 000", "euros"},
		"« Une intervention »":              {"«", "Une", "intervention", "»"},
		"M. Dupont":                         {"M", ".", "Dupont"},
		"Côte d'Ivoire":                     {"Côte", "d'", "Ivoire"},
		"O'Brien said":                      {"O'Brien", "said"},
	}
	for in, want := range cases {
		var got []string
		for _, tok := range Tokenize(in, 0, len(in)) {
			got = append(got, tok.Text(in))
		}
		if !slices.Equal(got, want) {
			t.Errorf("Tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"États-Unis": "etats-unis", "l’": "l'", "Cissé": "cisse", "Œuvre": "oeuvre"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"l’accord", "U.S. 1 000", "a'", "-x-", "\xff'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tok := range Tokenize(s, 0, len(s)) {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("bad token %v in %q", tok, s)
			}
			last = tok.End
		}
	})
}

// TestFoldConcurrent calls Fold from many goroutines on text outside the
// Latin table, which goes through a stateful transformer: a shared one
// panicked under the ingest's concurrent workers.
func TestFoldConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				if got := Fold("Ёлка Ἀθῆναι Ḍaka"); got != "елка αθηναι daka" {
					t.Errorf("Fold = %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}
