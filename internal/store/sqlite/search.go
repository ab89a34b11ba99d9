package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
	"github.com/veille/veille/internal/store"
)

// Search limits.
const (
	DefaultLimit = 20   // results when SearchQuery.Limit is 0 or less
	MaxLimit     = 1000 // larger limits are lowered to this
)

// snippetTokens is the length of a snippet, in tokens.
const snippetTokens = 24

// Search implements store.Store. It parses q.Text with store.ParseQuery
// (returning its ErrBadQuery errors as they are), keeps the articles whose
// language and outlet (any of their sources', ignoring case) equal q.Lang and q.Outlet when
// set and whose publication period overlaps [q.Since, q.Until) when either
// is set (undated articles are then left out), and returns them best first
// by bm25 (see the package documentation), q.Offset of them skipped, at most
// q.Limit (DefaultLimit when 0, at most MaxLimit). The snippet is taken from
// the text, matches wrapped in q.Marks (store.Mark when zero); a match found
// only through a stem is not marked.
func (db *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	pq, err := store.ParseQuery(q.Text)
	if err != nil {
		return nil, err
	}
	query, args := searchSQL(q, pq)
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Text, err)
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		var start sql.NullInt64
		var pub, prec string
		if err := rows.Scan(&h.ID, &h.Title, &h.Outlet, &h.URL, &pub, &start, &prec, &h.Lang, &h.Snippet, &h.Score); err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", q.Text, err)
		}
		h.Published = date(pub, start, prec)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search %q: %w", q.Text, err)
	}
	return hits, nil
}

// searchSQL returns the statement that runs q, whose text parsed as pq.
func searchSQL(q store.SearchQuery, pq store.Query) (string, []any) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(q.Offset, 0)

	// Ordering by the rank column alone lets FTS5 sort the matches itself,
	// so that snippets are made for the rows returned only.
	var sb strings.Builder
	sb.WriteString(`SELECT a.id, a.title, a.outlet, a.url, a.published, a.published_start, a.published_precision, a.lang,
		snippet(articles_fts, 1, ?, ?, '…', ?), articles_fts.rank
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		WHERE articles_fts MATCH ?`)
	marks := q.Marks
	if marks == [2]string{} {
		marks = store.Mark
	}
	args := []any{marks[0], marks[1], snippetTokens, matchExpr(pq)}
	args = writeFilters(&sb, q, args)
	sb.WriteString(` ORDER BY articles_fts.rank LIMIT ? OFFSET ?`)
	args = append(args, limit, offset)
	return sb.String(), args
}

// writeFilters appends q's language, outlet and date conditions on the
// articles table a.
func writeFilters(sb *strings.Builder, q store.SearchQuery, args []any) []any {
	if q.Lang != "" {
		sb.WriteString(` AND a.lang = ?`)
		args = append(args, q.Lang)
	}
	if q.Outlet != "" {
		sb.WriteString(` AND (a.outlet = ? COLLATE NOCASE OR EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id AND s.outlet = ? COLLATE NOCASE))`)
		args = append(args, q.Outlet, q.Outlet)
	}
	if !q.Since.IsZero() {
		sb.WriteString(` AND a.published_end > ?`)
		args = append(args, q.Since.Unix())
	}
	if !q.Until.IsZero() {
		sb.WriteString(` AND a.published_start < ?`)
		args = append(args, q.Until.Unix())
	}
	return args
}

// Facets implements store.Store: it counts the articles Search would
// return for q with no limit, by language, outlet (the article's own) and
// year of publication.
func (db *DB) Facets(ctx context.Context, q store.SearchQuery) (store.Facets, error) {
	f := store.Facets{Lang: map[string]int{}, Outlet: map[string]int{}, Year: map[string]int{}}
	pq, err := store.ParseQuery(q.Text)
	if err != nil {
		return f, err
	}
	var sb strings.Builder
	sb.WriteString(`SELECT a.lang, a.outlet, CASE WHEN a.published_start IS NULL THEN '' ELSE strftime('%Y', a.published_start, 'unixepoch') END, count(*)
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		WHERE articles_fts MATCH ?`)
	args := writeFilters(&sb, q, []any{matchExpr(pq)})
	sb.WriteString(` GROUP BY 1, 2, 3`)
	rows, err := db.read.QueryContext(ctx, sb.String(), args...)
	if err != nil {
		return f, fmt.Errorf("sqlite: facets %q: %w", q.Text, err)
	}
	defer rows.Close()
	for rows.Next() {
		var lang, outlet, year string
		var n int
		if err := rows.Scan(&lang, &outlet, &year, &n); err != nil {
			return f, fmt.Errorf("sqlite: facets %q: %w", q.Text, err)
		}
		f.Total += n
		f.Lang[lang] += n
		f.Outlet[outlet] += n
		f.Year[year] += n
	}
	if err := rows.Err(); err != nil {
		return f, fmt.Errorf("sqlite: facets %q: %w", q.Text, err)
	}
	return f, nil
}

// stemLangs are the stemmers a query word is tried under: the language of
// the query is not known, and a word of one matches its stem in the other
// rarely enough.
var stemLangs = []string{"fr", "en"}

// matchExpr compiles q to an FTS5 MATCH expression over articles_fts. Every
// token is quoted, so the expression is valid whatever q holds. A bare term
// matches its tokens as a phrase in title or text, or the phrase of their
// stems under each of stemLangs in the stems column; an exact term only the
// former.
func matchExpr(q store.Query) string {
	var b strings.Builder
	if len(q.Not) > 0 {
		b.WriteByte('(')
	}
	for i, g := range q.All {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteByte('(')
		for j, t := range g {
			if j > 0 {
				b.WriteString(" OR ")
			}
			writeTerm(&b, t)
		}
		b.WriteByte(')')
	}
	if len(q.Not) > 0 {
		b.WriteString(") NOT (")
		for i, t := range q.Not {
			if i > 0 {
				b.WriteString(" OR ")
			}
			writeTerm(&b, t)
		}
		b.WriteByte(')')
	}
	return b.String()
}

func writeTerm(b *strings.Builder, t store.Term) {
	b.WriteString("{title text} : ")
	writePhrase(b, t.Tokens)
	if t.Exact {
		return
	}
	var seen []string
	for _, lang := range stemLangs {
		stems := make([]string, len(t.Tokens))
		for i, tok := range t.Tokens {
			stems[i] = nlp.Stem(lang, tok)
		}
		key := strings.Join(stems, " ")
		dup := false
		for _, s := range seen {
			dup = dup || s == key
		}
		if dup {
			continue
		}
		seen = append(seen, key)
		b.WriteString(" OR stems : ")
		writePhrase(b, stems)
	}
}

// writePhrase writes tokens as one FTS5 string, quotes doubled.
func writePhrase(b *strings.Builder, tokens []string) {
	b.WriteByte('"')
	for i, t := range tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ReplaceAll(t, `"`, `""`))
	}
	b.WriteByte('"')
}

// date rebuilds a veille.Date from its stored form pub (veille.Date.String,
// which keeps an instant's UTC offset) or, for rows written before it was
// stored, from its start (Unix seconds) and precision, in UTC.
func date(pub string, start sql.NullInt64, prec string) veille.Date {
	if pub != "" {
		if d, err := veille.ParseDate(pub); err == nil {
			return d
		}
	}
	if !start.Valid || prec == "" {
		return veille.Date{}
	}
	return veille.Date{Time: unixUTC(start.Int64), Precision: veille.Precision(prec)}
}
