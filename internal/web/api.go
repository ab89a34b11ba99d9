package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/ingest"
	"github.com/veille/veille/internal/pipeline"
	"github.com/veille/veille/internal/store"
)

// Search paging limits of the API and the pages.
const (
	defaultLimit = 20
	maxLimit     = 100
	maxOffset    = 10000
)

// snippetMarks wrap matches in the snippets the store returns: private-use
// characters, so that a bracket of the text is never taken for a match.
var snippetMarks = [2]string{"\ue000", "\ue001"}

// searchRequest is a parsed search: the store query and the form values it
// came from (to refill the search form).
type searchRequest struct {
	store.SearchQuery
	Since, Until string // as typed
}

// parseSearch reads q, lang, outlet, since, until, limit and offset.
// It returns a 400 error naming the parameter for a value it cannot read.
func parseSearch(v url.Values) (searchRequest, error) {
	sr := searchRequest{SearchQuery: store.SearchQuery{
		Text: strings.TrimSpace(v.Get("q")), Outlet: strings.TrimSpace(v.Get("outlet")),
		Limit: defaultLimit, Marks: snippetMarks,
	}}
	if l := strings.TrimSpace(v.Get("lang")); l != "" {
		sr.Lang = veille.NormalizeLang(l)
		if sr.Lang == "" {
			return sr, errorf(http.StatusBadRequest, "lang %q is not a language code (try fr, en)", l)
		}
	}
	sr.Since, sr.Until = strings.TrimSpace(v.Get("since")), strings.TrimSpace(v.Get("until"))
	if sr.Since != "" {
		d, err := veille.ParseDate(sr.Since)
		if err != nil {
			return sr, errorf(http.StatusBadRequest, "since %q is not a date (2021, 2021-09, 2021-09-15)", sr.Since)
		}
		sr.SearchQuery.Since = d.Time
	}
	if sr.Until != "" {
		d, err := veille.ParseDate(sr.Until)
		if err != nil {
			return sr, errorf(http.StatusBadRequest, "until %q is not a date (2021, 2021-09, 2021-09-15)", sr.Until)
		}
		sr.SearchQuery.Until = d.End()
	}
	var err error
	if sr.Limit, err = intParam(v, "limit", defaultLimit, 1, maxLimit); err != nil {
		return sr, err
	}
	if sr.Offset, err = intParam(v, "offset", 0, 0, maxOffset); err != nil {
		return sr, err
	}
	return sr, nil
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, errorf(http.StatusBadRequest, "%s %q: want a whole number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

// searchHit is the JSON form of a store.Hit.
type searchHit struct {
	ID        string        `json:"id"`
	Title     string        `json:"title"`
	Outlet    string        `json:"outlet,omitempty"`
	URL       string        `json:"url,omitempty"`
	Published string        `json:"published,omitempty"`
	Lang      string        `json:"lang,omitempty"`
	Snippet   string        `json:"snippet"`
	Matches   []veille.Span `json:"matches"` // byte spans of the matched words in Snippet
	Score     float64       `json:"score"`
}

type searchResponse struct {
	Query  string        `json:"query"`
	Limit  int           `json:"limit"`
	Offset int           `json:"offset"`
	Hits   []searchHit   `json:"hits"`
	Facets *store.Facets `json:"facets,omitempty"` // with facets=true
}

func toHit(h store.Hit) searchHit {
	snip, matches := splitSnippet(h.Snippet)
	return searchHit{ID: h.ID, Title: h.Title, Outlet: h.Outlet, URL: h.URL, Published: h.Published.String(),
		Lang: h.Lang, Snippet: snip, Matches: matches, Score: h.Score}
}

// splitSnippet removes snippetMarks from s and returns the plain snippet
// with the byte spans the marks wrapped. Unbalanced marks are dropped.
func splitSnippet(s string) (string, []veille.Span) {
	var b strings.Builder
	matches := []veille.Span{}
	open := -1
	for _, r := range strings.Join(strings.Fields(s), " ") {
		switch string(r) {
		case snippetMarks[0]:
			if open < 0 {
				open = b.Len()
			}
		case snippetMarks[1]:
			if open >= 0 && b.Len() > open {
				matches = append(matches, veille.Span{Start: open, End: b.Len()})
			}
			open = -1
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), matches
}

func (s *Server) search(ctx context.Context, v url.Values) (searchRequest, []store.Hit, error) {
	sr, err := parseSearch(v)
	if err != nil {
		return sr, nil, err
	}
	if sr.Text == "" {
		return sr, nil, errorf(http.StatusBadRequest, "q is empty: give words to search for")
	}
	hits, err := s.st.Search(ctx, sr.SearchQuery)
	return sr, hits, err
}

// apiSearch serves GET /api/v1/search.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	sr, hits, err := s.search(r.Context(), r.URL.Query())
	if err != nil {
		return err
	}
	resp := searchResponse{Query: sr.Text, Limit: sr.Limit, Offset: sr.Offset, Hits: make([]searchHit, len(hits))}
	for i, h := range hits {
		resp.Hits[i] = toHit(h)
	}
	switch f := r.URL.Query().Get("facets"); f {
	case "", "false", "0":
	case "true", "1":
		fs, err := s.st.Facets(r.Context(), sr.SearchQuery)
		if err != nil {
			return err
		}
		resp.Facets = &fs
	default:
		return errorf(http.StatusBadRequest, "facets %q: want true or false", f)
	}
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// articleResponse is the JSON of GET /api/v1/articles/{id}.
type articleResponse struct {
	Article  *veille.Article  `json:"article"`
	Analysis *veille.Analysis `json:"analysis"`
}

// apiArticle serves GET /api/v1/articles/{id}: id is an article ID, a URL
// or a source id (percent-encoded).
func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) error {
	a, an, err := s.st.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, articleResponse{Article: a, Analysis: an})
	return nil
}

// apiStats serves GET /api/v1/stats.
func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// ingestResponse is the JSON of POST /api/v1/articles.
type ingestResponse struct {
	pipeline.Summary
	IDs []string `json:"ids"` // stored article IDs, in input order
}

// recordingPutter passes Puts to the store and remembers the IDs.
type recordingPutter struct {
	st  Store
	mu  sync.Mutex
	ids []string
}

func (p *recordingPutter) Put(ctx context.Context, es []store.Entry) ([]store.PutResult, error) {
	res, err := p.st.Put(ctx, es)
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range res {
		p.ids = append(p.ids, r.ID)
	}
	return res, err
}

// errReader remembers the first error other than EOF of its reader.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// apiIngest serves POST /api/v1/articles: the body is one article as JSON
// (or JSON Lines, a feed, an HTML page, a text file, a WARC…), or a
// multipart form whose "file" field is such a file. It runs the body
// through the ingest pipeline and answers with the summary and the IDs.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxUploadBytes)
	var body io.Reader = r.Body
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			return errorf(http.StatusBadRequest, "multipart body: %v", err)
		}
		for {
			p, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				return errorf(http.StatusBadRequest, `multipart body has no "file" field`)
			}
			if err != nil {
				return errorf(http.StatusBadRequest, "multipart body: %v", err)
			}
			if p.FormName() == "file" {
				body = p
				break
			}
		}
	}
	if mt == "application/json" || strings.HasSuffix(mt, "+json") {
		b, err := checkJSON(body)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	er := &errReader{r: body}
	put := &recordingPutter{st: s.st}
	opts := pipeline.DefaultOptions()
	opts.Read = ingest.DefaultOptions()
	opts.Read.Fetch = ingest.FetchNever
	opts.Read.Stdin = er
	opts.Now = s.opts.Now
	sum, err := pipeline.Ingest(r.Context(), put, s.opts.Pipeline, []string{"-"}, opts)
	if er.err != nil {
		var mbe *http.MaxBytesError
		if errors.As(er.err, &mbe) {
			return er.err
		}
	}
	if err != nil {
		return err
	}
	if sum.Read == 0 {
		reason := "the body holds no article"
		if len(sum.Problems) > 0 {
			reason = strings.TrimPrefix(sum.Problems[0].Reason, "-: ")
		}
		return errorf(http.StatusBadRequest, "nothing ingested: %s", reason)
	}
	ids := put.ids
	if ids == nil {
		ids = []string{}
	}
	status := http.StatusOK // all duplicates or skipped: nothing created
	if sum.New+sum.Updated > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, ingestResponse{Summary: sum, IDs: ids})
	return nil
}

// checkJSON reads a body declared as JSON and returns it when it holds
// one or more JSON values (an article, an array, or JSON Lines); else a
// 400 that says where it stops being JSON. A body over the size limit is
// the reader's *http.MaxBytesError.
func checkJSON(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		return nil, errorf(http.StatusBadRequest, "reading the body: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	n := 0
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				return nil, errorf(http.StatusBadRequest, "the body is declared application/json but is not JSON: %v (at byte %d)", se, se.Offset)
			}
			return nil, errorf(http.StatusBadRequest, "the body is declared application/json but is not JSON: %v", err)
		}
		n++
	}
	if n == 0 {
		return nil, errorf(http.StatusBadRequest, "the body is empty: send an article as JSON")
	}
	return b, nil
}
