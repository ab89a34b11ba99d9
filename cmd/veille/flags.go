package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
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
// --help prints the usage on stdout and returns errHelp.
func (m *Main) parse(fs *flag.FlagSet, args []string) ([]string, error) {
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

// openStore opens (creating if needed) the SQLite store at path.
func openStore(ctx context.Context, path string) (*sqlite.DB, error) {
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return db, nil
}
