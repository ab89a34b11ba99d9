package ingest

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/langid"
	"github.com/veille/veille/internal/nlp"
)

// Normalize turns a Record into the Article that veille stores: markup
// flattened to text (before hashing), invalid UTF-8 repaired, text
// normalised by nlp.Normalize (NFC; spans point into this text), title
// whitespace collapsed, an empty text replaced by the title, language
// normalised to ISO 639-1 or detected, date parsed with its precision
// (a date after now is dropped with a warning), URL canonicalised, content
// hash and ID computed. now is the ingest time.
//
// Invalid UTF-8: a text whose invalid bytes form no UTF-8 at all (a legacy
// single-byte file) is decoded as Windows-1252; otherwise each invalid byte
// becomes U+FFFD. Either way a warning says so.
//
// It returns ErrEmpty when the record has neither text nor title.
func Normalize(rec *Record, now time.Time) (*veille.Article, []string, error) {
	var warnings []string
	if rec.Warning != "" {
		warnings = append(warnings, rec.Warning)
	}
	text, w := repairUTF8(rec.Text)
	if w != "" {
		warnings = append(warnings, w)
	}
	if rec.TextIsHTML {
		text = MarkupToText(text)
		// Feeds often escape twice ("&amp;#x27;"): one layer of entities
		// may remain after the markup is gone.
		if leftoverEntity.MatchString(text) {
			text = html.UnescapeString(text)
		}
	}
	text = nlp.Normalize(text)
	title, _ := repairUTF8(rec.Title)
	if LooksLikeHTML(title) {
		title = MarkupToText(title)
	}
	title = html.UnescapeString(title)
	if leftoverEntity.MatchString(title) {
		title = html.UnescapeString(title)
	}
	title = nlp.CollapseSpace(nlp.Normalize(title))
	if text == "" {
		if title == "" {
			return nil, warnings, fmt.Errorf("%w: record has neither text nor title", ErrEmpty)
		}
		text = title
		warnings = append(warnings, "empty text: the title is stored as text")
	}
	a := &veille.Article{
		Title:      title,
		Text:       text,
		Outlet:     nlp.CollapseSpace(cleanField(rec.Outlet)),
		Author:     nlp.CollapseSpace(cleanField(rec.Author)),
		Format:     rec.Format,
		IngestedAt: now.UTC(),
	}
	a.Lang = veille.NormalizeLang(rec.Lang)
	a.LangSource = "metadata"
	if a.Lang == "" {
		a.Lang, _ = langid.Detect(text)
		a.LangSource = "detected"
		if a.Lang == "" {
			a.LangSource = ""
		}
	}
	if d, err := veille.ParseDate(rec.Date); err != nil {
		warnings = append(warnings, fmt.Sprintf("date %q not understood: stored undated", rec.Date))
	} else if !d.IsZero() && d.Time.After(now) {
		warnings = append(warnings, fmt.Sprintf("date %q is after the ingest time: stored undated", rec.Date))
	} else {
		a.Published = d
	}
	a.URL = CanonicalURL(rec.URL)
	a.Hash = veille.ContentHash(text)
	a.ID = veille.ArticleID(a.URL, a.Hash)
	a.Aliases = aliases(a.URL, rec.URL, rec.SourceID)
	a.Sources = []veille.Source{{
		URL:       a.URL,
		SourceID:  cleanField(rec.SourceID),
		Outlet:    a.Outlet,
		Published: a.Published.String(),
		Format:    rec.Format,
		Origin:    rec.Origin,
		SeenAt:    a.IngestedAt,
	}}
	return a, warnings, nil
}

func cleanField(s string) string {
	s, _ = repairUTF8(s)
	return strings.TrimSpace(html.UnescapeString(s))
}

func aliases(canonical, raw, sourceID string) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	add(canonical)
	add(raw)
	add(sourceID)
	return out
}

// repairUTF8 returns s as valid UTF-8 and a warning when it was not.
func repairUTF8(s string) (string, string) {
	if utf8.ValidString(s) {
		return s, ""
	}
	// Count invalid sequences and valid multi-byte runes: a legacy
	// single-byte text has many of the former and none of the latter.
	invalid, multi := 0, 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else if n > 1 {
			multi++
		}
		i += n
	}
	if multi == 0 {
		if d, err := charmap.Windows1252.NewDecoder().String(s); err == nil {
			return d, "invalid UTF-8: decoded as Windows-1252"
		}
	}
	return strings.ToValidUTF8(s, "\uFFFD"), fmt.Sprintf("invalid UTF-8: %d bytes replaced by U+FFFD", invalid)
}

// leftoverEntity matches an HTML character reference.
var leftoverEntity = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});`)

// trackingParams are query parameters dropped from canonical URLs.
var trackingParams = []string{"utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "cmpid", "ocid", "at_medium", "at_campaign", "xtor"}

// CanonicalURL returns u with the scheme and host lower-cased, default
// ports, the fragment and tracking parameters (utm_*, fbclid…) removed;
// "" for an empty or relative URL (which cannot name an article alone).
func CanonicalURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	p.Scheme = strings.ToLower(p.Scheme)
	p.Host = strings.ToLower(p.Host)
	p.Host = strings.TrimSuffix(p.Host, ":80")
	p.Host = strings.TrimSuffix(p.Host, ":443")
	p.Fragment = ""
	p.RawFragment = ""
	p.User = nil
	if p.RawQuery != "" {
		q := p.Query()
		for k := range q {
			for _, t := range trackingParams {
				if strings.HasPrefix(strings.ToLower(k), t) {
					q.Del(k)
				}
			}
		}
		p.RawQuery = q.Encode()
	}
	if p.Path == "" {
		p.Path = "/"
	}
	return p.String()
}
