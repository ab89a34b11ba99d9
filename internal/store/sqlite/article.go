package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/store"
)

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// articleColumns are read by scanArticle, in order.
const articleColumns = `rowid, id, hash, version, lang, lang_source, outlet,
	published_start, published_precision, published, format, ingested_at, analysis_version,
	url, title, author, text, analysis`

// stored is an article row as read.
type stored struct {
	rowid           int64
	a               *veille.Article
	an              *veille.Analysis
	analysisVersion int
}

type scanner interface{ Scan(dest ...any) error }

func scanArticle(s scanner) (*stored, error) {
	var (
		r         stored
		a         veille.Article
		start     sql.NullInt64
		prec, pub string
		format    string
		ingested  int64
		analyse   sql.NullString
	)
	if err := s.Scan(&r.rowid, &a.ID, &a.Hash, &a.Version, &a.Lang, &a.LangSource, &a.Outlet,
		&start, &prec, &pub, &format, &ingested, &r.analysisVersion,
		&a.URL, &a.Title, &a.Author, &a.Text, &analyse); err != nil {
		return nil, err
	}
	a.Published = date(pub, start, prec)
	a.Format = veille.Format(format)
	a.IngestedAt = time.Unix(0, ingested).UTC()
	if analyse.Valid {
		r.an = new(veille.Analysis)
		if err := json.Unmarshal([]byte(analyse.String), r.an); err != nil {
			// An analysis that no longer decodes (written by a build
			// with a bug, or edited by hand) reads as none, at version
			// 0, so that the article stays readable and `veille
			// reanalyze --all` replaces it; one bad analysis never fails
			// a page, a search or a whole reanalysis.
			r.an, r.analysisVersion = nil, 0
		}
	}
	r.a = &a
	return &r, nil
}

// Article implements store.Store: it looks idOrAlias up as an article ID,
// then as an alias (URL or source id), and returns the current version with
// its Sources (in the order they were seen) and Aliases (sorted, the ID
// left out), read in one snapshot. It returns store.ErrNotFound when
// nothing answers to idOrAlias.
func (db *DB) Article(ctx context.Context, idOrAlias string) (*veille.Article, *veille.Analysis, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: article %q: %w", idOrAlias, err)
	}
	defer tx.Rollback()
	r, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, idOrAlias))
	if errors.Is(err, sql.ErrNoRows) {
		r, err = scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles
			WHERE id = (SELECT article_id FROM aliases WHERE alias = ?)`, idOrAlias))
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("sqlite: article %q: %w", idOrAlias, store.ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: article %q: %w", idOrAlias, err)
	}
	if err := loadLinks(ctx, tx, r.a); err != nil {
		return nil, nil, fmt.Errorf("sqlite: article %q: %w", idOrAlias, err)
	}
	return r.a, r.an, nil
}

// loadLinks fills a.Sources and a.Aliases.
func loadLinks(ctx context.Context, q querier, a *veille.Article) error {
	rows, err := q.QueryContext(ctx, `SELECT url, source_id, outlet, published, format, origin, seen_at
		FROM sources WHERE article_id = ? ORDER BY seen_at, rowid`, a.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	a.Sources = nil
	for rows.Next() {
		var s veille.Source
		var format string
		var seen int64
		if err := rows.Scan(&s.URL, &s.SourceID, &s.Outlet, &s.Published, &format, &s.Origin, &seen); err != nil {
			return err
		}
		s.Format = veille.Format(format)
		s.SeenAt = time.Unix(0, seen).UTC()
		a.Sources = append(a.Sources, s)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, `SELECT alias FROM aliases WHERE article_id = ? AND alias <> ?`, a.ID, a.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	a.Aliases = nil
	for rows.Next() {
		var al string
		if err := rows.Scan(&al); err != nil {
			return err
		}
		a.Aliases = append(a.Aliases, al)
	}
	sort.Strings(a.Aliases)
	return rows.Err()
}

// reanalyzeChunk is how many articles Reanalyze reads, analyses and writes
// back at a time.
const reanalyzeChunk = 64

// Reanalyze implements store.Store. It visits the articles whose analysis
// version is below below (every article when below <= 0) in storage order,
// chunk by chunk, calls fn on each (Sources and Aliases filled), and writes
// what fn returns as the article's analysis (nil clears it), one
// transaction per chunk. An article updated by a concurrent Put since it
// was read keeps the analysis that Put stored. It returns how many analyses
// it wrote; fn's error stops the run after the results before it are
// written, and is returned wrapped.
func (db *DB) Reanalyze(ctx context.Context, below int, fn func(*veille.Article) (*veille.Analysis, error)) (int, error) {
	var last int64
	written := 0
	for {
		chunk, err := db.reanalyzeRead(ctx, last, below)
		if err != nil {
			return written, fmt.Errorf("sqlite: reanalyze: %w", err)
		}
		if len(chunk) == 0 {
			return written, nil
		}
		last = chunk[len(chunk)-1].rowid
		var fnErr error
		results := make([]*veille.Analysis, 0, len(chunk))
		for _, r := range chunk {
			an, err := fn(r.a)
			if err != nil {
				fnErr = fmt.Errorf("sqlite: reanalyze: article %s: %w", r.a.ID, err)
				break
			}
			results = append(results, an)
		}
		n, err := db.reanalyzeWrite(ctx, chunk[:len(results)], results)
		written += n
		if err != nil {
			return written, fmt.Errorf("sqlite: reanalyze: %w", err)
		}
		if fnErr != nil {
			return written, fnErr
		}
	}
}

func (db *DB) reanalyzeRead(ctx context.Context, after int64, below int) ([]*stored, error) {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles
		WHERE rowid > ? AND (? <= 0 OR analysis_version < ?) ORDER BY rowid LIMIT ?`,
		after, below, below, reanalyzeChunk)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var chunk []*stored
	for rows.Next() {
		r, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		chunk = append(chunk, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for _, r := range chunk {
		if err := loadLinks(ctx, tx, r.a); err != nil {
			return nil, err
		}
	}
	return chunk, nil
}

func (db *DB) reanalyzeWrite(ctx context.Context, chunk []*stored, results []*veille.Analysis) (int, error) {
	if len(chunk) == 0 {
		return 0, nil
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `UPDATE articles SET analysis = ?, analysis_version = ?
		WHERE rowid = ? AND version = ?`)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	clear, err := tx.PrepareContext(ctx, clearMentionsSQL)
	if err != nil {
		return 0, err
	}
	defer clear.Close()
	add, err := tx.PrepareContext(ctx, addMentionsSQL)
	if err != nil {
		return 0, err
	}
	defer add.Close()
	n := 0
	for i, r := range chunk {
		var js sql.NullString
		v := 0
		if an := results[i]; an != nil {
			b, err := json.Marshal(an)
			if err != nil {
				return 0, fmt.Errorf("article %s: encode analysis: %w", r.a.ID, err)
			}
			js, v = sql.NullString{String: string(b), Valid: true}, an.Version
		}
		res, err := st.ExecContext(ctx, js, v, r.rowid, r.a.Version)
		if err != nil {
			return 0, fmt.Errorf("article %s: %w", r.a.ID, err)
		}
		k, err := res.RowsAffected()
		if err != nil {
			return 0, err
		}
		if k > 0 {
			if err := indexMentions(ctx, clear, add, r.a.ID, results[i]); err != nil {
				return 0, fmt.Errorf("article %s: %w", r.a.ID, err)
			}
		}
		n += int(k)
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return n, nil
}

// Stats implements store.Store, from one snapshot. Bytes counts the UTF-8
// bytes of the current texts; ByLang, ByOutlet and ByFormat count articles
// by their own field ("" for unknown); Analysis counts them by analysis
// version (0: none).
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	s := store.Stats{
		ByLang:   map[string]int{},
		ByOutlet: map[string]int{},
		ByFormat: map[string]int{},
		Analysis: map[int]int{},
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	defer tx.Rollback()
	var old int
	if err := tx.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM article_versions),
		(SELECT count(*) FROM sources),
		(SELECT count(*) FROM aliases),
		(SELECT coalesce(sum(octet_length(text)), 0) FROM articles)`).
		Scan(&s.Articles, &old, &s.Sources, &s.Aliases, &s.Bytes); err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	s.Versions = s.Articles + old
	rows, err := tx.QueryContext(ctx, `SELECT lang, outlet, format, analysis_version, count(*)
		FROM articles GROUP BY lang, outlet, format, analysis_version`)
	if err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var lang, outlet, format string
		var av, n int
		if err := rows.Scan(&lang, &outlet, &format, &av, &n); err != nil {
			return s, fmt.Errorf("sqlite: stats: %w", err)
		}
		s.ByLang[lang] += n
		s.ByOutlet[outlet] += n
		s.ByFormat[format] += n
		s.Analysis[av] += n
	}
	if err := rows.Err(); err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	return s, nil
}

// unixUTC returns the UTC time of sec Unix seconds.
func unixUTC(sec int64) time.Time { return time.Unix(sec, 0).UTC() }
