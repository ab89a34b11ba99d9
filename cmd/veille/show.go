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

const showExamples = `  veille show masakhanews-fra-test-0277          # by a source id
  veille show https://www.bbc.com/afrique/region-59981397   # by URL
  veille show h3f2a9c0d1e2b4a56 --json`

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
	st, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	a, an, err := st.Article(ctx, pos[0])
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
		fmt.Fprintf(w, "analysis:  version %d; %s; %d paragraphs, %d headings, %d sentences\n", an.Version, strings.Join(ran, ", "), len(an.Paragraphs), len(an.Headings), len(an.Sentences))
	}
	fmt.Fprintf(w, "\n%s\n", a.Text)
	return nil
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
