package date

import (
	"strconv"
	"strings"
	"time"

	"github.com/veille/veille"
)

// match is one expression found at a token: the tokens [i, end) and what
// they mean.
type match struct {
	end int
	de  veille.DateExpr
}

// at tries every rule at token i and keeps the longest match.
func (p *parser) at(i int, r ref) (match, bool) {
	best := match{end: i}
	try := func(m match, ok bool) {
		if ok && m.end > best.end {
			best = m
		}
	}
	t := &p.toks[i]
	if t.kind == tNum {
		try(p.ruleSpan(i, r))
		try(p.ruleQuarter(i, r))
		try(p.ruleCalendar(i, r))
		try(p.ruleYear(i, r))
		try(p.ruleClock(i, r))
		try(p.ruleUnits(i, r))
		try(p.signedOffset(i, r))
		try(p.ruleHourBefore(i, r))
		try(p.ruleNthWeekday(i, r))
		try(p.ruleClockRange(i, r))
		try(p.ruleNthOf(i, r))
	} else {
		if t.end-t.start == 1 {
			try(p.ruleQuarter(i, r))
		}
		try(p.ruleCalendar(i, r))
		try(p.ruleWord(i, r))
		try(p.ruleUnits(i, r))
		try(p.ruleClock(i, r))
	}
	return best, best.end > i
}

// calendar reads a written calendar date at i, with a range end when one is
// written: "15 septembre 2021", "Sept. 15", "2021-09-15", "mardi 10 janvier",
// "du 24 août au 26 août 2023", "August 10 - November 12".
func (p *parser) calendar(i int) (c, end cal, j int, ok bool) {
	wd := -1
	k := i
	if e, k2, okw := p.ent(i, cWeekday); okw {
		wd = e.n
		k = p.skipPunct(k2, '.')
		k = p.skipPunct(k, ',')
		k = p.skip(k, cDet)
	}
	for _, f := range []func(int) (cal, cal, int, bool){p.dayMonth, p.monthDay, p.numericDate3} {
		if c, end, j, ok = f(k); ok {
			break
		}
	}
	if !ok {
		if wd >= 0 { // "vendredi 15": a weekday and a day of the month
			if d, j2, okd := p.dayNum(k); okd && k > i {
				if _, _, isUnit := p.ent(j2, cUnit); !isUnit && !p.punct(j2, ':') && !p.is(j2, cHMark) {
					c, end = newCal(), newCal()
					c.d, c.wd = d, wd
					j = j2
					ok = true
				}
			}
		}
		if !ok {
			if c, j, ok = p.monthYear(i); ok {
				return c, newCal(), j, true
			}
			return c, end, i, false
		}
	} else {
		c.wd = wd
	}
	// a second date closing a range: "au 26 août 2023", "- 12 septembre"
	if end.m == 0 {
		k := j
		if p.is(k, cTo) || p.is(k, cAnd) || (p.tok(k) != nil && p.tok(k).gap == '-') {
			if p.is(k, cTo) || p.is(k, cAnd) {
				k = p.skip(k, cTo)
				k = p.skip(k, cAnd)
				k = p.skip(k, cDet)
			}
			if e2, _, j2, ok2 := p.dayMonth(k); ok2 {
				end, j = e2, j2
			} else if e2, _, j2, ok2 := p.monthDay(k); ok2 {
				end, j = e2, j2
			}
			if end.m != 0 && c.y == 0 {
				c.y = end.y
			}
		}
	}
	// a time of day: "à 15h", "at 2:57 p.m.", ", 9 pm", "12:00"
	k = p.skipPunct(j, ',')
	k = p.skipAt(k)
	tc, k2, okc := p.timeOfDay(k)
	if !okc && p.punct(k+1, '.') {
		// a dotted time after a date: "29.02.2020 13.12"
		tc = newCal()
		k2, okc = p.clock(&tc, k, false)
	}
	if okc && c.hh < 0 {
		c.hh, c.mi, c.s, c.grain = tc.hh, tc.mi, tc.s, tc.grain
		j = k2
		// a year after the time: "Wed Aug 05 12:00:00 2015"
		if c.y == 0 {
			if y, k3, oky := p.year(j); oky {
				c.y, j = y, k3
			}
		}
	}
	return c, end, j, true
}

// numericDate3 adapts numericDate to calendar's signature.
func (p *parser) numericDate3(i int) (cal, cal, int, bool) {
	c, j, ok := p.numericDate(i)
	return c, newCal(), j, ok
}

// timeOfDay reads a clock time with an optional time zone name after it.
func (p *parser) timeOfDay(i int) (cal, int, bool) {
	c := newCal()
	j, ok := p.clock(&c, i, true)
	if !ok {
		// a bare hour with a zone name: "8 GMT"
		t := p.tok(i)
		if t == nil || t.kind != tNum || t.ndig > 2 || t.num > 24 || p.tok(i+1) == nil || p.tok(i+1).gap != ' ' {
			return c, i, false
		}
		if p.is(i-1, cHMark) || p.punct(i-1, ':') || p.punct(i-1, '.') {
			return c, i, false // "16 h 00 GMT"
		}
		if _, okz := p.zoneName(i + 1); !okz || !(p.tok(i+1).allUpper || strings.EqualFold(p.text[p.tok(i+1).start:p.tok(i+1).end], "gmt") || strings.EqualFold(p.text[p.tok(i+1).start:p.tok(i+1).end], "utc")) {
			return c, i, false
		}
		c.hh, c.mi, c.s, c.grain = int(t.num)%24, 0, 0, "hour"
		return c, i + 2, true
	}
	if t := p.tok(j); t != nil && t.kind == tWord && t.allUpper && t.end-t.start <= 4 && t.end-t.start >= 3 {
		j++ // CET, UTC, PST
	} else if t != nil && (t.gap == ' ' || t.gap == '-') && c.grain != "hour" {
		// a numeric offset: "16:39:01 +0000", "10:00 -0500"
		switch {
		case t.kind == tPunct && t.c == '+' && p.tok(j+1) != nil && p.tok(j+1).kind == tNum && p.tok(j+1).gap == 0 && p.tok(j+1).ndig == 4:
			j += 2
		case t.kind == tNum && t.ndig == 4 && p.text[t.start-1] == '-' && t.start >= 2 && p.text[t.start-2] == ' ':
			j++
		}
	}
	return c, j, true
}

// ruleCalendar: written dates, optionally after a time ("8:25 a.m. Dec. 12, 2014").
func (p *parser) ruleCalendar(i int, r ref) (match, bool) {
	if tc, k, ok := p.timeOfDay(p.skip(i, cAt)); ok {
		k2 := p.skipPunct(k, ',')
		k2 = p.skip(k2, cDet)
		if c, end, j, ok := p.calendar(k2); ok && c.hh < 0 {
			c.hh, c.mi, c.s, c.grain = tc.hh, tc.mi, tc.s, tc.grain
			var m match
			if c.d == 0 && c.m != 0 {
				return m, false
			}
			if !p.resolveCal(&m.de, c, end, r) {
				return m, false
			}
			m.end = j
			return m, true
		}
	}
	c, end, j, ok := p.calendar(i)
	if !ok {
		return match{}, false
	}
	var m match
	if !p.resolveCal(&m.de, c, end, r) {
		return m, false
	}
	m.end = j
	if c.hh < 0 && end.m == 0 && m.de.Precision == veille.PrecisionDay {
		// "le 12 février en fin de matinée", "Feb 15 in the morning",
		// "jeudi 14 de 9h à 11h"
		day := m.de.Value.Time
		rr := r
		rr.ok, rr.prec = true, veille.PrecisionInstant
		var de veille.DateExpr
		k, ok := p.clockRangeOn(&de, p.skipPunct(j, ','), day, rr)
		if !ok {
			k, ok = p.dayPart(&de, j, day, rr)
		}
		if ok {
			de.Kind = m.de.Kind
			m.de, m.end = de, k
		}
	}
	return m, true
}

// clockRange reads two times of day joined as a range: "de 9h30 à 11h",
// "9h30 - 11h00", "from 3:30 to 6 PM", "between 3:30pm and 6 pm",
// "8am - 1pm", "11:30-1:30", "1-2:30".
func (p *parser) clockRange(i int) (c1, c2 cal, j int, ok bool) {
	k := i
	opener := p.is(k, cFrom) || p.is(k, cBetween) || (p.is(k, cOf) && p.lang == "fr")
	if opener {
		k = p.skip(p.skip(p.skip(k, cFrom), cBetween), cOf)
	}
	c1 = newCal()
	k2, ok1 := p.clock(&c1, k, true)
	bare := false
	if !ok1 {
		// a bare hour, made a time by the second one: "1-2:30", "3 to 6 pm"
		t := p.tok(k)
		if t == nil || t.kind != tNum || t.ndig > 2 || t.num > 23 {
			return c1, c2, i, false
		}
		c1.hh, c1.mi, c1.s, c1.grain = int(t.num), 0, 0, "hour"
		k2, bare = k+1, true
	}
	// the joint
	jt := p.tok(k2)
	if jt == nil {
		return c1, c2, i, false
	}
	k3 := k2
	switch {
	case jt.kind == tNum && jt.gap == '-':
	case p.punct(k2, '-'):
		k3++
	case p.is(k2, cTo) || p.is(k2, cAt) && p.lang == "fr" || p.is(k2, cAnd):
		k3 = p.skip(p.skip(p.skip(k2, cTo), cAt), cAnd)
		k3 = p.skip(k3, cAt) // "jusqu'à"
	default:
		return c1, c2, i, false
	}
	c2 = newCal()
	k4, ok2 := p.clock(&c2, k3, true)
	if !ok2 {
		// "à 11" after "de 9h": a bare hour like the first
		t := p.tok(k3)
		if t == nil || t.kind != tNum || t.ndig > 2 || t.num > 24 || bare || p.tok(k3+1) != nil && p.tok(k3+1).kind == tWord && p.tok(k3+1).gap == 0 {
			return c1, c2, i, false
		}
		c2.hh, c2.mi, c2.s, c2.grain = int(t.num), 0, 0, "hour"
		k4 = k3 + 1
	}
	if bare && !opener && !p.hasAmPm(k3, k4) && !(p.lang == "fr" && c2.grain == "hour" && p.is(k4-1, cHMark) && !p.is(k4, cOf)) {
		return c1, c2, i, false // "7 - 8": a score; "Radio 4 at 14:15"; but "13-15h"
	}
	// an am/pm on the second time carries over to the first
	if c2.hh >= 12 && c1.hh < 12 && c1.hh+12 <= c2.hh && p.hasAmPm(k3, k4) && !p.hasAmPm(k, k2) {
		c1.hh += 12
	}
	if c1.hh == 12 && c2.hh < 12 && p.hasAmPm(k3, k4) && !p.hasAmPm(k, k2) {
		c1.hh = 0 // "12-3am"
	}
	if c2.hh < c1.hh && p.hasAmPm(k3, k4) && c2.hh < 12 {
		c2.hh += 24 // "11am to 1am": the next night
	} else if c2.hh < c1.hh && c2.hh < 12 && c2.hh+12 > c1.hh {
		c2.hh += 12 // "11h30-1h30"
	} else if c2.hh < c1.hh && c1.hh >= 13 && !bare {
		c2.hh += 24 // "de 22h à 2h"
	}
	if c2.hh < c1.hh || c2.hh == c1.hh && c2.mi <= c1.mi {
		return c1, c2, i, false
	}
	if bare || c2.grain == "minute" || c2.grain == "second" {
		c1.grain = c2.grain
	}
	if c1.grain == "minute" || c1.grain == "second" {
		c2.grain = c1.grain
	}
	return c1, c2, k4, true
}

// hasAmPm says whether tokens [i, j) hold an am or pm.
func (p *parser) hasAmPm(i, j int) bool {
	for k := i; k < j; k++ {
		if p.is(k, cAmPm) {
			return true
		}
	}
	return false
}

// clockRangeOn reads a range of times of day on day, and fills de with
// it; the last time named is included (as "du 13 au 15" includes the
// 15th).
func (p *parser) clockRangeOn(de *veille.DateExpr, i int, day time.Time, r ref) (int, bool) {
	k := p.skipAt(i)
	c1, c2, j, ok := p.clockRange(k)
	if !ok {
		return i, false
	}
	if r.futureBias && r.offsets == OffsetInstant && r.prec == veille.PrecisionInstant && day.Equal(r.day) && time.Date(day.Year(), day.Month(), day.Day(), c1.hh, c1.mi, c1.s, 0, time.UTC).Before(r.instant) {
		day = day.AddDate(0, 0, 1) // chrono's forward dates: the next such range
	}
	from := time.Date(day.Year(), day.Month(), day.Day(), c1.hh, c1.mi, c1.s, 0, time.UTC)
	to := time.Date(day.Year(), day.Month(), day.Day(), c2.hh, c2.mi, c2.s, 0, time.UTC)
	switch c2.grain {
	case "hour":
		to = to.Add(time.Hour)
	case "minute":
		to = to.Add(time.Minute)
	default:
		to = to.Add(time.Second)
	}
	r.relative(de, from, veille.PrecisionInstant, c1.grain)
	if de.Precision == veille.PrecisionInstant {
		de.Until = veille.Date{Time: to, Precision: veille.PrecisionInstant}
	}
	return j, true
}

// ruleClockRange: "de 9h30 à 11h jeudi", "3:30-6 p.m.", "8am - 1pm
// tomorrow".
func (p *parser) ruleClockRange(i int, r ref) (match, bool) {
	_, _, j, ok := p.clockRange(i)
	if !ok {
		return match{}, false
	}
	day := r.day
	k := p.skipPunct(j, ',')
	k2 := p.skip(k, cDet)
	if e, k3, ok := p.ent(k2, cRelDay); ok {
		day, j = r.day.AddDate(0, 0, e.n), k3
	} else if e, k3, ok := p.ent(k2, cWeekday); ok && (!e.weak || p.tok(k2).upper) {
		day, j = r.weekday(e.n, 0), k3
	}
	var m match
	p.clockRangeOn(&m.de, i, day, r)
	m.end = j
	return m, true
}

// resolveCal resolves a written calendar date, including "vendredi 15"
// (a weekday and a day: the nearest month where they agree).
func (p *parser) resolveCal(de *veille.DateExpr, c, end cal, r ref) bool {
	if c.m == 0 && c.d != 0 && c.wd >= 0 {
		if !r.ok {
			de.Kind, de.Grain = "partial", "day"
			return true
		}
		for k := 0; k < 24; k++ {
			for _, sign := range []int{1, -1} {
				if r.futureBias && sign < 0 {
					continue
				}
				t := time.Date(r.y, time.Month(r.m)+time.Month(sign*k), 1, 0, 0, 0, 0, time.UTC)
				if validDate(t.Year(), int(t.Month()), c.d) && int(time.Date(t.Year(), t.Month(), c.d, 0, 0, 0, 0, time.UTC).Weekday()) == c.wd {
					c.y, c.m = t.Year(), int(t.Month())
					goto found
				}
			}
		}
		return false
	found:
		c.wd = -1
	}
	if !r.absolute(de, c, end) {
		return false
	}
	return true
}

// ruleYear: a year alone, "en 2021", "(2019)", "2018 March 18",
// "2024 August"; a bare four-digit number needs a context word.
func (p *parser) ruleYear(i int, r ref) (match, bool) {
	y, j, ok := p.year(i)
	if !ok {
		return match{}, false
	}
	c := newCal()
	c.y = y
	// "2018 March 18", "2024 August", "2012/Aug/10"
	k := p.skipPunct(j, '/')
	if m, k2, okm := p.month(k, true); okm && (k > j || p.tok(k).gap != 0 || p.tok(j).gap == '-') {
		c.m = m
		k2 = p.skipPunct(k2, '/')
		if d, k3, okd := p.dayNum(k2); okd && (p.tok(k2).gap != '-') {
			c.d = d
			k2 = k3
		}
		var mm match
		if p.resolveCal(&mm.de, c, newCal(), r) {
			mm.end = k2
			return mm, true
		}
	}
	// "1960 - 1961", "de 2015 à 2020", "between 2010 and 2015", "2015-2020"
	if k := j; p.tok(k) != nil {
		ranged := p.tok(k).kind == tNum && p.tok(k).gap == '-'
		if !ranged && (p.is(k, cTo) || p.is(k, cAnd) || p.is(k, cAt)) {
			k = p.skip(p.skip(p.skip(k, cTo), cAnd), cAt)
			ranged = true
		}
		if y2, j2, ok := p.year(k); ranged && ok && y2 > y && y2-y < 100 {
			var m match
			r.absolute(&m.de, c, newCal())
			m.de.Until = mkDate(time.Date(y2+1, 1, 1, 0, 0, 0, 0, time.UTC), veille.PrecisionYear)
			m.end = j2
			return m, true
		}
	}
	era := p.eraAD(j)
	if era == j && (!p.yearContext(i, j) || p.militaryTime(i)) {
		return match{}, false
	}
	var m match
	r.absolute(&m.de, c, newCal())
	m.end = era
	return m, true
}

// eraAD returns the index after "AD" or "A.D." at j (j when absent).
func (p *parser) eraAD(j int) int {
	t := p.tok(j)
	if t == nil || t.kind != tWord || t.gap != ' ' {
		return j
	}
	w := p.text[t.start:t.end]
	if w == "AD" {
		return j + 1
	}
	if (w == "A" || w == "a") && p.punct(j+1, '.') {
		if d := p.tok(j + 2); d != nil && d.kind == tWord && d.gap == 0 && (p.text[d.start:d.end] == "D" || p.text[d.start:d.end] == "d") && p.punct(j+3, '.') {
			return j + 4
		}
	}
	return j
}

// militaryTime says whether the four digits at i are a time of day
// written as on a 24-hour clock rather than a year: a zone name follows
// ("between 1000 EST and 1030 EST"), or, in English, "the" and a
// lower-case word surround a time before 1700 ("the 1400 deadline").
func (p *parser) militaryTime(i int) bool {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.ndig != 4 || t.num/100 > 23 || t.num%100 > 59 {
		return false
	}
	if nt := p.tok(i + 1); nt != nil && nt.kind == tWord && nt.allUpper && nt.gap == ' ' {
		if _, ok := p.zoneName(i + 1); ok {
			return true
		}
	}
	if p.lang != "en" || t.num >= 1700 {
		return false
	}
	pt, nt := p.tok(i-1), p.tok(i+1)
	return pt != nil && pt.kind == tWord && strings.EqualFold(p.text[pt.start:pt.end], "the") &&
		nt != nil && nt.kind == tWord && nt.gap == ' ' && !nt.upper
}

// yearContext says whether a four-digit number at i reads as a year: after
// a preposition or a determiner of time ("en", "in", "depuis", "de"…), or
// standing alone between punctuation.
func (p *parser) yearContext(i, j int) bool {
	if nt := p.tok(j); nt != nil && nt.kind == tPunct && (nt.c == '%' || nt.c == '?') {
		return false
	}
	if nt := p.tok(j); nt != nil && nt.kind == tNum {
		return false
	}
	prev := p.tok(i - 1)
	if prev == nil {
		nt := p.tok(j)
		return nt == nil || nt.kind == tPunct
	}
	if prev.kind == tWord {
		for _, e := range prev.ents {
			switch e.cls {
			case cEn, cIn, cSince, cOf, cTo, cFrom, cAnd, cPart, cDuring, cUnit, cBetween, cDet, cMonth, cThis, cAt:
				return true
			}
		}
		return false
	}
	if prev.kind == tPunct && (prev.c == '(' || prev.c == ',' || prev.c == '\n') {
		nt := p.tok(j)
		return nt == nil || nt.kind == tPunct
	}
	return false
}

// ruleClock: a time of day alone ("à 15h30", "at 9 pm", "midi"), on the
// reference day, with an optional relative day after it ("17h demain").
func (p *parser) ruleClock(i int, r ref) (match, bool) {
	k := i
	if p.is(i, cAt) {
		k = p.skip(i, cAt)
	}
	c, j, ok := p.timeOfDay(k)
	if !ok && k > i {
		c, j, ok = p.fourDigitClock(k)
	}
	if !ok {
		c = newCal()
		if !p.bareHour(&c, k) {
			return match{}, false
		}
		j = k + 1
		j2 := p.skip(p.skip(p.skip(j, cIn), cDet), cThis)
		if !p.is(j2, cDayPart) {
			return match{}, false
		}
	}
	// "8h30" needs an hour mark, a colon, am/pm or a clock word.
	if tk := p.tok(k); tk.kind == tNum && p.punct(k+1, ':') && p.tok(k+1).gap == 0 {
		// a score or ratio such as "3:1" has one digit after the colon; clock checked that.
		_ = tk
	}
	day := r.day
	if p.is(k, cClock) {
		if e, _, _ := p.ent(k, cClock); e.n == 0 {
			day = day.AddDate(0, 0, 1) // midnight: the one ending the day
		}
	}
	// "at 9am on Saturday", "17h demain", "8 tonight", "3:20 in the afternoon"
	j2 := p.skip(j, cDet)
	if p.is(j2, cRelDay) {
		e, j3, _ := p.ent(j2, cRelDay)
		day, j = r.day.AddDate(0, 0, e.n), j3
	} else if e, j3, ok := p.ent(j2, cWeekday); ok && (!e.weak || p.tok(j2).upper) {
		day, j = r.weekday(e.n, 0), j3
	}
	{
		k2 := p.skip(j, cIn)
		k2 = p.skip(k2, cDet)
		k2 = p.skip(k2, cThis)
		if e, k3, ok := p.ent(k2, cDayPart); ok {
			c.hh = pmAdjust(c.hh, e.s)
			j = k3
		}
	}
	var m match
	t := time.Date(day.Year(), day.Month(), day.Day(), c.hh, c.mi, c.s, 0, time.UTC)
	if r.futureBias && r.prec == veille.PrecisionInstant && day.Equal(r.day) && (t.Hour() < r.hh || r.offsets == OffsetInstant && t.Before(r.instant)) {
		// Duckling counts the reference's own hour as to come; chrono
		// does not
		if c.amb {
			t = t.Add(12 * time.Hour) // "3:20": the next 3:20, in the afternoon
		} else {
			t = t.AddDate(0, 0, 1) // a time already past: the next one
		}
	}
	r.relative(&m.de, t, veille.PrecisionInstant, c.grain)
	m.end = j
	if k > i && j == k {
		return match{}, false
	}
	return m, true
}

// ruleWord: expressions that start with a word.
func (p *parser) ruleWord(i int, r ref) (match, bool) {
	t := &p.toks[i]
	best := match{end: i}
	try := func(m match, ok bool) {
		if ok && m.end > best.end {
			best = m
		}
	}
	for _, e := range t.ents {
		switch e.cls {
		case cRelDay:
			try(p.ruleRelDay(i, r))
		case cWeekday:
			try(p.ruleWeekday(i, r))
		case cMonth:
			try(p.ruleMonth(i, r))
		case cNum:
			try(p.ruleSpan(i, r))
			try(p.ruleHourBefore(i, r))
			try(p.ruleNthWeekday(i, r))
		case cLast, cNext, cThis, cDet:
			if k := i + 1; p.lang == "fr" && e.cls == cDet && p.tok(k) != nil && p.tok(k).kind == tNum && p.punct(k+1, '/') {
				try(p.ruleCalendar(k, r)) // "le 2/3", with its article
			}
			try(p.ruleWeekOf(i, r))
			try(p.ruleQuinzaine(i, r))
			try(p.ruleLastNight(i, r))
			if k := p.skip(i, cDet); k > i && p.is(k, cPartOf) {
				try(p.rulePartOf(k, r)) // "the EOY"
			}
			try(p.rulePrefixed(i, r))
			try(p.ruleDayOnly(i, r))
			try(p.ruleSeason(i, r))
			try(p.ruleNthOf(i, r))
			try(p.ruleLastNext(i, r))
			try(p.ruleSpan(i, r))
			try(p.ruleQuarter(i, r))
			try(p.ruleDayPart(i, r))
		case cAgo:
			try(p.ruleAgo(i, r))
		case cLater:
			// "plus tard dans la soirée", "later this evening"
			if k := p.skip(i, cLater); (p.is(k, cIn) || p.is(k, cThis)) && !strings.EqualFold(p.text[t.start:t.end], "after") {
				if m, ok := p.ruleDayPart(k, r); ok {
					try(m, true)
				}
			}
		case cIn, cWithin:
			try(p.ruleIn(i, r))
			try(p.ruleDayPart(i, r))
		case cSince, cDuring, cBound, cEn:
			try(p.ruleDuration(i, r))
			if e.cls == cEn {
				try(p.ruleDayPart(i, r))
				try(p.rulePrefixed(i, r))
			}
		case cTo, cAt:
			try(p.ruleDayPart(i, r))
			try(p.rulePrefixed(i, r))
		case cFrom, cBetween, cOf:
			try(p.ruleClockRange(i, r))
			try(p.ruleDayOnly(i, r))
			if e.cls != cOf {
				try(p.ruleMonthRange(i, r))
			}
			if e.cls == cFrom {
				// "from the 13 to 15 July"
				if m, ok := p.ruleCalendar(p.skip(p.skip(i, cFrom), cDet), r); ok && !m.de.Until.IsZero() && m.de.Precision == veille.PrecisionDay {
					try(m, true)
				}
			}
		case cNow:
			if p.now && r.ok {
				_, j, _ := p.ent(i, cNow)
				var m match
				r.relative(&m.de, r.instant, veille.PrecisionInstant, "second")
				m.end = j
				if p.punct(j, '+') || p.punct(j, '-') {
					if mm, ok := p.signedOffset(j+1, r); ok {
						m = mm // "now + 40 minutes"
					}
				}
				try(m, true)
			}
		case cBy:
			try(p.ruleBy(i, r))
		case cRest:
			try(p.ruleRest(i, r))
		case cAnaDay:
			if p.anaphora {
				// "la veille", "le lendemain" (Options.Anaphora)
				_, j, _ := p.ent(i, cAnaDay)
				try(p.onDay(j, r.day.AddDate(0, 0, e.n), r), true)
			}
		case cPartOf:
			try(p.rulePartOf(i, r))
		case cHoliday:
			try(p.ruleHoliday(i, r))
		case cPart:
			try(p.rulePart(i, r))
			try(p.ruleDayPart(i, r))
		case cNth, cOrd:
			try(p.ruleQuinzaine(i, r))
			try(p.ruleQuarter(i, r))
			try(p.ruleNthOf(i, r))
		case cDayPart:
			try(p.ruleDayPart(i, r))
		}
	}
	return best, best.end > i
}

// ruleMonthRange: "from May to December", "from December to May 2020",
// "between March and June, 2022", "entre mars et juin 2022": a range of
// whole months, the year written after the second month.
func (p *parser) ruleMonthRange(i int, r ref) (match, bool) {
	var m match
	_, k, _ := p.ent(i, cFrom)
	if p.is(i, cBetween) {
		_, k, _ = p.ent(i, cBetween)
	}
	m1, k, ok := p.month(k, false)
	if !ok {
		return m, false
	}
	if p.is(k, cTo) {
		k = p.skip(k, cTo)
	} else if p.is(i, cBetween) && p.is(k, cAnd) {
		k = p.skip(k, cAnd)
	} else {
		return m, false
	}
	m2, k, ok := p.month(k, true)
	if !ok || m2 == m1 {
		return m, false
	}
	c1, c2 := newCal(), newCal()
	c1.m, c2.m = m1, m2
	j := k
	if y, k2, ok := p.year(p.skip(p.skipPunct(k, ','), cOf)); ok {
		c2.y, j = y, k2
	} else if t := p.tok(k); t != nil && t.kind == tNum {
		return m, false // "between January and June 30"
	}
	partial := c2.y == 0
	if c2.y != 0 {
		c1.y = c2.y
		if m1 > m2 {
			c1.y--
		}
	} else if r.ok {
		// the year whose range is nearest the reference (the first that
		// has not ended under Options.Future)
		best := time.Duration(-1)
		for y := r.y - 1; y <= r.y+1; y++ {
			from := time.Date(y, time.Month(m1), 1, 0, 0, 0, 0, time.UTC)
			to := time.Date(y, time.Month(m2)+1, 1, 0, 0, 0, 0, time.UTC)
			if m2 < m1 {
				to = to.AddDate(1, 0, 0)
			}
			var d time.Duration
			switch {
			case r.futureBias && !to.After(r.day):
				continue
			case r.day.Before(from):
				d = from.Sub(r.day)
			case !r.day.Before(to):
				d = r.day.Sub(to) + time.Hour*24
			}
			if best < 0 || d < best {
				best, c1.y = d, y
			}
		}
	}
	if !p.resolveCal(&m.de, c1, newCal(), r) {
		return m, false
	}
	if partial {
		m.de.Kind = "partial"
	}
	if m.de.Precision == veille.PrecisionMonth {
		y := m.de.Value.Time.Year()
		if m2 < m1 {
			y++
		}
		m.de.Until = veille.Date{Time: time.Date(y, time.Month(m2)+1, 1, 0, 0, 0, 0, time.UTC), Precision: veille.PrecisionMonth}
	}
	m.end = j
	return m, true
}

// onDay resolves a day named before token j ("demain", "mardi dernier"),
// extended by what follows: a clock range ("de 9h à 11h"), a time of day
// ("à 17h", "at noon") or a part of the day ("soir"); else the whole day.
func (p *parser) onDay(j int, day time.Time, r ref) match {
	var m match
	m.end = j
	if k2, ok := p.clockRangeOn(&m.de, p.skip(j, cIn), day, r); ok {
		// "demain de 9h à 11h", "tomorrow in between 1-2:30"
		m.end = k2
		return m
	}
	if c, k2, ok := p.timeOfDay(p.skipAt(j)); ok {
		r.relative(&m.de, time.Date(day.Year(), day.Month(), day.Day(), c.hh, c.mi, c.s, 0, time.UTC), veille.PrecisionInstant, c.grain)
		m.end = k2
		return m
	}
	if k2, ok := p.dayPart(&m.de, j, day, r); ok {
		m.end = k2
		return m
	}
	r.relative(&m.de, day, veille.PrecisionDay, "day")
	return m
}

// ruleRelDay: "hier", "aujourd'hui", "demain", "yesterday", with an
// optional time: "demain à 17h", "tomorrow at noon", "hier soir".
func (p *parser) ruleRelDay(i int, r ref) (match, bool) {
	e, j, _ := p.ent(i, cRelDay)
	day := r.day.AddDate(0, 0, e.n)
	m := p.onDay(j, day, r)
	if r.offsets == OffsetInstant && r.prec == veille.PrecisionInstant && m.de.Precision == veille.PrecisionDay {
		// chrono: "tomorrow" is the reference instant a day later
		m.de.Value = mkDate(r.instant.AddDate(0, 0, e.n), veille.PrecisionInstant)
		m.de.Precision = veille.PrecisionInstant
	}
	return m, true
}

// ruleWeekday: "mardi", "mardi dernier", "lundi prochain", "last Tuesday"
// (see ruleLastNext), "Tuesday of next week", "lundi en huit".
func (p *parser) ruleWeekday(i int, r ref) (match, bool) {
	e, j, _ := p.ent(i, cWeekday)
	if e.weak {
		return match{}, false
	}
	if p.punct(j, '.') && p.tok(j).gap == 0 && p.weekdayAbbrev(j-1) {
		j++ // "dim.", "Sun.": the full stop of the abbreviation
	}
	if off, k2, ok := p.weekOffset(j); ok && !p.is(j, cLast) && !p.is(j, cNext) || ok && p.unitAt(p.skip(p.skip(j, cLast), cNext)) == "week" {
		var m match
		day := weekStart(r.day).AddDate(0, 0, 7*off+(e.n+6)%7)
		r.relative(&m.de, day, veille.PrecisionDay, "day")
		m.end = k2
		return m, true
	}
	if p.is(j, cLater) && p.is(p.skip(j, cLater), cNext) {
		// "friday after next"
		var m match
		r.relative(&m.de, r.weekday(e.n, 1).AddDate(0, 0, 7), veille.PrecisionDay, "day")
		m.end = p.skip(p.skip(j, cLater), cNext)
		return m, true
	}
	if p.is(j, cEn) {
		// "lundi en huit", "mardi en quinze"
		k := p.skip(j, cEn)
		jump, k2, ok := p.ent(k, cWeekJump)
		if !ok {
			if n, ok2 := p.num(k); ok2 && (n == 8 || n == 15) {
				jump, k2, ok = entry{n: 7}, k+1, true
			}
		}
		if ok {
			var m match
			day := r.weekday(e.n, 1).AddDate(0, 0, jump.n)
			r.relative(&m.de, day, veille.PrecisionDay, "day")
			m.end = k2
			return m, true
		}
	}
	mode := 0
	switch {
	case p.is(j, cLast):
		mode, j = -1, p.skip(j, cLast)
	case p.is(j, cNext):
		mode, j = 1, p.skip(j, cNext)
	case p.is(j, cThis) && p.unitAt(p.skip(j, cThis)) == "week":
		mode, j = 3, p.skipUnit(p.skip(j, cThis))
	case p.is(j, cOf) || (p.is(j, cDet) && p.lang == "fr"):
		// "Tuesday of next week", "lundi de la semaine prochaine", "lundi la semaine prochaine"
		k := p.skip(j, cOf)
		k = p.skip(k, cDet)
		if off, k2, ok := p.weekOffset(k); ok {
			var m match
			day := weekStart(r.day).AddDate(0, 0, 7*off+(e.n+6)%7)
			r.relative(&m.de, day, veille.PrecisionDay, "day")
			m.end = k2
			return m, true
		}
	}
	day := r.weekday(e.n, mode)
	if mode == 1 && p.lang == "en" {
		// "next Friday" is the Friday of next week (Duckling's and
		// chrono's reading); "vendredi prochain" the coming one
		day = weekStart(r.day).AddDate(0, 0, 7+(e.n+6)%7)
	}
	return p.onDay(j, day, r), true
}

// weekdayAbbrev says whether the word at i is a weekday name cut short
// ("dim", "Sun", "Thurs"): every full name ends in "day" or "di" but
// "dimanche".
func (p *parser) weekdayAbbrev(i int) bool {
	t := p.tok(i)
	if t == nil || t.kind != tWord {
		return false
	}
	w := strings.ToLower(p.text[t.start:t.end])
	return !strings.HasSuffix(w, "day") && !strings.HasSuffix(w, "di") && w != "dimanche"
}

// weekOffset reads "next week", "semaine prochaine", "last week",
// "this week", "cette semaine": -1, 0 or 1.
func (p *parser) weekOffset(i int) (int, int, bool) {
	off := 0
	k := i
	switch {
	case p.is(k, cLast):
		off, k = -1, p.skip(k, cLast)
	case p.is(k, cNext):
		off, k = 1, p.skip(k, cNext)
	case p.is(k, cThis):
		k = p.skip(k, cThis)
	case p.anaphora && p.is(k, cFollowing):
		off, k = 1, p.skip(k, cFollowing) // "the following week" (Options.Anaphora)
	}
	if p.unitAt(k) != "week" {
		return 0, i, false
	}
	k = p.skipUnit(k)
	if k2 := k; off == 0 {
		switch {
		case p.is(k2, cLast):
			off, k = -1, p.skip(k2, cLast)
		case p.is(k2, cNext):
			off, k = 1, p.skip(k2, cNext)
		}
	}
	return off, k, true
}

func (p *parser) unitAt(i int) string {
	e, _, ok := p.ent(i, cUnit)
	if !ok {
		return ""
	}
	return e.s
}

// skipUnit skips a unit word and a "-ci" after it ("ce mois-ci").
func (p *parser) skipUnit(i int) int {
	j := p.skip(i, cUnit)
	if t := p.tok(j); t != nil && t.kind == tWord && t.gap == '-' && p.text[t.start:t.end] == "ci" {
		j++
	}
	return j
}

// ruleMonth: a month alone ("en septembre", "in August"); with a day or a
// year it is a calendar date (ruleCalendar).
func (p *parser) ruleMonth(i int, r ref) (match, bool) {
	e, j, _ := p.ent(i, cMonth)
	if k := p.skip(j, cLater); k > j && p.is(k, cNext) && p.lang == "en" && r.ok && p.tok(i).upper {
		// "March after next": the March after the coming one
		y := r.y + 1
		if e.n > r.m {
			y = r.y
		}
		var m match
		r.relative(&m.de, time.Date(y+1, time.Month(e.n), 1, 0, 0, 0, 0, time.UTC), veille.PrecisionMonth, "month")
		m.end = p.skip(k, cNext)
		return m, true
	}
	if e.weak {
		return match{}, false
	}
	if t := p.tok(i); p.lang == "en" && !t.upper {
		// lower-case English month names are mostly other words ("sat", "jan")
		if prev := p.tok(i - 1); prev == nil || !(p.is(i-1, cIn) || p.is(i-1, cOf) || p.is(i-1, cPart) || p.is(i-1, cSince)) {
			return match{}, false
		}
	}
	if t := p.tok(i); t.end-t.start <= 4 && !p.punct(j, '.') && p.lang == "fr" {
		// abbreviations alone ("oct", "dec") are too ambiguous
		if !(p.is(i-1, cEn) || p.is(i-1, cOf)) {
			return match{}, false
		}
	}
	if p.abbrevDot(j) {
		j++
	}
	c := newCal()
	c.m = e.n
	var m match
	r.absolute(&m.de, c, newCal())
	m.end = j
	return m, true
}

// ruleLastNext: "la semaine dernière", "last week", "le mois prochain",
// "l'an dernier", "cette année", "this year", "last Tuesday", "next
// quarter", "le dernier trimestre", "last decade".
func (p *parser) ruleLastNext(i int, r ref) (match, bool) {
	k := i
	k = p.skip(k, cDet)
	off, set := 0, false
	switch {
	case p.is(k, cLast):
		off, set, k = -1, true, p.skip(k, cLast)
	case p.is(k, cNext):
		off, set, k = 1, true, p.skip(k, cNext)
	case p.is(k, cThis):
		set, k = true, p.skip(k, cThis)
	}
	// "last Tuesday", "next Friday", "this Friday"
	if set && k > i {
		if e, k2, ok := p.ent(k, cWeekday); ok && !e.weak || ok && p.tok(k).upper {
			mode := off
			if off == 0 {
				mode = 2
			}
			day := r.weekday(e.n, mode)
			if off == 1 && p.lang == "en" {
				day = weekStart(r.day).AddDate(0, 0, 7+(e.n+6)%7) // see ruleWeekday
			}
			// "this Monday evening", "next Friday at 9am"
			if p.abbrevDot(k2) {
				k2++ // "next Fri. at 9"
			}
			return p.onDay(k2, day, r), true
		}
		if e, k2, ok := p.ent(k, cMonth); ok && !e.weak {
			c := newCal()
			c.m, c.y = e.n, r.y
			if off != 0 {
				c.y = r.y + off
				if off < 0 && e.n < r.m || off > 0 && e.n > r.m {
					c.y = r.y
				}
			}
			var m match
			m.de.Kind = "relative"
			if r.ok {
				t := time.Date(c.y, time.Month(c.m), 1, 0, 0, 0, 0, time.UTC)
				r.relative(&m.de, t, veille.PrecisionMonth, "month")
			}
			m.end = k2
			return m, true
		}
	}
	unit := p.unitAt(k)
	if unit == "" {
		return match{}, false
	}
	k = p.skipUnit(k)
	if !set || k == i {
		// "la semaine dernière": the modifier follows the unit
		switch {
		case p.is(k, cLast):
			off, set, k = -1, true, p.skip(k, cLast)
		case p.is(k, cNext):
			off, set, k = 1, true, p.skip(k, cNext)
		}
	}
	if !set {
		return match{}, false
	}
	if p.is(i, cDet) && p.skip(i, cDet) == k-1 {
		return match{}, false
	}
	var m match
	m.end = k
	p.shiftUnit(&m.de, r, unit, off)
	if m.de.Kind == "" {
		return match{}, false
	}
	return m, true
}

// shiftUnit resolves "the unit off units away": the whole week, month,
// quarter or year that contains the reference date moved by off.
func (p *parser) shiftUnit(de *veille.DateExpr, r ref, unit string, off int) {
	if r.offsets == OffsetInstant {
		r.relative(de, addUnit(r.instant, unit, off), veille.PrecisionInstant, unit)
		return
	}
	base := r.day
	switch unit {
	case "day":
		r.relative(de, base.AddDate(0, 0, off), veille.PrecisionDay, "day")
	case "week":
		ws := weekStart(base).AddDate(0, 0, 7*off)
		r.relative(de, ws, veille.PrecisionDay, "week")
		if de.Precision == veille.PrecisionDay {
			de.Until = veille.Date{Time: ws.AddDate(0, 0, 7), Precision: veille.PrecisionDay}
		}
	case "month":
		t := time.Date(r.y, time.Month(r.m+off), 1, 0, 0, 0, 0, time.UTC)
		r.relative(de, t, veille.PrecisionMonth, "month")
	case "quarter":
		q := (r.m - 1) / 3
		t := time.Date(r.y, time.Month(3*q+1+3*off), 1, 0, 0, 0, 0, time.UTC)
		r.relative(de, t, veille.PrecisionMonth, "quarter")
		if de.Precision == veille.PrecisionMonth {
			de.Until = veille.Date{Time: t.AddDate(0, 3, 0), Precision: veille.PrecisionMonth}
		}
	case "year":
		r.relative(de, time.Date(r.y+off, 1, 1, 0, 0, 0, 0, time.UTC), veille.PrecisionYear, "year")
	case "decade":
		r.relative(de, time.Date(r.y+10*off, 1, 1, 0, 0, 0, 0, time.UTC), veille.PrecisionYear, "year")
	}
}

// quantity reads "[bound] N unit", "une décennie", "plus d'une décennie",
// "trois ans", "a year", "a decade".
func (p *parser) quantity(i int) (n int, unit, bound string, j int, ok bool) {
	k := i
	if e, k2, okb := p.ent(k, cBound); okb {
		bound, k = e.s, k2
		switch bound {
		case "above1", "approx1", "below1":
			bound = bound[:len(bound)-1]
			if u := p.unitAt(k); u != "" {
				return 1, u, bound, p.skipUnit(k), true
			}
			return 0, "", "", i, false
		}
	}
	if e, k2, ok := p.ent(k, cFrac); ok {
		// "half an hour", "un quart d'heure", "a quarter of an hour"
		if u, n, ok := fracUnit(p.unitAt(k2), e.n); ok {
			return n, u, bound, p.skipUnit(k2), true
		}
		return 0, "", "", i, false
	}
	if e, k2, ok := p.ent(k, cVague); ok && p.few && e.n > 0 {
		// "a few hours", "a couple of days" (Options.Few)
		if u := p.unitAt(k2); u != "" {
			return e.n, u, "approx", p.skipUnit(k2), true
		}
		return 0, "", "", i, false
	}
	if t := p.tok(k); t != nil && t.kind == tNum && p.punct(k+1, '.') && p.tok(k+1).gap == 0 {
		// "1.5 hours": a decimal count of a unit, in the unit below
		if d := p.tok(k + 2); t.ndig > 9 || d != nil && d.kind == tNum && d.gap == 0 && d.ndig > 9 {
			return 0, "", "", i, false
		}
		if d := p.tok(k + 2); d != nil && d.kind == tNum && d.gap == 0 && d.ndig == 1 {
			if sub, per, ok := fracUnit(p.unitAt(k+3), 100); ok && per*int(d.num)%10 == 0 {
				n := int(t.num)*per + per*int(d.num)/10
				return n, sub, bound, p.skipUnit(k + 3), n > 0
			}
		}
		return 0, "", "", i, false
	}
	n, k2, okn := p.number(k)
	if !okn || n <= 0 {
		return 0, "", "", i, false
	}
	if p.punct(k2, '/') && p.tok(k).kind == tNum && p.tok(k2).gap == 0 {
		if pt := p.tok(k - 1); pt != nil && pt.kind == tNum {
			return 0, "", "", i, false // "1 1/2 years"
		}
		// "1/4 hour", "3/4h": a fraction of a unit
		if d, ok := p.num(k2 + 1); ok && d > n && d <= 4 && p.tok(k2+1).gap == 0 {
			k3 := k2 + 2
			u := p.unitAt(k3)
			if u == "" && p.is(k3, cHMark) {
				u = "hour"
			}
			if sub, per, ok := fracUnit(u, 100); ok && n*per%d == 0 {
				if u == "hour" && p.is(k3, cHMark) {
					return n * per / d, sub, bound, k3 + 1, true
				}
				return n * per / d, sub, bound, p.skipUnit(k3), true
			}
		}
		return 0, "", "", i, false
	}
	u := p.unitAt(k2)
	if t := p.tok(k); t.kind == tNum && t.ndig == 4 && n >= 1000 && !p.plural(k2) && (u == "year" || u == "quarter" || u == "half" || u == "month") {
		// "in 1986 qtr", "1986 year": a year and a period of it (Reuters),
		// not a count
		return 0, "", "", i, false
	}
	if u == "" && p.tok(k).kind == tNum && p.is(k2, cHMark) && p.tok(k2).gap == 0 {
		// "1h ago", "dans 2h", unless minutes follow ("2h30")
		if nt := p.tok(k2 + 1); nt == nil || nt.gap != 0 {
			return n, "hour", bound, k2 + 1, true
		}
	}
	if u == "" {
		return 0, "", "", i, false
	}
	return n, u, bound, p.skipUnit(k2), true
}

// ruleAgo: "il y a trois jours", "il y a plus de dix ans".
func (p *parser) ruleAgo(i int, r ref) (match, bool) {
	_, k, _ := p.ent(i, cAgo)
	n, unit, _, j, ok := p.quantity(k)
	if !ok || p.negative(k) {
		return match{}, false
	}
	var m match
	ts, j := p.moreUnits(j, []term{{n, unit}})
	r.offsetTerms(&m.de, ts, -1)
	m.end = j
	return m, true
}

// ruleIn: "dans trois mois", "in two weeks", "dans les 15 jours" (a period).
func (p *parser) ruleIn(i int, r ref) (match, bool) {
	_, k, _ := p.ent(i, cIn)
	if p.is(i, cWithin) {
		_, k, _ = p.ent(i, cWithin)
	}
	n, unit, _, j, ok := p.quantity(k)
	if !ok || p.negative(k) {
		return match{}, false
	}
	var m match
	ts, j := p.moreUnits(j, []term{{n, unit}})
	r.offsetTerms(&m.de, ts, 1)
	m.end = j
	if (p.is(i, cWithin) || p.is(k-1, cDet)) && !m.de.Value.IsZero() && r.offsets != OffsetInstant {
		// "within two weeks", "dans les 15 jours": the period from the
		// reference to that date
		r.untilFromRef(&m.de)
	}
	return m, true
}

// untilFromRef turns de into the period from the reference to its value.
func (r ref) untilFromRef(de *veille.DateExpr) {
	prec := veille.PrecisionInstant
	if precRank(r.prec) < precRank(prec) {
		prec = r.prec
	}
	de.Until = de.Value
	de.Value = mkDate(r.instant, prec)
	de.Precision = prec
}

// negative says whether the number at i is written with a minus sign
// ("dans -5 jours"): not a count of units.
func (p *parser) negative(i int) bool {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.gap != '-' || t.start == 0 || p.text[t.start-1] != '-' {
		return false
	}
	return t.start == 1 || p.text[t.start-2] == ' ' || p.text[t.start-2] == '(' || p.text[t.start-2] == '\t' || p.text[t.start-2] == '\n'
}

// term is one "N unit" of a compound offset.
type term struct {
	n    int
	unit string
}

// unitRanks order units from finest to coarsest.
var unitRanks = map[string]int{
	"second": 1, "minute": 2, "hour": 3, "day": 4, "week": 5, "fortnight": 6,
	"month": 7, "quarter": 8, "half": 9, "year": 10, "decade": 11, "century": 12,
}

// moreUnits reads the further terms of a compound quantity after j, each
// of a strictly finer unit than the one before: "1 day 21 hours", "3 min
// 49 sec", "1 day, 2 hours and 5 minutes".
func (p *parser) moreUnits(j int, ts []term) ([]term, int) {
	for {
		k := j
		if p.punct(k, ',') {
			k++
		}
		k = p.skip(k, cAnd)
		t := p.tok(k)
		if t == nil || t.kind != tNum {
			return ts, j
		}
		n, k2, ok := p.number(k)
		u := p.unitAt(k2)
		if !ok || n <= 0 || u == "" || unitRanks[u] == 0 || unitRanks[u] >= unitRanks[ts[len(ts)-1].unit] {
			return ts, j
		}
		ts = append(ts, term{n, u})
		j = p.skipUnit(k2)
	}
}

// signedOffset reads "+15 minutes", "now + 40minutes", "-3 years" at the
// number i: an offset from the reference instant, read only under
// OffsetInstant (chrono's convention; in news a signed quantity is a
// change, not a date).
func (p *parser) signedOffset(i int, r ref) (match, bool) {
	if r.offsets != OffsetInstant {
		return match{}, false
	}
	b := int(p.toks[i].start) - 1
	if b >= 0 && p.text[b] == ' ' {
		b--
	}
	if b < 0 || p.text[b] != '+' && p.text[b] != '-' || b > 0 && p.text[b-1] != ' ' {
		return match{}, false
	}
	sign := 1
	if p.text[b] == '-' {
		sign = -1
	}
	n, unit, _, j, ok := p.quantity(i)
	if !ok {
		return match{}, false
	}
	var m match
	ts, j := p.moreUnits(j, []term{{n, unit}})
	r.offsetTerms(&m.de, ts, sign)
	m.end = j
	return m, true
}

// ruleDuration: "depuis plus d'une décennie", "pendant trois ans", "for
// three years", "plus de cinq ans", "over the past two years"; "depuis
// 2019" is the year with the period up to publication.
func (p *parser) ruleDuration(i int, r ref) (match, bool) {
	k := i
	trigger := false
	since := false
	if p.is(k, cSince) || p.is(k, cDuring) || p.is(k, cEn) {
		since = p.is(k, cSince)
		trigger = true
		k2 := p.skip(k, cSince)
		if k2 == k {
			k2 = p.skip(k, cDuring)
		}
		if k2 == k {
			k2 = p.skip(k, cEn)
		}
		k = k2
		// "over the past two years", "pendant les trois dernières années"
		k = p.skip(k, cDet)
		if p.is(k, cLast) {
			k = p.skip(k, cLast)
		}
	}
	if since {
		// "depuis 2019", "depuis septembre", "since March 2020"
		if mm, ok := p.ruleCalendar(k, r); ok && mm.de.Value.Precision != "" {
			return p.sinceRange(i, mm, r), true
		}
		if mm, ok := p.ruleYear(k, r); ok && mm.de.Value.Precision != "" {
			return p.sinceRange(i, mm, r), true
		}
	}
	n, unit, bound, j, ok := p.quantity(k)
	if !ok || p.negative(k) {
		return match{}, false
	}
	if !trigger && bound == "" {
		return match{}, false
	}
	if p.is(i, cEn) && !p.is(k, cBound) {
		// "en trois ans": a duration; "en 2021" is a year (ruleYear)
	}
	// "les trois dernières années"
	if p.is(j, cLast) {
		j = p.skip(j, cLast)
	}
	var m match
	m.de.Kind = "duration"
	m.de.Duration = isoDuration(unit, n)
	m.de.Bound = bound
	m.end = j
	return m, true
}

// sinceRange turns "depuis <date>" into the date with Until the day after
// the reference date.
func (p *parser) sinceRange(i int, mm match, r ref) match {
	mm.de.Until = veille.Date{}
	if r.ok && !r.day.Before(mm.de.Value.Time) {
		mm.de.Until = veille.Date{Time: r.day.AddDate(0, 0, 1), Precision: veille.PrecisionDay}
	}
	return mm
}

// rulePart: "début septembre", "mi-décembre", "fin 2021", "early 2021",
// "end of April", "fin de l'année": a third of the month ([1, 11), [11,
// 21), [21, end)) or of the year (January to March, May to August,
// September to December), as a range with Until.
func (p *parser) rulePart(i int, r ref) (match, bool) {
	e, k, _ := p.ent(i, cPart)
	k = p.skip(k, cOf)
	k = p.skip(k, cDet)
	k = p.skip(k, cOf)
	var m match
	if off, j, ok := p.weekOffset(p.skipAt(k)); ok {
		// "en début de semaine", "end of next week", "at the beginning of
		// the following week"
		d, ok := weekParts[p.lang+" "+e.s]
		if !ok {
			return m, false
		}
		ws := weekStart(r.day).AddDate(0, 0, 7*off)
		r.relative(&m.de, ws.AddDate(0, 0, d[0]), veille.PrecisionDay, "day")
		if m.de.Precision == veille.PrecisionDay {
			m.de.Until = mkDate(ws.AddDate(0, 0, d[1]), veille.PrecisionDay)
		}
		m.end = j
		return m, true
	}
	switch {
	case (p.unitAt(k) == "year" || p.unitAt(k) == "month") && !p.plural(k) && !p.is(p.skipUnit(k), cNext) && !p.is(p.skipUnit(k), cLast):
		// "fin de l'année", "au début du mois", "end of the year"
		unit := p.unitAt(k)
		j := p.skipUnit(k)
		if unit == "month" && p.is(j, cOf) {
			// "début du mois d'avril"
			if mm, ok := p.partOf(e.s, p.skip(j, cOf), r); ok {
				return mm, true
			}
		}
		c := newCal()
		if !r.ok {
			m.de.Kind, m.de.Grain, m.end = "relative", unit, j
			return m, true
		}
		c.y = r.y
		if unit == "month" {
			c.m = r.m
			if r.futureBias && e.s == "early" {
				c.m++ // Duckling: the coming month
			}
		}
		p.partRange(&m.de, e.s, c, r)
		m.de.Kind = "relative"
		m.end = j
		return m, true
	}
	return p.partOf(e.s, k, r)
}

// weekParts are the days of the parts of a week, [from, to) from Monday;
// French "fin de semaine" starts on Thursday.
var weekParts = map[string][2]int{
	"fr early": {0, 2}, "fr mid": {2, 4}, "fr late": {3, 7},
	"en early": {0, 3}, "en mid": {2, 4}, "en late": {4, 7},
}

// partOf reads the month or year after "début", "mi-", "end of"…
func (p *parser) partOf(part string, k int, r ref) (match, bool) {
	var m match
	c := newCal()
	j := k
	if mm, ok := p.ruleYear(k, r); ok && mm.de.Precision == veille.PrecisionYear {
		c.y, j = mm.de.Value.Time.Year(), mm.end
	} else if mo, j2, ok := p.month(k, true); ok && (!p.ent2weak(k) || p.tok(k).upper) {
		c.m, j = mo, j2
		if cy, j3, ok := p.monthYear(k); ok {
			c, j = cy, j3
		}
	} else if mm, ok := p.ruleLastNext(k, r); ok && mm.de.Until.IsZero() && (mm.de.Grain == "month" && mm.de.Precision == veille.PrecisionMonth || mm.de.Grain == "year" && mm.de.Precision == veille.PrecisionYear) {
		// "end of next month", "début de l'année prochaine"
		t := mm.de.Value.Time
		c.y, j = t.Year(), mm.end
		if mm.de.Grain == "month" {
			c.m = int(t.Month())
		}
		p.partRange(&m.de, part, c, r)
		m.de.Kind = "relative"
		m.end = j
		return m, true
	} else {
		return m, false
	}
	if c.y == 0 {
		if !r.ok {
			m.de.Kind, m.de.Grain, m.end = "partial", "day", j
			return m, true
		}
		c.y = r.inferYear(c.m, 0)
		m.de.Kind = "partial"
	} else {
		m.de.Kind = "absolute"
	}
	p.partRange(&m.de, part, c, r)
	m.end = j
	return m, true
}

func (p *parser) ent2weak(i int) bool {
	e, _, _ := p.ent(i, cMonth)
	return e.weak
}

// partRange sets Value and Until for a part of month c.m of c.y, or of
// year c.y when c.m is 0.
func (p *parser) partRange(de *veille.DateExpr, part string, c cal, r ref) {
	if c.m != 0 {
		d0, d1 := 1, 11
		switch part {
		case "mid":
			d0, d1 = 11, 21
		case "late":
			d0, d1 = 21, 0
		}
		from := time.Date(c.y, time.Month(c.m), d0, 0, 0, 0, 0, time.UTC)
		to := time.Date(c.y, time.Month(c.m), d1, 0, 0, 0, 0, time.UTC)
		if d1 == 0 {
			to = time.Date(c.y, time.Month(c.m)+1, 1, 0, 0, 0, 0, time.UTC)
		}
		de.Value, de.Precision, de.Grain = mkDate(from, veille.PrecisionDay), veille.PrecisionDay, "day"
		de.Until = mkDate(to, veille.PrecisionDay)
		return
	}
	m0, m1 := 1, 4
	switch part {
	case "mid":
		m0, m1 = 5, 9
	case "late":
		m0, m1 = 9, 13
	}
	from := time.Date(c.y, time.Month(m0), 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(c.y, time.Month(m1), 1, 0, 0, 0, 0, time.UTC)
	de.Value, de.Precision, de.Grain = mkDate(from, veille.PrecisionMonth), veille.PrecisionMonth, "month"
	de.Until = mkDate(to, veille.PrecisionMonth)
}

// ruleQuarter: "Q4 2018", "2018Q4", "4th quarter 2018", "le premier
// trimestre 2021", "the 4th qtr of 2018", "T3 2021".
func (p *parser) ruleQuarter(i int, r ref) (match, bool) {
	var m match
	q, y, j := 0, 0, i
	t := p.tok(i)
	switch {
	case t.kind == tWord && t.end-t.start == 1 && (p.text[t.start] == 'Q' || p.text[t.start] == 'q' || (p.text[t.start] == 'T' && p.lang == "fr")):
		n, ok := p.num(i + 1)
		if !ok || p.tok(i+1).gap != 0 || n < 1 || n > 4 || p.tok(i+1).ndig != 1 {
			return m, false
		}
		q, j = n, i+2
		if yy, j2, ok := p.year(p.skipPunct(j, ' ')); ok {
			y, j = yy, j2
		} else {
			return m, false
		}
	case t.kind == tNum && t.ndig == 4:
		yy, j2, ok := p.year(i)
		if !ok {
			return m, false
		}
		qt := p.tok(j2)
		if qt == nil || qt.kind != tWord || qt.gap != 0 || qt.end-qt.start != 1 || (p.text[qt.start] != 'Q' && p.text[qt.start] != 'q') {
			return m, false
		}
		n, ok := p.num(j2 + 1)
		if !ok || n < 1 || n > 4 {
			return m, false
		}
		q, y, j = n, yy, j2+2
	default:
		k := p.skip(i, cDet)
		n := 0
		if e, k2, ok := p.ent(k, cNth); ok && e.n > 0 {
			n, k = e.n, k2
		} else if e, k2, ok := p.ent(k, cOrd); ok {
			n, k = e.n, k2
		} else if d, k2, ok := p.dayNum(k); ok && p.tok(k).kind == tNum && k2 > k+1 {
			n, k = d, k2
		} else {
			return m, false
		}
		if n < 1 || n > 4 || p.unitAt(k) != "quarter" {
			return m, false
		}
		q, j = n, p.skipUnit(k)
		k = p.skip(j, cOf)
		k = p.skip(k, cDet)
		if yy, j2, ok := p.year(k); ok {
			y, j = yy, j2
		}
	}
	if y == 0 {
		if !r.ok {
			m.de.Kind, m.de.Grain, m.end = "partial", "quarter", j
			return m, true
		}
		y = r.y
		m.de.Kind = "partial"
	} else {
		m.de.Kind = "absolute"
	}
	from := time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)
	m.de.Value, m.de.Precision, m.de.Grain = mkDate(from, veille.PrecisionMonth), veille.PrecisionMonth, "quarter"
	m.de.Until = mkDate(from.AddDate(0, 3, 0), veille.PrecisionMonth)
	m.end = j
	return m, true
}

// unitStart truncates t to the start of its unit.
func unitStart(t time.Time, unit string) time.Time {
	switch unit {
	case "second":
		return t.Truncate(time.Second)
	case "minute":
		return t.Truncate(time.Minute)
	case "hour":
		return t.Truncate(time.Hour)
	case "week", "fortnight":
		return weekStart(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case "quarter":
		return time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
	case "year", "decade", "century", "half":
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ruleSpan: "les trois dernières années", "2 derniers mois", "the past
// three years", "next 2 weeks", "les 30 jours précédents": the whole
// units before (or after) the current one, as a range.
func (p *parser) ruleSpan(i int, r ref) (match, bool) {
	var m match
	k := p.skip(i, cDet)
	k = p.skip(k, cThis)
	dir := 0
	if p.is(k, cLast) {
		dir, k = -1, p.skip(k, cLast)
	} else if p.is(k, cNext) {
		dir, k = 1, p.skip(k, cNext)
	}
	n, k2, ok := p.number(k)
	if !ok && p.few {
		// "the next few days" (Options.Few)
		if e, k3, okv := p.ent(k, cVague); okv && e.n > 0 {
			n, k2, ok = e.n, k3, true
		}
	}
	if !ok || n <= 1 && p.tok(k).kind != tNum && (p.unitAt(k2) == "" || !strings.EqualFold(p.text[p.tok(k).start:p.tok(k).end], "one")) {
		// "the last one hour", but not "the last a", "une année passée"
		return m, false
	}
	k = k2
	between := false // "2 last years": "last" or "next" between count and unit
	if dir == 0 {
		if w := p.tok(k); w != nil && w.kind == tWord {
			between = strings.EqualFold(p.text[w.start:w.end], "last") || strings.EqualFold(p.text[w.start:w.end], "next")
		}
		if p.is(k, cLast) {
			dir, k = -1, p.skip(k, cLast)
		} else if p.is(k, cNext) {
			dir, k = 1, p.skip(k, cNext)
		}
	}
	unit := p.unitAt(k)
	if unit == "" || unit == "decade" || unit == "century" {
		return m, false
	}
	if between && dir != 0 && n > 1 && !p.plural(k) {
		// "rose to 18,651 from 16,673 last year": the number is not a
		// count of years
		return m, false
	}
	k = p.skipUnit(k)
	if dir == 0 {
		if p.is(k, cLast) {
			dir, k = -1, p.skip(k, cLast)
		} else if p.is(k, cNext) {
			dir, k = 1, p.skip(k, cNext)
		}
	}
	if dir == 0 {
		return m, false
	}
	if r.upcoming && dir > 0 && p.upcomingWord(i, k) {
		// Duckling: "upcoming two days" is the second day from now
		prec, grain := unitPrecision(unit)
		if unit == "quarter" {
			grain = unit
		}
		r.relative(&m.de, addUnit(unitStart(r.instant, unit), unit, n), prec, grain)
		m.end = k
		return m, true
	}
	if r.offsets == OffsetInstant {
		r.relative(&m.de, addUnit(r.instant, unit, dir*n), veille.PrecisionInstant, unit)
		m.end = k
		return m, true
	}
	prec, grain := unitPrecision(unit)
	base := unitStart(r.instant, unit)
	var from, to time.Time
	if dir < 0 {
		from, to = addUnit(base, unit, -n), base
	} else {
		from, to = addUnit(base, unit, 1), addUnit(base, unit, n+1)
	}
	r.relative(&m.de, from, prec, grain)
	if m.de.Precision == prec {
		m.de.Until = mkDate(to, prec)
	}
	m.end = k
	return m, true
}

// upcomingWord reports whether "upcoming" is among tokens [i, j).
func (p *parser) upcomingWord(i, j int) bool {
	for ; i < j; i++ {
		if t := p.tok(i); t != nil && strings.EqualFold(p.text[t.start:t.end], "upcoming") {
			return true
		}
	}
	return false
}

// ruleUnits: "trois jours plus tard", "two weeks ago", "5 years earlier",
// "2 days after next Friday" (only the unit part), "les 30 jours précédents".
func (p *parser) ruleUnits(i int, r ref) (match, bool) {
	k := p.skip(i, cDet)
	n, unit, _, j, ok := p.quantity(k)
	if !ok || p.negative(k) {
		return match{}, false
	}
	ts, j := p.moreUnits(j, []term{{n, unit}})
	dir := 0
	finer := false // "ago", "hence", "from now": Duckling's finer offsets
	switch {
	case p.is(j, cAgo):
		dir, j, finer = -1, p.skip(j, cAgo), true
	case p.is(j, cEarlier) && p.skip(j, cEarlier) != j:
		dir, j = -1, p.skip(j, cEarlier)
	case p.is(j, cLater):
		e, j2, _ := p.ent(j, cLater)
		dir, j, finer = 1, j2, e.n == 1
	case p.is(j, cFrom) && (p.is(p.skip(j, cFrom), cRelDay) || p.is(p.skip(j, cFrom), cWeekday)):
		dir, j = 1, p.skip(j, cFrom) // "3 years from today", "a week from Monday"
	}
	if dir == 0 {
		return match{}, false
	}
	var m match
	if !finer && !p.is(j-1, cAgo) && len(ts) == 1 {
		// "2 days after next Friday", "3 years from today", "two weeks
		// before yesterday": the offset from that day
		var am match
		var ok bool
		switch {
		case p.is(j, cRelDay):
			am, ok = p.ruleRelDay(j, r)
		case p.is(j, cNext) || p.is(j, cLast) || p.is(j, cThis):
			am, ok = p.ruleLastNext(j, r)
		case p.is(j, cWeekday):
			am, ok = p.ruleWeekday(j, r)
		case p.is(j, cHoliday):
			am, ok = p.ruleHoliday(j, r)
		}
		if ok && (am.de.Precision == veille.PrecisionDay || am.de.Precision == veille.PrecisionInstant && r.offsets == OffsetInstant) && am.de.Grain == "day" && unit != "hour" && unit != "minute" && unit != "second" {
			t := addUnit(am.de.Value.Time, unit, dir*n)
			m.de = am.de
			m.de.Value = mkDate(t, am.de.Precision)
			m.end = am.end
			return m, true
		}
	}
	if r.offsets == OffsetFiner && !finer {
		r.offsets = OffsetUnit // Duckling: "deux jours plus tard" is a day
	}
	if len(ts) > 1 {
		r.offsetTerms(&m.de, ts, dir)
		m.end = j
		return m, true
	}
	r.offset(&m.de, unit, dir*n)
	m.end = j
	return m, true
}

// skipAt skips "à", "at", "vers", "à environ", "aux alentours de".
func (p *parser) skipAt(i int) int {
	j := p.skip(i, cAt)
	if e, k, ok := p.ent(j, cBound); ok && e.s == "approx" {
		j = k
	}
	return j
}

// dayParts are Duckling's hours for the parts of a day: [from, to).
var dayParts = map[string][2]int{
	"morning": {4, 12}, "afternoon": {12, 19}, "evening": {18, 24}, "night": {18, 24}, "tonight": {18, 24},
}

// dayPart reads "soir", "après-midi", "dans la soirée", "in the morning"
// after a day, as an interval of hours of that day.
func (p *parser) dayPart(de *veille.DateExpr, i int, day time.Time, r ref) (int, bool) {
	if part, h, j, ok := p.fineDayPart(i); ok {
		from := time.Date(day.Year(), day.Month(), day.Day(), h[0], 0, 0, 0, time.UTC)
		if part == "lastnight" {
			from = from.AddDate(0, 0, -1)
		}
		r.relative(de, from, veille.PrecisionInstant, "hour")
		if de.Precision == veille.PrecisionInstant {
			de.Until = veille.Date{Time: from.Add(time.Duration(h[1]-h[0]) * time.Hour), Precision: veille.PrecisionInstant}
		}
		return j, true
	}
	k := p.skip(i, cIn)
	if p.lang == "fr" && p.is(k, cTo) && p.tok(k).end-p.tok(k).start == 2 {
		k = p.skip(k, cTo) // "au soir"
	}
	k = p.skip(k, cDet)
	k = p.skip(k, cThis)
	e, j, ok := p.ent(k, cDayPart)
	if !ok {
		return i, false
	}
	h := p.partSpan(e.s)
	// "ce soir à 20h", "tomorrow afternoon at 5", "tonight @ 8"
	k2 := p.skipAt(j)
	if p.punct(k2, '@') {
		k2++
	}
	c := newCal()
	wordHour := false
	if n, k3, okw := p.number(k2); okw && k2 > j && p.tok(k2).kind == tWord && p.tok(k2).end-p.tok(k2).start >= 3 && n >= 1 && n <= 12 && !p.is(k3, cUnit) {
		// "in the evening at eight"
		c.hh, c.mi, c.s, c.grain = n, 0, 0, "hour"
		wordHour = true
	}
	if k3, ok := p.clock(&c, k2, true); ok || wordHour || p.bareHour(&c, k2) {
		if !ok {
			k3 = k2 + 1
		}
		hh := pmAdjust(c.hh, e.s)
		t := time.Date(day.Year(), day.Month(), day.Day(), hh, c.mi, c.s, 0, time.UTC)
		if hh < 12 && (c.hh >= 12 || c.hh == 0) && e.s != "morning" {
			t = t.AddDate(0, 0, 1) // "this evening at 12": the midnight closing it
		}
		r.relative(de, t, veille.PrecisionInstant, c.grain)
		return k3, true
	}
	if r.dayParts == DayPartHour {
		if hh, ok := partHours[p.lang][e.s]; ok {
			r.relative(de, time.Date(day.Year(), day.Month(), day.Day(), hh, 0, 0, 0, time.UTC), veille.PrecisionInstant, "hour")
			return j, true
		}
	}
	from := time.Date(day.Year(), day.Month(), day.Day(), h[0], 0, 0, 0, time.UTC)
	r.relative(de, from, veille.PrecisionInstant, "hour")
	if de.Precision == veille.PrecisionInstant {
		de.Until = veille.Date{Time: from.Add(time.Duration(h[1]-h[0]) * time.Hour), Precision: veille.PrecisionInstant}
	}
	return j, true
}

// partHours are the fixed hours of the parts of a day under DayPartHour.
var partHours = map[string]map[string]int{
	"en": {"morning": 6, "afternoon": 15, "evening": 20, "night": 22, "tonight": 22},
	"fr": {"morning": 8, "afternoon": 14, "evening": 18, "night": 22, "tonight": 22},
}

// fineDayParts are the hours of the early, middle and late parts of a
// part of the day, [from, to).
var fineDayParts = map[string][2]int{
	"early morning": {7, 9}, "mid morning": {9, 11}, "late morning": {10, 12},
	"early afternoon": {12, 14}, "mid afternoon": {14, 16}, "late afternoon": {17, 19},
	"early evening": {18, 21}, "late evening": {21, 24}, "late night": {21, 24}, "late tonight": {21, 24},
	"early day": {7, 10}, "mid day": {11, 16}, "late day": {17, 21},
}

// fineDayPart reads a part of a part of the day: "en début de matinée",
// "au début de l'après-midi", "tôt le matin", "le matin très tôt", "en
// milieu de journée", "late tonight", "late last night"; part is
// "lastnight" for the night before the day.
func (p *parser) fineDayPart(i int) (part string, h [2]int, j int, ok bool) {
	k := p.skip(p.skip(p.skip(i, cIn), cEn), cAt)
	k = p.skip(k, cTo)
	k = p.skip(k, cDet)
	e, k2, okp := p.ent(k, cPart)
	if okp && p.lang == "en" && k == i && p.tok(k2) != nil && (p.tok(k2).gap == '-' || !p.is(k2, cLast) && !p.is(k2, cDet) && !p.is(k2, cIn) && !p.is(k2, cThis) && p.unitAt(k2) == "" && !p.isTonight(k2)) {
		// "late-night talks", "early morning raids": no day named
		return "", h, i, false
	}
	if okp {
		k = p.skip(k2, cOf)
		k = p.skip(k, cIn)
		k = p.skip(k, cDet)
		k = p.skip(k, cThis)
		last := false
		if p.is(k, cLast) && p.lang == "en" {
			last, k = true, p.skip(k, cLast)
		}
		name, k3, ok := p.dayPartName(k)
		if !ok {
			return "", h, i, false
		}
		h, ok := fineDayParts[e.s+" "+name]
		if !ok {
			return "", h, i, false
		}
		if last {
			if name != "night" {
				return "", h, i, false
			}
			return "lastnight", h, k3, true
		}
		return e.s, h, k3, true
	}
	// "le matin tôt", "le matin très tôt"
	k = p.skip(p.skip(i, cIn), cDet)
	name, k3, okn := p.dayPartName(k)
	if !okn {
		return "", h, i, false
	}
	if e, k4, ok := p.ent(k3, cPart); ok && e.s == "early" && p.lang == "fr" {
		if h, ok := fineDayParts["early "+name]; ok {
			return "early", h, k4, true
		}
	}
	return "", h, i, false
}

// dayPartName reads "matin", "après-midi", "soirée", "journée", "tonight".
func (p *parser) dayPartName(i int) (string, int, bool) {
	if e, j, ok := p.ent(i, cDayPart); ok {
		return e.s, j, true
	}
	if p.lang == "fr" && p.unitAt(i) == "day" {
		if t := p.tok(i); p.text[t.start:t.end] != "jour" {
			return "day", p.skipUnit(i), true
		}
	}
	return "", i, false
}

// ruleDayPart: "ce soir", "tonight", "le soir", "dans la soirée", "this
// afternoon": a part of the reference day.
func (p *parser) ruleDayPart(i int, r ref) (match, bool) {
	var m match
	if mm, ok := p.dayPartOfDate(i, r); ok {
		return mm, true
	}
	if p.is(i, cTo) {
		return m, false // "au soir" only after a day
	}
	if _, _, _, ok := p.fineDayPart(i); ok {
		j, _ := p.dayPart(&m.de, i, r.day, r)
		m.end = j
		return m, true
	}
	if p.is(i, cDayPart) && !p.is(i, cDet) && !p.is(i, cThis) && !p.is(i, cIn) {
		e, k, _ := p.ent(i, cDayPart)
		c := newCal()
		if k2 := p.skip(k, cAt); e.s != "tonight" && (k2 == k || p.lang != "fr" || e.s == "night" || !p.bareHour(&c, k2) && !p.timeAfter(k) || p.is(i-1, cNum) || p.is(i-1, cDet) || p.is(i-1, cWeekday) || p.is(i-1, cRelDay)) {
			return m, false // "après-midi à 5" reads; "matin" alone, "une nuit à 2h" do not
		}
	}
	j, ok := p.dayPart(&m.de, i, r.day, r)
	if !ok {
		return m, false
	}
	if t := p.tok(j); t != nil && t.gap == '-' && t.kind == tWord && p.lang == "en" && p.isTonight(j-1) {
		return m, false // "tonight-show hosts"
	}
	m.end = j
	return m, true
}

// ruleHourBefore: a bare hour before a part of a day, "eight tonight",
// "9 tomorrow evening", "at 5 tomorrow afternoon".
func (p *parser) ruleHourBefore(i int, r ref) (match, bool) {
	var m match
	n, k, ok := p.number(i)
	if !ok || n < 1 || n > 12 || k != i+1 {
		return m, false
	}
	if t := p.tok(i); t.kind == tNum && (t.ndig > 2 || p.tok(k) != nil && p.tok(k).gap == 0) {
		return m, false
	}
	day := r.day
	if e, k2, ok := p.ent(k, cRelDay); ok {
		day, k = day.AddDate(0, 0, e.n), k2
	}
	e, j, ok := p.ent(k, cDayPart)
	if !ok || e.s != "tonight" && k == i+1 {
		return m, false // "5 afternoon": no day named
	}
	if t := p.tok(j); t != nil && t.gap == '-' {
		return m, false // "eight tonight-show hosts"
	}
	r.relative(&m.de, time.Date(day.Year(), day.Month(), day.Day(), pmAdjust(n, e.s), 0, 0, 0, time.UTC), veille.PrecisionInstant, "hour")
	m.end = j
	return m, true
}

// pluralWeekdays are the English weekdays in the plural, Sunday 0.
var pluralWeekdays = map[string]int{
	"sundays": 0, "mondays": 1, "tuesdays": 2, "wednesdays": 3,
	"thursdays": 4, "fridays": 5, "saturdays": 6,
}

// ruleNthWeekday: "3 fridays from now", "two sundays hence", "2 thursdays
// ago": the nth such weekday after (or before) the reference day.
func (p *parser) ruleNthWeekday(i int, r ref) (match, bool) {
	var m match
	if p.lang != "en" {
		return m, false
	}
	n, k, ok := p.number(i)
	t := p.tok(k)
	if !ok || n < 1 || n > 60 || t == nil || t.kind != tWord || t.end-t.start > 10 {
		return m, false
	}
	var buf [10]byte
	w := buf[:0]
	for _, c := range []byte(p.text[t.start:t.end]) {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		w = append(w, c)
	}
	wd, ok := pluralWeekdays[string(w)]
	if !ok {
		return m, false
	}
	k++
	dir := 0
	if e, k2, ok := p.ent(k, cLater); ok && e.n == 1 {
		dir, k = 1, k2
	} else if p.is(k, cAgo) {
		dir, k = -1, p.skip(k, cAgo)
	} else if t := p.tok(k); t != nil && t.kind == tWord && strings.EqualFold(p.text[t.start:t.end], "back") {
		dir, k = -1, k+1
	}
	if dir == 0 {
		return m, false
	}
	d := r.day
	for c := 0; c < n; {
		d = d.AddDate(0, 0, dir)
		if int(d.Weekday()) == wd {
			c++
		}
	}
	r.relative(&m.de, d, veille.PrecisionDay, "day")
	m.end = k
	return m, true
}

// fourDigitClock reads a time written in four digits after "at" ("at
// 1030", "at 1030 GMT"), when nothing but a zone, a day or the end of
// the phrase follows: "at 1500 metres" stays a number.
func (p *parser) fourDigitClock(i int) (cal, int, bool) {
	c := newCal()
	t := p.tok(i)
	if p.lang != "en" || t == nil || t.kind != tNum || t.ndig != 4 || t.num/100 > 23 || t.num%100 > 59 {
		return c, i, false
	}
	if _, ok := p.zoneName(i + 1); t.num >= 1900 && !ok {
		return c, i, false // "at 2030": a year, unless a zone follows
	}
	if nt := p.tok(i + 1); nt != nil && nt.kind != tPunct {
		if _, ok := p.zoneName(i + 1); !ok && !p.is(i+1, cRelDay) && !p.is(i+1, cWeekday) && !p.is(i+1, cAt) && !p.is(i+1, cIn) {
			return c, i, false
		}
	} else if nt != nil && nt.gap == 0 && nt.c != ',' && nt.c != '.' {
		return c, i, false
	}
	c.hh, c.mi, c.s, c.grain = int(t.num/100), int(t.num%100), 0, "minute"
	return c, i + 1, true
}

// bareHour reads a bare hour "5", "8" after a day part ("ce soir à 8").
func (p *parser) bareHour(c *cal, i int) bool {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.ndig > 2 || t.num < 1 || t.num > 12 {
		return false
	}
	if nt := p.tok(i + 1); nt != nil && nt.gap == 0 && (nt.kind == tNum || nt.kind == tWord) {
		return false
	}
	c.hh, c.mi, c.s, c.grain = int(t.num), 0, 0, "hour"
	return true
}

// pmAdjust moves a morning hour to the afternoon or evening named.
func pmAdjust(hh int, part string) int {
	switch part {
	case "afternoon", "evening", "night", "tonight":
		if hh < 12 && hh > 0 {
			return hh + 12
		}
		if hh == 12 && part != "afternoon" {
			return 0
		}
	case "morning":
		if hh == 12 {
			return 0
		}
	}
	return hh
}

// ruleNthOf: "first tuesday of october", "last Sunday of March 2014",
// "le premier week-end de septembre", "first week of october 2014",
// "2nd last week of October 2018", "last day of october 2015", "3eme
// jour d'octobre", "20th of next month".
func (p *parser) ruleNthOf(i int, r ref) (match, bool) {
	var m match
	k := p.skip(i, cDet)
	n := 0
	numeric := false
	if t := p.tok(k); t != nil && t.kind == tNum {
		d, k2, ok := p.dayNum(k)
		if !ok {
			return m, false
		}
		n, k, numeric = d, k2, true
	} else if e, k2, ok := p.ent(k, cNth); ok {
		n, k = e.n, k2
	} else if e, k2, ok := p.ent(k, cOrd); ok {
		n, k = e.n, k2
	} else {
		return m, false
	}
	if n > 0 && p.is(k, cNth) {
		if e, k2, _ := p.ent(k, cNth); e.n == -1 {
			n, k = -n, k2 // "2nd last"
		}
	}
	item := ""
	wd := -1
	switch {
	case p.is(k, cWeekday):
		e, k2, _ := p.ent(k, cWeekday)
		if e.weak && !p.tok(k).upper {
			return m, false
		}
		item, wd, k = "weekday", e.n, k2
	case p.is(k, cWeekend):
		item, k = "weekend", p.skip(k, cWeekend)
	case (p.unitAt(k) == "week" || p.unitAt(k) == "day") && !p.plural(k):
		item, k = p.unitAt(k), p.skipUnit(k)
	case numeric && n > 0 && p.is(k, cOf):
		item = "date"
	default:
		return m, false
	}
	if !p.is(k, cOf) && !p.is(k, cIn) {
		return m, false
	}
	k = p.skip(p.skip(k, cOf), cIn)
	y, mo, j, ok := p.monthPeriod(k, r)
	if !ok {
		return m, false
	}
	first := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
	next := first.AddDate(0, 1, 0)
	var t time.Time
	grain, prec := "day", veille.PrecisionDay
	switch item {
	case "date", "day":
		if n > 0 {
			t = first.AddDate(0, 0, n-1)
		} else {
			t = next.AddDate(0, 0, n)
		}
	case "weekday", "weekend":
		if item == "weekend" {
			wd = int(time.Friday)
		}
		if n > 0 {
			t = first.AddDate(0, 0, (wd-int(first.Weekday())+7)%7+7*(n-1))
		} else {
			last := next.AddDate(0, 0, -1)
			t = last.AddDate(0, 0, -((int(last.Weekday())-wd+7)%7)+7*(n+1))
		}
	case "week":
		// weeks from Monday to Sunday that lie inside the month
		if n > 0 {
			t = first.AddDate(0, 0, (8-int(first.Weekday()))%7+7*(n-1))
		} else {
			last := next.AddDate(0, 0, -1)
			t = last.AddDate(0, 0, -((int(last.Weekday())+6)%7)-7+7*(n+1))
			if last.Weekday() == time.Sunday {
				t = t.AddDate(0, 0, 7)
			}
		}
		grain = "week"
	}
	if t.Month() != time.Month(mo) && item != "week" {
		return m, false
	}
	m.de.Kind = "absolute"
	if item == "weekend" {
		from := t.Add(18 * time.Hour)
		m.de.Value, m.de.Precision, m.de.Grain = mkDate(from, veille.PrecisionInstant), veille.PrecisionInstant, "hour"
		m.de.Until = mkDate(t.AddDate(0, 0, 3), veille.PrecisionInstant)
	} else {
		m.de.Value, m.de.Precision, m.de.Grain = mkDate(t, prec), prec, grain
	}
	m.end = j
	return m, true
}

// monthPeriod reads a month: "october", "March 2014", "septembre",
// "next month", "le mois dernier", "the previous month".
func (p *parser) monthPeriod(k int, r ref) (y, mo, j int, ok bool) {
	if c, j2, ok := p.monthYear(k); ok {
		return c.y, c.m, j2, true
	}
	if m, j2, ok := p.month(k, false); ok {
		if !r.ok {
			return 0, 0, k, false
		}
		return r.inferYear(m, 0), m, j2, true
	}
	if mm, ok := p.ruleLastNext(k, r); ok && mm.de.Grain == "month" && mm.de.Precision == veille.PrecisionMonth {
		t := mm.de.Value.Time
		return t.Year(), int(t.Month()), mm.end, true
	}
	return 0, 0, k, false
}

// ruleDayOnly: a day of the month without its month, "le 16", "on the
// 24th", "du 13 au 18", "entre le 13 et le dix-huit", "le 2 à 5h": the
// nearest such day (the next with the future bias). It stands alone or
// before a time, so that "le 16 mars" or "the 24 hostages" are not read.
func (p *parser) ruleDayOnly(i int, r ref) (match, bool) {
	var m match
	k := i
	ranged := p.is(k, cOf) || p.is(k, cBetween) || p.is(k, cFrom)
	if p.is(k, cOf) {
		// "du 13 au 18", not "de 13 à 18 ans", "of 13-14"
		if t := p.tok(k); p.lang != "fr" || !strings.EqualFold(p.text[t.start:t.end], "du") {
			return m, false
		}
	} else if ranged && !p.is(k+1, cDet) {
		return m, false // "entre le 13 et le 18", not "between 15 and 24"
	}
	k = p.skip(p.skip(p.skip(k, cOf), cBetween), cFrom)
	if p.lang == "en" && p.is(k, cDet) && p.is(p.skip(k, cDet), cDet) {
		k = p.skip(k, cDet) // "on the"
	}
	k = p.skip(k, cDet)
	if k == i && !p.is(i, cDet) {
		return m, false
	}
	t := p.tok(k)
	if t == nil || (t.kind != tNum && !ranged) {
		return m, false
	}
	d, j, ok := p.dayNum(k)
	if !ok || t.kind == tNum && t.gap == 0 {
		return m, false
	}
	if j > k+1 && t.kind == tNum && p.lang == "fr" && !ranged && d != 1 {
		return m, false // "le 3e", a rank
	}
	end := 0
	if ranged {
		d2, j2, ok := p.rangeDay(j)
		if !ok || d2 <= d {
			return m, false
		}
		end, j = d2, j2
	}
	c := newCal()
	k2 := p.skipAt(j)
	ck, okc := p.clock(&c, k2, true)
	if nt := p.tok(j); !okc && nt != nil && (nt.kind != tPunct || strings.IndexByte(".,;)!?", nt.c) < 0 || nt.gap == 0 && nt.c != '\n' && p.tok(j+1) != nil && p.tok(j+1).kind == tNum) {
		return m, false // "the 20%", "le 8/2", "the 24 hostages"
	}
	if !r.ok {
		m.de.Kind, m.de.Grain, m.end = "partial", "day", j
		return m, true
	}
	// the month: the nearest (or next) one holding the day
	var day time.Time
	best := time.Duration(1 << 62)
	for dm := -1; dm <= 1; dm++ {
		first := time.Date(r.y, time.Month(r.m+dm), 1, 0, 0, 0, 0, time.UTC)
		if !validDate(first.Year(), int(first.Month()), d) {
			continue
		}
		t := time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
		dist := t.Sub(r.day)
		if r.futureBias {
			if dist < 0 {
				continue
			}
		} else if dist < 0 {
			dist = -dist
		}
		if dist < best {
			best, day = dist, t
		}
	}
	if day.IsZero() {
		return m, false
	}
	c2 := newCal()
	c2.y, c2.m, c2.d = day.Year(), int(day.Month()), d
	e := newCal()
	if end != 0 {
		e.y, e.m, e.d = c2.y, c2.m, end
	}
	if okc {
		c2.hh, c2.mi, c2.s, c2.grain = c.hh, c.mi, c.s, c.grain
		j = ck
	}
	if !r.absolute(&m.de, c2, e) {
		return m, false
	}
	m.de.Kind = "partial"
	m.end = j
	return m, true
}

// fracUnit turns pct percent of unit into a whole number of a smaller
// unit: half an hour is 30 minutes, half a year 6 months.
func fracUnit(unit string, pct int) (string, int, bool) {
	var sub string
	var per int
	switch unit {
	case "hour":
		sub, per = "minute", 60
	case "minute":
		sub, per = "second", 60
	case "day":
		sub, per = "hour", 24
	case "year":
		sub, per = "month", 12
	case "month":
		sub, per = "day", 30
	default:
		return "", 0, false
	}
	if pct*per%100 != 0 {
		return "", 0, false
	}
	return sub, pct * per / 100, true
}

// rulePartOf: "EOM", "EOY", "BOY" (upper case): a part of the reference's
// month or year.
func (p *parser) rulePartOf(i int, r ref) (match, bool) {
	var m match
	e, j, _ := p.ent(i, cPartOf)
	if !p.tok(i).allUpper {
		return m, false
	}
	part, unit, _ := strings.Cut(e.s, " ")
	if !r.ok {
		return m, false
	}
	if unit == "day" {
		// "EOD": the end of the reference day
		r.relative(&m.de, r.day, veille.PrecisionDay, "day")
		m.de.Until = mkDate(r.day.AddDate(0, 0, 1), veille.PrecisionDay)
		m.end = j
		return m, true
	}
	c := newCal()
	c.y = r.y
	if unit == "month" {
		c.m = r.m
	}
	p.partRange(&m.de, part, c, r)
	m.de.Kind = "relative"
	m.end = j
	return m, true
}

// rulePrefixed: a part of a period or an acronym after "at the", "à la",
// "au", "en": "at the end of 2012", "at the EOM", "à la fin de l'année".
func (p *parser) rulePrefixed(i int, r ref) (match, bool) {
	k := p.skip(p.skip(p.skip(i, cAt), cTo), cEn)
	k = p.skip(k, cDet)
	if k == i {
		return match{}, false
	}
	m, ok := p.partAt(k, r)
	return m, ok
}

// ruleHoliday: a fixed-date holiday, "Noël", "le jour de l'an",
// "Christmas Day 2014", with the year inferred as for "15 mars"; a
// capitalised word after it makes it a name ("Noël Mamère").
func (p *parser) ruleHoliday(i int, r ref) (match, bool) {
	var m match
	e, j, _ := p.ent(i, cHoliday)
	if t := p.tok(i); t.gap == '-' {
		return m, false // "Marie-Noël"
	}
	if pt := p.tok(i - 1); pt != nil && pt.kind == tWord && pt.upper && pt.ents == nil {
		return m, false // "Père Noël", "Jean Noël"
	}
	if nt := p.tok(j); nt != nil && nt.kind == tWord && nt.upper && nt.gap == ' ' && !p.is(j, cMonth) {
		return m, false
	}
	if nt := p.tok(j); nt != nil && nt.kind == tWord && (nt.gap == '-' || !nt.upper && nt.ents == nil) {
		return m, false // "Christmas-tree", "Christmas party", "Noël approche"
	}
	if rest, ok := strings.CutPrefix(e.s, "easter"); ok {
		// a feast moving with Easter: "easter+49" is Pentecost
		off, _ := strconv.Atoi(rest)
		if y, k, ok := p.year(j); ok {
			m.de.Kind = "absolute"
			m.de.Value = mkDate(easter(y).AddDate(0, 0, off), veille.PrecisionDay)
			m.de.Precision, m.de.Grain = veille.PrecisionDay, "day"
			m.end = k
			return m, true
		}
		m.de.Kind, m.de.Grain = "partial", "day"
		if !r.ok {
			m.end = j
			return m, true
		}
		var best time.Time
		for y := r.y - 1; y <= r.y+1; y++ {
			t := easter(y).AddDate(0, 0, off)
			if r.futureBias && t.Before(r.day) {
				continue
			}
			if best.IsZero() || absDur(t.Sub(r.day)) < absDur(best.Sub(r.day)) {
				best = t
			}
		}
		m.de.Value = mkDate(best, veille.PrecisionDay)
		m.de.Precision = veille.PrecisionDay
		m.end = j
		return m, true
	}
	mo, _ := strconv.Atoi(e.s[:2])
	d, _ := strconv.Atoi(e.s[3:])
	c := newCal()
	c.m, c.d = mo, d
	if y, k, ok := p.year(j); ok {
		c.y, j = y, k
	}
	if !r.absolute(&m.de, c, newCal()) {
		return m, false
	}
	m.end = j
	return m, true
}

// seasons are the astronomical seasons of the northern hemisphere as
// month and day, [from, to).
var seasons = map[string][4]int{
	"spring": {3, 20, 6, 21}, "summer": {6, 21, 9, 24}, "autumn": {9, 23, 12, 21}, "winter": {12, 21, 3, 20},
}

// ruleSeason: "cet été", "l'hiver dernier", "this summer", "next winter",
// "l'été 2019", "summer 2019"; a season needs one of these words, since
// "été" is also a verb.
func (p *parser) ruleSeason(i int, r ref) (match, bool) {
	var m match
	k := p.skip(i, cDet)
	off, set := 0, false
	switch {
	case p.is(k, cThis):
		set, k = true, p.skip(k, cThis)
	case p.is(k, cLast):
		off, set, k = -1, true, p.skip(k, cLast)
	case p.is(k, cNext):
		off, set, k = 1, true, p.skip(k, cNext)
	}
	e, j, ok := p.ent(k, cSeason)
	if !ok {
		return m, false
	}
	if !set {
		switch {
		case p.is(j, cLast):
			off, set, j = -1, true, p.skip(j, cLast)
		case p.is(j, cNext):
			off, set, j = 1, true, p.skip(j, cNext)
		}
	}
	y := 0
	if yy, j2, ok := p.year(j); ok && !set && k > i {
		y, j, set = yy, j2, true
	}
	if !set || !r.ok {
		return m, false
	}
	s := seasons[e.s]
	if y == 0 {
		// the season of that name in the reference's year; a winter
		// seen from January began the December before
		y = r.y
		if s[2] < s[0] && r.day.Before(time.Date(y, time.Month(s[2]), s[3], 0, 0, 0, 0, time.UTC)) {
			y-- // winter that began last December
		}
		y += off
	}
	from := time.Date(y, time.Month(s[0]), s[1], 0, 0, 0, 0, time.UTC)
	to := time.Date(y, time.Month(s[2]), s[3], 0, 0, 0, 0, time.UTC)
	if !to.After(from) {
		to = to.AddDate(1, 0, 0)
	}
	r.relative(&m.de, from, veille.PrecisionDay, "day")
	if m.de.Precision == veille.PrecisionDay {
		m.de.Until = mkDate(to, veille.PrecisionDay)
	}
	m.end = j
	return m, true
}

// plural says whether the word at i ends in "s" ("années", "months"): a
// plural unit is not the reference's own year or month.
func (p *parser) plural(i int) bool {
	t := p.tok(i)
	if t == nil || t.kind != tWord || t.end-t.start <= 2 || p.text[t.start:t.end] == "mois" {
		return false
	}
	return p.text[t.end-1] == 's' || p.text[t.end-1] == 'S'
}

func (p *parser) isTonight(i int) bool {
	e, _, ok := p.ent(i, cDayPart)
	return ok && e.s == "tonight"
}

// partAt reads a part of a period at token k: "fin 2021", "end of April"
// (rulePart) or "EOM", "EOY" (rulePartOf).
func (p *parser) partAt(k int, r ref) (match, bool) {
	switch {
	case p.is(k, cPart):
		return p.rulePart(k, r)
	case p.is(k, cPartOf):
		return p.rulePartOf(k, r)
	}
	return match{}, false
}
