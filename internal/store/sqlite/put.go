package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
	"github.com/veille/veille/internal/store"
)

// Put stores entries in one transaction: all of them or, on error, none.
// For each entry, in order (so that entries of one call can duplicate or
// update each other):
//
//   - The entry is resolved to a stored article by its URL (Article.URL,
//     else Sources[0].URL) or, when it has none, by Sources[0].SourceID, as
//     aliases; failing that, by its ID (Article.ID, else veille.ArticleID of
//     the URL and hash).
//   - Resolved, and the entry's hash is the article's current text or one
//     of its earlier texts: Duplicate. Nothing changes but the entry's
//     sources and aliases, which are linked to the article (an earlier text
//     seen again does not roll the article back).
//   - Resolved, with another hash: Updated. The current text moves to
//     article_versions, the article takes the entry's text, title, author,
//     language, date (when the entry has one), format and analysis, its
//     version grows by one and its index entry is replaced. Its ID, and its
//     URL and outlet unless they were empty, stay.
//   - Not resolved, but the hash is stored (current or earlier text of any
//     article, whatever its outlet): Duplicate of that article, linked as
//     above.
//   - Otherwise: New, with ID Article.ID or veille.ArticleID(url, hash).
//
// Sources are distinct by (URL, source id, outlet); aliases are the ID,
// the URLs and the source ids, and the first article to claim an alias
// keeps it. An entry whose Hash is empty gets veille.ContentHash(Text); one
// without Sources gets one made of its URL, outlet, date and format; a
// zero IngestedAt becomes Options.Now(), a zero SeenAt the IngestedAt.
//
// Put returns an error, and stores nothing, for an entry with a nil
// Article, a database error (SQLITE_BUSY once Options.BusyTimeout has
// passed while another process writes), or ctx done.
func (db *DB) Put(ctx context.Context, entries []store.Entry) ([]store.PutResult, error) {
	if len(entries) == 0 {
		return nil, nil
	}
	now := db.opts.Now().UTC()
	es := make([]entry, len(entries))
	for i, e := range entries {
		if err := es[i].init(e, now); err != nil {
			return nil, fmt.Errorf("sqlite: put: entry %d: %w", i, err)
		}
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	defer tx.Rollback()
	p := newPutter(ctx, tx, db.put)
	res := make([]store.PutResult, len(es))
	for i := range es {
		if res[i], err = p.put(ctx, &es[i]); err != nil {
			return nil, fmt.Errorf("sqlite: put: entry %d (%s): %w", i, es[i].name(), err)
		}
	}
	if err := p.finish(ctx); err != nil {
		return nil, fmt.Errorf("sqlite: put: index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: put: commit: %w", err)
	}
	return res, nil
}

// entry is a store.Entry with the values Put derives from it.
type entry struct {
	a        *veille.Article
	an       *veille.Analysis
	hash     string
	url      string // the URL the entry is resolved by
	sourceID string // the source id it is resolved by when it has no URL
	id       string // ID of the article if it is new
	sources  []veille.Source
	aliases  []string
	ingested int64 // Unix ns
}

func (e *entry) init(in store.Entry, now time.Time) error {
	a := in.Article
	if a == nil {
		return errors.New("nil Article")
	}
	e.a, e.an = a, in.Analysis
	e.hash = a.Hash
	if e.hash == "" {
		e.hash = veille.ContentHash(a.Text)
	}
	e.sources = a.Sources
	if len(e.sources) == 0 {
		e.sources = []veille.Source{{URL: a.URL, Outlet: a.Outlet, Published: a.Published.String(), Format: a.Format}}
	}
	e.url = a.URL
	if e.url == "" {
		e.url = e.sources[0].URL
		if e.url == "" {
			e.sourceID = e.sources[0].SourceID
		}
	}
	e.id = a.ID
	if e.id == "" {
		e.id = veille.ArticleID(e.url, e.hash)
	}
	e.ingested = nanos(a.IngestedAt, now)
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			e.aliases = append(e.aliases, s)
		}
	}
	add(e.id)
	add(a.URL)
	for _, s := range e.sources {
		add(s.URL)
		add(s.SourceID)
	}
	for _, al := range a.Aliases { // e.g. the URL as the input wrote it, tracking parameters and all
		add(al)
	}
	return nil
}

// name identifies the entry in errors.
func (e *entry) name() string {
	if e.url != "" {
		return e.url
	}
	if e.sourceID != "" {
		return e.sourceID
	}
	return e.id
}

// originFile returns the file part of an origin: "a.jsonl" for
// "a.jsonl:12" or "a.jsonl#3".
func originFile(origin string) string {
	i := len(origin)
	for i > 0 && origin[i-1] >= '0' && origin[i-1] <= '9' {
		i--
	}
	if i > 0 && i < len(origin) && (origin[i-1] == ':' || origin[i-1] == '#') {
		return origin[:i-1]
	}
	return origin
}

// nanos returns t in Unix nanoseconds, or now's when t is zero.
func nanos(t, now time.Time) int64 {
	if t.IsZero() {
		t = now
	}
	return t.UnixNano()
}

// current is the stored state of an article that Put decides against.
type current struct {
	rowid   int64
	id      string
	hash    string
	version int
}

// putStmts are the statements of Put, prepared once on the writing
// connection.
type putStmts struct {
	byAlias, byID, byHash, byOldHash, hasOldHash *sql.Stmt
	bySource                                     *sql.Stmt
	insert, saveStale, archive, update           *sql.Stmt
	linkSource, linkAlias                        *sql.Stmt
	unindexStale, clearStale, index              *sql.Stmt
	clearMentions, addMentions                   *sql.Stmt
}

// articleState is what lookup reads into a current.
const articleState = `rowid, id, hash, version`

// each returns the statement fields of s with their SQL.
func (s *putStmts) each() []struct {
	dst **sql.Stmt
	sql string
} {
	return []struct {
		dst **sql.Stmt
		sql string
	}{
		{&s.byAlias, `SELECT ` + articleState + ` FROM articles WHERE id = (SELECT article_id FROM aliases WHERE alias = ?)`},
		{&s.byID, `SELECT ` + articleState + ` FROM articles WHERE id = ?`},
		// A source id names an article only within its outlet (or, with no
		// outlet, within the file it was read from): "1" in two datasets is
		// two articles.
		{&s.bySource, `SELECT ` + articleState + ` FROM articles WHERE id = (SELECT article_id FROM sources
			WHERE source_id = ?1 AND outlet = ?2 AND (?2 != '' OR substr(origin, 1, length(?3)) = ?3) LIMIT 1)`},
		{&s.byHash, `SELECT ` + articleState + ` FROM articles WHERE hash = ? ORDER BY rowid LIMIT 1`},
		{&s.byOldHash, `SELECT ` + articleState + ` FROM articles WHERE id = (SELECT id FROM article_versions WHERE hash = ? LIMIT 1)`},
		{&s.hasOldHash, `SELECT count(*) FROM article_versions WHERE id = ? AND hash = ?`},
		{&s.insert, `INSERT INTO articles (id, hash, version, lang, lang_source, outlet,
			published_start, published_end, published_precision, format, ingested_at, analysis_version,
			url, title, author, text, stems, analysis, published)
			VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.saveStale, `INSERT INTO fts_stale (rowid, title, text, stems)
			SELECT rowid, title, text, stems FROM articles WHERE rowid = ?`},
		{&s.archive, `INSERT INTO article_versions (id, version, hash, title, text, ingested_at)
			SELECT id, version, hash, title, text, ingested_at FROM articles WHERE rowid = ?`},
		{&s.update, `UPDATE articles SET hash = ?, version = version + 1, lang = ?, lang_source = ?,
			outlet = CASE outlet WHEN '' THEN ? ELSE outlet END,
			published_start = coalesce(?, published_start),
			published_end = coalesce(?, published_end),
			published_precision = CASE ? WHEN '' THEN published_precision ELSE ? END,
			published = CASE ? WHEN '' THEN published ELSE ? END,
			format = ?, ingested_at = ?, analysis_version = ?,
			url = CASE url WHEN '' THEN ? ELSE url END,
			title = ?, author = ?, text = ?, stems = ?, analysis = ?
			WHERE rowid = ?`},
		{&s.linkSource, `INSERT INTO sources (article_id, url, source_id, outlet, published, format, origin, seen_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`},
		{&s.linkAlias, `INSERT INTO aliases (alias, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING`},
		{&s.unindexStale, `INSERT INTO articles_fts (articles_fts, rowid, title, text, stems)
			SELECT 'delete', rowid, title, text, stems FROM fts_stale`},
		{&s.clearStale, `DELETE FROM fts_stale`},
		{&s.index, `INSERT INTO articles_fts (rowid, title, text, stems)
			SELECT rowid, title, text, stems FROM articles
			WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`},
		{&s.clearMentions, clearMentionsSQL},
		{&s.addMentions, addMentionsSQL},
	}
}

// preparePut prepares the statements of Put on db.
func preparePut(ctx context.Context, db *sql.DB) (*putStmts, error) {
	s := &putStmts{}
	for _, f := range s.each() {
		st, err := db.PrepareContext(ctx, f.sql)
		if err != nil {
			s.close()
			return nil, fmt.Errorf("prepare %.40q: %w", f.sql, err)
		}
		*f.dst = st
	}
	return s, nil
}

func (s *putStmts) close() {
	for _, f := range s.each() {
		if *f.dst != nil {
			(*f.dst).Close()
		}
	}
}

// putter runs the statements of Put in one transaction, and remembers the
// articles whose index entries it must write before the transaction
// commits.
type putter struct {
	putStmts                 // bound to the transaction
	unindexed []int64        // rowids of articles to index, in order
	pending   map[int64]bool // the same, as a set
	stale     bool           // fts_stale holds entries to remove from the index
}

func newPutter(ctx context.Context, tx *sql.Tx, prepared *putStmts) *putter {
	p := &putter{pending: map[int64]bool{}}
	src, dst := prepared.each(), p.putStmts.each()
	for i := range src {
		*dst[i].dst = tx.StmtContext(ctx, *src[i].dst)
	}
	return p
}

// lookup runs a statement selecting articleState; nil when no row.
func lookup(ctx context.Context, st *sql.Stmt, args ...any) (*current, error) {
	var c current
	err := st.QueryRowContext(ctx, args...).Scan(&c.rowid, &c.id, &c.hash, &c.version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// resolve finds the article the entry names by URL, source id or ID.
func (p *putter) resolve(ctx context.Context, e *entry) (*current, error) {
	if e.url != "" {
		if c, err := lookup(ctx, p.byAlias, e.url); c != nil || err != nil {
			return c, err
		}
	} else if e.sourceID != "" {
		src := e.sources[0]
		if c, err := lookup(ctx, p.bySource, e.sourceID, src.Outlet, originFile(src.Origin)); c != nil || err != nil {
			return c, err
		}
	}
	return lookup(ctx, p.byID, e.id)
}

func (p *putter) put(ctx context.Context, e *entry) (store.PutResult, error) {
	c, err := p.resolve(ctx, e)
	if err != nil {
		return store.PutResult{}, err
	}
	if c != nil {
		dup := c.hash == e.hash
		if !dup {
			var n int
			if err := p.hasOldHash.QueryRowContext(ctx, c.id, e.hash).Scan(&n); err != nil {
				return store.PutResult{}, err
			}
			dup = n > 0
		}
		if dup {
			return p.link(ctx, e, c, store.Duplicate, c.version)
		}
		if err := p.updateArticle(ctx, e, c); err != nil {
			return store.PutResult{}, err
		}
		return p.link(ctx, e, c, store.Updated, c.version+1)
	}
	if c, err = lookup(ctx, p.byHash, e.hash); err == nil && c == nil {
		c, err = lookup(ctx, p.byOldHash, e.hash)
	}
	if err != nil {
		return store.PutResult{}, err
	}
	if c != nil {
		return p.link(ctx, e, c, store.Duplicate, c.version)
	}
	if err := p.insertArticle(ctx, e); err != nil {
		return store.PutResult{}, err
	}
	return p.link(ctx, e, &current{id: e.id}, store.New, 1)
}

// link records the entry's sources and aliases for article c.
func (p *putter) link(ctx context.Context, e *entry, c *current, o store.Outcome, version int) (store.PutResult, error) {
	for _, s := range e.sources {
		if _, err := p.linkSource.ExecContext(ctx, c.id, s.URL, s.SourceID, s.Outlet, s.Published,
			string(s.Format), s.Origin, nanos(s.SeenAt, time.Unix(0, e.ingested))); err != nil {
			return store.PutResult{}, fmt.Errorf("link source: %w", err)
		}
	}
	for _, al := range e.aliases {
		if _, err := p.linkAlias.ExecContext(ctx, al, c.id); err != nil {
			return store.PutResult{}, fmt.Errorf("link alias: %w", err)
		}
	}
	return store.PutResult{ID: c.id, Outcome: o, Version: version}, nil
}

// content is what an entry writes into an article row when it is new or
// updates it.
type content struct {
	start, end      sql.NullInt64 // Unix seconds
	precision       string
	published       string // veille.Date.String
	stems           string
	analysis        sql.NullString // JSON
	analysisVersion int
}

func (e *entry) content() (content, error) {
	a := e.a
	var c content
	if !a.Published.IsZero() {
		c.start = sql.NullInt64{Int64: a.Published.Time.Unix(), Valid: true}
		c.end = sql.NullInt64{Int64: a.Published.End().Unix(), Valid: true}
		c.precision = string(a.Published.Precision)
		c.published = a.Published.String()
	}
	if e.an != nil {
		b, err := json.Marshal(e.an)
		if err != nil {
			return c, fmt.Errorf("encode analysis: %w", err)
		}
		c.analysis = sql.NullString{String: string(b), Valid: true}
		c.analysisVersion = e.an.Version
	}
	c.stems = nlp.StemText(a.Lang, a.Title+"\n"+a.Text)
	return c, nil
}

func (p *putter) insertArticle(ctx context.Context, e *entry) error {
	c, err := e.content()
	if err != nil {
		return err
	}
	a := e.a
	res, err := p.insert.ExecContext(ctx, e.id, e.hash, a.Lang, a.LangSource, a.Outlet,
		c.start, c.end, c.precision, string(a.Format), e.ingested, c.analysisVersion,
		a.URL, a.Title, a.Author, a.Text, c.stems, c.analysis, c.published)
	if err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return fmt.Errorf("insert article: %w", err)
	}
	p.unindexed = append(p.unindexed, rowid)
	p.pending[rowid] = true
	return indexMentions(ctx, p.clearMentions, p.addMentions, e.id, e.an)
}

func (p *putter) updateArticle(ctx context.Context, e *entry, cur *current) error {
	c, err := e.content()
	if err != nil {
		return err
	}
	if _, err := p.archive.ExecContext(ctx, cur.rowid); err != nil {
		return fmt.Errorf("archive version %d: %w", cur.version, err)
	}
	// An article indexed before this transaction has an index entry made
	// of the values about to change: keep them to remove that entry.
	if !p.pending[cur.rowid] {
		if _, err := p.saveStale.ExecContext(ctx, cur.rowid); err != nil {
			return fmt.Errorf("save index entry: %w", err)
		}
		p.stale = true
		p.unindexed = append(p.unindexed, cur.rowid)
		p.pending[cur.rowid] = true
	}
	a := e.a
	_, err = p.update.ExecContext(ctx, e.hash, a.Lang, a.LangSource, a.Outlet,
		c.start, c.end, c.precision, c.precision, c.published, c.published, string(a.Format), e.ingested, c.analysisVersion,
		a.URL, a.Title, a.Author, a.Text, c.stems, c.analysis, cur.rowid)
	if err != nil {
		return fmt.Errorf("update article: %w", err)
	}
	return indexMentions(ctx, p.clearMentions, p.addMentions, cur.id, e.an)
}

// finish brings articles_fts up to date with the articles the
// transaction wrote: it removes the entries of the updated articles'
// earlier values, then indexes the current values of every new or updated
// article. Each is one statement, so that FTS5 flushes its pending terms
// once or twice per Put rather than at every statement.
func (p *putter) finish(ctx context.Context) error {
	if p.stale {
		if _, err := p.unindexStale.ExecContext(ctx); err != nil {
			return err
		}
		if _, err := p.clearStale.ExecContext(ctx); err != nil {
			return err
		}
	}
	if len(p.unindexed) == 0 {
		return nil
	}
	ids, err := json.Marshal(p.unindexed)
	if err != nil {
		return err
	}
	_, err = p.index.ExecContext(ctx, string(ids))
	return err
}
