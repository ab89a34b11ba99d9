package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/store"
)

// The statements that keep the mentions table (migration 0003) in step
// with an article's analysis: clear its rows, then add one per entity.
const (
	clearMentionsSQL = `DELETE FROM mentions WHERE article_id = ?`
	// addMentionsSQL takes a JSON array of [id, type, name, country, n]
	// and the article's ID; the date comes from the article row as it now
	// stands.
	addMentionsSQL = `INSERT INTO mentions (article_id, entity_id, type, name, country, n, published_start, precision)
		SELECT a.id, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
			json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]'), a.published_start, a.published_precision
		FROM articles AS a, json_each(?1) AS j WHERE a.id = ?2`
)

// entityRows returns the rows of an analysis for the mentions table, as
// addMentionsSQL takes them: one per entity ID (the first entity of an ID
// gives its type, name and country; n is the most mentions any entity of
// that ID lists). Entities without an ID are left out.
func entityRows(an *veille.Analysis) [][]any {
	if an == nil {
		return nil
	}
	var rows [][]any
	at := map[string]int{}
	for _, e := range an.Entities {
		if e.ID == "" {
			continue
		}
		if i, ok := at[e.ID]; ok {
			rows[i][4] = max(rows[i][4].(int), len(e.Mentions))
			continue
		}
		at[e.ID] = len(rows)
		rows = append(rows, []any{e.ID, e.Type, e.Name, e.Country, len(e.Mentions)})
	}
	return rows
}

// indexMentions replaces the mentions rows of article id with those of an.
func indexMentions(ctx context.Context, clear, add *sql.Stmt, id string, an *veille.Analysis) error {
	if _, err := clear.ExecContext(ctx, id); err != nil {
		return fmt.Errorf("clear mentions: %w", err)
	}
	rows := entityRows(an)
	if len(rows) == 0 {
		return nil
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("index mentions: %w", err)
	}
	if _, err := add.ExecContext(ctx, string(b), id); err != nil {
		return fmt.Errorf("index mentions: %w", err)
	}
	return nil
}

// Entity implements store.Store from the mentions table, in one snapshot.
// Name, Type and Country are those most articles give the entity (ties
// broken by name). Days are UTC days of published_start. Co ranks the
// other entities by shared articles, then by ID; List orders the articles
// by publication start, newest first, undated last, then by storage
// order, newest first. Title in List is the article's title.
func (db *DB) Entity(ctx context.Context, q store.EntityQuery) (store.EntitySummary, error) {
	res := store.EntitySummary{ID: q.ID, Days: []store.PeriodCount{}, Co: []store.CoMention{}, List: []store.EntityArticle{}}
	if q.Limit <= 0 {
		q.Limit = 20
	}
	if q.CoLimit <= 0 {
		q.CoLimit = 20
	}
	q.Offset = max(q.Offset, 0)
	fail := func(err error) (store.EntitySummary, error) {
		return res, fmt.Errorf("sqlite: entity %q: %w", q.ID, err)
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fail(err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(n), 0), count(*) FILTER (WHERE published_start IS NULL)
		FROM mentions WHERE entity_id = ?`, q.ID).Scan(&res.Articles, &res.Mentions, &res.Undated); err != nil {
		return fail(err)
	}
	if res.Articles == 0 {
		return fail(store.ErrNotFound)
	}
	if err := tx.QueryRowContext(ctx, `SELECT name, type, country FROM mentions WHERE entity_id = ?
		GROUP BY name, type, country ORDER BY count(*) DESC, name LIMIT 1`, q.ID).Scan(&res.Name, &res.Type, &res.Country); err != nil {
		return fail(err)
	}

	rows, err := tx.QueryContext(ctx, `SELECT strftime('%Y-%m-%d', published_start, 'unixepoch') AS day,
			CASE precision WHEN 'year' THEN 'year' WHEN 'month' THEN 'month' ELSE 'day' END AS prec,
			count(*), sum(n)
		FROM mentions WHERE entity_id = ? AND published_start IS NOT NULL
		GROUP BY day, prec ORDER BY day, prec`, q.ID)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c store.PeriodCount
		var prec string
		if err := rows.Scan(&c.Day, &prec, &c.Articles, &c.Mentions); err != nil {
			return fail(err)
		}
		c.Precision = veille.Precision(prec)
		res.Days = append(res.Days, c)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}

	rows, err = tx.QueryContext(ctx, `SELECT o.entity_id, max(o.name), max(o.type), count(*) AS k
		FROM mentions AS m JOIN mentions AS o ON o.article_id = m.article_id AND o.entity_id <> m.entity_id
		WHERE m.entity_id = ? GROUP BY o.entity_id ORDER BY k DESC, o.entity_id LIMIT ?`, q.ID, q.CoLimit)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c store.CoMention
		if err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Articles); err != nil {
			return fail(err)
		}
		res.Co = append(res.Co, c)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}

	rows, err = tx.QueryContext(ctx, `SELECT a.id, a.title, a.outlet, a.lang, a.published, a.published_start, a.published_precision, m.n
		FROM mentions AS m JOIN articles AS a ON a.id = m.article_id
		WHERE m.entity_id = ?
		ORDER BY m.published_start IS NULL, m.published_start DESC, a.rowid DESC LIMIT ? OFFSET ?`, q.ID, q.Limit, q.Offset)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var a store.EntityArticle
		var pub, prec string
		var start sql.NullInt64
		if err := rows.Scan(&a.ID, &a.Title, &a.Outlet, &a.Lang, &pub, &start, &prec, &a.Mentions); err != nil {
			return fail(err)
		}
		a.Published = date(pub, start, prec)
		res.List = append(res.List, a)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return res, nil
}
