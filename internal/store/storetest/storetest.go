// Package storetest is the conformance suite of store.Store: every backend
// runs it from its own tests, on a fresh empty store per subtest.
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store {
//			db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "v.db"), sqlite.Options{})
//			if err != nil { t.Fatal(err) }
//			return db
//		})
//	}
//
// The texts are small invented news items in French and English.
package storetest

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/store"
)

// Run runs the suite. open must return a new, empty store each time it is
// called; Run closes it when the subtest ends.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	s := suite{open: open}
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"PutNew", s.testPutNew},
		{"ExplicitID", s.testExplicitID},
		{"DuplicateAcrossOutlets", s.testDuplicateAcrossOutlets},
		{"UpdatedKeepsHistory", s.testUpdatedKeepsHistory},
		{"UpdatedBySourceID", s.testUpdatedBySourceID},
		{"Idempotent", s.testIdempotent},
		{"DuplicatesWithinBatch", s.testDuplicatesWithinBatch},
		{"Atomic", s.testAtomic},
		{"Aliases", s.testAliases},
		{"Search", s.testSearch},
		{"Reanalyze", s.testReanalyze},
		{"Entity", s.testEntity},
		{"Stats", s.testStats},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			t.Cleanup(func() {
				if err := st.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tc.fn(t, st)
		})
	}
}

type suite struct {
	open func(t *testing.T) store.Store
}

// seen is the time every invented article was ingested and seen.
var seen = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

// item describes an invented article.
type item struct {
	url, sourceID, outlet, lang, published, title, text string
}

func (it item) article(t *testing.T) *veille.Article {
	t.Helper()
	pub, err := veille.ParseDate(it.published)
	if err != nil {
		t.Fatal(err)
	}
	return &veille.Article{
		Hash:       veille.ContentHash(it.text),
		URL:        it.url,
		Outlet:     it.outlet,
		Published:  pub,
		Lang:       it.lang,
		LangSource: "metadata",
		Title:      it.title,
		Text:       it.text,
		Format:     veille.FormatJSONL,
		IngestedAt: seen,
		Sources: []veille.Source{{
			URL: it.url, SourceID: it.sourceID, Outlet: it.outlet, Published: pub.String(),
			Format: veille.FormatJSONL, Origin: "testdata/corpus.jsonl", SeenAt: seen,
		}},
	}
}

func (it item) entry(t *testing.T) store.Entry {
	t.Helper()
	return store.Entry{Article: it.article(t), Analysis: analysisOf(it.text, 1)}
}

// analysisOf returns a minimal analysis of text at the given version: one
// sentence spanning it.
func analysisOf(text string, version int) *veille.Analysis {
	return &veille.Analysis{
		Version:    version,
		Extractors: []veille.ExtractorRun{{Name: "segment", Version: version}},
		Sentences:  []veille.Span{{Start: 0, End: len(text)}},
	}
}

func put(t *testing.T, st store.Store, entries ...store.Entry) []store.PutResult {
	t.Helper()
	res, err := st.Put(context.Background(), entries)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if len(res) != len(entries) {
		t.Fatalf("Put returned %d results for %d entries", len(res), len(entries))
	}
	return res
}

func wantResult(t *testing.T, got store.PutResult, id string, o store.Outcome, version int) {
	t.Helper()
	if got.ID != id || got.Outcome != o || got.Version != version {
		t.Errorf("PutResult = %+v, want {ID:%s Outcome:%s Version:%d}", got, id, o, version)
	}
}

func get(t *testing.T, st store.Store, idOrAlias string) (*veille.Article, *veille.Analysis) {
	t.Helper()
	a, an, err := st.Article(context.Background(), idOrAlias)
	if err != nil {
		t.Fatalf("Article(%q): %v", idOrAlias, err)
	}
	return a, an
}

func stats(t *testing.T, st store.Store) store.Stats {
	t.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return s
}

// Invented texts.
const (
	textRetrait  = "Le groupe Wagner annonce le retrait de ses mercenaires du nord du pays, après une décennie de présence. L’accord signé à Bamako prévoit un calendrier en trois étapes."
	textRetrait2 = "Le groupe Wagner annonce le retrait de ses mercenaires du nord du pays, après une décennie de présence. L’accord signé à Bamako prévoit un calendrier en quatre étapes, selon un porte-parole."
	textRetrait3 = "Le groupe Wagner dément tout retrait. Un porte-parole évoque une « rumeur » sans fondement."
	textBudget   = "Parliament resumed budget talks on Tuesday; the finance committee expects a vote on peace funding next month."
	textFlood    = "Heavy rain flooded the lower town overnight and the mayor ordered schools closed."
)

func (s suite) testPutNew(t *testing.T, st store.Store) {
	it := item{url: "https://quotidien.example/retrait", outlet: "Le Quotidien", lang: "fr", published: "2021-09-15T23:30:00+02:00", title: "Retrait annoncé", text: textRetrait}
	e := it.entry(t)
	e.Article.Author = "A. Reporter"
	res := put(t, st, e)
	id := veille.ArticleID(it.url, veille.ContentHash(it.text))
	wantResult(t, res[0], id, store.New, 1)

	a, an := get(t, st, id)
	w := e.Article
	if a.ID != id || a.Hash != w.Hash || a.URL != w.URL || a.Outlet != w.Outlet || a.Lang != w.Lang ||
		a.LangSource != w.LangSource || a.Title != w.Title || a.Author != w.Author || a.Text != w.Text ||
		a.Format != w.Format || a.Version != 1 {
		t.Errorf("Article(%s) = %+v\nwant the fields of %+v", id, a, w)
	}
	if !a.Published.Time.Equal(w.Published.Time) || a.Published.Precision != w.Published.Precision ||
		a.Published.String() != "2021-09-15T23:30:00+02:00" {
		t.Errorf("Published = %v, want %v", a.Published, w.Published)
	}
	if !a.IngestedAt.Equal(seen) {
		t.Errorf("IngestedAt = %v, want %v", a.IngestedAt, seen)
	}
	if !reflect.DeepEqual(an, e.Analysis) {
		t.Errorf("Analysis = %+v, want %+v", an, e.Analysis)
	}
	if len(a.Sources) != 1 {
		t.Fatalf("Sources = %+v, want 1", a.Sources)
	}
	src := a.Sources[0]
	if src.URL != it.url || src.Outlet != it.outlet || src.Published != "2021-09-15T23:30:00+02:00" ||
		src.Format != veille.FormatJSONL || src.Origin != "testdata/corpus.jsonl" || !src.SeenAt.Equal(seen) {
		t.Errorf("Source = %+v", src)
	}
	if !slices.Contains(a.Aliases, it.url) || slices.Contains(a.Aliases, id) {
		t.Errorf("Aliases = %q, want the URL and not the ID", a.Aliases)
	}

	// Search hits keep the date as published, offset included.
	if hits := search(t, st, store.SearchQuery{Text: "bamako"}); len(hits) != 1 || hits[0].Published.String() != "2021-09-15T23:30:00+02:00" {
		t.Errorf("hits = %+v, want one published 2021-09-15T23:30:00+02:00", hits)
	}

	// An article without URL gets an ID from its hash.
	res = put(t, st, item{outlet: "Wire", lang: "en", title: "Budget", text: textBudget}.entry(t))
	wantResult(t, res[0], veille.ArticleID("", veille.ContentHash(textBudget)), store.New, 1)
}

func (s suite) testExplicitID(t *testing.T, st store.Store) {
	e := item{url: "https://a.example/1", outlet: "A", lang: "en", text: textFlood}.entry(t)
	e.Article.ID = "custom-1"
	wantResult(t, put(t, st, e)[0], "custom-1", store.New, 1)
	if a, _ := get(t, st, "https://a.example/1"); a.ID != "custom-1" {
		t.Errorf("Article by URL has ID %q, want custom-1", a.ID)
	}
	// The explicit ID resolves a later entry without URL.
	e2 := item{outlet: "A", lang: "en", text: textFlood + " Two people are missing."}.entry(t)
	e2.Article.ID = "custom-1"
	wantResult(t, put(t, st, e2)[0], "custom-1", store.Updated, 2)
}

func (s suite) testDuplicateAcrossOutlets(t *testing.T, st store.Store) {
	a := item{url: "https://quotidien.example/retrait", outlet: "Le Quotidien", lang: "fr", published: "2021-09-15", title: "Retrait", text: textRetrait}
	// Same words, other line breaks and spaces: same content hash.
	b := item{url: "https://sahel.example/news/42", outlet: "Radio Sahel", lang: "fr", published: "2021-09-16", title: "Le retrait", text: "  " + strings.ReplaceAll(textRetrait, ". ", ".\n\n") + "\n"}
	id := veille.ArticleID(a.url, veille.ContentHash(a.text))
	wantResult(t, put(t, st, a.entry(t))[0], id, store.New, 1)
	wantResult(t, put(t, st, b.entry(t))[0], id, store.Duplicate, 1)

	art, _ := get(t, st, b.url)
	if art.ID != id || art.Text != a.text || art.Outlet != a.outlet || art.Title != a.title {
		t.Errorf("Article(%s) = %s %q %q, want the first article unchanged", b.url, art.ID, art.Outlet, art.Title)
	}
	var outlets []string
	for _, src := range art.Sources {
		outlets = append(outlets, src.Outlet)
	}
	sort.Strings(outlets)
	if !reflect.DeepEqual(outlets, []string{"Le Quotidien", "Radio Sahel"}) {
		t.Errorf("source outlets = %q, want both", outlets)
	}
	for _, u := range []string{a.url, b.url} {
		if !slices.Contains(art.Aliases, u) {
			t.Errorf("Aliases = %q, want %s", art.Aliases, u)
		}
	}
	st0 := stats(t, st)
	if st0.Articles != 1 || st0.Versions != 1 || st0.Sources != 2 {
		t.Errorf("Stats = %+v, want 1 article, 1 version, 2 sources", st0)
	}
	// The second outlet finds it by outlet filter.
	hits := search(t, st, store.SearchQuery{Text: "bamako", Outlet: "Radio Sahel"})
	if !reflect.DeepEqual(ids(hits), []string{id}) {
		t.Errorf("search by second outlet = %q, want %s", ids(hits), id)
	}
}

func (s suite) testUpdatedKeepsHistory(t *testing.T, st store.Store) {
	u := "https://quotidien.example/retrait"
	v1 := item{url: u, outlet: "Le Quotidien", lang: "fr", published: "2021-09-15", title: "Retrait", text: textRetrait}
	v2 := v1
	v2.text, v2.title = textRetrait2, "Retrait en quatre étapes"
	v3 := v1
	v3.text, v3.published = textRetrait3, ""
	id := veille.ArticleID(u, veille.ContentHash(v1.text))

	wantResult(t, put(t, st, v1.entry(t))[0], id, store.New, 1)
	wantResult(t, put(t, st, v2.entry(t))[0], id, store.Updated, 2)
	wantResult(t, put(t, st, v3.entry(t))[0], id, store.Updated, 3)

	a, an := get(t, st, u)
	if a.Version != 3 || a.Text != textRetrait3 || a.Hash != veille.ContentHash(textRetrait3) {
		t.Errorf("Article = version %d %q, want version 3 with the third text", a.Version, a.Text)
	}
	if a.Published.String() != "2021-09-15" {
		t.Errorf("Published = %q, want the earlier date kept when the update has none", a.Published)
	}
	if an == nil || an.Sentences[0].End != len(textRetrait3) {
		t.Errorf("Analysis = %+v, want the analysis of the third text", an)
	}
	if s := stats(t, st); s.Articles != 1 || s.Versions != 3 {
		t.Errorf("Stats = %d articles, %d versions; want 1, 3", s.Articles, s.Versions)
	}
	// The index follows the text: "quatre" was only in version 2.
	if hits := search(t, st, store.SearchQuery{Text: "quatre"}); len(hits) != 0 {
		t.Errorf("search for a word of an earlier version = %q, want none", ids(hits))
	}
	if hits := search(t, st, store.SearchQuery{Text: "rumeur"}); !reflect.DeepEqual(ids(hits), []string{id}) {
		t.Errorf("search for a word of the current version = %q, want %s", ids(hits), id)
	}
	// An earlier text seen again, from the same URL or another, changes
	// nothing.
	wantResult(t, put(t, st, v1.entry(t))[0], id, store.Duplicate, 3)
	other := v2
	other.url, other.outlet = "https://sahel.example/news/7", "Radio Sahel"
	wantResult(t, put(t, st, other.entry(t))[0], id, store.Duplicate, 3)
	if a, _ := get(t, st, other.url); a.ID != id || a.Version != 3 || a.Text != textRetrait3 {
		t.Errorf("after earlier texts seen again: %s version %d, want %s version 3 unchanged", a.ID, a.Version, id)
	}
	if s := stats(t, st); s.Versions != 3 {
		t.Errorf("Stats.Versions = %d, want 3", s.Versions)
	}
}

func (s suite) testUpdatedBySourceID(t *testing.T, st store.Store) {
	v1 := item{sourceID: "corpus-7:1042", outlet: "Wire", lang: "en", title: "Flood", text: textFlood}
	v2 := v1
	v2.text = textFlood + " Rescue teams reached the area at dawn."
	id := veille.ArticleID("", veille.ContentHash(v1.text))
	wantResult(t, put(t, st, v1.entry(t))[0], id, store.New, 1)
	wantResult(t, put(t, st, v2.entry(t))[0], id, store.Updated, 2)
	if a, _ := get(t, st, "corpus-7:1042"); a.ID != id || a.Text != v2.text {
		t.Errorf("Article(source id) = %s %q, want %s with the second text", a.ID, a.Text, id)
	}
}

func (s suite) testIdempotent(t *testing.T, st store.Store) {
	batch := func() []store.Entry {
		return []store.Entry{
			item{url: "https://a.example/1", outlet: "A", lang: "fr", text: textRetrait}.entry(t),
			item{url: "https://b.example/2", outlet: "B", lang: "en", text: textBudget}.entry(t),
			item{sourceID: "c-3", outlet: "C", lang: "en", text: textFlood}.entry(t),
		}
	}
	first := put(t, st, batch()...)
	before := stats(t, st)
	second := put(t, st, batch()...)
	for i := range first {
		if first[i].Outcome != store.New {
			t.Errorf("first put %d: %s, want new", i, first[i].Outcome)
		}
		wantResult(t, second[i], first[i].ID, store.Duplicate, 1)
	}
	if after := stats(t, st); !reflect.DeepEqual(before, after) {
		t.Errorf("Stats changed by a repeated Put:\nbefore %+v\nafter  %+v", before, after)
	}
}

func (s suite) testDuplicatesWithinBatch(t *testing.T, st store.Store) {
	u1, u2 := "https://a.example/1", "https://b.example/1"
	res := put(t, st,
		item{url: u1, outlet: "A", lang: "fr", text: textRetrait}.entry(t),
		item{url: u2, outlet: "B", lang: "fr", text: textRetrait}.entry(t),
		item{url: u1, outlet: "A", lang: "fr", text: textRetrait2}.entry(t),
		item{url: u1, outlet: "A", lang: "fr", text: textRetrait2}.entry(t),
		item{url: u2, outlet: "B", lang: "fr", text: textRetrait}.entry(t),
	)
	id := veille.ArticleID(u1, veille.ContentHash(textRetrait))
	want := []struct {
		o store.Outcome
		v int
	}{{store.New, 1}, {store.Duplicate, 1}, {store.Updated, 2}, {store.Duplicate, 2}, {store.Duplicate, 2}}
	for i, w := range want {
		wantResult(t, res[i], id, w.o, w.v)
	}
	if s := stats(t, st); s.Articles != 1 || s.Versions != 2 || s.Sources != 2 {
		t.Errorf("Stats = %+v, want 1 article, 2 versions, 2 sources", s)
	}
}

func (s suite) testAtomic(t *testing.T, st store.Store) {
	good := item{url: "https://a.example/1", outlet: "A", lang: "en", text: textFlood}.entry(t)
	if _, err := st.Put(context.Background(), []store.Entry{good, {Article: nil}}); err == nil {
		t.Error("Put with a nil Article: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := st.Put(ctx, []store.Entry{good}); err == nil {
		t.Error("Put with a cancelled context: no error")
	}
	if s := stats(t, st); s.Articles != 0 || s.Sources != 0 || s.Aliases != 0 {
		t.Errorf("failed Puts stored something: %+v", s)
	}
	if _, _, err := st.Article(context.Background(), "https://a.example/1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article after failed Puts: %v, want ErrNotFound", err)
	}
}

func (s suite) testAliases(t *testing.T, st store.Store) {
	a := item{url: "https://quotidien.example/retrait", sourceID: "q-001", outlet: "Le Quotidien", lang: "fr", text: textRetrait}
	b := item{url: "https://sahel.example/news/42", sourceID: "s-042", outlet: "Radio Sahel", lang: "fr", text: textRetrait}
	res := put(t, st, a.entry(t), b.entry(t))
	id := res[0].ID
	// The second entry's own ID (from its URL) resolves too.
	bID := veille.ArticleID(b.url, veille.ContentHash(b.text))
	for _, name := range []string{id, a.url, a.sourceID, b.url, b.sourceID, bID} {
		art, _, err := st.Article(context.Background(), name)
		if err != nil {
			t.Errorf("Article(%q): %v", name, err)
			continue
		}
		if art.ID != id {
			t.Errorf("Article(%q).ID = %s, want %s", name, art.ID, id)
		}
	}
	art, _ := get(t, st, id)
	for _, al := range []string{a.url, a.sourceID, b.url, b.sourceID} {
		if !slices.Contains(art.Aliases, al) {
			t.Errorf("Aliases = %q, want %q among them", art.Aliases, al)
		}
	}
	for _, name := range []string{"", "https://nowhere.example/", "u0000000000000000"} {
		if _, _, err := st.Article(context.Background(), name); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Article(%q): %v, want ErrNotFound", name, err)
		}
	}
}

func search(t *testing.T, st store.Store, q store.SearchQuery) []store.Hit {
	t.Helper()
	hits, err := st.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return hits
}

func ids(hits []store.Hit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

// The search corpus, by the ID each item gets.
var corpus = map[string]item{
	"fr-mali": {outlet: "Le Quotidien", lang: "fr", published: "2021-09-15", title: "Des mercenaires dans le centre",
		text: "Selon des sources diplomatiques, un millier de mercenaires du groupe Wagner seraient arrivés. L’accord de coopération a été signé après une décennie de présence étrangère."},
	"fr-niger": {outlet: "Radio Sahel", lang: "fr", published: "2021", title: "Accord de paix",
		text: "Un accord de paix a été conclu entre les parties. Le ministre évoque une paix durable et des élections."},
	"en-war": {outlet: "Daily Ledger", lang: "en", published: "2023-02", title: "Two conflicts, one decade",
		text: "The wars of the past decade have left the region exhausted, a mercenary commander told reporters. The Wagner group denied it."},
	"en-undated": {outlet: "Daily Ledger", lang: "en", title: "Budget talks",
		text: "Parliament resumed budget talks on peace funding and regional elections."},
	"fr-title": {outlet: "Le Quotidien", lang: "fr", published: "2022-03-10", title: "Wagner",
		text: "Le texte ne parle que de logistique, de carburant et de convois."},
	// Two texts of the same length and language that mention "sécheresse",
	// one in its title.
	"fr-drought-title": {outlet: "Le Quotidien", lang: "fr", title: "La sécheresse s’étend",
		text: "Les éleveurs du nord déplacent leurs troupeaux vers le fleuve depuis des semaines."},
	"fr-drought-text": {outlet: "Le Quotidien", lang: "fr", title: "Les éleveurs inquiets",
		text: "Les éleveurs du nord déplacent leurs troupeaux vers le fleuve : la sécheresse s’étend."},
}

func (s suite) testSearch(t *testing.T, st store.Store) {
	var entries []store.Entry
	for id, it := range corpus {
		e := it.entry(t)
		e.Article.ID = id
		entries = append(entries, e)
	}
	put(t, st, entries...)
	ctx := context.Background()

	for _, tc := range []struct {
		name, text string
		want       []string // in any order
	}{
		{"word", "bamako OR élections", []string{"fr-niger", "en-undated"}},
		{"diacritics folded", "decennie", []string{"fr-mali"}},
		{"upper case", "DÉCENNIE", []string{"fr-mali"}},
		{"diacritics typed", "étrangere", []string{"fr-mali"}},
		{"french stem", "mercenaire", []string{"fr-mali"}},
		{"english stem", "war", []string{"en-war"}},
		{"stem of title", "conflict", []string{"en-war"}},
		{"phrase", `"accord de paix"`, []string{"fr-niger"}},
		{"phrase is exact", `"mercenaire"`, []string{}},
		{"phrase folds diacritics", `"decennie de presence"`, []string{"fr-mali"}},
		{"and", "wagner mercenaires", []string{"fr-mali"}},
		{"or", "niger OR budget OR convois", []string{"fr-title", "en-undated"}},
		{"or binds tighter", "paix OR peace élections", []string{"fr-niger", "en-undated"}},
		{"not", "wagner -mercenaires", []string{"fr-title", "en-war"}},
		{"not phrase", `accord -"accord de paix"`, []string{"fr-mali"}},
		{"typographic apostrophe", "l’accord", []string{"fr-mali"}},
		{"ascii apostrophe", "l'accord", []string{"fr-mali"}},
		{"hyphen", "Wagner-group", []string{"en-war"}},
		{"fts5 syntax is text", `wagner* (group:`, []string{"en-war", "fr-mali"}}, // groupe → group
		{"keyword as word", `AND`, []string{"en-undated"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits := search(t, st, store.SearchQuery{Text: tc.text})
			got := ids(hits)
			sort.Strings(got)
			want := slices.Clone(tc.want)
			sort.Strings(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Search(%q) = %q, want %q", tc.text, got, want)
			}
		})
	}

	t.Run("never a syntax error", func(t *testing.T) {
		for _, q := range []string{
			`l’accord*`, `NEAR(wagner`, `"unbalanced`, `wagner:`, `(mali`, `AND`, `NOT wagner`, `wagner OR`,
			`*wagner*`, `-wagner wagner`, `title:wagner`, `^wagner`, `wagner"`, `{title}: x`, `a + b`,
			`"a" "b`, `wagner -`, `OR OR wagner`, `rock'n'roll`, `5,2 %`, `@#$ wagner`, "e\u0301te\u0301",
			`"""wagner`, `\"wagner\"`, `wagner AND OR NOT`, `Москва`, `北京`, `wagner NEAR/2 group`,
		} {
			if _, err := st.Search(ctx, store.SearchQuery{Text: q}); err != nil {
				t.Errorf("Search(%q): %v", q, err)
			}
		}
	})

	t.Run("bad query", func(t *testing.T) {
		for _, q := range []string{"", "   ", "-wagner", `-"groupe wagner"`, "* : ()", "OR"} {
			if _, err := st.Search(ctx, store.SearchQuery{Text: q}); !errors.Is(err, store.ErrBadQuery) {
				t.Errorf("Search(%q): %v, want ErrBadQuery", q, err)
			}
		}
	})

	t.Run("title ranks first", func(t *testing.T) {
		hits := search(t, st, store.SearchQuery{Text: "sécheresse"})
		if got := ids(hits); !reflect.DeepEqual(got, []string{"fr-drought-title", "fr-drought-text"}) {
			t.Errorf("Search(sécheresse) = %q, want the title match first", got)
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score < hits[i-1].Score {
				t.Errorf("scores not ascending: %v then %v", hits[i-1].Score, hits[i].Score)
			}
		}
	})

	t.Run("hit fields", func(t *testing.T) {
		hits := search(t, st, store.SearchQuery{Text: "décennie"})
		if len(hits) != 1 {
			t.Fatalf("hits = %q", ids(hits))
		}
		h, it := hits[0], corpus["fr-mali"]
		if h.ID != "fr-mali" || h.Title != it.title || h.Outlet != it.outlet || h.Lang != "fr" ||
			h.Published.String() != "2021-09-15" || h.Published.Precision != veille.PrecisionDay {
			t.Errorf("hit = %+v", h)
		}
		if mark := store.Mark[0] + "décennie" + store.Mark[1]; !strings.Contains(h.Snippet, mark) {
			t.Errorf("Snippet = %q, want it to contain %q", h.Snippet, mark)
		}
		marks := [2]string{"\ue000", "\ue001"}
		hits = search(t, st, store.SearchQuery{Text: "décennie", Marks: marks})
		if len(hits) != 1 || !strings.Contains(hits[0].Snippet, marks[0]+"décennie"+marks[1]) {
			t.Errorf("Snippet with Marks %q = %+v", marks, hits)
		}
	})

	t.Run("lang", func(t *testing.T) {
		if got := ids(search(t, st, store.SearchQuery{Text: "wagner", Lang: "en"})); !reflect.DeepEqual(got, []string{"en-war"}) {
			t.Errorf("Lang en: %q", got)
		}
	})

	t.Run("outlet", func(t *testing.T) {
		if got := ids(search(t, st, store.SearchQuery{Text: "accord", Outlet: "Radio Sahel"})); !reflect.DeepEqual(got, []string{"fr-niger"}) {
			t.Errorf("Outlet Radio Sahel: %q", got)
		}
	})

	all := "wagner OR accord OR budget OR paix"
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		name         string
		since, until string
		want         []string
	}{
		{"no bounds include undated", "", "", []string{"en-undated", "en-war", "fr-mali", "fr-niger", "fr-title"}},
		{"year overlaps month", "2021-06-01", "2021-07-01", []string{"fr-niger"}},
		{"day inside", "2021-09-15", "2021-09-16", []string{"fr-mali", "fr-niger"}},
		{"since is inclusive, a day ends at midnight", "2021-09-16", "2021-12-31", []string{"fr-niger"}},
		{"until is exclusive", "2021-01-01", "2021-09-15", []string{"fr-niger"}},
		{"since only", "2023-01-01", "", []string{"en-war"}},
		{"until only", "", "2022-01-01", []string{"fr-mali", "fr-niger"}},
		{"month overlaps", "2023-02-28", "2023-03-01", []string{"en-war"}},
	} {
		t.Run("dates/"+tc.name, func(t *testing.T) {
			q := store.SearchQuery{Text: all, Limit: 100}
			if tc.since != "" {
				q.Since = day(tc.since)
			}
			if tc.until != "" {
				q.Until = day(tc.until)
			}
			got := ids(search(t, st, q))
			sort.Strings(got)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("[%s, %s): %q, want %q", tc.since, tc.until, got, tc.want)
			}
		})
	}

	t.Run("facets", func(t *testing.T) {
		for _, q := range []store.SearchQuery{{Text: all}, {Text: "wagner"}, {Text: all, Lang: "fr"}, {Text: "nothingmatches"},
			{Text: all, Since: day("2021-09-01"), Until: day("2021-10-01")}} {
			f, err := st.Facets(ctx, q)
			if err != nil {
				t.Fatalf("Facets(%+v): %v", q, err)
			}
			q.Limit = 1000
			hits := search(t, st, q)
			lang := map[string]int{}
			outlet := map[string]int{}
			year := map[string]int{}
			for _, h := range hits {
				lang[h.Lang]++
				outlet[h.Outlet]++
				if h.Published.IsZero() {
					year[""]++
				} else {
					year[h.Published.Time.UTC().Format("2006")]++
				}
			}
			if f.Total != len(hits) || !reflect.DeepEqual(f.Lang, lang) || !reflect.DeepEqual(f.Outlet, outlet) || !reflect.DeepEqual(f.Year, year) {
				t.Errorf("Facets(%q) = %+v, want the counts of its %d hits: %v %v %v", q.Text, f, len(hits), lang, outlet, year)
			}
		}
		if _, err := st.Facets(ctx, store.SearchQuery{Text: "-wagner"}); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Facets(-wagner): %v, want ErrBadQuery", err)
		}
	})

	t.Run("limit and offset", func(t *testing.T) {
		full := ids(search(t, st, store.SearchQuery{Text: all}))
		if len(full) != 5 {
			t.Fatalf("all = %q", full)
		}
		var paged []string
		for off := 0; off < 6; off += 2 {
			paged = append(paged, ids(search(t, st, store.SearchQuery{Text: all, Limit: 2, Offset: off}))...)
		}
		if !reflect.DeepEqual(paged, full) {
			t.Errorf("pages of 2 = %q, want %q", paged, full)
		}
	})
}

func (s suite) testReanalyze(t *testing.T, st store.Store) {
	texts := []string{textRetrait, textBudget, textFlood, textRetrait3}
	versions := []int{1, 1, 2, 0} // 0: no analysis
	var entries []store.Entry
	for i, text := range texts {
		e := item{url: "https://a.example/" + string(rune('a'+i)), outlet: "A", lang: "en", text: text}.entry(t)
		e.Analysis = nil
		if versions[i] > 0 {
			e.Analysis = analysisOf(text, versions[i])
		}
		entries = append(entries, e)
	}
	res := put(t, st, entries...)
	ctx := context.Background()

	var seenTexts []string
	n, err := st.Reanalyze(ctx, 2, func(a *veille.Article) (*veille.Analysis, error) {
		if len(a.Sources) == 0 {
			t.Errorf("article %s passed without Sources", a.ID)
		}
		seenTexts = append(seenTexts, a.Text)
		return analysisOf(a.Text, 2), nil
	})
	if err != nil || n != 3 {
		t.Fatalf("Reanalyze(2) = %d, %v; want 3, nil", n, err)
	}
	sort.Strings(seenTexts)
	want := []string{textRetrait, textBudget, textRetrait3}
	sort.Strings(want)
	if !reflect.DeepEqual(seenTexts, want) {
		t.Errorf("Reanalyze(2) visited %q, want the articles below version 2", seenTexts)
	}
	for i, r := range res {
		_, an := get(t, st, r.ID)
		if an == nil || an.Version != 2 || an.Sentences[0].End != len(texts[i]) {
			t.Errorf("article %d analysis after Reanalyze = %+v, want version 2", i, an)
		}
	}
	if s := stats(t, st); !reflect.DeepEqual(s.Analysis, map[int]int{2: 4}) {
		t.Errorf("Stats.Analysis = %v, want all at version 2", s.Analysis)
	}
	if n, err := st.Reanalyze(ctx, 2, func(a *veille.Article) (*veille.Analysis, error) {
		t.Errorf("fn called for %s, already at version 2", a.ID)
		return nil, nil
	}); err != nil || n != 0 {
		t.Errorf("second Reanalyze(2) = %d, %v; want 0, nil", n, err)
	}

	// below <= 0 visits everything; fn's error stops the run and what was
	// done before it is kept.
	boom := errors.New("boom")
	calls := 0
	n, err = st.Reanalyze(ctx, 0, func(a *veille.Article) (*veille.Analysis, error) {
		calls++
		if calls == 3 {
			return nil, boom
		}
		return analysisOf(a.Text, 3), nil
	})
	if !errors.Is(err, boom) || n != 2 || calls != 3 {
		t.Errorf("Reanalyze(0) with failing fn = %d, %v after %d calls; want 2, boom, 3", n, err, calls)
	}
	if s := stats(t, st); !reflect.DeepEqual(s.Analysis, map[int]int{2: 2, 3: 2}) {
		t.Errorf("Stats.Analysis = %v, want 2 at version 3 and 2 at version 2", s.Analysis)
	}
}

// withEntities returns analysisOf(text, 1) naming the entities given as
// ID, type, name and number of mentions.
func withEntities(text string, es ...veille.Entity) *veille.Analysis {
	an := analysisOf(text, 1)
	for _, e := range es {
		n := len(e.Mentions)
		e.Mentions = nil
		for range n {
			e.Mentions = append(e.Mentions, len(an.Mentions))
			an.Mentions = append(an.Mentions, veille.Mention{Span: veille.Span{Start: 0, End: 1}, Text: e.Name, Type: e.Type, EntityID: e.ID})
		}
		an.Entities = append(an.Entities, e)
	}
	return an
}

func entity(id, typ, name string, mentions int) veille.Entity {
	return veille.Entity{ID: id, Type: typ, Name: name, Mentions: make([]int, mentions)}
}

func (s suite) testEntity(t *testing.T, st store.Store) {
	ctx := context.Background()
	const wagner, mali, diop = "veille:org/wagner", "iso3166:ML", "veille:per/diop"
	day := item{url: "https://a.example/day", outlet: "A", lang: "fr", published: "2021-09-15T23:30:00+02:00", title: "Retrait", text: textRetrait}.entry(t)
	day.Analysis = withEntities(textRetrait, entity(wagner, "ORG", "groupe Wagner", 2), entity(mali, "GPE", "Mali", 1))
	month := item{url: "https://a.example/month", outlet: "B", lang: "fr", published: "2021-09", title: "Démenti", text: textRetrait3}.entry(t)
	month.Analysis = withEntities(textRetrait3, entity(wagner, "ORG", "groupe Wagner", 1), entity(diop, "PER", "Abdoulaye Diop", 1), entity("", "PER", "un porte-parole", 1))
	undated := item{url: "https://a.example/undated", outlet: "C", lang: "en", text: textBudget}.entry(t)
	undated.Analysis = withEntities(textBudget, entity(wagner, "ORG", "Wagner", 1), entity(mali, "GPE", "Mali", 1))
	other := item{url: "https://a.example/other", outlet: "C", lang: "en", published: "2021-10-01", text: textFlood}.entry(t)
	other.Analysis = withEntities(textFlood, entity(mali, "GPE", "Mali", 3))
	res := put(t, st, day, month, undated, other)

	got, err := st.Entity(ctx, store.EntityQuery{ID: wagner})
	if err != nil {
		t.Fatalf("Entity(%s): %v", wagner, err)
	}
	if got.ID != wagner || got.Name != "groupe Wagner" || got.Type != "ORG" || got.Articles != 3 || got.Mentions != 4 || got.Undated != 1 {
		t.Errorf("Entity(%s) = %+v, want groupe Wagner, ORG, 3 articles, 4 mentions, 1 undated", wagner, got)
	}
	wantDays := []store.PeriodCount{
		{Day: "2021-09-01", Precision: veille.PrecisionMonth, Articles: 1, Mentions: 1},
		{Day: "2021-09-15", Precision: veille.PrecisionDay, Articles: 1, Mentions: 2},
	}
	if !reflect.DeepEqual(got.Days, wantDays) {
		t.Errorf("Days = %+v, want %+v", got.Days, wantDays)
	}
	wantCo := []store.CoMention{{ID: mali, Name: "Mali", Type: "GPE", Articles: 2}, {ID: diop, Name: "Abdoulaye Diop", Type: "PER", Articles: 1}}
	if !reflect.DeepEqual(got.Co, wantCo) {
		t.Errorf("Co = %+v, want %+v", got.Co, wantCo)
	}
	var list []string
	for _, a := range got.List {
		list = append(list, a.ID)
	}
	if want := []string{res[0].ID, res[1].ID, res[2].ID}; !reflect.DeepEqual(list, want) {
		t.Errorf("List = %v, want newest first, undated last: %v", list, want)
	}
	if len(got.List) > 0 && (got.List[0].Title != "Retrait" || got.List[0].Outlet != "A" || got.List[0].Mentions != 2 || got.List[0].Published.String() != "2021-09-15T23:30:00+02:00") {
		t.Errorf("List[0] = %+v", got.List[0])
	}
	page, err := st.Entity(ctx, store.EntityQuery{ID: wagner, Limit: 1, Offset: 1, CoLimit: 1})
	if err != nil || len(page.List) != 1 || page.List[0].ID != res[1].ID || len(page.Co) != 1 || page.Articles != 3 {
		t.Errorf("Entity page 2 of 1 = %+v, %v; want the month-dated article, 1 co-mention, 3 articles in all", page, err)
	}
	if m, err := st.Entity(ctx, store.EntityQuery{ID: mali}); err != nil || m.Articles != 3 || m.Mentions != 5 || m.Country != "" {
		t.Errorf("Entity(%s) = %+v, %v; want 3 articles, 5 mentions", mali, m, err)
	}
	for _, id := range []string{"ML", "veille:org/nobody", ""} {
		if _, err := st.Entity(ctx, store.EntityQuery{ID: id}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Entity(%q) error = %v, want ErrNotFound", id, err)
		}
	}

	// A duplicate changes nothing; an update replaces the article's rows.
	dup := item{url: "https://b.example/copy", outlet: "D", lang: "fr", text: textRetrait}.entry(t)
	put(t, st, dup)
	upd := item{url: "https://a.example/day", outlet: "A", lang: "fr", published: "2021-09-16", title: "Retrait", text: textRetrait2}.entry(t)
	upd.Analysis = withEntities(textRetrait2, entity(mali, "GPE", "Mali", 1))
	if r := put(t, st, upd); r[0].Outcome != store.Updated {
		t.Fatalf("update: %+v", r[0])
	}
	if got, err := st.Entity(ctx, store.EntityQuery{ID: wagner}); err != nil || got.Articles != 2 || got.Mentions != 2 {
		t.Errorf("Entity(%s) after update = %+v, %v; want 2 articles, 2 mentions", wagner, got, err)
	}
	if got, err := st.Entity(ctx, store.EntityQuery{ID: mali}); err != nil || got.Articles != 3 || len(got.Days) == 0 || got.Days[len(got.Days)-1].Day != "2021-10-01" {
		t.Errorf("Entity(%s) after update = %+v, %v; want 3 articles", mali, got, err)
	}

	// Reanalyze replaces the rows of every article it rewrites.
	n, err := st.Reanalyze(ctx, 0, func(a *veille.Article) (*veille.Analysis, error) {
		if a.ID == res[3].ID {
			return nil, nil
		}
		return withEntities(a.Text, entity(diop, "PER", "Abdoulaye Diop", 1)), nil
	})
	if err != nil || n != 4 {
		t.Fatalf("Reanalyze = %d, %v", n, err)
	}
	if _, err := st.Entity(ctx, store.EntityQuery{ID: wagner}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Entity(%s) after Reanalyze: %v, want ErrNotFound", wagner, err)
	}
	if got, err := st.Entity(ctx, store.EntityQuery{ID: diop}); err != nil || got.Articles != 3 || len(got.Co) != 0 {
		t.Errorf("Entity(%s) after Reanalyze = %+v, %v; want 3 articles, no co-mention", diop, got, err)
	}
}

func (s suite) testStats(t *testing.T, st store.Store) {
	if s := stats(t, st); s.Articles != 0 || s.Versions != 0 || s.Sources != 0 || s.Bytes != 0 {
		t.Errorf("empty store Stats = %+v", s)
	}
	a := item{url: "https://a.example/1", outlet: "A", lang: "fr", text: textRetrait}
	a2 := a
	a2.text = textRetrait2
	b := item{url: "https://b.example/1", outlet: "B", lang: "fr", text: textRetrait}
	c := item{sourceID: "c-1", outlet: "C", lang: "en", text: textBudget}
	put(t, st, a.entry(t), a2.entry(t), b.entry(t), c.entry(t))
	got := stats(t, st)
	want := store.Stats{
		Articles: 2,
		Versions: 3,
		Sources:  3,
		// a: ID, URL, b's ID, b's URL; c: ID, source id.
		Aliases:  6,
		ByLang:   map[string]int{"fr": 1, "en": 1},
		ByOutlet: map[string]int{"A": 1, "C": 1},
		ByFormat: map[string]int{"jsonl": 2},
		Analysis: map[int]int{1: 2},
		Bytes:    int64(len(textRetrait2) + len(textBudget)),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats =\n%+v\nwant\n%+v", got, want)
	}
}
