// Package ingest turns input bytes — plain text with a metadata header,
// JSON Lines and JSON arrays, HTML pages, RSS/Atom/JSON feeds, WARC and ARC
// files, plain or gzipped, from files, folders, stdin or URLs — into
// Records, streaming: one record at a time, never a whole corpus in memory.
//
//	err := ingest.Walk(ctx, []string{"../shared/seed"}, ingest.DefaultOptions(), func(r ingest.Result) error {
//		if r.Err != nil { log.Print(r.Err); return nil }
//		fmt.Println(r.Record.Title)
//		return nil
//	})
//
// A Result carries either a Record, a skip (a file that holds no article,
// with the reason) or a failure (with the input name and the reason); one bad
// input never stops the walk.
package ingest

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/veille/veille"
)

// Record is one article as read from its input, before normalisation
// (see Normalize). Text is plain text; when TextIsHTML is set it is HTML
// markup to be flattened first.
type Record struct {
	Origin     string        // input name: path, "path:line", "path#record", URL or "-"
	Format     veille.Format // reader that produced it
	SourceID   string        // id given by the input (corpus "id", feed GUID, WARC-Record-ID)
	URL        string
	Outlet     string
	Date       string // as written in the input; parsed by Normalize
	Lang       string // as written in the input ("en-US"); normalised by Normalize
	Title      string
	Author     string
	Text       string
	TextIsHTML bool
	// Warning is a non-fatal note about this record (e.g. "feed item has
	// only a summary; page not fetched").
	Warning string
}

// Result is what a reader emits for each record or input: exactly one of
// Record, Skip or Err is set.
type Result struct {
	Record *Record
	Origin string // input name, for skips and failures
	Skip   string // reason the input holds no article (not a failure)
	Err    error  // failure; its message names the input and the reason
}

// Emit receives the results of a reader. Returning an error stops the read
// (used for context cancellation); readers return that error unchanged.
type Emit func(Result) error

// Errors that callers test.
var (
	// ErrUnsupportedFormat: the input is not in a format veille reads.
	ErrUnsupportedFormat = errors.New("unsupported format")
	// ErrTooLarge: a record is over Options.MaxRecordBytes.
	ErrTooLarge = errors.New("record over the size cap")
	// ErrEmpty: the input holds no bytes or no text.
	ErrEmpty = errors.New("empty input")
	// ErrBinary: the input is binary, not text.
	ErrBinary = errors.New("binary input")
)

// FetchMode says whether a feed item that carries only a summary and a link
// has its page fetched.
type FetchMode string

// Fetch modes.
const (
	FetchNever   FetchMode = "never"
	FetchMissing FetchMode = "missing"
)

// Options configure the readers. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	// MaxRecordBytes caps one record (a line of JSONL, a text file, an HTML
	// page, a WARC record payload), in bytes. Larger records fail with
	// ErrTooLarge; the reader goes on with the next one.
	MaxRecordBytes int64
	// Fetch decides whether summary-only feed items get their page fetched.
	Fetch FetchMode
	// Client fetches URLs (feeds, pages). Its Timeout bounds each fetch.
	Client *http.Client
	// UserAgent is sent with every fetch.
	UserAgent string
	// FetchConcurrency bounds concurrent page fetches for one feed.
	FetchConcurrency int
	// Stdin is what the path "-" reads; nil means os.Stdin.
	Stdin io.Reader
	// Exclude lists files never read, skipped with the reason "the
	// store's own file": the store and its -wal, -shm and -journal files
	// when they sit in a folder being ingested.
	Exclude []string
}

// MaxRecordBytesLimit is the largest accepted Options.MaxRecordBytes (1 TiB).
const MaxRecordBytesLimit = 1 << 40

// DefaultOptions returns 5 MB records, no page fetching, a 30 s client
// timeout and 4 concurrent fetches.
func DefaultOptions() Options {
	return Options{
		MaxRecordBytes:   5 << 20,
		Fetch:            FetchNever,
		Client:           &http.Client{Timeout: 30 * time.Second},
		UserAgent:        "veille/0 (+https://github.com/veille/veille; news-intelligence ingest)",
		FetchConcurrency: 4,
	}
}

// inputError formats a failure that names the input and the reason.
func inputError(origin string, err error) error {
	return fmt.Errorf("%s: %w", origin, err)
}
