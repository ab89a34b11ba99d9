package amount

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/currency"
)

// Match kinds.
const (
	KindNumber  = "number"  // a number with nothing counted after it
	KindOrdinal = "ordinal" // "11e", "thirty-first"
	KindMoney   = "money"
	KindCount   = "count"
	KindPercent = "percent"
)

// Match is one number, ordinal, sum of money, count or percentage found by
// Scan, with its byte span in the scanned text.
type Match struct {
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Kind      string  `json:"kind"`
	Value     float64 `json:"value"`         // meaningless when Vague
	Max       float64 `json:"max,omitempty"` // upper end of a range when Range
	Range     bool    `json:"range,omitempty"`
	Vague     bool    `json:"vague,omitempty"`     // "des milliers", "plusieurs millions": no value
	Magnitude int     `json:"magnitude,omitempty"` // power of ten when Vague
	Approx    bool    `json:"approx,omitempty"`
	Bound     string  `json:"bound,omitempty"` // "above", "below", "at_least", "at_most" or ""
	// Unit: money: an ISO 4217 code, "CFA" for a franc CFA not yet resolved
	// to XOF or XAF (INR for a bare "Rs" or "rupees", which Amounts may
	// resolve to PKR, LKR, NPR, MUR or SCR), "" when no currency is named;
	// counts: the counted
	// noun's lemma; numbers: "".
	Unit   string `json:"unit,omitempty"`
	Period string `json:"period,omitempty"` // "day", "week", "month", "year" or ""
	// Equiv is the index of the match the text gives as this one's
	// equivalent in brackets ("6 milliards de francs CFA (environ 9,15
	// millions d'euros)"), -1 when none.
	Equiv int `json:"equiv"`
	// Year marks a plain number of four digits between 1000 and 2100.
	Year bool `json:"year,omitempty"`
	// Plain marks one run of digits, without separators, suffix or words.
	Plain bool `json:"plain,omitempty"`
	// Bare marks a number followed by nothing it could count (a punctuation
	// mark, a function word, the end): a candidate for an elided count.
	Bare bool `json:"bare,omitempty"`
	// Parts lists, for a count split right after it ("trois gisements,
	// deux d'or et un de magnésium"), the parts with what sets them apart.
	Parts []Part `json:"parts,omitempty"`

	tokStart, tokEnd int
	// rupee marks a Unit of INR read from a form any rupee shares ("Rs",
	// "rupees"): Amounts chooses the rupee from the country.
	rupee bool
}

// Part is one share of a count split in the text.
type Part struct {
	Start, End int
	Value      float64
	Qualifier  string // "or", "magnésium"
}

// country is a mention of a country of a franc CFA zone.
type country struct {
	offset int
	code   string // ISO 3166-1 alpha-2
	zone   string // XOF or XAF
}

// Langs lists the languages Scan reads.
func Langs() []string { return []string{"fr", "en"} }

var tokPool = sync.Pool{New: func() any { s := make([]token, 0, 4096); return &s }}

// Scan returns the numbers, ordinals, sums of money, counts and
// percentages of text, in text order, reading it as lang ("fr" or "en");
// nil for another language.
func Scan(text, lang string) []Match {
	ms, _ := scan(text, lang)
	return ms
}

func scan(text, lang string) ([]Match, []country) {
	lx := lexiconFor(lang)
	if lx == nil {
		return nil, nil
	}
	tp := tokPool.Get().(*[]token)
	defer func() {
		if cap(*tp) <= 1<<16 {
			*tp = (*tp)[:0]
			tokPool.Put(tp)
		}
	}()
	if want := len(text)/5 + 16; cap(*tp) < want {
		// About one token in five bytes: grow once rather than by doubling.
		*tp = make([]token, 0, want)
	}
	*tp = tokenize((*tp)[:0], text, lx)
	p := &parser{text: text, toks: *tp, lx: lx, en: lang == "en"}
	var out []Match
	var countries []country
	for i := 0; i < len(p.toks); {
		t := &p.toks[i]
		if t.id != 0 && t.kind == tWord {
			if ph, _, ok := match(lx.countries, p.toks, i); ok {
				code, zone, _ := strings.Cut(ph.val, " ")
				countries = append(countries, country{offset: t.start, code: code, zone: zone})
			}
		}
		if t.kind == tWord && t.id == 0 && !t.upper && !(p.en && mayGlueTen(text[t.start:t.end])) {
			i++
			continue
		}
		m, next, ok := p.amountAt(i)
		if ok {
			out = append(out, m)
			i = next
			continue
		}
		i++
	}
	p.link(out)
	return out, countries
}

// amountAt reads an amount starting at token i.
func (p *parser) amountAt(i int) (Match, int, bool) {
	m := Match{Equiv: -1}
	j := i
	spanFrom := i
	var between, from, minus, moneyCtx, opener bool
	minusEnd := -1 // token after a minus word ("moins", "minus")
	for k := 0; k < 3; k++ {
		ph, nj, ok := match(p.lx.markers, p.toks, j)
		if !ok || !p.near(nj) {
			break
		}
		switch ph.val {
		case "approx":
			m.Approx = true
		case "above", "below", "at_least", "at_most":
			m.Bound = ph.val
		case "between":
			between = true
		case "from":
			from = true
		case "minus":
			minus, minusEnd = true, nj
		case "money":
			moneyCtx = true
		}
		if ph.val == "money" && spanFrom == i {
			spanFrom = nj // "à hauteur de" tells the kind; it is not part of the amount
		}
		j = nj
	}
	// Vague openers: "des milliers", "plusieurs millions", "several hundred".
	if w := p.lower(j); (w == "des" || w == "plusieurs" || w == "quelques" || w == "several" || w == "many") && p.near(j+1) {
		in := p.info(j + 1)
		if in.class == nPlural || in.plural > 0 {
			opener = true
			j++
		}
	}
	// Currency before the number: "$10", "US$ 3.14", "USD3.14", "EUR 29,99".
	preCur := ""
	if ph, nj, ok := match(p.lx.currency, p.toks, j); ok && (p.tok(j).kind == tPunct || p.isUpperCode(j) || len(ph.ids) > 1) {
		if t := p.tok(nj); t != nil && t.gap != gapMore && (t.kind == tNum || p.isPunct(nj, '.', ',', '-')) {
			preCur, j = ph.val, nj
		}
	} else if p.isUpperCode(j) && p.tok(j+1) != nil && p.toks[j+1].kind == tNum && p.toks[j+1].gap != gapMore {
		preCur = p.str(j)
		j++
	}
	shaped := false
	if preCur == "" {
		if code, nj, sh, ok := p.shortBefore(j); ok {
			preCur, j, shaped = code, nj, sh
		}
	}
	n, ok := p.number(j, preCur != "")
	if !ok {
		return Match{}, 0, false
	}
	if shaped && !sumShaped(n) {
		return Match{}, 0, false // "N95 masks", "R 2"
	}
	if opener && !n.vague {
		return Match{}, 0, false
	}
	if minus && !n.vague {
		n.val = -n.val
	}
	m.tokStart = i
	end := n.end
	m.Value = n.val
	m.Vague, m.Magnitude = n.vague, n.mag
	m.Approx = m.Approx || n.approx || n.vague
	if n.frac {
		// "deux tiers des électeurs": a share, not a count.
		if m.Bound != "" || preCur != "" {
			return Match{}, 0, false
		}
		m.Kind = KindNumber
		return p.finish(m, spanFrom, end), end, true
	}
	if n.ord {
		if m.Approx || m.Bound != "" || preCur != "" {
			return Match{}, 0, false
		}
		m.Kind = KindOrdinal
		return p.finish(m, spanFrom, end), end, true
	}
	// Range: "entre 300 et 400", "between 1.1 and 1.3", "from 1 to 3".
	ranged := false
	if !n.vague && p.near(end) && p.info(end).flags&wLink != 0 && p.near(end+1) {
		w := p.lower(end)
		if between && (w == "et" || w == "and") || from && (w == "to" || w == "and") || !between && !from && (w == "à" || w == "to") {
			if n2, ok := p.number(end+1, preCur != ""); ok && !n2.ord && !n2.vague && !n2.article && n2.val > n.val &&
				(between || from || !isYear(n) && n.val > 0 && n2.val <= 20*n.val*max(1, baseOf(n2)*boolf(!n.scaled && n2.scaled))) &&
				(n.scaled || !n2.scaled || n.val >= 1000 || n.val*baseOf(n2) < n2.val || between) {
				// "entre 2 et 3 milliards": the scale is shared; "de 5 à 2
				// millions" goes down from 5 millions, and is no range;
				// "entre 500 et 1 million" stays 500 to a million.
				if !n.scaled && n2.scaled && n.val < 1000 && n.val*baseOf(n2) < n2.val {
					n.val = roundSig(n.val * baseOf(n2))
				}
				m.Value, m.Max, m.Range = n.val, n2.val, true
				end = n2.end
				n.end, n.scaled, n.words, n.approx = n2.end, n.scaled || n2.scaled, n.words || n2.words, n.approx || n2.approx
				ranged = true
			}
		}
	}
	if (between || from) && !ranged {
		return Match{}, 0, false
	}
	// Percent.
	if p.isPunct(end, '%') && p.tok(end).gap != gapMore {
		m.Kind = KindPercent
		end++
		return p.finish(m, spanFrom, end), end, true
	}
	if w := p.lower(end); p.near(end) && (w == "percent" || w == "pourcent" || (w == "pour" || w == "per") && p.near(end+1) && (p.lower(end+1) == "cent" || p.lower(end+1) == "100")) {
		m.Kind = KindPercent
		if w == "pour" || w == "per" {
			end++
		}
		end++
		return p.finish(m, spanFrom, end), end, true
	}
	// Currency after the number.
	unit, curEnd, isMoney := p.currencyAfter(end, n)
	if preCur != "" {
		if isMoney && unit != "CENT" {
			// "US$ 3.14 dollars": keep the first.
			end = curEnd
		}
		unit, isMoney = preCur, true
	} else if isMoney {
		end = curEnd
	}
	if isMoney {
		m.Kind = KindMoney
		if unit == "CENT" {
			m.Value /= 100
			if m.Range {
				m.Max /= 100
			}
			unit = "USD"
			if !p.en {
				unit = "EUR"
			}
		}
		if unit == "-" {
			unit = ""
		}
		if unit == "RS" {
			unit, m.rupee = "INR", true
		}
		m.Unit = unit
		if !n.vague && !m.Range && m.Value == float64(int64(m.Value)) {
			if c, e := p.cents(end); c > 0 {
				m.Value += c
				end = e
			}
		}
		end = p.period(end, &m)
		return p.finish(m, spanFrom, end), end, true
	}
	if n.article && (p.en || !(m.Approx || m.Bound != "")) {
		return Match{}, 0, false
	}
	// Count: the counted noun, unless the number is part of a name, a
	// label or a ratio.
	if t := p.tok(end); t != nil && t.gap != gapMore && t.kind == tWord && !p.notCount(spanFrom, n) {
		if in := p.info(end); in.flags&wMeasure != 0 {
			m.Kind = KindNumber
			return p.finish(m, spanFrom, end), end, true
		}
		if lemma, e, ok := p.noun(end, n); ok {
			if minus && !n.vague {
				// "moins 50 maisons", "minus 3 points": a count is never
				// negative after a word; the word is no sign.
				m.Value = -m.Value
				if spanFrom == minusEnd-1 {
					spanFrom = minusEnd
				}
			}
			m.Kind, m.Unit = KindCount, lemma
			end = p.period(e, &m)
			m = p.finish(m, spanFrom, end)
			m.Parts, end = p.parts(end, m.Value)
			return m, end, true
		}
	}
	if moneyCtx {
		m.Kind = KindMoney
		return p.finish(m, spanFrom, end), end, true
	}
	if n.article {
		return Match{}, 0, false
	}
	m.Kind = KindNumber
	m.Year = isYearLike(p, n)
	m.Plain = n.plain
	t := p.tok(end)
	m.Bare = t == nil || t.kind == tPunct && t.id != -'-' && t.id != -'/' || t.kind == tWord && p.info(end).flags&(wStop|wLink) != 0 && p.info(end).flags&wOf == 0
	if w := p.known(spanFrom - 1); w == "par" || w == "by" {
		m.Bare = false // "multiplié par cinq", "up by 3,000": a factor or a change
	}
	if w := p.known(end); (w == "in" || w == "sur" || w == "out") && p.near(end+1) {
		m.Bare = false // "nearly one in 10": a ratio
	}
	return p.finish(m, spanFrom, end), end, true
}

// baseOf returns the scale a scaled number was multiplied by ("4 millions"
// → 1e6), 1 when none can be told.
func baseOf(n num) float64 {
	for _, b := range []float64{1e12, 1e9, 1e6, 1e3} {
		if n.val >= b && n.val/b == float64(int64(n.val/b*1000))/1000 {
			return b
		}
	}
	return 1
}

func (p *parser) finish(m Match, i, end int) Match {
	m.tokStart, m.tokEnd = i, end
	m.Start, m.End = p.toks[i].start, p.toks[end-1].end
	return m
}

// lower returns token i lower-cased when it is a word, "" otherwise.
func (p *parser) lower(i int) string {
	t := p.tok(i)
	if t == nil || t.kind != tWord {
		return ""
	}
	if t.id != 0 {
		return p.lx.words[t.id]
	}
	return strings.ToLower(p.text[t.start:t.end])
}

// known returns token i lower-cased when it is a word of the lexicon, ""
// otherwise; unlike lower it never allocates.
func (p *parser) known(i int) string {
	t := p.tok(i)
	if t == nil || t.kind != tWord || t.id == 0 {
		return ""
	}
	return p.lx.words[t.id]
}

// isUpperCode reports whether token i is a three-letter upper-case ISO
// 4217 code.
func (p *parser) isUpperCode(i int) bool {
	t := p.tok(i)
	if t == nil || t.kind != tWord || t.end-t.start != 3 {
		return false
	}
	w := p.str(i)
	return strings.ToUpper(w) == w && isISO(w)
}

var isoCache sync.Map

// isISO reports whether code is an ISO 4217 code of a currency in use.
func isISO(code string) bool {
	if v, ok := isoCache.Load(code); ok {
		return v.(bool)
	}
	u, err := currency.ParseISO(code)
	ok := err == nil && u.String() == code && code != "XXX" && code != "XTS"
	isoCache.Store(code, ok)
	return ok
}

// currencyAfter reads a currency right after a number ("10 euros",
// "3 millions d'euros", "10$", "42 QAR").
func (p *parser) currencyAfter(j int, n num) (unit string, end int, ok bool) {
	if p.tok(j) == nil || p.toks[j].gap == gapMore {
		return "", j, false
	}
	k := j
	if p.info(k).flags&wOf != 0 && p.near(k+1) {
		k++ // "millions d'euros", "millions of dollars", "dix euros"
	}
	if ph, e, ok := match(p.lx.currency, p.toks, k); ok {
		if n.article && !p.en && p.lower(n.start) == "un" && strings.HasPrefix(p.lower(k), "livre") {
			return "", j, false // "un livre" is a book; "une livre" a pound
		}
		if (p.toks[k].kind == tPunct || len(ph.ids) == 1 && len(p.lx.words[max(0, p.toks[k].id)]) == 1) && (n.words || n.article) {
			return "", j, false // "a £3bn", "a p": a symbol follows digits only
		}
		if k > j && !(n.scaled || n.vague || n.approx || n.grouped && n.val >= 1e6 && math.Mod(n.val, 1e6) == 0) {
			// "10 de dollars" is not a way to write an amount; "1 000 000
			// de dollars", read "un million de dollars", is.
			return "", j, false
		}
		if p.toks[k].kind == tWord && len(p.lx.words[p.toks[k].id]) == 1 && (p.toks[k].gap != gapNone && p.toks[k].gap != gapSpace || !isEndish(p, e)) {
			return "", j, false // "10 c" only at the end of a phrase
		}
		if ph.val == "CENT" && len(ph.ids) == 1 && p.toks[k].kind == tWord && len(p.lx.words[p.toks[k].id]) == 1 && (p.toks[k].upper || n.val < 0 || p.isPunct(e, '.') && p.glued(e) && p.glued(e+1) && p.lower(e+1) == "m") {
			// "40C (104F)", "-20C": a temperature; "7 p.m.": an hour.
			// Only a lower-case letter after a sum is a hundredth.
			return "", j, false
		}
		return ph.val, e, true
	}
	if p.isUpperCode(k) && k == j {
		return p.str(k), k + 1, true
	}
	if t := p.toks[j]; t.kind == tWord && t.upper && t.end-t.start <= 4 && !n.words && !n.article {
		for _, f := range p.lx.prefixes[p.str(j)] {
			if f.where == "after" && f.mark == 0 {
				return f.code, j + 1, true // "500 DM", "100 000 FF"
			}
		}
	}
	return "", j, false
}

// shortBefore reads a case-sensitive short form of a currency before a
// number at token j (prefixes.tsv): "Rs 500", "Rs. 5,000", "KSh 100",
// "R$ 10", "N500", "R 200". It returns the code, the token of the number,
// and whether the number must look like a sum (sumShaped).
func (p *parser) shortBefore(j int) (code string, next int, shaped, ok bool) {
	t := p.tok(j)
	if t == nil || t.kind != tWord || !t.upper || t.end-t.start > 4 {
		return "", j, false, false
	}
	forms := p.lx.prefixes[p.str(j)]
	for _, f := range forms {
		if f.where == "after" {
			continue
		}
		k := j + 1
		if f.mark != 0 {
			if !p.isPunct(k, f.mark) || !p.glued(k) {
				continue
			}
			k++
		} else if f.where == "before" && p.isPunct(k, '.') && p.glued(k) {
			k++ // "Rs. 5,000"
		}
		nt := p.tok(k)
		if nt == nil || nt.kind != tNum || nt.gap == gapMore {
			continue
		}
		if (f.where == "shaped" || f.where == "glued") && (nt.gap != gapNone && (nt.gap != gapSpace || f.where == "glued") || t.gap == gapNone && j > 0) {
			continue // "N500", "R 200"; not "AN500", "N 500"
		}
		return f.code, k, f.where != "before", true
	}
	return "", j, false, false
}

// sumShaped reports whether n is written like a sum of money rather than a
// model, road or grade number: with thousands separators, decimals or a
// scale, or a round plain number of at least 100 ("N500", "R 200").
func sumShaped(n num) bool {
	if n.words || n.article || n.ord || n.vague {
		return false
	}
	return n.grouped || n.scaled || n.val != math.Trunc(n.val) || n.val >= 100 && math.Mod(n.val, 10) == 0
}

// isEndish reports whether token i ends a phrase: nothing, or punctuation.
func isEndish(p *parser, i int) bool {
	t := p.tok(i)
	return t == nil || t.kind == tPunct
}

// cents reads the hundredths written after a sum in a currency: "et 23
// centimes", "23 cents", "and fourteen", "43c".
func (p *parser) cents(j int) (float64, int) {
	k := j
	if w := p.lower(k); p.near(k) && (w == "et" || w == "and") {
		k++
	}
	if !p.near(k) {
		return 0, j
	}
	n, ok := p.number(k, false)
	if !ok || n.ord || n.vague || n.article || n.val <= 0 || n.val >= 100 || n.val != float64(int64(n.val)) {
		return 0, j
	}
	e := n.end
	if ph, pe, ok := match(p.lx.currency, p.toks, e); ok && ph.val == "CENT" && p.near(e) {
		return n.val / 100, pe
	}
	if isEndish(p, e) {
		return n.val / 100, e
	}
	return 0, j
}

// period reads a rate's period after an amount ("par mois", "a year").
func (p *parser) period(j int, m *Match) int {
	if !p.near(j) {
		return j
	}
	if ph, e, ok := match(p.lx.periods, p.toks, j); ok {
		m.Period = ph.val
		return e
	}
	return j
}

// noun reads the counted noun at token j ("soldats", "de personnes",
// "grands gazoducs", "casques bleus") and returns its lemma.
func (p *parser) noun(j int, n num) (string, int, bool) {
	k := j
	needOf := n.vague || n.approx && n.words || n.scaled && n.words
	if p.info(k).flags&wOf != 0 {
		if !needOf || !p.near(k+1) {
			return "", j, false
		}
		k++
	} else if needOf && !p.en {
		return "", j, false
	} else if needOf && p.en && (n.vague || p.lower(n.end-1) == "couple") {
		return "", j, false
	}
	if ph, e, ok := match(p.lx.compounds, p.toks, k); ok {
		return ph.val, e, true
	}
	for a := 0; a < 2 && (p.info(k).flags&wAdj != 0 || p.en && adjSuffix(p.lower(k))) && p.near(k+1) && p.tok(k+1).kind == tWord; a++ {
		k++
	}
	if ph, e, ok := match(p.lx.compounds, p.toks, k); ok {
		return ph.val, e, true
	}
	t := p.tok(k)
	if t == nil || t.kind != tWord || t.gap == gapMore {
		return "", j, false
	}
	in := p.lx.info[t.id]
	if in.flags&^wLabel != 0 || in.class != nNone || in.ord != 0 || t.end-t.start < 2 { // a label is a noun too: "one channel"
		return "", j, false
	}
	if _, _, ok := match(p.lx.currency, p.toks, k); ok {
		return "", j, false
	}
	w := p.text[t.start:t.end]
	if p.en && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")) {
		return "", j, false // "76 increased": a verb or an adverb
	}
	if p.en {
		lw := strings.ToLower(w)
		plural := pluralForm("en", lw)
		switch {
		case adjSuffix(lw):
			return "", j, false // "five fruitless games": an adjective
		case t.upper && !plural:
			return "", j, false // "one Reddit user", "1 Ltd": a name
		case !n.vague && !n.scaled && n.val == 1 && plural:
			return "", j, false // "number one albums", "one fears": not a singular noun
		case (n.vague || n.val != 1) && !plural:
			return "", j, false // "zero must", "net zero emissions target"
		case !n.vague && n.val == 1 && strings.HasSuffix(lw, "ing") && p.near(k+1) && p.info(k+1).flags&wDet != 0:
			return "", j, false // "one calling it": a pronoun and a verb
		case p.isPunct(k+1, '-') && p.glued(k+1) && p.glued(k+2) && p.tok(k+2).kind == tWord:
			return "", j, false // "one head-kick finish": a compound modifier
		}
	}
	if t.gap == gapNone && p.toks[k-1].kind == tNum {
		return "", j, false // "3DS", "20holds"
	}
	if !n.vague && (n.val >= 2 || n.scaled) && !pluralForm(p.lx.lang, strings.ToLower(w)) {
		return "", j, false // "deux contiennent": a verb, not a plural noun
	}
	if isYear(n) && p.toks[n.start].end-p.toks[n.start].start == 4 {
		return "", j, false // a year
	}
	if strings.HasSuffix(w, "'") || strings.HasSuffix(w, "\u2019") {
		return "", j, false
	}
	if isAllUpper(w) {
		return "", j, false
	}
	return lemma(p.lx.lang, w), k + 1, true
}

// notCount reports whether the number n, whose amount starts at token
// from, counts nothing whatever follows it: glued to a word by a hyphen
// ("Covid-19 patients", "no-one else", "top-six finishes"), after a label
// ("number one albums", "type 1 diabetes"), inside a name ("Formula 1
// champion", "FTSE 100 companies", "the Six Nations"), or the second term
// of a ratio ("one in 10 students", "93 per 100,000 children").
func (p *parser) notCount(from int, n num) bool {
	k := n.start
	first := p.tok(k)
	if p.isPunct(k-1, '-', '\u2010', '\u2011') && first.gap == gapNone && p.glued(k-1) && p.tok(k-2).kind == tWord {
		return true
	}
	if k == from && p.near(k) && p.info(k-1).flags&wLabel != 0 {
		return true
	}
	if first.kind == tWord && first.upper && !p.startsSentence(k) {
		return true // "the Six Nations", "BBC One"
	}
	if k == from && first.gap != gapMore && (first.kind == tNum || first.upper) {
		if t := p.tok(k - 1); t != nil && t.kind == tWord && t.upper && p.info(k-1).flags == 0 && p.info(k-1).class == nNone && !p.startsSentence(k-1) {
			return true // "Formula 1", "FTSE 100", "France 24"
		}
	}
	// Ratios: "one in 10", "neuf sur dix", "per 100,000", "pour 100 000".
	if w := p.known(from - 1); p.near(from) && w != "" {
		switch w {
		case "in", "sur":
			// "one in four", "neuf sur dix": the first term is smaller.
			if b := p.tok(from - 2); b != nil && !n.vague {
				v := -1.0
				if b.kind == tNum && b.end-b.start <= 3 {
					v, _ = strconv.ParseFloat(p.str(from-2), 64)
				} else if in := p.info(from - 2); in.class == nUnit || in.class == nTeen || in.class == nTen {
					v = in.num
				}
				if v > 0 && v < n.val {
					return true
				}
			}
		case "per", "pour":
			if !n.vague && n.val >= 10 && isPow10(n.val) {
				return true
			}
		}
	}
	return false
}

// startsSentence reports whether token i may begin a sentence: the first
// token, after a line break, or after a mark other than a comma or hyphen.
func (p *parser) startsSentence(i int) bool {
	t := p.tok(i)
	if t == nil || i == 0 || t.gap == gapMore {
		return true
	}
	prev := p.toks[i-1]
	return prev.kind == tPunct && prev.id != -',' && prev.id != -'-' && prev.id != -';'
}

// isPow10 reports whether v is a power of ten.
func isPow10(v float64) bool {
	for v >= 10 && math.Mod(v, 10) == 0 {
		v /= 10
	}
	return v == 1
}

// adjSuffix reports whether a lower-case English word ends like an
// adjective that is never a noun: "serious", "fruitless", "joyful".
func adjSuffix(w string) bool {
	return strings.HasSuffix(w, "ous") || strings.HasSuffix(w, "ful") || strings.HasSuffix(w, "less")
}

func isAllUpper(s string) bool { return strings.ToUpper(s) == s }

// parts reads the split of a count given right after it: ", deux d'or et
// un de magnésium". The parts' values must add up to at most total.
func (p *parser) parts(j int, total float64) ([]Part, int) {
	start := j
	// Adjectives after the noun: "trois gisements miniers, deux d'or…".
	for a := 0; a < 2 && !p.isPunct(j, ',', ':', '(') && p.near(j) && p.tok(j).kind == tWord && !p.tok(j).upper && p.info(j).flags == 0 && p.info(j).class == nNone; a++ {
		j++
	}
	if !p.isPunct(j, ',', ':', '(') {
		return nil, start
	}
	k := j + 1
	var parts []Part
	sum := 0.0
	end := j
	for len(parts) < 6 {
		if len(parts) > 0 {
			switch {
			case p.isPunct(k, ',') && p.near(k+1):
				k++
			case p.near(k) && p.info(k).flags&wLink != 0 && (p.lower(k) == "et" || p.lower(k) == "and"):
				k++
			default:
				goto done
			}
			if w := p.lower(k); p.near(k) && (w == "et" || w == "and") {
				k++
			}
		}
		if !p.near(k) {
			break
		}
		n, ok := p.number(k, false)
		if !ok || n.ord || n.vague {
			break
		}
		q := n.end
		if !p.near(q) || p.info(q).flags&wOf == 0 || !p.near(q+1) || p.tok(q+1).kind != tWord {
			break
		}
		in := p.info(q + 1)
		if in.flags&(wStop|wMeasure) != 0 || in.class != nNone {
			break
		}
		qual := p.str(q + 1)
		parts = append(parts, Part{Start: p.toks[k].start, End: p.toks[q+1].end, Value: n.val, Qualifier: qual})
		sum += n.val
		k = q + 2
		end = k
	}
done:
	if len(parts) < 2 || sum > total {
		return nil, start
	}
	return parts, end
}

// link pairs each sum of money with the equivalent given right after it
// in brackets, and gives the pair the period written after the bracket.
func (p *parser) link(ms []Match) {
	for k := 0; k+1 < len(ms); k++ {
		a, b := &ms[k], &ms[k+1]
		if a.Kind != KindMoney || b.Kind != KindMoney {
			continue
		}
		bracket := p.isPunct(a.tokEnd, '(') && b.tokStart == a.tokEnd+1 && p.isPunct(b.tokEnd, ')')
		// "500 000 francs CFA, soit 762 euros".
		q := a.tokEnd
		if p.isPunct(q, ',') {
			q++
		}
		soit := !p.en && p.lower(q) == "soit" && b.tokStart == q+1
		if !bracket && !soit {
			continue
		}
		a.Equiv, b.Equiv = k+1, k
		if a.Period == "" && b.Period == "" {
			var per Match
			if e := p.period(b.tokEnd+1, &per); bracket && e > b.tokEnd+1 {
				a.Period, b.Period = per.Period, per.Period
			}
		}
	}
}

// mayGlueTen reports whether an unknown English word may be a ten glued to
// an ordinal ("thirtyfirst"), cheaply.
func mayGlueTen(w string) bool {
	if len(w) < 8 {
		return false
	}
	switch strings.ToLower(w[:3]) {
	case "twe", "thi", "for", "fif", "six", "sev", "eig", "nin":
		return true
	}
	return false
}

// pluralForm reports whether a lower-case noun can be a plural.
func pluralForm(lang, w string) bool {
	if lang == "en" && (strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is")) {
		return false // "business", "bonus", "crisis": singular
	}
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") {
		return true
	}
	if lang == "en" {
		_, ok := enIrregular[w]
		return ok
	}
	return false
}

// isYear reports whether n may be a year: plain digits from 1900 to 2100.
func isYear(n num) bool { return n.plain && n.val >= 1900 && n.val <= 2100 }

// isYearLike reports whether n is four plain digits from 1000 to 2100.
func isYearLike(p *parser, n num) bool {
	return n.plain && p.toks[n.start].end-p.toks[n.start].start == 4 && n.val >= 1000 && n.val <= 2100
}

func boolf(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
