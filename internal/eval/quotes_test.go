package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/veille/veille"
)

// cp returns the code point offsets of sub in s.
func cp(t *testing.T, s, sub string) [2]int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	a := len([]rune(s[:i]))
	return [2]int{a, a + len([]rune(sub))}
}

func TestQuotesQuotesClaims(t *testing.T) {
	dir := t.TempDir()
	text := "Le marché a rouvert. « Les camions arrivent », a déclaré le préfet. Selon des témoins, les soldats ont quitté la ville."
	rec, _ := json.Marshal(map[string]any{"id": "a1", "text": text, "lang": "fr"})
	if err := os.MkdirAll(filepath.Join(dir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus", "c.jsonl"), append(rec, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	q := func(kind, content, spk, speaker string) map[string]any {
		return map[string]any{"kind": kind, "content": content, "content_span": cp(t, text, content),
			"speaker_text": spk, "speaker_text_span": cp(t, text, spk), "speaker": speaker}
	}
	gold, _ := json.Marshal(map[string]any{"article_id": "a1", "corpus_file": "corpus/c.jsonl", "quotes": []any{
		q("direct", "Les camions arrivent", "le préfet", "préfet"),
		q("indirect", "les soldats ont quitté la ville", "des témoins", "témoins"),
		q("indirect", "Le marché a rouvert", "Le marché", "nobody"),
	}})
	gp := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(gp, append(gold, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Quotes(context.Background(), []string{gp}, true, dir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 3 {
		t.Errorf("n = %d, want 3", rep.N)
	}
	want := map[string]float64{"content_exact_precision": 1, "content_exact_recall": 2.0 / 3, "speaker_acc": 2.0 / 3}
	for k, v := range want {
		if got, _ := rep.Metrics.Get(k); got < v-1e-9 || got > v+1e-9 {
			t.Errorf("%s = %v, want %v", k, got, v)
		}
	}
	if d, _ := rep.Metrics.Sub["direct"].Get("content_exact_f1"); d != 1 {
		t.Errorf("direct.content_exact_f1 = %v, want 1", d)
	}
	if len(rep.Misses) != 1 || !strings.HasPrefix(rep.Misses[0].Reason, "missed") {
		t.Errorf("misses = %+v, want the one missed quotation", rep.Misses)
	}
}

func TestQuotesPolNeAR(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "\u201cWe will win,\u201d the manager said. Officials said the vote was delayed."
	c1, s1 := cp(t, text, "\u201cWe will win,\u201d"), cp(t, text, "the manager")
	c2, s2 := cp(t, text, "the vote was delayed"), cp(t, text, "Officials")
	ann := strings.Join([]string{
		"T1\tSource " + itoa(s1[0]) + " " + itoa(s1[1]) + "\tthe manager",
		"T2\tContent " + itoa(c1[0]) + " " + itoa(c1[1]) + "\tx",
		"E1\tAttribution:T9 Content:T2 Source:T1",
		"T3\tSource " + itoa(s2[0]) + " " + itoa(s2[1]) + "\tOfficials",
		"T4\tContent " + itoa(c2[0]) + " " + itoa(c2[1]) + "\tx",
		"E2\tAttribution:T8 Content:T4 Source:T3",
	}, "\n")
	os.WriteFile(filepath.Join(dir, "text", "p_1.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "attributions", "p_1_aa.ann"), []byte(ann), 0o644)
	os.WriteFile(filepath.Join(dir, "attributions", "p_1_bb.ann"), []byte(""), 0o644)
	rep, err := Quotes(context.Background(), []string{dir}, false, dir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 2 || rep.Skipped["PolNeAR annotation file not first in sorted order"] != 1 {
		t.Errorf("n = %d, skipped %v", rep.N, rep.Skipped)
	}
	if v, _ := rep.Metrics.Get("speaker_acc"); v != 1 {
		t.Errorf("speaker_acc = %v, want 1", v)
	}
	if v, _ := rep.Metrics.Sub["direct"].Get("content_exact_recall"); v != 1 {
		t.Errorf("direct recall = %v, want 1", v)
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestQuotesSharedGold(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	gold := filepath.Join(shared, "eval", "quotes-claims-fr", "dev.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Skip("../shared/eval/quotes-claims-fr not found")
	}
	rep, err := Quotes(context.Background(), []string{gold}, false, shared)
	if err != nil {
		t.Fatal(err)
	}
	floors := []struct {
		sub, key string
		min      float64
	}{
		{"direct", "content_exact_f1", 0.94},
		{"indirect", "content_exact_f1", 0.84},
		{"", "speaker_acc", 0.85},
	}
	for _, fl := range floors {
		m := rep.Metrics
		if fl.sub != "" {
			m = rep.Metrics.Sub[fl.sub]
		}
		if v, _ := m.Get(fl.key); v < fl.min {
			t.Errorf("%s.%s = %.3f, fell below %.2f", fl.sub, fl.key, v, fl.min)
		}
	}
}

func TestQuotesPolNeARGold(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "eval", "quotes-polnear-en", "dev")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/eval/quotes-polnear-en not found")
	}
	rep, err := Quotes(context.Background(), []string{dir}, false, ".")
	if err != nil {
		t.Fatal(err)
	}
	floors := []struct {
		sub, key string
		min      float64
	}{
		{"", "content_exact_f1", 0.52},
		{"", "content_overlap_f1", 0.75},
		{"direct", "content_exact_f1", 0.78},
		{"indirect", "content_exact_f1", 0.43},
		{"", "speaker_acc", 0.60},
	}
	for _, fl := range floors {
		m := rep.Metrics
		if fl.sub != "" {
			m = rep.Metrics.Sub[fl.sub]
		}
		if v, _ := m.Get(fl.key); v < fl.min {
			t.Errorf("%s.%s = %.3f, fell below %.2f", fl.sub, fl.key, v, fl.min)
		}
	}
}

// TestQuotesFragments checks that a discontinuous gold content (a
// quotation interrupted by its cue) is found by our two pieces.
func TestQuotesFragments(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "\u201cWe will win,\u201d the manager said. \u201cThe polls are wrong.\u201d"
	a, b, s := cp(t, text, "\u201cWe will win,\u201d"), cp(t, text, "\u201cThe polls are wrong.\u201d"), cp(t, text, "the manager")
	ann := strings.Join([]string{
		"T1\tSource " + itoa(s[0]) + " " + itoa(s[1]) + "\tthe manager",
		"T2\tContent " + itoa(a[0]) + " " + itoa(a[1]) + ";" + itoa(b[0]) + " " + itoa(b[1]) + "\tx",
		"E1\tAttribution:T9 Content:T2 Source:T1",
	}, "\n")
	os.WriteFile(filepath.Join(dir, "text", "p_1.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "attributions", "p_1_aa.ann"), []byte(ann), 0o644)
	rep, err := Quotes(context.Background(), []string{dir}, true, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"content_exact_recall", "content_exact_precision", "speaker_acc"} {
		if v, _ := rep.Metrics.Get(k); v != 1 {
			t.Errorf("%s = %v, want 1 (misses %+v)", k, v, rep.Misses)
		}
	}
}

func TestQuotesNothingScorable(t *testing.T) {
	p := filepath.Join(t.TempDir(), "empty.jsonl")
	os.WriteFile(p, []byte("{}\n"), 0o644)
	if _, err := Quotes(context.Background(), []string{p}, false, "."); err == nil {
		t.Error("no error on a file without quotations")
	}
}

func TestJoinAdjacentFragments(t *testing.T) {
	text := "\u201cWe won.\u201d \u201cWe will win again,\u201d she said. \u201cAlways.\u201d"
	sp := func(sub string) veille.Span {
		i := strings.Index(text, sub)
		return veille.Span{Start: i, End: i + len(sub)}
	}
	got := joinAdjacent(text, []veille.Span{sp("We won."), sp("We will win again,"), sp("Always.")})
	want := []veille.Span{{Start: sp("We won.").Start, End: sp("We will win again,").End}, sp("Always.")}
	if !slices.Equal(got, want) {
		t.Errorf("joinAdjacent = %v, want %v", got, want)
	}
}
