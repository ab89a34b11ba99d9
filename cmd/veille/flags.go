package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/veille/veille/internal/store/sqlite"
)

// defaultDB is the store file when neither --db nor VEILLE_DB is given.
const defaultDB = "veille.db"

// newFlags returns a FlagSet for a command, with --db and a --help that
// prints the usage line, the flags and the examples.
func (m *Main) newFlags(name, usage, examples string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := m.Getenv("VEILLE_DB")
	if db == "" {
		db = defaultDB
	}
	dbp := fs.String("db", db, "SQLite store `file` (env VEILLE_DB)")
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: veille %s %s\n\nFlags:\n", name, usage)
		fs.PrintDefaults()
		if examples != "" {
			fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(examples, "\n"))
		}
	}
	return fs, dbp
}

// parse parses args, accepting flags before or after positional
// arguments ("veille search wagner --json"); "--" ends flag parsing.
// --help prints the usage on stdout and returns exitError{0}.
func (m *Main) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	return m.parseArgs(fs, args, false)
}

// parseWords is parse for commands whose arguments are query words: an
// argument such as "-russie" that names no flag is a word, not an error.
func (m *Main) parseWords(fs *flag.FlagSet, args []string) ([]string, error) {
	return m.parseArgs(fs, args, true)
}

func (m *Main) parseArgs(fs *flag.FlagSet, args []string, dashWords bool) ([]string, error) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(m.Stdout)
			fs.Usage()
			return nil, exitError{0}
		}
	}
	var pos []string
	for {
		if dashWords {
			// Take leading arguments that look like flags but name none
			// as words.
			for len(args) > 0 && isDashWord(fs, args[0]) {
				pos = append(pos, args[0])
				args = args[1:]
			}
		}
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitError{0}
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// isDashWord reports whether a is "-word" (or "--word") where word is not
// a flag of fs.
func isDashWord(fs *flag.FlagSet, a string) bool {
	if len(a) < 2 || a[0] != '-' || a == "--" {
		return false
	}
	name := strings.TrimLeft(a, "-")
	name, _, _ = strings.Cut(name, "=")
	if name == "" || name == "h" || name == "help" {
		return false
	}
	return fs.Lookup(name) == nil
}

// openExisting opens the store at path for a command that reads it: a
// missing file is an error (naming it) rather than a new empty store.
func openExisting(ctx context.Context, path string) (*sqlite.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no store at %s (run `veille ingest` first, or give --db or VEILLE_DB)", path)
	}
	return openStore(ctx, path)
}

// openStore opens (creating if needed) the SQLite store at path.
func openStore(ctx context.Context, path string) (*sqlite.DB, error) {
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return db, nil
}
