package ingest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/veille/veille"
)

// readAll reads r up to max bytes; it returns ErrTooLarge when r holds more.
func readAll(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w (%d bytes; raise --max-record-bytes)", ErrTooLarge, max)
	}
	return b, nil
}

// seedHeader matches the inline header of the seed form: leading white
// space, "date 2021-09", then the text on the same line.
var seedHeader = regexp.MustCompile(`^\s*date[ \t]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]+`)

// headerLine matches one "key: value" line of a metadata header.
var headerLine = regexp.MustCompile(`^(?i)(date|published|title|url|link|source|outlet|lang|language|id|author):[ \t]*(.*)$`)

// readText reads a plain-text article: an optional header (the seed's inline
// "date 2021-09 " or "key: value" lines ended by a blank line), then the
// text. Invalid UTF-8 is repaired in Normalize.
func readText(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	b, err := readAll(r, opts.MaxRecordBytes)
	if err != nil {
		return emit(Result{Origin: name, Err: inputError(name, err)})
	}
	rec := parseText(b)
	rec.Origin = name
	rec.Format = veille.FormatText
	if strings.TrimSpace(rec.Text) == "" && strings.TrimSpace(rec.Title) == "" {
		return emit(Result{Origin: name, Err: inputError(name, fmt.Errorf("%w: no text after the header", ErrEmpty))})
	}
	return emit(Result{Record: rec, Origin: name})
}

// parseText splits a plain-text file into header fields and text.
func parseText(b []byte) *Record {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	rec := &Record{}
	if m := seedHeader.FindSubmatchIndex(b); m != nil {
		rec.Date = string(b[m[2]:m[3]])
		rec.Text = string(b[m[1]:])
		return rec
	}
	s := string(b)
	trimmed := strings.TrimLeft(s, " \t\r\n")
	first, _, _ := strings.Cut(trimmed, "\n")
	if !headerLine.MatchString(strings.TrimRight(first, "\r")) {
		rec.Text = s
		return rec
	}
	rest := trimmed
	fields := map[string]string{}
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			rest = after
			break
		}
		m := headerLine.FindStringSubmatch(line)
		if m == nil {
			// Not a header after all: the whole file is text.
			rec.Text = s
			return rec
		}
		fields[strings.ToLower(m[1])] = strings.TrimSpace(m[2])
		rest = after
	}
	rec.Text = rest
	rec.Date = first2(fields, "date", "published")
	rec.Title = fields["title"]
	rec.URL = first2(fields, "url", "link")
	rec.Outlet = first2(fields, "source", "outlet")
	rec.Lang = first2(fields, "lang", "language")
	rec.SourceID = fields["id"]
	rec.Author = fields["author"]
	return rec
}

func first2(m map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := m[k]; v != "" {
			return v
		}
	}
	return ""
}
