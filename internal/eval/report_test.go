package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestReportJSON(t *testing.T) {
	r := NewReport("quotes", []string{"gold/a.jsonl"}, false)
	r.Version = "v1.2.3"
	r.N = 12
	r.Skip("no speaker")
	r.Metrics.Set("speaker_acc", 0.5)
	var direct Metrics
	direct.Set("content_exact_f1", 0.75)
	r.Metrics.SetSub("direct", direct)
	var per Metrics
	per.Set("f1", 0.25)
	per.Set("support", 4)
	r.ByType["PER"] = per
	r.ByFile["a.jsonl"] = FileScore{N: 12, Metrics: Metrics{Values: map[string]float64{"speaker_acc": math.NaN()}}}
	r.AddMiss(Miss{Reason: "dropped: misses not asked for"})

	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"task":"quotes","version":"v1.2.3","gold":["gold/a.jsonl"],"n":12,"skipped":{"no speaker":1},` +
		`"metrics":{"direct":{"content_exact_f1":0.75},"speaker_acc":0.5},` +
		`"by_type":{"PER":{"f1":0.25,"support":4}},"by_file":{"a.jsonl":{"n":12,"metrics":{"speaker_acc":null}}}}`
	if string(b) != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", b, want)
	}

	// Round trip.
	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if v, _ := back.Metrics.Sub["direct"].Get("content_exact_f1"); v != 0.75 || back.N != 12 || back.Misses != nil {
		t.Errorf("round trip: %+v", back)
	}

	// Asked-for misses are listed, as [] when there are none.
	empty := NewReport("ingest", nil, true)
	b, err = json.Marshal(empty)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"task":"ingest","version":"","gold":[],"n":0,"skipped":{},"metrics":{},"by_type":{},"by_file":{},"misses":[]}`; string(b) != want {
		t.Errorf("empty report JSON:\n%s\nwant:\n%s", b, want)
	}
}

func TestMetricsClash(t *testing.T) {
	var m Metrics
	m.Set("direct", 1)
	m.SetSub("direct", Metrics{})
	if _, err := json.Marshal(m); err == nil {
		t.Error("a name used as figure and subset: want an error")
	}
}

func TestWriteTable(t *testing.T) {
	r := NewReport("ingest", []string{"gold"}, true)
	r.N = 2
	r.Skip(skipNoDate)
	r.Metrics.Set("title_acc", 0.5)
	r.Metrics.Set("body_f1", 0.875)
	r.ByType["en"] = Metrics{Values: map[string]float64{"body_f1": 0.875, "support": 2}}
	r.ByFile["uk/a.html.gz"] = FileScore{N: 1, Metrics: Metrics{Values: map[string]float64{"title_acc": 1}}}
	r.AddMiss(Miss{File: "uk/b.html.gz", ID: "b", Gold: "Expected title", Ours: "Our title", Reason: "title differs"})
	var buf bytes.Buffer
	if err := r.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, w := range []string{"veille eval ingest", "n: 2", skipNoDate, "title_acc  0.500", "body_f1    0.875",
		"support", " 2", "uk/a.html.gz", "title differs", "gold: Expected title", "ours: Our title"} {
		if !strings.Contains(out, w) {
			t.Errorf("table lacks %q:\n%s", w, out)
		}
	}
}
