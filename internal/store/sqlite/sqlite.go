// Package sqlite implements store.Store on an embedded SQLite database
// (modernc.org/sqlite, pure Go) with an FTS5 full-text index.
//
//	db, err := sqlite.Open(ctx, "veille.db", sqlite.Options{})
//	if err != nil { ... }
//	defer db.Close()
//	res, err := db.Put(ctx, entries)
//	hits, err := db.Search(ctx, store.SearchQuery{Text: "mercenaires -russie"})
//
// The database runs in WAL mode: one process writes at a time (a writer
// waits up to Options.BusyTimeout for another to finish) while any number
// of connections, in this process or others, read a consistent snapshot
// without waiting. Every Put is one transaction that writes the articles
// and their full-text index entries, so a process killed at any point
// leaves each article with its index entry, or neither. Commits survive a
// crash of the process; with synchronous=NORMAL, a power failure may lose
// the last commits but never corrupts the file.
//
// The schema is created and upgraded by the numbered scripts in
// migrations/, each applied once, in its own transaction, and recorded in
// the migrations table.
//
// Search compiles a store.Query to an FTS5 MATCH expression in which every
// token is quoted, so no user input can make it invalid. A bare word
// matches its surface form in the title or text (case and diacritics
// folded: "decennie" finds "décennie") or its French or English Snowball
// stem in a stemmed copy of the article ("mercenaire" finds "mercenaires"),
// whatever the article's language. Hit.Score is SQLite's bm25 with a title
// match weighted 4, the text 1 and the stemmed copy 1: negative, lower is
// better, comparable only within one result list.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/veille/veille/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Options configures Open. The zero value of each field means its default.
type Options struct {
	// BusyTimeout is how long a statement waits for a lock held by another
	// connection or process before failing with SQLITE_BUSY. Default 10 s.
	BusyTimeout time.Duration
	// MaxReadConns bounds the connections that serve Search, Article and
	// Stats concurrently. Default 4. Writes always use one connection.
	MaxReadConns int
	// CacheSize is the page cache of the writing connection, in bytes.
	// Default 32 MiB. Readers use SQLite's default (2 MiB each).
	CacheSize int64
	// Now is the clock used for Article.IngestedAt and Source.SeenAt when
	// an entry leaves them zero. Default time.Now.
	Now func() time.Time
	// Logger receives migration events. Default: discard.
	Logger *slog.Logger
}

// DefaultOptions returns the options Open uses for zero fields.
func DefaultOptions() Options {
	return Options{
		BusyTimeout:  10 * time.Second,
		MaxReadConns: 4,
		CacheSize:    32 << 20,
		Now:          time.Now,
		Logger:       slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = d.BusyTimeout
	}
	if o.MaxReadConns <= 0 {
		o.MaxReadConns = d.MaxReadConns
	}
	if o.CacheSize <= 0 {
		o.CacheSize = d.CacheSize
	}
	if o.Now == nil {
		o.Now = d.Now
	}
	if o.Logger == nil {
		o.Logger = d.Logger
	}
	return o
}

// DB is a store.Store backed by one SQLite file. It is safe for concurrent
// use by multiple goroutines; several DBs (or processes) may open the same
// file.
type DB struct {
	path  string
	opts  Options
	write *sql.DB // one connection; transactions BEGIN IMMEDIATE
	read  *sql.DB // query_only connections
	put   *putStmts
	log   *slog.Logger
}

var _ store.Store = (*DB)(nil)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Open opens the SQLite database at path, creating the file if needed, and
// applies the migrations it lacks. path must name a file (":memory:" is not
// supported: readers and the writer need to share it). It returns an error
// when the file cannot be opened or a migration fails, and when the database
// was migrated by a newer version of veille than this one.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("sqlite: open %q: want the path of a database file", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %q: %w", path, err)
	}
	opts = opts.withDefaults()
	db := &DB{path: abs, opts: opts, log: opts.Logger.With("component", "sqlite")}

	uri := "file:" + (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath()
	busy := "_pragma=busy_timeout(" + strconv.FormatInt(opts.BusyTimeout.Milliseconds(), 10) + ")"
	db.write, err = sql.Open("sqlite", uri+"?_txlock=immediate&"+busy+
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"+
		"&_pragma=temp_store(MEMORY)&_pragma=cache_size("+strconv.FormatInt(-(opts.CacheSize>>10), 10)+")")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxLifetime(0)
	db.write.SetConnMaxIdleTime(0)

	// Create the file and switch it to WAL before readers open it.
	if err := db.setWAL(ctx); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	if err := db.migrate(ctx); err != nil {
		db.write.Close()
		return nil, err
	}
	if db.put, err = preparePut(ctx, db.write); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}

	db.read, err = sql.Open("sqlite", uri+"?"+busy+"&_pragma=query_only(1)")
	if err != nil {
		db.write.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	db.read.SetMaxOpenConns(opts.MaxReadConns)
	db.read.SetMaxIdleConns(opts.MaxReadConns)
	if err := db.read.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	return db, nil
}

// setWAL switches the database to WAL mode (a persistent setting of the
// file). Changing the journal mode needs the file to itself, and SQLite
// reports SQLITE_BUSY at once rather than waiting when other connections
// hold it, so setWAL retries for up to Options.BusyTimeout.
func (db *DB) setWAL(ctx context.Context) error {
	deadline := time.Now().Add(db.opts.BusyTimeout)
	wait := time.Millisecond
	for {
		var mode string
		err := db.write.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode)
		switch {
		case err == nil && strings.EqualFold(mode, "wal"):
			return nil
		case err == nil:
			return fmt.Errorf("journal_mode is %s, not wal", mode)
		case !isBusy(err) || time.Now().After(deadline):
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 100*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (or an extended code
// of it).
func isBusy(err error) bool {
	var e interface{ Code() int }
	return errors.As(err, &e) && e.Code()&0xff == 5 // SQLITE_BUSY
}

// Path returns the absolute path of the database file.
func (db *DB) Path() string { return db.path }

// Close closes the database. It must not be called while other calls on
// db are running; it waits for the queries in progress to end.
func (db *DB) Close() error {
	var errs []error
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.put != nil {
		db.put.close()
	}
	if db.write != nil {
		// Checkpoint so that the WAL file stays small between runs; another
		// process still reading makes it a partial checkpoint, which is fine.
		_, _ = db.write.Exec("PRAGMA wal_checkpoint(PASSIVE)")
		errs = append(errs, db.write.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlite: close: %w", err)
	}
	return nil
}

// migration is one numbered script of migrations/.
type migration struct {
	version int
	name    string
}

// migrations lists the embedded scripts in version order. A script is
// named NNNN_what.sql; versions start at 1 and have no gaps.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := filepath.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("sqlite: migration %s: name must start with a positive number and _", base)
		}
		ms = append(ms, migration{version: v, name: base})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("sqlite: migration %s: want version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate applies the migrations the database lacks, each in its own
// immediate transaction, so that two processes opening a new file at once
// apply each script exactly once.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	// A database that holds tables but no migrations table is not a veille
	// store: refuse to add ours to it.
	var tables, ours int
	if err := db.write.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE name = 'migrations') FROM sqlite_schema WHERE type = 'table'`).Scan(&tables, &ours); err != nil {
		return fmt.Errorf("sqlite: read schema: %w", err)
	}
	if tables > 0 && ours == 0 {
		return fmt.Errorf("sqlite: %s is an SQLite database but not a veille store (it has %d tables of its own); give another --db", db.path, tables)
	}
	if _, err := db.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at TEXT    NOT NULL
	)`); err != nil {
		return fmt.Errorf("sqlite: create migrations table: %w", err)
	}
	var latest int
	if err := db.write.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM migrations`).Scan(&latest); err != nil {
		return fmt.Errorf("sqlite: read migrations: %w", err)
	}
	if latest > len(ms) {
		return fmt.Errorf("sqlite: database %s is at schema version %d, newer than this program's %d", db.path, latest, len(ms))
	}
	for _, m := range ms[latest:] {
		if err := db.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one migration unless another process did it first.
func (db *DB) apply(ctx context.Context, m migration) error {
	script, err := migrationFS.ReadFile("migrations/" + m.name)
	if err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	var done int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE version = ?`, m.version).Scan(&done); err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, db.opts.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migration %s: %w", m.name, err)
	}
	db.log.Info("applied migration", "version", m.version, "name", m.name, "path", db.path)
	return nil
}
