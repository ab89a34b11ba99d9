// Package veille holds the domain vocabulary of the veille news-intelligence
// engine: articles, their sources and the Analysis that extractors attach to
// them. It imports nothing but the standard library.
//
// Every span in this package is a pair of byte offsets [Start, End) into
// Article.Text, the normalised (NFC) text that the store keeps.
//
//	a := veille.Article{Text: "Le Mali et la Russie…", Lang: "fr"}
//	a.Hash = veille.ContentHash(a.Text)
package veille

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Precision says how much of a Published date is known.
type Precision string

// Date precisions, from coarsest to finest.
const (
	PrecisionNone    Precision = ""        // no date known
	PrecisionYear    Precision = "year"    // 2021
	PrecisionMonth   Precision = "month"   // 2021-09
	PrecisionDay     Precision = "day"     // 2021-09-15
	PrecisionInstant Precision = "instant" // 2021-09-15T08:30:00Z
)

// Date is a possibly partial calendar date. Time is the start of the period
// (in UTC for a year, month or day; in its original offset for an instant); Precision says which period (a year, a month, a day or an instant).
// The zero Date means "unknown".
type Date struct {
	Time      time.Time
	Precision Precision
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == PrecisionNone || d.Time.IsZero() }

// End returns the exclusive end of the period the date covers: the next
// year, month or day; for an instant, the instant itself plus one second.
func (d Date) End() time.Time {
	switch d.Precision {
	case PrecisionYear:
		return d.Time.AddDate(1, 0, 0)
	case PrecisionMonth:
		return d.Time.AddDate(0, 1, 0)
	case PrecisionDay:
		return d.Time.AddDate(0, 0, 1)
	default:
		return d.Time.Add(time.Second)
	}
}

// String formats the date at its precision: "2021", "2021-09",
// "2021-09-15" or RFC 3339 for an instant, in the offset it was written with; "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	switch d.Precision {
	case PrecisionYear:
		return d.Time.Format("2006")
	case PrecisionMonth:
		return d.Time.Format("2006-01")
	case PrecisionDay:
		return d.Time.Format("2006-01-02")
	default:
		return d.Time.Format(time.RFC3339)
	}
}

// Format names the input format an article was read from.
type Format string

// Input formats.
const (
	FormatText  Format = "text"
	FormatJSONL Format = "jsonl"
	FormatJSON  Format = "json"
	FormatHTML  Format = "html"
	FormatFeed  Format = "feed"
	FormatWARC  Format = "warc"
	FormatARC   Format = "arc"
)

// Source is one place an article was found: an outlet publishing it under a
// URL, or a corpus record with its own id. The same text found twice (wire
// copy syndicated by two outlets) is one Article with two Sources.
type Source struct {
	URL       string    `json:"url,omitempty"`
	SourceID  string    `json:"source_id,omitempty"` // id given by the input (e.g. a corpus "id" field)
	Outlet    string    `json:"outlet,omitempty"`
	Published string    `json:"published,omitempty"` // as Date.String
	Format    Format    `json:"format"`
	Origin    string    `json:"origin,omitempty"` // file path or URL the record was read from
	SeenAt    time.Time `json:"seen_at"`
}

// Article is one news article as stored.
//
// ID is stable: derived from the canonical URL when there is one, otherwise
// from the content hash (see ArticleID). Text is NFC-normalised UTF-8 and is
// what every span of the Analysis points into, in bytes.
type Article struct {
	ID         string    `json:"id"`
	Hash       string    `json:"hash"`                  // ContentHash(Text), hex
	URL        string    `json:"url,omitempty"`         // canonical URL when known
	Outlet     string    `json:"outlet,omitempty"`      // publisher or site name
	Published  Date      `json:"published,omitzero"`    // JSON: "2021-09" (its shape gives the precision)
	Lang       string    `json:"lang,omitempty"`        // ISO 639-1, "" when unknown
	LangSource string    `json:"lang_source,omitempty"` // "metadata" or "detected"
	Title      string    `json:"title,omitempty"`
	Author     string    `json:"author,omitempty"`
	Text       string    `json:"text"`
	Format     Format    `json:"format"`
	IngestedAt time.Time `json:"ingested_at"`
	Version    int       `json:"version,omitempty"` // 1 for the first text stored under this ID
	Aliases    []string  `json:"aliases,omitempty"` // URLs and source ids that resolve to this article
	Sources    []Source  `json:"sources,omitempty"`
}

// ContentHash returns the hex SHA-256 of text after whitespace runs are
// collapsed to one space and the ends trimmed: two outlets publishing the same
// words with different line breaks share a hash; any change of a word,
// letter, accent or punctuation mark gives another.
func ContentHash(text string) string {
	h := sha256.New()
	space := false
	started := false
	var buf [4]byte
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		started = true
		n := utf8.EncodeRune(buf[:], r)
		h.Write(buf[:n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ArticleID returns the stable ID of an article: "u" followed by 16 hex
// digits of the SHA-256 of the canonical URL when url is not empty, else "h"
// followed by the first 16 hex digits of the content hash.
func ArticleID(canonicalURL, contentHash string) string {
	if canonicalURL != "" {
		sum := sha256.Sum256([]byte(canonicalURL))
		return "u" + hex.EncodeToString(sum[:8])
	}
	if len(contentHash) > 16 {
		contentHash = contentHash[:16]
	}
	return "h" + contentHash
}

// NormalizeLang maps a language tag as sources write it ("en-US", "en_GB",
// "FR", "fra", "French") to its ISO 639-1 code; it returns "" for what it
// cannot map.
func NormalizeLang(tag string) string {
	t := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(t, "-_;, "); i >= 0 {
		t = t[:i]
	}
	if len(t) == 2 && t[0] >= 'a' && t[0] <= 'z' && t[1] >= 'a' && t[1] <= 'z' {
		if _, err := language.ParseBase(t); err != nil {
			return "" // well-formed but not an ISO 639-1 code ("xx")
		}
		return t
	}
	if c, ok := langNames[t]; ok {
		return c
	}
	return ""
}

// langNames maps ISO 639-2/3 codes and English names of common news
// languages to ISO 639-1.
var langNames = map[string]string{
	"eng": "en", "english": "en", "fra": "fr", "fre": "fr", "french": "fr", "français": "fr", "francais": "fr",
	"deu": "de", "ger": "de", "german": "de", "spa": "es", "spanish": "es", "ita": "it", "italian": "it",
	"por": "pt", "portuguese": "pt", "rus": "ru", "russian": "ru", "ara": "ar", "arabic": "ar",
	"nld": "nl", "dut": "nl", "dutch": "nl", "zho": "zh", "chi": "zh", "chinese": "zh", "jpn": "ja", "japanese": "ja",
	"urd": "ur", "urdu": "ur", "ukr": "uk", "ukrainian": "uk", "pol": "pl", "polish": "pl", "tur": "tr", "turkish": "tr",
	"hau": "ha", "hausa": "ha", "swa": "sw", "swahili": "sw", "yor": "yo", "yoruba": "yo", "amh": "am", "amharic": "am",
	"fas": "fa", "per": "fa", "persian": "fa", "hin": "hi", "hindi": "hi", "kor": "ko", "korean": "ko",
}
