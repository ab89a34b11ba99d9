package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/ingest"
	"github.com/veille/veille/internal/store"
)

const showExamples = `  veille show masakhanews-fra-test-0277                        # by a source id (a corpus "id")
  veille show https://www.bbc.com/afrique/region-59672710      # by URL, as the input gave it or cleaned
  veille show ID --json                                        # by the ID that search prints`

func (m *Main) show(ctx context.Context, args []string) error {
	fs, dbPath := m.newFlags("show", "[flags] ID|URL|SOURCE-ID", showExamples)
	jsonOut := fs.Bool("json", false, `print {"article": …, "analysis": …} as JSON`)
	pos, err := m.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fmt.Fprintln(m.Stderr, "veille show: give exactly one ID, URL or source id")
		return errUsage
	}
	st, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	a, an, err := findArticle(ctx, st, pos[0])
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no article with ID, URL or source id %q in %s", pos[0], *dbPath)
	}
	if err != nil {
		return err
	}
	if *jsonOut {
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(articleLine{Article: a, Analysis: an})
	}
	w := m.Stdout
	fmt.Fprintf(w, "%s\n", orDash(a.Title))
	fmt.Fprintf(w, "id:        %s (version %d)\n", a.ID, a.Version)
	fmt.Fprintf(w, "published: %s\n", orDash(datePrec(a.Published)))
	fmt.Fprintf(w, "lang:      %s\n", orDash(a.Lang))
	if a.Outlet != "" {
		fmt.Fprintf(w, "outlet:    %s\n", a.Outlet)
	}
	if a.URL != "" {
		fmt.Fprintf(w, "url:       %s\n", a.URL)
	}
	fmt.Fprintf(w, "hash:      %s\n", a.Hash)
	if len(a.Aliases) > 0 {
		fmt.Fprintf(w, "aliases:   %s\n", strings.Join(a.Aliases, ", "))
	}
	for _, s := range a.Sources {
		fmt.Fprintf(w, "source:    %s\n", strings.Join(nonEmpty(s.Outlet, s.URL, s.SourceID, string(s.Format), s.Origin), " · "))
	}
	if an != nil {
		var ran []string
		for _, e := range an.Extractors {
			if e.Skipped != "" {
				ran = append(ran, fmt.Sprintf("%s (skipped: %s)", e.Name, e.Skipped))
			} else {
				ran = append(ran, fmt.Sprintf("%s v%d", e.Name, e.Version))
			}
		}
		fmt.Fprintf(w, "analysis:  version %d; %s; %s, %s, %s\n", an.Version, strings.Join(ran, ", "),
			plural(len(an.Paragraphs), "paragraph"), plural(len(an.Headings), "heading"), plural(len(an.Sentences), "sentence"))
		writeExtractions(w, an)
	}
	fmt.Fprintf(w, "\n%s\n", a.Text)
	return nil
}

// writeExtractions prints what the extractors found, one line an item,
// for people: entities, amounts, dates, quotations and claims (--json
// gives every field, with spans).
func writeExtractions(w io.Writer, an *veille.Analysis) {
	if len(an.Entities) > 0 {
		fmt.Fprintf(w, "\nentities (%d):\n", len(an.Entities))
		for _, e := range an.Entities {
			extra := nonEmpty(e.Country, e.Role)
			if e.Lat != nil && e.Lon != nil {
				extra = append(extra, fmt.Sprintf("%.4f, %.4f", *e.Lat, *e.Lon))
			}
			fmt.Fprintf(w, "  %-4s %s  %s  %s\n", e.Type, e.Name, e.ID, strings.Join(append(extra, plural(len(e.Mentions), "mention")), " · "))
		}
	}
	if len(an.Amounts) > 0 {
		fmt.Fprintf(w, "\namounts (%d):\n", len(an.Amounts))
		for _, am := range an.Amounts {
			v := "vague"
			if am.Value != nil {
				v = strconv.FormatFloat(*am.Value, 'f', -1, 64)
				if am.Max != nil {
					v += "–" + strconv.FormatFloat(*am.Max, 'f', -1, 64)
				}
			}
			extra := nonEmpty(am.Period, am.Bound)
			if am.Approx {
				extra = append(extra, "approx")
			}
			if am.EUR != nil && am.Unit != "EUR" {
				extra = append(extra, fmt.Sprintf("≈ %.2f EUR", *am.EUR))
			}
			fmt.Fprintf(w, "  %-7s %s %s  %q  %s\n", am.Kind, v, am.Unit, am.Text, strings.Join(extra, " · "))
		}
	}
	if len(an.Dates) > 0 {
		fmt.Fprintf(w, "\ndates (%d):\n", len(an.Dates))
		for _, d := range an.Dates {
			fmt.Fprintf(w, "  %-9s %-22s %q\n", d.Kind, orDash(d.Value.String()), d.Text)
		}
	}
	if len(an.Quotations) > 0 {
		fmt.Fprintf(w, "\nquotations (%d):\n", len(an.Quotations))
		for _, q := range an.Quotations {
			fmt.Fprintf(w, "  %-8s %s: %q\n", q.Kind, orDash(q.Speaker), clip(q.Content, 120))
		}
	}
	if len(an.Claims) > 0 {
		fmt.Fprintf(w, "\nclaims (%d):\n", len(an.Claims))
		for _, c := range an.Claims {
			src := strings.Join(c.Chain, " ← ")
			fmt.Fprintf(w, "  %-10s %s: %q\n", c.Certainty, orDash(src), clip(c.Text, 120))
		}
	}
}

// clip shortens s to at most n runes, ending with "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// findArticle resolves an ID, alias or URL; a URL is also tried in its
// canonical form (tracking parameters and fragment dropped) and with the
// other of http and https.
func findArticle(ctx context.Context, st interface {
	Article(context.Context, string) (*veille.Article, *veille.Analysis, error)
}, key string) (*veille.Article, *veille.Analysis, error) {
	tries := []string{key}
	if c := ingest.CanonicalURL(key); c != "" {
		tries = append(tries, c)
		if rest, ok := strings.CutPrefix(c, "http://"); ok {
			tries = append(tries, "https://"+rest)
		} else if rest, ok := strings.CutPrefix(c, "https://"); ok {
			tries = append(tries, "http://"+rest)
		}
	}
	var err error
	for _, k := range tries {
		var a *veille.Article
		var an *veille.Analysis
		a, an, err = st.Article(ctx, k)
		if err == nil {
			return a, an, nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return nil, nil, err
		}
	}
	return nil, nil, err
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// articleLine is the JSON line of `analyze` and `show --json`.
type articleLine struct {
	Article  *veille.Article  `json:"article"`
	Analysis *veille.Analysis `json:"analysis"`
}

func datePrec(d veille.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s (%s precision)", d.String(), d.Precision)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
