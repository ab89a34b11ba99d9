package date

import (
	"strings"

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

// negative says whether the number at i is written with a minus sign
// ("dans -5 jours"): not a count of units.
func (p *parser) negative(i int) bool {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.gap != '-' || t.start == 0 || p.text[t.start-1] != '-' {
		return false
	}
	return t.start == 1 || p.text[t.start-2] == ' ' || p.text[t.start-2] == '(' || p.text[t.start-2] == '\t' || p.text[t.start-2] == '\n'
}

// skipAt skips "à", "at", "vers", "à environ", "aux alentours de".
func (p *parser) skipAt(i int) int {
	j := p.skip(i, cAt)
	if e, k, ok := p.ent(j, cBound); ok && e.s == "approx" {
		j = k
	}
	return j
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

// plural says whether the word at i ends in "s" ("années", "months"): a
// plural unit is not the reference's own year or month.
func (p *parser) plural(i int) bool {
	t := p.tok(i)
	if t == nil || t.kind != tWord || t.end-t.start <= 2 || p.text[t.start:t.end] == "mois" {
		return false
	}
	return p.text[t.end-1] == 's' || p.text[t.end-1] == 'S'
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
