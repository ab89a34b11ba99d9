package date

import (
	"strings"
	"time"

	"github.com/veille/veille"
)

// extend grows a match with what may follow it and complete it: a time
// of day after a day ("4/25 at 4:00pm", "le 2 à 17h"), a weekday after a
// written date that agrees with it ("Jul 18, Fri"), "o'clock" after a bare
// hour ("tonight at 8 o'clock").
func (p *parser) extend(m match, r ref) match {
	if p.is(m.end, cOClock) && p.tok(m.end-1).kind == tNum {
		m.end = p.skip(m.end, cOClock)
	}
	de := &m.de
	if de.Kind == "absolute" && de.Precision == veille.PrecisionInstant && de.Until.IsZero() && p.punct(m.end, '/') && p.tok(m.end).gap == 0 {
		// an ISO 8601 interval: "2015-03-28 17:00:00/2015-03-29 21:00:00"
		if c, j, ok := p.numericDate(m.end + 1); ok && c.y != 0 && c.hh >= 0 {
			t := time.Date(c.y, time.Month(c.m), c.d, c.hh, c.mi, c.s, 0, time.UTC)
			de.Until = mkDate(t.Add(grainStep(c.grain)), veille.PrecisionInstant)
			m.end = j
		}
		return m
	}
	if de.Kind == "duration" || de.Precision != veille.PrecisionDay || !de.Until.IsZero() {
		return m
	}
	day := de.Value.Time
	if r.offsets == OffsetInstant && (p.punct(m.end, '+') || p.punct(m.end, '-')) {
		// chrono: "next tuesday +10 days"
		if n, unit, _, j, ok := p.quantity(m.end + 1); ok && p.tok(m.end+1).kind == tNum && p.tok(m.end+1).gap == 0 {
			if p.punct(m.end, '-') {
				n = -n
			}
			if prec, _ := unitPrecision(unit); prec == veille.PrecisionDay {
				de.Value = mkDate(addUnit(day, unit, n), veille.PrecisionDay)
				m.end = j
				return m
			}
		}
	}
	k := p.skipPunct(m.end, ',')
	if e, k2, ok := p.ent(k, cWeekday); ok && (!e.weak || p.tok(k).upper) && de.Kind != "relative" {
		if int(day.Weekday()) == e.n {
			m.end = k2
			if p.abbrevDot(k2) {
				m.end++
			}
			return m
		}
		if de.Kind == "partial" {
			// the nearest year where the weekday agrees
			for _, dy := range []int{1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6} {
				if r.futureBias && dy < 0 {
					continue
				}
				t := time.Date(day.Year()+dy, day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
				if t.Day() == day.Day() && int(t.Weekday()) == e.n {
					de.Value = mkDate(t, veille.PrecisionDay)
					m.end = k2
					if p.abbrevDot(k2) {
						m.end++
					}
					return m
				}
			}
		}
		return m
	}
	if p.is(k, cTo) {
		// "demain jusqu'à 16h", "tomorrow until 4pm": from the start of
		// the day to the end of that time
		c, j, ok := p.timeOfDay(p.skip(k, cTo))
		if !ok || c.grain != "hour" && c.grain != "minute" {
			return m
		}
		t := time.Date(day.Year(), day.Month(), day.Day(), c.hh, c.mi, 0, 0, time.UTC)
		de.Value = mkDate(day, veille.PrecisionInstant)
		de.Precision, de.Grain = veille.PrecisionInstant, c.grain
		de.Until = mkDate(t.Add(grainStep(c.grain)), veille.PrecisionInstant)
		m.end = j
		return m
	}
	if !p.is(k, cAt) {
		return m
	}
	c, j, ok := p.timeOfDay(p.skipAt(k))
	if !ok {
		return m
	}
	t := time.Date(day.Year(), day.Month(), day.Day(), c.hh, c.mi, c.s, 0, time.UTC)
	de.Value = mkDate(t, veille.PrecisionInstant)
	de.Precision = veille.PrecisionInstant
	de.Grain = c.grain
	m.end = j
	return m
}

// easter returns Easter Sunday of year y in the Gregorian calendar
// (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// ruleBy: "by the end of next month", "by EOD", "d'ici la fin de
// l'année": the period from the reference to the end of the part named.
func (p *parser) ruleBy(i int, r ref) (match, bool) {
	_, k, _ := p.ent(i, cBy)
	if p.lang == "fr" {
		k = p.skip(k, cAt) // "d'ici à la fin de l'année"
	}
	k = p.skip(k, cDet)
	m, ok := p.partAt(k, r)
	if !ok || m.de.Until.IsZero() || !r.ok || !m.de.Until.Time.After(r.instant) {
		return match{}, false
	}
	end := m.de.Until
	r.untilFromRef(&m.de)
	m.de.Until = end
	m.de.Kind = "relative"
	return m, true
}

// ruleRest: "the rest of the week", "le reste de l'année": the reference
// day to the end of its week, month or year.
func (p *parser) ruleRest(i int, r ref) (match, bool) {
	_, k, _ := p.ent(i, cRest)
	k = p.skip(p.skip(p.skip(k, cOf), cDet), cThis)
	unit := p.unitAt(k)
	if unit != "week" && unit != "month" && unit != "year" || p.plural(k) || !r.ok {
		return match{}, false
	}
	var m match
	m.end = p.skipUnit(k)
	r.relative(&m.de, r.day, veille.PrecisionDay, "day")
	if m.de.Precision == veille.PrecisionDay {
		m.de.Until = mkDate(addUnit(unitStart(r.day, unit), unit, 1), veille.PrecisionDay)
	}
	return m, true
}

// dayPartOfDate reads a part of a written day: "matinée du 15 février",
// "le soir du 3 mars", "the morning of May 3rd".
func (p *parser) dayPartOfDate(i int, r ref) (match, bool) {
	k := p.skip(p.skip(i, cIn), cDet)
	e, k, ok := p.ent(k, cDayPart)
	if !ok || e.s == "tonight" || !p.is(k, cOf) {
		return match{}, false
	}
	k = p.skip(p.skip(k, cOf), cDet)
	dm, ok := p.ruleCalendar(k, r)
	if !ok || dm.de.Precision != veille.PrecisionDay || !dm.de.Until.IsZero() {
		return match{}, false
	}
	var m match
	day := dm.de.Value.Time
	h := p.partSpan(e.s)
	from := time.Date(day.Year(), day.Month(), day.Day(), h[0], 0, 0, 0, time.UTC)
	rr := r
	rr.ok, rr.prec = true, veille.PrecisionInstant
	rr.relative(&m.de, from, veille.PrecisionInstant, "hour")
	m.de.Kind = dm.de.Kind
	m.de.Until = mkDate(from.Add(time.Duration(h[1]-h[0])*time.Hour), veille.PrecisionInstant)
	if r.dayParts == DayPartHour {
		if hh, ok := partHours[p.lang][e.s]; ok {
			m.de.Value = mkDate(time.Date(day.Year(), day.Month(), day.Day(), hh, 0, 0, 0, time.UTC), veille.PrecisionInstant)
			m.de.Until = veille.Date{}
		}
	}
	m.end = dm.end
	return m, true
}

// ruleWeekOf: "la semaine du 6 octobre", "the week of October 7th": the
// week (Monday to Sunday) holding that day; a Sunday opens the week after
// it, as in "the week of Sunday the 6th".
func (p *parser) ruleWeekOf(i int, r ref) (match, bool) {
	k := p.skip(i, cDet)
	if p.unitAt(k) != "week" || p.plural(k) {
		return match{}, false
	}
	k = p.skipUnit(k)
	if !p.is(k, cOf) {
		return match{}, false
	}
	k = p.skip(p.skip(k, cOf), cDet)
	dm, ok := p.ruleCalendar(k, r)
	if !ok || dm.de.Precision != veille.PrecisionDay || !dm.de.Until.IsZero() {
		return match{}, false
	}
	ws := weekStart(dm.de.Value.Time.AddDate(0, 0, 1))
	m := dm
	m.de.Value = mkDate(ws, veille.PrecisionDay)
	m.de.Grain = "week"
	m.de.Until = mkDate(ws.AddDate(0, 0, 7), veille.PrecisionDay)
	return m, true
}

// ruleLastNight: "last night", "last evening": that part of the day
// before the reference day.
func (p *parser) ruleLastNight(i int, r ref) (match, bool) {
	k := i
	if t := p.tok(k); t == nil || !strings.EqualFold(p.text[t.start:t.end], "last") {
		return match{}, false // "the previous night" is the night before another day
	}
	if pt := p.tok(k - 1); pt != nil && pt.kind == tWord && possessive(p.text[pt.start:pt.end]) {
		return match{}, false // "his last night in Paris", "the team's last night"
	}
	k = p.skip(k, cLast)
	e, j, ok := p.ent(k, cDayPart)
	if !ok || e.s != "night" && e.s != "evening" {
		return match{}, false
	}
	if t := p.tok(j); t != nil && t.gap == '-' && t.kind == tWord {
		return match{}, false // "last night-shift"
	}
	day := r.day.AddDate(0, 0, -1)
	var m match
	if r.dayParts == DayPartHour && e.s == "night" {
		// chrono: the midnight that opens the day before
		r.relative(&m.de, day, veille.PrecisionInstant, "hour")
		m.end = j
		return m, true
	}
	end, ok := p.dayPart(&m.de, k, day, r)
	if !ok {
		return match{}, false
	}
	m.end = end
	return m, true
}

// partSpan returns the hours [from, to) of a part of the day: the English
// "morning" starts at midnight ("three in the morning"), the French
// "matin" at four.
func (p *parser) partSpan(part string) [2]int {
	h := dayParts[part]
	if part == "morning" && p.lang == "en" {
		h[0] = 0
	}
	return h
}

// ruleQuinzaine: "la première quinzaine de mai", "la deuxième quinzaine
// d'avril 2021": the 1st to the 15th, or the 15th to the end of the month.
func (p *parser) ruleQuinzaine(i int, r ref) (match, bool) {
	k := p.skip(i, cDet)
	e, k, ok := p.ent(k, cOrd)
	if !ok || e.n != 1 && e.n != 2 || p.unitAt(k) != "fortnight" || p.plural(k) {
		return match{}, false
	}
	k = p.skip(p.skipUnit(k), cOf)
	y, mo, j, ok := p.monthPeriod(k, r)
	if !ok {
		return match{}, false
	}
	from := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(y, time.Month(mo), 15, 0, 0, 0, 0, time.UTC)
	if e.n == 2 {
		from, to = to, time.Date(y, time.Month(mo)+1, 1, 0, 0, 0, 0, time.UTC)
	}
	var m match
	m.de.Kind = "partial"
	if p.monthYearAt(k) {
		m.de.Kind = "absolute"
	}
	m.de.Value, m.de.Precision, m.de.Grain = mkDate(from, veille.PrecisionDay), veille.PrecisionDay, "day"
	m.de.Until = mkDate(to, veille.PrecisionDay)
	m.end = j
	return m, true
}

// monthYearAt says whether a month and its year are written at k.
func (p *parser) monthYearAt(k int) bool {
	_, _, ok := p.monthYear(k)
	return ok
}

// grainStep is the length of one unit of a time of day's grain.
func grainStep(grain string) time.Duration {
	switch grain {
	case "hour":
		return time.Hour
	case "minute":
		return time.Minute
	}
	return time.Second
}

// sameYear moves the day and month of t to the year of anchor (t when
// that day does not exist then: 29 February).
func sameYear(t, anchor time.Time) time.Time {
	c := time.Date(anchor.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	if c.Day() != t.Day() {
		return t
	}
	return c
}

// possessive says whether w makes "last" mean "final" before it: a
// determiner or a possessive ("the", "his", "Thain's").
func possessive(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "s", "his", "her", "their", "my", "our", "its", "your", "this", "that":
		return true
	}
	return false
}
