package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	stdhtml "html"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/veille/veille"
)

// ErrNoArticle is returned by ExtractHTML for a page that holds no article:
// no main text found, fewer than minArticleWords words of it, or a text
// made mostly of links (an index or a list of teasers). Readers report it as
// a skip, not a failure.
var ErrNoArticle = errors.New("no article in page")

// minArticleWords is the number of words under which the main text of a
// page is not taken for an article (error pages, bare index pages, "this
// content is not available" stubs).
const minArticleWords = 30

// maxLinkShare is the share of the main text's letters inside links above
// which the text is taken for a list of links rather than an article.
const maxLinkShare = 0.5

// readHTML reads one HTML page of at most opts.MaxRecordBytes bytes and
// emits one Record (Format veille.FormatHTML) made by ExtractHTML, a skip
// with reason "no article in page", or a failure naming the input (over the
// size cap: ErrTooLarge). name is used as the page URL when it is an
// http(s) URL.
func readHTML(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	page, err := readAll(r, opts.MaxRecordBytes)
	if err != nil {
		return emit(Result{Origin: name, Err: inputError(name, err)})
	}
	pageURL := ""
	if isHTTPURL(name) {
		pageURL = name
	}
	rec, err := ExtractHTML(page, pageURL, "")
	switch {
	case errors.Is(err, ErrNoArticle):
		return emit(Result{Origin: name, Skip: ErrNoArticle.Error()})
	case err != nil:
		return emit(Result{Origin: name, Err: inputError(name, err)})
	}
	rec.Origin = name
	return emit(Result{Record: rec, Origin: name})
}

// ExtractHTML extracts the article of one HTML page.
//
// page holds the raw bytes as served; pageURL is the address the page was
// fetched from ("" when unknown) and resolves relative canonical links;
// contentType is the HTTP Content-Type header value ("" when unknown), whose
// charset takes precedence over the page's own <meta> declaration (see
// decodeHTML; a byte order mark wins over both).
//
// The main text is found by go-readability (Mozilla Readability's
// algorithm) after consent banners and link-list furniture are removed
// (see removeBoilerplate); it comes back as plain text, one paragraph per
// block element (headings and list items included), paragraphs separated
// by a blank line ("\n\n"), <br> kept as "\n"; figure captions and
// paragraphs that are only an advertisement label, a skip link or an image
// credit are dropped. When the page's JSON-LD articleBody holds more than
// three times as many words, it is taken instead, split into paragraphs at
// its line breaks (often none: then the text is one paragraph).
//
// Metadata come from the page's JSON-LD (schema.org Article types), its
// <meta> tags (Open Graph, article:*, Dublin Core, parsely, sailthru…) and
// its markup, in that order of preference:
//   - Title: JSON-LD headline, og:title, the first <h1>, <title>; a trailing
//     " | Site" or " - Site" naming the outlet is removed.
//   - Date: article:published_time, JSON-LD datePublished and the other
//     publication-date tags, as RFC 3339 ("2024-08-28T10:00:23Z", offset
//     kept) or a day ("2024-08-28") that veille.ParseDate reads.
//   - Author: JSON-LD author names, then author meta tags (URLs ignored),
//     several joined by ", ".
//   - Outlet: og:site_name, JSON-LD publisher, application-name.
//   - Lang: <html lang>, Content-Language, og:locale, JSON-LD inLanguage,
//     as written ("en-US"; Normalize maps it).
//   - URL: <link rel="canonical">, og:url, else pageURL, made absolute.
//
// The Record has Format veille.FormatHTML and Origin pageURL; callers
// reading a file or a WARC record set Origin (and Format) themselves. Every
// string field is valid UTF-8.
//
// It returns an error wrapping ErrNoArticle when the page holds no article
// (see minArticleWords, maxLinkShare). It does no I/O and does not bound
// the page's size: callers cap it first (Options.MaxRecordBytes).
func ExtractHTML(page []byte, pageURL, contentType string) (*Record, error) {
	if n := countTags(page, maxHTMLElements+1); n > maxHTMLElements {
		return nil, fmt.Errorf("HTML: more than %d elements (a DOM that size would take too much memory)", maxHTMLElements)
	}
	text, _ := decodeHTML(page, contentType)
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("HTML: %w", err)
	}
	var base *url.URL
	if isHTTPURL(pageURL) {
		base, _ = url.Parse(pageURL)
	}
	m := readPageMeta(doc)

	removeBoilerplate(doc)
	parser := readability.NewParser()
	parser.Logger = slog.New(slog.DiscardHandler)
	art, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return nil, fmt.Errorf("HTML main text: %w", err)
	}

	var body string
	var linkShare float64
	if art.Node != nil {
		body = strings.Join(paragraphs(art.Node), "\n\n")
		linkShare = linkTextShare(art.Node)
	}
	// The publisher's own articleBody, when readability found much less of
	// it (it picks one block of a page split into several), is the better
	// text even though it has usually lost its paragraph breaks.
	if ld := ldBodyParagraphs(m.ld.body); len(ld) > 0 {
		ldBody := strings.Join(ld, "\n\n")
		if ldWords := wordCount(ldBody); ldWords >= minArticleWords && wordCount(body)*3 < ldWords {
			body, linkShare = ldBody, 0
		}
	}
	if wordCount(body) < minArticleWords || linkShare > maxLinkShare {
		return nil, ErrNoArticle
	}

	rec := &Record{
		Origin: pageURL,
		Format: veille.FormatHTML,
		Text:   body,
	}
	rec.Outlet = firstNonEmpty(m.meta["og:site_name"], m.ld.publisher, m.meta["application-name"], art.SiteName())
	rec.URL = m.canonicalURL(base)
	if rec.URL == "" && base != nil {
		rec.URL = base.String()
	}
	rec.Title = m.title(rec.Outlet, rec.URL, art.Title())
	rec.Date = m.published(art)
	rec.Author = m.author(art.Byline())
	rec.Lang = firstNonEmpty(m.htmlLang, m.meta["content-language"], m.meta["og:locale"], m.ld.lang, art.Language())
	for _, f := range []*string{&rec.Outlet, &rec.URL, &rec.Title, &rec.Date, &rec.Author, &rec.Lang, &rec.Text} {
		*f = strings.ToValidUTF8(*f, "\uFFFD")
	}
	return rec, nil
}

// maxHTMLElements bounds the elements of a page: news pages hold a few
// thousand; the DOM costs a few hundred bytes per element.
const maxHTMLElements = 200_000

// countTags counts start tags ("<" then a letter) in page, up to limit.
func countTags(page []byte, limit int) int {
	n := 0
	for i := 0; i+1 < len(page) && n < limit; i++ {
		if page[i] == '<' {
			c := page[i+1] | 0x20
			if 'a' <= c && c <= 'z' {
				n++
			}
		}
	}
	return n
}

func isHTTPURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// ---- Boilerplate removed before readability ----

// consentMarks in an element's id or class mark a cookie or consent banner:
// always removed, whatever it holds.
var consentMarks = []string{"cookie", "consent", "onetrust", "gdpr", "didomi", "cmp-container"}

// boilerMarks in an element's id or class mark navigation, sharing,
// newsletter, recommendation and advertising blocks. They are removed only
// when they hold fewer than three prose paragraphs, because some sites put
// such words on the article's own container ("post-share-container").
var boilerMarks = []string{
	"newsletter", "subscribe", "signup", "sign-up", "related", "recommend", "share", "social",
	"outbrain", "taboola", "comments", "breadcrumb", "most-popular", "mostpopular", "promo",
	"advert", "sponsor",
}

// boilerAtoms are elements that hold page furniture, removed under the same
// three-paragraph rule.
var boilerAtoms = map[atom.Atom]bool{
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Button: true, atom.Dialog: true,
}

// removeBoilerplate deletes consent banners and link-list furniture from doc
// in place. Text elements (p, h1…h6) and the document's structural elements
// (html, body, main, article) are never removed.
func removeBoilerplate(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if isBoilerplate(c) {
			n.RemoveChild(c)
		} else {
			removeBoilerplate(c)
		}
		c = next
	}
}

func isBoilerplate(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.P,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return false
	}
	var idClass string
	for _, a := range n.Attr {
		if a.Key == "id" || a.Key == "class" {
			idClass += " " + strings.ToLower(a.Val)
		}
	}
	for _, m := range consentMarks {
		if strings.Contains(idClass, m) {
			return true
		}
	}
	furniture := boilerAtoms[n.DataAtom]
	for _, m := range boilerMarks {
		if furniture {
			break
		}
		furniture = strings.Contains(idClass, m)
	}
	return furniture && proseParagraphs(n, 3) < 3
}

// proseParagraphs counts the <p> elements under n holding at least 80 bytes
// of text, stopping at limit.
func proseParagraphs(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.P {
				if textBytes(c, 80) >= 80 {
					count++
				}
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return count
}

// textBytes counts the non-space bytes of text under n, stopping at limit.
func textBytes(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && total < limit; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				for _, r := range c.Data {
					if !unicode.IsSpace(r) {
						total++
					}
				}
			case html.ElementNode:
				if !textSkipAtoms[c.DataAtom] {
					walk(c)
				}
			}
		}
	}
	walk(n)
	return total
}

// ---- Main text as paragraphs ----

// textBlockAtoms start and end a paragraph in the main text. Table cells
// and other inline elements only add a space.
var textBlockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Table: true, atom.Tr: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Pre: true, atom.Hr: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Aside: true, atom.Main: true, atom.Nav: true,
	atom.Details: true, atom.Summary: true, atom.Address: true, atom.Caption: true,
}

// textSkipAtoms hold no reader-facing text.
var textSkipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Head: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Canvas: true,
	atom.Video: true, atom.Audio: true, atom.Map: true, atom.Figcaption: true,
}

// adLabel matches a paragraph that is only an advertisement label, a
// "continues below" notice, a skip link or an image credit.
var adLabel = regexp.MustCompile(`(?i)^(advertisement|advertising|advert|ad|ads|sponsored( content)?|publicité|publicite|pub|annonce|anzeige|werbung|publicidad|(the )?(story|article) continues below( this)?( advertisement)?|continue reading below|skip advertisement|scroll to continue with content|la suite après (cette|la) publicité|l'article continue (ci-dessous|après la publicité)|skip to (the )?(main )?content|aller au contenu( principal)?|getty images|\(?(image|photo|picture)? ?credits?: [^\n]{1,100})[\s.:;…)-]*$`)

// paragraphs renders n as plain-text paragraphs: white space collapsed,
// <br> kept as a line break (two in a row end the paragraph), empty
// paragraphs and advertisement labels dropped.
func paragraphs(n *html.Node) []string {
	var out []string
	var cur strings.Builder
	space, newline, brs := false, false, 0
	flush := func() {
		p := strings.TrimSpace(cur.String())
		cur.Reset()
		space, newline, brs = false, false, 0
		if p != "" && !adLabel.MatchString(p) {
			out = append(out, p)
		}
	}
	write := func(s string) {
		for _, r := range s {
			if unicode.IsSpace(r) {
				space = cur.Len() > 0
				continue
			}
			switch {
			case newline:
				cur.WriteByte('\n')
			case space:
				cur.WriteByte(' ')
			}
			space, newline, brs = false, false, 0
			cur.WriteRune(r)
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		var a atom.Atom
		switch n.Type {
		case html.TextNode:
			write(n.Data)
			return
		case html.ElementNode:
			a = tagAtom(n)
			if textSkipAtoms[a] {
				return
			}
			switch a {
			case atom.Br:
				if cur.Len() == 0 {
					return
				}
				if brs++; brs >= 2 {
					flush()
				} else {
					newline = true
				}
				return
			case atom.Td, atom.Th:
				space = cur.Len() > 0
			}
		}
		block := textBlockAtoms[a]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}

// tagAtom returns the atom of n's tag name. Readability renames elements
// (div to p) and creates new ones without updating DataAtom, so the name
// is the truth.
func tagAtom(n *html.Node) atom.Atom {
	if a := atom.Lookup([]byte(n.Data)); a != 0 {
		return a
	}
	return n.DataAtom
}

// linkTextShare returns the share of the non-space characters under n that
// sit inside <a> elements.
func linkTextShare(n *html.Node) float64 {
	var all, linked int
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				k := 0
				for _, r := range c.Data {
					if !unicode.IsSpace(r) {
						k++
					}
				}
				all += k
				if inLink {
					linked += k
				}
			case html.ElementNode:
				if a := tagAtom(c); !textSkipAtoms[a] {
					walk(c, inLink || a == atom.A)
				}
			}
		}
	}
	walk(n, false)
	if all == 0 {
		return 0
	}
	return float64(linked) / float64(all)
}

// wordCount counts runs of letters and digits.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// ldBodyParagraphs splits a JSON-LD articleBody into paragraphs at line
// breaks, with entities decoded and white space collapsed.
func ldBodyParagraphs(body string) []string {
	var out []string
	for _, line := range strings.Split(stdhtml.UnescapeString(body), "\n") {
		if p := strings.Join(strings.Fields(line), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ---- Metadata ----

// pageMeta holds the metadata found in a page before extraction.
type pageMeta struct {
	// meta maps a <meta> key (property, name, itemprop or http-equiv,
	// lower-cased) to its first non-empty content.
	meta map[string]string
	// metaAll holds every content of the author keys, in page order.
	metaAll   map[string][]string
	htmlLang  string
	titleTag  string
	h1        string
	canonical string
	// timePublished is the datetime of the first <time> marked
	// itemprop="datePublished" or pubdate.
	timePublished string
	ld            ldArticle
}

// ldArticle holds the fields veille reads from a page's JSON-LD: those of
// the first schema.org Article-type object (NewsArticle, BlogPosting…), or
// of a WebPage when there is none.
type ldArticle struct {
	found                      bool
	headline                   string
	datePublished, dateCreated string
	authors                    []string
	publisher                  string
	lang                       string
	url                        string
	body                       string
}

// authorMetaKeys are the <meta> keys whose every value is kept.
var authorMetaKeys = []string{"author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"}

func readPageMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{meta: map[string]string{}, metaAll: map[string][]string{}}
	var page ldArticle // a WebPage object, used when no Article is found
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if m.htmlLang == "" {
					m.htmlLang = strings.TrimSpace(attr(n, "lang"))
				}
			case atom.Title:
				if m.titleTag == "" {
					m.titleTag = collapse(nodeText(n))
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = collapse(nodeText(n))
				}
			case atom.Meta:
				m.addMeta(n)
			case atom.Link:
				if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Time:
				if m.timePublished == "" && (strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate")) {
					m.timePublished = strings.TrimSpace(attr(n, "datetime"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					readJSONLD(nodeText(n), &m.ld, &page)
				}
				return
			case atom.Style, atom.Template, atom.Svg:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !m.ld.found && page.found {
		m.ld = page
	}
	return m
}

func (m *pageMeta) addMeta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		content = strings.TrimSpace(attr(n, "datetime"))
	}
	if content == "" {
		return
	}
	for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
		key := strings.ToLower(strings.TrimSpace(attr(n, k)))
		if key == "" {
			continue
		}
		if _, ok := m.meta[key]; !ok {
			m.meta[key] = content
		}
		for _, ak := range authorMetaKeys {
			if key == ak {
				m.metaAll[key] = append(m.metaAll[key], content)
			}
		}
	}
}

// canonicalURL returns the page's canonical URL (link rel=canonical, then
// og:url) made absolute against base, or "" when it has none that is an
// http(s) URL.
func (m *pageMeta) canonicalURL(base *url.URL) string {
	for _, c := range []string{m.canonical, m.meta["og:url"], m.ld.url} {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}

// title picks the page's headline (see ExtractHTML) and removes a trailing
// or leading site name.
func (m *pageMeta) title(outlet, pageURL, fallback string) string {
	for _, t := range []string{m.ld.headline, m.meta["og:title"], m.meta["twitter:title"], m.h1, m.titleTag, fallback} {
		if t = collapse(stdhtml.UnescapeString(t)); t != "" {
			return stripSiteName(t, outlet, pageURL)
		}
	}
	return ""
}

// titleSeparators split a title from the site name in <title> and
// og:title ("Headline | Site", "Headline - Site", "Site | Headline"); a
// colon is not one: "Tony Blair: Why…" is a headline.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "}

// stripSiteName removes the site name from a title when a separator sets it
// apart at either end and it matches outlet or the host name of pageURL.
func stripSiteName(title, outlet, pageURL string) string {
	host := ""
	if u, err := url.Parse(pageURL); err == nil {
		host = squash(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."))
	}
	site := squash(outlet)
	isSite := func(s string) bool {
		s = squash(s)
		if s == "" || len(s) > 40 {
			return false
		}
		return (site != "" && (strings.Contains(site, s) || strings.Contains(s, site))) ||
			(host != "" && strings.Contains(host, s))
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > 0 && isSite(title[i+len(sep):]) {
			return strings.TrimSpace(title[:i])
		}
		if i := strings.Index(title, sep); i > 0 && isSite(title[:i]) && i+len(sep) < len(title) {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}

// squash lower-cases s and keeps its letters and digits only, without a
// leading "the": "The Times of India" → "timesofindia".
func squash(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dateMetaKeys are the <meta> keys that carry a publication date, most
// specific first.
var dateMetaKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time", "published_time",
	"datepublished", "article.published", "article_date_original", "publish-date", "publish_date",
	"publishdate", "pubdate", "publication_date", "parsely-pub-date", "sailthru.date",
	"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
	"cxenseparse:recs:publishtime", "article:published", "og:pubdate",
}

// published returns the first publication date found that normDate can
// read: article:published_time, JSON-LD datePublished, the other date
// tags, <time pubdate>, JSON-LD dateCreated, then readability's own.
func (m *pageMeta) published(art readability.Article) string {
	cands := []string{m.meta["article:published_time"], m.ld.datePublished}
	for _, k := range dateMetaKeys[1:] {
		cands = append(cands, m.meta[k])
	}
	cands = append(cands, m.timePublished, m.ld.dateCreated)
	for _, c := range cands {
		if d := normDate(c); d != "" {
			return d
		}
	}
	if t, err := art.PublishedTime(); err == nil && t.Year() >= 1900 {
		return t.Format(time.RFC3339)
	}
	return ""
}

// normDate returns s in a form veille.ParseDate reads: s itself when it
// does, otherwise s parsed by dateparse (many English forms: "Aug 28,
// 2024 10:00 AM EDT", "28/08/2024", Unix seconds…) as RFC 3339, or as a
// day ("2006-01-02") when s gives no time of day. It returns "" for what
// it cannot read and for years outside 1900–2200.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if d, err := veille.ParseDate(s); err == nil && !d.IsZero() {
		if y := d.Time.Year(); y >= 1900 && y <= 2200 {
			return s
		}
		return ""
	}
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil || t.Year() < 1900 || t.Year() > 2200 {
		return ""
	}
	if !strings.Contains(s, ":") && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// author returns the article's authors: JSON-LD author names, else the
// author <meta> tags, else readability's byline; URLs are ignored, a
// leading "By" or "Par" removed, duplicates dropped, several joined by
// ", ".
func (m *pageMeta) author(byline string) string {
	names := m.ld.authors
	if len(names) == 0 {
		for _, k := range authorMetaKeys {
			for _, v := range m.metaAll[k] {
				names = append(names, splitAuthors(v)...)
			}
			if len(names) > 0 {
				break
			}
		}
	}
	if len(names) == 0 && byline != "" {
		names = []string{byline}
	}
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		n = cleanAuthor(n)
		if n == "" || seen[strings.ToLower(n)] {
			continue
		}
		seen[strings.ToLower(n)] = true
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}

var bylinePrefix = regexp.MustCompile(`(?i)^(by|par|von|por|di)\s+`)

func cleanAuthor(s string) string {
	s = collapse(stdhtml.UnescapeString(s))
	if strings.Contains(s, "://") || strings.HasPrefix(s, "www.") || len(s) > 200 {
		return ""
	}
	return strings.TrimSpace(bylinePrefix.ReplaceAllString(s, ""))
}

// splitAuthors splits "A, B and C" style meta values into names.
func splitAuthors(s string) []string {
	s = strings.ReplaceAll(s, " and ", ", ")
	s = strings.ReplaceAll(s, " et ", ", ")
	return strings.Split(s, ",")
}

// ---- JSON-LD ----

// readJSONLD reads one <script type="application/ld+json"> and fills art
// from its first Article-type object (when art is still empty) and page
// from its first WebPage object.
func readJSONLD(src string, art, page *ldArticle) {
	src = strings.TrimSpace(src)
	src = strings.TrimPrefix(src, "<![CDATA[")
	src = strings.TrimSuffix(src, "]]>")
	src = strings.TrimPrefix(src, "<!--")
	src = strings.TrimSuffix(src, "-->")
	// Raw line breaks and tabs inside strings are invalid JSON but common.
	src = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, src)
	dec := json.NewDecoder(strings.NewReader(src))
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			return
		}
		visitLD(v, art, page, 0)
	}
}

func visitLD(v any, art, page *ldArticle, depth int) {
	if depth > 6 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			visitLD(e, art, page, depth+1)
		}
	case map[string]any:
		switch {
		case isArticleType(x["@type"]):
			if !art.found {
				fillLD(art, x)
			}
		case hasType(x["@type"], "WebPage"):
			if !page.found && (x["datePublished"] != nil || x["headline"] != nil) {
				fillLD(page, x)
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if e, ok := x[k]; ok {
				visitLD(e, art, page, depth+1)
			}
		}
	}
}

func fillLD(a *ldArticle, x map[string]any) {
	a.found = true
	a.headline = ldString(x["headline"])
	a.datePublished = ldString(x["datePublished"])
	a.dateCreated = ldString(x["dateCreated"])
	a.authors = ldNames(x["author"])
	if p := ldNames(x["publisher"]); len(p) > 0 {
		a.publisher = p[0]
	}
	a.lang = ldString(x["inLanguage"])
	a.url = ldString(x["url"])
	a.body = ldString(x["articleBody"])
}

// articleTypes are the schema.org types taken for an article besides those
// ending in "Article" (NewsArticle, ReportageNewsArticle…).
var articleTypes = map[string]bool{"BlogPosting": true, "LiveBlogPosting": true, "SocialMediaPosting": true, "Report": true}

func isArticleType(t any) bool {
	for _, s := range ldTypes(t) {
		if strings.HasSuffix(s, "Article") || articleTypes[s] {
			return true
		}
	}
	return false
}

func hasType(t any, want string) bool {
	for _, s := range ldTypes(t) {
		if s == want {
			return true
		}
	}
	return false
}

func ldTypes(t any) []string {
	switch x := t.(type) {
	case string:
		return []string{strings.TrimPrefix(strings.TrimPrefix(x, "http://schema.org/"), "https://schema.org/")}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, ldTypes(s)...)
			}
		}
		return out
	}
	return nil
}

// ldString returns a JSON-LD value as a string: a string, the first string
// of an array, or the "@value"/"name"/"@id" of an object.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"@value", "name", "@id"} {
			if s, ok := x[k].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// ldNames returns the names in a JSON-LD author or publisher value: a
// string, an object with a name, or an array of those.
func ldNames(v any) []string {
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			return []string{s}
		}
	case map[string]any:
		if s, ok := x["name"].(string); ok && strings.TrimSpace(s) != "" {
			return []string{strings.TrimSpace(s)}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, ldNames(e)...)
		}
		return out
	}
	return nil
}

// ---- Small DOM helpers ----

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasToken reports whether the space-separated list s holds tok, ignoring
// case.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// nodeText returns the text under n (scripts included: used for <title>,
// <h1> and JSON-LD scripts).
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else if c.Type == html.ElementNode && c.DataAtom != atom.Style {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
