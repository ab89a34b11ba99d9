package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// fallbackClient fetches when Options.Client is nil.
var fallbackClient = &http.Client{Timeout: 30 * time.Second}

// fetched is a document fetched over HTTP.
type fetched struct {
	body        []byte
	contentType string // Content-Type header, as sent
	url         string // final URL, after redirects
}

// fetch GETs rawURL with opts.Client (its Timeout bounds the whole
// exchange) and opts.UserAgent, and returns the body, at most max bytes.
// A URL that is not http(s), a transport error, a status outside 2xx and a
// body over max bytes (ErrTooLarge) are errors; their messages do not
// repeat the URL.
func fetch(ctx context.Context, rawURL string, max int64, opts Options) (*fetched, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("not an http(s) URL: %q", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if opts.UserAgent != "" {
		req.Header.Set("User-Agent", opts.UserAgent)
	}
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, application/xhtml+xml;q=0.9, */*;q=0.5")
	client := opts.Client
	if client == nil {
		client = fallbackClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fetchError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	if max <= 0 {
		max = DefaultOptions().MaxRecordBytes
	}
	if resp.ContentLength > max {
		return nil, fmt.Errorf("%w (%d bytes announced, cap %d)", ErrTooLarge, resp.ContentLength, max)
	}
	body, err := readAll(resp.Body, max)
	if err != nil {
		return nil, fetchError(err)
	}
	return &fetched{body: body, contentType: resp.Header.Get("Content-Type"), url: resp.Request.URL.String()}, nil
}

// fetchError drops the "Get "url": " prefix of transport errors (callers
// name the URL) and says "timed out" for timeouts.
func fetchError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("timed out: %w", err)
	}
	return err
}

// ReadURL fetches url (a feed, an HTML page, or any file veille reads) with
// opts.Client and opts.UserAgent, and reads it through ReadContent. The
// body is capped at the feed size (see feedCap); a failed fetch, a status
// outside 2xx or an oversized body is a failure naming the URL. It returns
// only the error of emit or of ctx.
func ReadURL(ctx context.Context, url string, opts Options, emit Emit) error {
	page, err := fetch(ctx, url, feedCap(opts), opts)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return emit(Result{Origin: url, Err: inputError(url, err)})
	}
	return ReadContent(ctx, url, page.contentType, bytes.NewReader(page.body), opts, emit)
}

// ReadContent reads one document named name whose media type is
// contentType (an HTTP Content-Type header, or ""). A document whose root
// is an RSS, RDF or Atom element or which is a JSON Feed is read as a feed
// whatever its media type, decoded with the charset the media type names;
// a document served with a feed media type is read as a feed too (the feed
// reader says what it is not); an HTML page goes to the HTML reader; any
// other input goes to ReadStream, which sniffs it.
func ReadContent(ctx context.Context, name, contentType string, r io.Reader, opts Options, emit Emit) error {
	mt, params, _ := mime.ParseMediaType(contentType)
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8 << 10)
	switch {
	case isFeedHead(head), isFeedMediaType(mt):
		return readFeedDoc(ctx, name, br, params["charset"], opts, emit)
	case mt == "text/html" || mt == "application/xhtml+xml":
		return readHTML(ctx, name, br, opts, emit)
	}
	return ReadStream(ctx, name, br, opts, emit)
}

// isFeedMediaType reports media types that only feeds are served as.
func isFeedMediaType(mt string) bool {
	switch mt {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml",
		"application/feed+json", "application/x-rss+xml", "application/rss":
		return true
	}
	return false
}

// isFeedHead reports whether the first bytes of a document are those of a
// feed: a JSON Feed, or XML whose first element is <rss>, <rdf:RDF> or
// <feed>.
func isFeedHead(head []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) == 0 {
		return false
	}
	if t[0] == '{' {
		return isJSONFeed(t)
	}
	if t[0] != '<' {
		return false
	}
	d := xml.NewDecoder(bytes.NewReader(t))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "rss", "rdf", "feed":
				return true
			}
			return false
		}
	}
}

// isHTMLPage reports whether a fetched or archived document is an HTML
// page: by its media type, or, when that is missing or generic, by its
// first bytes.
func isHTMLPage(contentType string, body []byte) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "application/octet-stream", "text/plain", "application/x-unknown", "unknown/unknown":
		return strings.HasPrefix(http.DetectContentType(body), "text/html")
	}
	return false
}

// extractPage extracts the article of an HTML page fetched from pageURL
// with the given Content-Type (a summary-only feed item's page, an archived
// response): ExtractHTML, held in a variable so that tests can put a fake
// in its place. An error wrapping ErrNoArticle means the page holds none.
var extractPage = ExtractHTML
