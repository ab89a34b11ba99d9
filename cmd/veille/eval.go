package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/veille/veille/internal/eval"
)

const evalExamples = `  veille eval ingest ../shared/eval/ingest-fundus-extraction
  veille eval ingest ../shared/eval/ingest-fundus-extraction --json --misses`

// evalTasks maps each task of ../shared/EVAL.md to its scorer; tasks whose
// extractor has not landed yet are listed with a nil scorer.
var evalTasks = map[string]func(ctx context.Context, paths []string, misses bool, shared string) (*eval.Report, error){
	"ingest": func(ctx context.Context, paths []string, misses bool, _ string) (*eval.Report, error) {
		return eval.Ingest(ctx, paths, misses)
	},
	"dates": func(ctx context.Context, paths []string, misses bool, _ string) (*eval.Report, error) {
		return eval.Dates(ctx, paths, misses)
	},
	"ner": func(ctx context.Context, paths []string, misses bool, _ string) (*eval.Report, error) {
		return eval.NER(ctx, paths, misses)
	},
	"geo": func(ctx context.Context, paths []string, misses bool, _ string) (*eval.Report, error) {
		return eval.Geo(ctx, paths, misses)
	}, "quotes": eval.Quotes, "claims": eval.Claims,
	"amounts": eval.Amounts,
}

func (m *Main) eval(ctx context.Context, args []string) error {
	fs, _ := m.newFlags("eval", "[flags] TASK PATH...", evalExamples+`

TASK: ingest | ner | geo | amounts | dates | quotes | claims (../shared/EVAL.md).
Exit status 0 whatever the score; 2 when a gold path cannot be read or holds
nothing scorable.`)
	jsonOut := fs.Bool("json", false, "print exactly one JSON object on stdout")
	misses := fs.Bool("misses", false, "list the gold items we got wrong")
	shared := fs.String("shared", filepath.Join("..", "shared"), "`folder` against which paths inside gold files are resolved")
	pos, err := m.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		fmt.Fprintln(m.Stderr, "veille eval: give a TASK and at least one gold PATH")
		return errUsage
	}
	task, paths := pos[0], pos[1:]
	scorer, known := evalTasks[task]
	if !known {
		fmt.Fprintf(m.Stderr, "veille eval: unknown task %q (ingest, ner, geo, amounts, dates, quotes, claims)\n", task)
		return errUsage
	}
	if scorer == nil {
		fmt.Fprintf(m.Stderr, "veille eval: task %q has no extractor yet in this version of veille\n", task)
		return errUsage
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			fmt.Fprintf(m.Stderr, "veille eval: gold path %s: %v\n", p, unwrap(err))
			return errUsage
		}
	}
	rep, err := scorer(ctx, paths, *misses, *shared)
	if err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "eval "+task+":") {
			msg = "eval " + task + ": " + msg // most scorers name their task already
		}
		fmt.Fprintf(m.Stderr, "veille %s\n", msg)
		return errUsage
	}
	rep.Version = versionString()
	if *jsonOut {
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	return rep.WriteTable(m.Stdout)
}

func unwrap(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}
