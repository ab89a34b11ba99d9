package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract"
	"github.com/veille/veille/internal/ingest"
	"github.com/veille/veille/internal/pipeline"
)

const analyzeExamples = `  veille analyze ../shared/seed/*.txt --pretty
  veille analyze corpus.jsonl > analyses.jsonl
  echo "date 2021-09 Le Mali et la Russie…" | veille analyze -`

func (m *Main) analyze(ctx context.Context, args []string) error {
	fs, _ := m.newFlags("analyze", "[flags] FILE|-", analyzeExamples+`

Prints one JSON line per article: {"article": {…, "id": …, "text": …}, "analysis": {…}}
(docs/FORMATS.md); "id" is the ID the store would give the same article. Nothing is stored.`)
	pretty := fs.Bool("pretty", false, "indent the JSON for people")
	maxRec := fs.Int64("max-record-bytes", 5<<20, "fail records larger than this many `bytes`")
	paths, err := m.parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintln(m.Stderr, "veille analyze: give a FILE or - (stdin)")
		return errUsage
	}
	if *maxRec <= 0 || *maxRec > ingest.MaxRecordBytesLimit {
		fmt.Fprintf(m.Stderr, "veille analyze: --max-record-bytes must be between 1 and %d\n", int64(ingest.MaxRecordBytesLimit))
		return errUsage
	}
	opts := pipeline.DefaultOptions()
	opts.Read.MaxRecordBytes = *maxRec
	opts.Read.Stdin = m.Stdin
	failed := 0
	opts.Problem = func(p pipeline.Problem) {
		if p.Kind == "failed" {
			failed++
		}
		reason := p.Reason
		if !strings.HasPrefix(reason, p.Origin) {
			reason = p.Origin + ": " + reason
		}
		fmt.Fprintf(m.Stderr, "%s: %s\n", p.Kind, reason)
	}
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	err = pipeline.Analyze(ctx, extract.Default(), paths, opts, func(a *veille.Article, an *veille.Analysis) error {
		return enc.Encode(articleLine{Article: a, Analysis: an})
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return exitError{1}
	}
	return nil
}
