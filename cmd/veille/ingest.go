package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/veille/veille/internal/extract"
	"github.com/veille/veille/internal/ingest"
	"github.com/veille/veille/internal/pipeline"
)

const ingestExamples = `  veille ingest ../shared/seed                 # a folder, recursively
  veille ingest article.txt feed.xml page.html  # formats sniffed from content
  veille ingest corpus.jsonl.gz --json          # gzip read transparently; summary as JSON
  curl -s https://example.org/rss | veille ingest -
  veille ingest https://example.org/rss --fetch=missing`

// ingest reads inputs into the store.
func (m *Main) ingest(ctx context.Context, args []string) error {
	fs, dbPath := m.newFlags("ingest", "[flags] PATH|URL|- ...", ingestExamples)
	jsonOut := fs.Bool("json", false, "print the summary as one JSON object on stdout")
	maxRec := fs.Int64("max-record-bytes", 5<<20, "fail records larger than this many `bytes`")
	fetch := fs.String("fetch", "never", "fetch the page of feed items that carry only a summary: never|missing")
	quiet := fs.Bool("quiet", false, "do not list failures and skips on stderr")
	verbose := fs.Bool("verbose", false, "also list warnings (repaired encodings, title-only items, unfetched summaries…)")
	workers := fs.Int("workers", 0, "analysis workers (default: number of CPUs)")
	paths, err := m.parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintln(m.Stderr, "veille ingest: give at least one PATH, URL or - (stdin)")
		fs.Usage()
		return errUsage
	}
	if *fetch != string(ingest.FetchNever) && *fetch != string(ingest.FetchMissing) {
		fmt.Fprintf(m.Stderr, "veille ingest: --fetch must be never or missing, not %q\n", *fetch)
		return errUsage
	}
	if *maxRec <= 0 || *maxRec > ingest.MaxRecordBytesLimit {
		fmt.Fprintf(m.Stderr, "veille ingest: --max-record-bytes must be between 1 and %d\n", int64(ingest.MaxRecordBytesLimit))
		return errUsage
	}
	st, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	opts := pipeline.DefaultOptions()
	opts.Read.MaxRecordBytes = *maxRec
	opts.Read.Stdin = m.Stdin
	opts.Read.Exclude = []string{*dbPath}
	opts.Read.Fetch = ingest.FetchMode(*fetch)
	if *workers > 0 {
		opts.Workers = *workers
	}
	var bar *progressbar.ProgressBar
	if m.IsTerminal && !*jsonOut {
		bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(m.Stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		last := 0
		opts.Progress = func(s pipeline.Summary) {
			n := s.Read + s.Failed + s.Skipped
			if n != last {
				bar.Add(n - last)
				last = n
			}
		}
	}
	if !*quiet {
		opts.Problem = func(p pipeline.Problem) {
			if p.Kind == "warning" && !*verbose {
				return
			}
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintf(m.Stderr, "%s: %s\n", p.Kind, p.Reason)
		}
	}
	// Problems carry their origin in the reason already for failures; make
	// sure skips and warnings name their input too.
	if opts.Problem != nil {
		inner := opts.Problem
		opts.Problem = func(p pipeline.Problem) {
			if p.Kind != "failed" {
				p.Reason = p.Origin + ": " + p.Reason
			}
			inner(p)
		}
	}
	sum, err := pipeline.Ingest(ctx, st, extract.Default(), paths, opts)
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		fmt.Fprintln(m.Stderr, sum.String())
		if ctx.Err() != nil {
			fmt.Fprintln(m.Stderr, "veille ingest: interrupted; every committed batch is stored, and running the same ingest again stores the rest")
			return exitError{130}
		}
		return err
	}
	warn := ""
	if sum.Warnings > 0 && !*verbose {
		warn = fmt.Sprintf("; %d warnings, --verbose lists them", sum.Warnings)
	}
	fmt.Fprintf(m.Stderr, "%s (%.1f s, %.0f articles/s, %s%s)\n", sum.String(), sum.Seconds,
		float64(sum.Read)/max(sum.Seconds, 1e-9), *dbPath, warn)
	if *jsonOut {
		enc := json.NewEncoder(m.Stdout)
		if err := enc.Encode(sum); err != nil {
			return err
		}
	}
	if sum.Failed > 0 {
		return exitError{1}
	}
	return nil
}
