package eval

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestDatesSmall(t *testing.T) {
	dir := t.TempDir()
	gold := `{"dimension": "Time", "locale": "FR", "text": "hier", "expected": {"kind": "datetime", "value": "2013-02-11T00:00:00", "grain": "Day"}, "source": "a:1"}
{"dimension": "Time", "locale": "EN", "text": "in May", "expected": null, "source": "a:2"}
{"dimension": "Numeral", "locale": "EN", "text": "three", "expected": {"kind": "numeral", "value": 3}, "source": "a:3"}
{"kind": "testSingleCase", "parser": "chrono.fr", "text": "La deadline était hier", "ref_date": {"local": "2012-08-10T12:00:00.000"}, "expected": {"index": 18, "text": "hier", "start_components": {"year": 2012, "month": 8, "day": 9}}, "source": "test/fr/x.ts:1"}
{"kind": "testSingleCase", "parser": "chrono", "text": "Sep 2012", "expected": {"start_components": {"year": 2012}}, "source": "test/en/x.ts:2"}
{"test_function": "test_dates_parsing", "args": ["11 sept. 2014", {"datetime": "2014-09-11T00:00:00"}], "kwargs": {}, "languages": ["fr"]}
{"test_function": "test_dates_parsing", "args": ["Friday", {"datetime": "2012-11-09T00:00:00"}], "kwargs": {}, "languages": ["en"]}
`
	path := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(path, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Dates(context.Background(), []string{dir}, true)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 4 {
		t.Errorf("n = %d, want 4 (skipped %v)", rep.N, rep.Skipped)
	}
	if got, _ := rep.Metrics.Get("exact"); got != 0.75 {
		t.Errorf("exact = %v, want 0.75; misses %+v", got, rep.Misses)
	}
	for _, reason := range []string{skipDatesUnstructured, skipDatesNotTime, skipDatesNoRef} {
		if rep.Skipped[reason] != 1 {
			t.Errorf("skipped[%q] = %d, want 1", reason, rep.Skipped[reason])
		}
	}
	if len(rep.Misses) != 1 {
		t.Errorf("misses = %+v", rep.Misses)
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Fatal(err)
	}
}

func TestDatesNothingScorable(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.jsonl"), []byte(`{"dimension": "Numeral", "text": "3"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Dates(context.Background(), []string{dir}, false); err == nil {
		t.Error("no error for a gold without date rows")
	}
}

// TestDatesShared scores the shared gold sets when they are present, so a
// regression shows as a failure rather than a number nobody reads.
func TestDatesShared(t *testing.T) {
	root := "../../../shared/eval"
	paths := []string{filepath.Join(root, "numerals-dates-duckling"), filepath.Join(root, "dates-chrono"), filepath.Join(root, "dates-dateparser")}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("%s not found", p)
		}
	}
	rep, err := Dates(context.Background(), paths, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := rep.Metrics.Get("exact"); got < 0.88 {
		t.Errorf("pooled exact %.3f under the floor 0.88", got)
	}
}

// TestDatesConventions checks that each gold row is read with its own
// set's conventions: day first for chrono's British parser, "maintenant"
// and "la veille" from Duckling's reference.
func TestDatesConventions(t *testing.T) {
	dir := t.TempDir()
	gold := `{"kind": "testSingleCase", "parser": "chrono.en.GB", "text": "due 3/4/2020", "ref_date": {"local": "2020-01-10T00:00:00.000"}, "expected": {"index": 4, "start_components": {"year": 2020, "month": 4, "day": 3}}, "source": "test/en/x.ts:1"}
{"kind": "testSingleCase", "parser": "chrono", "text": "due 3/4/2020", "ref_date": {"local": "2020-01-10T00:00:00.000"}, "expected": {"index": 4, "start_components": {"year": 2020, "month": 3, "day": 4}}, "source": "test/en/x.ts:2"}
{"dimension": "Time", "locale": "FR", "text": "maintenant", "expected": {"kind": "datetime", "value": "2013-02-12T04:30:00", "grain": "Second"}, "source": "a:1"}
{"dimension": "Time", "locale": "FR", "text": "la veille", "expected": {"kind": "datetime", "value": "2013-02-11T00:00:00", "grain": "Day"}, "source": "a:2"}
`
	if err := os.WriteFile(filepath.Join(dir, "gold.jsonl"), []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Dates(context.Background(), []string{dir}, true)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := rep.Metrics.Get("exact"); rep.N != 4 || got != 1 {
		t.Errorf("n = %d, exact = %v; misses %+v", rep.N, got, rep.Misses)
	}
}
