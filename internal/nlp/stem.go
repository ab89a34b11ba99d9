package nlp

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
)

// Stem returns the Snowball stem of word in the language lang (ISO 639-1):
// French for "fr", English for "en". The word is lowercased first; stop
// words ("nous", "sont", "the"), words of one or two letters and words containing a
// digit are returned lowercased but otherwise unchanged, and so is any word
// of another language. Stems keep their accents ("décennie" → "décen"):
// search folds diacritics afterwards.
func Stem(lang, word string) string {
	lower := strings.ToLower(word)
	switch lang {
	case "fr", "en":
		return stemLower(lang, lower)
	}
	return lower
}

// StemText returns the stems (see Stem) of every word of text in the
// language lang, in order, joined by single spaces. A word is a maximal run
// of letters, numbers, combining marks and private-use characters, as
// SQLite's unicode61 tokenizer splits text: apostrophes, hyphens and all
// other punctuation separate words, so "l’accord" gives "l accord".
//
// Stems are cached per language (up to 131,072 words each), so
// StemText is safe for concurrent use and costs little more than one map
// lookup per word once the vocabulary of a corpus has been seen.
func StemText(lang, text string) string {
	var c *stemCache
	switch lang {
	case "fr":
		c = &stemCaches[0]
	case "en":
		c = &stemCaches[1]
	}
	var b strings.Builder
	b.Grow(len(text))
	var buf []byte // lowercased word when it differs from the text
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !stemIsWordRune(r) {
			i += n
			continue
		}
		// Scan the word, noting whether it needs lowercasing.
		start, lowered, digit := i, true, false
	scan:
		for i < len(text) {
			r, n = rune(text[i]), 1
			switch {
			case r >= utf8.RuneSelf:
				r, n = utf8.DecodeRuneInString(text[i:])
				if !stemIsWordRune(r) {
					break scan
				}
				if unicode.ToLower(r) != r {
					lowered = false
				}
			case 'a' <= r && r <= 'z':
			case 'A' <= r && r <= 'Z':
				lowered = false
			case '0' <= r && r <= '9':
				digit = true
			default:
				break scan
			}
			i += n
		}
		word := text[start:i]
		if !lowered {
			buf = stemAppendLower(buf[:0], word)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		switch {
		case c == nil || digit:
			if lowered {
				b.WriteString(word)
			} else {
				b.Write(buf)
			}
		case lowered:
			b.WriteString(c.stem(lang, word, nil))
		default:
			b.WriteString(c.stem(lang, "", buf))
		}
	}
	return b.String()
}

// stemIsWordRune reports whether r belongs to a word: a letter, a number, a
// combining mark or a private-use character (SQLite's unicode61 categories
// "L* N* Co" plus the marks it keeps inside words to remove diacritics).
func stemIsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r)
}

// stemAppendLower appends the lowercase form of word to dst.
func stemAppendLower(dst []byte, word string) []byte {
	for _, r := range word {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// stemLower stems a lowercased word; words with a digit are kept as they
// are.
func stemLower(lang, lower string) string {
	if strings.ContainsAny(lower, "0123456789") {
		return lower
	}
	switch lang {
	case "fr":
		return stemCaches[0].stem(lang, lower, nil)
	case "en":
		return stemCaches[1].stem(lang, lower, nil)
	}
	return lower
}

// stemCacheSize bounds the number of words cached per language; a full
// cache is emptied and refilled, which keeps it near the live vocabulary.
const stemCacheSize = 1 << 17

// stemShards is the number of independently locked parts of a cache.
const stemShards = 16

// stemCache maps lowercased words to their stems for one language.
type stemCache struct {
	seed   maphash.Seed
	once   sync.Once
	shards [stemShards]struct {
		mu sync.RWMutex
		m  map[string]string
	}
}

// stemCaches holds the caches of French (0) and English (1).
var stemCaches [2]stemCache

// stem returns the stem of the lowercased word, given as the string word or,
// when word is "", as the bytes b (which stem does not retain).
func (c *stemCache) stem(lang, word string, b []byte) string {
	c.once.Do(func() {
		c.seed = maphash.MakeSeed()
		for i := range c.shards {
			c.shards[i].m = make(map[string]string)
		}
	})
	var h uint64
	if word != "" {
		h = maphash.String(c.seed, word)
	} else {
		h = maphash.Bytes(c.seed, b)
	}
	sh := &c.shards[h%stemShards]
	sh.mu.RLock()
	var s string
	var ok bool
	if word != "" {
		s, ok = sh.m[word]
	} else {
		s, ok = sh.m[string(b)] // no allocation for a lookup
	}
	sh.mu.RUnlock()
	if ok {
		return s
	}
	if word == "" {
		word = string(b)
	}
	s = stemSnowball(lang, word)
	// The key must not pin the article text word may be a substring of,
	// and snowball returns its input for words it leaves unchanged.
	key := strings.Clone(word)
	if s == word {
		s = key
	}
	sh.mu.Lock()
	if len(sh.m) >= stemCacheSize/stemShards {
		clear(sh.m)
	}
	sh.m[key] = s
	sh.mu.Unlock()
	return s
}

// stemSnowball runs the Snowball stemmer of lang ("fr" or "en") on a
// lowercased word, leaving stop words unchanged.
func stemSnowball(lang, lower string) string {
	if lang == "fr" {
		return french.Stem(lower, false)
	}
	return english.Stem(lower, false)
}
