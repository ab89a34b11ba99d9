package extract

import (
	"testing"

	"github.com/veille/veille"
)

// frOnly is a test extractor covering French only.
type frOnly struct{ ran *int }

func (frOnly) Name() string    { return "fr-only" }
func (frOnly) Version() int    { return 3 }
func (frOnly) Langs() []string { return []string{"fr"} }
func (f frOnly) Extract(doc *Document, an *veille.Analysis) {
	*f.ran++
}

func TestAnalyzeRecordsWhatRan(t *testing.T) {
	ran := 0
	p := New(Structure{}, frOnly{&ran})
	for _, c := range []struct {
		lang, skipped string
		runs          int
	}{
		{"fr", "", 1},
		{"de", "language de not covered", 1},
		{"", "language unknown", 1},
	} {
		a := &veille.Article{Text: "Titre court\n\nUne phrase. Une autre.", Lang: c.lang}
		an := p.Analyze(a)
		if an.Version != veille.AnalysisVersion || len(an.Extractors) != 2 {
			t.Fatalf("%q: %+v", c.lang, an)
		}
		if !an.Ran("structure") || an.Extractors[1].Skipped != c.skipped || an.Extractors[1].Version != 3 {
			t.Errorf("%q: extractors %+v", c.lang, an.Extractors)
		}
		// The first line is not a heading: no blank line stands before it.
		if len(an.Sentences) != 3 || len(an.Paragraphs) != 2 || len(an.Headings) != 0 {
			t.Errorf("%q: structure not filled: %+v", c.lang, an)
		}
		if ran != c.runs {
			t.Errorf("%q: fr-only ran %d times, want %d", c.lang, ran, c.runs)
		}
	}
}

func TestDefaultListsStructure(t *testing.T) {
	ex := Default().Extractors()
	if len(ex) == 0 || ex[0].Name() != "structure" {
		t.Fatalf("Default() = %v", ex)
	}
}

// TestAmountCertainty: a count stated in the conditional carries the
// hedged certainty of its claim (issue 4, item 5).
func TestAmountCertainty(t *testing.T) {
	a := &veille.Article{Lang: "fr", Text: "Le naufrage aurait fait 266 morts au large de la côte. Le port a rouvert avec 40 bateaux."}
	an := Default().Analyze(a)
	got := map[string]string{}
	for _, am := range an.Amounts {
		got[am.Text] = am.Certainty
	}
	if got["266 morts"] != veille.CertaintyHedged {
		t.Errorf("266 morts: certainty %q, want hedged (amounts %+v)", got["266 morts"], an.Amounts)
	}
	if c := got["40 bateaux"]; c != veille.CertaintyAsserted {
		t.Errorf("40 bateaux: certainty %q, want asserted", c)
	}
}

// panicky is an extractor with a bug: it adds a finding, then panics.
type panicky struct{}

func (panicky) Name() string    { return "panicky" }
func (panicky) Version() int    { return 1 }
func (panicky) Langs() []string { return nil }
func (panicky) Extract(doc *Document, an *veille.Analysis) {
	an.Places = append(an.Places, veille.Place{Text: "half"})
	panic("index out of range")
}

// An extractor that panics on an article loses its own findings only:
// the analysis says it failed, and the extractors after it still run.
func TestExtractorPanicIsContained(t *testing.T) {
	an := New(Structure{}, panicky{}, dates{}).Analyze(&veille.Article{Text: "Le 3 mars 2021, la ville a voté.", Lang: "fr"})
	if len(an.Places) != 0 {
		t.Errorf("the failed extractor's findings were kept: %+v", an.Places)
	}
	if len(an.Extractors) != 3 || an.Extractors[1].Skipped != "failed: index out of range" || an.Extractors[2].Skipped != "" {
		t.Errorf("extractor runs = %+v", an.Extractors)
	}
	if len(an.Dates) == 0 {
		t.Error("the extractor after the failed one did not run")
	}
}

// editsThenPanics changes an earlier extractor's finding, then panics.
type editsThenPanics struct{}

func (editsThenPanics) Name() string    { return "edits" }
func (editsThenPanics) Version() int    { return 1 }
func (editsThenPanics) Langs() []string { return nil }
func (editsThenPanics) Extract(doc *Document, an *veille.Analysis) {
	for i := range an.Dates {
		an.Dates[i].Text = "CORRUPTED"
	}
	panic("boom")
}

// A failed extractor's edits to earlier findings are undone too.
func TestExtractorPanicUndoesEdits(t *testing.T) {
	an := New(Structure{}, dates{}, editsThenPanics{}).Analyze(&veille.Article{Text: "Le 3 mars 2021, la ville a voté.", Lang: "fr"})
	if len(an.Dates) == 0 || an.Dates[0].Text == "CORRUPTED" {
		t.Errorf("dates after the failed extractor: %+v", an.Dates)
	}
}
