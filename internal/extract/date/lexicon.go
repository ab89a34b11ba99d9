package date

import (
	"bufio"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/*.tsv
var dataFS embed.FS

// class is what a lexicon phrase means to the parser.
type class uint8

const (
	cNone class = iota
	cMonth
	cWeekday
	cRelDay
	cNow
	cLast
	cNext
	cThis
	cUnit
	cAgo
	cLater
	cEarlier
	cSince
	cDuring
	cIn
	cEn
	cWithin
	cBound
	cNum
	cOrd
	cOrdSuf
	cHMark
	cAmPm
	cClock
	cDayPart
	cDet
	cOf
	cAt
	cTo
	cAnd
	cBetween
	cFrom
	cPart
	cVague
	cApproxNum
	cWeekJump
	cNth
	cWeekend
	cMinOp
	cFrac
	cPartOf
	cHoliday
	cSeason
	cOClock
	cBy
	cRest
	cAnaDay
	cFollowing
)

var classNames = map[string]class{
	"month": cMonth, "weekday": cWeekday, "relday": cRelDay, "now": cNow,
	"last": cLast, "next": cNext, "this": cThis, "unit": cUnit, "ago": cAgo,
	"later": cLater, "earlier": cEarlier, "since": cSince, "during": cDuring,
	"in": cIn, "en": cEn, "within": cWithin, "bound": cBound, "num": cNum,
	"ord": cOrd, "ordsuf": cOrdSuf, "hmark": cHMark, "ampm": cAmPm,
	"clock": cClock, "daypart": cDayPart, "det": cDet, "of": cOf, "at": cAt,
	"to": cTo, "and": cAnd, "between": cBetween, "from": cFrom, "part": cPart,
	"vague": cVague, "approxnum": cApproxNum, "weekjump": cWeekJump, "nth": cNth,
	"weekend": cWeekend, "minop": cMinOp, "frac": cFrac, "partof": cPartOf, "holiday": cHoliday, "season": cSeason, "oclock": cOClock, "by": cBy, "rest": cRest, "anaday": cAnaDay, "following": cFollowing,
}

// entry is one meaning of a phrase.
type entry struct {
	cls  class
	n    int    // numeric value (month, weekday, number, day offset…)
	s    string // symbolic value (unit, bound, day part…)
	weak bool   // taken only next to a number ("may", "mar")
}

// phrase is a sequence of word IDs with its meanings.
type phrase struct {
	words   []int32
	entries []entry
}

// lexicon holds one language's phrases, indexed by their first word.
type lexicon struct {
	ids   map[string]int32   // folded word → ID (IDs start at 1)
	first map[int32][]phrase // longest phrases first
}

var (
	lexOnce  sync.Once
	lexicons map[string]*lexicon
	lexErr   error
)

// lexiconFor returns the lexicon of lang ("fr" or "en"), nil for others.
func lexiconFor(lang string) *lexicon {
	lexOnce.Do(func() {
		lexicons = map[string]*lexicon{}
		for _, l := range []string{"fr", "en"} {
			lx, err := loadLexicon("data/" + l + ".tsv")
			if err != nil {
				lexErr = err
				return
			}
			lexicons[l] = lx
		}
	})
	if lexErr != nil {
		panic(lexErr) // embedded data is checked by the tests
	}
	return lexicons[lang]
}

func loadLexicon(name string) (*lexicon, error) {
	f, err := dataFS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lx := &lexicon{ids: map[string]int32{}, first: map[int32][]phrase{}}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cols := strings.Split(t, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("date: %s:%d: want 3 tab-separated columns", name, line)
		}
		cls, ok := classNames[cols[1]]
		if !ok {
			return nil, fmt.Errorf("date: %s:%d: unknown class %q", name, line, cols[1])
		}
		e := entry{cls: cls}
		val := cols[2]
		if v, found := strings.CutSuffix(val, " weak"); found {
			e.weak, val = true, v
		}
		if n, err := strconv.Atoi(val); err == nil {
			e.n = n
		} else {
			e.s = val
		}
		var words []int32
		for _, w := range strings.Fields(cols[0]) {
			w = fold(w)
			id, ok := lx.ids[w]
			if !ok {
				id = int32(len(lx.ids) + 1)
				lx.ids[w] = id
			}
			words = append(words, id)
		}
		lx.add(words, e)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return lx, nil
}

func (lx *lexicon) add(words []int32, e entry) {
	ps := lx.first[words[0]]
	for i := range ps {
		if equalIDs(ps[i].words, words) {
			ps[i].entries = append(ps[i].entries, e)
			return
		}
	}
	ps = append(ps, phrase{words: words, entries: []entry{e}})
	// Longest first, so that the parser tries "plus d une" before "plus d".
	for i := len(ps) - 1; i > 0 && len(ps[i].words) > len(ps[i-1].words); i-- {
		ps[i], ps[i-1] = ps[i-1], ps[i]
	}
	lx.first[words[0]] = ps
}

func equalIDs(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fold lower-cases s and strips the accents of Latin letters.
func fold(s string) string {
	var buf [64]byte
	return string(foldInto(buf[:0], s))
}

// foldInto appends the folded form of s to dst.
func foldInto(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if b := foldRune(r); b != 0 {
			dst = append(dst, b)
			continue
		}
		switch unicode.ToLower(r) {
		case 'œ':
			dst = append(dst, 'o', 'e')
		case 'æ':
			dst = append(dst, 'a', 'e')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// foldRune maps an accented Latin letter to its base letter, lower case.
func foldRune(r rune) byte {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å':
		return 'a'
	case 'ç', 'Ç':
		return 'c'
	case 'è', 'é', 'ê', 'ë', 'È', 'É', 'Ê', 'Ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï', 'Ì', 'Í', 'Î', 'Ï':
		return 'i'
	case 'ñ', 'Ñ':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö':
		return 'o'
	case 'ù', 'ú', 'û', 'ü', 'Ù', 'Ú', 'Û', 'Ü':
		return 'u'
	case 'ý', 'ÿ', 'Ý':
		return 'y'
	}
	return 0
}
