package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"
	"github.com/mmcdole/gofeed/rss"

	"github.com/veille/veille"
)

// feedSizeFactor bounds a feed document: it is parsed whole (gofeed builds
// every item in memory, about 40 bytes of heap per byte of feed for tiny
// items), so it may hold at most feedSizeFactor × Options.MaxRecordBytes
// (5 MB by default) to keep memory bounded.
const feedSizeFactor = 1

// summaryMaxRunes is the length, in characters of plain text, under which
// the text of a feed item that links to a page is taken for a summary of
// that page rather than the article itself.
const summaryMaxRunes = 600

// Warnings set on feed items that carry only a summary.
const (
	warnSummaryNotFetched = "feed item has only a summary; page not fetched"
	warnSummaryFetchFail  = "feed item has only a summary; fetching the page failed: "
)

// feedCap returns the largest feed document read, in bytes.
func feedCap(opts Options) int64 {
	if opts.MaxRecordBytes <= 0 {
		return DefaultOptions().MaxRecordBytes * feedSizeFactor
	}
	return opts.MaxRecordBytes * feedSizeFactor
}

// readFeed reads an RSS (0.9x, 1.0 RDF, 2.0), Atom or JSON Feed document
// and emits one record per item, in feed order (see readFeedDoc).
func readFeed(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	return readFeedDoc(ctx, name, r, "", opts, emit)
}

// readFeedDoc reads a feed document whose HTTP charset, if any, is
// httpCharset, and emits one record per item, in feed order, named
// "name#i" (i from 0). Bytes in any encoding are decoded to UTF-8 first
// (see xmlToUTF8). A document that is not a feed, or a feed with no items,
// is a skip; broken XML or JSON in a feed is a failure. Items whose text is
// a short summary of a linked page get their page fetched when opts.Fetch is
// FetchMissing, or a Warning otherwise.
func readFeedDoc(ctx context.Context, name string, r io.Reader, httpCharset string, opts Options, emit Emit) error {
	b, err := readAll(r, feedCap(opts))
	if err != nil {
		return emit(Result{Origin: name, Err: inputError(name, err)})
	}
	feed, langs, skip, err := parseFeed(b, httpCharset)
	switch {
	case err != nil:
		return emit(Result{Origin: name, Err: inputError(name, err)})
	case skip != "":
		return emit(Result{Origin: name, Skip: skip})
	case len(feed.Items) == 0:
		return emit(Result{Origin: name, Skip: "feed has no items"})
	}
	results := feedResults(name, feed, langs, opts.MaxRecordBytes)
	return emitFeedResults(ctx, results, opts, emit)
}

// parseFeed parses a feed document. It returns the feed and, per item, the
// item's own language when the format carries one (JSON Feed 1.1); or a
// skip reason when the document is not a feed; or an error when the
// document is broken.
func parseFeed(b []byte, httpCharset string) (feed *gofeed.Feed, langs []string, skip string, err error) {
	t := bytes.TrimLeft(fromUTF16(b), " \t\r\n")
	t = bytes.TrimLeft(bytes.TrimPrefix(t, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) == 0 {
		return nil, nil, "", ErrEmpty
	}
	switch t[0] {
	case '{':
		return parseJSONFeed(textToUTF8(t, httpCharset))
	case '<':
		return parseXMLFeed(xmlToUTF8(b, httpCharset))
	}
	return nil, nil, "not a feed (neither XML nor JSON)", nil
}

// parseJSONFeed parses a JSON Feed (version 1 or 1.1).
func parseJSONFeed(b []byte) (*gofeed.Feed, []string, string, error) {
	var probe struct {
		Version any `json:"version"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return nil, nil, "", fmt.Errorf("broken JSON feed: %w", err)
	}
	if v, _ := probe.Version.(string); !strings.Contains(v, "jsonfeed.org/version") {
		return nil, nil, "not a feed (JSON without a JSON Feed version)", nil
	}
	jf, err := (&jsonfeed.Parser{}).Parse(bytes.NewReader(b))
	if err != nil {
		return nil, nil, "", fmt.Errorf("broken JSON feed: %w", err)
	}
	feed, err := (&gofeed.DefaultJSONTranslator{}).Translate(jf)
	if err != nil {
		return nil, nil, "", fmt.Errorf("JSON feed: %w", err)
	}
	langs := make([]string, len(jf.Items))
	for i, it := range jf.Items {
		if it != nil {
			langs[i] = it.Language
		}
	}
	return feed, langs, "", nil
}

// parseXMLFeed parses an RSS, RDF or Atom document already in UTF-8,
// choosing the parser from the root element (so that a root preceded by a
// long comment or doctype is still found).
func parseXMLFeed(b []byte) (*gofeed.Feed, []string, string, error) {
	root, err := xmlRoot(b)
	if err != nil {
		return nil, nil, "", fmt.Errorf("broken XML: %w", err)
	}
	var feed *gofeed.Feed
	switch strings.ToLower(root) {
	case "rss", "rdf":
		rf, err := (&rss.Parser{}).Parse(bytes.NewReader(b))
		if err != nil {
			return nil, nil, "", fmt.Errorf("broken XML in RSS feed: %w", err)
		}
		if feed, err = (&gofeed.DefaultRSSTranslator{}).Translate(rf); err != nil {
			return nil, nil, "", fmt.Errorf("RSS feed: %w", err)
		}
	case "feed":
		af, err := (&atom.Parser{}).Parse(bytes.NewReader(b))
		if err != nil {
			return nil, nil, "", fmt.Errorf("broken XML in Atom feed: %w", err)
		}
		if feed, err = (&gofeed.DefaultAtomTranslator{}).Translate(af); err != nil {
			return nil, nil, "", fmt.Errorf("Atom feed: %w", err)
		}
	case "html":
		return nil, nil, "not a feed (an HTML page)", nil
	default:
		return nil, nil, fmt.Sprintf("not a feed (XML whose root element is <%s>)", root), nil
	}
	return feed, nil, "", nil
}

// xmlRoot returns the local name of the root element of an XML document,
// read leniently as gofeed reads it (unknown entities are kept as text,
// never expanded, so entity bombs cost nothing).
func xmlRoot(b []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return "", errors.New("no root element")
		}
		if err != nil {
			return "", err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local, nil
		}
	}
}

// feedResults turns the items of feed into results, in feed order: a
// record per item, or a skip for an empty item (neither text nor title).
func feedResults(name string, feed *gofeed.Feed, langs []string, maxRecord int64) []Result {
	out := make([]Result, 0, len(feed.Items))
	for i, it := range feed.Items {
		origin := name + "#" + strconv.Itoa(i)
		if it == nil {
			continue
		}
		rec := &Record{
			Origin:   origin,
			Format:   veille.FormatFeed,
			SourceID: clean(it.GUID),
			URL:      clean(it.Link),
			Outlet:   clean(feed.Title),
			Date:     itemDate(it),
			Title:    clean(it.Title),
			Author:   itemAuthor(it),
		}
		if rec.URL == "" && len(it.Links) > 0 {
			rec.URL = clean(it.Links[0])
		}
		if i < len(langs) {
			rec.Lang = clean(langs[i])
		}
		if rec.Lang == "" && it.DublinCoreExt != nil && len(it.DublinCoreExt.Language) > 0 {
			rec.Lang = clean(it.DublinCoreExt.Language[0])
		}
		if rec.Lang == "" {
			rec.Lang = clean(feed.Language)
		}
		rec.Text = clean(it.Content)
		if rec.Text == "" {
			rec.Text = clean(it.Description)
		}
		rec.TextIsHTML = LooksLikeHTML(rec.Text)
		if maxRecord > 0 && int64(len(rec.Text)+len(rec.Title)) > maxRecord {
			out = append(out, Result{Origin: origin, Err: inputError(origin, fmt.Errorf("%w (%d bytes; raise --max-record-bytes)", ErrTooLarge, maxRecord))})
			continue
		}
		if rec.Text == "" && rec.Title == "" {
			out = append(out, Result{Origin: origin, Skip: "feed item has neither text nor title"})
			continue
		}
		out = append(out, Result{Record: rec, Origin: origin})
	}
	return out
}

// itemDate returns the published date of an item, else its updated date:
// in RFC 3339 when gofeed could parse it, else as written.
func itemDate(it *gofeed.Item) string {
	for _, d := range []struct {
		parsed *time.Time
		raw    string
	}{{it.PublishedParsed, it.Published}, {it.UpdatedParsed, it.Updated}} {
		if d.parsed != nil && !d.parsed.IsZero() {
			return d.parsed.Format(time.RFC3339)
		}
		if s := clean(d.raw); s != "" {
			return s
		}
	}
	return ""
}

// itemAuthor joins the names (or, lacking a name, the e-mail addresses) of
// an item's authors with ", ".
func itemAuthor(it *gofeed.Item) string {
	persons := it.Authors
	if len(persons) == 0 && it.Author != nil {
		persons = []*gofeed.Person{it.Author}
	}
	var names []string
	for _, p := range persons {
		if p == nil {
			continue
		}
		if n := clean(p.Name); n != "" {
			names = append(names, n)
		} else if e := clean(p.Email); e != "" {
			names = append(names, e)
		}
	}
	return strings.Join(names, ", ")
}

// clean trims s and replaces invalid UTF-8.
func clean(s string) string {
	return strings.TrimSpace(strings.ToValidUTF8(s, "\uFFFD"))
}

// isSummaryOnly reports whether a feed record links to a page and carries
// only a summary of it: fewer than summaryMaxRunes characters of plain text.
func isSummaryOnly(rec *Record) bool {
	return rec.URL != "" && plainLen(rec.Text) < summaryMaxRunes
}

// plainLen returns the number of characters of s once tags are dropped and
// entities decoded; it is an estimate for comparing lengths, not a parser.
func plainLen(s string) int {
	if !strings.ContainsAny(s, "<&") {
		return utf8.RuneCountInString(strings.TrimSpace(s))
	}
	var b strings.Builder
	inTag := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inTag:
			inTag = c != '>'
		case c == '<' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '!' || isASCIILetter(s[i+1])):
			inTag = true
		default:
			b.WriteByte(c)
		}
	}
	return utf8.RuneCountInString(strings.TrimSpace(html.UnescapeString(b.String())))
}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// emitFeedResults emits results in order. With FetchMissing, the pages of
// summary-only records are fetched first, at most opts.FetchConcurrency at
// a time, while earlier results are already being emitted; otherwise such
// records get a warning. It returns the first error of emit or of ctx.
func emitFeedResults(ctx context.Context, results []Result, opts Options, emit Emit) error {
	var jobs []int
	for i, res := range results {
		if res.Record == nil || !isSummaryOnly(res.Record) {
			continue
		}
		if opts.Fetch == FetchMissing {
			jobs = append(jobs, i)
		} else {
			res.Record.Warning = warnSummaryNotFetched
		}
	}
	if len(jobs) == 0 {
		for _, res := range results {
			if err := emit(res); err != nil {
				return err
			}
		}
		return nil
	}

	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()
	done := make([]chan struct{}, len(results))
	for _, i := range jobs {
		done[i] = make(chan struct{})
	}
	queue := make(chan int)
	wg.Go(func() {
		defer close(queue)
		for _, i := range jobs {
			select {
			case queue <- i:
			case <-ctx.Done():
				return
			}
		}
	})
	for range min(max(opts.FetchConcurrency, 1), len(jobs)) {
		wg.Go(func() {
			for i := range queue {
				fillFromPage(ctx, results[i].Record, opts)
				close(done[i])
			}
		})
	}
	for i, res := range results {
		if done[i] != nil {
			select {
			case <-done[i]:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if err := emit(res); err != nil {
			return err
		}
	}
	return nil
}

// fillFromPage fetches the page a summary-only record links to and, when
// the page holds a longer article, replaces the record's text with it and
// fills the fields the feed left empty. On any failure the record keeps its
// summary and gets a warning saying why.
func fillFromPage(ctx context.Context, rec *Record, opts Options) {
	fail := func(err error) { rec.Warning = warnSummaryFetchFail + err.Error() }
	page, err := fetch(ctx, rec.URL, opts.MaxRecordBytes, opts)
	if err != nil {
		fail(err)
		return
	}
	if !isHTMLPage(page.contentType, page.body) {
		fail(fmt.Errorf("page is not HTML (%s)", page.contentType))
		return
	}
	art, err := extractPage(page.body, page.url, page.contentType)
	if err != nil {
		fail(fmt.Errorf("no article in the page: %w", err))
		return
	}
	if art == nil || plainLen(art.Text) <= plainLen(rec.Text) {
		fail(errors.New("the page holds no more text than the summary"))
		return
	}
	rec.Text, rec.TextIsHTML = art.Text, art.TextIsHTML
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&rec.Title, art.Title}, {&rec.Author, art.Author}, {&rec.Date, art.Date},
		{&rec.Lang, art.Lang}, {&rec.Outlet, art.Outlet},
	} {
		if *f.dst == "" {
			*f.dst = clean(f.src)
		}
	}
	rec.Warning = ""
}
