package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestAmountsDuckling(t *testing.T) {
	dir := t.TempDir()
	rows := `{"text":"six milliards","dimension":"Numeral","locale":"fr_XX","expected":{"kind":"numeral","value":6000000000},"expected_hs":"","source":"a:1"}
{"text":"11e","dimension":"Ordinal","locale":"fr_XX","expected":{"kind":"ordinal","value":11},"expected_hs":"","source":"a:2"}
{"text":"plus de 10 euros","dimension":"AmountOfMoney","locale":"fr_XX","expected":{"kind":"above","unit":"EUR","value":10},"expected_hs":"","source":"a:3"}
{"text":"dix riyals","dimension":"AmountOfMoney","locale":"fr_XX","expected":{"kind":"simple","unit":"Riyal","value":10},"expected_hs":"","source":"a:4"}
{"text":"vingt livres","dimension":"AmountOfMoney","locale":"fr_XX","expected":{"kind":"simple","unit":"Dollar","value":20},"expected_hs":"","source":"a:5"}
{"text":"bof","dimension":"AmountOfMoney","locale":"fr_XX","negative":true,"expected":null,"expected_hs":"","source":"a:6"}
{"text":"demain","dimension":"Time","locale":"fr_XX","expected":{"kind":"datetime","value":"2013-02-13T00:00:00","grain":"Day"},"expected_hs":"","source":"a:7"}
{"text":"entre 3 et 4 euros","dimension":"AmountOfMoney","locale":"fr_XX","expected":null,"expected_hs":"(between EUR (3, 4))","source":"a:8"}
`
	p := filepath.Join(dir, "duckling-x-fr.dev.jsonl")
	if err := os.WriteFile(p, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Amounts(context.Background(), []string{dir}, true, dir)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 6 || rep.Skipped["dimension Time is not an amount"] != 1 || rep.Skipped["expected value not structured"] != 1 {
		t.Errorf("n %d, skipped %v; want 6 scored, one Time row and one unstructured row skipped", rep.N, rep.Skipped)
	}
	if v, _ := rep.Metrics.Get("exact"); v != 5.0/6 {
		t.Errorf("exact = %v, want 5/6 (a pound is not a Dollar)", v)
	}
	if len(rep.Misses) != 1 || rep.Misses[0].ID != "a:5" {
		t.Errorf("misses %+v, want a:5 only", rep.Misses)
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Error(err)
	}
}

func TestAmountsQuotesClaims(t *testing.T) {
	shared := t.TempDir()
	text := "Près de 500.000 personnes ont fui, et l’État a versé 3 millions d’euros."
	if err := os.MkdirAll(filepath.Join(shared, "corpus", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	rec, _ := json.Marshal(map[string]string{"id": "art1", "text": text})
	if err := os.WriteFile(filepath.Join(shared, "corpus", "x", "x.jsonl"), append(rec, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	// Spans in code points, as the gold gives them.
	gold := `{"article_id":"art1","corpus_file":"corpus/x/x.jsonl","amounts":[` +
		`{"text":"Près de 500.000 personnes","span":[0,25],"value":500000,"unit":"personne","approx":true,"period":""},` +
		`{"text":"3 millions d’euros","span":[53,71],"value":3000000,"unit":"EUR","approx":false,"period":""},` +
		`{"text":"fui","span":[30,33],"value":2,"unit":"fuite","approx":false,"period":""}]}` + "\n"
	p := filepath.Join(shared, "dev.jsonl")
	if err := os.WriteFile(p, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Amounts(context.Background(), []string{p}, true, shared)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"precision": 1, "recall": 2.0 / 3, "value_acc": 1, "unit_acc": 1}
	for k, w := range want {
		if v, _ := rep.Metrics.Get(k); v != w {
			t.Errorf("%s = %v, want %v", k, v, w)
		}
	}
	if rep.N != 3 {
		t.Errorf("n = %d, want 3", rep.N)
	}
}

// TestAmountsSharedFloor keeps the scores on ../shared from falling; the
// floors sit a little under what we reach (EVAL.md, "In tests and CI").
func TestAmountsSharedFloor(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared")
	qc := filepath.Join(shared, "eval", "quotes-claims-fr", "dev.jsonl")
	if _, err := os.Stat(qc); err != nil {
		t.Skip("../shared/eval/quotes-claims-fr absent")
	}
	rep, err := Amounts(context.Background(), []string{qc}, false, shared)
	if err != nil {
		t.Fatal(err)
	}
	for k, floor := range map[string]float64{"f1": 0.9, "value_acc": 0.95} {
		if v, _ := rep.Metrics.Get(k); v < floor {
			t.Errorf("quotes-claims-fr %s = %.3f, below %.2f", k, v, floor)
		}
	}
	for _, lang := range []string{"fr", "en"} {
		var paths []string
		for _, d := range []string{"numeral", "ordinal", "amountofmoney"} {
			paths = append(paths, filepath.Join(shared, "eval", "numerals-dates-duckling", "duckling-"+d+"-"+lang+".dev.jsonl"))
		}
		rep, err := Amounts(context.Background(), paths, false, shared)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := rep.Metrics.Get("exact"); v < 0.96 {
			t.Errorf("duckling %s exact = %.3f, below 0.96", lang, v)
		}
	}
}
