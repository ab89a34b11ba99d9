package web

import (
	"cmp"
	"context"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/veille/veille"
)

// The map, entity and claims pages gather what the extractors found in
// the articles a search returns (at most exploreLimit of them, best
// first): a first cut that needs nothing of the store but Search and
// Article. Store-side aggregates can replace it when the corpus outgrows
// it.
const exploreLimit = 100

// found is one article of an exploration with its analysis.
type found struct {
	*veille.Article
	An *veille.Analysis
}

// explore runs the search of v (q required) and loads the analyses of its
// hits.
func (s *Server) explore(ctx context.Context, v url.Values) (searchRequest, []found, error) {
	if v.Get("limit") == "" {
		v.Set("limit", fmt.Sprint(exploreLimit))
	}
	sr, err := parseSearch(v)
	if err != nil {
		return sr, nil, err
	}
	sr.Limit = min(sr.Limit, exploreLimit)
	if sr.Text == "" {
		return sr, nil, nil
	}
	hits, err := s.st.Search(ctx, sr.SearchQuery)
	if err != nil {
		return sr, nil, err
	}
	var fs []found
	for _, h := range hits {
		a, an, err := s.st.Article(ctx, h.ID)
		if err != nil {
			return sr, nil, err
		}
		if an != nil {
			fs = append(fs, found{a, an})
		}
	}
	return sr, fs, nil
}

// Equirectangular projection of static/world.svg (see gen_world.go).
const (
	mapScale  = 2.0
	mapLatTop = 84.0
	mapLatBot = -60.0
)

// mapBox is the viewBox of static/world.svg.
var mapBox = fmt.Sprintf("0 %g %g %g", (90-mapLatTop)*mapScale, 360*mapScale, (mapLatTop-mapLatBot)*mapScale)

// dot is one place on the map.
type dot struct {
	X, Y, R float64
	Name    string
	N       int
	Href    string
}

func project(lat, lon float64) (float64, float64) {
	return math.Round((lon+180)*mapScale*10) / 10, math.Round((90-lat)*mapScale*10) / 10
}

// placeDots aggregates places by ID into dots, the most mentioned first;
// places without coordinates are left out. href makes each dot's link.
func placeDots(places []veille.Place, href func(p veille.Place) string) []dot {
	byID := map[string]*dot{}
	var order []string
	for _, p := range places {
		if p.Lat == 0 && p.Lon == 0 || math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 {
			continue
		}
		key := cmp.Or(p.ID, p.Name)
		if d, ok := byID[key]; ok {
			d.N++
			continue
		}
		x, y := project(p.Lat, p.Lon)
		byID[key] = &dot{X: x, Y: y, Name: cmp.Or(p.Name, p.Text), N: 1, Href: href(p)}
		order = append(order, key)
	}
	ds := make([]dot, 0, len(order))
	for _, k := range order {
		d := *byID[k]
		d.R = math.Round((2+2*math.Sqrt(float64(d.N)))*10) / 10
		ds = append(ds, d)
	}
	slices.SortStableFunc(ds, func(a, b dot) int { return cmp.Compare(b.N, a.N) })
	return ds
}

type mapPage struct {
	pageBase
	Req      searchRequest
	Articles int
	Box      string
	Dots     []dot
	Error    string
}

// pageMap serves GET /map?q=…: the places mentioned in the articles that
// match q, on a world map.
func (s *Server) pageMap(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	p := mapPage{pageBase: pageBase{Title: "Map", Query: v.Get("q")}, Box: mapBox}
	sr, fs, err := s.explore(r.Context(), v)
	p.Req = sr
	if err != nil {
		return s.softError(w, "map", &p.Error, &p, err)
	}
	var places []veille.Place
	for _, f := range fs {
		places = append(places, f.An.Places...)
	}
	p.Articles = len(fs)
	p.Dots = placeDots(places, func(pl veille.Place) string {
		return "/search?" + url.Values{"q": {`"` + cmp.Or(pl.Name, pl.Text) + `"`}}.Encode()
	})
	return s.renderPage(w, "map", p)
}

// softError shows a client error on the page itself (status 4xx), and
// returns server errors to the adapter.
func (s *Server) softError(w http.ResponseWriter, name string, msg *string, p any, err error) error {
	code, m := statusOf(err)
	if code >= 500 {
		return err
	}
	*msg = m
	return s.renderStatus(w, code, name, p)
}

// claimRef is one claim with the article it is in.
type claimRef struct {
	veille.Claim
	ArticleID string `json:"article_id"`
	Title     string `json:"article_title"`
	Published string `json:"published,omitempty"`
}

type claimGroup struct {
	Certainty string     `json:"certainty"`
	Claims    []claimRef `json:"claims"`
}

// claimsResult is the JSON of GET /api/v1/claims and the claims page's
// data.
type claimsResult struct {
	Text     string       `json:"query"`
	Articles int          `json:"articles"` // articles searched (at most exploreLimit)
	Groups   []claimGroup `json:"groups"`   // by certainty, strongest first
}

type claimsPage struct {
	pageBase
	claimsResult
	Req   searchRequest
	Error string
}

// certaintyOrder lists the certainty labels as the claims page groups them.
var certaintyOrder = []string{veille.CertaintyAsserted, veille.CertaintyReported, veille.CertaintyHedged,
	veille.CertaintyFuture, veille.CertaintyOpinion, veille.CertaintyQuestioned, veille.CertaintyDenied}

// claims gathers the claims of the articles that match v's search, kept
// when their certainty is v's "certainty" (when set), their source
// contains v's "speaker" (case aside), and their span overlaps a mention
// of v's "entity" (an entity ID).
func (s *Server) claims(ctx context.Context, v url.Values) (searchRequest, claimsResult, error) {
	sr, fs, err := s.explore(ctx, v)
	res := claimsResult{Text: sr.Text, Groups: []claimGroup{}}
	if err != nil {
		return sr, res, err
	}
	certainty := strings.TrimSpace(v.Get("certainty"))
	speaker := strings.ToLower(strings.TrimSpace(v.Get("speaker")))
	entity := strings.TrimSpace(v.Get("entity"))
	res.Articles = len(fs)
	groups := map[string][]claimRef{}
	for _, f := range fs {
		for _, c := range f.An.Claims {
			if certainty != "" && c.Certainty != certainty ||
				speaker != "" && !strings.Contains(strings.ToLower(c.Source), speaker) ||
				entity != "" && !mentions(f.An, c.Span, entity) {
				continue
			}
			groups[c.Certainty] = append(groups[c.Certainty], claimRef{Claim: c, ArticleID: f.ID,
				Title: cmp.Or(f.Title, untitled(f.Text)), Published: f.Published.String()})
		}
	}
	for _, c := range certaintyOrder {
		if len(groups[c]) > 0 {
			res.Groups = append(res.Groups, claimGroup{Certainty: c, Claims: groups[c]})
			delete(groups, c)
		}
	}
	var rest []string
	for c := range groups {
		rest = append(rest, c)
	}
	slices.Sort(rest)
	for _, c := range rest {
		res.Groups = append(res.Groups, claimGroup{Certainty: c, Claims: groups[c]})
	}
	return sr, res, nil
}

// mentions reports whether a mention of an entity overlaps span sp.
func mentions(an *veille.Analysis, sp veille.Span, entityID string) bool {
	for _, m := range an.Mentions {
		if m.EntityID == entityID && m.Start < sp.End && m.End > sp.Start {
			return true
		}
	}
	return false
}

// pageClaims serves GET /claims?q=…: what is asserted, reported, hedged or
// denied in the articles that match q, grouped by certainty.
func (s *Server) pageClaims(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	p := claimsPage{pageBase: pageBase{Title: "Claims", Query: v.Get("q")}}
	sr, res, err := s.claims(r.Context(), v)
	p.Req, p.claimsResult = sr, res
	if err != nil {
		return s.softError(w, "claims", &p.Error, &p, err)
	}
	return s.renderPage(w, "claims", p)
}

// apiClaims serves GET /api/v1/claims.
func (s *Server) apiClaims(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	if strings.TrimSpace(v.Get("q")) == "" {
		return errorf(http.StatusBadRequest, "q is empty: give words to search for")
	}
	_, res, err := s.claims(r.Context(), v)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// quoteRef is a quotation with the article it is in.
type quoteRef struct {
	veille.Quotation
	ArticleID string `json:"article_id"`
	Title     string `json:"article_title"`
}

// entityResult is the JSON of GET /api/v1/entities/{id} and the entity
// page's data.
type entityResult struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Type     string         `json:"type,omitempty"`
	Articles int            `json:"articles"` // articles found by the name that mention the entity
	Mentions int            `json:"mentions"`
	Days     map[string]int `json:"mentions_per_day"` // "2021-09-15": n, by publication day (UTC)
	Co       []count        `json:"co_mentions"`      // other entities of those articles, "Name · TYPE", most frequent first
	By       []quoteRef     `json:"quotations_by"`
	About    []quoteRef     `json:"quotations_about"` // quotations whose content names it
}

type entityPage struct {
	pageBase
	entityResult
	Timeline template.HTML
	Error    string
}

// entity gathers what the articles found by name (at most exploreLimit)
// say of the entity id.
func (s *Server) entity(ctx context.Context, id, name string) (entityResult, error) {
	if name == "" {
		name = id[strings.LastIndexAny(id, ":/")+1:]
	}
	res := entityResult{ID: id, Name: name, Days: map[string]int{}, Co: []count{}, By: []quoteRef{}, About: []quoteRef{}}
	if strings.TrimSpace(name) == "" {
		return res, errorf(http.StatusBadRequest, "no name to search the entity by: give ?name=")
	}
	v := url.Values{"q": {`"` + strings.ReplaceAll(name, `"`, " ") + `"`}}
	_, fs, err := s.explore(ctx, v)
	if err != nil {
		return res, err
	}
	co := map[string]int{}
	for _, f := range fs {
		var self *veille.Entity
		for i := range f.An.Entities {
			if f.An.Entities[i].ID == id {
				self = &f.An.Entities[i]
			}
		}
		if self == nil {
			continue
		}
		res.Articles++
		res.Type = self.Type
		res.Mentions += len(self.Mentions)
		if !f.Published.IsZero() {
			res.Days[f.Published.Time.UTC().Format("2006-01-02")] += len(self.Mentions)
		}
		for _, e := range f.An.Entities {
			if e.ID != id {
				co[e.Name+" · "+e.Type]++
			}
		}
		title := cmp.Or(f.Title, untitled(f.Text))
		for _, q := range f.An.Quotations {
			switch {
			case q.SpeakerID == id:
				res.By = append(res.By, quoteRef{q, f.ID, title})
			case strings.Contains(strings.ToLower(q.Content), strings.ToLower(name)):
				res.About = append(res.About, quoteRef{q, f.ID, title})
			}
		}
	}
	res.Co = append(res.Co, top(co, 20)...)
	return res, nil
}

// pageEntity serves GET /entities/{id}?name=…: the articles found by the
// entity's name that mention it, its mentions per day, the entities named
// with it, and the quotations by it and about it.
func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) error {
	res, err := s.entity(r.Context(), r.PathValue("id"), strings.TrimSpace(r.URL.Query().Get("name")))
	p := entityPage{pageBase: pageBase{Title: res.Name}, entityResult: res}
	if err != nil {
		return s.softError(w, "entity", &p.Error, &p, err)
	}
	p.Timeline = timeline(res.Days)
	return s.renderPage(w, "entity", p)
}

// apiEntity serves GET /api/v1/entities/{id}.
func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) error {
	res, err := s.entity(r.Context(), r.PathValue("id"), strings.TrimSpace(r.URL.Query().Get("name")))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// timeline draws counts per day ("2006-01-02") as an SVG bar chart from
// the first day to the last; "" when there is no dated count.
func timeline(days map[string]int) template.HTML {
	if len(days) == 0 {
		return ""
	}
	var keys []string
	peak := 0
	for k, n := range days {
		keys = append(keys, k)
		peak = max(peak, n)
	}
	slices.Sort(keys)
	first, _ := time.Parse("2006-01-02", keys[0])
	last, _ := time.Parse("2006-01-02", keys[len(keys)-1])
	span := int(last.Sub(first).Hours()/24) + 1
	const w, h = 600.0, 80.0
	bw := w / float64(span)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline" viewBox="0 0 %g %g" role="img" aria-label="mentions per day from %s to %s">`, w, h+14, keys[0], keys[len(keys)-1])
	for _, k := range keys {
		d, _ := time.Parse("2006-01-02", k)
		x := float64(int(d.Sub(first).Hours()/24)) * bw
		bh := math.Max(1, h*float64(days[k])/float64(peak))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s: %d</title></rect>`,
			x, h-bh, math.Max(bw-0.5, 1), bh, k, days[k])
	}
	fmt.Fprintf(&b, `<text x="0" y="%g">%s</text><text x="%g" y="%g" text-anchor="end">%s</text></svg>`, h+12, keys[0], w, h+12, keys[len(keys)-1])
	return template.HTML(b.String()) // only numbers and dates: nothing from the articles
}
