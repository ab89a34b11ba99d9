package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/store"
	"github.com/veille/veille/internal/store/storetest"
)

// mustOpen opens the database at path (a new one in a temporary directory
// when path is ""), closed when the test ends.
func mustOpen(tb testing.TB, path string) *DB {
	tb.Helper()
	if path == "" {
		path = filepath.Join(tb.TempDir(), "veille.db")
	}
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(t.Context(), filepath.Join(t.TempDir(), "veille.db"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	for _, p := range []string{"", ":memory:", "file:x.db?mode=memory"} {
		if _, err := Open(ctx, p, Options{}); err == nil {
			t.Errorf("Open(%q): no error", p)
		}
	}
	// A path with URI metacharacters is a plain file name.
	path := filepath.Join(t.TempDir(), "a?b#c%d e.db")
	db := mustOpen(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at %s: %v", path, err)
	}
	var mode string
	if err := db.write.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := db.write.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	var busy int
	if err := db.read.QueryRow(`PRAGMA busy_timeout`).Scan(&busy); err != nil || busy != 10000 {
		t.Errorf("busy_timeout = %d, %v; want 10000", busy, err)
	}
	if _, err := db.read.Exec(`DELETE FROM articles`); err == nil {
		t.Error("read connection can write")
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "veille.db")
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}

	// Two processes' worth of Open on a new file at once apply each
	// migration once.
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			db, err := Open(ctx, path, Options{})
			if err == nil {
				err = db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent Open: %v", err)
	}

	db := mustOpen(t, path)
	var n, latest int
	if err := db.read.QueryRow(`SELECT count(*), max(version) FROM migrations`).Scan(&n, &latest); err != nil {
		t.Fatal(err)
	}
	if n != len(ms) || latest != len(ms) {
		t.Errorf("migrations table: %d rows up to version %d, want %d", n, latest, len(ms))
	}

	// A database from a newer program is refused.
	if _, err := db.write.Exec(`INSERT INTO migrations (version, name, applied_at) VALUES (?, 'future.sql', '')`, len(ms)+1); err != nil {
		t.Fatal(err)
	}
	if db2, err := Open(ctx, path, Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		if db2 != nil {
			db2.Close()
		}
		t.Errorf("Open of a newer schema: %v, want an error", err)
	}
}

// TestMigrationUpgrade opens a database left at schema version 1 and checks
// that the later migrations apply and carry its rows along.
func TestMigrationUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "veille.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	v1, err := migrationFS.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
		string(v1),
		`INSERT INTO migrations VALUES (1, '0001_init.sql', '')`,
		`INSERT INTO articles (id, hash, version, published_start, published_end, published_precision, ingested_at, text, stems)
		 VALUES ('old', 'h', 1, 1631664000, 1631750400, 'day', 0, 'un texte ancien', 'un text ancien')`,
		`INSERT INTO articles (id, hash, version, published_start, published_end, published_precision, ingested_at, text, stems, analysis)
		 VALUES ('analysed', 'h2', 1, 1630454400, 1633046400, 'month', 0, 'Wagner au Mali', 'wagn au mali',
		 '{"version":1,"extractors":[],"entities":[{"id":"veille:org/wagner","type":"ORG","name":"Wagner","mentions":[0]},` +
			`{"id":"iso3166:ML","type":"GPE","name":"Mali","country":"ML","mentions":[1]},{"id":"","type":"PER","name":"x","mentions":[]}]}')`,
		`INSERT INTO articles_fts (rowid, title, text, stems) SELECT rowid, title, text, stems FROM articles`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%.40s: %v", q, err)
		}
	}
	raw.Close()

	db := mustOpen(t, path)
	a, _, err := db.Article(ctx, "old")
	if err != nil {
		t.Fatal(err)
	}
	if a.Published.String() != "2021-09-15" {
		t.Errorf("Published after upgrade = %q, want 2021-09-15", a.Published)
	}
	if hits, err := db.Search(ctx, store.SearchQuery{Text: "ancien"}); err != nil || len(hits) != 1 {
		t.Errorf("Search after upgrade = %v, %v", hits, err)
	}
	// 0003 fills the entity index from the stored analyses.
	e, err := db.Entity(ctx, store.EntityQuery{ID: "iso3166:ML"})
	if err != nil || e.Articles != 1 || e.Mentions != 1 || e.Country != "ML" || len(e.Co) != 1 || e.Co[0].ID != "veille:org/wagner" ||
		len(e.Days) != 1 || e.Days[0] != (store.PeriodCount{Day: "2021-09-01", Precision: "month", Articles: 1, Mentions: 1}) {
		t.Errorf("Entity after upgrade = %+v, %v", e, err)
	}
}

// TestTokensMatchFTS5 checks that store.ParseQuery splits words as the
// index's unicode61 tokenizer does.
func TestTokensMatchFTS5(t *testing.T) {
	db := mustOpen(t, "")
	conn, err := db.write.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `
		CREATE VIRTUAL TABLE temp.tok USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2');
		CREATE VIRTUAL TABLE temp.tok_vocab USING fts5vocab (temp, tok, 'instance');`); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"l’accord", "l'accord", "Wagner-group", "a_b", "x:y", "(z)", "10,8", "rock'n'roll", "U.S.",
		"Москва-Сити", "北京市", "C++", "#tag", "@user", "50%", "½", "x²", "aujourd’hui", "ﬁn",
		"İstanbul", "e\u0301te\u0301", "Ǆemal", "a·b", "a\u00a0b", "a\u200bb", "x/y", "«oui»", "N°5",
	} {
		q, err := store.ParseQuery(w)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", w, err)
			continue
		}
		var ours []string
		for _, g := range q.All {
			for _, term := range g {
				ours = append(ours, term.Tokens...)
			}
		}
		if _, err := conn.ExecContext(context.Background(), `DELETE FROM temp.tok; INSERT INTO temp.tok (rowid, x) VALUES (1, ?)`, w); err != nil {
			t.Fatal(err)
		}
		rows, err := conn.QueryContext(context.Background(), `SELECT term FROM temp.tok_vocab ORDER BY offset`)
		if err != nil {
			t.Fatal(err)
		}
		var theirs []string
		for rows.Next() {
			var s string
			rows.Scan(&s)
			theirs = append(theirs, s)
		}
		rows.Close()
		if len(ours) != len(theirs) {
			t.Errorf("%q: ParseQuery tokens %q, FTS5 tokens %q", w, ours, theirs)
		}
	}
}

// TestSearchPlan checks that FTS5 orders the matches itself (no temporary
// b-tree), so that snippets are made for the returned rows only, whatever
// the filters.
func TestSearchPlan(t *testing.T) {
	db := mustOpen(t, "")
	pq, err := store.ParseQuery(`wagner OR "africa corps" -russie`)
	if err != nil {
		t.Fatal(err)
	}
	q := store.SearchQuery{Lang: "fr", Outlet: "X", Since: time.Unix(1, 0), Until: time.Unix(2, 0)}
	query, args := searchSQL(q, pq)
	rows, err := db.read.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if s := strings.Join(plan, "\n"); strings.Contains(s, "TEMP B-TREE") || !strings.Contains(s, "SCAN articles_fts") {
		t.Errorf("search plan:\n%s\nwant articles_fts scanned in rank order, no temporary b-tree", s)
	}
}

// FuzzSearch checks that no query text makes Search fail with anything
// but ErrBadQuery.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		`wagner`, `"groupe wagner" -russie`, `a OR b`, `l’accord`, `Wagner-group`, `NEAR(a b, 2)`,
		`wag* : ( ) { } ^ +`, `"unbalanced`, `-`, `-"x"`, `« a » „b“`, "e\u0301", `a AND NOT OR b`,
	} {
		f.Add(s)
	}
	db := mustOpen(f, "")
	g := newGen(1, "fuzz")
	if _, err := db.Put(context.Background(), g.batch(20, 500)); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := db.Search(context.Background(), store.SearchQuery{Text: s})
		if err != nil && !errors.Is(err, store.ErrBadQuery) {
			t.Fatalf("Search(%q): %v", s, err)
		}
	})
}

// Environment of TestWriterProcess, set by the tests that start it.
const (
	envWriterDB      = "VEILLE_SQLITE_TEST_WRITER_DB"      // database path
	envWriterBatches = "VEILLE_SQLITE_TEST_WRITER_BATCHES" // batches to write; 0 for until killed
)

// writerBatch is the number of articles per Put of the writer process.
const writerBatch = 10

// TestWriterProcess is not a test: it is the writing process of
// TestConcurrentProcesses and TestKilledWriter, started from the test
// binary.
func TestWriterProcess(t *testing.T) {
	path := os.Getenv(envWriterDB)
	if path == "" {
		t.Skip("helper process of TestConcurrentProcesses")
	}
	batches, _ := strconv.Atoi(os.Getenv(envWriterBatches))
	db := mustOpen(t, path)
	g := newGen(int64(os.Getpid()), fmt.Sprintf("proc%d", os.Getpid()))
	for i := 0; batches == 0 || i < batches; i++ {
		if _, err := db.Put(context.Background(), g.batch(writerBatch, 2000)); err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
	}
}

// startWriter starts TestWriterProcess on path.
func startWriter(t *testing.T, path string, batches int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), envWriterDB+"="+path, envWriterBatches+"="+strconv.Itoa(batches))
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// TestConcurrentProcesses writes from another process and from a second
// DB in this one, while this one searches and reads the same file: nobody
// may see "database is locked".
func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	path := filepath.Join(t.TempDir(), "veille.db")
	db := mustOpen(t, path)
	const batches = 40
	cmd := startWriter(t, path, batches)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var errs []error
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	var wg sync.WaitGroup
	// A second writer in this process, on its own connection.
	written := 0
	wg.Go(func() {
		w := mustOpen(t, path)
		g := newGen(2, "local")
		for ctx.Err() == nil {
			if _, err := w.Put(ctx, g.batch(writerBatch, 2000)); err != nil {
				if ctx.Err() == nil {
					fail(fmt.Errorf("local Put: %w", err))
				}
				return
			}
			written += writerBatch
		}
	})
	searches := 0
	for range 2 {
		wg.Go(func() {
			g := newGen(3, "q")
			for ctx.Err() == nil {
				q := g.vocab[10+g.r.Intn(200)] + " OR " + g.vocab[10+g.r.Intn(2000)]
				if _, err := db.Search(ctx, store.SearchQuery{Text: q, Limit: 10}); err != nil && ctx.Err() == nil {
					fail(fmt.Errorf("Search(%q): %w", q, err))
				}
				if _, err := db.Stats(ctx); err != nil && ctx.Err() == nil {
					fail(fmt.Errorf("Stats: %w", err))
				}
				mu.Lock()
				searches++
				mu.Unlock()
			}
		})
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("writer process: %v", err)
		}
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		t.Fatal("writer process did not finish in 2 min")
	}
	cancel()
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	s, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := batches*writerBatch + written; s.Articles != want {
		t.Errorf("Stats.Articles = %d, want %d", s.Articles, want)
	}
	t.Logf("%d articles from the other process, %d from this one, %d searches meanwhile", batches*writerBatch, written, searches)
}

// TestKilledWriter kills a writing process and checks that every Put it
// made is there whole or not at all, and that the full-text index matches
// the articles.
func TestKilledWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	path := filepath.Join(t.TempDir(), "veille.db")
	db := mustOpen(t, path)
	cmd := startWriter(t, path, 0)
	deadline := time.Now().Add(time.Minute)
	for {
		s, err := db.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if s.Articles >= 50 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("writer made fewer than 50 articles in a minute")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	db.Close()

	db = mustOpen(t, path)
	checkConsistent(t, db)
	s, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles%writerBatch != 0 || s.Sources != s.Articles {
		t.Errorf("after kill: %d articles, %d sources; want whole batches of %d with one source each", s.Articles, s.Sources, writerBatch)
	}
}

// checkConsistent runs SQLite's and FTS5's integrity checks and compares
// the index with the articles.
func checkConsistent(t *testing.T, db *DB) {
	t.Helper()
	var ok string
	if err := db.write.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check: %q, %v", ok, err)
	}
	if _, err := db.write.Exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS5 integrity-check: %v", err)
	}
	var articles, indexed int
	if err := db.read.QueryRow(`SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles_fts_docsize)`).Scan(&articles, &indexed); err != nil {
		t.Fatal(err)
	}
	if articles != indexed {
		t.Errorf("%d articles, %d indexed", articles, indexed)
	}
}

func TestConsistentAfterUpdates(t *testing.T) {
	db := mustOpen(t, "")
	g := newGen(4, "upd")
	ctx := context.Background()
	batch := g.batch(30, 800)
	if _, err := db.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	// Update every other article twice.
	for round := range 2 {
		var upd []store.Entry
		for i := 0; i < len(batch); i += 2 {
			e := g.entry(800)
			e.Article.URL, e.Article.Sources = batch[i].Article.URL, batch[i].Article.Sources
			upd = append(upd, e)
		}
		res, err := db.Put(ctx, upd)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Outcome != store.Updated || r.Version != round+2 {
				t.Fatalf("round %d: %+v, want updated to version %d", round, r, round+2)
			}
		}
	}
	checkConsistent(t, db)
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM article_texts`).Scan(&n); err != nil || n != 30+15*2 {
		t.Errorf("article_texts has %d rows, %v; want %d", n, err, 30+15*2)
	}

	// One batch that creates an article and updates it twice, and updates
	// an article of an earlier batch twice: only the last texts are indexed.
	mk := func(url, text string) store.Entry {
		e := g.entry(10)
		e.Article.URL, e.Article.Text, e.Article.Hash = url, text, ""
		e.Article.Sources[0].URL = url
		return e
	}
	old := batch[1].Article.URL
	res, err := db.Put(ctx, []store.Entry{
		mk("https://x.example/new", "zorglub premier"),
		mk("https://x.example/new", "zorglub deuxième"),
		mk(old, "quibble first"),
		mk("https://x.example/new", "zorglub troisième"),
		mk(old, "quibble second"),
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res {
		got = append(got, fmt.Sprintf("%s/%d", r.Outcome, r.Version))
	}
	if want := "new/1 updated/2 updated/2 updated/3 updated/3"; strings.Join(got, " ") != want {
		t.Errorf("outcomes %q, want %q", got, want)
	}
	checkConsistent(t, db)
	for q, want := range map[string]int{"premier": 0, "deuxième": 0, "troisième": 1, "zorglub": 1, "quibble": 1, "first": 0, "second": 1} {
		hits, err := db.Search(ctx, store.SearchQuery{Text: q})
		if err != nil || len(hits) != want {
			t.Errorf("Search(%q) = %d hits, %v; want %d", q, len(hits), err, want)
		}
	}
}

// BenchmarkPut stores new articles (about 3 kB of text each, in French
// and English) with their full-text index, in batches of 1, 10 and 100
// per Put, and reports articles/s and MB/s of Article.Text.
func BenchmarkPut(b *testing.B) {
	for _, batch := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			db := mustOpen(b, "")
			g := newGen(5, "bench")
			// Generate outside the timer.
			entries := g.batch(b.N, 3000)
			var textBytes int64
			for _, e := range entries {
				textBytes += int64(len(e.Article.Text))
			}
			b.SetBytes(textBytes / int64(b.N))
			b.ResetTimer()
			for i := 0; i < len(entries); i += batch {
				if _, err := db.Put(context.Background(), entries[i:min(i+batch, len(entries))]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkSearch searches 5,000 articles for two-word queries.
func BenchmarkSearch(b *testing.B) {
	db := mustOpen(b, "")
	g := newGen(6, "search")
	for range 50 {
		if _, err := db.Put(context.Background(), g.batch(100, 3000)); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		q := g.vocab[10+g.r.Intn(500)] + " " + g.vocab[10+g.r.Intn(5000)]
		if _, err := db.Search(context.Background(), store.SearchQuery{Text: q}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestOpenRefusesForeignDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "other.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE users (name TEXT)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if db, err := Open(ctx, path, Options{}); err == nil || !strings.Contains(err.Error(), "not a veille store") {
		if db != nil {
			db.Close()
		}
		t.Fatalf("Open(foreign) = %v", err)
	}
	raw, _ = sql.Open("sqlite", path)
	defer raw.Close()
	var n int
	raw.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'`).Scan(&n)
	if n != 1 {
		t.Errorf("foreign database now has %d tables, want 1", n)
	}
}

// TestUndecodableAnalysis checks that an analysis that no longer decodes
// (here a date value veille.ParseDate rejects) leaves its article
// readable, without analysis, and is replaced by a full reanalysis.
func TestUndecodableAnalysis(t *testing.T) {
	db := mustOpen(t, "")
	ctx := context.Background()
	g := newGen(1, "bad")
	batch := g.batch(3, 200)
	for _, e := range batch {
		e.Analysis = &veille.Analysis{Version: veille.AnalysisVersion}
	}
	res, err := db.Put(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	bad := res[1].ID
	if _, err := db.write.Exec(`UPDATE articles SET analysis = ? WHERE id = ?`,
		`{"version":5,"dates":[{"start":0,"end":1,"text":"x","value":"0021"}]}`, bad); err != nil {
		t.Fatal(err)
	}
	a, an, err := db.Article(ctx, bad)
	if err != nil || a == nil || a.ID != bad {
		t.Fatalf("Article(%s) = %v, %v", bad, a, err)
	}
	if an != nil {
		t.Errorf("undecodable analysis read as %+v, want none", an)
	}
	if _, good, err := db.Article(ctx, res[0].ID); err != nil || good == nil {
		t.Errorf("neighbour article: analysis %v, err %v", good, err)
	}
	n, err := db.Reanalyze(ctx, 0, func(a *veille.Article) (*veille.Analysis, error) {
		return &veille.Analysis{Version: veille.AnalysisVersion}, nil
	})
	if err != nil || n != len(batch) {
		t.Fatalf("Reanalyze = %d, %v; want %d", n, err, len(batch))
	}
	if _, an, err := db.Article(ctx, bad); err != nil || an == nil || an.Version != veille.AnalysisVersion {
		t.Errorf("after reanalyze: analysis %+v, err %v", an, err)
	}
}
