package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/store"
)

// The map and claims pages gather what the extractors found in the
// articles a search returns (at most exploreLimit of them, best first),
// and say so. The entity page reads the store's entity index instead
// (Store.Entity), which counts every stored article.
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
	// A place's link finds it under every name the articles give it
	// ("Uganda", "Ouganda").
	forms := map[string][]string{}
	for _, pl := range places {
		k := cmp.Or(pl.ID, pl.Name)
		for _, f := range []string{pl.Name, pl.Text} {
			if f = strings.TrimSpace(f); f != "" && !slices.Contains(forms[k], f) {
				forms[k] = append(forms[k], f)
			}
		}
	}
	p.Dots = placeDots(places, func(pl veille.Place) string { return placeSearch(sr, forms[cmp.Or(pl.ID, pl.Name)]) })
	return s.renderPage(w, "map", p)
}

// placeSearch returns the search page of the articles that match sr and
// name the place: sr's words and filters, and the place's names as
// phrases joined by OR (OR binds tighter than the implicit AND, so the
// phrases narrow the whole query).
func placeSearch(sr searchRequest, names []string) string {
	var phrases []string
	for _, n := range names {
		phrases = append(phrases, `"`+strings.ReplaceAll(n, `"`, " ")+`"`)
	}
	v := url.Values{"q": {strings.TrimSpace(sr.Text + " " + strings.Join(phrases, " OR "))}}
	for k, x := range map[string]string{"lang": sr.Lang, "outlet": sr.Outlet, "since": sr.Since, "until": sr.Until} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return "/search?" + v.Encode()
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
	Text     string `json:"query"`
	Limit    int    `json:"limit"`    // the best-ranked hits looked at
	Articles int    `json:"articles"` // articles searched (at most Limit)
	// Extracted counts the articles searched whose analysis ran the claims
	// extractor: when it is 0, an empty Groups says nothing of the
	// articles.
	Extracted int          `json:"extracted"`
	Groups    []claimGroup `json:"groups"` // by certainty, strongest first
}

type claimsPage struct {
	pageBase
	claimsResult
	Req   searchRequest
	Error string
}

// claimsExtractor is the name under which the claims extractor records
// its runs in Analysis.Extractors.
const claimsExtractor = "claims"

// certaintyOrder lists the certainty labels as the claims page groups
// them: strongest first, in the precedence of ../shared/EVAL.md (denied >
// questioned > hedged > future > opinion > reported > asserted), so that
// what is contested comes before the outlets' own plain statements.
var certaintyOrder = []string{veille.CertaintyDenied, veille.CertaintyQuestioned, veille.CertaintyHedged,
	veille.CertaintyFuture, veille.CertaintyOpinion, veille.CertaintyReported, veille.CertaintyAsserted}

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
	res.Articles, res.Limit = len(fs), sr.Limit
	groups := map[string][]claimRef{}
	for _, f := range fs {
		if f.An.Ran(claimsExtractor) || len(f.An.Claims) > 0 {
			res.Extracted++
		}
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

// entityArticle is one article of an entity's list.
type entityArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet,omitempty"`
	Lang      string `json:"lang,omitempty"`
	Published string `json:"published,omitempty"`
	Mentions  int    `json:"mentions"`
}

// entityResult is the JSON of GET /api/v1/entities/{id} and the entity
// page's data: the store's summary over every stored article, and the
// quotations of the articles listed.
type entityResult struct {
	ID       string              `json:"id"`
	Name     string              `json:"name"`
	Type     string              `json:"type,omitempty"`
	Country  string              `json:"country,omitempty"`
	Articles int                 `json:"articles"` // stored articles that mention it
	Mentions int                 `json:"mentions"`
	Undated  int                 `json:"undated"`          // articles without a publication date
	Days     []store.PeriodCount `json:"mentions_per_day"` // by period of publication (UTC), oldest first
	Co       []store.CoMention   `json:"co_mentions"`      // other entities of those articles, most shared first
	Limit    int                 `json:"limit"`
	Offset   int                 `json:"offset"`
	List     []entityArticle     `json:"list"` // the page of articles asked for, newest first
	By       []quoteRef          `json:"quotations_by"`
	About    []quoteRef          `json:"quotations_about"` // quotations whose content names it
}

type entityPage struct {
	pageBase
	entityResult
	Timeline template.HTML
	Prev     string // URL of the previous page of articles; "" on the first
	Next     string
	Error    string
}

// entity reads the summary of entity id from the store, with the page of
// articles v's limit and offset ask for, and gathers the quotations by and
// about it in those articles.
func (s *Server) entity(ctx context.Context, id string, v url.Values) (entityResult, error) {
	res := entityResult{ID: id, Name: id, Days: []store.PeriodCount{}, Co: []store.CoMention{}, List: []entityArticle{},
		By: []quoteRef{}, About: []quoteRef{}}
	var err error
	if res.Limit, err = intParam(v, "limit", defaultLimit, 1, maxLimit); err != nil {
		return res, err
	}
	if res.Offset, err = intParam(v, "offset", 0, 0, maxOffset); err != nil {
		return res, err
	}
	sum, err := s.st.Entity(ctx, store.EntityQuery{ID: id, Limit: res.Limit, Offset: res.Offset})
	if errors.Is(err, store.ErrNotFound) {
		return res, errorf(http.StatusNotFound, "no stored article mentions the entity %q", id)
	}
	if err != nil {
		return res, err
	}
	res.Name, res.Type, res.Country = cmp.Or(sum.Name, id), sum.Type, sum.Country
	res.Articles, res.Mentions, res.Undated = sum.Articles, sum.Mentions, sum.Undated
	res.Days, res.Co = sum.Days, sum.Co
	name := strings.ToLower(res.Name)
	for _, ea := range sum.List {
		a, an, err := s.st.Article(ctx, ea.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue // deleted since
		}
		if err != nil {
			return res, err
		}
		title := cmp.Or(ea.Title, untitled(a.Text))
		res.List = append(res.List, entityArticle{ID: ea.ID, Title: title, Outlet: ea.Outlet, Lang: ea.Lang,
			Published: ea.Published.String(), Mentions: ea.Mentions})
		if an == nil {
			continue
		}
		for _, q := range an.Quotations {
			switch {
			case q.SpeakerID == id:
				res.By = append(res.By, quoteRef{q, a.ID, title})
			case name != "" && strings.Contains(strings.ToLower(q.Content), name):
				res.About = append(res.About, quoteRef{q, a.ID, title})
			}
		}
	}
	return res, nil
}

// pageEntity serves GET /entities/{id}: every stored article that
// mentions the entity (paged, newest first), its mentions per day, the
// entities named with it, and the quotations by it and about it in the
// articles listed.
func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	res, err := s.entity(r.Context(), r.PathValue("id"), v)
	p := entityPage{pageBase: pageBase{Title: res.Name}, entityResult: res}
	if err != nil {
		return s.softError(w, "entity", &p.Error, &p, err)
	}
	p.Timeline = timeline(res.Days)
	page := func(off int) string {
		return entityURL(res.ID) + "?" + url.Values{"offset": {fmt.Sprint(off)}, "limit": {fmt.Sprint(res.Limit)}}.Encode()
	}
	if res.Offset > 0 {
		p.Prev = page(max(res.Offset-res.Limit, 0))
	}
	if res.Offset+len(res.List) < res.Articles && len(res.List) == res.Limit {
		p.Next = page(res.Offset + res.Limit)
	}
	return s.renderPage(w, "entity", p)
}

// apiEntity serves GET /api/v1/entities/{id}.
func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) error {
	res, err := s.entity(r.Context(), r.PathValue("id"), r.URL.Query())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// timeline draws mentions per period as an SVG bar chart from the first
// day to the last; "" when there is no dated count. A period coarser than
// a day (an article dated to the month or year) is drawn at its first day,
// in grey (class "coarse"), and says so in its tooltip.
func timeline(days []store.PeriodCount) template.HTML {
	if len(days) == 0 {
		return ""
	}
	peak := 0
	byDay := map[string]int{} // bars stack the periods that start on one day
	for _, d := range days {
		byDay[d.Day] += d.Mentions
		peak = max(peak, byDay[d.Day])
	}
	first, _ := time.Parse("2006-01-02", days[0].Day)
	last, _ := time.Parse("2006-01-02", days[len(days)-1].Day)
	span := int(last.Sub(first).Hours()/24) + 1
	const w, h = 600.0, 80.0
	bw := w / float64(span)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="timeline" viewBox="0 0 %g %g" role="img" aria-label="mentions per day from %s to %s">`, w, h+14, days[0].Day, days[len(days)-1].Day)
	base := map[string]float64{}
	for _, d := range days {
		t, _ := time.Parse("2006-01-02", d.Day)
		x := float64(int(t.Sub(first).Hours()/24)) * bw
		bh := math.Max(1, h*float64(d.Mentions)/float64(peak))
		y := h - base[d.Day] - bh
		base[d.Day] += bh
		label, class := d.Day, ""
		if d.Precision != veille.PrecisionDay && d.Precision != "" {
			label, class = d.Day[:7]+" (dated to the month only)", ` class="coarse"`
			if d.Precision == veille.PrecisionYear {
				label = d.Day[:4] + " (dated to the year only)"
			}
		}
		fmt.Fprintf(&b, `<rect%s x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s: %d %s in %d %s</title></rect>`,
			class, x, y, math.Max(bw-0.5, 1), bh, label, d.Mentions, plural(d.Mentions, "mention", "mentions"), d.Articles, plural(d.Articles, "article", "articles"))
	}
	fmt.Fprintf(&b, `<text x="0" y="%g">%s</text><text x="%g" y="%g" text-anchor="end">%s</text></svg>`, h+12, days[0].Day, w, h+12, days[len(days)-1].Day)
	return template.HTML(b.String()) // only numbers and dates: nothing from the articles
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// entityURL is the page of an entity.
func entityURL(id string) string { return "/entities/" + url.PathEscape(id) }
