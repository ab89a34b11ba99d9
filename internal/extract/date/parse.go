package date

import (
	"time"
)

// cal is a calendar reading of some tokens: what was written, before
// resolution against the reference date. Zero fields were not written.
type cal struct {
	y, m, d   int
	wd        int // weekday 0..6 (Sunday 0); -1 when not written
	hh, mi, s int // hh -1 when no time of day
	grain     string
	amb       bool // an hour of a 12-hour clock without am or pm ("3:20", "three twenty")
	twoDigitY bool
}

func newCal() cal { return cal{wd: -1, hh: -1} }

// parser matches expressions over the tokens of one text.
type parser struct {
	text string
	toks []token
	lang string
	few  bool // Options.Few
	now  bool // Options.Now
	// anaphora and dayFirst are Options.Anaphora and Options.DayFirst
	anaphora, dayFirst bool
}

func (p *parser) tok(i int) *token {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
}

// ent returns the first meaning of class c of the phrase at i, and the
// index after the phrase.
func (p *parser) ent(i int, c class) (entry, int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tWord {
		return entry{}, i, false
	}
	for _, e := range t.ents {
		if e.cls == c {
			return e, int(t.next), true
		}
	}
	return entry{}, i, false
}

func (p *parser) is(i int, c class) bool { _, _, ok := p.ent(i, c); return ok }

// skip returns the index after the phrase of class c at i, or i.
func (p *parser) skip(i int, c class) int {
	if _, j, ok := p.ent(i, c); ok {
		return j
	}
	return i
}

func (p *parser) punct(i int, c byte) bool {
	t := p.tok(i)
	return t != nil && t.kind == tPunct && t.c == c
}

// skipPunct skips one punctuation token c at i.
func (p *parser) skipPunct(i int, c byte) int {
	if p.punct(i, c) {
		return i + 1
	}
	return i
}

func (p *parser) num(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.ndig > 9 {
		return 0, false // tokenize caps longer runs: not their value
	}
	return int(t.num), true
}

// number reads a number written in digits or words ("trois", "dix-huit",
// "vingt et un", "a"), and returns the index after it.
func (p *parser) number(i int) (int, int, bool) {
	if n, ok := p.num(i); ok {
		j := i + 1
		// decimals such as "1,5" are not counts of units we handle
		if (p.punct(j, ',') || p.punct(j, '.')) && p.tok(j).gap == 0 {
			if _, ok := p.num(j + 1); ok && p.tok(j+1).gap == 0 {
				return 0, i, false
			}
		}
		return n, j, true
	}
	e, j, ok := p.ent(i, cNum)
	if !ok {
		return 0, i, false
	}
	n := e.n
	// twenty-one, vingt et un, quatre-vingt…
	if n >= 20 && n < 100 {
		k := j
		if p.is(k, cAnd) {
			k = p.skip(k, cAnd)
		}
		if e2, j2, ok := p.ent(k, cNum); ok && e2.n < 10 && e2.n > 0 {
			return n + e2.n, j2, true
		}
	}
	return n, j, true
}

// dayNum reads a day of the month: "15", "1er", "15th", "premier",
// "fifteenth"; glued ordinal suffixes are consumed.
func (p *parser) dayNum(i int) (int, int, bool) {
	if n, ok := p.num(i); ok {
		t := p.tok(i)
		if t.ndig > 2 || n < 1 || n > 31 {
			return 0, i, false
		}
		j := i + 1
		if nt := p.tok(j); nt != nil && nt.gap == 0 && p.is(j, cOrdSuf) {
			j = p.skip(j, cOrdSuf)
		}
		return n, j, true
	}
	if e, j, ok := p.ent(i, cOrd); ok {
		return e.n, j, true
	}
	if p.lang == "fr" {
		if e, j, ok := p.ent(i, cNum); ok && e.n > 1 && e.n <= 31 {
			n, j2, _ := p.number(i)
			if n <= 31 {
				return n, j2, true
			}
			return e.n, j, true
		}
	}
	return 0, i, false
}

// month reads a month name, with an optional abbreviation full stop.
// Weak names ("may", "march") need strong is false.
func (p *parser) month(i int, weakOK bool) (int, int, bool) {
	e, j, ok := p.ent(i, cMonth)
	if !ok {
		return 0, i, false
	}
	if e.weak && !weakOK {
		t := p.tok(i)
		if !t.upper {
			return 0, i, false
		}
	}
	if p.abbrevDot(j) {
		j++
	}
	return e.n, j, true
}

// abbrevDot says whether the full stop at i closes an abbreviation ("Sept.
// 15", "juil. 2012") rather than a sentence: it is glued to the word and
// followed, on the same line, by a number, a lower-case word or a comma.
func (p *parser) abbrevDot(i int) bool {
	if !p.punct(i, '.') || p.tok(i).gap != 0 {
		return false
	}
	nt := p.tok(i + 1)
	if nt == nil {
		return false
	}
	switch nt.kind {
	case tNum:
		return true
	case tWord:
		return !nt.upper
	}
	return nt.c == ','
}

// year reads a year: four digits (1000..2199), or two digits after an
// apostrophe; with an optional era marker.
func (p *parser) year(i int) (int, int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum {
		return 0, i, false
	}
	if t.ndig == 4 && t.num >= 1000 && t.num < 2200 {
		j := i + 1
		if nt := p.tok(j); nt != nil && nt.kind == tNum && nt.gap == ' ' && nt.ndig == 3 {
			return 0, i, false // "2 021 000"
		}
		return int(t.num), j, true
	}
	if t.ndig == 2 && t.gap == '\'' {
		return 1900 + int(t.num) + pivot(int(t.num)), i + 1, true
	}
	return 0, i, false
}

// pivot turns a two-digit year into an offset: 00..49 → 2000s.
func pivot(yy int) int {
	if yy < 50 {
		return 100
	}
	return 0
}

// shortYear reads a year in two digits ("96", "14") right after a date.
func (p *parser) shortYear(i int) (int, int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.ndig != 2 || t.gap == '-' {
		return 0, i, false
	}
	if _, _, ok := p.month(i+1, true); ok {
		return 0, i, false // "10 août - 12 septembre"
	}
	// not followed by ':' or 'h' (a time of day)
	if p.punct(i+1, ':') || p.is(i+1, cHMark) {
		return 0, i, false
	}
	return 1900 + int(t.num) + pivot(int(t.num)), i + 1, true
}

// optYear reads ", 2014", "2014", "de 2014" after a day and month.
func (p *parser) optYear(c *cal, i int) int {
	j := p.skipPunct(i, ',')
	if y, k, ok := p.year(j); ok {
		c.y = y
		return k
	}
	if j == i {
		if y, k, ok := p.shortYear(j); ok {
			c.y, c.twoDigitY = y, true
			return k
		}
	}
	return i
}

// dayMonth reads "15 septembre [2021]", "1er mars", "15th of July",
// "23rd february, 2016", "15SEP", also a day range "10 au 22 août",
// "13-15 juillet", returning the end day in end.
func (p *parser) dayMonth(i int) (c cal, end cal, j int, ok bool) {
	c, end = newCal(), newCal()
	d, k, ok := p.dayNum(i)
	if !ok {
		return c, end, i, false
	}
	// day range: "10 - 22 août", "10 au 22 août", "13 et le 15 juillet"
	if d2, k2, ok2 := p.rangeDay(k); ok2 {
		if m, k3, ok3 := p.month(k2, true); ok3 {
			c.d, c.m = d, m
			end.d, end.m = d2, m
			k3 = p.optYear(&end, k3)
			c.y = end.y
			return c, end, k3, true
		}
	}
	k = p.skip(k, cOf)
	m, k, ok := p.month(k, true)
	if !ok {
		return c, end, i, false
	}
	c.d, c.m = d, m
	k = p.optYear(&c, k)
	return c, end, k, true
}

// rangeDay reads "- 22", "au 22", "to 22nd", "et le 15" after a day.
func (p *parser) rangeDay(i int) (int, int, bool) {
	t := p.tok(i)
	if t == nil {
		return 0, i, false
	}
	j := i
	switch {
	case t.kind == tNum && t.gap == '-':
	case t.gap == '-' && p.is(i, cOrd): // "May eighth - tenth"
	case p.is(i, cTo) || p.is(i, cAnd):
		j = p.skip(i, cTo)
		j = p.skip(j, cAnd)
		j = p.skip(j, cDet)
		if p.is(j, cWeekday) {
			j = p.skip(j, cWeekday)
		}
	default:
		return 0, i, false
	}
	d, k, ok := p.dayNum(j)
	return d, k, ok
}

// monthDay reads "September 15", "Sept. 15th, 2021", "Aug 9 96".
func (p *parser) monthDay(i int) (c cal, end cal, j int, ok bool) {
	c, end = newCal(), newCal()
	m, k, ok := p.month(i, false)
	if !ok {
		if m2, k2, ok2 := p.month(i, true); ok2 {
			// weak month name: only when the day follows
			if _, _, okd := p.dayNum(k2); !okd {
				return c, end, i, false
			}
			m, k = m2, k2
		} else {
			return c, end, i, false
		}
	}
	if p.punct(k, '-') || p.punct(k, '/') {
		return c, end, i, false
	}
	d, k2, ok := p.dayNum(k)
	if !ok {
		return c, end, i, false
	}
	if p.tok(k) != nil && p.tok(k).kind == tNum && p.tok(k).ndig == 4 {
		return c, end, i, false
	}
	// "August 10 - 22, 2012"
	if d2, k3, ok3 := p.rangeDay(k2); ok3 {
		if _, _, isMonth := p.month(k3, true); !isMonth {
			c.m, c.d, end.m, end.d = m, d, m, d2
			k3 = p.optYear(&end, k3)
			c.y = end.y
			return c, end, k3, true
		}
	}
	c.m, c.d = m, d
	k2 = p.optYear(&c, k2)
	return c, end, k2, true
}

// monthYear reads "septembre 2021", "Sep-2012", "Dec. 2021", "août de 2019",
// "Aug 96".
func (p *parser) monthYear(i int) (cal, int, bool) {
	c := newCal()
	m, k, ok := p.month(i, true)
	if !ok {
		return c, i, false
	}
	k = p.skipPunct(k, ',')
	k = p.skip(k, cOf)
	if y, k2, ok := p.year(k); ok {
		c.m, c.y = m, y
		return c, k2, true
	}
	if y, k2, ok := p.shortYear(k); ok && p.tok(k).gap != 0 {
		// "Aug 96" but not "Aug 15"
		if yy := y % 100; yy > 31 {
			c.m, c.y = m, y
			return c, k2, true
		}
	}
	return c, i, false
}

// numericDate reads 2021-09-15, 2021/9/15, 15/09/2021, 15.09.21, 9/2012,
// and (French) 15/09, with an optional ISO time.
func (p *parser) numericDate(i int) (cal, int, bool) {
	c := newCal()
	t := p.tok(i)
	if t == nil || t.kind != tNum {
		return c, i, false
	}
	// Collect up to three numbers joined by one separator kind, glued.
	var nums [3]*token
	nums[0] = t
	sep := byte(0)
	n := 1
	j := i + 1
	for n < 3 {
		var s byte
		k := j
		nt := p.tok(k)
		if nt == nil {
			break
		}
		switch {
		case nt.kind == tPunct && (nt.c == '/' || nt.c == '.') && nt.gap == 0:
			s = nt.c
			k++
		case nt.kind == tNum && nt.gap == '-':
			s = '-'
		default:
		}
		if s == 0 {
			break
		}
		if sep != 0 && s != sep {
			break
		}
		nn := p.tok(k)
		if nn == nil || nn.kind != tNum || (s != '-' && nn.gap != 0) {
			break
		}
		if s == '-' && p.text[nn.start-1] != '-' { // "13 - 15": a range, not a date
			break
		}
		sep = s
		nums[n] = nn
		n++
		j = k + 1
	}
	if n < 2 {
		return p.spacedDate(i)
	}
	// A longer dotted or dashed run is a version number or a code.
	if nt := p.tok(j); nt != nil && nt.gap == 0 && (nt.kind == tNum || (nt.kind == tPunct && nt.c == sep && p.tok(j+1) != nil && p.tok(j+1).kind == tNum && p.tok(j+1).gap == 0)) {
		return c, i, false
	}
	a, b := int(nums[0].num), int(nums[1].num)
	if n == 3 {
		cc := int(nums[2].num)
		switch {
		case nums[0].ndig == 4: // Y-M-D
			c.y, c.m, c.d = a, b, cc
		case nums[2].ndig == 4 || nums[2].ndig == 2:
			y := cc
			if nums[2].ndig == 2 {
				y = 1900 + cc + pivot(cc)
			}
			if nums[0].ndig > 2 || nums[1].ndig > 2 {
				return c, i, false
			}
			d, m := a, b
			if p.lang == "en" && !p.dayFirst && sep != '.' && a <= 12 {
				d, m = b, a
			}
			if m > 12 && d <= 12 {
				d, m = m, d
			}
			c.y, c.m, c.d = y, m, d
		default:
			return c, i, false
		}
		if !validDate(c.y, c.m, c.d) {
			return c, i, false
		}
		j = p.isoTime(&c, j)
		return c, j, true
	}
	// two numbers
	switch {
	case sep == '/' && nums[1].ndig == 4 && a >= 1 && a <= 12 && nums[0].ndig <= 2: // 9/2012
		c.m, c.y = a, b
		return c, j, true
	case sep == '/' && nums[0].ndig <= 2 && nums[1].ndig <= 2 && (p.dmContext(i, nums[0], nums[1]) || p.timeAfter(j)) && !(p.lang == "fr" && p.is(j, cOf) && p.tok(j).gap == ' ' && p.tok(j+1) != nil && p.tok(j+1).kind == tWord):
		// "le 2/3 des voix" is a fraction
		d, m := a, b
		if p.lang == "en" && !p.dayFirst {
			d, m = b, a
		}
		if m < 1 || m > 12 || d < 1 || !validDate(2000, m, d) {
			return c, i, false
		}
		c.m, c.d = m, d
		return c, j, true
	}
	return c, i, false
}

// dmContext says whether "a/b" reads as a day and month rather than a
// fraction or a score: after "le", "du", "au", "on" or a weekday, or
// written with a leading zero.
func (p *parser) dmContext(i int, a, b *token) bool {
	if a.ndig == 2 && b.ndig == 2 {
		return true
	}
	if p.is(i-1, cDet) || p.is(i-1, cOf) || p.is(i-1, cTo) || p.is(i-1, cWeekday) {
		return true
	}
	return i == 0 && len(p.toks) <= 3
}

// timeAfter says whether "at" or "à" and a time of day follow at i ("4/25
// at 4pm").
func (p *parser) timeAfter(i int) bool {
	if !p.is(i, cAt) {
		return false
	}
	c := newCal()
	_, ok := p.clock(&c, p.skipAt(i), true)
	return ok
}

// ampmEnd returns the index after an am or pm read at [i, j): the full
// stop closing "p.m." belongs to it, the one after "pm" to the sentence.
func (p *parser) ampmEnd(i, j int) int {
	if j-2 >= i && p.punct(j-2, '.') {
		return p.skipPunct(j, '.')
	}
	return j
}

// spokenClock reads an English time of day in words or in two numbers:
// "ten thirty am", "four twenty-three a m", and after "at", "at three
// twenty", "at 12 15". Without "at" an am or pm is needed.
func (p *parser) spokenClock(c *cal, i int) (int, bool) {
	if p.lang != "en" {
		return i, false
	}
	t := p.tok(i)
	if t == nil || t.gap == '-' {
		return i, false
	}
	at := p.is(i-1, cAt)
	var h, k int
	var ok bool
	if t.kind == tNum {
		if !at || t.ndig > 2 {
			return i, false
		}
		h, k = int(t.num), i+1
		if mt := p.tok(k); mt == nil || mt.kind != tNum || mt.ndig != 2 || mt.gap != ' ' {
			return i, false
		}
	} else if h, k, ok = p.number(i); !ok {
		return i, false
	}
	if h < 1 || h > 12 {
		return i, false
	}
	m, j, ok := p.number(k)
	if !ok || m < 10 || m > 59 || p.tok(k).kind != t.kind {
		return i, false
	}
	e, j2, ampm := p.ent(j, cAmPm)
	if !ampm {
		if !at {
			return i, false
		}
		// nothing but the end of the phrase or a punctuation after it
		if nt := p.tok(j); nt != nil && nt.kind != tPunct {
			return i, false
		}
	}
	c.hh, c.mi, c.s, c.grain, c.amb = h, m, 0, "minute", !ampm
	if ampm {
		c.hh = h%12 + e.n
		j = p.ampmEnd(j, j2)
	}
	return j, true
}

// isoTime reads "T13:15:30Z", " 13:15", "T10:20:19+0000" after a date.
func (p *parser) isoTime(c *cal, i int) int {
	t := p.tok(i)
	if t == nil {
		return i
	}
	j := i
	if t.kind == tWord && t.gap == 0 && (p.text[t.start] == 'T' || p.text[t.start] == 't') && t.end-t.start == 1 {
		j++
	} else if t.kind == tWord && t.gap == 0 && (p.text[t.start] == 'T') {
		// "T13" is tokenised as word "T" then number: handled above
		return i
	}
	k, ok := p.clock(c, j, true)
	if !ok {
		return i
	}
	// zone: Z, +0000, +02:00, -08:00
	if nt := p.tok(k); nt != nil && (nt.gap == 0 || nt.gap == '-' && nt.kind == tNum) {
		if nt.kind == tWord && p.text[nt.start:nt.end] == "Z" {
			k++
		} else if nt.kind == tPunct && nt.c == '+' {
			if _, ok := p.num(k + 1); ok {
				k += 2
				if p.punct(k, ':') {
					k += 2
				}
			}
		} else if nt.kind == tNum && p.text[nt.start-1] == '-' && nt.ndig == 4 || nt.kind == tNum && p.text[nt.start-1] == '-' && nt.ndig == 2 {
			k++
			if p.punct(k, ':') {
				k += 2
			}
		}
	}
	return k
}

// clock reads a time of day: "13:15", "13:15:30", "15h", "15h30", "8h10m00",
// "9 pm", "9:30 a.m.", "midi", "noon"; bare says whether "13:15" alone
// suffices (true) or an hour mark is needed.
func (p *parser) clock(c *cal, i int, bare bool) (int, bool) {
	if j, ok := p.clockBefore(c, i); ok {
		return j, true
	}
	hc := *c
	j, ok := p.clock0(&hc, i, bare)
	if !ok {
		return i, false
	}
	j = p.clockAfter(&hc, j)
	*c = hc
	return j, true
}

// clockAfter reads minutes after an hour: "et quart", "et demie", "moins
// cinq", "moins le quart", "passé de 15 minutes", "et quinze minutes",
// "minuit trois".
func (p *parser) clockAfter(c *cal, j int) int {
	if c.mi != 0 || c.grain != "hour" {
		return j
	}
	e, k, ok := p.ent(j, cMinOp)
	if !ok {
		if p.is(j-1, cClock) && p.lang == "fr" {
			// "minuit trois", "midi dix"
			if n, k2, ok := p.number(j); ok && n > 0 && n < 60 && !p.is(k2, cUnit) && p.tok(j).kind == tWord {
				p.addMinutes(c, n)
				return k2
			}
		}
		return j
	}
	switch {
	case e.n == 15 || e.n == 30 || e.n == -15:
		p.addMinutes(c, e.n)
		return k
	case e.n == 1 || e.n == -1:
		k = p.skip(k, cDet)
		n, k2, ok := p.number(k)
		if !ok || n <= 0 || n >= 60 {
			return j
		}
		if p.unitAt(k2) == "minute" {
			k2 = p.skipUnit(k2)
		} else if p.is(j, cAnd) {
			return j // "à 15h et 20 personnes"
		}
		p.addMinutes(c, e.n*n)
		return k2
	}
	return j
}

// clockBefore reads minutes before a time: "a quarter past noon", "20
// minutes to 2pm", "twenty after 3pm", "15 to noon", "half past three".
func (p *parser) clockBefore(c *cal, i int) (int, bool) {
	if p.lang != "en" {
		return i, false
	}
	n := 0
	k := i
	named := false // "a quarter", "half", "20 minutes": a bare hour may follow
	if t := p.tok(i); t == nil || t.gap == '-' {
		return i, false // "one-quarter to one-third"
	}
	if e, k2, ok := p.ent(i, cMinOp); ok && (e.n == 15 || e.n == 30) {
		n, k, named = e.n, k2, true
	} else if v, k2, ok := p.number(i); ok && v > 0 && v < 60 {
		n, k = v, k2
		if p.unitAt(k) == "minute" {
			k, named = p.skipUnit(k), true
		}
	} else {
		return i, false
	}
	sign := 0
	switch {
	case p.is(k, cMinOp):
		e, k2, _ := p.ent(k, cMinOp)
		if e.n != 1 && e.n != -1 {
			return i, false
		}
		sign, k = e.n, k2
	case p.is(k, cLater):
		sign, k = 1, p.skip(k, cLater)
	case p.is(k, cTo):
		sign, k = -1, p.skip(k, cTo)
	default:
		return i, false
	}
	hc := *c
	j, ok := p.clock0(&hc, k, true)
	if !ok {
		// a bare hour: "half past three", "ten to six"
		h, j2, okh := p.number(k)
		if !named || !okh || h < 1 || h > 12 || p.tok(k).ndig > 2 {
			return i, false
		}
		hc.hh, hc.mi, hc.s, hc.grain = h, 0, 0, "hour"
		j = j2
	}
	if hc.mi != 0 {
		return i, false
	}
	p.addMinutes(&hc, sign*n)
	*c = hc
	return j, true
}

// addMinutes moves a time of day by n minutes, within the day.
func (p *parser) addMinutes(c *cal, n int) {
	t := c.hh*60 + c.mi + n
	t = (t + 24*60) % (24 * 60)
	c.hh, c.mi, c.grain = t/60, t%60, "minute"
}

// clock0 reads a time of day without minutes before or after it.
func (p *parser) clock0(c *cal, i int, bare bool) (int, bool) {
	if e, j, ok := p.ent(i, cClock); ok {
		c.hh, c.mi, c.s, c.grain = e.n, 0, 0, "hour"
		// "midi moins cinq", "minuit trois"… not handled
		return j, true
	}
	// "quinze heures trente", "à trois heures"
	if n, j, ok := p.number(i); ok && p.tok(i).kind == tWord && n <= 24 && p.unitAt(j) == "hour" {
		hc := *c
		hc.hh, hc.mi, hc.s, hc.grain = n, 0, 0, "hour"
		j = p.skip(j, cUnit)
		if m, k, ok := p.number(j); ok && m < 60 {
			hc.mi, hc.grain = m, "minute"
			j = k
			if p.unitAt(j) == "minute" {
				j = p.skip(j, cUnit)
			}
		}
		*c = hc
		return j, true
	}
	if j, ok := p.spokenClock(c, i); ok {
		return j, true
	}
	if h, j, ok := p.number(i); ok && p.tok(i).kind == tWord && p.tok(i).end-p.tok(i).start >= 3 && h >= 1 && h <= 12 && p.is(j, cAmPm) {
		// "six p.m."
		e, k, _ := p.ent(j, cAmPm)
		if !p.is(i-1, cAt) && !p.is(i-1, cTo) && p.tok(j).allUpper {
			return i, false // "one AM set"
		}
		c.hh, c.mi, c.s, c.grain = h%12+e.n, 0, 0, "hour"
		return p.ampmEnd(j, k), true
	}
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.ndig > 2 || t.num > 24 {
		// "1230pm"
		if t != nil && t.kind == tNum && t.ndig == 4 && p.is(i+1, cAmPm) && p.tok(i+1).gap == 0 {
			h, m := int(t.num/100), int(t.num%100)
			if h <= 12 && m < 60 {
				e, j, _ := p.ent(i+1, cAmPm)
				c.hh, c.mi, c.s, c.grain = h%12+e.n, m, 0, "minute"
				return p.ampmEnd(i+1, j), true
			}
		}
		return i, false
	}
	h := int(t.num)
	j := i + 1
	hc := *c
	hc.hh, hc.mi, hc.s = h, 0, 0
	switch {
	case (p.punct(j, ':') || (p.punct(j, '.') && (!bare || p.is(j+2, cAmPm)))) && p.tok(j).gap == 0:
		m, ok := p.num(j + 1)
		if !ok || p.tok(j+1).ndig != 2 || m > 59 || p.tok(j+1).gap != 0 {
			return i, false
		}
		hc.mi, hc.grain = m, "minute"
		j += 2
		if p.punct(j, ':') && p.tok(j).gap == 0 {
			if s, ok := p.num(j + 1); ok && p.tok(j+1).ndig == 2 && s < 60 {
				hc.s, hc.grain = s, "second"
				j += 2
				// fractions of a second
				if p.punct(j, '.') && p.tok(j).gap == 0 {
					if _, ok := p.num(j + 1); ok {
						j += 2
					}
				}
			}
		}
	case p.is(j, cHMark) && p.tok(j).gap == ' ' && p.lang == "fr" && p.tok(j+1) != nil && p.tok(j+1).kind == tNum && p.tok(j+1).gap == ' ' && p.tok(j+1).ndig == 2 && p.tok(j+1).num < 60:
		// "19 h 00"
		hc.mi, hc.grain = int(p.tok(j+1).num), "minute"
		j += 2
	case p.is(j, cHMark) && p.tok(j).gap == 0:
		j = p.skip(j, cHMark)
		hc.grain = "hour"
		if p.lang == "en" {
			hc.grain = "minute" // "15h" in English is a clock reading, as "15:00"
		}
		if m, ok := p.num(j); ok && p.tok(j).gap == 0 && p.tok(j).ndig == 2 && m < 60 {
			hc.mi, hc.grain = m, "minute"
			j++
			// "8h10m00"
			if nt := p.tok(j); nt != nil && nt.kind == tWord && nt.gap == 0 && p.text[nt.start:nt.end] == "m" {
				if _, ok := p.num(j + 1); ok {
					j += 2
				}
			}
		}
	case p.is(j, cUnit) && p.unitOf(j) == "hour" && p.lang == "fr":
		// "11 heures", "quinze heures trente"
		j = p.skip(j, cUnit)
		hc.grain = "hour"
		if m, k, ok := p.number(j); ok && m < 60 && !p.is(k, cUnit) {
			hc.mi, hc.grain = m, "minute"
			j = k
		}
	case p.is(j, cAmPm):
	case p.is(j, cOClock) && !p.punct(j-1, '.'):
		// "8 o'clock"
		j = p.skip(j, cOClock)
		hc.grain = "hour"
	default:
		return i, false
	}
	if hc.hh > 24 {
		return i, false
	}
	// am / pm
	k := j
	if t := p.tok(k); t != nil && hc.grain == "minute" && !p.is(k, cAmPm) && t.kind == tWord && t.gap == 0 && t.end-t.start == 1 && (p.text[t.start] == 'p' || p.text[t.start] == 'a') {
		// "3:20p", "10:15a"
		if hc.hh > 12 || hc.hh == 0 {
			return i, false
		}
		hc.hh = hc.hh % 12
		if p.text[t.start] == 'p' {
			hc.hh += 12
		}
		*c = hc
		return k + 1, true
	}
	if e, k2, ok := p.ent(k, cAmPm); ok {
		if hc.hh > 12 || hc.hh == 0 {
			return i, false
		}
		hc.hh = hc.hh%12 + e.n
		if hc.grain == "" {
			hc.grain = "hour"
		}
		j = p.ampmEnd(k, k2)
	} else if hc.grain == "" {
		return i, false
	}
	if hc.hh == 24 && (hc.mi != 0 || hc.s != 0) {
		return i, false // "24:30" is no time
	}
	// "24:00" stays hour 24: the midnight that ends the day, the next
	// day's 00:00 once resolved
	hc.amb = p.lang == "en" && hc.grain == "minute" && !p.hasAmPm(i, j) && hc.hh >= 1 && hc.hh <= 12 && (t.ndig == 1 || hc.hh >= 10)
	// "du matin", "du soir", "de l'après-midi"
	if k := p.skip(j, cOf); k != j {
		k = p.skip(k, cDet)
		if e, k2, ok := p.ent(k, cDayPart); ok {
			if (e.s == "evening" || e.s == "afternoon") && hc.hh < 12 {
				hc.hh += 12
			}
			j = k2
		} else if t := p.tok(k); t != nil && p.lang == "fr" && t.kind == tWord && p.text[t.start:t.end] == "mat" {
			j = k + 1 // "5h du mat", short for "du matin"
		}
	}
	*c = hc
	return j, true
}

func (p *parser) unitOf(i int) string {
	e, _, _ := p.ent(i, cUnit)
	return e.s
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// spacedDate reads a French date written with spaces: "20 02 2014", "le
// 20 2 14", and "le 17 02" at the end of a phrase; numbers before or
// after it make it something else (a telephone number, a table).
func (p *parser) spacedDate(i int) (cal, int, bool) {
	c := newCal()
	if p.lang != "fr" {
		return c, i, false
	}
	var nums [3]*token
	n := 0
	for k := i; k < i+3; k++ {
		t := p.tok(k)
		if t == nil || t.kind != tNum || (k > i && t.gap != ' ') {
			break
		}
		nums[n] = t
		n++
	}
	if n < 2 || nums[0].ndig > 2 || nums[1].ndig > 2 {
		return c, i, false
	}
	j := i + n
	if nt := p.tok(j); nt != nil && (nt.kind == tNum || nt.gap == 0 && nt.kind == tWord || p.punct(j, ':') || p.punct(j, '/') || p.punct(j, '.') && nt.gap == 0 && p.tok(j+1) != nil && p.tok(j+1).kind == tNum) {
		return c, i, false
	}
	if pt := p.tok(i - 1); pt != nil && (pt.kind == tNum || pt.kind == tPunct && pt.c != '(' && pt.c != ',' && pt.c != '\n') {
		return c, i, false
	}
	d, m := int(nums[0].num), int(nums[1].num)
	if n == 3 {
		y := int(nums[2].num)
		switch nums[2].ndig {
		case 4:
		case 2:
			y = 1900 + y + pivot(y)
		default:
			return c, i, false
		}
		if !validDate(y, m, d) {
			return c, i, false
		}
		c.y, c.m, c.d = y, m, d
		return c, j, true
	}
	// two numbers: only as a whole phrase, after "le" or alone
	if nt := p.tok(j); nt != nil && nt.kind != tPunct {
		return c, i, false
	}
	if i > 0 && !(p.is(i-1, cDet) && i-1 == 0) {
		return c, i, false
	}
	if m < 1 || m > 12 || !validDate(2000, m, d) {
		return c, i, false
	}
	c.m, c.d = m, d
	return c, j, true
}

// inNumber says whether the digits at i continue a number: "673" in
// "16,673", "5" in "1.5". No date starts there.
func (p *parser) inNumber(i int) bool {
	t, sep, prev := p.tok(i), p.tok(i-1), p.tok(i-2)
	return t != nil && t.kind == tNum && t.gap == 0 && sep != nil && sep.kind == tPunct && (sep.c == ',' || sep.c == '.') && sep.gap == 0 && prev != nil && prev.kind == tNum
}

// beforeChrist says whether an era marker before Christ starts at i: "BC",
// "B.C.", "BCE", "av. J.-C.", "avant J.-C.", "avant Jésus-Christ", "av.
// notre ère".
func (p *parser) beforeChrist(i int) bool {
	t := p.tok(i)
	if t == nil || t.kind != tWord || t.gap == 0 {
		return false
	}
	word := func(k int) string {
		if w := p.tok(k); w != nil && w.kind == tWord {
			return fold(p.text[w.start:w.end])
		}
		return ""
	}
	switch w := p.text[t.start:t.end]; {
	case w == "BC" || w == "BCE":
		return true
	case (w == "B" || w == "b") && p.punct(i+1, '.') && word(i+2) == "c" && p.tok(i+2).gap == 0:
		return true
	}
	switch word(i) {
	case "av", "avant":
		k := p.skipPunct(i+1, '.')
		switch word(k) {
		case "j", "jc", "jesus":
			return true
		case "notre":
			return word(k+1) == "ere"
		}
	}
	return false
}
