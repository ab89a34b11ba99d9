package web

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/veille/veille"
)

// hostile is an article whose every field tries to run script.
var hostile = &veille.Article{
	Title:  `<script>window.pwned=1</script>Titre <img src=x onerror="window.pwned=2">`,
	Outlet: `"><script>window.pwned=3</script>`,
	Author: `<svg onload="window.pwned=4">`,
	URL:    "javascript:window.pwned=5",
	Lang:   "fr",
	Text: "Wagner <script>window.pwned=6</script> et <a href=\"javascript:window.pwned=7\">lien</a>.\n\n" +
		"<img src=x onerror=\"window.pwned=8\"> Wagner \"quoted\" & 'single' </p></div><style>body{display:none}</style>.\n\n" +
		"<iframe src=\"javascript:window.pwned=9\"></iframe> Wagner</span></mark>",
	Sources: []veille.Source{{URL: "javascript:window.pwned=10", Outlet: "<b>bold</b>", SourceID: "<i>id</i>", Format: veille.FormatJSON}},
}

// checkSafe parses page and fails when it holds a script other than
// /static/app.js, an element other than the template's, an event handler
// attribute, or a javascript: URL.
func checkSafe(t *testing.T, name, page string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	allowed := []string{"html", "head", "meta", "title", "link", "script", "body", "a", "header", "form", "label", "input",
		"button", "main", "footer", "h1", "h2", "p", "span", "div", "article", "aside", "section", "ul", "ol", "li", "dl",
		"dt", "dd", "code", "mark", "nav", "select", "option", "strong", "kbd", "img", "svg", "circle", "rect", "text"}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if !slices.Contains(allowed, tok.Data) {
			t.Errorf("%s: element <%s> in the page", name, tok.Data)
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") || strings.Contains(a.Key, "<") {
				t.Errorf("%s: <%s %s=%q>", name, tok.Data, a.Key, a.Val)
			}
		}
		if tok.Data == "img" && (len(tok.Attr) == 0 || tok.Attr[0].Val != "/static/world.svg") {
			t.Errorf("%s: img %v", name, tok.Attr)
		}
		if tok.Data == "script" {
			if len(tok.Attr) != 2 || tok.Attr[0].Val != "/static/app.js" {
				t.Errorf("%s: script %v", name, tok.Attr)
			}
		}
	}
}

func TestPagesEscapeEverything(t *testing.T) {
	ts, st := server(t, Options{})
	a := *hostile
	an := &veille.Analysis{Version: 1, Paragraphs: []veille.Span{{Start: 0, End: len(a.Text)}},
		Claims:     []veille.Claim{{ID: "c1", Span: veille.Span{Start: 0, End: 20}, Certainty: `x" onmouseover="window.pwned=11`, Source: `<script>`}},
		Quotations: []veille.Quotation{{ID: "q1", Kind: `"><script>`, ContentSpan: veille.Span{Start: 7, End: 40}, Speaker: `<img src=x onerror=alert(1)>`}},
		Places:     []veille.Place{{Span: veille.Span{Start: 0, End: 6}, Name: `<script>window.pwned=12</script>`, ID: `"><svg onload=alert(1)>`, Lat: 12.6, Lon: -8}},
		Entities:   []veille.Entity{{ID: `"><script>`, Type: `PER"><script>`, Name: `<img src=x onerror=alert(1)>`, Mentions: []int{0}}},
		Mentions:   []veille.Mention{{Span: veille.Span{Start: 0, End: 6}, Type: `PER"><script>`, EntityID: `"><script>`}},
		// Out-of-range and mid-rune spans are ignored, not a panic.
		Amounts: []veille.Amount{{Span: veille.Span{Start: -1, End: 5}}, {Span: veille.Span{Start: 3, End: 100000}}},
	}
	id := mustPut(t, st, &a, an)
	for _, p := range []string{"/articles/" + id, "/search?q=wagner", "/search?q=" + url.QueryEscape(`<script>alert(1)</script>`),
		"/search?q=wagner&outlet=" + url.QueryEscape(`"><script>`), "/articles/" + url.PathEscape(`<script>`), "/",
		"/map?q=wagner", "/claims?q=wagner", "/entities/" + url.PathEscape(`"><script>`) + "?name=Wagner",
		"/map?q=" + url.QueryEscape(`"><script>`), "/entities/x?name=" + url.QueryEscape(`"><script>`)} {
		code, body, h := get(t, ts, p)
		if code >= 500 {
			t.Errorf("%s: status %d", p, code)
		}
		if !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			t.Errorf("%s: Content-Type %q", p, h.Get("Content-Type"))
		}
		checkSafe(t, p, body)
	}
	_, body, _ := get(t, ts, "/articles/"+id)
	if !strings.Contains(body, "&lt;script&gt;window.pwned=6&lt;/script&gt;") {
		t.Errorf("article text not shown escaped:\n%s", body)
	}
	// The API returns the text as data, JSON-escaped.
	_, body, _ = get(t, ts, "/api/v1/articles/"+id)
	if strings.Contains(body, "<script>") {
		t.Errorf("API body holds a raw <script>: %s", body)
	}
	var res articleResponse
	if err := json.Unmarshal([]byte(body), &res); err != nil || res.Article.Text != a.Text {
		t.Errorf("API text does not round-trip: %v", err)
	}
}

func TestArticlePage(t *testing.T) {
	ts, st := server(t, Options{})
	id := mustPut(t, st, &veille.Article{Title: "Accord militaire", Text: seedText, Lang: "fr", URL: "https://example.org/mali"}, richAnalysis())
	code, body, _ := get(t, ts, "/articles/"+id)
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	checkSafe(t, "article", body)
	for _, want := range []string{
		`<h1>Accord militaire</h1>`,
		`<h2 id="h1">Accord en vue</h2>`,
		// The hedged claim crosses the amount: the amount is split, its
		// anchor on the first part.
		`<span class="hl amount" id="a1" data-tip="money: 6` + "\u202f000\u202f000\u202f000" + ` XOF per month" tabindex="0">six milliards</span></span><span class="hl amount"> de francs CFA</span>`,
		`class="hl speaker" id="q1s"`,
		`data-tip="said by Abdoulaye Diop"`,
		`class="hl claim claim-hedged" id="c1"`,
		`class="hl ent ent-org" id="m2" data-tip="Groupe Wagner · ORG"`,
		`href="#a1"`, `href="#q1"`, `href="#c1"`, `href="#h1"`,
		`<a href="https://example.org/mali" rel="noopener noreferrer nofollow">source</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// Only the sections with content are shown.
	if strings.Contains(body, ">Dates <") || strings.Contains(body, ">Places <") {
		t.Errorf("empty section shown")
	}

	// An article with structure only: no extraction sections, text intact.
	id = mustPut(t, st, &veille.Article{Text: "Premier paragraphe sans titre.\n\nSecond.", Lang: "fr"}, nil)
	_, body, _ = get(t, ts, "/articles/"+id)
	for _, no := range []string{"Entities", "Amounts", "Quotations", "Claims"} {
		if strings.Contains(body, ">"+no+" <") {
			t.Errorf("structure-only article shows %s", no)
		}
	}
	if !strings.Contains(body, `class="untitled">Premier paragraphe sans titre. Second.</h1>`) {
		t.Errorf("untitled article heading missing:\n%s", body)
	}
	if code, _, _ := get(t, ts, "/articles/nope"); code != 404 {
		t.Errorf("unknown article: %d", code)
	}
}

func TestSearchPage(t *testing.T) {
	ts, st := server(t, Options{})
	id := mustPut(t, st, &veille.Article{Title: "Accord <militaire>", Text: seedText, Lang: "fr"}, nil)
	code, body, _ := get(t, ts, "/search?q=wagner")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{`href="/articles/` + id + `"`, `Accord &lt;militaire&gt;`, `<mark>Wagner</mark>`, `value="wagner"`,
		`<p class="meta">1 article</p>`, `<a class="ht" href="/articles/` + id + `" lang="fr">`, `<h2>Language</h2>`, `<a href="/search?lang=fr&amp;q=wagner">fr</a> <span class="n">1</span>`} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	code, body, _ = get(t, ts, "/search?q=-wagner")
	if code != 400 || !strings.Contains(body, "only excluded words") || strings.Contains(body, "bad query") {
		t.Errorf("bad query page: %d", code)
	}
	if code, body, _ = get(t, ts, "/search?q=nothingmatches"); code != 200 || !strings.Contains(body, "No results") {
		t.Errorf("no results: %d", code)
	}
	if code, _, _ = get(t, ts, "/search"); code != 200 {
		t.Errorf("empty search: %d", code)
	}
	if code, body, _ = get(t, ts, "/"); code != 200 || !strings.Contains(body, "1 article from 1 outlet.") {
		t.Errorf("home: %d", code)
	}
}

func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for p, ops := range doc.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+p] = true
		}
	}
	served := map[string]bool{}
	for _, r := range New(mustStore(t), Options{}).routes() {
		if r.pattern == "/api/" {
			continue // the JSON 404 and 405
		}
		if strings.HasPrefix(r.pattern, "/api/") {
			// OpenAPI has no rest-of-path wildcard: {id...} is {id} there.
			served[r.method+" "+strings.ReplaceAll(r.pattern, "...}", "}")] = true
			if !r.api {
				t.Errorf("%s %s: under /api/ but not marked api", r.method, r.pattern)
			}
		} else if r.api {
			t.Errorf("%s %s: marked api outside /api/", r.method, r.pattern)
		}
	}
	for k := range served {
		if !documented[k] {
			t.Errorf("route %s is not in openapi.json", k)
		}
	}
	for k := range documented {
		if !served[k] {
			t.Errorf("openapi.json documents %s, which no route serves", k)
		}
	}
}

func TestExplorePages(t *testing.T) {
	ts, st := server(t, Options{})
	an := richAnalysis()
	an.Places = []veille.Place{{Span: at(seedText, "Mali"), Text: "Mali", ID: "iso3166:ML", Name: "Mali", Country: "ML", Lat: 17, Lon: -4}}
	id := mustPut(t, st, &veille.Article{Title: "Accord militaire", Text: seedText, Lang: "fr",
		Published: veille.Date{Time: time.Date(2021, 9, 15, 0, 0, 0, 0, time.UTC), Precision: veille.PrecisionDay}}, an)
	// An article analysed by extractors that do not include claims.
	mustPut(t, st, &veille.Article{Title: "Inondation", Text: "Une inondation a touché la ville.", Lang: "fr"},
		&veille.Analysis{Version: 1, Extractors: []veille.ExtractorRun{{Name: "entities", Version: 1}}})
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/map?q=wagner", []string{`<circle cx="352" cy="146" r="4">`, `Mali (1)`, `1 place named in 1 article`}},
		{"/map?q=wagner&lang=fr", []string{`href="/search?lang=fr&amp;q=wagner&#43;%22Mali%22"`}},
		{"/map", []string{"Type words to map"}},
		{"/claims?q=wagner", []string{`claim-hedged`, `href="/articles/` + id + `#c1"`, `Wagner serait payé six milliards`, `— Quatre sources`}},
		{"/claims?q=nothingmatches", []string{"No article matches", "Looking at the top 100 hits"}},
		{"/claims?q=inondation", []string{"Claims are not extracted for these articles yet"}},
		{"/claims?q=wagner+OR+inondation", []string{"2 articles, 1 of them with claims extracted"}},
		{"/entities/" + url.PathEscape("veille:org/wagner"), []string{`Groupe Wagner`, `1 mention in 1 article`,
			`<svg class="timeline"`, `<title>2021-09-15: 1 mention in 1 article</title>`, `<a href="/entities/iso3166:ML">Mali</a>`,
			`<a href="/articles/` + id + `">Accord militaire</a>`}},
		{"/articles/" + id, []string{`<article class="text" lang="fr">`, `<img src="/static/world.svg"`, `<a href="#p1"><circle`, `href="/entities/veille:org%2Fwagner"`}},
	} {
		code, body, _ := get(t, ts, tc.path)
		if code != 200 {
			t.Errorf("%s: status %d", tc.path, code)
		}
		checkSafe(t, tc.path, body)
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %s", tc.path, w)
			}
		}
	}
	for _, p := range []string{"/map?q=-wagner", "/claims?q=-wagner", "/claims?q=x&since=nope"} {
		if code, body, _ := get(t, ts, p); code != 400 || !strings.Contains(body, `class="err"`) {
			t.Errorf("%s: %d, want 400 with the reason", p, code)
		}
	}
}
