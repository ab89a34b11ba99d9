// Package pipeline runs veille's main job: read inputs, normalise each
// record into an article, analyse it, and store it — streaming, with a few
// analysis workers and one writer that commits in batches, so memory stays
// bounded whatever the input size and a killed process never leaves half
// an article (each batch is one transaction; re-running stores the rest
// and nothing twice).
//
//	sum, err := pipeline.Ingest(ctx, st, extract.Default(), paths, pipeline.DefaultOptions())
//	fmt.Println(sum) // read=1 new=1 updated=0 duplicate=0 skipped=0 failed=0
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract"
	"github.com/veille/veille/internal/ingest"
	"github.com/veille/veille/internal/store"
)

// Putter is the part of store.Store that ingest needs.
type Putter interface {
	Put(ctx context.Context, entries []store.Entry) ([]store.PutResult, error)
}

// Options configure Ingest.
type Options struct {
	Read      ingest.Options
	Workers   int // analysis workers; default GOMAXPROCS
	BatchSize int // articles per store transaction; default 256
	// Now returns the ingest time; default time.Now.
	Now func() time.Time
	// Progress, when set, is called by the writer after each record with
	// the running summary.
	Progress func(Summary)
	// Problem, when set, is called for every failure, skip and warning as
	// it happens.
	Problem func(Problem)
}

// DefaultOptions returns the reader defaults, GOMAXPROCS workers and
// batches of 256 articles.
func DefaultOptions() Options {
	return Options{Read: ingest.DefaultOptions(), Workers: runtime.GOMAXPROCS(0), BatchSize: 256}
}

// Problem is one failure, skip or warning, naming its input.
type Problem struct {
	Kind   string `json:"kind"` // "failed", "skipped" or "warning"
	Origin string `json:"origin"`
	Reason string `json:"reason"`
}

// Summary counts what an ingest did. Read counts the records read as
// articles (failed records are counted in Failed only); Skipped counts
// inputs that hold no article.
type Summary struct {
	Read      int       `json:"read"`
	New       int       `json:"new"`
	Updated   int       `json:"updated"`
	Duplicate int       `json:"duplicate"`
	Skipped   int       `json:"skipped"`
	Failed    int       `json:"failed"`
	Warnings  int       `json:"warnings"`
	Bytes     int64     `json:"text_bytes"` // bytes of Article.Text read
	Seconds   float64   `json:"seconds"`
	Problems  []Problem `json:"problems,omitempty"`
}

// String is the summary line printed on stderr.
func (s Summary) String() string {
	return fmt.Sprintf("read=%d new=%d updated=%d duplicate=%d skipped=%d failed=%d",
		s.Read, s.New, s.Updated, s.Duplicate, s.Skipped, s.Failed)
}

type item struct {
	res      ingest.Result
	entry    *store.Entry
	warnings []string
	err      error
}

// Ingest reads paths (files, folders, "-", URLs) and stores every article
// in st. It returns an error only when the store fails or ctx is done;
// bad inputs are counted in the Summary and listed in its Problems.
func Ingest(ctx context.Context, st Putter, p *extract.Pipeline, paths []string, opts Options) (Summary, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 256
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// The reader sends each result to a worker and, in input order, its
	// future to the writer: articles are stored in the order they were
	// read, whatever the worker that analysed them.
	type job struct {
		res ingest.Result
		out chan item
	}
	jobs := make(chan job, opts.Workers*4)
	order := make(chan chan item, opts.Workers*64)
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		defer close(order)
		readErr <- ingest.Walk(ctx, paths, opts.Read, func(r ingest.Result) error {
			out := make(chan item, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{res: r, out: out}:
			case <-ctx.Done():
				out <- item{res: r, err: ctx.Err()} // the writer waits on it
				return ctx.Err()
			}
			return nil
		})
	}()
	for w := 0; w < opts.Workers; w++ {
		go func() {
			for j := range jobs {
				j.out <- process(j.res, p, opts.Now())
			}
		}()
	}

	var sum Summary
	problem := func(kind, origin, reason string) {
		pr := Problem{Kind: kind, Origin: origin, Reason: reason}
		sum.Problems = append(sum.Problems, pr)
		if opts.Problem != nil {
			opts.Problem(pr)
		}
	}
	var batch []store.Entry
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := st.Put(ctx, batch)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		for _, r := range res {
			switch r.Outcome {
			case store.New:
				sum.New++
			case store.Updated:
				sum.Updated++
			case store.Duplicate:
				sum.Duplicate++
			}
		}
		batch = batch[:0]
		return nil
	}
	for fut := range order {
		var it item
		select {
		case it = <-fut:
		case <-ctx.Done():
			drain(order)
			return sum, ctx.Err()
		}
		if ctx.Err() != nil {
			drain(order)
			return sum, ctx.Err()
		}
		switch {
		case it.res.Skip != "":
			sum.Skipped++
			problem("skipped", it.res.Origin, it.res.Skip)
		case it.err != nil:
			sum.Failed++
			problem("failed", it.res.Origin, it.err.Error())
		case it.entry != nil:
			sum.Read++
			sum.Bytes += int64(len(it.entry.Article.Text))
			for _, w := range it.warnings {
				sum.Warnings++
				problem("warning", it.res.Origin, w)
			}
			batch = append(batch, *it.entry)
			if len(batch) >= opts.BatchSize {
				if err := flush(); err != nil {
					cancel()
					drain(order)
					return sum, err
				}
			}
		}
		if opts.Progress != nil {
			opts.Progress(sum)
		}
	}
	if err := flush(); err != nil {
		return sum, err
	}
	sum.Seconds = time.Since(start).Seconds()
	if err := <-readErr; err != nil {
		return sum, err
	}
	return sum, ctx.Err()
}

func drain(order chan chan item) {
	go func() {
		for fut := range order {
			<-fut
		}
	}()
}

// process normalises and analyses one result; skips and failures pass
// through.
func process(r ingest.Result, p *extract.Pipeline, now time.Time) item {
	it := item{res: r}
	if r.Err != nil {
		it.err = r.Err
		return it
	}
	if r.Record == nil {
		return it
	}
	a, warnings, err := ingest.Normalize(r.Record, now)
	if err != nil {
		it.err = fmt.Errorf("%s: %w", r.Record.Origin, err)
		return it
	}
	it.warnings = warnings
	it.entry = &store.Entry{Article: a, Analysis: p.Analyze(a)}
	return it
}

// Analyze normalises and analyses every record of paths without storing
// anything, calling fn for each article in input order (for `veille
// analyze`). Failures and skips go to problem.
func Analyze(ctx context.Context, p *extract.Pipeline, paths []string, opts Options, fn func(*veille.Article, *veille.Analysis) error) error {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return ingest.Walk(ctx, paths, opts.Read, func(r ingest.Result) error {
		it := process(r, p, opts.Now())
		switch {
		case r.Skip != "":
			if opts.Problem != nil {
				opts.Problem(Problem{Kind: "skipped", Origin: r.Origin, Reason: r.Skip})
			}
		case it.err != nil:
			if opts.Problem != nil {
				opts.Problem(Problem{Kind: "failed", Origin: r.Origin, Reason: it.err.Error()})
			}
		case it.entry != nil:
			for _, w := range it.warnings {
				if opts.Problem != nil {
					opts.Problem(Problem{Kind: "warning", Origin: r.Origin, Reason: w})
				}
			}
			return fn(it.entry.Article, it.entry.Analysis)
		}
		return nil
	})
}
