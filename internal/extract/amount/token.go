package amount

import (
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters, with a trailing apostrophe when an elided word ("d'", "jusqu'")
	tNum                      // ASCII digits
	tPunct                    // one other rune that is not white space
)

// gap says what separates a token from the one before it.
type gap uint8

const (
	gapNone  gap = iota // glued: "10$", "1.200", "d'euros"
	gapSpace            // exactly one ordinary space
	gapNBSP             // exactly one no-break, narrow no-break or thin space
	gapMore             // any other run of white space (tabs, line breaks, several spaces)
)

// token is one token of the text, with its byte span.
type token struct {
	start, end int
	kind       tokKind
	gap        gap
	upper      bool  // a word whose first letter is upper case
	id         int32 // word: its id in the language's lexicon (0: unknown); punct: -rune
}

// isSpaceRune reports the white space the tokenizer skips; nbsp is set for
// the no-break and thin spaces used between groups of digits.
func isSpaceRune(r rune) (space, nbsp bool) {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true, false
	case '\u00a0', '\u202f', '\u2009', '\u2007', '\u2008', '\u200a':
		return true, true
	}
	return unicode.IsSpace(r), false
}

// isInvisible reports the zero-width and bidirectional format characters
// (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF) the tokenizer
// reads as a space that adds nothing to the white space around it: "5
// millions\u2066 d'euros" keeps its one space, "5\u200b000" reads as "5 000".
func isInvisible(r rune) bool {
	return r >= '\u200b' && r <= '\u200f' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\ufeff'
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// tokenize appends the tokens of text to toks and returns it. Word ids are
// looked up in lx.
func tokenize(toks []token, text string, lx *lexicon) []token {
	g := gapMore
	spaces := 0
	invisible := false // an invisible format character since the last token
	i := 0
	for i < len(text) {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if c >= utf8.RuneSelf && isInvisible(r) {
			invisible = true
			i += size
			continue
		}
		if sp, nb := isSpaceRune(r); sp {
			spaces++
			switch {
			case spaces == 1 && r == '\n' || spaces == 2 && r == '\n' && text[i-1] == '\r':
				g = gapSpace // a line wrapped inside a paragraph
			case spaces > 1 || (r != ' ' && r != '\r' && !nb):
				g = gapMore
			case nb:
				g = gapNBSP
			default:
				g = gapSpace
			}
			i += size
			continue
		}
		if spaces == 0 && len(toks) > 0 {
			g = gapNone
			if invisible {
				g = gapSpace
			}
		}
		if len(toks) == 0 && spaces == 0 {
			g = gapMore
		}
		spaces, invisible = 0, false
		start := i
		switch {
		case c >= '0' && c <= '9':
			for i < len(text) && text[i] >= '0' && text[i] <= '9' {
				i++
			}
			toks = append(toks, token{start: start, end: i, kind: tNum, gap: g})
		case isLetter(r):
			i += size
			for i < len(text) {
				c2 := text[i]
				if c2 < utf8.RuneSelf {
					if ('a' <= c2 && c2 <= 'z') || ('A' <= c2 && c2 <= 'Z') {
						i++
						continue
					}
					if c2 == '\'' && i+1 < len(text) && startsLetter(text[i+1:]) {
						i++
						break
					}
					break
				}
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if isLetter(r2) {
					i += s2
					continue
				}
				if r2 == '\u2019' && i+s2 < len(text) && startsLetter(text[i+s2:]) {
					i += s2
				}
				break
			}
			t := token{start: start, end: i, kind: tWord, gap: g, upper: unicode.IsUpper(r)}
			t.id = lx.lookup(text[start:i])
			toks = append(toks, t)
		default:
			i += size
			toks = append(toks, token{start: start, end: i, kind: tPunct, gap: g, id: -r})
		}
		g = gapMore
	}
	return toks
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// startsLetter reports whether s starts with a letter, after any
// invisible format characters ("d'\u200beuros").
func startsLetter(s string) bool {
	for {
		r, size := utf8.DecodeRuneInString(s)
		if !isInvisible(r) {
			return isLetter(r)
		}
		s = s[size:]
	}
}
