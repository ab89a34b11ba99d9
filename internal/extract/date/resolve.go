package date

import (
	"strconv"
	"time"

	"github.com/veille/veille"
)

// precRank orders precisions from coarsest to finest.
func precRank(p veille.Precision) int {
	switch p {
	case veille.PrecisionYear:
		return 1
	case veille.PrecisionMonth:
		return 2
	case veille.PrecisionDay:
		return 3
	case veille.PrecisionInstant:
		return 4
	}
	return 0
}

// ref is the reference date of a text, split into its calendar fields in
// its own offset (so that an instant keeps the publisher's calendar day).
type ref struct {
	ok         bool
	prec       veille.Precision
	y, m, d    int
	hh, mi, s  int
	day        time.Time // midnight UTC of the reference day (or period start)
	instant    time.Time // the reference instant, as naive UTC
	futureBias bool
	offsets    Offsets
	dayParts   DayParts
	upcoming   bool // Options.NthUpcoming
}

// distance is how far t lies from the reference day, false when the
// reference looks forward (futureBias) and t is before it.
func (r ref) distance(t time.Time) (time.Duration, bool) {
	dist := t.Sub(r.day)
	if dist < 0 {
		if r.futureBias {
			return 0, false
		}
		dist = -dist
	}
	return dist, true
}

func newRef(d veille.Date, opt Options) ref {
	if d.IsZero() {
		return ref{futureBias: opt.Future, offsets: opt.Offsets, dayParts: opt.DayParts, upcoming: opt.NthUpcoming}
	}
	t := d.Time
	r := ref{ok: true, prec: d.Precision, y: t.Year(), m: int(t.Month()), d: t.Day(), futureBias: opt.Future, offsets: opt.Offsets, dayParts: opt.DayParts, upcoming: opt.NthUpcoming}
	if d.Precision == veille.PrecisionInstant {
		r.hh, r.mi, r.s = t.Hour(), t.Minute(), t.Second()
	}
	r.day = time.Date(r.y, time.Month(r.m), r.d, 0, 0, 0, 0, time.UTC)
	r.instant = time.Date(r.y, time.Month(r.m), r.d, r.hh, r.mi, r.s, 0, time.UTC)
	return r
}

// mkDate builds a veille.Date at precision p from naive UTC fields.
func mkDate(t time.Time, p veille.Precision) veille.Date {
	switch p {
	case veille.PrecisionYear:
		t = time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case veille.PrecisionMonth:
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case veille.PrecisionDay:
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return veille.Date{Time: t, Precision: p}
}

// relative fills de with a value computed from the reference date at
// precision p, naming grain; when the reference is coarser than p (a
// publication date known to the month), the value is cut to the
// reference's precision and Grain stays finer, which says so.
func (r ref) relative(de *veille.DateExpr, t time.Time, p veille.Precision, grain string) {
	de.Kind = "relative"
	de.Grain = grain
	if !r.ok {
		return
	}
	if precRank(r.prec) < precRank(p) && precRank(r.prec) < precRank(veille.PrecisionDay) {
		// Shift from the middle of the reference period, so that "hier"
		// in an article of 2021-09 stays in 2021-09.
		p = r.prec
		if r.prec == veille.PrecisionMonth {
			t = t.AddDate(0, 0, 14)
		} else {
			t = t.AddDate(0, 0, 182)
		}
	}
	de.Value = mkDate(t, p)
	de.Precision = p
}

// addUnit adds n units to t. Whole days of a count of hours, minutes or
// seconds are added as days, so that a large count cannot overflow a
// time.Duration.
func addUnit(t time.Time, unit string, n int) time.Time {
	switch unit {
	case "second":
		return t.AddDate(0, 0, n/86400).Add(time.Duration(n%86400) * time.Second)
	case "minute":
		return t.AddDate(0, 0, n/1440).Add(time.Duration(n%1440) * time.Minute)
	case "hour":
		return t.AddDate(0, 0, n/24).Add(time.Duration(n%24) * time.Hour)
	case "day":
		return t.AddDate(0, 0, n)
	case "week":
		return t.AddDate(0, 0, 7*n)
	case "fortnight":
		return t.AddDate(0, 0, 14*n)
	case "month":
		return t.AddDate(0, n, 0)
	case "quarter":
		return t.AddDate(0, 3*n, 0)
	case "half":
		return t.AddDate(0, 6*n, 0)
	case "year":
		return t.AddDate(n, 0, 0)
	case "decade":
		return t.AddDate(10*n, 0, 0)
	case "century":
		return t.AddDate(100*n, 0, 0)
	}
	return t
}

// isoDuration writes n units as an ISO 8601 duration.
func isoDuration(unit string, n int) string {
	s := strconv.Itoa
	switch unit {
	case "second":
		return "PT" + s(n) + "S"
	case "minute":
		return "PT" + s(n) + "M"
	case "hour":
		return "PT" + s(n) + "H"
	case "day":
		return "P" + s(n) + "D"
	case "week":
		return "P" + s(n) + "W"
	case "fortnight":
		return "P" + s(2*n) + "W"
	case "month":
		return "P" + s(n) + "M"
	case "quarter":
		return "P" + s(3*n) + "M"
	case "half":
		return "P" + s(6*n) + "M"
	case "year":
		return "P" + s(n) + "Y"
	case "decade":
		return "P" + s(10*n) + "Y"
	case "century":
		return "P" + s(100*n) + "Y"
	}
	return ""
}

// unitPrecision is the precision and grain of a date some units away
// from the reference ("il y a trois ans": a year).
func unitPrecision(unit string) (veille.Precision, string) {
	switch unit {
	case "second", "minute", "hour":
		return veille.PrecisionInstant, unit
	case "day":
		return veille.PrecisionDay, "day"
	case "week", "fortnight":
		return veille.PrecisionDay, "week"
	case "month", "quarter", "half":
		return veille.PrecisionMonth, "month"
	}
	return veille.PrecisionYear, "year"
}

// absolute fills de from a written calendar date c (and the end of a range
// when end.m != 0), inferring a missing year from the reference date.
func (r ref) absolute(de *veille.DateExpr, c, end cal) bool {
	if c.m == 0 && c.y == 0 {
		return false
	}
	de.Kind = "absolute"
	if c.y == 0 {
		de.Kind = "partial"
		if !r.ok {
			de.Grain = calGrain(c)
			return true
		}
		c.y = r.inferYear(c.m, c.d)
		if c.wd >= 0 && c.d != 0 {
			// "mardi 10 janvier": the nearest year where the weekday agrees
			// (one year either side at most: further, the weekday is more
			// likely wrong than the year)
			for _, dy := range []int{0, 1, -1} {
				y := c.y + dy
				if validDate(y, c.m, c.d) && int(time.Date(y, time.Month(c.m), c.d, 0, 0, 0, 0, time.UTC).Weekday()) == c.wd {
					c.y = y
					break
				}
			}
		}
		if end.m != 0 && end.y == 0 {
			end.y = c.y
			if end.m < c.m {
				end.y++
			}
		}
	}
	if c.d != 0 && !validDate(c.y, c.m, c.d) {
		return false
	}
	p := veille.PrecisionYear
	t := time.Date(c.y, time.Month(max(c.m, 1)), max(c.d, 1), 0, 0, 0, 0, time.UTC)
	switch {
	case c.hh >= 0 && c.d != 0:
		p = veille.PrecisionInstant
		t = time.Date(c.y, time.Month(c.m), c.d, c.hh, c.mi, c.s, 0, time.UTC)
		de.Grain = c.grain
	case c.d != 0:
		p = veille.PrecisionDay
	case c.m != 0:
		p = veille.PrecisionMonth
	}
	de.Value, de.Precision = mkDate(t, p), p
	if de.Grain == "" {
		de.Grain = calGrain(c)
	}
	if end.m != 0 {
		if end.y == 0 {
			end.y = c.y
		}
		if end.d != 0 && validDate(end.y, end.m, end.d) {
			e := time.Date(end.y, time.Month(end.m), end.d, 0, 0, 0, 0, time.UTC)
			if !e.Before(t) {
				de.Until = veille.Date{Time: e.AddDate(0, 0, 1), Precision: veille.PrecisionDay}
			}
		}
	}
	return true
}

// inferYear picks the year of a day and month (or a month) written without
// one: the occurrence nearest the reference date, or the next one with
// the future bias.
func (r ref) inferYear(m, d int) int {
	if d == 0 {
		d = 15
		if r.futureBias {
			if m >= r.m {
				return r.y
			}
			return r.y + 1
		}
	}
	best, bestDist := r.y, time.Duration(1<<62)
	for y := r.y - 1; y <= r.y+1; y++ {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		dist, ok := r.distance(t)
		if !ok {
			continue
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// weekday resolves a weekday wd: mode -1 last (strictly before), +1 next
// (strictly after), 0 nearest (or next with the future bias), 2 this
// (today or after), 3 in the reference's own week.
func (r ref) weekday(wd, mode int) time.Time {
	cur := int(r.day.Weekday())
	switch mode {
	case -1:
		back := (cur - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		return r.day.AddDate(0, 0, -back)
	case 1:
		fwd := (wd - cur + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return r.day.AddDate(0, 0, fwd)
	case 2:
		return r.day.AddDate(0, 0, (wd-cur+7)%7)
	case 3:
		return weekStart(r.day).AddDate(0, 0, (wd+6)%7)
	}
	if r.futureBias {
		return r.weekday(wd, 1)
	}
	diff := (wd - cur + 7) % 7 // 0..6 forward
	if diff > 3 {
		diff -= 7
	}
	return r.day.AddDate(0, 0, diff)
}

// weekStart returns the Monday of t's week.
func weekStart(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// calGrain names the finest unit written in c.
func calGrain(c cal) string {
	switch {
	case c.hh >= 0 && c.grain != "":
		return c.grain
	case c.d != 0:
		return "day"
	case c.m != 0:
		return "month"
	}
	return "year"
}

// offset fills de with the date n units away from the reference (n < 0
// before it), at the precision the offsets convention gives.
func (r ref) offset(de *veille.DateExpr, unit string, n int) {
	switch r.offsets {
	case OffsetFiner:
		grain := finerUnit(unit)
		t := unitStart(addUnit(r.instant, unit, n), grain)
		prec, _ := unitPrecision(grain)
		if grain == "day" || grain == "week" {
			grain = "day"
		}
		r.relative(de, t, prec, grain)
		return
	case OffsetInstant:
		r.relative(de, addUnit(r.instant, unit, n), veille.PrecisionInstant, unit)
		return
	}
	prec, grain := unitPrecision(unit)
	base := r.day
	if prec == veille.PrecisionInstant {
		base = r.instant
	}
	r.relative(de, addUnit(base, unit, n), prec, grain)
}

// offsetTerms fills de with the reference moved by sign times each term
// of a compound offset ("1 day 21 hours ago"), at the precision of the
// finest term; one term is an ordinary offset.
func (r ref) offsetTerms(de *veille.DateExpr, ts []term, sign int) {
	if len(ts) == 1 {
		r.offset(de, ts[0].unit, sign*ts[0].n)
		return
	}
	t := r.instant
	for _, x := range ts {
		t = addUnit(t, x.unit, sign*x.n)
	}
	last := ts[len(ts)-1].unit
	prec, grain := unitPrecision(last)
	if r.offsets == OffsetInstant {
		prec, grain = veille.PrecisionInstant, last
	}
	r.relative(de, mkDate(t, prec).Time, prec, grain)
}

// finerUnit is the unit under unit: a day for a week, an hour for a day.
func finerUnit(unit string) string {
	switch unit {
	case "minute", "second":
		return "second"
	case "hour":
		return "minute"
	case "day", "fortnight":
		return "hour"
	case "week", "month":
		return "day"
	}
	return "month"
}

// zoneOffsets are the UTC offsets, in minutes, of the zone names a time
// may carry.
var zoneOffsets = map[string]int{
	"GMT": 0, "UTC": 0, "UT": 0, "WET": 0, "BST": 60, "CET": 60, "WAT": 60,
	"CEST": 120, "EET": 120, "CAT": 120, "EEST": 180, "EAT": 180, "MSK": 180,
	"EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
	"MDT": -360, "PST": -480, "PDT": -420, "JST": 540, "HKT": 480, "SGT": 480,
}

// zoneName returns the offset of the zone name at token i, if it is one.
func (p *parser) zoneName(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tWord || t.end-t.start > 4 || t.end-t.start < 2 {
		return 0, false
	}
	var buf [4]byte
	w := buf[:0]
	for _, c := range []byte(p.text[t.start:t.end]) {
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		w = append(w, c)
	}
	off, ok := zoneOffsets[string(w)]
	return off, ok
}

// convertZone converts de, a time of day read up to token end, from the
// zone named at its last token or right after it ("8:00 GMT", "9 am
// (BST)") to loc; it returns the new end.
func (p *parser) convertZone(de *veille.DateExpr, end int, loc *time.Location) int {
	if de.Precision != veille.PrecisionInstant || end == 0 {
		return end
	}
	off, ok := p.zoneName(end - 1)
	if !ok {
		k := end
		paren := p.punct(k, '(')
		if paren {
			k++
		}
		if off, ok = p.zoneName(k); !ok {
			return end
		}
		end = k + 1
		if paren {
			if !p.punct(end, ')') {
				return end - 2
			}
			end++
		}
	}
	shift := func(t time.Time) time.Time {
		u := t.Add(-time.Duration(off) * time.Minute)
		_, o := time.Date(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), 0, 0, time.UTC).In(loc).Zone()
		return u.Add(time.Duration(o) * time.Second)
	}
	de.Value.Time = shift(de.Value.Time)
	if de.Until.Precision == veille.PrecisionInstant {
		de.Until.Time = shift(de.Until.Time)
	}
	if de.Grain == "hour" {
		de.Grain = "minute"
	}
	return end
}
