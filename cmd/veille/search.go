package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/store"
)

const searchExamples = `  veille search wagner --lang fr
  veille search "accord militaire"              # all words, ranked by bm25
  veille search '"groupe Wagner" OR mercenaires -football'
  veille search mali --since 2021-09 --until 2021-10 --json
  veille search niger --outlet "Le Monde" --limit 50`

// searchHit is the JSON form of one result (one line per result).
type searchHit struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Outlet    string  `json:"outlet"`
	URL       string  `json:"url,omitempty"`
	Published string  `json:"published"`
	Lang      string  `json:"lang"`
	Snippet   string  `json:"snippet"`
	Score     float64 `json:"score"`
}

func (m *Main) search(ctx context.Context, args []string) error {
	fs, dbPath := m.newFlags("search", "[flags] QUERY", searchExamples+`

QUERY: words (all must match, in any inflection: mercenaire finds mercenaires),
"exact phrases", OR between terms, -word (or NOT word) to exclude. Accents
and case are optional.`)
	lang := fs.String("lang", "", "only articles in this ISO 639-1 `language`")
	since := fs.String("since", "", "only articles published on or after this `date` (2021, 2021-09, 2021-09-15)")
	until := fs.String("until", "", "only articles published before the end of this `date` (inclusive period)")
	outlet := fs.String("outlet", "", "only articles from this `outlet`")
	limit := fs.Int("limit", 20, "at most this many results")
	offset := fs.Int("offset", 0, "skip this many results (paging)")
	jsonOut := fs.Bool("json", false, "one JSON object per result line")
	pos, err := m.parseWords(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fmt.Fprintln(m.Stderr, "veille search: give a QUERY")
		fs.Usage()
		return errUsage
	}
	if *limit < 1 || *limit > 1000 {
		fmt.Fprintf(m.Stderr, "veille search: --limit must be between 1 and 1000, not %d\n", *limit)
		return errUsage
	}
	if *offset < 0 {
		fmt.Fprintf(m.Stderr, "veille search: --offset must not be negative\n")
		return errUsage
	}
	q := store.SearchQuery{Text: strings.Join(pos, " "), Lang: veille.NormalizeLang(*lang), Outlet: *outlet, Limit: *limit, Offset: *offset}
	if *lang != "" && q.Lang == "" {
		fmt.Fprintf(m.Stderr, "veille search: --lang %q is not a language code (try fr, en)\n", *lang)
		return errUsage
	}
	if *since != "" {
		d, err := veille.ParseDate(*since)
		if err != nil || d.IsZero() {
			fmt.Fprintf(m.Stderr, "veille search: --since %q is not a date (write 2021, 2021-09 or 2021-09-15)\n", *since)
			return errUsage
		}
		q.Since = d.Time
	}
	if *until != "" {
		d, err := veille.ParseDate(*until)
		if err != nil || d.IsZero() {
			fmt.Fprintf(m.Stderr, "veille search: --until %q is not a date (write 2021, 2021-09 or 2021-09-15)\n", *until)
			return errUsage
		}
		q.Until = d.End()
	}
	st, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Search(ctx, q)
	if err != nil {
		if errors.Is(err, store.ErrBadQuery) {
			fmt.Fprintf(m.Stderr, "veille search: %s\n", strings.TrimPrefix(err.Error(), "store: "))
			return errUsage
		}
		return err
	}
	if *jsonOut {
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		for _, h := range hits {
			if err := enc.Encode(searchHit{ID: h.ID, Title: h.Title, Outlet: h.Outlet, URL: h.URL,
				Published: h.Published.String(), Lang: h.Lang, Snippet: h.Snippet, Score: h.Score}); err != nil {
				return err
			}
		}
		return nil
	}
	if len(hits) == 0 {
		fmt.Fprintln(m.Stderr, "no results")
		return nil
	}
	for i, h := range hits {
		title := h.Title
		if title == "" {
			title = "(untitled)"
		}
		meta := []string{}
		for _, s := range []string{h.Outlet, h.Published.String(), h.Lang} {
			if s != "" {
				meta = append(meta, s)
			}
		}
		fmt.Fprintf(m.Stdout, "%2d. %s\n    %s · %s\n    %s\n\n", i+1+*offset, title, h.ID, strings.Join(meta, " · "), strings.Join(strings.Fields(h.Snippet), " "))
	}
	return nil
}
