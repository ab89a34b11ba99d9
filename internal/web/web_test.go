package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract"
	"github.com/veille/veille/internal/store"
	"github.com/veille/veille/internal/store/sqlite"
)

// mustStore opens a new store in a temporary directory, closed when the
// test ends.
func mustStore(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "veille.db"), sqlite.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// structureOnly is the pipeline of the unit tests: they test the web
// layer, not the extractors, whose findings they make up (richAnalysis).
// The browser, page weight and benchmark tests run extract.Default().
var structureOnly = extract.New(extract.Structure{})

// mustPut stores a, analysed by structureOnly unless an is given.
func mustPut(tb testing.TB, st Store, a *veille.Article, an *veille.Analysis) string {
	tb.Helper()
	a.Hash = veille.ContentHash(a.Text)
	if a.Format == "" {
		a.Format = veille.FormatJSON
	}
	if a.Sources == nil {
		a.Sources = []veille.Source{{URL: a.URL, Outlet: a.Outlet, Format: a.Format, Origin: "test"}}
	}
	if an == nil {
		an = structureOnly.Analyze(a)
	}
	res, err := st.Put(context.Background(), []store.Entry{{Article: a, Analysis: an}})
	if err != nil {
		tb.Fatal(err)
	}
	return res[0].ID
}

// seedArticle is the seed's opening, with an analysis holding every kind
// of finding, as the extractors to come will fill it.
const seedText = "Le Mali et la Russie sont en passe de conclure un accord militaire.\n\n" +
	"Accord en vue\n\n" +
	"Quatre sources ont déclaré que le groupe Wagner serait payé six milliards de francs CFA par mois. " +
	"« Il n'y a aucun accord », a démenti le ministre Abdoulaye Diop."

func at(text, s string) veille.Span {
	i := strings.Index(seedText, s)
	if i < 0 {
		panic(s)
	}
	return veille.Span{Start: i, End: i + len(s)}
}

func richAnalysis() *veille.Analysis {
	a := &veille.Article{Text: seedText, Lang: "fr"}
	an := structureOnly.Analyze(a)
	v := 6e9
	an.Entities = []veille.Entity{{ID: "iso3166:ML", Type: veille.TypeGPE, Name: "Mali", Mentions: []int{0}},
		{ID: "veille:org/wagner", Type: veille.TypeORG, Name: "Groupe Wagner", Mentions: []int{1}}}
	an.Mentions = []veille.Mention{{Span: at(seedText, "Mali"), Text: "Mali", Type: veille.TypeGPE, EntityID: "iso3166:ML"},
		{Span: at(seedText, "groupe Wagner"), Text: "groupe Wagner", Type: veille.TypeORG, EntityID: "veille:org/wagner"},
		{Span: at(seedText, "Abdoulaye Diop"), Text: "Abdoulaye Diop", Type: veille.TypePER}}
	an.Amounts = []veille.Amount{{Span: at(seedText, "six milliards de francs CFA"), ID: "a1", Text: "six milliards de francs CFA",
		Kind: "money", Value: &v, Unit: "XOF", Period: "month"}}
	cue := at(seedText, "a démenti")
	spk := at(seedText, "le ministre Abdoulaye Diop")
	an.Quotations = []veille.Quotation{{ID: "q1", Kind: "direct", Content: "Il n'y a aucun accord",
		ContentSpan: at(seedText, "Il n'y a aucun accord"), Cue: "a démenti", CueSpan: &cue,
		SpeakerText: "le ministre Abdoulaye Diop", SpeakerSpan: &spk, Speaker: "Abdoulaye Diop"}}
	// A claim that crosses the amount and the entity: the renderer must
	// split it and keep the HTML well formed.
	an.Claims = []veille.Claim{{ID: "c1", Text: "le groupe Wagner serait payé six milliards", Span: at(seedText, "Wagner serait payé six milliards"),
		Certainty: veille.CertaintyHedged, Source: "Quatre sources"}}
	return an
}

// server returns a test server over a new store, and the store.
func server(t *testing.T, opts Options) (*httptest.Server, *sqlite.DB) {
	t.Helper()
	st := mustStore(t)
	if opts.Pipeline == nil {
		opts.Pipeline = structureOnly
	}
	srv := New(st, opts)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, st
}

// get fetches path from ts and returns the status and body.
func get(t *testing.T, ts *httptest.Server, path string) (int, string, http.Header) {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b), resp.Header
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return v
}

func TestSearchAPI(t *testing.T) {
	ts, st := server(t, Options{})
	id := mustPut(t, st, &veille.Article{Title: "Accord militaire", Text: seedText, Lang: "fr", Outlet: "Le Monde",
		URL: "https://example.org/mali", Published: veille.Date{Time: time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC), Precision: veille.PrecisionMonth}}, richAnalysis())
	mustPut(t, st, &veille.Article{Title: "Wagner in Ukraine", Text: "The Wagner group [sic] fought in Bakhmut.", Lang: "en", Outlet: "BBC"}, nil)

	code, body, h := get(t, ts, "/api/v1/search?q=wagner&lang=fr")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, %s: %s", code, h.Get("Content-Type"), body)
	}
	res := decode[searchResponse](t, body)
	if len(res.Hits) != 1 || res.Hits[0].ID != id || res.Hits[0].Outlet != "Le Monde" || res.Hits[0].Published != "2021-09" {
		t.Fatalf("hits = %+v", res.Hits)
	}
	h0 := res.Hits[0]
	if len(h0.Matches) == 0 {
		t.Fatalf("no matches in %+v", h0)
	}
	for _, m := range h0.Matches {
		if got := h0.Snippet[m.Start:m.End]; !strings.EqualFold(got, "wagner") {
			t.Errorf("match %v = %q, want Wagner", m, got)
		}
	}

	// The text's own brackets are not taken for matches.
	_, body, _ = get(t, ts, "/api/v1/search?q=bakhmut")
	res = decode[searchResponse](t, body)
	if len(res.Hits) != 1 || !strings.Contains(res.Hits[0].Snippet, "[sic]") || len(res.Hits[0].Matches) != 1 {
		t.Fatalf("hits = %+v", res.Hits)
	}

	// Facets count every match, paging aside.
	_, body, _ = get(t, ts, "/api/v1/search?q=wagner&limit=1&facets=true")
	res = decode[searchResponse](t, body)
	if f := res.Facets; len(res.Hits) != 1 || f == nil || f.Total != 2 || f.Lang["fr"] != 1 || f.Lang["en"] != 1 ||
		f.Outlet["BBC"] != 1 || f.Year["2021"] != 1 || f.Year[""] != 1 {
		t.Errorf("facets = %+v", res.Facets)
	}

	for _, tc := range []struct{ q, want string }{
		{"q=wagner&outlet=BBC", "Wagner in Ukraine"},
		{"q=wagner&since=2021-09&until=2021-09", "Accord militaire"},
		{"q=wagner&limit=1&offset=1", ""},
	} {
		_, body, _ := get(t, ts, "/api/v1/search?"+tc.q)
		res := decode[searchResponse](t, body)
		if tc.want == "" {
			if len(res.Hits) != 1 {
				t.Errorf("%s: %d hits, want 1", tc.q, len(res.Hits))
			}
			continue
		}
		if len(res.Hits) != 1 || res.Hits[0].Title != tc.want {
			t.Errorf("%s: hits %+v, want %q", tc.q, res.Hits, tc.want)
		}
	}
}

func TestSearchAPIErrors(t *testing.T) {
	ts, st := server(t, Options{})
	mustPut(t, st, &veille.Article{Title: "x", Text: seedText, Lang: "fr"}, nil)
	for _, tc := range []struct{ q, want string }{
		{"", "q is empty"},
		{"q=-wagner", "only excluded words"},
		{"q=" + url.QueryEscape(`"`), "no letter or digit"},
		{"q=" + url.QueryEscape("* : ()"), "no letter or digit"},
		{"q=wagner&lang=klingon", "lang"},
		{"q=wagner&since=yesterday", "since"},
		{"q=wagner&until=2021-13", "until"},
		{"q=wagner&limit=0", "limit"},
		{"q=wagner&limit=abc", "limit"},
		{"q=wagner&offset=-1", "offset"},
		{"q=wagner&facets=maybe", "facets"},
		{"q=" + strings.Repeat("a+", 70), "more than"},
	} {
		code, body, h := get(t, ts, "/api/v1/search?"+tc.q)
		if code != 400 || !strings.HasPrefix(h.Get("Content-Type"), "application/json") {
			t.Errorf("%s: status %d, want 400: %s", tc.q, code, body)
			continue
		}
		e := decode[apiError](t, body)
		if e.Error.Status != 400 || !strings.Contains(e.Error.Message, tc.want) || strings.Contains(e.Error.Message, "store:") {
			t.Errorf("%s: error %+v, want it to say %q", tc.q, e, tc.want)
		}
	}
	// Anything typed is a 200 or a 400, never a 500.
	for _, q := range []string{`NEAR(a b)`, `a AND`, `"unclosed`, `title:x`, `a*`, `^a`, `a OR OR b`, `(((`, "\x00", "é'’«»"} {
		code, body, _ := get(t, ts, "/api/v1/search?q="+url.QueryEscape(q))
		if code != 200 && code != 400 {
			t.Errorf("q=%q: status %d: %s", q, code, body)
		}
	}
}

func TestArticleAPI(t *testing.T) {
	ts, st := server(t, Options{})
	id := mustPut(t, st, &veille.Article{Title: "Accord", Text: seedText, Lang: "fr", URL: "https://example.org/a/b?c=d"}, richAnalysis())
	for _, p := range []string{id, url.PathEscape("https://example.org/a/b?c=d")} {
		code, body, _ := get(t, ts, "/api/v1/articles/"+p)
		if code != 200 {
			t.Fatalf("%s: status %d: %s", p, code, body)
		}
		res := decode[articleResponse](t, body)
		if res.Article.ID != id || res.Article.Text != seedText || res.Analysis == nil || len(res.Analysis.Amounts) != 1 {
			t.Errorf("%s: %+v", p, res)
		}
	}
	code, body, _ := get(t, ts, "/api/v1/articles/nope")
	if e := decode[apiError](t, body); code != 404 || e.Error.Status != 404 {
		t.Errorf("unknown id: %d %s", code, body)
	}
	code, body, _ = get(t, ts, "/api/v1/stats")
	if s := decode[store.Stats](t, body); code != 200 || s.Articles != 1 {
		t.Errorf("stats: %d %s", code, body)
	}
}

// post sends body to the ingest endpoint with the given headers.
func post(t *testing.T, ts *httptest.Server, contentType string, body io.Reader, hdr map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", ts.URL+"/api/v1/articles", body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestIngestAPI(t *testing.T) {
	ts, _ := server(t, Options{AllowWrites: true})
	art := `{"title": "Accord militaire", "text": "Le Mali et la Russie sont en passe de conclure un accord.", "url": "https://example.org/accord", "date": "2021-09", "lang": "fr", "source": "Le Monde"}`
	code, body := post(t, ts, "application/json", strings.NewReader(art), nil)
	if code != 201 {
		t.Fatalf("status %d: %s", code, body)
	}
	res := decode[ingestResponse](t, body)
	if res.Read != 1 || res.New != 1 || len(res.IDs) != 1 {
		t.Fatalf("ingest = %+v", res)
	}
	code, body, _ = get(t, ts, "/api/v1/articles/"+res.IDs[0])
	if a := decode[articleResponse](t, body); code != 200 || a.Article.Outlet != "Le Monde" || a.Analysis == nil || len(a.Analysis.Sentences) != 1 {
		t.Fatalf("stored: %d %s", code, body)
	}
	// Again: a duplicate, nothing new, nothing created.
	code, body = post(t, ts, "application/json", strings.NewReader(art), nil)
	if res := decode[ingestResponse](t, body); code != 200 || res.New != 0 || res.Duplicate != 1 {
		t.Errorf("second ingest = %d %+v", code, res)
	}

	// A file in a multipart form.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("note", "ignored")
	fw, _ := mw.CreateFormFile("file", "seed.txt")
	io.WriteString(fw, " date 2021-09 "+seedText)
	mw.Close()
	code, body = post(t, ts, mw.FormDataContentType(), &buf, nil)
	if res := decode[ingestResponse](t, body); code != 201 || res.New != 1 {
		t.Fatalf("multipart: %d %s", code, body)
	}
	_, body, _ = get(t, ts, "/api/v1/search?q=abdoulaye")
	if res := decode[searchResponse](t, body); len(res.Hits) != 1 || res.Hits[0].Published != "2021-09" {
		t.Errorf("uploaded file not found: %s", body)
	}

	for _, tc := range []struct {
		name, ct, body string
		want           int
	}{
		{"empty", "application/json", "", 400},
		{"not JSON", "application/json", "not json at all", 400},
		{"truncated JSON", "application/json; charset=utf-8", `{"title": "x", "text": "y`, 400},
		{"binary", "application/octet-stream", "\x00\x01\x02\x03garbage\x00", 400},
		{"multipart without file", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n", 400},
	} {
		code, body := post(t, ts, tc.ct, strings.NewReader(tc.body), nil)
		if code != tc.want {
			t.Errorf("%s: status %d, want %d: %s", tc.name, code, tc.want, body)
		}
	}
	code, body = post(t, ts, "application/json", strings.NewReader("not json at all"), nil)
	if e := decode[apiError](t, body); code != 400 || !strings.Contains(e.Error.Message, "is not JSON: invalid character 'o'") {
		t.Errorf("not JSON: %d %s", code, body)
	}
}

func TestIngestLimits(t *testing.T) {
	ts, _ := server(t, Options{AllowWrites: true, MaxUploadBytes: 1000})
	big := `{"title": "x", "text": "` + strings.Repeat("mot ", 2000) + `"}`
	if code, body := post(t, ts, "application/json", strings.NewReader(big), nil); code != 413 {
		t.Errorf("oversized body: status %d: %s", code, body)
	}
}

func TestWriteChecks(t *testing.T) {
	art := `{"title": "x", "text": "Un texte."}`
	ts, _ := server(t, Options{AllowWrites: true})
	for _, tc := range []struct {
		name string
		hdr  map[string]string
		want int
	}{
		{"no origin (curl)", nil, 201},
		{"same origin", map[string]string{"Origin": ts.URL, "Sec-Fetch-Site": "same-origin"}, 200}, // a duplicate by now
		{"other origin", map[string]string{"Origin": "https://evil.example"}, 403},
		{"null origin", map[string]string{"Origin": "null"}, 403},
		{"cross-site fetch", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"same-site fetch", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
	} {
		if code, body := post(t, ts, "application/json", strings.NewReader(art), tc.hdr); code != tc.want {
			t.Errorf("%s: status %d, want %d: %s", tc.name, code, tc.want, body)
		}
	}

	// Beyond loopback without a token: writes refused.
	ts, _ = server(t, Options{})
	if code, body := post(t, ts, "application/json", strings.NewReader(art), nil); code != 403 || !strings.Contains(body, "token") {
		t.Errorf("no token, not loopback: %d %s", code, body)
	}
	// With a token: needed, and enough.
	ts, _ = server(t, Options{Token: "s3cret"})
	for _, tc := range []struct {
		auth string
		want int
	}{{"", 401}, {"Bearer nope", 401}, {"s3cret", 401}, {"Bearer s3cret", 201}} {
		if code, body := post(t, ts, "application/json", strings.NewReader(art), map[string]string{"Authorization": tc.auth}); code != tc.want {
			t.Errorf("Authorization %q: status %d, want %d: %s", tc.auth, code, tc.want, body)
		}
	}
	// Reads never need it.
	if code, _, _ := get(t, ts, "/api/v1/search?q=texte"); code != 200 {
		t.Errorf("read with token set: %d", code)
	}
}

func TestHostCheck(t *testing.T) {
	ts, _ := server(t, Options{Hosts: []string{"veille.lan"}})
	for _, tc := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:8080", 200}, {"localhost:8080", 200}, {"localhost", 200}, {"[::1]:8080", 200},
		{"192.168.1.10:8080", 200}, {"veille.lan:8080", 200}, {"VEILLE.LAN", 200},
		{"evil.example:8080", 421}, {"attacker.com", 421}, {"127.0.0.1.nip.io", 421},
	} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/v1/openapi.json", nil)
		req.Host = tc.host
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("Host %q: status %d, want %d", tc.host, resp.StatusCode, tc.want)
		}
	}
}

func TestHeadersAndStatic(t *testing.T) {
	ts, _ := server(t, Options{})
	for _, p := range []string{"/", "/search?q=x", "/api/v1/search?q=x", "/static/style.css", "/nope"} {
		_, _, h := get(t, ts, p)
		if !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", p, h)
		}
	}
	for _, tc := range []struct {
		path string
		want int
		ct   string
	}{
		{"/static/style.css", 200, "text/css"},
		{"/static/app.js", 200, "text/javascript"},
		{"/static/", 404, ""},
		{"/static/../web.go", 404, ""},
		{"/static/%2e%2e/web.go", 404, ""},
		{"/static/..%2fweb.go", 404, ""},
		{"/api/v1/openapi.json", 200, "application/json"},
	} {
		code, _, h := get(t, ts, tc.path)
		if code != tc.want && !(tc.want == 404 && code >= 400 && code < 500) {
			t.Errorf("%s: status %d, want %d", tc.path, code, tc.want)
		}
		if tc.ct != "" && !strings.HasPrefix(h.Get("Content-Type"), tc.ct) {
			t.Errorf("%s: Content-Type %q, want %s", tc.path, h.Get("Content-Type"), tc.ct)
		}
	}
	if code, body, h := get(t, ts, "/nope/<script>"); code != 404 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") || strings.Contains(body, "<script>") {
		t.Errorf("unknown page: %d %s", code, body)
	}
	// Unknown endpoints and methods answer in JSON too.
	code, body, _ := get(t, ts, "/api/v1/nope")
	if e := decode[apiError](t, body); code != 404 || e.Error.Status != 404 {
		t.Errorf("unknown endpoint: %d %s", code, body)
	}
	wts, _ := server(t, Options{AllowWrites: true})
	resp, err := wts.Client().Post(wts.URL+"/api/v1/search?q=x", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if e := decode[apiError](t, string(b)); resp.StatusCode != 405 || e.Error.Status != 405 || resp.Header.Get("Allow") != "GET" {
		t.Errorf("POST search: %d %s %v", resp.StatusCode, b, resp.Header)
	}
	// The map goes gzipped to clients that accept it, and not again to
	// those that have it.
	req, _ := http.NewRequest("GET", ts.URL+"/static/world.svg", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err = (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	zb, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" || len(zb) > 40<<10 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "image/svg+xml") {
		t.Errorf("world.svg: %s, %d bytes, %s", resp.Header.Get("Content-Encoding"), len(zb), resp.Header.Get("Content-Type"))
	}
	req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
	if resp, err = ts.Client().Do(req); err != nil || resp.StatusCode != 304 {
		t.Errorf("If-None-Match: %v %v", resp.StatusCode, err)
	}
	resp.Body.Close()
	long := "/api/v1/search?q=" + strings.Repeat("a", maxQueryBytes)
	if code, _, _ := get(t, ts, long); code != http.StatusRequestURITooLong {
		t.Errorf("long query: %d", code)
	}
}
