package date

import (
	"strings"
	"time"

	"github.com/veille/veille"
)

// Rules for times of day: clock times and their ranges, parts of the day
// ("tonight", "le matin"), a bare hour before a part of a day.

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

func (p *parser) isTonight(i int) bool {
	e, _, ok := p.ent(i, cDayPart)
	return ok && e.s == "tonight"
}
