// Package store defines the persistence contract of veille: how articles,
// their sources and aliases, their versions and their Analysis are written
// and searched. Backends (store/sqlite, later store/postgres) implement
// Store and pass the conformance suite in store/storetest.
//
//	res, err := st.Put(ctx, []store.Entry{{Article: a, Analysis: an}})
//	hits, err := st.Search(ctx, store.SearchQuery{Text: "wagner", Lang: "fr", Limit: 10})
package store

import (
	"context"
	"errors"
	"time"

	"github.com/veille/veille"
)

// ErrNotFound is returned when no article has the ID or alias asked for,
// and when no article mentions the entity asked for.
var ErrNotFound = errors.New("store: not found")

// ErrBadQuery wraps a search query that cannot be compiled; its message
// says why. HTTP maps it to 400.
var ErrBadQuery = errors.New("store: bad query")

// Outcome says what Put did with one entry.
type Outcome string

// Put outcomes.
const (
	// New: a text never seen, stored as a new article.
	New Outcome = "new"
	// Updated: a known URL (or source id) with another text: stored as a
	// new version of the same article; earlier versions are kept.
	Updated Outcome = "updated"
	// Duplicate: the same text (by content hash) is already stored; the
	// entry's URL, source id and outlet are linked to it as another source.
	Duplicate Outcome = "duplicate"
)

// Entry is one article to store with its analysis. The article's Hash,
// Text, and Sources[0] (where it was read from) must be set; ID may be empty,
// in which case the store derives it with veille.ArticleID.
type Entry struct {
	Article  *veille.Article
	Analysis *veille.Analysis
}

// PutResult reports what happened to one Entry.
type PutResult struct {
	ID      string  // the stored article's ID
	Outcome Outcome //
	Version int     // version number now current
}

// SearchQuery is a full-text search with filters. Text uses the user syntax
// parsed by ParseQuery (words, "phrases", OR, -word).
type SearchQuery struct {
	Text   string
	Lang   string    // ISO 639-1; "" for any
	Outlet string    // outlet name, exact but for case; "" for any
	Since  time.Time // inclusive; zero for no bound. A partial date matches when its period overlaps.
	Until  time.Time // exclusive; zero for no bound. Undated articles are left out when Since or Until is set.
	Limit  int       // default 20
	Offset int
	// Marks wrap the matched words in Hit.Snippet; the zero value means
	// Mark. A caller that must tell marks from the text's own brackets
	// (the web UI) passes characters the text does not hold.
	Marks [2]string
}

// Hit is one search result.
type Hit struct {
	ID        string
	Title     string
	Outlet    string
	URL       string
	Published veille.Date
	Lang      string
	Snippet   string  // text around the matches, matches wrapped in Mark[0] and Mark[1]
	Score     float64 // bm25: lower is better, as SQLite reports it; backends document their scale
}

// Facets counts the articles a search matches (all of them, whatever its
// Limit and Offset), in total and by language, outlet and year of
// publication ("2021"; "" for undated and unknown).
type Facets struct {
	Total  int            `json:"total"`
	Lang   map[string]int `json:"lang"`
	Outlet map[string]int `json:"outlet"`
	Year   map[string]int `json:"year"`
}

// Mark is what snippets wrap around matched words.
var Mark = [2]string{"[", "]"}

// Stats summarises the store.
type Stats struct {
	Articles int            `json:"articles"`
	Versions int            `json:"versions"` // stored texts, current and earlier
	Sources  int            `json:"sources"`
	Aliases  int            `json:"aliases"`
	ByLang   map[string]int `json:"by_lang"`
	ByOutlet map[string]int `json:"by_outlet"`
	ByFormat map[string]int `json:"by_format"`
	Analysis map[int]int    `json:"by_analysis_version"`
	Bytes    int64          `json:"text_bytes"` // bytes of Article.Text, current versions
}

// EntityQuery asks for what the store knows of one entity.
type EntityQuery struct {
	ID     string // entity ID with its scheme: "iso3166:ML", "veille:org/wagner"
	Limit  int    // articles to list; default 20
	Offset int    // of the list
	// CoLimit bounds the co-mentioned entities returned; default 20.
	CoLimit int
}

// EntitySummary is what the analyses of every stored article say of one
// entity (Analysis.Entities with its ID).
type EntitySummary struct {
	ID      string `json:"id"`
	Name    string `json:"name"` // the name most articles give it
	Type    string `json:"type"`
	Country string `json:"country,omitempty"`
	// Articles counts the articles that mention it, Mentions its mentions
	// in them, Undated the articles without a publication date.
	Articles int `json:"articles"`
	Mentions int `json:"mentions"`
	Undated  int `json:"undated"`
	// Days counts the dated articles by publication period, oldest first.
	Days []PeriodCount `json:"per_day"`
	// Co lists the other entities named in the same articles, by the
	// number of articles they share with it, most first.
	Co []CoMention `json:"co_mentions"`
	// List is the page of articles asked for, newest first (undated last).
	List []EntityArticle `json:"list"`
}

// PeriodCount counts the mentions of an entity in the articles published
// in one period. Day is the period's first day ("2021-09-15", UTC);
// Precision is "day" for articles dated to the day or the instant, or
// "month" or "year" for articles dated only to the month or year, which
// are counted at the first day of their period.
type PeriodCount struct {
	Day       string           `json:"day"`
	Precision veille.Precision `json:"precision"`
	Articles  int              `json:"articles"`
	Mentions  int              `json:"mentions"`
}

// CoMention is an entity named in articles that name another.
type CoMention struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Articles int    `json:"articles"` // articles naming both
}

// EntityArticle is one article that mentions an entity.
type EntityArticle struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"` // "" when the article has none
	Outlet    string      `json:"outlet,omitempty"`
	Lang      string      `json:"lang,omitempty"`
	Published veille.Date `json:"published,omitzero"`
	Mentions  int         `json:"mentions"` // of the entity in the article
}

// Store is the persistence contract.
type Store interface {
	// Put stores entries in one transaction: all or none. For each entry it
	// decides New, Updated or Duplicate (see Outcome). Putting the same
	// entry twice stores nothing the second time.
	Put(ctx context.Context, entries []Entry) ([]PutResult, error)
	// Article returns the current version of the article whose ID or alias
	// (URL, source id) is idOrAlias, with its Sources and Aliases filled,
	// and its Analysis; ErrNotFound when none.
	Article(ctx context.Context, idOrAlias string) (*veille.Article, *veille.Analysis, error)
	// Search runs a ranked full-text search; ErrBadQuery for a query that
	// cannot be compiled.
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)
	// Facets counts the articles q matches (its Limit and Offset aside);
	// ErrBadQuery as Search.
	Facets(ctx context.Context, q SearchQuery) (Facets, error)
	// Reanalyze calls fn for every stored article whose analysis version is
	// below version (all articles when version <= 0) and stores what fn
	// returns. fn's error stops the run.
	Reanalyze(ctx context.Context, below int, fn func(*veille.Article) (*veille.Analysis, error)) (int, error)
	// Entity summarises what the stored analyses say of the entity q.ID:
	// its articles (the page q asks for), mentions per period and
	// co-mentioned entities; ErrNotFound when no article mentions it.
	Entity(ctx context.Context, q EntityQuery) (EntitySummary, error)
	// Stats summarises the store.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}
