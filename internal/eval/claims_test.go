package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestClaimsSynthetic scores an invented article: the figures, the
// confusion counts, boilerplate and certainty_alt handling.
func TestClaimsSynthetic(t *testing.T) {
	shared := t.TempDir()
	text := "Le pont a rouvert mardi. Le préfet serait en fuite. Lire aussi : la crue. Le maire se rendra à Paris."
	rec, _ := json.Marshal(map[string]string{"id": "a1", "text": text})
	if err := os.MkdirAll(filepath.Join(shared, "corpus", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shared, "corpus", "x", "x.jsonl"), append(rec, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	span := func(sub string) goldSpan {
		for i := range runes {
			if string(runes[i:min(len(runes), i+len([]rune(sub)))]) == sub {
				return goldSpan{Start: i, End: i + len([]rune(sub)), Set: true, Valid: true}
			}
		}
		t.Fatalf("%q not in text", sub)
		return goldSpan{}
	}
	gold := qcClaimsArticle{ArticleID: "a1", CorpusFile: "corpus/x/x.jsonl", Sentences: []qcSentence{
		{Text: "Le pont a rouvert mardi.", Span: span("Le pont a rouvert mardi."), Certainty: "asserted"},
		{Text: "Le préfet serait en fuite.", Span: span("Le préfet serait en fuite."), Certainty: "reported", CertaintyAlt: "hedged"},
		{Text: "Lire aussi : la crue.", Span: span("Lire aussi : la crue."), Certainty: "asserted", Boilerplate: true},
		{Text: "Le maire se rendra à Paris.", Span: span("Le maire se rendra à Paris."), Certainty: "future"},
	}}
	line, _ := json.Marshal(gold)
	p := filepath.Join(shared, "dev.jsonl")
	if err := os.WriteFile(p, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Claims(context.Background(), []string{p}, true, shared)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 3 || rep.Skipped["boilerplate sentence"] != 1 {
		t.Fatalf("n %d skipped %v, want 3 scored and 1 boilerplate", rep.N, rep.Skipped)
	}
	strict, _ := rep.Metrics.Get("accuracy_strict")
	lenient, _ := rep.Metrics.Get("accuracy_lenient")
	if !same(strict, 2.0/3) || lenient != 1 {
		t.Errorf("strict %v lenient %v, want 0.667 and 1", strict, lenient)
	}
	if n, _ := rep.ByType["reported"].Get("n_hedged"); n != 1 {
		t.Errorf("confusion reported→hedged = %v, want 1", n)
	}
	if r, _ := rep.ByType["future"].Get("recall"); r != 1 {
		t.Errorf("future recall %v, want 1", r)
	}
	if len(rep.Misses) != 0 {
		t.Errorf("misses %v, want none (the alt label is accepted)", rep.Misses)
	}
}

// TestClaimsSharedFloor keeps the certainty score on ../shared from
// falling; the floor sits a little below the score reached.
func TestClaimsSharedFloor(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	qc := filepath.Join(shared, "eval", "quotes-claims-fr", "dev.jsonl")
	if _, err := os.Stat(qc); err != nil {
		t.Skip("../shared/eval/quotes-claims-fr absent")
	}
	rep, err := Claims(context.Background(), []string{qc}, false, shared)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := rep.Metrics.Get("accuracy_strict"); v < 0.85 {
		t.Errorf("accuracy_strict %.3f, floor 0.85", v)
	}
	if v, _ := rep.Metrics.Get("accuracy_lenient"); v < 0.87 {
		t.Errorf("accuracy_lenient %.3f, floor 0.87", v)
	}
}
