package date

import (
	"strings"
	"time"

	"github.com/veille/veille"
)

// Rules for expressions read from the reference instant: named days,
// weekdays, last/next, "N days ago", "in N weeks", durations, parts and
// spans of units.

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
