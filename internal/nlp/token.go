package nlp

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// TokenKind says what a Token is made of.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, digits, inner hyphens and apostrophes; "l'" and "U.S." are words
	Number                  // digits with inner separators: 9,15  1 000  2.500
	Punct                   // any other single non-space character
)

// Token is a word, number or punctuation mark with its byte offsets into the
// text it was cut from.
type Token struct {
	Start, End int
	Kind       TokenKind
}

// Text returns the token as written in text.
func (t Token) Text(text string) string { return text[t.Start:t.End] }

// elisions are the French words written with an apostrophe before a vowel;
// they are cut off as tokens of their own ("l'", "jusqu'").
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "m": true, "n": true, "s": true, "t": true, "c": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true, "presqu": true,
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokenize cuts text[from:to] into tokens. French elisions are split
// ("l’accord" → "l’", "accord"), English possessives too ("Mali's" →
// "Mali", "'s"); hyphenated words stay whole ("porte-parole",
// "Etats-Unis"), and so do acronyms with dots ("U.S.") and numbers with
// inner separators ("9,15", "1 000").
func Tokenize(text string, from, to int) []Token {
	var out []Token
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:to])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsDigit(r):
			j := i + n
			for j < to {
				c, m := utf8.DecodeRuneInString(text[j:to])
				if unicode.IsDigit(c) {
					j += m
					continue
				}
				if (c == ',' || c == '.' || c == ' ' || c == '\u00a0' || c == '\u202f') && j+m < to {
					d, _ := utf8.DecodeRuneInString(text[j+m : to])
					if unicode.IsDigit(d) && (c == ',' || c == '.' || groupOfThree(text, j+m, to)) {
						j += m
						continue
					}
				}
				break
			}
			for j < to { // 2e, 1er, 10km stay one token
				c, m := utf8.DecodeRuneInString(text[j:to])
				if !unicode.IsLetter(c) {
					break
				}
				j += m
			}
			out = append(out, Token{i, j, Number})
			i = j
		case isWordRune(r):
			j := i + n
			for j < to {
				c, m := utf8.DecodeRuneInString(text[j:to])
				if isWordRune(c) {
					j += m
					continue
				}
				if (isHyphen(c) || isApostrophe(c) || c == '.') && j+m < to {
					d, _ := utf8.DecodeRuneInString(text[j+m : to])
					if !isWordRune(d) {
						break
					}
					if isApostrophe(c) {
						w := strings.ToLower(text[i:j])
						if elisions[w] {
							j += m // keep the apostrophe with the elided word, and stop
							break
						}
						if rest := text[j+m : to]; (rest[0] == 's' || rest[0] == 'S') && (len(rest) == 1 || !isWordRune(firstRune(rest[1:]))) {
							break // Mali's
						}
					}
					if c == '.' && !acronymDot(text, i, j) {
						break
					}
					j += m
					continue
				}
				break
			}
			// U.S. : keep the final dot of a dotted acronym.
			if j < to && text[j] == '.' && strings.Contains(text[i:j], ".") && acronymDot(text, i, j) {
				j++
			}
			out = append(out, Token{i, j, Word})
			i = j
		default:
			if isApostrophe(r) && i+n < to && (text[i+n] == 's' || text[i+n] == 'S') && len(out) > 0 && out[len(out)-1].End == i {
				if i+n+1 >= to || !isWordRune(firstRune(text[i+n+1:to])) {
					out = append(out, Token{i, i + n + 1, Word})
					i += n + 1
					continue
				}
			}
			out = append(out, Token{i, i + n, Punct})
			i += n
		}
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// groupOfThree reports whether text[i:] starts with exactly three digits
// (a thousands group after a space).
func groupOfThree(text string, i, to int) bool {
	k := 0
	for i+k < to && text[i+k] >= '0' && text[i+k] <= '9' {
		k++
	}
	return k == 3
}

// acronymDot reports whether text[i:j] is a run of single letters
// separated by dots, so far ("U", "U.S"): the next dot belongs to it.
func acronymDot(text string, i, j int) bool {
	for _, part := range strings.Split(text[i:j], ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		if r := firstRune(part); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// foldChains pools the diacritic-removing transformer: a transform.Chain
// keeps state and must not be shared between goroutines.
var foldChains = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// latinFold holds the folded form of U+0080 to U+024F (Latin-1 and Latin
// Extended), computed once.
var latinFold = func() [0x250 - 0x80]string {
	var t [0x250 - 0x80]string
	foldChain := foldChains.Get().(transform.Transformer)
	defer foldChains.Put(foldChain)
	for r := rune(0x80); r < 0x250; r++ {
		f, _, err := transform.String(foldChain, string(r))
		if err != nil {
			f = string(r)
		}
		t[r-0x80] = strings.ToLower(f)
	}
	t['œ'-0x80], t['Œ'-0x80] = "oe", "oe"
	return t
}()

// Fold returns s lower-cased, without diacritics, with typographic
// apostrophes and hyphens made ASCII: the key under which names are
// looked up ("États-Unis" → "etats-unis", "l’" → "l'", "Œuvre" → "oeuvre").
func Fold(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r < 0x250:
			b.WriteString(latinFold[r-0x80])
		case isApostrophe(r):
			b.WriteByte('\'')
		case isHyphen(r):
			b.WriteByte('-')
		case unicode.Is(unicode.Mn, r):
		default:
			chain := foldChains.Get().(transform.Transformer)
			f, _, err := transform.String(chain, string(r))
			foldChains.Put(chain)
			if err != nil {
				f = string(r)
			}
			b.WriteString(strings.ToLower(f))
		}
	}
	return b.String()
}
