package eval

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// qcShared writes a shared folder holding one article (id a1) and
// returns the folder and the article's text.
func qcShared(t *testing.T) (string, string) {
	t.Helper()
	shared := t.TempDir()
	text := "Le pont a rouvert mardi. Il a coûté 3 millions d’euros."
	rec, _ := json.Marshal(map[string]string{"id": "a1", "text": text})
	if err := os.MkdirAll(filepath.Join(shared, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(shared, "corpus"), "c.jsonl", string(rec)+"\n")
	return shared, text
}

func TestGoldSpanDecode(t *testing.T) {
	for in, want := range map[string]string{
		`[0, 5]`: "", `[10000000, 10000005]`: skipSpanOutside, `[-3, 5]`: skipSpanOutside,
		`[9, 2]`: skipSpanReversed, `[4, 4]`: skipSpanReversed, `null`: skipSpanShape, `[566]`: skipSpanShape,
		`["a", 3]`: skipSpanShape, `[1.5, 3]`: skipSpanShape, `[1, 2, 3]`: skipSpanShape, `"0-5"`: skipSpanShape,
		`[0, 99999999999999999999]`: skipSpanShape,
	} {
		var row struct {
			Span goldSpan `json:"span"`
		}
		if err := json.Unmarshal([]byte(`{"span": `+in+`}`), &row); err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if got := row.Span.check(10); got != want {
			t.Errorf("%s: check = %q, want %q", in, got, want)
		}
	}
}

// TestClaimsBadGoldSkipped: sentence spans outside the text, negative,
// reversed, null or of one element, and an unknown certainty label, are
// skipped and counted, never scored.
func TestClaimsBadGoldSkipped(t *testing.T) {
	shared, _ := qcShared(t)
	line := `{"article_id": "a1", "corpus_file": "corpus/c.jsonl", "sentences": [
		{"text": "Le pont a rouvert mardi.", "span": [0, 24], "certainty": "asserted"},
		{"text": "x", "span": [10000000, 10000005], "certainty": "asserted"},
		{"text": "x", "span": [-3, 5], "certainty": "asserted"},
		{"text": "x", "span": [20, 3], "certainty": "asserted"},
		{"text": "x", "span": null, "certainty": "asserted"},
		{"text": "x", "span": [566], "certainty": "asserted"},
		{"text": "Il a coûté 3 millions d’euros.", "span": [25, 55], "certainty": "maybe"}]}`
	p := writeFile(t, t.TempDir(), "dev.jsonl", strings.ReplaceAll(line, "\n", "")+"\n")
	rep, err := Claims(context.Background(), []string{p}, true, shared)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 1 {
		t.Errorf("n = %d, want 1 (skipped %v)", rep.N, rep.Skipped)
	}
	want := map[string]int{skipSpanOutside: 2, skipSpanReversed: 1, skipSpanShape: 2, `gold certainty not a label ("maybe")`: 1}
	for k, n := range want {
		if rep.Skipped[k] != n {
			t.Errorf("skipped[%q] = %d, want %d (all: %v)", k, rep.Skipped[k], n, rep.Skipped)
		}
	}
}

// TestAmountsBadSpanSkipped: a quotes-claims amount whose span lies
// beyond its text is skipped and counted, not scored as missed.
func TestAmountsBadSpanSkipped(t *testing.T) {
	shared, _ := qcShared(t)
	line := `{"article_id": "a1", "corpus_file": "corpus/c.jsonl", "amounts": [` +
		`{"text": "3 millions d’euros", "span": [36, 54], "value": 3000000, "unit": "EUR"},` +
		`{"text": "x", "span": [10000000, 10000005], "value": 1, "unit": "EUR"},` +
		`{"text": "x", "span": [566], "value": 1, "unit": "EUR"}]}`
	p := writeFile(t, t.TempDir(), "dev.jsonl", line+"\n")
	rep, err := Amounts(context.Background(), []string{p}, true, shared)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 1 || rep.Skipped[skipSpanOutside] != 1 || rep.Skipped[skipSpanShape] != 1 {
		t.Errorf("n = %d skipped %v, want 1 scored, 1 outside, 1 not two offsets", rep.N, rep.Skipped)
	}
	for _, m := range rep.Misses {
		if m.Reason == "missed" {
			t.Errorf("bad gold span scored as a miss: %+v", m)
		}
	}
}

// TestArticlesNotFound: when no article text is found, the error says so
// and names the first missing file, whatever the task.
func TestArticlesNotFound(t *testing.T) {
	shared := t.TempDir()
	line := `{"article_id": "a1", "corpus_file": "corpus/nope.jsonl", "sentences": [{"text": "x", "span": [0, 1], "certainty": "asserted"}], "amounts": [{"text": "x", "span": [0, 1], "value": 1, "unit": "EUR"}]}`
	p := writeFile(t, t.TempDir(), "dev.jsonl", line+"\n")
	_, err1 := Claims(context.Background(), []string{p}, false, shared)
	_, err2 := Amounts(context.Background(), []string{p}, false, shared)
	for _, err := range []error{err1, err2} {
		if err == nil || !strings.Contains(err.Error(), "not found under --shared "+shared) || !strings.Contains(err.Error(), "corpus/nope.jsonl") {
			t.Errorf("err = %v, want the texts not found under --shared, naming corpus/nope.jsonl", err)
		}
	}
	// A corpus_file leaving the shared folder is not read.
	esc := writeFile(t, t.TempDir(), "esc.jsonl", strings.Replace(line, "corpus/nope.jsonl", "../../etc/passwd", 1)+"\n")
	if _, err := Claims(context.Background(), []string{esc}, false, shared); err == nil || !strings.Contains(err.Error(), "not a path inside --shared") {
		t.Errorf("err = %v, want corpus_file not inside --shared", err)
	}
}

// TestDatesImpossibleGoldSkipped: impossible expected values are skipped
// and counted, never scored.
func TestDatesImpossibleGoldSkipped(t *testing.T) {
	gold := `{"dimension": "Time", "locale": "FR", "text": "hier", "expected": {"kind": "datetime", "value": "2013-13-45T99:99:99", "grain": "Second"}, "source": "a:1"}
{"dimension": "Time", "locale": "FR", "text": "hier", "expected": {"kind": "datetime", "value": "2013-02-11T00:00:00", "grain": "Fortnight"}, "source": "a:2"}
{"dimension": "Time", "locale": "FR", "text": "hier", "expected": {"kind": "datetime", "value": "2013-02-00T00:00:00", "grain": "Month"}, "source": "a:3"}
{"kind": "testSingleCase", "parser": "chrono", "text": "tomorrow", "ref_date": {"local": "2012-08-10T12:00:00.000"}, "expected": {"start_components": {"month": 13}}, "source": "x:1"}
{"kind": "testSingleCase", "parser": "chrono", "text": "tomorrow", "ref_date": {"local": "2012-08-10T12:00:00.000"}, "expected": {"start_components": {"hour": 99}}, "source": "x:2"}
{"kind": "testSingleCase", "parser": "chrono", "text": "tomorrow", "ref_date": {"local": "2012-08-10T12:00:00.000"}, "expected": {"index": 1000000, "start_components": {"day": 11}}, "source": "x:3"}
{"test_function": "test_dates_parsing", "args": ["Friday", {"datetime": "9999-99-99T00:00:00"}], "kwargs": {}, "languages": ["en"]}
`
	p := writeFile(t, t.TempDir(), "gold.jsonl", gold)
	rep, err := Dates(context.Background(), []string{p}, true)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 1 {
		t.Errorf("n = %d, want 1 (the month 00 row); skipped %v", rep.N, rep.Skipped)
	}
	want := map[string]int{skipDatesImpossible: 2, skipDatesBadGrain: 1, skipDatesBadComponent: 2, skipDatesBadIndex: 1}
	for k, n := range want {
		if rep.Skipped[k] != n {
			t.Errorf("skipped[%q] = %d, want %d (all: %v)", k, rep.Skipped[k], n, rep.Skipped)
		}
	}
}

// TestJSONLUnreadableRow: every JSONL reader counts an unreadable row
// (here a truncated last line) under skipped with file:line, scores the
// rest, and fails only when nothing is left.
func TestJSONLUnreadableRow(t *testing.T) {
	dir := t.TempDir()
	duck := `{"dimension": "Numeral", "locale": "EN", "text": "three", "expected_hs": "", "expected": {"kind": "numeral", "value": 3}, "source": "a:1"}
{"dimension": "Numeral", "locale": "EN", "text": "fo`
	chrono := `{"kind": "testSingleCase", "parser": "chrono", "text": "tomorrow", "ref_date": {"local": "2012-08-10T12:00:00.000"}, "expected": {"start_components": {"day": 11}}, "source": "x:1"}
{"kind": "testSingleCase", "parser": "chrono", "text": "tomo`
	shared, _ := qcShared(t)
	qc := `{"article_id": "a1", "corpus_file": "corpus/c.jsonl", "sentences": [{"text": "Le pont a rouvert mardi.", "span": [0, 24], "certainty": "asserted"}]}
{"article_id": "a1", "corpus_file": "corpus/c.jsonl", "sentences": [{"te`
	cases := []struct {
		name, gold string
		run        func(string) (*Report, error)
	}{
		{"duck.jsonl", duck, func(p string) (*Report, error) { return Amounts(context.Background(), []string{p}, false, shared) }},
		{"chrono.jsonl", chrono, func(p string) (*Report, error) { return Dates(context.Background(), []string{p}, false) }},
		{"qc.jsonl", qc, func(p string) (*Report, error) { return Claims(context.Background(), []string{p}, false, shared) }},
	}
	for _, c := range cases {
		p := writeFile(t, dir, c.name, c.gold)
		rep, err := c.run(p)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		key := "unreadable gold row (" + p + ":2: unexpected end of JSON input)"
		if rep.N != 1 || rep.Skipped[key] != 1 {
			t.Errorf("%s: n = %d skipped %v, want 1 scored and %q", c.name, rep.N, rep.Skipped, key)
		}
		// Nothing but the truncated row: exit 2, saying why.
		last := c.gold[strings.LastIndexByte(c.gold, '\n')+1:]
		q := writeFile(t, dir, "only-"+c.name, last)
		if _, err := c.run(q); err == nil || !strings.Contains(err.Error(), q+":1: unexpected end of JSON input") {
			t.Errorf("%s alone: err = %v, want nothing scorable naming %s:1", c.name, err, q)
		}
	}
}

// TestJSONTypeErrorWords: a field of the wrong type is said in JSON
// words, never as a Go type.
func TestJSONTypeErrorWords(t *testing.T) {
	var row struct {
		Quotes []struct {
			Text string `json:"text"`
		} `json:"quotes"`
		N float64 `json:"n"`
		I int     `json:"i"`
	}
	for in, want := range map[string]string{
		`{"quotes": [{"text": 3}]}`: "field quotes.text: want a string, got a number",
		`{"n": "3"}`:                "field n: want a number, got a string",
		`{"quotes": {"a": 1}}`:      "field quotes: want an array, got an object",
		`[1, 2]`:                    "want an object, got an array",
		`{"n": 1e999}`:              "field n: want a number, got a number out of range (1e999)",
		`{"i": 566.5}`:              "field i: want an integer, got the number 566.5",
	} {
		got := jsonProblem(json.Unmarshal([]byte(in), &row))
		if got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
	if got := jsonProblem(errors.New("x")); got != "x" {
		t.Errorf("plain error: %q", got)
	}
}

// TestGeoBadGold: impossible coordinates are skipped and counted; a
// truncated file is reported with its XML syntax error and line.
func TestGeoBadGold(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "gwn.xml", `<?xml version='1.0' encoding='utf-8'?>
<articles><article file="0"><text>Arrivé à Moscow, then Bamako.</text><toponyms>
<toponym><extractedName>Moscow</extractedName><start>9</start><end>15</end><geonamesID>524901</geonamesID><latitude>55.75222</latitude><longitude>37.61556</longitude></toponym>
<toponym><extractedName>Bamako</extractedName><start>22</start><end>28</end><latitude>NaN</latitude><longitude>-8</longitude></toponym>
<toponym><extractedName>Bamako</extractedName><start>22</start><end>28</end><latitude>999</latitude><longitude>-8</longitude></toponym>
</toponyms></article></articles>`)
	rep, err := Geo(context.Background(), []string{p}, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 1 || rep.Skipped[skipGeoBadCoord] != 2 {
		t.Errorf("n = %d skipped %v, want 1 scored and 2 impossible coordinates", rep.N, rep.Skipped)
	}
	trunc := writeFile(t, dir, "trunc.xml", "<?xml version='1.0'?>\n<articles><article file=\"0\">\n<text>Moscow</text>")
	_, err = Geo(context.Background(), []string{trunc}, false)
	if err == nil || !strings.Contains(err.Error(), "XML syntax error on line 3") {
		t.Errorf("err = %v, want the XML syntax error and its line", err)
	}
}

// TestNERFENECBadGold: FENEC lines with offsets beyond the text,
// negative, reversed, not numbers or too short are each counted; an .ann
// without its .txt says so.
func TestNERFENECBadGold(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Jean Dupont est à Paris.")
	writeFile(t, dir, "a.ann", "PERS\t0\t11\tJean Dupont\t1\nLOC\t18\t999\tParis\t2\nLOC\t-5\t3\tx\t3\nPERS\t10\t2\trev\t4\nPERS\tabc\tdef\tx\t5\nPERS\t0\n")
	rep, err := NER(context.Background(), []string{dir}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{skipSpanOutside: 2, skipSpanReversed: 1, skipNERBad: 2}
	for k, n := range want {
		if rep.Skipped[k] != n {
			t.Errorf("skipped[%q] = %d, want %d (all: %v)", k, rep.Skipped[k], n, rep.Skipped)
		}
	}
	if rep.N != 1 {
		t.Errorf("n = %d, want 1", rep.N)
	}
	alone := t.TempDir()
	writeFile(t, alone, "b.ann", "PERS\t0\t11\tJean Dupont\t1\n")
	_, err = NER(context.Background(), []string{alone}, false)
	if err == nil || !strings.Contains(err.Error(), "b.ann has no b.txt beside it") {
		t.Errorf("err = %v, want b.ann has no b.txt beside it", err)
	}
}

// TestIngestUnreadableRow: the fundus reader, too, counts a truncated
// row with its file and line, and a file of nothing else says why.
func TestIngestUnreadableRow(t *testing.T) {
	dir := t.TempDir()
	writeFundus(t, dir, []map[string]any{
		{"id": "a", "url": "https://gazette.example/fair", "date": "2023-10-01", "language": "en",
			"title": "Record pumpkin", "text": "The fair.", "html_file": "a.html"},
	}, map[string]string{"a.html": inventedPage("Record pumpkin", "2023-10-01", fairBody)})
	p := filepath.Join(dir, "gold.jsonl")
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"id": "b", "url": "https://gaz`)
	f.Close()
	rep, err := Ingest(context.Background(), []string{p}, false)
	if err != nil {
		t.Fatal(err)
	}
	if key := "unreadable gold row (" + p + ":2: unexpected end of JSON input)"; rep.N != 1 || rep.Skipped[key] != 1 {
		t.Errorf("n = %d skipped %v, want 1 scored and %q", rep.N, rep.Skipped, key)
	}
	q := writeFile(t, dir, "trunc.jsonl", `{"id": "b", "url": "https://gaz`)
	if _, err := Ingest(context.Background(), []string{q}, false); err == nil || !strings.Contains(err.Error(), q+":1: unexpected end of JSON input") {
		t.Errorf("err = %v, want %s:1 named", err, q)
	}
}

// TestQuotesBadGoldSkipped: quotes-claims content spans outside the
// text, negative, reversed, null or of one element are skipped and
// counted, never scored as missed; a bad speaker span is dropped and
// counted; a truncated row is counted with its line; and gold whose
// articles are all missing says so.
func TestQuotesBadGoldSkipped(t *testing.T) {
	shared, _ := qcShared(t)
	q := func(span string) string {
		return `{"kind": "indirect", "content": "x", "content_span": ` + span + `, "speaker_text": "", "speaker": "le maire"}`
	}
	line := `{"article_id": "a1", "corpus_file": "corpus/c.jsonl", "quotes": [` +
		`{"kind": "indirect", "content": "Le pont a rouvert mardi", "content_span": [0, 23], "speaker_text": "Il", "speaker_text_span": [9000, 9002], "speaker": ""},` +
		q(`[10000000, 10000005]`) + `,` + q(`[-3, 5]`) + `,` + q(`[20, 3]`) + `,` + q(`null`) + `,` + q(`[566]`) + `]}`
	dir := t.TempDir()
	p := writeFile(t, dir, "dev.jsonl", line+"\n"+`{"article_id": "a1", "corpus_fi`)
	rep, err := Quotes(context.Background(), []string{p}, true, shared)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{skipSpanOutside: 2, skipSpanReversed: 1, skipSpanShape: 2,
		"speaker_text_span dropped: " + skipSpanOutside:                   1,
		"unreadable gold row (" + p + ":2: unexpected end of JSON input)": 1}
	for k, n := range want {
		if rep.Skipped[k] != n {
			t.Errorf("skipped[%q] = %d, want %d (all: %v)", k, rep.Skipped[k], n, rep.Skipped)
		}
	}
	if rep.N != 1 {
		t.Errorf("n = %d, want 1", rep.N)
	}
	missing := writeFile(t, dir, "missing.jsonl", strings.Replace(line, "corpus/c.jsonl", "corpus/nope.jsonl", 1)+"\n")
	_, err = Quotes(context.Background(), []string{missing}, false, shared)
	if err == nil || !strings.Contains(err.Error(), "not found under --shared "+shared) || !strings.Contains(err.Error(), "corpus/nope.jsonl") {
		t.Errorf("err = %v, want the texts not found under --shared, naming corpus/nope.jsonl", err)
	}
}
