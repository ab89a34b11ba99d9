package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"

	"github.com/veille/veille"
)

// Web archives.
//
// WARC files (ISO 28500, read with github.com/nlnwa/gowarc) and ARC files
// (the Internet Archive's older format, version 1 or 2, read by a small
// reader of ours: no maintained Go library reads them) give one record per
// archived HTML page that holds an article: a WARC response or resource
// record, an ARC record. Every other record (warcinfo, request, metadata,
// revisit, non-HTML payloads, pages without main text…) is counted, and a
// file that holds any reports them in ONE skip with the counts. A damaged
// record (truncated, wrong digest, bad header, unreadable HTTP response)
// fails alone, named "file#i" (i counts records from 0), its message giving
// the record's byte offset in the uncompressed stream; reading goes on with
// the next record when the format allows. Anomalies that were worked around (records not aligned
// with gzip members, target URIs in angle brackets or with spaces) are
// noted in the skip reason and in the Warning of the records concerned.
//
// Both readers take plain or gzipped input, whether each record is its own
// gzip member (as the formats recommend) or the whole file is one stream,
// and look at the content rather than the name: an ARC file named .warc.gz
// is read as ARC, and the other way round.

// readWARC reads a WARC file, plain or gzipped; input that starts with an
// ARC header goes to the ARC reader.
func readWARC(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	return readArchive(ctx, name, r, false, opts, emit)
}

// readARC reads an ARC file (version 1 or 2), plain or gzipped; input that
// starts with a WARC header goes to the WARC reader.
func readARC(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	return readArchive(ctx, name, r, true, opts, emit)
}

// readArchive opens a web archive, gunzipping it when needed, and reads it
// as WARC or ARC by its first bytes; when these say neither, preferARC
// chooses the reader, which reports what it cannot read.
func readArchive(ctx context.Context, name string, r io.Reader, preferARC bool, opts Options, emit Emit) error {
	a, err := openArchive(r)
	if err != nil {
		return emit(Result{Origin: name, Err: inputError(name, err)})
	}
	head, _ := a.rb.Peek(16)
	head = bytes.TrimLeft(head, " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		return readWARCRecords(ctx, name, a, opts, emit)
	case bytes.HasPrefix(head, []byte("filedesc://")):
		return readARCRecords(ctx, name, a, opts, emit)
	case preferARC:
		return readARCRecords(ctx, name, a, opts, emit)
	}
	return readWARCRecords(ctx, name, a, opts, emit)
}

// archive is the uncompressed stream of a web archive.
type archive struct {
	rb      *bufio.Reader
	counter *countingReader
	members *gzipMembers // nil when the input is not gzipped
}

// openArchive gunzips r when it starts with the gzip magic number, member
// by member so that records can be checked against member boundaries.
func openArchive(r io.Reader) (*archive, error) {
	src := bufio.NewReaderSize(r, 64<<10)
	a := &archive{}
	var in io.Reader = src
	if head, _ := src.Peek(2); isGzip(head) {
		a.members = &gzipMembers{src: src}
		in = a.members
	}
	a.counter = &countingReader{r: in}
	a.rb = bufio.NewReaderSize(a.counter, 64<<10)
	if _, err := a.rb.Peek(1); err != nil && err != io.EOF {
		return nil, err
	}
	return a, nil
}

// pos returns the offset of the next unread byte of the uncompressed
// stream.
func (a *archive) pos() int64 { return a.counter.n - int64(a.rb.Buffered()) }

// fatal returns the error that ended the underlying stream (a truncated or
// corrupt gzip stream), or nil.
func (a *archive) fatal() error {
	if a.members != nil && a.members.err != nil && a.members.err != io.EOF {
		return a.members.err
	}
	return nil
}

// skipSpace discards white space before the next record; it returns io.EOF
// at the end of the stream.
func (a *archive) skipSpace() error {
	for {
		b, err := a.rb.Peek(1)
		if err != nil {
			return err
		}
		if b[0] != ' ' && b[0] != '\t' && b[0] != '\r' && b[0] != '\n' && b[0] != 0 {
			return nil
		}
		_, _ = a.rb.Discard(1)
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// gzipMembers decompresses a gzip stream member after member and remembers
// where, in the uncompressed stream, each member starts.
type gzipMembers struct {
	src      *bufio.Reader
	zr       gzip.Reader
	inMember bool
	out      int64   // uncompressed bytes produced
	starts   []int64 // uncompressed offsets of member starts not yet passed
	count    int     // members started
	err      error   // sticky: io.EOF at the end, or what broke the stream
}

func (g *gzipMembers) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	for {
		if !g.inMember {
			if _, err := g.src.Peek(1); err != nil {
				g.err = err
				return 0, err
			}
			if err := g.zr.Reset(g.src); err != nil {
				if g.count > 0 {
					err = fmt.Errorf("gzip: data after member %d is not gzip: %w", g.count, err)
				} else {
					err = fmt.Errorf("gzip: %w", err)
				}
				g.err = err
				return 0, err
			}
			g.zr.Multistream(false)
			g.inMember = true
			g.starts = append(g.starts, g.out)
			g.count++
		}
		n, err := g.zr.Read(p)
		g.out += int64(n)
		switch {
		case err == io.EOF:
			g.inMember = false
			if n == 0 {
				continue
			}
			return n, nil
		case errors.Is(err, io.ErrUnexpectedEOF):
			g.err = fmt.Errorf("gzip: truncated stream in member %d: %w", g.count, io.ErrUnexpectedEOF)
			return n, g.err
		case err != nil:
			g.err = fmt.Errorf("gzip: corrupt member %d: %w", g.count, err)
			return n, g.err
		}
		return n, nil
	}
}

// aligned reports whether a record starting at uncompressed offset off
// starts a gzip member. Records must be checked in order.
func (g *gzipMembers) aligned(off int64) bool {
	i := 0
	for i < len(g.starts) && g.starts[i] < off {
		i++
	}
	g.starts = g.starts[i:]
	return len(g.starts) > 0 && g.starts[0] == off
}

// tally counts the records of one file that hold no article, by reason,
// and the anomalies worked around.
type tally struct {
	records  int // records read, articles or not
	articles int // records emitted as articles
	skipped  int
	reasons  map[string]int
	notes    map[note]int
	misalign int // records starting inside a gzip member
	stray    int // lines outside any record (ARC)
}

func newTally() *tally { return &tally{reasons: map[string]int{}, notes: map[note]int{}} }

func (t *tally) skip(reason string) {
	t.skipped++
	t.reasons[reason]++
}

// reasonOrder orders the reasons in a skip message.
var reasonOrder = []string{
	"file header", "warcinfo", "request", "metadata", "revisit", "conversion", "continuation", "unknown type",
	"non-2xx status", "non-HTML", "undecodable content encoding", "empty payload", "without main text",
}

// summary returns the skip reason of the file: the count of records with
// no article by reason, then the anomalies; "" when every record held an
// article.
func (t *tally) summary(members *gzipMembers) string {
	if t.skipped == 0 {
		return ""
	}
	var parts []string
	keys := make([]string, 0, len(t.reasons))
	for k := range t.reasons {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		ia, ib := slices.Index(reasonOrder, a), slices.Index(reasonOrder, b)
		if ia < 0 {
			ia = len(reasonOrder)
		}
		if ib < 0 {
			ib = len(reasonOrder)
		}
		if ia != ib {
			return ia - ib
		}
		return strings.Compare(a, b)
	})
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%d %s", t.reasons[k], k))
	}
	s := fmt.Sprintf("no article in %s (%s)", plural(t.skipped, "record", "records"), strings.Join(parts, ", "))
	if t.articles > 0 {
		s = fmt.Sprintf("%s read; %s", plural(t.articles, "article", "articles"), strings.Replace(s, "no article in", "no article in the other", 1))
	}
	if notes := t.anomalies(members); notes != "" {
		s += "; " + notes
	}
	return s
}

// anomalies describes what was worked around in the file, or "".
func (t *tally) anomalies(members *gzipMembers) string {
	var notes []string
	switch {
	case members != nil && members.count == 1 && t.records > 1:
		notes = append(notes, "gzipped as one stream rather than record by record")
	case t.misalign > 0:
		notes = append(notes, fmt.Sprintf("%s inside a gzip member (members not aligned with records)", plural(t.misalign, "record starts", "records start")))
	}
	var repaired []string
	for k, n := range t.notes {
		repaired = append(repaired, plural(n, k.one, k.many))
	}
	slices.Sort(repaired)
	notes = append(notes, repaired...)
	if t.stray > 0 {
		notes = append(notes, plural(t.stray, "line", "lines")+" outside any record (skipped)")
	}
	return strings.Join(notes, "; ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// note is an anomaly of one record that was worked around, said of one
// record and of several.
type note struct{ one, many string }

// Notes on records whose metadata or content was repaired.
var (
	noteBracketURI = note{"target URI in angle brackets (brackets removed)", "target URIs in angle brackets (brackets removed)"}
	noteBadURI     = note{"target URI that is not a URL (dropped)", "target URIs that are not URLs (dropped)"}
	noteSpaceURI   = note{"URL with spaces (encoded as %20)", "URLs with spaces (encoded as %20)"}
	noteShortBody  = note{"HTTP body shorter than its Content-Length (kept as found)", "HTTP bodies shorter than their Content-Length (kept as found)"}
)

// readWARCRecords reads the WARC records of a.
func readWARCRecords(ctx context.Context, name string, a *archive, opts Options, emit Emit) error {
	u := gowarc.NewUnmarshaler(gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore))
	t := newTally()
	for idx := 0; ; idx++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := a.skipSpace(); err != nil {
			if err != io.EOF {
				if e := emit(Result{Origin: name, Err: inputError(name, err)}); e != nil {
					return e
				}
			}
			break
		}
		origin := name + "#" + strconv.Itoa(idx)
		start := a.pos()
		rawURI := rawHeaderValue(a.rb, "WARC-Target-URI")
		wr, skipped, validation, err := u.Unmarshal(a.rb)
		if err != nil {
			if wr != nil {
				_ = wr.Close()
			}
			if f := a.fatal(); f != nil {
				err = f
			}
			if e := emit(Result{Origin: origin, Err: inputError(origin, warcError(err, start, skipped, a.pos() > start))}); e != nil {
				return e
			}
			if a.fatal() != nil || a.pos() == start || errors.Is(err, gowarc.ErrNoRecord) {
				break
			}
			continue
		}
		t.records++
		res := warcRecord(origin, start+skipped, wr, rawURI, validation, opts)
		_ = wr.Close()
		if a.members != nil && !a.members.aligned(start+skipped) {
			t.misalign++
		}
		if e := emitArchived(res, t, emit); e != nil {
			return e
		}
	}
	if s := t.summary(a.members); s != "" {
		return emit(Result{Origin: name, Skip: s})
	}
	return nil
}

// warcError describes a record gowarc could not read, starting at
// uncompressed offset start (after skipped bytes that were not a record
// header); consumed says whether any byte of it was read.
func warcError(err error, start, skipped int64, consumed bool) error {
	off := start + skipped
	switch {
	case errors.Is(err, gowarc.ErrNoRecord):
		return fmt.Errorf("no WARC record in the data from byte %d on", start)
	case strings.HasPrefix(err.Error(), "gzip: "):
		return fmt.Errorf("record at byte %d: %w", off, err)
	case err == io.EOF && !consumed:
		return fmt.Errorf("data at byte %d is too short for a WARC record", off)
	case err == io.EOF, errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("record at byte %d is truncated: %w", off, io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("record at byte %d: %w", off, err)
}

// archived is what one archive record gives: an article, or the reason
// it holds none, or the failure that damaged it; and the notes on what was
// repaired.
type archived struct {
	rec    *Record
	reason string
	err    error
	notes  []note
}

// emitArchived counts and emits the outcome of one record: the record
// (its fields made valid UTF-8, its notes as Warning) or the failure; a
// record with no article is only counted.
func emitArchived(a archived, t *tally, emit Emit) error {
	for _, n := range a.notes {
		t.notes[n]++
	}
	switch {
	case a.err != nil:
		return emit(Result{Origin: a.rec.Origin, Err: inputError(a.rec.Origin, a.err)})
	case a.reason != "":
		t.skip(a.reason)
		return nil
	}
	r := a.rec
	for _, f := range []*string{&r.SourceID, &r.URL, &r.Outlet, &r.Date, &r.Lang, &r.Title, &r.Author, &r.Text} {
		*f = strings.ToValidUTF8(*f, "\uFFFD")
	}
	if len(a.notes) > 0 {
		ws := make([]string, len(a.notes))
		for i, n := range a.notes {
			ws[i] = n.one
		}
		w := strings.Join(ws, "; ")
		if a.rec.Warning != "" {
			w = a.rec.Warning + "; " + w
		}
		a.rec.Warning = w
	}
	t.articles++
	return emit(Result{Record: a.rec, Origin: a.rec.Origin})
}

// warcRecord reads one WARC record, found at uncompressed offset off: an
// article from a response or resource record holding an HTML page, else
// the reason it holds none; a damaged record (content length or digest that
// does not match, unreadable HTTP response) is a failure.
func warcRecord(origin string, off int64, wr gowarc.WarcRecord, rawURI string, validation []error, opts Options) archived {
	out := archived{rec: &Record{Origin: origin}}
	if err := damage(validation); err != nil {
		out.err = fmt.Errorf("damaged %s record at byte %d: %w", wr.Type(), off, err)
		return out
	}
	h := wr.WarcHeader()
	target := h.Get(gowarc.WarcTargetURI)
	if target == "" && rawURI != "" {
		var n note
		target, n = repairURI(rawURI)
		out.notes = append(out.notes, n)
	}
	if strings.ContainsAny(target, " \t") {
		target = strings.NewReplacer(" ", "%20", "\t", "%09").Replace(target)
		out.notes = append(out.notes, noteSpaceURI)
	}
	switch wr.Type() {
	case gowarc.Response, gowarc.Resource:
	default:
		out.reason = wr.Type().String()
		return out
	}
	raw, err := wr.Block().RawBytes()
	if err != nil {
		out.err = fmt.Errorf("%s record at byte %d: %w", wr.Type(), off, err)
		return out
	}
	ct := h.Get(gowarc.ContentType)
	var page payload
	if wr.Type() == gowarc.Response && strings.HasPrefix(strings.ToLower(ct), "application/http") {
		page = httpPayload(raw, opts)
	} else {
		page = plainPayload(raw, ct, opts)
	}
	art := articleOf(page, target)
	out.notes = append(out.notes, art.notes...)
	out.reason = art.reason
	if art.err != nil {
		out.err = fmt.Errorf("%s record at byte %d: %w", wr.Type(), off, art.err)
	}
	if art.rec == nil {
		return out
	}
	rec := art.rec
	rec.Origin = origin
	rec.Format = veille.FormatWARC
	rec.SourceID = strings.Trim(h.Get(gowarc.WarcRecordID), "<>")
	rec.URL = target
	if rec.Date == "" {
		rec.Date = h.Get(gowarc.WarcDate)
	}
	out.rec = rec
	return out
}

// damage returns the first validation finding that means the record's
// content is not what was archived: a content length or a digest that does
// not match. Other findings (syntax, unknown fields, an unparsable digest
// value) leave the content usable and are ignored.
func damage(validation []error) error {
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) {
			return fmt.Errorf("truncated: header says %d bytes, %d found", cl.Expected, cl.Actual)
		}
	}
	for _, v := range validation {
		var de *gowarc.DigestError
		if errors.As(v, &de) {
			what := "block"
			if strings.HasPrefix(v.Error(), "payload") {
				what = "payload"
			}
			return fmt.Errorf("%s digest mismatch (content truncated or altered): expected %s:%s, computed %s:%s", what, de.Algorithm, de.Expected, de.Algorithm, de.Computed)
		}
	}
	return nil
}

// rawHeaderValue returns the value of the WARC header field name of the
// record at the head of rb, peeked without consuming it (gowarc drops the
// values it cannot validate, such as wget's "<http://…>" target URIs).
func rawHeaderValue(rb *bufio.Reader, name string) string {
	head, _ := rb.Peek(16 << 10)
	if i := bytes.Index(head, []byte("\r\n\r\n")); i >= 0 {
		head = head[:i]
	} else if i := bytes.Index(head, []byte("\n\n")); i >= 0 {
		head = head[:i]
	}
	for _, line := range bytes.Split(head, []byte("\n")) {
		k, v, ok := bytes.Cut(line, []byte(":"))
		if ok && strings.EqualFold(string(bytes.TrimSpace(k)), name) {
			return string(bytes.TrimSpace(v))
		}
	}
	return ""
}

// repairURI returns the URL in a target URI gowarc rejected: wget writes
// "<http://…>" (as the WARC 1.0 grammar once said); anything else that
// does not parse as an absolute URL is dropped.
func repairURI(raw string) (string, note) {
	s := strings.TrimSpace(raw)
	note := noteBadURI
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		s = strings.TrimSpace(s[1 : len(s)-1])
		note = noteBracketURI
	}
	if u, err := url.Parse(strings.ReplaceAll(s, " ", "%20")); err != nil || u.Scheme == "" {
		return "", noteBadURI
	}
	return s, note
}

// payload is the content of an archived HTTP response or resource.
type payload struct {
	body        []byte
	contentType string
	reason      string // why it holds no page: "non-2xx status", "non-HTML"…
	err         error  // damage
	notes       []note
}

// httpPayload parses an archived HTTP response (status line, headers,
// body), undoing chunked transfer coding and gzip or deflate content
// coding. Only 2xx HTML responses have their body read, up to
// opts.MaxRecordBytes.
func httpPayload(raw io.Reader, opts Options) payload {
	resp, err := http.ReadResponse(bufio.NewReader(raw), nil)
	if err != nil {
		return payload{err: fmt.Errorf("malformed HTTP response: %w", err)}
	}
	defer resp.Body.Close()
	p := payload{contentType: resp.Header.Get("Content-Type")}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		p.reason = "non-2xx status"
		return p
	}
	if mayBeHTML(p.contentType) == no {
		p.reason = "non-HTML"
		return p
	}
	var body io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity", "none":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			p.err = fmt.Errorf("gzip content coding: %w", err)
			return p
		}
		body = zr
	case "deflate":
		br := bufio.NewReader(body)
		if h, _ := br.Peek(2); len(h) == 2 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 && h[0]&0x0f == 8 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				p.err = fmt.Errorf("deflate content coding: %w", err)
				return p
			}
			body = zr
		} else {
			body = flate.NewReader(br)
		}
	default:
		p.reason = "undecodable content encoding"
		return p
	}
	p.body, err = readAll(body, opts.MaxRecordBytes)
	switch {
	case errors.Is(err, ErrTooLarge):
		p.err = err
	case errors.Is(err, io.ErrUnexpectedEOF) && len(p.body) > 0:
		p.notes = append(p.notes, noteShortBody)
	case err != nil:
		p.err = fmt.Errorf("HTTP body: %w", err)
	}
	return p
}

// plainPayload reads a resource record's block (or a non-HTTP ARC record)
// of media type contentType.
func plainPayload(raw io.Reader, contentType string, opts Options) payload {
	p := payload{contentType: contentType}
	if mayBeHTML(contentType) == no {
		p.reason = "non-HTML"
		return p
	}
	var err error
	if p.body, err = readAll(raw, opts.MaxRecordBytes); err != nil {
		p.err = err
	}
	return p
}

type tristate int

const (
	no tristate = iota
	yes
	unknown
)

// mayBeHTML says whether a media type is HTML (yes), something else (no)
// or too vague to tell without looking at the bytes (unknown).
func mayBeHTML(contentType string) tristate {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(contentType))
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return yes
	case "", "application/octet-stream", "text/plain", "application/x-unknown", "unknown/unknown", "text/x-server-parsed-html":
		return unknown
	}
	if strings.Contains(mt, "html") {
		return yes
	}
	return no
}

// article is what the HTML extractor makes of a payload.
type article struct {
	rec    *Record
	reason string
	err    error
	notes  []note
}

// articleOf extracts the article of an archived page fetched from
// pageURL, or says why there is none.
func articleOf(p payload, pageURL string) article {
	a := article{reason: p.reason, err: p.err, notes: p.notes}
	if a.reason != "" || a.err != nil {
		return a
	}
	switch {
	case len(bytes.TrimSpace(p.body)) == 0:
		a.reason = "empty payload"
		return a
	case !isHTMLPage(p.contentType, p.body):
		a.reason = "non-HTML"
		return a
	}
	rec, err := extractPage(p.body, pageURL, p.contentType)
	switch {
	case errors.Is(err, ErrNoArticle), err == nil && (rec == nil || strings.TrimSpace(rec.Text) == ""):
		a.reason = "without main text"
	case err != nil:
		a.err = err
	default:
		a.rec = rec
	}
	return a
}

// arcHeader is the header line of an ARC record.
type arcHeader struct {
	url, date, contentType string
	length                 int64
}

// maxARCLine bounds an ARC header line.
const maxARCLine = 16 << 10

// readARCRecords reads the ARC records of a. A header whose length field
// cannot be read fails alone; the reader then looks for the next line that
// parses as a header. A record cut short by the end of the file fails and
// ends the file.
func readARCRecords(ctx context.Context, name string, a *archive, opts Options, emit Emit) error {
	t := newTally()
	version := 1
	for idx := 0; ; {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, start, err := readARCLine(a)
		if err == io.EOF {
			break
		}
		origin := name + "#" + strconv.Itoa(idx)
		if err != nil {
			if e := emit(Result{Origin: origin, Err: inputError(origin, fmt.Errorf("at byte %d: %w", start, err))}); e != nil {
				return e
			}
			if a.fatal() != nil {
				break
			}
			continue
		}
		h, herr := parseARCHeader(line, version)
		if herr != nil {
			if !looksLikeARCHeader(line) {
				t.stray++
				continue
			}
			idx++
			if e := emit(Result{Origin: origin, Err: inputError(origin, fmt.Errorf("bad ARC header at byte %d: %w", start, herr))}); e != nil {
				return e
			}
			continue
		}
		idx++
		t.records++
		if a.members != nil && !a.members.aligned(start) {
			t.misalign++
		}
		if h.length > opts.MaxRecordBytes {
			if _, err := io.CopyN(io.Discard, a.rb, h.length); err != nil {
				if e := emit(Result{Origin: origin, Err: inputError(origin, truncatedARC(h, -1, err, a))}); e != nil {
					return e
				}
				break
			}
			if e := emit(Result{Origin: origin, Err: inputError(origin, fmt.Errorf("%w (%d bytes; raise --max-record-bytes)", ErrTooLarge, h.length))}); e != nil {
				return e
			}
			continue
		}
		body := make([]byte, h.length)
		if n, err := io.ReadFull(a.rb, body); err != nil {
			if e := emit(Result{Origin: origin, Err: inputError(origin, truncatedARC(h, n, err, a))}); e != nil {
				return e
			}
			break
		}
		if strings.HasPrefix(h.url, "filedesc:") {
			if v, _, _ := strings.Cut(string(body), " "); v == "2" {
				version = 2
			}
			t.skip("file header")
			continue
		}
		if e := emitArchived(arcRecord(origin, start, h, body, opts), t, emit); e != nil {
			return e
		}
	}
	if s := t.summary(a.members); s != "" {
		return emit(Result{Origin: name, Skip: s})
	}
	if t.records == 0 {
		return emit(Result{Origin: name, Err: inputError(name, errors.New("no ARC record found"))})
	}
	return nil
}

// truncatedARC describes a record cut short after found bytes (-1 when
// not counted), preferring the error that broke the gzip stream, if any.
func truncatedARC(h arcHeader, found int, err error, a *archive) error {
	if f := a.fatal(); f != nil {
		err = f
	}
	if found >= 0 {
		return fmt.Errorf("truncated record: header says %d bytes, %d found: %w", h.length, found, err)
	}
	return fmt.Errorf("truncated record: header says %d bytes: %w", h.length, err)
}

// readARCLine returns the next non-blank line of a, without its line end,
// and its offset.
func readARCLine(a *archive) (string, int64, error) {
	for {
		start := a.pos()
		var line []byte
		for {
			chunk, err := a.rb.ReadSlice('\n')
			if len(line)+len(chunk) > maxARCLine {
				// Discard the rest of an overlong line.
				for errors.Is(err, bufio.ErrBufferFull) {
					_, err = a.rb.ReadSlice('\n')
				}
				if err != nil && err != io.EOF {
					return "", start, err
				}
				return "", start, fmt.Errorf("line over %d bytes where an ARC header was expected", maxARCLine)
			}
			line = append(line, chunk...)
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if err != nil && (err != io.EOF || len(line) == 0) {
				if f := a.fatal(); f != nil {
					return "", start, f
				}
				return "", start, err
			}
			break
		}
		if s := strings.TrimSpace(string(line)); s != "" {
			return s, start, nil
		}
	}
}

// parseARCHeader parses an ARC header line: version 1 "URL IP date
// content-type length", version 2 "URL IP date content-type status
// checksum location offset filename length". The URL may hold spaces, so
// fields are taken from the right.
func parseARCHeader(line string, version int) (arcHeader, error) {
	f := strings.Fields(line)
	n := len(f)
	tail := 4 // fields after the URL
	if version == 2 && n >= 10 {
		tail = 9
	}
	if n < tail+1 {
		return arcHeader{}, fmt.Errorf("%d fields, want at least %d", n, tail+1)
	}
	h := arcHeader{
		url:         strings.Join(f[:n-tail], " "),
		date:        f[n-tail+1],
		contentType: f[n-tail+2],
	}
	l, err := strconv.ParseInt(f[n-1], 10, 64)
	if err != nil || l < 0 {
		return h, fmt.Errorf("invalid length %q", f[n-1])
	}
	h.length = l
	if !isDigits(h.date) {
		return h, fmt.Errorf("invalid date %q", h.date)
	}
	if !strings.Contains(h.url, ":") {
		return h, fmt.Errorf("invalid URL %q", h.url)
	}
	return h, nil
}

// looksLikeARCHeader reports whether a line that failed to parse was meant
// as an ARC header (a URL first, a 12-digit or longer date among the
// fields) rather than a stray line of content.
func looksLikeARCHeader(line string) bool {
	f := strings.Fields(line)
	if len(f) < 5 || !(strings.Contains(f[0], "://") || strings.HasPrefix(f[0], "dns:")) {
		return false
	}
	for _, x := range f[1:] {
		if len(x) >= 12 && isDigits(x) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// arcRecord reads one ARC record, found at uncompressed offset off: an
// HTTP response (content starting "HTTP/") or a plain document of the
// header's media type.
func arcRecord(origin string, off int64, h arcHeader, body []byte, opts Options) archived {
	out := archived{rec: &Record{Origin: origin}}
	target := h.url
	if strings.ContainsAny(target, " \t") {
		target = strings.NewReplacer(" ", "%20", "\t", "%09").Replace(target)
		out.notes = append(out.notes, noteSpaceURI)
	}
	var page payload
	if bytes.HasPrefix(body, []byte("HTTP/")) {
		page = httpPayload(bytes.NewReader(body), opts)
	} else {
		page = plainPayload(bytes.NewReader(body), h.contentType, opts)
	}
	art := articleOf(page, target)
	out.notes = append(out.notes, art.notes...)
	out.reason = art.reason
	if art.err != nil {
		out.err = fmt.Errorf("record at byte %d: %w", off, art.err)
	}
	if art.rec == nil {
		return out
	}
	rec := art.rec
	rec.Origin = origin
	rec.Format = veille.FormatARC
	rec.URL = target
	if rec.Date == "" {
		rec.Date = arcDate(h.date)
	}
	out.rec = rec
	return out
}

// arcDate turns an ARC date (14 digits or more, "20140216050221") into RFC
// 3339; other values are returned as they are.
func arcDate(s string) string {
	if len(s) >= 14 {
		if t, err := time.Parse("20060102150405", s[:14]); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return s
}
