package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// collect runs Walk and returns every result.
func collect(t *testing.T, paths []string, opts Options) []Result {
	t.Helper()
	var out []Result
	if err := Walk(context.Background(), paths, opts, func(r Result) error {
		out = append(out, r)
		return nil
	}); err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return out
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSeedFormHeader(t *testing.T) {
	// Invented text in the seed's layout.
	in := " date 2021-09 Le conseil a voté. Les élus ont approuvé.\n\nLe maire répond\n\nIl a dit qu’il partirait."
	rec := parseText([]byte(in))
	if rec.Date != "2021-09" {
		t.Errorf("date = %q, want 2021-09", rec.Date)
	}
	if !strings.HasPrefix(rec.Text, "Le conseil a voté.") {
		t.Errorf("text starts %q", rec.Text[:20])
	}
	a, _, err := Normalize(rec, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if a.Published.Precision != veille.PrecisionMonth || a.Published.String() != "2021-09" {
		t.Errorf("published = %v %s", a.Published, a.Published.Precision)
	}
	if a.Lang != "fr" || a.LangSource != "detected" {
		t.Errorf("lang = %q (%s), want fr detected", a.Lang, a.LangSource)
	}
	seg := nlp.Segment(a.Text)
	if len(seg.Headings) != 1 || a.Text[seg.Headings[0].Start:seg.Headings[0].End] != "Le maire répond" {
		t.Errorf("headings = %v", seg.Headings)
	}
}

func TestKeyValueHeader(t *testing.T) {
	in := "title: Un titre\nurl: https://Example.org/a?utm_source=x#top\nlang: fr-FR\ndate: 2021-09-15\nsource: Le Journal\n\nLe texte commence ici.\n"
	rec := parseText([]byte(in))
	a, _, err := Normalize(rec, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Un titre" || a.Lang != "fr" || a.Outlet != "Le Journal" || a.Text != "Le texte commence ici." {
		t.Errorf("got title=%q lang=%q outlet=%q text=%q", a.Title, a.Lang, a.Outlet, a.Text)
	}
	if a.URL != "https://example.org/a" {
		t.Errorf("url = %q", a.URL)
	}
	if a.Published.Precision != veille.PrecisionDay {
		t.Errorf("precision = %s", a.Published.Precision)
	}
	// A "key: value" first line followed by prose is text, not a header.
	rec = parseText([]byte("Note: this is prose\nand more prose.\n"))
	if rec.Title != "" || !strings.HasPrefix(rec.Text, "Note: this") {
		t.Errorf("prose read as header: %+v", rec)
	}
}

func TestJSONLinesVariants(t *testing.T) {
	dir := t.TempDir()
	lines := []string{
		`{"id": "a1", "url": "https://ex.org/1", "outlet": "Ex", "date": "2023-01-01 07:00:40+00:00", "language": "en-US", "title": "T1", "text": "<p>One &amp; two.</p><p>Three.</p>"}`,
		`{"_id": "a2", "link": "https://ex.org/2", "source": {"id": "x", "name": "Src"}, "publishedAt": "2023-02-01T10:00:00Z", "lang": "en-gb", "headline": "T2", "content": "Plain text body here."}`,
		`{"id": "a3", "title": "Only a title", "text": ""}`,
		`{"id": "a5", "title": "Wagner&amp;#x27;s men", "text": "<p>The group&amp;#x27;s chief</p>"}`,
		`{"id": "a6", "title": "Niger&apos;s junta", "text": "The &apos;globs&apos; of it &amp; more"}`,
		`not json`,
		`[1, 2]`,
		`{"id": "a4", "text": "", "title": ""}`,
		``,
	}
	p := writeFile(t, dir, "x.jsonl", []byte(strings.Join(lines, "\n")))
	res := collect(t, []string{p}, DefaultOptions())
	var recs []*Record
	var fails []error
	for _, r := range res {
		if r.Record != nil {
			recs = append(recs, r.Record)
		} else if r.Err != nil {
			fails = append(fails, r.Err)
		}
	}
	if len(recs) != 5 || len(fails) != 3 {
		t.Fatalf("records=%d failures=%d (%v), want 5 and 3", len(recs), len(fails), fails)
	}
	if e, _, _ := Normalize(recs[4], time.Now()); e.Text != "The 'globs' of it & more" || e.Title != "Niger's junta" {
		t.Errorf("entities without tags: title %q text %q", e.Title, e.Text)
	}
	if d, _, _ := Normalize(recs[3], time.Now()); d.Text != "The group's chief" || d.Title != "Wagner's men" {
		t.Errorf("double-escaped entities: title %q text %q", d.Title, d.Text)
	}
	if !strings.Contains(fails[0].Error(), "x.jsonl:6") {
		t.Errorf("failure does not name the line: %v", fails[0])
	}
	a, _, err := Normalize(recs[0], time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "One & two.\n\nThree." || a.Lang != "en" {
		t.Errorf("text=%q lang=%q", a.Text, a.Lang)
	}
	if a.Published.Precision != veille.PrecisionInstant {
		t.Errorf("precision = %s", a.Published.Precision)
	}
	b, _, _ := Normalize(recs[1], time.Now())
	if b.Outlet != "Src" || b.Lang != "en" || b.Title != "T2" || b.URL != "https://ex.org/2" {
		t.Errorf("variant fields: %+v", b)
	}
	c, warns, err := Normalize(recs[2], time.Now())
	if err != nil || c.Text != "Only a title" || len(warns) == 0 {
		t.Errorf("title-only item: %v %q %v", err, c.Text, warns)
	}
}

func TestJSONArray(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.json", []byte(`[{"title": "A", "text": "First."}, {"title": "B", "body": "Second."}]`))
	res := collect(t, []string{p}, DefaultOptions())
	if len(res) != 2 || res[0].Record == nil || res[1].Record.Text != "Second." {
		t.Fatalf("got %+v", res)
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	opts := DefaultOptions()
	opts.MaxRecordBytes = 1000
	empty := writeFile(t, dir, "empty.txt", nil)
	blank := writeFile(t, dir, "blank.txt", []byte("   \n\n  "))
	bin := writeFile(t, dir, "bin.dat", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3})
	big := writeFile(t, dir, "big.txt", bytes.Repeat([]byte("a"), 2000))
	bigLine := writeFile(t, dir, "big.jsonl", []byte(`{"text":"`+strings.Repeat("a", 5000)+`"}`+"\n"+`{"text":"ok"}`+"\n"))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat([]byte("Du texte en français. "), 40))
	zw.Close()
	trunc := writeFile(t, dir, "trunc.txt.gz", gz.Bytes()[:gz.Len()/2])
	good := writeFile(t, dir, "good.txt.gz", gz.Bytes())
	latin := writeFile(t, dir, "latin1.txt", []byte("Le d\xe9put\xe9 a vot\xe9 la loi hier soir \xe0 Paris."))
	docs := writeFile(t, dir, "README.md", []byte("# notes"))

	cases := []struct {
		path string
		want error  // failure
		skip bool   // or a skip
		ok   string // or a record whose text has this prefix
	}{
		{empty, ErrEmpty, false, ""},
		{blank, ErrEmpty, false, ""},
		{bin, ErrBinary, false, ""},
		{big, ErrTooLarge, false, ""},
		{trunc, nil, false, ""},
		{good, nil, false, "Du texte"},
		{latin, nil, false, "Le député"},
		{docs, nil, true, ""},
	}
	for _, c := range cases {
		res := collect(t, []string{c.path}, opts)
		if len(res) == 0 {
			t.Errorf("%s: no result", c.path)
			continue
		}
		r := res[0]
		switch {
		case c.skip:
			if r.Skip == "" {
				t.Errorf("%s: want a skip, got %+v", c.path, r)
			}
		case c.ok != "":
			if r.Record == nil {
				t.Errorf("%s: want a record, got %+v", c.path, r)
				continue
			}
			a, _, err := Normalize(r.Record, time.Now())
			if err != nil || !strings.HasPrefix(a.Text, c.ok) {
				t.Errorf("%s: text %q, err %v", c.path, a.Text, err)
			}
		case c.path == trunc:
			if r.Err == nil || !strings.Contains(r.Err.Error(), "gzip") || !strings.Contains(r.Err.Error(), c.path) {
				t.Errorf("%s: want a gzip failure naming the file, got %+v", c.path, r)
			}
		default:
			if r.Err == nil || !errors.Is(r.Err, c.want) || !strings.Contains(r.Err.Error(), c.path) {
				t.Errorf("%s: want %v naming the file, got %+v", c.path, c.want, r)
			}
		}
	}
	// A JSONL line over the cap fails alone; the next line is read.
	res := collect(t, []string{bigLine}, opts)
	if len(res) != 2 || !errors.Is(res[0].Err, ErrTooLarge) || res[1].Record == nil || res[1].Record.Text != "ok" {
		t.Errorf("big line: %+v", res)
	}
}

func TestUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions are not enforced, unreadable files cannot be made")
	}
	dir := t.TempDir()
	writeFile(t, dir, "a/ok.txt", []byte("Un texte lisible."))
	bad := writeFile(t, dir, "b/secret.txt", []byte("Caché."))
	os.Chmod(bad, 0)
	res := collect(t, []string{dir}, DefaultOptions())
	var ok, failed int
	for _, r := range res {
		if r.Record != nil {
			ok++
		}
		if r.Err != nil {
			failed++
		}
	}
	if ok != 1 || failed != 1 {
		t.Errorf("ok=%d failed=%d, want 1 and 1", ok, failed)
	}
}

func TestMissingPath(t *testing.T) {
	res := collect(t, []string{filepath.Join(t.TempDir(), "nope.txt")}, DefaultOptions())
	if len(res) != 1 || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "nope.txt") {
		t.Errorf("got %+v", res)
	}
}

func TestMarkupToText(t *testing.T) {
	cases := map[string]string{
		"<p>Un &eacute;t&eacute;</p><p>Deux</p>":            "Un été\n\nDeux",
		"a<br>b<br><br>c":                                   "a\nb\n\nc",
		"<script>x()</script><div>Texte <b>gras</b></div>":  "Texte gras",
		"Para one.\n\nPara <i>two</i>.":                     "Para one.\n\nPara two.",
		"<p>Vote <input type=checkbox> ici</p><p>Suite</p>": "Vote ici\n\nSuite",
	}
	for in, want := range cases {
		if got := MarkupToText(in); got != want {
			t.Errorf("MarkupToText(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReadText(f *testing.F) {
	for _, s := range []string{" date 2021-09 Texte.", "title: x\n\nbody", "", "\x00\x01", "date: \n\n", "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = ReadStream(context.Background(), "fuzz.txt", bytes.NewReader(b), DefaultOptions(), func(r Result) error {
			if r.Record != nil {
				a, _, err := Normalize(r.Record, time.Now())
				if err == nil && !utf8Valid(a.Text) {
					t.Fatalf("invalid UTF-8 text %q", a.Text)
				}
			}
			return nil
		})
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{`{"text":"a"}`, `{"title":"t","content":"<p>x</p>"}` + "\n" + `[`, `[{"text":1}]`, `{"source":{"name":3}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = ReadStream(context.Background(), "fuzz.jsonl", bytes.NewReader(b), DefaultOptions(), func(r Result) error {
			if r.Record != nil {
				if a, _, err := Normalize(r.Record, time.Now()); err == nil && !utf8Valid(a.Text) {
					t.Fatalf("invalid UTF-8")
				}
			}
			return nil
		})
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }

// endless yields n bytes of 'a' without a newline, then EOF, without
// holding them in memory.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := int64(len(p))
	if k > e.n {
		k = e.n
	}
	for i := range p[:k] {
		p[i] = 'a'
	}
	e.n -= k
	return int(k), nil
}

// Test200MBOneLine streams a 200 MB single-line input through the JSONL
// and text readers: each fails with ErrTooLarge naming the input, and
// memory stays bounded by the cap (checked through the heap in use).
func Test200MBOneLine(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const size = 200 << 20
	for _, name := range []string{"huge.jsonl", "huge.txt"} {
		var got []Result
		r := io.MultiReader(strings.NewReader(`{"text": "`), &endless{n: size})
		if strings.HasSuffix(name, ".txt") {
			r = &endless{n: size}
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		err := ReadStream(context.Background(), name, r, DefaultOptions(), func(res Result) error {
			got = append(got, res)
			return nil
		})
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || !errors.Is(got[0].Err, ErrTooLarge) || !strings.Contains(got[0].Err.Error(), name) {
			t.Fatalf("%s: got %+v", name, got)
		}
		if grown := int64(after.HeapInuse) - int64(before.HeapInuse); grown > 64<<20 {
			t.Errorf("%s: heap grew by %d MB reading a 200 MB line", name, grown>>20)
		}
	}
}

func TestJSONArrayStreaming(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxRecordBytes = 1 << 20
	// A 50 MB element between two good ones: it fails alone, without being
	// held in memory.
	r := io.MultiReader(strings.NewReader(`[{"text":"un"}, {"text":"`), &endless{n: 50 << 20}, strings.NewReader(`"}, {"text":"deux, [trois]"}, 3]`))
	var got []Result
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := ReadStream(context.Background(), "big.json", r, opts, func(res Result) error { got = append(got, res); return nil }); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if len(got) != 4 || got[0].Record == nil || !errors.Is(got[1].Err, ErrTooLarge) || got[2].Record == nil || got[2].Record.Text != "deux, [trois]" || got[3].Err == nil {
		t.Fatalf("got %+v", got)
	}
	if !strings.Contains(got[1].Err.Error(), "big.json#1") {
		t.Errorf("failure does not name the element: %v", got[1].Err)
	}
	if grown := int64(after.HeapInuse) - int64(before.HeapInuse); grown > 16<<20 {
		t.Errorf("heap grew by %d MB", grown>>20)
	}
	// Truncated array: the good elements before the cut are kept.
	got = nil
	ReadStream(context.Background(), "cut.json", strings.NewReader(`[{"text":"un"}, {"text":"de`), opts, func(res Result) error { got = append(got, res); return nil })
	if len(got) != 2 || got[0].Record == nil || got[1].Err == nil || !strings.Contains(got[1].Err.Error(), "truncated") {
		t.Errorf("truncated array: %+v", got)
	}
}

func TestEncodingsAndBOM(t *testing.T) {
	dir := t.TempDir()
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "Le député a voté." {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	p16 := writeFile(t, dir, "u16.txt", utf16)
	bomJSONL := writeFile(t, dir, "bom.jsonl", []byte("\xef\xbb\xbf{\"text\": \"Premier.\"}\n{\"text\": \"Second.\"}\n"))
	latin := writeFile(t, dir, "latin.jsonl", []byte("{\"text\": \"Le pr\xe9sident \xe0 Bamako.\"}\n"))
	for path, want := range map[string]string{p16: "Le député a voté.", bomJSONL: "Premier.", latin: "Le président à Bamako."} {
		res := collect(t, []string{path}, DefaultOptions())
		if len(res) == 0 || res[0].Record == nil {
			t.Errorf("%s: %+v", path, res)
			continue
		}
		a, warns, err := Normalize(res[0].Record, time.Now())
		if err != nil || a.Text != want {
			t.Errorf("%s: text %q err %v, want %q", path, a.Text, err, want)
		}
		if path == latin && len(warns) == 0 {
			t.Errorf("Latin-1 JSONL repaired without a warning")
		}
	}
}

func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan []Result, 1)
	go func() { done <- collect(t, []string{fifo}, DefaultOptions()) }()
	select {
	case res := <-done:
		if len(res) != 1 || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "not a regular file") {
			t.Errorf("fifo: %+v", res)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a named pipe blocked")
	}
	// A folder named through a symlink is walked; links inside are reported.
	real := filepath.Join(dir, "real")
	writeFile(t, real, "a.txt", []byte("Un article."))
	os.Symlink(real, filepath.Join(dir, "link"))
	os.Symlink("/dev/zero", filepath.Join(real, "zero"))
	res := collect(t, []string{filepath.Join(dir, "link")}, DefaultOptions())
	var recs, skips int
	for _, r := range res {
		if r.Record != nil {
			recs++
		}
		if r.Skip != "" {
			skips++
		}
	}
	if recs != 1 || skips != 1 {
		t.Errorf("symlinked folder: %d records, %d skips: %+v", recs, skips, res)
	}
}
