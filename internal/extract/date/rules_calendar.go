package date

import (
	"strconv"
	"strings"
	"time"

	"github.com/veille/veille"
)

// Rules for calendar expressions: full and partial dates, years, months
// and month ranges, the day alone, quarters, seasons and feasts.

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
		dist, ok := r.distance(t)
		if !ok {
			continue
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
