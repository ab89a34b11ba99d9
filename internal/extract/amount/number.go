package amount

import (
	"math"
	"strconv"
	"strings"
)

// maxGroups bounds the groups of three digits read after the first
// ("1 000 000 000 000 000 000" has six), so that a long run of digit groups
// costs linear time.
const maxGroups = 6

// maxDigits bounds the digits of one number's integer or decimal part.
const maxDigits = 24

// num is a number read at a run of tokens [start, end).
type num struct {
	start, end int     // token indexes
	val        float64 // the value; for a vague number, 0
	ord        bool    // an ordinal ("11e", "thirty-first")
	vague      bool    // "des milliers": no value, only mag
	mag        int     // power of ten of a vague number
	approx     bool    // a collective ("une dizaine", "un millier")
	words      bool    // written, at least partly, in words
	grouped    bool    // digits with thousands separators
	scaled     bool    // with a scale word or suffix ("3 milliards", "100k")
	plain      bool    // one run of digits and nothing else
	article    bool    // "un", "a" alone: 1 only where the context says so
	frac       bool    // a fraction: "deux tiers", "a quarter"
}

// parser reads amounts in one text.
type parser struct {
	text string
	toks []token
	lx   *lexicon
	en   bool
}

func (p *parser) tok(i int) *token {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
}

func (p *parser) isPunct(i int, rs ...rune) bool {
	t := p.tok(i)
	if t == nil || t.kind != tPunct {
		return false
	}
	for _, r := range rs {
		if t.id == -r {
			return true
		}
	}
	return false
}

func (p *parser) info(i int) wordInfo {
	t := p.tok(i)
	if t == nil || t.kind != tWord {
		return wordInfo{}
	}
	return p.lx.info[t.id]
}

func (p *parser) str(i int) string { t := p.toks[i]; return p.text[t.start:t.end] }

// glued reports whether token i exists and touches the token before it.
func (p *parser) glued(i int) bool {
	t := p.tok(i)
	return t != nil && t.gap == gapNone
}

// near reports whether token i exists and follows the one before it after
// at most one space.
func (p *parser) near(i int) bool {
	t := p.tok(i)
	return t != nil && t.gap != gapMore
}

// number reads a number at token i: digits (with their separators, decimal
// part, suffix and scale word), words, or both. money allows the suffixes
// "m" and "mn" (millions), read only after a currency.
func (p *parser) number(i int, money bool) (num, bool) {
	t := p.tok(i)
	if t == nil {
		return num{}, false
	}
	if t.kind == tWord {
		return p.words(i)
	}
	return p.digits(i, money)
}

func (p *parser) digits(i int, money bool) (num, bool) {
	n := num{start: i}
	j := i
	neg := false
	if p.isPunct(j, '-', '−') && (p.glued(j+1) || j == 0 && p.near(j+1)) && p.tok(j+1) != nil &&
		(p.tok(j+1).kind == tNum || p.isPunct(j+1, '.', ',')) &&
		(j == 0 || p.toks[j].gap != gapNone && p.toks[j-1].kind != tNum) {
		neg = true
		j++
	}
	dec, grp := ',', '.'
	if p.en {
		dec, grp = '.', ','
	}
	var intPart, frac string
	switch {
	case p.isPunct(j, dec) && p.glued(j+1) && p.toks[j+1].kind == tNum && (j == 0 || p.toks[j].gap != gapNone || neg):
		intPart, frac = "0", p.str(j+1)
		j += 2
	case p.tok(j) != nil && p.toks[j].kind == tNum:
		if t := p.toks[j]; t.gap == gapNone && j > 0 && !neg {
			// Glued to a word or a number mark: "G20", "A320", "COVID-19", "n°3".
			if prev := p.toks[j-1]; prev.kind == tWord || p.isPunct(j-1, '-', '/', ':', '°', '#', '.', ',', '_', '@', '+', '^') {
				if !(prev.kind == tWord && p.isCodeOrSymbolBefore(j-1)) && !(money && p.isShortFormBefore(j-1)) {
					return num{}, false
				}
			}
		}
		if p.spacedGroup(j) && p.toks[j-1].end-p.toks[j-1].start <= 3 {
			return num{}, false // the middle of "1 000 000": read whole or not at all
		}
		intPart = p.str(j)
		j++
		// Thousands separators.
		switch {
		case len(intPart) <= 3 && p.spacedGroup(j):
			for groups := 0; groups < maxGroups && p.spacedGroup(j); groups++ {
				intPart += p.str(j)
				j++
				n.grouped = true
			}
			if p.spacedGroup(j) {
				return num{}, false // more groups than any amount has
			}
		case p.isPunct(j, grp) && p.glued(j) && p.glued(j+1) && p.toks[j+1].kind == tNum && p.toks[j+1].end-p.toks[j+1].start == 3:
			for groups := 0; groups < maxGroups && p.isPunct(j, grp) && p.glued(j) && p.glued(j+1) && p.toks[j+1].kind == tNum && p.toks[j+1].end-p.toks[j+1].start == 3; groups++ {
				intPart += p.str(j + 1)
				j += 2
				n.grouped = true
			}
		case p.en && p.isPunct(j, '.') && p.glued(j) && p.glued(j+1) && p.toks[j+1].kind == tNum && p.toks[j+1].end-p.toks[j+1].start == 3 &&
			p.isPunct(j+2, '.') && p.glued(j+2) && p.glued(j+3) && p.tok(j+3).kind == tNum && p.toks[j+3].end-p.toks[j+3].start == 3:
			for groups := 0; groups < maxGroups && p.isPunct(j, '.') && p.glued(j) && p.glued(j+1) && p.toks[j+1].kind == tNum && p.toks[j+1].end-p.toks[j+1].start == 3; groups++ {
				intPart += p.str(j + 1)
				j += 2
				n.grouped = true
			}
			dec = ','
		}
		// Decimal part.
		if p.isPunct(j, dec) && p.glued(j) && p.glued(j+1) && p.toks[j+1].kind == tNum {
			frac = p.str(j + 1)
			j += 2
		} else if !p.en && !n.grouped && p.isPunct(j, '.') && p.glued(j) && p.glued(j+1) && p.toks[j+1].kind == tNum && p.toks[j+1].end-p.toks[j+1].start != 3 {
			frac = p.str(j + 1)
			j += 2
		}
	default:
		return num{}, false
	}
	// A date, a time, a version or a score: "15.09.2021", "14:30", "3/4".
	if (p.isPunct(j, '.', '/', ':', ',') && p.glued(j) && p.glued(j+1) && p.toks[j+1].kind == tNum) || p.isPunct(j, 'h') {
		return num{}, false
	}
	if p.powerAt(j) {
		return num{}, false // "10^400", "1e308", "2.5E-3": read whole or not at all
	}
	if len(intPart) > maxDigits || len(frac) > maxDigits {
		return num{}, false
	}
	s := intPart
	if frac != "" {
		s += "." + frac
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return num{}, false
	}
	n.plain = frac == "" && !n.grouped && !neg && j == i+1
	// Glued suffix: multiplier or ordinal mark.
	if p.tok(j) != nil && p.toks[j].kind == tWord && p.glued(j) {
		suf := p.str(j)
		if m := suffixMult(suf, money, frac != ""); m > 0 {
			v = roundSig(v * m)
			n.scaled, n.plain = true, false
			j++
		} else if p.ordSuffix(suf) && frac == "" && !n.grouped {
			n.ord, n.plain = true, false
			j++
		}
	}
	// A spaced multiplier before a currency: "5 M€", "2,5 Md€", "2 Mds €".
	if !n.ord && !n.scaled && p.near(j) && p.toks[j].kind == tWord && p.toks[j].gap != gapNone && p.near(j+1) {
		if suf := p.str(j); suf != "m" && suf != "mn" {
			if m := suffixMult(suf, true, frac != ""); m > 0 {
				if _, _, ok := match(p.lx.currency, p.toks, j+1); ok {
					v = roundSig(v * m)
					n.scaled, n.plain = true, false
					j++
				}
			}
		}
	}
	// "1 point 1".
	if p.en && !n.ord && frac == "" && p.near(j) && p.toks[j].kind == tWord && p.info(j).class == nPoint && p.near(j+1) && p.tok(j+1).kind == tNum {
		if f, err := strconv.ParseFloat(intPart+"."+p.str(j+1), 64); err == nil {
			v = f
			j += 2
			n.plain = false
		}
	}
	// Scale word: "3 milliards", "1,5 million", "5 thousand", "30 lakh".
	if !n.ord && !n.scaled && p.near(j) {
		if in := p.info(j); in.class == nScale || in.class == nHundred && p.en {
			v = roundSig(v * in.num)
			n.scaled, n.words, n.plain = true, true, false
			j++
		}
	}
	if neg {
		v = -v
	}
	n.val, n.end = v, j
	return n, true
}

// spacedGroup reports whether token j is a group of three digits after a
// space or a no-break space, right after other digits: the "000" of
// "1 000".
func (p *parser) spacedGroup(j int) bool {
	t := p.tok(j)
	return t != nil && j > 0 && t.kind == tNum && (t.gap == gapSpace || t.gap == gapNBSP) && t.end-t.start == 3 && p.toks[j-1].kind == tNum
}

// powerAt reports whether token j, glued to the digits before it, goes on
// with an exponent: "^400", "e308", "E+9", "e-5".
func (p *parser) powerAt(j int) bool {
	if !p.glued(j) {
		return false
	}
	k := j + 1
	switch {
	case p.isPunct(j, '^'):
		if p.isPunct(k, '-', '+', '−') && p.glued(k) {
			k++
		}
	case p.toks[j].kind == tWord && p.toks[j].end-p.toks[j].start == 1 && (p.text[p.toks[j].start] == 'e' || p.text[p.toks[j].start] == 'E'):
		if p.isPunct(k, '-', '+', '−') && p.glued(k) {
			k++
		}
	default:
		return false
	}
	return p.glued(k) && p.toks[k].kind == tNum
}

// isCodeOrSymbolBefore reports whether the word at i is a currency code or
// sign glued before digits ("USD3.14", "US$").
func (p *parser) isCodeOrSymbolBefore(i int) bool {
	w := p.str(i)
	return len(w) == 3 && strings.ToUpper(w) == w && isISO(w)
}

// isShortFormBefore reports whether token i ends a short form of a
// currency written before digits (prefixes.tsv): "N500", "Rs5,000",
// "Rs.5,000", "R$30".
func (p *parser) isShortFormBefore(i int) bool {
	t := p.tok(i)
	if t == nil {
		return false
	}
	if t.kind == tPunct && i > 0 && p.toks[i-1].kind == tWord && t.gap == gapNone {
		for _, f := range p.lx.prefixes[p.str(i-1)] {
			if f.where != "after" && (f.mark == -t.id || f.mark == 0 && t.id == -'.' && f.where == "before") {
				return true
			}
		}
		return false
	}
	for _, f := range p.lx.prefixes[p.str(i)] {
		if f.where != "after" && f.mark == 0 {
			return true
		}
	}
	return false
}

// suffixMult returns the multiplier of a glued suffix ("k", "M", "bn"), 0
// when s is none. "m" and "mn" count only after a currency; "G" only with
// a decimal part.
func suffixMult(s string, money, decimal bool) float64 {
	switch s {
	case "k", "K":
		return 1e3
	case "M":
		return 1e6
	case "G":
		if decimal {
			return 1e9
		}
	case "bn", "Bn", "md", "Md", "mds", "Mds", "mrd", "Mrd":
		return 1e9
	case "m", "mn", "Mn":
		if money {
			return 1e6
		}
	}
	return 0
}

func (p *parser) ordSuffix(s string) bool {
	s = strings.ToLower(s)
	if p.en {
		switch s {
		case "st", "nd", "rd", "th":
			return true
		}
		return false
	}
	switch s {
	case "er", "ère", "ere", "re", "e", "ème", "eme", "ième", "ieme", "nd", "nde", "è":
		return true
	}
	return false
}

// lastKind tells what the last component of a number in words was, to
// know what may follow it.
const (
	lkNone = iota
	lkUnit
	lkTeen
	lkTen
	lkHundred
	lkScale
)

func (p *parser) words(i int) (num, bool) {
	n := num{start: i, words: true}
	var total, cur float64
	last, lastVal := lkNone, 0.0
	prevScale := math.Inf(1)
	j := i
	end := i
	// add tries to add a component v of kind k; false when it cannot
	// follow what came before.
	add := func(v float64, k int) bool {
		switch last {
		case lkNone, lkHundred, lkScale:
		case lkTen:
			if !(k == lkUnit || !p.en && k == lkTeen && (lastVal == 60 || lastVal == 80)) {
				return false
			}
		case lkTeen:
			if !(!p.en && lastVal == 10 && k == lkUnit && v >= 7) {
				return false
			}
		case lkUnit:
			if p.en && k == lkTen && cur < 10 && total == 0 {
				cur = cur*100 + v // "one twenty two"
				last, lastVal = k, v
				return true
			}
			if !p.en && k == lkTen && v == 20 && lastVal == 4 {
				cur += 76 // quatre-vingt
				last, lastVal = lkTen, 80
				return true
			}
			return false
		}
		cur += v
		last, lastVal = k, v
		return true
	}
	for j < len(p.toks) {
		t := p.toks[j]
		if j > i {
			if t.gap == gapMore {
				break
			}
			// Connectors: hyphens, "et", "and".
			if t.kind == tPunct && (t.id == -'-' || t.id == -'—' || t.id == -'–') && t.gap == gapNone && p.glued(j+1) && p.tok(j+1).kind == tWord {
				j++
				continue
			}
			if t.kind == tWord && p.info(j).flags&wLink != 0 && p.near(j+1) && last != lkNone {
				w := strings.ToLower(p.str(j))
				nxi := j + 1
				if p.isPunct(nxi, '-') && p.glued(nxi) && p.glued(nxi+1) {
					nxi++ // "vingt-et-un"
				}
				nx := p.info(nxi)
				if w == "et" && last == lkTen && (nx.class == nArticle || nx.num == 11 && nx.class == nTeen || nx.ord == 1) {
					j++
					continue
				}
				if w == "and" && (last == lkHundred || last == lkScale) && (nx.class == nUnit || nx.class == nTeen || nx.class == nTen || nx.ord > 0 && nx.ord < 100) {
					j++
					continue
				}
				break
			}
		}
		if t.kind != tWord {
			break
		}
		in := p.lx.info[t.id]
		if t.id == 0 && p.en && j > i && last == lkNone {
			break
		}
		if t.id == 0 && p.en {
			// "thirtyfirst", "seventythird".
			if v, o, ok := p.glueTen(p.str(j)); ok && add(v, lkTen) {
				if o > 0 || add(o, lkUnit) {
					if o > 0 {
						cur += o
						n.ord = true
					}
					end = j + 1
					if n.ord {
						break
					}
					j++
					continue
				}
			}
			break
		}
		if in.ord > 0 && (in.class == nNone || in.class == nArticle || in.class == nFrac && !(last == lkUnit && j > i)) && !(j == i && in.class == nArticle) {
			if in.ord >= 100 && cur > 0 {
				cur *= in.ord
			} else if in.ord >= 100 {
				cur = in.ord
			} else {
				k := lkUnit
				switch {
				case in.ord >= 20:
					k = lkTen
				case in.ord >= 10:
					k = lkTeen
				}
				if !add(in.ord, k) {
					break
				}
			}
			n.ord = true
			end = j + 1
			break
		}
		stop := false
		switch in.class {
		case nZero:
			if j == i {
				end = j + 1
			}
			stop = true
		case nArticle:
			if j == i {
				nx := p.info(j + 1)
				if p.near(j+1) && (nx.class == nScale || nx.class == nHundred || nx.class == nColl || nx.class == nCouple || nx.class == nFrac) {
					cur, last, lastVal = 1, lkUnit, 1
					j++
					n.article = false
					end = j
					continue
				}
				n.article = true
				end = j + 1
				stop = true
				break
			}
			if p.en || !add(1, lkUnit) {
				stop = true
				break
			}
			end = j + 1
		case nUnit:
			if !add(in.num, lkUnit) {
				stop = true
				break
			}
			end = j + 1
		case nTeen:
			if !add(in.num, lkTeen) {
				stop = true
				break
			}
			end = j + 1
		case nTen:
			if !add(in.num, lkTen) {
				stop = true
				break
			}
			end = j + 1
		case nHundred:
			if last == lkHundred || cur >= 100 {
				stop = true
				break
			}
			if cur == 0 {
				cur = 1
			}
			cur *= 100
			last, lastVal = lkHundred, 100
			end = j + 1
		case nScale:
			if total == 0 && cur == 0 && in.plural > 0 && j == i {
				// "millions de personnes": vague.
				n.vague, n.mag = true, int(in.plural)
				end = p.moreMagnitude(j+1, &n)
				stop = true
				break
			}
			if in.num >= prevScale {
				stop = true
				break
			}
			if cur == 0 {
				if total > 0 || j == i && (p.en || in.num != 1000) {
					// "million" alone is not a number; "mille" is.
					stop = true
					break
				}
				cur = 1
			}
			total += cur * in.num
			cur = 0
			prevScale = in.num
			last, lastVal = lkScale, in.num
			n.scaled = true
			end = j + 1
		case nColl:
			if total != 0 || cur > 1 && !p.en || cur == 0 && !p.en {
				// "une vingtaine", not "quarantaine" alone (a quarantine).
				stop = true
				break
			}
			if cur == 0 {
				cur = 1
			}
			cur *= in.num
			n.approx = true
			end = j + 1
			stop = true
		case nFrac:
			if last == lkUnit && cur >= 1 && cur < 10 && total == 0 && j > i {
				cur *= in.num
				n.frac = true
				end = j + 1
			}
			stop = true
		case nCouple:
			if j == i+1 && p.info(i).class == nArticle {
				cur = 2
				end = j + 1
			}
			stop = true
		case nPlural:
			if j == i {
				n.vague, n.mag = true, int(in.plural)
				end = p.moreMagnitude(j+1, &n)
			}
			stop = true
		case nPoint:
			if p.en && last != lkNone && p.near(j+1) {
				// "two point two (million)".
				var digits strings.Builder
				k := j + 1
				for k < len(p.toks) && p.near(k) && p.info(k).class == nUnit || k < len(p.toks) && p.near(k) && p.info(k).class == nZero {
					digits.WriteByte(byte('0' + int(p.info(k).num)))
					k++
				}
				if k == j+1 && p.tok(k).kind == tNum {
					digits.WriteString(p.str(k))
					k++
				}
				if digits.Len() > 0 {
					f, _ := strconv.ParseFloat("0."+digits.String(), 64)
					cur += f
					end = k
					j = k
					if p.near(j) && p.info(j).class == nScale {
						total += cur * p.info(j).num
						cur = 0
						end = j + 1
						n.scaled = true
					}
				}
			}
			stop = true
		default:
			stop = true
		}
		if stop {
			break
		}
		j++
	}
	if end == i {
		return num{}, false
	}
	n.end = end
	if !n.vague {
		n.val = roundSig(total + cur)
		if n.article {
			n.val = 1
		}
	}
	return n, true
}

// moreMagnitude reads "de milliers", "of thousands" after a vague plural,
// adding to n.mag; it returns the index after what it read.
func (p *parser) moreMagnitude(j int, n *num) int {
	if p.near(j) && p.info(j).flags&wOf != 0 && p.near(j+1) {
		in := p.info(j + 1)
		if in.plural >= 3 {
			n.mag += int(in.plural)
			return j + 2
		}
	}
	return j
}

// glueTen splits an English word written without a hyphen, "thirtyfirst",
// into its ten (30) and its unit or ordinal (1, ordinal); ord is 0 when
// the rest is a cardinal unit, added by the caller.
func (p *parser) glueTen(w string) (ten, ord float64, ok bool) {
	lw := strings.ToLower(w)
	for _, pre := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		if rest, found := strings.CutPrefix(lw, pre); found && rest != "" {
			in := p.lx.info[p.lx.lookup(rest)]
			ten = p.lx.info[p.lx.lookup(pre)].num
			if in.ord > 0 && in.ord < 10 {
				return ten, in.ord, true
			}
		}
	}
	return 0, 0, false
}

// roundSig rounds v to 15 significant digits, so that 8.3 × 1e6 is
// 8300000 and not 8300000.000000001.
func roundSig(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return r
}
