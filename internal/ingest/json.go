package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille"
)

// readJSONLines reads one JSON object per line. A line over the size cap or
// that is not a JSON object fails alone, named "file:line".
func readJSONLines(ctx context.Context, name string, br *bufio.Reader, opts Options, emit Emit) error {
	lineNo := 0
	var buf []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		lineNo++
		line, tooLarge, err := readLine(br, opts.MaxRecordBytes, buf[:0])
		buf = line
		origin := name + ":" + strconv.Itoa(lineNo)
		if tooLarge {
			if e := emit(Result{Origin: origin, Err: inputError(origin, fmt.Errorf("%w (%d bytes; raise --max-record-bytes)", ErrTooLarge, opts.MaxRecordBytes))}); e != nil {
				return e
			}
		} else if t := bytes.TrimSpace(line); len(t) > 0 {
			if e := emitJSONObject(origin, t, veille.FormatJSONL, emit); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return emit(Result{Origin: origin, Err: inputError(origin, err)})
		}
	}
}

// readLine reads up to the next newline. A line longer than max is
// discarded as it streams by (tooLarge); memory stays bounded by max.
func readLine(br *bufio.Reader, max int64, buf []byte) (line []byte, tooLarge bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLarge {
			if int64(len(buf)+len(chunk)) > max+1 {
				tooLarge = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return buf, tooLarge, err
	}
}

// readJSONArray reads a JSON array of article objects, one element at a
// time: an element over the size cap is skipped as it streams by (memory
// stays bounded by the cap) and fails alone, named "file#N".
func readJSONArray(ctx context.Context, name string, br *bufio.Reader, opts Options, emit Emit) error {
	if err := skipJSONSpace(br); err != nil {
		return emit(Result{Origin: name, Err: inputError(name, fmt.Errorf("JSON: %w", err))})
	}
	if c, err := br.ReadByte(); err != nil || c != '[' {
		return emit(Result{Origin: name, Err: inputError(name, fmt.Errorf("%w: JSON that is neither an array nor objects", ErrUnsupportedFormat))})
	}
	for i := 0; ; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		origin := name + "#" + strconv.Itoa(i)
		elem, tooLarge, done, err := nextArrayElement(br, opts.MaxRecordBytes)
		if done {
			return nil
		}
		if err != nil {
			if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
				err = fmt.Errorf("JSON: array truncated (no closing ]): %w", io.ErrUnexpectedEOF)
			}
			return emit(Result{Origin: origin, Err: inputError(origin, err)})
		}
		if tooLarge {
			if e := emit(Result{Origin: origin, Err: inputError(origin, fmt.Errorf("%w (%d bytes; raise --max-record-bytes)", ErrTooLarge, opts.MaxRecordBytes))}); e != nil {
				return e
			}
			continue
		}
		if e := emitJSONObject(origin, elem, veille.FormatJSON, emit); e != nil {
			return e
		}
	}
}

func skipJSONSpace(br *bufio.Reader) error {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return err
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return br.UnreadByte()
		}
	}
}

// nextArrayElement reads the next element of a JSON array whose opening
// bracket was consumed: done at the closing bracket; tooLarge when the
// element is longer than max bytes (its bytes are then not kept). Strings
// and nesting are followed so that commas and brackets inside them do not
// end the element; the element itself is validated by the caller.
func nextArrayElement(br *bufio.Reader, max int64) (elem []byte, tooLarge, done bool, err error) {
	for {
		if err = skipJSONSpace(br); err != nil {
			return nil, false, false, err
		}
		c, _ := br.ReadByte()
		if c == ']' {
			return nil, false, true, nil
		}
		if c != ',' {
			br.UnreadByte()
			break
		}
	}
	var buf []byte
	var n int64
	depth, inString, escaped := 0, false, false
	add := func(c byte) {
		n++
		if n > max {
			tooLarge = true
			buf = nil
			return
		}
		buf = append(buf, c)
	}
	for {
		c, err := br.ReadByte()
		if err != nil {
			return nil, tooLarge, false, err
		}
		if inString {
			add(c)
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
				if depth == 0 {
					return buf, tooLarge, false, nil
				}
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 { // the end of the array after a scalar
				br.UnreadByte()
				return buf, tooLarge, false, nil
			}
			depth--
			add(c)
			if depth == 0 {
				return buf, tooLarge, false, nil
			}
			continue
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				br.UnreadByte()
				return buf, tooLarge, false, nil
			}
		}
		add(c)
	}
}

// Field-name variants, tried in order.
var (
	idKeys     = []string{"id", "_id", "guid", "uid", "article_id", "doc_id", "docid", "uuid"}
	urlKeys    = []string{"url", "link", "canonical_url", "canonical", "href", "uri", "source_url"}
	outletKeys = []string{"outlet", "source", "source_name", "publisher", "site_name", "sitename", "site", "domain", "media", "feed_title", "newspaper"}
	dateKeys   = []string{"date", "published", "published_at", "publishedAt", "publish_date", "date_published", "datePublished", "pubDate", "pub_date", "publication_date", "datetime", "created_at", "timestamp", "time", "date_publish"}
	titleKeys  = []string{"title", "headline", "name"}
	textKeys   = []string{"text", "content", "body", "maintext", "article", "article_text", "full_text", "fulltext", "description", "summary"}
	langKeys   = []string{"lang", "language", "locale", "lang_code", "language_code"}
	authorKeys = []string{"author", "authors", "byline", "creator", "writer"}
)

func emitJSONObject(origin string, raw []byte, format veille.Format, emit Emit) error {
	// encoding/json would turn invalid UTF-8 into U+FFFD silently: repair
	// it first, and say so.
	warning := ""
	if !utf8.Valid(raw) {
		var fixed string
		fixed, warning = repairUTF8(string(raw))
		raw = []byte(fixed)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			err = fmt.Errorf("not a JSON object (a %s)", ute.Value)
		}
		return emit(Result{Origin: origin, Err: inputError(origin, fmt.Errorf("JSON: %w", err))})
	}
	rec := &Record{Origin: origin, Format: format, Warning: warning}
	rec.SourceID = pick(m, idKeys)
	rec.URL = pick(m, urlKeys)
	rec.Outlet = pick(m, outletKeys)
	rec.Date = pick(m, dateKeys)
	rec.Title = pick(m, titleKeys)
	rec.Text = pick(m, textKeys)
	rec.Lang = pick(m, langKeys)
	rec.Author = pick(m, authorKeys)
	rec.TextIsHTML = LooksLikeHTML(rec.Text)
	if strings.TrimSpace(rec.Text) == "" && strings.TrimSpace(rec.Title) == "" {
		return emit(Result{Origin: origin, Err: inputError(origin, fmt.Errorf("%w: record has neither text nor title", ErrEmpty))})
	}
	return emit(Result{Record: rec, Origin: origin})
}

// pick returns the first non-empty value among keys, as a string: strings
// as they are, numbers formatted, {"name": …} objects (NewsAPI's source) by
// their name, arrays of strings joined with ", ". Keys match case-
// insensitively.
func pick(m map[string]any, keys []string) string {
	for _, k := range keys {
		v, ok := m[k]
		if !ok {
			for mk, mv := range m {
				if strings.EqualFold(mk, k) {
					v, ok = mv, true
					break
				}
			}
		}
		if !ok {
			continue
		}
		if s := stringOf(v); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func stringOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return ""
	case map[string]any:
		for _, k := range []string{"name", "title", "text", "value", "id", "url"} {
			if s, ok := x[k].(string); ok && s != "" {
				return s
			}
		}
	case []any:
		var parts []string
		for _, e := range x {
			if s := stringOf(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// LooksLikeHTML reports whether s holds HTML markup (tags or entities)
// that must become plain text before hashing.
func LooksLikeHTML(s string) bool {
	i := strings.IndexByte(s, '<')
	for i >= 0 && i+1 < len(s) {
		c := s[i+1]
		if c == '/' || c == '!' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
			j := strings.IndexByte(s[i:], '>')
			if j > 0 && j < 2000 {
				return true
			}
		}
		k := strings.IndexByte(s[i+1:], '<')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return strings.IndexByte(s, '&') >= 0 && leftoverEntity.MatchString(s)
}
