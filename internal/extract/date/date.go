// Package date finds dates and durations in French and English text and
// resolves them against a reference date, normally the article's
// publication date:
//
//	ds := date.Find("Depuis plus d'une décennie, hier encore…", "fr", published, date.Options{})
//	// ds[0]: "Depuis plus d'une décennie", kind duration, P10Y, bound above
//	// ds[1]: "hier", kind relative, the day before publication
//
// Candidates come from one pass of a small tokenizer over the text; only
// tokens the embedded lexicons (data/fr.tsv, data/en.tsv) know, and digit
// runs, start a match, and the longest expression wins. A relative date is
// never more precise than its reference: "hier" against a publication date
// known to the month is that month, with Grain "day" saying what was meant.
//
// The package is pure: no I/O, no clock. It imports no other part of
// veille's pipeline; extract wraps it as the "dates" stage.
package date

import (
	"slices"
	"time"

	"github.com/veille/veille"
)

// Version grows when Find's output changes.
const Version = 5

// Langs are the languages Find covers.
var Langs = []string{"fr", "en"}

// Options tune resolution. The zero value is the news setting.
type Options struct {
	// Future resolves a bare weekday, or a day and month without a year,
	// to its next occurrence after the reference date (Duckling's
	// convention) instead of the nearest one (chrono's, and the usual
	// meaning in news, which mostly reports the past).
	Future bool
	// Offsets says what a date some units away from the reference
	// keeps of the reference ("in two days", "three months ago", "next
	// week"); the zero value is the news reading.
	Offsets Offsets
	// DayParts says how a part of the day ("this morning", "ce soir",
	// "tomorrow afternoon") resolves; the zero value is the news reading.
	DayParts DayParts
	// NthUpcoming reads "upcoming two days", "2 upcoming quarters" as the
	// second unit after the reference's (Duckling's convention) instead of
	// the two units that follow it (the news reading).
	NthUpcoming bool
	// Zone is the zone of the reference's wall clock: a time written with
	// a zone name ("Thursday 8:00 GMT", "9 am (BST)") is converted to it,
	// to the minute. Nil keeps times as written (the news reading).
	Zone *time.Location
	// Few reads "a few" as three and "a couple of" as two ("in a few
	// hours", "a couple of days ago"), Duckling's and chrono's convention;
	// the news reading leaves such counts vague and finds no date.
	Few bool
	// Now reads "now", "maintenant" as the reference instant (chrono's
	// convention); in news "now" is rarely a date and is left unread.
	Now bool
	// Anaphora reads the words that name a day or a week from another
	// one ("la veille", "le lendemain", "le jour d'après", "the following
	// week") from the reference date (Duckling's convention); in news
	// they mostly refer to a day the text has named, and are left unread.
	Anaphora bool
	// DayFirst reads English numeric dates day first, "8/10/2012" as 8
	// October (British usage); the zero value reads them month first.
	DayFirst bool
}

// DayParts is a convention for parts of the day.
type DayParts uint8

const (
	// DayPartSpan is the span of hours of the part: "this morning" is
	// 04:00 to 12:00 of the reference day.
	DayPartSpan DayParts = iota
	// DayPartHour is one fixed hour per part, per language (chrono's
	// convention): morning 06:00 in English and 08:00 in French,
	// afternoon 15:00 and 14:00, evening 20:00 and 18:00.
	DayPartHour
)

// Offsets is a convention for dates some units away from the reference.
type Offsets uint8

const (
	// OffsetUnit keeps the unit's own precision: "il y a trois ans" is a
	// year, "next week" the calendar week after the reference's.
	OffsetUnit Offsets = iota
	// OffsetFiner keeps the reference down to the next finer unit: "in
	// two days" is that day at the reference's hour, "two years ago" that
	// month (Duckling's convention).
	OffsetFiner
	// OffsetInstant moves the reference instant itself: "next week" is
	// seven days after it, "5 years ago" and "tomorrow" that day and
	// time (chrono's convention); with Future, a time of day already
	// past, even within the reference's hour, is the next day's.
	OffsetInstant
)

// Find returns the dates and durations of text in lang ("fr" or "en"; nil
// for other languages), in text order, resolved against ref (the zero
// Date leaves relative dates without a value). Spans are byte offsets into
// text.
func Find(text, lang string, ref veille.Date, opt Options) []veille.DateExpr {
	lx := lexiconFor(lang)
	if lx == nil {
		return nil
	}
	p := &parser{text: text, lang: lang, few: opt.Few, now: opt.Now, anaphora: opt.Anaphora, dayFirst: opt.DayFirst}
	p.toks = tokenize(text, lx, make([]token, 0, len(text)/5+1))
	r := newRef(ref, opt)
	var out []veille.DateExpr
	var yearDate time.Time // the last date written with its year in this sentence
	for i := 0; i < len(p.toks); {
		t := &p.toks[i]
		if t.kind == tPunct && (t.c == '.' || t.c == '!' || t.c == '?' || t.c == '\n') {
			yearDate = time.Time{}
		}
		if t.kind == tPunct || (t.kind == tWord && t.ents == nil) || p.inNumber(i) {
			i++
			continue
		}
		m, ok := p.at(i, r)
		if ok && m.de.Kind != "duration" && p.beforeChrist(m.end) {
			// "en 1500 av. J.-C.", "in 44 BC": not a year of our era
			i = m.end
			continue
		}
		if !ok {
			// skip the whole phrase: "midi" in "après-midi" starts nothing
			i = max(i+1, int(t.next))
			continue
		}
		m = p.extend(m, r)
		de := m.de
		if opt.Zone != nil {
			m.end = p.convertZone(&de, m.end, opt.Zone)
		}
		if !inRange(de.Value) || !inRange(de.Until) {
			// "il y a 2000 ans", "dans 8000 ans": no date veille can
			// write; the expression stays, unresolved
			de.Value, de.Precision, de.Until = veille.Date{}, "", veille.Date{}
		}
		if de.Kind == "partial" && !yearDate.IsZero() && de.Precision == veille.PrecisionDay && de.Until.IsZero() {
			// "July 12th, 2014 … July 13th": the year of the date before
			// it in the same sentence
			de.Value = mkDate(sameYear(de.Value.Time, yearDate), veille.PrecisionDay)
		}
		if de.Kind == "absolute" && (de.Precision == veille.PrecisionDay || de.Precision == veille.PrecisionInstant) {
			yearDate = de.Value.Time
		}
		de.Start = int(t.start)
		de.End = int(p.toks[m.end-1].end)
		de.Text = text[de.Start:de.End]
		out = append(out, de)
		i = m.end
	}
	return out
}

// inRange says whether d is zero or has a year veille.ParseDate reads
// back (1000 to 9999).
func inRange(d veille.Date) bool {
	if d.IsZero() {
		return true
	}
	y := d.Time.Year()
	return y >= 1000 && y <= 9999
}

// Extractor finds dates and durations in a document; extract wraps it.
type Extractor struct{ Options }

// Name is the stage's name in Analysis.Extractors.
func (Extractor) Name() string { return "dates" }

// Version implements extract's Extractor.
func (Extractor) Version() int { return Version }

// Langs implements extract's Extractor.
func (Extractor) Langs() []string { return slices.Clone(Langs) }

// ExtractText records the dates of text in an, resolved against published.
func (e Extractor) ExtractText(text, lang string, published veille.Date, an *veille.Analysis) {
	an.Dates = append(an.Dates, Find(text, lang, published, e.Options)...)
}
