// Command veille turns news articles into a sourced, searchable knowledge
// base: it ingests articles from files, folders, feeds and pages, extracts
// what they say, stores them in an embedded SQLite file and searches them.
//
// Run `veille help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go watchdog(ctx, stop, interruptGrace, func() {
		fmt.Fprintf(os.Stderr, "veille: still busy %v after the interrupt; stopping now\n", interruptGrace)
		os.Exit(130)
	})
	m := NewMain()
	os.Exit(m.Run(ctx, os.Args[1:]))
}

// interruptGrace is how long a command may take to stop cleanly after
// SIGINT or SIGTERM (finish the batch it is writing, close the store)
// before the process exits anyway. Stopping there is safe: the store
// commits whole batches only.
const interruptGrace = 5 * time.Second

// watchdog waits for ctx to end (the first SIGINT or SIGTERM), restores
// the signals' default action with stop, so that a second signal kills
// the process at once, then calls exit after grace: an article whose
// analysis takes long never keeps the process deaf to the signal.
func watchdog(ctx context.Context, stop func(), grace time.Duration, exit func()) {
	<-ctx.Done()
	stop()
	time.Sleep(grace)
	exit()
}

// Main is the testable program: its streams and environment are fields, so
// tests run commands in-process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// IsTerminal reports whether stderr is a terminal (progress bars).
	IsTerminal bool
}

// NewMain returns a Main bound to the process's streams and environment.
func NewMain() *Main {
	term := false
	if fi, err := os.Stderr.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		term = true
	}
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, IsTerminal: term}
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "read articles from files, folders, feeds, pages or stdin into the store", (*Main).ingest},
		{"search", "full-text search of the stored articles", (*Main).search},
		{"show", "print one stored article and its analysis", (*Main).show},
		{"analyze", "analyse articles and print the analysis as JSON lines (stores nothing)", (*Main).analyze},
		{"reanalyze", "re-run the current extractors over stored articles", (*Main).reanalyze},
		{"stats", "summarise the store", (*Main).stats},
		{"eval", "score an extraction task on gold data", (*Main).eval},
		{"serve", "serve the web UI and the JSON API on the store", (*Main).serve},
		{"version", "print veille's version", (*Main).version},
	}
}

// errUsage marks a usage error: exit status 2, message already printed.
var errUsage = errors.New("usage")

// exitError carries an exit status without a message to print.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Run runs the command line args (without the program name) and returns
// the exit status: 0 success, 1 failure, 2 usage error.
func (m *Main) Run(ctx context.Context, args []string) int {
	args = commandFirst(args)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			return m.Run(ctx, []string{args[1], "--help"})
		}
		m.usage(m.Stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(m, ctx, args[1:])
		var ee exitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			return ee.code
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(m.Stderr, "veille %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(m.Stderr, "veille: unknown command %q\n\n", args[0])
	m.usage(m.Stderr)
	return 2
}

// commandFirst moves flags written before the command after it, so that
// "veille --db x.db stats" means "veille stats --db x.db".
func commandFirst(args []string) []string {
	i := 0
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" && args[i] != "--" {
		name := strings.TrimLeft(args[i], "-")
		if name == "h" || name == "help" {
			return args
		}
		if !strings.Contains(name, "=") && boolFlags[name] == false && i+1 < len(args) {
			i++ // the flag's value
		}
		i++
	}
	if i == 0 || i >= len(args) {
		return args
	}
	out := append([]string{args[i]}, args[:i]...)
	return append(out, args[i+1:]...)
}

// boolFlags are flags that take no value.
var boolFlags = map[string]bool{"json": true, "pretty": true, "quiet": true, "verbose": true, "all": true, "misses": true}

func (m *Main) usage(w io.Writer) {
	fmt.Fprintf(w, "veille — news intelligence: ingest, analyse, store and search articles.\n\nUsage: veille COMMAND [flags] [args]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nEvery command accepts --db FILE (default ./veille.db, or $VEILLE_DB); flags may come before or after arguments.\nRun `veille COMMAND --help` for a command's flags and examples.\n")
}
