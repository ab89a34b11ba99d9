package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	gowarc "github.com/nlnwa/gowarc/v3"

	"github.com/veille/veille"
)

// fakeExtractor replaces the HTML extractor for the test: a page holds an
// article when it has an <article> element, whose content becomes the
// text; its <title> becomes the title.
func fakeExtractor(t testing.TB) {
	t.Helper()
	old := extractPage
	extractPage = func(page []byte, pageURL, contentType string) (*Record, error) {
		m := regexp.MustCompile(`(?s)<article>(.*?)</article>`).FindSubmatch(page)
		if m == nil {
			return nil, fmt.Errorf("fake: %w", ErrNoArticle)
		}
		rec := &Record{Format: veille.FormatHTML, Text: strings.TrimSpace(string(m[1])), URL: pageURL}
		if tm := regexp.MustCompile(`<title>(.*?)</title>`).FindSubmatch(page); tm != nil {
			rec.Title = string(tm[1])
		}
		return rec, nil
	}
	t.Cleanup(func() { extractPage = old })
}

// resultsOfBytes reads data as the input name through ReadStream, as Walk
// reads a file, and returns every result.
func resultsOfBytes(t testing.TB, name string, data []byte, opts Options) []Result {
	t.Helper()
	var out []Result
	err := ReadStream(context.Background(), name, bytes.NewReader(data), opts, func(r Result) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatalf("%s: ReadStream returned %v", name, err)
	}
	return out
}

// split sorts results into records, skip reasons and failure messages.
func split(results []Result) (recs []*Record, skips, fails []string) {
	for _, r := range results {
		switch {
		case r.Err != nil:
			fails = append(fails, r.Err.Error())
		case r.Skip != "":
			skips = append(skips, r.Skip)
		default:
			recs = append(recs, r.Record)
		}
	}
	return recs, skips, fails
}

// checkUTF8 fails the test when a field of a record is not valid UTF-8.
func checkUTF8(t testing.TB, recs []*Record) {
	t.Helper()
	for _, r := range recs {
		for _, s := range []string{r.Origin, r.SourceID, r.URL, r.Outlet, r.Date, r.Lang, r.Title, r.Author, r.Text, r.Warning} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s: invalid UTF-8 in %q", r.Origin, s)
			}
		}
	}
}

const articlePage = "<!doctype html><html><head><title>Niamey talks</title></head><body><nav>Home</nav>" +
	"<article>Delegations met in Niamey on Tuesday to discuss the transition calendar.</article></body></html>"

// httpResponse is an archived HTTP response with the given headers and body.
func httpResponse(status string, headers []string, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + strings.Join(headers, "\r\n") + "\r\n\r\n" + body
}

// warcSpec describes one WARC record written by buildWARC.
type warcSpec struct {
	typ   gowarc.RecordType
	uri   string
	ct    string
	block string
	extra [][2]string // more header fields
}

// buildWARC writes records with gowarc, each its own gzip member when gz.
func buildWARC(t testing.TB, gz bool, specs ...warcSpec) []byte {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	date := time.Date(2023, 8, 1, 12, 0, 0, 0, time.UTC)
	for i, s := range specs {
		b := gowarc.NewRecordBuilder(s.typ, gowarc.WithRecordIdFunc(func() (string, error) {
			return fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", i), nil
		}))
		b.AddWarcHeaderTime(gowarc.WarcDate, date)
		if s.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, s.uri)
		}
		if s.ct != "" {
			b.AddWarcHeader(gowarc.ContentType, s.ct)
		}
		for _, kv := range s.extra {
			b.AddWarcHeader(kv[0], kv[1])
		}
		if _, err := b.WriteString(s.block); err != nil {
			t.Fatal(err)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		var w bytes.Buffer
		if _, _, err := m.Marshal(&w, rec, 0); err != nil {
			t.Fatal(err)
		}
		_ = rec.Close()
		if gz {
			zw := gzip.NewWriter(&out)
			_, _ = zw.Write(w.Bytes())
			_ = zw.Close()
		} else {
			out.Write(w.Bytes())
		}
	}
	return out.Bytes()
}

// sampleWARC holds an article response, a resource page, and records with
// no article of every kind.
func sampleWARC(t testing.TB, gz bool) []byte {
	return buildWARC(t, gz,
		warcSpec{typ: gowarc.Warcinfo, ct: "application/warc-fields", block: "software: veille-test\r\n"},
		warcSpec{typ: gowarc.Request, uri: "https://news.example/niamey", ct: "application/http; msgtype=request",
			block: "GET /niamey HTTP/1.1\r\nHost: news.example\r\n\r\n"},
		warcSpec{typ: gowarc.Response, uri: "https://news.example/niamey", ct: "application/http; msgtype=response",
			block: httpResponse("200 OK", []string{"Content-Type: text/html; charset=utf-8"}, articlePage)},
		warcSpec{typ: gowarc.Response, uri: "https://news.example/logo.png", ct: "application/http; msgtype=response",
			block: httpResponse("200 OK", []string{"Content-Type: image/png"}, "\x89PNG\r\n\x1a\n")},
		warcSpec{typ: gowarc.Response, uri: "https://news.example/gone", ct: "application/http; msgtype=response",
			block: httpResponse("404 Not Found", []string{"Content-Type: text/html"}, "<html><body>gone</body></html>")},
		warcSpec{typ: gowarc.Response, uri: "https://news.example/", ct: "application/http; msgtype=response",
			block: httpResponse("200 OK", []string{"Content-Type: text/html"}, "<html><body><a href=/a>a</a></body></html>")},
		warcSpec{typ: gowarc.Resource, uri: "https://news.example/brief", ct: "text/html; charset=utf-8",
			block: "<html><head><title>Brief</title></head><body><article>A resource page holding a short brief.</article></body></html>"},
		warcSpec{typ: gowarc.Metadata, uri: "https://news.example/niamey", ct: "application/warc-fields", block: "via: test\r\n"},
	)
}

func TestWARCRecords(t *testing.T) {
	fakeExtractor(t)
	for _, tc := range []struct {
		name string
		gz   bool
	}{{"sample.warc", false}, {"sample.warc.gz", true}} {
		t.Run(tc.name, func(t *testing.T) {
			recs, skips, fails := split(resultsOfBytes(t, tc.name, sampleWARC(t, tc.gz), DefaultOptions()))
			if len(fails) > 0 {
				t.Fatalf("failures: %q", fails)
			}
			if len(recs) != 2 {
				t.Fatalf("got %d records, want 2", len(recs))
			}
			r := recs[0]
			if r.Format != veille.FormatWARC || r.URL != "https://news.example/niamey" || r.Title != "Niamey talks" ||
				r.Origin != tc.name+"#2" || r.SourceID != "urn:uuid:00000000-0000-4000-8000-000000000002" ||
				r.Date != "2023-08-01T12:00:00Z" || !strings.Contains(r.Text, "transition calendar") || r.Warning != "" {
				t.Errorf("article record = %+v", r)
			}
			if recs[1].URL != "https://news.example/brief" || recs[1].Origin != tc.name+"#6" {
				t.Errorf("resource record = %+v", recs[1])
			}
			want := "2 articles read; no article in the other 6 records (1 warcinfo, 1 request, 1 metadata, 1 non-2xx status, 1 non-HTML, 1 without main text)"
			if len(skips) != 1 || skips[0] != want {
				t.Errorf("skips = %q, want [%q]", skips, want)
			}
		})
	}
}

func TestWARCWholeFileGzip(t *testing.T) {
	fakeExtractor(t)
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	_, _ = zw.Write(sampleWARC(t, false))
	_ = zw.Close()
	recs, skips, fails := split(resultsOfBytes(t, "one-stream.warc.gz", zb.Bytes(), DefaultOptions()))
	if len(fails) > 0 || len(recs) != 2 || len(skips) != 1 {
		t.Fatalf("records %d, skips %q, failures %q", len(recs), skips, fails)
	}
	if !strings.Contains(skips[0], "gzipped as one stream rather than record by record") {
		t.Errorf("skip %q does not note the single gzip stream", skips[0])
	}
}

func TestWARCTransferAndContentCoding(t *testing.T) {
	fakeExtractor(t)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write([]byte(articlePage))
	_ = zw.Close()
	// Chunked transfer coding over gzip content coding, as captured.
	body := gz.String()
	chunked := fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 10, body[:10], len(body)-10, body[10:])
	data := buildWARC(t, true, warcSpec{typ: gowarc.Response, uri: "https://news.example/chunked", ct: "application/http; msgtype=response",
		block: httpResponse("200 OK", []string{"Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"}, chunked)})
	recs, skips, fails := split(resultsOfBytes(t, "coded.warc.gz", data, DefaultOptions()))
	if len(recs) != 1 || len(skips) != 0 || len(fails) != 0 {
		t.Fatalf("records %d, skips %q, failures %q", len(recs), skips, fails)
	}
	if !strings.Contains(recs[0].Text, "transition calendar") {
		t.Errorf("text = %q", recs[0].Text)
	}
}

// rawWARCRecord writes a WARC record by hand, so that it can be wrong.
func rawWARCRecord(typ, uri, ct, block string, length int) string {
	if length < 0 {
		length = len(block)
	}
	h := "WARC/1.0\r\nWARC-Type: " + typ + "\r\nWARC-Record-ID: <urn:uuid:11111111-2222-4333-8444-555555555555>\r\n" +
		"WARC-Date: 2023-08-02T08:00:00Z\r\n"
	if uri != "" {
		h += "WARC-Target-URI: " + uri + "\r\n"
	}
	return h + "Content-Type: " + ct + "\r\nContent-Length: " + fmt.Sprint(length) + "\r\n\r\n" + block + "\r\n\r\n"
}

func TestWARCBrokenRecordsFailAlone(t *testing.T) {
	fakeExtractor(t)
	page := httpResponse("200 OK", []string{"Content-Type: text/html"}, articlePage)
	good := rawWARCRecord("response", "https://news.example/a", "application/http; msgtype=response", page, -1)

	t.Run("wrong digest", func(t *testing.T) {
		bad := strings.Replace(good, "WARC-Date:", "WARC-Block-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\nWARC-Date:", 1)
		recs, _, fails := split(resultsOfBytes(t, "digest.warc", []byte(good+bad+good), DefaultOptions()))
		if len(recs) != 2 || len(fails) != 1 || !strings.Contains(fails[0], "digest.warc#1: damaged response record at byte") {
			t.Fatalf("records %d, failures %q", len(recs), fails)
		}
	})
	t.Run("garbage between records", func(t *testing.T) {
		data := good + "this line is not a record\r\n" + good
		recs, _, fails := split(resultsOfBytes(t, "garbage.warc", []byte(data), DefaultOptions()))
		if len(recs) != 2 || len(fails) != 0 {
			t.Fatalf("records %d, failures %q", len(recs), fails)
		}
	})
	t.Run("truncated file", func(t *testing.T) {
		data := good + good[:len(good)-200]
		recs, _, fails := split(resultsOfBytes(t, "trunc.warc", []byte(data), DefaultOptions()))
		if len(recs) != 1 || len(fails) != 1 || !strings.Contains(fails[0], "trunc.warc#1") {
			t.Fatalf("records %d, failures %q", len(recs), fails)
		}
	})
	t.Run("truncated gzip", func(t *testing.T) {
		data := buildWARC(t, true,
			warcSpec{typ: gowarc.Response, uri: "https://news.example/a", ct: "application/http; msgtype=response", block: page},
			warcSpec{typ: gowarc.Response, uri: "https://news.example/b", ct: "application/http; msgtype=response", block: page})
		recs, _, fails := split(resultsOfBytes(t, "cut.warc.gz", data[:len(data)-30], DefaultOptions()))
		if len(recs) != 1 || len(fails) != 1 || !strings.Contains(fails[0], "gzip") {
			t.Fatalf("records %d, failures %q", len(recs), fails)
		}
	})
	t.Run("bracketed target URI", func(t *testing.T) {
		data := rawWARCRecord("response", "<https://news.example/wget>", "application/http;msgtype=response", page, -1)
		recs, _, fails := split(resultsOfBytes(t, "wget.warc", []byte(data), DefaultOptions()))
		if len(recs) != 1 || len(fails) != 0 {
			t.Fatalf("records %d, failures %q", len(recs), fails)
		}
		if recs[0].URL != "https://news.example/wget" || !strings.Contains(recs[0].Warning, "angle brackets") {
			t.Errorf("record URL %q, warning %q", recs[0].URL, recs[0].Warning)
		}
	})
	t.Run("oversized payload", func(t *testing.T) {
		opts := DefaultOptions()
		opts.MaxRecordBytes = 100
		recs, _, fails := split(resultsOfBytes(t, "big.warc", []byte(good+good), opts))
		if len(recs) != 0 || len(fails) != 2 || !strings.Contains(fails[0], ErrTooLarge.Error()) {
			t.Fatalf("records %d, failures %q", len(recs), fails)
		}
	})
	t.Run("not a WARC", func(t *testing.T) {
		_, _, fails := split(resultsOfBytes(t, "fake.warc", []byte("hello, this is not an archive\n"), DefaultOptions()))
		if len(fails) != 1 || !strings.Contains(fails[0], "fake.warc") {
			t.Fatalf("failures %q", fails)
		}
	})
}

// arcRecords builds the records of an ARC v1 file, each ending with its
// blank separator line, from (URL, content type, content) triples.
func arcRecords(records ...[3]string) []string {
	desc := "1 0 veille-test\nURL IP-address Archive-date Content-type Archive-length\n"
	out := []string{fmt.Sprintf("filedesc://test.arc 0.0.0.0 20230801120000 text/plain %d\n%s\n", len(desc), desc)}
	for _, r := range records {
		out = append(out, fmt.Sprintf("%s 192.0.2.1 20230801120500 %s %d\n%s\n", r[0], r[1], len(r[2]), r[2]))
	}
	return out
}

// arcFile is arcRecords joined: a plain ARC v1 file.
func arcFile(records ...[3]string) string { return strings.Join(arcRecords(records...), "") }

func gzipMembersOf(parts ...string) []byte {
	var out bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&out)
		_, _ = zw.Write([]byte(p))
		_ = zw.Close()
	}
	return out.Bytes()
}

func TestARCRecords(t *testing.T) {
	fakeExtractor(t)
	records := arcRecords(
		[3]string{"https://news.example/niamey", "text/html", httpResponse("200 OK", []string{"Content-Type: text/html"}, articlePage)},
		[3]string{"https://news.example/a page with spaces", "text/html", httpResponse("200 OK", []string{"Content-Type: text/html"}, articlePage)},
		[3]string{"https://news.example/logo.png", "image/png", httpResponse("200 OK", []string{"Content-Type: image/png"}, "\x89PNG")},
		[3]string{"dns:news.example", "text/dns", "20230801120000\nnews.example. 300 IN A 192.0.2.1\n"},
	)
	check := func(t *testing.T, name string, input []byte) {
		recs, skips, fails := split(resultsOfBytes(t, name, input, DefaultOptions()))
		if len(fails) > 0 || len(recs) != 2 {
			t.Fatalf("records %d, failures %q", len(recs), fails)
		}
		r := recs[0]
		if r.Format != veille.FormatARC || r.URL != "https://news.example/niamey" || r.Date != "2023-08-01T12:05:00Z" ||
			r.Title != "Niamey talks" || r.Origin != name+"#1" {
			t.Errorf("record = %+v", r)
		}
		if recs[1].URL != "https://news.example/a%20page%20with%20spaces" || !strings.Contains(recs[1].Warning, "spaces") {
			t.Errorf("record with spaces = %+v", recs[1])
		}
		want := "2 articles read; no article in the other 3 records (1 file header, 2 non-HTML); 1 URL with spaces (encoded as %20)"
		if len(skips) != 1 || skips[0] != want {
			t.Errorf("skips = %q, want [%q]", skips, want)
		}
	}
	t.Run("plain", func(t *testing.T) { check(t, "test.arc", []byte(strings.Join(records, ""))) })
	// walk.go sends a gzipped input named *.arc.gz to the WARC reader, which
	// hands it to the ARC reader by its content.
	t.Run("gzip per record", func(t *testing.T) { check(t, "test.arc.gz", gzipMembersOf(records...)) })
}

func TestARCBadHeaders(t *testing.T) {
	fakeExtractor(t)
	page := httpResponse("200 OK", []string{"Content-Type: text/html"}, articlePage)
	data := arcFile([3]string{"https://news.example/ok", "text/html", page}) +
		"https://news.example/bad 192.0.2.1 20230801120500 text/html abc\n" + page + "\n" +
		fmt.Sprintf("https://news.example/after 192.0.2.1 20230801120600 text/html %d\n%s\n", len(page), page)
	recs, _, fails := split(resultsOfBytes(t, "bad.arc", []byte(data), DefaultOptions()))
	if len(recs) != 2 || len(fails) != 1 || !strings.Contains(fails[0], `bad.arc#2: bad ARC header at byte`) || !strings.Contains(fails[0], `invalid length "abc"`) {
		t.Fatalf("records %d, failures %q", len(recs), fails)
	}
	if recs[1].URL != "https://news.example/after" {
		t.Errorf("record after the bad header = %+v", recs[1])
	}

	trunc := arcFile([3]string{"https://news.example/ok", "text/html", page})
	_, _, fails = split(resultsOfBytes(t, "trunc.arc", []byte(trunc[:len(trunc)-40]), DefaultOptions()))
	if len(fails) != 1 || !strings.Contains(fails[0], "truncated record") {
		t.Fatalf("failures %q", fails)
	}
}

func TestARCVersion2(t *testing.T) {
	fakeExtractor(t)
	page := httpResponse("200 OK", []string{"Content-Type: text/html"}, articlePage)
	desc := "2 0 veille-test\nURL IP-address Archive-date Content-type Result-code Checksum Location Offset Filename Archive-length\n"
	data := fmt.Sprintf("filedesc://v2.arc 0.0.0.0 20230801120000 text/plain 200 - - 0 v2.arc %d\n%s\n", len(desc), desc) +
		fmt.Sprintf("https://news.example/v2 192.0.2.1 20230801120500 text/html 200 ABCDEF - 0 v2.arc %d\n%s\n", len(page), page)
	recs, _, fails := split(resultsOfBytes(t, "v2.arc", []byte(data), DefaultOptions()))
	if len(recs) != 1 || len(fails) != 0 || recs[0].URL != "https://news.example/v2" {
		t.Fatalf("records %+v, failures %q", recs, fails)
	}
}

// warcioWant is what one warcio sample gives: records, failures whose
// messages hold the given strings (in order), and the skip reason (a
// prefix). Records and skips from pages depend on the HTML extractor, so
// those samples list the alternatives.
type warcioWant struct {
	records int
	fails   []string
	skip    string
}

func TestWARCWarcioSamples(t *testing.T) {
	dir := "../../../shared/corpus/warc-samples-warcio"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("warcio samples not found (%v): run from a work tree beside shared/", err)
	}
	want := map[string]warcioWant{
		"bad.arc": {fails: []string{`#0: bad ARC header at byte 0: invalid length "-1"`, `#1: bad ARC header at byte 134: invalid length "-1"`, `#3: bad ARC header at byte 262: invalid length "abc"`},
			skip: "no article in 1 record (1 empty payload); 2 lines outside any record (skipped)"},
		"example-bad-non-chunked.warc.gz": {fails: []string{"#4: damaged revisit record at byte 3370: block digest mismatch"},
			skip: "no article in 5 records (2 warcinfo, 2 request, 1 without main text); gzipped as one stream rather than record by record"},
		"example-bad.warc.gz.bad":             {skip: "no article in 6 records (1 warcinfo, 2 request, 1 revisit, 1 non-2xx status, 1 without main text); gzipped as one stream rather than record by record"},
		"example-digest.warc":                 {skip: "no article in 4 records (4 request)"},
		"example-resource.warc.gz":            {skip: "no article in 3 records (2 warcinfo, 1 without main text)"},
		"example-space-in-target-uri.warc.gz": {skip: "no article in 2 records (1 warcinfo, 1 non-HTML); 1 URL with spaces (encoded as %20)"},
		"example-space-in-url.arc":            {fails: []string{"#1: truncated record: header says 1591 bytes, 1579 found"}, skip: "no article in 1 record (1 file header)"},
		"example-trunc.warc":                  {fails: []string{"#2: damaged response record at byte 1197: block digest mismatch"}, skip: "no article in 3 records (2 warcinfo, 1 request)"},
		"example-wget-bad-target-uri.warc.gz": {skip: "no article in 6 records (1 warcinfo, 1 request, 1 metadata, 2 non-HTML, 1 without main text); 5 target URIs in angle brackets (brackets removed)"},
		"example-wrong-chunks.warc.gz":        {fails: []string{"#0: damaged response record at byte 0: block digest mismatch"}, skip: "no article in 1 record (1 request); 1 record starts inside a gzip member (members not aligned with records)"},
		"example.arc":                         {skip: "no article in 2 records (1 file header, 1 without main text)"},
		"example.arc.gz":                      {skip: "no article in 2 records (1 file header, 1 without main text)"},
		"example.warc":                        {skip: "no article in 6 records (2 warcinfo, 2 request, 1 revisit, 1 without main text)"},
		"example.warc.gz":                     {skip: "no article in 6 records (2 warcinfo, 2 request, 1 revisit, 1 without main text)"},
		"post-test.warc.gz":                   {skip: "no article in 6 records (3 request, 3 non-HTML)"},
	}
	got := map[string][]Result{}
	err := Walk(context.Background(), []string{dir}, DefaultOptions(), func(r Result) error {
		base := filepath.Base(r.Origin)
		if i := strings.LastIndexByte(base, '#'); i >= 0 {
			base = base[:i]
		}
		got[base] = append(got[base], r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		recs, skips, fails := split(got[name])
		checkUTF8(t, recs)
		if len(fails) != len(w.fails) {
			t.Errorf("%s: failures %q, want %d", name, fails, len(w.fails))
		} else {
			for i, f := range w.fails {
				if !strings.Contains(fails[i], name+f) {
					t.Errorf("%s: failure %q, want it to hold %q", name, fails[i], name+f)
				}
			}
		}
		if len(recs) != w.records || len(skips) != 1 || skips[0] != w.skip {
			t.Errorf("%s: %d records, skips %q; want %d records, skip %q", name, len(recs), skips, w.records, w.skip)
		}
	}
	// The iana.org home page is the only sample whose page holds enough
	// prose for the extractor to call it an article; both outcomes are
	// valid, neither is a failure.
	recs, skips, fails := split(got["example-iana.org-chunked.warc"])
	switch {
	case len(fails) > 0:
		t.Errorf("example-iana.org-chunked.warc: failures %q", fails)
	case len(recs) == 1 && len(skips) == 1 && skips[0] == "1 article read; no article in the other 2 records (1 warcinfo, 1 request)":
		if recs[0].URL != "http://www.iana.org/" || recs[0].Format != veille.FormatWARC || recs[0].Text == "" {
			t.Errorf("example-iana.org-chunked.warc: record %+v", recs[0])
		}
	case len(recs) == 0 && len(skips) == 1 && skips[0] == "no article in 3 records (1 warcinfo, 1 request, 1 without main text)":
	default:
		t.Errorf("example-iana.org-chunked.warc: %d records, skips %q", len(recs), skips)
	}
}

func FuzzReadWARC(f *testing.F) {
	page := httpResponse("200 OK", []string{"Content-Type: text/html; charset=iso-8859-1"}, "<html><body><article>Caf\xe9 \xff</article></body></html>")
	good := rawWARCRecord("response", "https://news.example/a", "application/http; msgtype=response", page, -1)
	f.Add([]byte(good))
	f.Add([]byte(good + rawWARCRecord("request", "<https://news.example/a>", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n", -1)))
	f.Add([]byte(rawWARCRecord("resource", "https://news.example/b c", "text/html", "<article>x</article>", 3)))
	f.Add([]byte(rawWARCRecord("response", "https://news.example/c", "application/http; msgtype=response",
		httpResponse("200 OK", []string{"Transfer-Encoding: chunked", "Content-Type: text/html"}, "5\r\n<arti\r\nzz\r\n"), -1)))
	f.Add(gzipMembersOf(good, good))
	f.Add(gzipMembersOf(good[:100], good[100:]))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzExtractor(t)
		opts := DefaultOptions()
		opts.MaxRecordBytes = 1 << 16
		var recs []*Record
		_ = readWARC(context.Background(), "fuzz.warc", bytes.NewReader(data), opts, func(r Result) error {
			if r.Record != nil {
				recs = append(recs, r.Record)
			}
			return nil
		})
		checkUTF8(t, recs)
	})
}

func FuzzReadARC(f *testing.F) {
	page := httpResponse("200 OK", []string{"Content-Type: text/html"}, "<html><body><article>\xe9t\xe9</article></body></html>")
	good := arcRecords([3]string{"https://news.example/a b", "text/html", page})
	f.Add([]byte(strings.Join(good, "")))
	f.Add(gzipMembersOf(good...))
	f.Add([]byte("filedesc://x 0.0.0.0 20230801120000 text/plain -1\nhttps://a.example/ 1.2.3.4 20230801120000 text/html 5\nabc"))
	f.Add([]byte("filedesc://x 0.0.0.0 20230801120000 text/plain 3\n2 0\n\nhttp://a.example/ 1 2 3 4 5 6 7 8 9 10\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzExtractor(t)
		opts := DefaultOptions()
		opts.MaxRecordBytes = 1 << 16
		var recs []*Record
		_ = readARC(context.Background(), "fuzz.arc", bytes.NewReader(data), opts, func(r Result) error {
			if r.Record != nil {
				recs = append(recs, r.Record)
			}
			return nil
		})
		checkUTF8(t, recs)
	})
}

// fuzzExtractor is fakeExtractor for fuzzing, and fast: the page becomes
// the text (made valid UTF-8, as ExtractHTML promises) and the page URL,
// as the reader passes it, the title, so that bytes from archive headers
// reach the record unchecked by the extractor.
func fuzzExtractor(t *testing.T) {
	old := extractPage
	extractPage = func(page []byte, pageURL, contentType string) (*Record, error) {
		if !bytes.Contains(page, []byte("<article>")) {
			return nil, ErrNoArticle
		}
		return &Record{Text: strings.ToValidUTF8(string(page), "\uFFFD"), Title: pageURL}, nil
	}
	t.Cleanup(func() { extractPage = old })
}
