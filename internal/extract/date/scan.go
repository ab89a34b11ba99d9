package date

import (
	"unicode"
	"unicode/utf8"
)

// tkind is the kind of a token.
type tkind uint8

const (
	tWord tkind = iota + 1
	tNum
	tPunct
)

// token is a word, a run of digits or one punctuation character, with its
// byte span in the text.
type token struct {
	start, end int32
	wid        int32 // lexicon word ID; 0 for words the lexicon lacks
	num        int32 // value of a digit run (capped)
	kind       tkind
	gap        byte // what precedes it: 0 nothing, ' ' space, '\'' apostrophe, '-' dash
	ndig       uint8
	c          byte // punctuation character (ASCII), '?' for others
	upper      bool // a word starting with a capital letter
	allUpper   bool
	// Phrase starting at this token: its meanings and the index after it.
	ents []entry
	next int32
}

// tokenize splits text into tokens. Line breaks become a '\n' punctuation
// token, so that no expression spans two lines.
func tokenize(text string, lx *lexicon, toks []token) []token {
	var buf [64]byte
	gap := byte(0)
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			if gap == 0 {
				gap = ' '
			}
			i++
		case c == '\n':
			toks = append(toks, token{start: int32(i), end: int32(i + 1), kind: tPunct, c: '\n', gap: gap})
			gap = 0
			i++
		case c == '-':
			gap = '-'
			i++
		case c == '\'':
			gap = '\''
			i++
		case '0' <= c && c <= '9':
			j := i
			v := int32(0)
			for j < n && '0' <= text[j] && text[j] <= '9' {
				if v < 1e8 {
					v = v*10 + int32(text[j]-'0')
				}
				j++
			}
			nd := j - i
			if nd > 255 {
				nd = 255
			}
			toks = append(toks, token{start: int32(i), end: int32(j), kind: tNum, num: v, ndig: uint8(nd), gap: gap})
			gap = 0
			i = j
		case ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || c >= utf8.RuneSelf:
			j := i
			b := buf[:0]
			upper := 'A' <= c && c <= 'Z'
			allUpper := true
			first := true
			for j < n {
				d := text[j]
				if d < utf8.RuneSelf {
					if 'a' <= d && d <= 'z' {
						allUpper = false
					} else if !('A' <= d && d <= 'Z') {
						break
					}
					if len(b) < cap(b) {
						if 'A' <= d && d <= 'Z' {
							d += 'a' - 'A'
						}
						b = append(b, d)
					}
					j++
					first = false
					continue
				}
				r, size := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
					break
				}
				if first && unicode.IsUpper(r) {
					upper = true
				}
				if unicode.IsLower(r) {
					allUpper = false
				}
				if len(b) < cap(b)-4 {
					b = foldInto(b, text[j:j+size])
				}
				first = false
				j += size
			}
			if j == i { // a non-letter rune
				r, size := utf8.DecodeRuneInString(text[i:])
				switch {
				case r == '\u2019' || r == '\u02bc':
					gap = '\''
				case r == '\u2013' || r == '\u2014' || r == '\u2010' || r == '\u2011':
					gap = '-'
				case unicode.IsSpace(r):
					if gap == 0 {
						gap = ' '
					}
				default:
					toks = append(toks, token{start: int32(i), end: int32(i + size), kind: tPunct, c: '?', gap: gap})
					gap = 0
				}
				i += size
				continue
			}
			t := token{start: int32(i), end: int32(j), kind: tWord, gap: gap, upper: upper, allUpper: allUpper && j-i > 1}
			if lx != nil {
				t.wid = lx.ids[string(b)]
			}
			toks = append(toks, t)
			gap = 0
			i = j
		default:
			toks = append(toks, token{start: int32(i), end: int32(i + 1), kind: tPunct, c: c, gap: gap})
			gap = 0
			i++
		}
	}
	// Resolve phrases.
	for i := range toks {
		if toks[i].wid == 0 {
			continue
		}
		for _, ph := range lx.first[toks[i].wid] {
			if end, ok := matchPhrase(toks, i, ph.words); ok {
				toks[i].ents = ph.entries
				toks[i].next = int32(end)
				break
			}
		}
	}
	return toks
}

// matchPhrase reports whether the words start at token i, and the index
// after them. Words are joined by spaces, apostrophes, dashes or a glued
// full stop ("p.m.").
func matchPhrase(toks []token, i int, words []int32) (int, bool) {
	j := i
	for k, w := range words {
		if k > 0 && j < len(toks) && toks[j].kind == tPunct && toks[j].c == '.' && toks[j].gap == 0 {
			j++
		}
		if j >= len(toks) || toks[j].kind != tWord || toks[j].wid != w {
			return 0, false
		}
		if k > 0 && toks[j].gap == 0 && toks[j-1].kind != tPunct {
			return 0, false
		}
		j++
	}
	return j, true
}
