package web

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

//go:embed openapi.json
var openAPIDoc []byte

// templates holds one parsed template set per page, each with the layout.
type templates struct {
	pages map[string]*template.Template
}

var funcs = template.FuncMap{
	"articleURL": articleURL,
	"snippet":    snippetHTML,
	"webURL":     webURL,
	"inc":        func(i int) int { return i + 1 },
	"last":       func(first, n int) int { return first + n - 1 },
	// day shortens an instant ("2023-02-09T11:10:45Z") to its day as
	// published; partial dates stay as they are.
	"day": func(s string) string {
		if len(s) > 10 && s[10] == 'T' {
			return s[:10]
		}
		return s
	},
	"scope": func(action string, req searchRequest) scopeForm {
		return scopeForm{Action: action, Req: req, Langs: []string{"fr", "en"}}
	},
	"entityURL": entityURL,
	"plural":    plural,
}

// scopeForm is the search form of the exploration pages.
type scopeForm struct {
	Action string
	Req    searchRequest
	Langs  []string
}

// articleURL is the page of an article.
func articleURL(id string) string { return "/articles/" + url.PathEscape(id) }

// webURL returns u when it is an http or https URL, "" otherwise, so that
// a stored "javascript:" URL is never a link.
func webURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// snippetHTML renders a snippet with its matches in <mark>.
func snippetHTML(h searchHit) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range h.Matches {
		b.WriteString(template.HTMLEscapeString(h.Snippet[last:m.Start]))
		b.WriteString("<mark>" + template.HTMLEscapeString(h.Snippet[m.Start:m.End]) + "</mark>")
		last = m.End
	}
	b.WriteString(template.HTMLEscapeString(h.Snippet[last:]))
	return template.HTML(b.String())
}

func mustParseTemplates() *templates {
	t := &templates{pages: map[string]*template.Template{}}
	for _, name := range []string{"home", "search", "article", "error", "map", "claims", "entity"} {
		t.pages[name] = template.Must(template.New("layout.html").Funcs(funcs).
			ParseFS(templateFS, "templates/layout.html", "templates/scope.html", "templates/worldmap.html", "templates/"+name+".html"))
	}
	return t
}

// render executes a page into a buffer first, so that a template error
// never sends half a page.
func (t *templates) render(w io.Writer, name string, data any) error {
	var buf bytes.Buffer
	if err := t.pages[name].Execute(&buf, data); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// renderPage writes the page name with status 200.
func (s *Server) renderPage(w http.ResponseWriter, name string, data any) error {
	return s.renderStatus(w, http.StatusOK, name, data)
}

// renderStatus writes the page name with a status; a template error is
// returned before anything is written.
func (s *Server) renderStatus(w http.ResponseWriter, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := s.tmpl.pages[name].Execute(&buf, data); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// pageBase is what the layout reads.
type pageBase struct {
	Title string
	Query string // refills the search box of the header
}

type errorPage struct {
	Title   string
	Query   string
	Status  int
	Message string
}

type count struct {
	Name string `json:"name"`
	N    int    `json:"n"`
}

type homePage struct {
	pageBase
	Stats   store.Stats
	Langs   []count
	Outlets []count
}

// top returns the n largest counts of m, ties by name; "" is left out.
func top(m map[string]int, n int) []count {
	var cs []count
	for k, v := range m {
		if k != "" {
			cs = append(cs, count{k, v})
		}
	}
	slices.SortFunc(cs, func(a, b count) int { return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Name, b.Name)) })
	if len(cs) > n {
		cs = cs[:n]
	}
	return cs
}

// pageHome serves GET /: the search form and what the store holds.
func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) error {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		return err
	}
	return s.renderPage(w, "home", homePage{pageBase: pageBase{Title: "veille"}, Stats: st,
		Langs: top(st.ByLang, 8), Outlets: top(st.ByOutlet, 12)})
}

type searchPage struct {
	pageBase
	Req     searchRequest
	Hits    []searchHit
	Error   string
	Prev    string // URL of the previous page, "" for none
	Next    string
	First   int // rank of the first hit
	Langs   []string
	Missing bool // no query given
	Total   int
	Facets  []facetGroup
}

// facetGroup is one facet of the search page: values with their counts,
// each a link that narrows the search.
type facetGroup struct {
	Title  string
	Values []facetValue
}

type facetValue struct {
	Name   string
	N      int
	Href   string
	Active bool
}

// pageSearch serves GET /search. A malformed query is shown on the page
// with status 400.
func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	p := searchPage{pageBase: pageBase{Title: "Search", Query: v.Get("q")}, Langs: []string{"fr", "en"}}
	sr, hits, err := s.search(r.Context(), v)
	p.Req = sr
	status := http.StatusOK
	switch {
	case err == nil:
	case strings.TrimSpace(v.Get("q")) == "":
		p.Missing = true
	default:
		code, msg := statusOf(err)
		if code >= 500 {
			return err
		}
		status, p.Error = code, msg
	}
	if p.Query != "" {
		p.Title = p.Query + " — search"
	}
	for _, h := range hits {
		p.Hits = append(p.Hits, toHit(h))
	}
	if err == nil && sr.Text != "" {
		f, err := s.st.Facets(r.Context(), sr.SearchQuery)
		if err != nil {
			return err
		}
		p.Total = f.Total
		p.Facets = facetGroups(v, f)
	}
	p.First = sr.Offset + 1
	page := func(off int) string {
		q := url.Values{}
		for k, vs := range v {
			q[k] = vs
		}
		q.Set("offset", strconv.Itoa(off))
		return "/search?" + q.Encode()
	}
	if sr.Offset > 0 {
		p.Prev = page(max(sr.Offset-sr.Limit, 0))
	}
	if len(hits) == sr.Limit && sr.Offset+sr.Limit <= maxOffset {
		p.Next = page(sr.Offset + sr.Limit)
	}
	return s.renderStatus(w, status, "search", p)
}

// facetGroups makes the facet links of a search whose form values are v.
func facetGroups(v url.Values, f store.Facets) []facetGroup {
	link := func(set map[string]string) string {
		q := url.Values{}
		for k, vs := range v {
			q[k] = vs
		}
		q.Del("offset")
		for k, val := range set {
			if val == "" {
				q.Del(k)
			} else {
				q.Set(k, val)
			}
		}
		return "/search?" + q.Encode()
	}
	var gs []facetGroup
	add := func(title string, cs []count, set func(name string) map[string]string, active func(name string) bool) {
		g := facetGroup{Title: title}
		for _, c := range cs {
			g.Values = append(g.Values, facetValue{Name: c.Name, N: c.N, Href: link(set(c.Name)), Active: active(c.Name)})
		}
		if len(g.Values) > 0 {
			gs = append(gs, g)
		}
	}
	add("Language", top(f.Lang, 10), func(n string) map[string]string { return map[string]string{"lang": n} },
		func(n string) bool { return v.Get("lang") == n })
	add("Outlet", top(f.Outlet, 15), func(n string) map[string]string { return map[string]string{"outlet": n} },
		func(n string) bool { return strings.EqualFold(v.Get("outlet"), n) })
	years := top(f.Year, 100)
	slices.SortFunc(years, func(a, b count) int { return strings.Compare(b.Name, a.Name) })
	add("Year", years, func(n string) map[string]string { return map[string]string{"since": n, "until": n} },
		func(n string) bool { return v.Get("since") == n && v.Get("until") == n })
	return gs
}

type articlePage struct {
	pageBase
	Article   *veille.Article
	Analysis  *veille.Analysis
	Heading   string // the title, or the start of the text when there is none
	Link      string // the article's URL when it is a web URL
	Blocks    []block
	Sections  []section
	Published string
	Sources   []sourceView
	Box       string
	Dots      []dot
}

type sourceView struct {
	veille.Source
	Link string
}

// pageArticle serves GET /articles/{id}: the text with its extractions
// highlighted, and a side panel listing them.
func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) error {
	a, an, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	marks, secs := marksOf(a.Text, an)
	blocks, outline := renderBlocks(a.Text, an, marks)
	if len(outline.Items) > 0 {
		secs = append([]section{outline}, secs...)
	}
	title := a.Title
	if title == "" {
		title = untitled(a.Text)
	}
	p := articlePage{pageBase: pageBase{Title: title}, Article: a, Analysis: an, Heading: title,
		Link: webURL(a.URL), Blocks: blocks, Sections: secs, Published: a.Published.String()}
	for _, src := range a.Sources {
		p.Sources = append(p.Sources, sourceView{Source: src, Link: webURL(src.URL)})
	}
	if an != nil {
		first := map[string]string{}
		for i, pl := range an.Places {
			if k := cmp.Or(pl.ID, pl.Name); first[k] == "" {
				first[k] = "#p" + strconv.Itoa(i+1)
			}
		}
		p.Box = mapBox
		p.Dots = placeDots(an.Places, func(pl veille.Place) string { return first[cmp.Or(pl.ID, pl.Name)] })
	}
	return s.renderPage(w, "article", p)
}

// untitled makes a heading of the first words of a text without a title.
func untitled(text string) string {
	const max = 80
	t := strings.Join(strings.Fields(text), " ")
	if len(t) <= max {
		return cmp.Or(t, "(untitled)")
	}
	cut := strings.LastIndexByte(t[:max], ' ')
	if cut < max/2 {
		cut = max
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
	}
	return t[:cut] + "…"
}

// asset is one embedded static file, with its gzipped form when that is
// smaller.
type asset struct {
	body, gz []byte
	ctype    string
	etag     string
}

// staticHandler serves the embedded static files by exact name (no
// directories, no path outside them), gzipped for clients that accept it,
// with an ETag and an hour of caching.
func staticHandler() http.Handler {
	assets := map[string]*asset{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		a := &asset{body: b, ctype: mime.TypeByExtension(path.Ext(p))}
		if a.ctype == "" {
			a.ctype = http.DetectContentType(b)
		}
		sum := sha256.Sum256(b)
		a.etag = `"` + hex.EncodeToString(sum[:8]) + `"`
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		if z.Len() < len(b)*9/10 {
			a.gz = z.Bytes()
		}
		assets["/"+p] = a
		return nil
	})
	if err != nil {
		panic(err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := assets[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", a.ctype)
		h.Set("Cache-Control", "public, max-age=3600")
		h.Set("ETag", a.etag)
		h.Set("Vary", "Accept-Encoding")
		if r.Header.Get("If-None-Match") == a.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		body := a.body
		if a.gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.Set("Content-Encoding", "gzip")
			body = a.gz
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		if r.Method != http.MethodHead {
			_, _ = w.Write(body)
		}
	})
}

// serveOpenAPI serves GET /api/v1/openapi.json.
func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(openAPIDoc)
}
