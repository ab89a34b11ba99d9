package quote

import (
	"testing"

	"github.com/veille/veille/internal/nlp"
)

// directs returns the contents of the direct quotations direct finds in
// text, before they are reconciled with the reports of its sentences.
func directs(text string) map[string]bool {
	s := nlp.Segment(text)
	f := &finder{text: text, lang: "fr", lx: lexicons["fr"], sents: s.Sentences, sentsOK: orderedSpans(s.Sentences)}
	for _, p := range s.Paragraphs {
		f.direct(p)
	}
	got := map[string]bool{}
	for _, q := range f.out {
		got[text[q.content.Start:q.content.End]] = true
	}
	return got
}

// TestQuotationWithinQuotation checks that direct reads a quotation
// inside another, and not one more level inside it.
func TestQuotationWithinQuotation(t *testing.T) {
	inner := "je pars demain matin pour Bamako avec toute ma famille"
	got := directs("« Il m’a dit « " + inner + " » et il est parti », a déclaré Jean Dupont.")
	for _, c := range []string{"Il m’a dit « " + inner + " » et il est parti", inner} {
		if !got[c] {
			t.Errorf("no quotation %q in %v", c, got)
		}
	}
	got = directs("« Il m’a dit « elle a crié « " + inner + " » puis elle est partie » et voilà », a déclaré Jean Dupont.")
	if got[inner] || len(got) != 2 {
		t.Errorf("got %v, want the two outer levels only", got)
	}
}

// TestDoubledMarksOpenOneQuotation checks that marks doubled around a
// quotation give it once.
func TestDoubledMarksOpenOneQuotation(t *testing.T) {
	got := directs("« « Nous partirons demain matin avec tous les camions du convoi » », a déclaré Jean Dupont.")
	if len(got) != 1 {
		t.Errorf("got %v, want one quotation", got)
	}
}
