package main

import (
	"context"
	"fmt"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract"
)

func (m *Main) reanalyze(ctx context.Context, args []string) error {
	fs, dbPath := m.newFlags("reanalyze", "[flags]", `  veille reanalyze              # articles analysed by an older version
  veille reanalyze --since 1    # articles analysed at version 1 or earlier
  veille reanalyze --all        # every article`)
	since := fs.Int("since", 0, "re-run the articles analysed at this analysis `version` or earlier (default: every version older than the current one)")
	all := fs.Bool("all", false, "re-run every stored article")
	if _, err := m.parse(fs, args); err != nil {
		return err
	}
	below := veille.AnalysisVersion
	switch {
	case *all:
		below = 0
	case *since > 0:
		below = *since + 1
	}
	st, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	p := extract.Default()
	n, err := st.Reanalyze(ctx, below, func(a *veille.Article) (*veille.Analysis, error) {
		return p.Analyze(a), nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "reanalyzed=%d (analysis version %d)\n", n, veille.AnalysisVersion)
	return nil
}
