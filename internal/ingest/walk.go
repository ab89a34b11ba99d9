package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Walk reads every path in order: a file, a folder (recursively, in
// lexical order), "-" for standard input, or an http(s) URL (a feed or a
// page). Gzipped inputs are decompressed transparently. It calls emit for
// every record, skip and failure, and returns only the error emit returns
// or the context's.
func Walk(ctx context.Context, paths []string, opts Options, emit Emit) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case p == "-":
			in := opts.Stdin
			if in == nil {
				in = os.Stdin
			}
			err = ReadStream(ctx, "-", in, opts, emit)
		case strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://"):
			err = ReadURL(ctx, p, opts, emit)
		default:
			err = walkPath(ctx, p, opts, emit)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func walkPath(ctx context.Context, root string, opts Options, emit Emit) error {
	info, err := os.Stat(root)
	if err != nil {
		return emit(Result{Origin: root, Err: inputError(root, unwrapPathError(err))})
	}
	if !info.IsDir() {
		return ReadFile(ctx, root, opts, emit)
	}
	// A folder named through a symbolic link is walked where it points;
	// links inside it are not followed (loops, devices), but reported.
	walkRoot := root
	if resolved, err := filepath.EvalSymlinks(root); err == nil {
		walkRoot = resolved
	}
	return filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
		if walkRoot != root {
			if rel, rerr := filepath.Rel(walkRoot, path); rerr == nil {
				path = filepath.Join(root, rel)
			}
		}
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			// An unreadable folder: report it and go on with its siblings.
			if e := emit(Result{Origin: path, Err: inputError(path, unwrapPathError(err))}); e != nil {
				return e
			}
			if d != nil && d.IsDir() && path != root && path != walkRoot {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return emit(Result{Origin: path, Skip: "symbolic link (not followed inside a folder; name its target to read it)"})
		}
		if !d.Type().IsRegular() {
			return emit(Result{Origin: path, Skip: "not a regular file (" + d.Type().String() + ")"})
		}
		if excluded(path, opts.Exclude) {
			return emit(Result{Origin: path, Skip: "the store's own file"})
		}
		return ReadFile(ctx, path, opts, emit)
	})
}

// excluded reports whether path is one of the excluded files or their
// SQLite companions (-wal, -shm, -journal).
func excluded(path string, ex []string) bool {
	if len(ex) == 0 {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, e := range ex {
		e, err := filepath.Abs(e)
		if err != nil {
			continue
		}
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			if abs == e+suffix {
				return true
			}
		}
	}
	return false
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// docNames are documentation files that sit beside data and hold no
// article: they are skipped, not failed.
var docNames = map[string]bool{
	"readme": true, "source": true, "license": true, "licence": true, "notice": true,
	"changelog": true, "authors": true, "contributing": true, "copying": true, "holdout": true,
}

// ReadFile reads one file, choosing the reader by extension and content.
func ReadFile(ctx context.Context, path string, opts Options, emit Emit) error {
	base := strings.ToLower(filepath.Base(path))
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if docNames[stem] && (strings.HasSuffix(base, ".md") || strings.HasSuffix(base, ".txt") || !strings.Contains(base, ".")) {
		return emit(Result{Origin: path, Skip: "documentation file"})
	}
	// Named pipes, devices and sockets would block or never end: only
	// regular files are read (stdin is "-").
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return emit(Result{Origin: path, Err: inputError(path, fmt.Errorf("not a regular file (%s); use - to read standard input", fi.Mode().Type()))})
	}
	f, err := os.Open(path)
	if err != nil {
		return emit(Result{Origin: path, Err: inputError(path, unwrapPathError(err))})
	}
	defer f.Close()
	return ReadStream(ctx, path, f, opts, emit)
}

// ReadStream reads one input stream named name (a path, "-" or a URL),
// gunzipping it when it starts with the gzip magic number, and dispatches
// to the reader its extension and first bytes call for.
func ReadStream(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(2)
	var src io.Reader = br
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b && !isWARCName(name) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return emit(Result{Origin: name, Err: inputError(name, fmt.Errorf("gzip: %w", err))})
		}
		zr.Multistream(true)
		defer zr.Close()
		src = &gzipErrReader{r: zr}
		br = bufio.NewReaderSize(src, 64<<10)
		src = br
	}
	// A UTF-16 text (with its byte order mark) is read as UTF-8; a UTF-8
	// byte order mark is dropped.
	if bom, _ := br.Peek(3); len(bom) >= 2 && (bom[0] == 0xff && bom[1] == 0xfe || bom[0] == 0xfe && bom[1] == 0xff) {
		br = bufio.NewReaderSize(transform.NewReader(br, unicode.BOMOverride(unicode.UTF8.NewDecoder())), 64<<10)
	} else if len(bom) == 3 && bom[0] == 0xef && bom[1] == 0xbb && bom[2] == 0xbf {
		br.Discard(3)
	}
	kind, err := sniff(name, br)
	if err != nil {
		return emit(Result{Origin: name, Err: inputError(name, err)})
	}
	switch kind {
	case kindEmpty:
		return emit(Result{Origin: name, Err: inputError(name, ErrEmpty)})
	case kindBinary:
		return emit(Result{Origin: name, Err: inputError(name, fmt.Errorf("%w: not text, HTML, JSON, feed, WARC or ARC", ErrBinary))})
	case kindJSONL:
		return readJSONLines(ctx, name, br, opts, emit)
	case kindJSONArray:
		return readJSONArray(ctx, name, br, opts, emit)
	case kindHTML:
		return readHTML(ctx, name, br, opts, emit)
	case kindFeed:
		return readFeed(ctx, name, br, opts, emit)
	case kindWARC:
		return readWARC(ctx, name, br, opts, emit)
	case kindARC:
		return readARC(ctx, name, br, opts, emit)
	default:
		return readText(ctx, name, br, opts, emit)
	}
}

// gzipErrReader marks errors of a truncated or corrupt gzip stream so that
// readers report them as such.
type gzipErrReader struct{ r io.Reader }

func (g *gzipErrReader) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w", err)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("gzip: truncated stream: %w", io.ErrUnexpectedEOF)
	}
	return n, err
}

type inputKind int

const (
	kindText inputKind = iota
	kindEmpty
	kindBinary
	kindJSONL
	kindJSONArray
	kindHTML
	kindFeed
	kindWARC
	kindARC
)

func isWARCName(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".warc.gz") || strings.HasSuffix(n, ".arc.gz") ||
		strings.Contains(n, ".warc.gz.") // e.g. example-bad.warc.gz.bad
}

// sniff decides the reader from the name and the first bytes, which it
// peeks without consuming.
func sniff(name string, br *bufio.Reader) (inputKind, error) {
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) && len(head) == 0 {
		return 0, err
	}
	if len(bytes.TrimSpace(head)) == 0 {
		if len(head) == 0 {
			return kindEmpty, nil
		}
		// Only white space in the first 4 KB: look further for content.
		for {
			b, err := br.Peek(len(head) + 1)
			if len(b) > len(head) && len(bytes.TrimSpace(b)) > 0 {
				break
			}
			if err != nil || len(b) >= 64<<10 {
				return kindEmpty, nil
			}
			head = b
		}
		head, _ = br.Peek(64 << 10)
	}
	lower := strings.ToLower(name)
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	t = bytes.TrimPrefix(t, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.HasPrefix(t, []byte("WARC/")):
		return kindWARC, nil
	case isGzip(head) && isWARCName(name):
		return kindWARC, nil
	case bytes.HasPrefix(head, []byte("filedesc://")):
		return kindARC, nil
	case isGzip(head) && strings.Contains(lower, ".arc"):
		return kindARC, nil
	}
	if looksBinary(head) {
		return kindBinary, nil
	}
	ext := extOf(lower)
	switch ext {
	case ".jsonl", ".ndjson", ".jsonlines":
		return kindJSONL, nil
	case ".rss", ".atom", ".rdf":
		return kindFeed, nil
	case ".warc":
		return kindWARC, nil
	case ".arc":
		return kindARC, nil
	}
	switch {
	case len(t) > 0 && t[0] == '[':
		return kindJSONArray, nil
	case len(t) > 0 && t[0] == '{':
		if ext == ".json" && isJSONFeed(t) {
			return kindFeed, nil
		}
		if isJSONFeed(t) {
			return kindFeed, nil
		}
		return kindJSONL, nil
	case len(t) > 0 && t[0] == '<':
		s := strings.ToLower(string(t[:min(len(t), 2048)]))
		if strings.Contains(s, "<rss") || strings.Contains(s, "<feed") || strings.Contains(s, "<rdf:rdf") {
			return kindFeed, nil
		}
		if strings.Contains(s, "<html") || strings.Contains(s, "<!doctype html") || strings.Contains(s, "<body") || strings.Contains(s, "<head") || ext == ".html" || ext == ".htm" {
			return kindHTML, nil
		}
		if strings.HasPrefix(s, "<?xml") {
			return kindFeed, nil // the feed reader says what it cannot read
		}
	}
	if ext == ".html" || ext == ".htm" || ext == ".xhtml" {
		return kindHTML, nil
	}
	if ext == ".xml" {
		return kindFeed, nil
	}
	return kindText, nil
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

func isJSONFeed(t []byte) bool {
	return bytes.Contains(t[:min(len(t), 512)], []byte("jsonfeed.org/version"))
}

// extOf returns the extension of name without a trailing .gz.
func extOf(lower string) string {
	lower = strings.TrimSuffix(lower, ".gz")
	return filepath.Ext(lower)
}

// looksBinary reports NUL bytes or a high share of control bytes in the
// sample. Invalid UTF-8 alone is not binary: Latin-1 text is repaired.
func looksBinary(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return ctl*100/len(b) > 5
}
