package amount

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

// Number word classes (numbers.tsv).
const (
	nNone uint8 = iota
	nZero
	nUnit
	nTeen
	nTen
	nHundred
	nScale
	nColl
	nPlural
	nArticle
	nPoint
	nCouple
	nFrac
)

// Word classes (words.tsv).
const (
	wStop uint8 = 1 << iota
	wMeasure
	wAdj
	wOf
	wLink
	wGeneric // never a counted noun: "one thing", "one another", "one said"
	wLabel   // the number after it names or ranks: "number one", "type 1"
	wDet     // a determiner or object pronoun: "one calling it", "one showing the…"
)

// wordInfo is what the lexicon knows of one word.
type wordInfo struct {
	num    float64 // value of a number word (a power of ten for nPlural)
	class  uint8   // nUnit, nTen…
	plural float64 // power of ten when the word is also a vague plural ("millions")
	ord    float64 // value of an ordinal word; 0 when not one
	flags  uint8   // wStop, wMeasure…
}

// phrase is a sequence of token ids (words: lexicon ids; punctuation:
// -rune) with what it means.
type phrase struct {
	ids []int32
	val string // marker kind, currency code, period or lemma
}

// lexicon is one language's words and phrases.
type lexicon struct {
	lang  string
	ids   map[string]int32
	info  []wordInfo // by id; info[0] is the unknown word
	words []string   // by id

	markers   map[int32][]phrase // by first id
	currency  map[int32][]phrase
	periods   map[int32][]phrase
	compounds map[int32][]phrase
	countries map[int32][]phrase // val: "ML XOF"
	// prefixes are the case-sensitive short forms of currencies
	// (prefixes.tsv), by their letters.
	prefixes map[string][]shortForm
}

// shortForm is one line of prefixes.tsv.
type shortForm struct {
	mark  rune   // a mark glued after the letters ("R$"), 0 when none
	code  string // ISO 4217 code, or RS
	where string // "before", "shaped", "glued" or "after"
}

// lookup returns the id of word (0 when unknown), lower-casing it and
// reading ’ as ' without allocating for short words.
func (lx *lexicon) lookup(word string) int32 {
	if len(word) > 48 {
		return 0
	}
	var buf [64]byte
	n := 0
	plain := true
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			plain = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	if plain {
		return lx.ids[string(buf[:n])]
	}
	n = 0
	for _, r := range word {
		switch {
		case r == '\u2019':
			r = '\''
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			r = unicode.ToLower(r)
		}
		if n+utf8.UTFMax > len(buf) {
			return 0
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return lx.ids[string(buf[:n])]
}

// id returns the id of a lower-case word, adding it when new.
func (lx *lexicon) id(word string) int32 {
	if id, ok := lx.ids[word]; ok {
		return id
	}
	id := int32(len(lx.info))
	lx.ids[word] = id
	lx.info = append(lx.info, wordInfo{})
	lx.words = append(lx.words, word)
	return id
}

// compile turns a lower-case phrase into token ids, adding its words.
func (lx *lexicon) compile(s string) []int32 {
	var ids []int32
	for _, t := range tokenize(nil, s, &lexicon{ids: map[string]int32{}}) {
		if t.kind == tPunct {
			ids = append(ids, t.id)
			continue
		}
		ids = append(ids, lx.id(strings.ReplaceAll(s[t.start:t.end], "\u2019", "'")))
	}
	return ids
}

func addPhrase(m map[int32][]phrase, ids []int32, val string) {
	if len(ids) == 0 {
		return
	}
	m[ids[0]] = append(m[ids[0]], phrase{ids: ids, val: val})
	// Longest first, so that "plus de" loses to "un peu plus de" only when
	// the latter matches.
	list := m[ids[0]]
	for i := len(list) - 1; i > 0 && len(list[i].ids) > len(list[i-1].ids); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
}

// match returns the longest phrase of m starting at toks[i], and the index
// after it. Words must be separated by white space unless the phrase has
// them glued ("d'", symbols).
func match(m map[int32][]phrase, toks []token, i int) (phrase, int, bool) {
	if i >= len(toks) {
		return phrase{}, i, false
	}
	for _, p := range m[toks[i].id] {
		if i+len(p.ids) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p.ids); k++ {
			t := toks[i+k]
			if t.id != p.ids[k] || t.id == 0 || t.gap == gapMore {
				ok = false
				break
			}
		}
		if ok {
			return p, i + len(p.ids), true
		}
	}
	return phrase{}, i, false
}

var lexicons = sync.OnceValue(func() map[string]*lexicon {
	m := map[string]*lexicon{}
	for _, lang := range []string{"fr", "en"} {
		lx, err := loadLexicon(lang)
		if err != nil {
			panic(err) // embedded data: a broken file is a build error
		}
		m[lang] = lx
	}
	return m
})

// lexiconFor returns the lexicon of lang, or nil when not covered.
func lexiconFor(lang string) *lexicon { return lexicons()[lang] }

func loadLexicon(lang string) (*lexicon, error) {
	lx := &lexicon{
		lang: lang, ids: map[string]int32{"": 0}, info: []wordInfo{{}}, words: []string{""},
		markers: map[int32][]phrase{}, currency: map[int32][]phrase{}, periods: map[int32][]phrase{},
		compounds: map[int32][]phrase{}, countries: map[int32][]phrase{},
	}
	err := readTSV("numbers.tsv", 4, func(f []string) error {
		if f[0] != lang {
			return nil
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return err
		}
		id := lx.id(f[1])
		in := &lx.info[id]
		cls := map[string]uint8{"zero": nZero, "unit": nUnit, "teen": nTeen, "ten": nTen, "hundred": nHundred,
			"scale": nScale, "coll": nColl, "plural": nPlural, "article": nArticle, "point": nPoint, "couple": nCouple, "frac": nFrac}[f[3]]
		if cls == 0 {
			return fmt.Errorf("unknown class %q", f[3])
		}
		if cls == nPlural && in.class != nNone {
			in.plural = v // "millions": a scale word that is also a vague plural
			return nil
		}
		in.class, in.num = cls, v
		if cls == nPlural {
			in.plural = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("ordinals.tsv", 3, func(f []string) error {
		if f[0] != lang {
			return nil
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return err
		}
		lx.info[lx.id(f[1])].ord = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("words.tsv", 3, func(f []string) error {
		if f[0] != lang {
			return nil
		}
		fl := map[string]uint8{"stop": wStop, "measure": wMeasure, "adj": wAdj, "of": wOf, "link": wLink, "generic": wGeneric, "label": wLabel, "det": wDet}[f[2]]
		if fl == 0 {
			return fmt.Errorf("unknown class %q", f[2])
		}
		lx.info[lx.id(f[1])].flags |= fl
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, t := range []struct {
		file string
		m    map[int32][]phrase
	}{{"markers.tsv", lx.markers}, {"currencies.tsv", lx.currency}, {"periods.tsv", lx.periods}, {"compounds.tsv", lx.compounds}} {
		err = readTSV(t.file, 3, func(f []string) error {
			if f[0] != lang && f[0] != "*" {
				return nil
			}
			addPhrase(t.m, lx.compile(f[1]), f[2])
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	lx.prefixes = map[string][]shortForm{}
	err = readTSV("prefixes.tsv", 3, func(f []string) error {
		letters, sf := f[0], shortForm{code: f[1], where: f[2]}
		if r, size := utf8.DecodeLastRuneInString(letters); !unicode.IsLetter(r) {
			letters, sf.mark = letters[:len(letters)-size], r
		}
		if sf.where != "before" && sf.where != "shaped" && sf.where != "glued" && sf.where != "after" {
			return fmt.Errorf("unknown place %q", sf.where)
		}
		lx.prefixes[letters] = append(lx.prefixes[letters], sf)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("countries.tsv", 3, func(f []string) error {
		addPhrase(lx.countries, lx.compile(f[0]), f[1]+" "+f[2])
		return nil
	})
	return lx, err
}

// readTSV calls fn with the fields of each line of data/name that is not
// blank or a # comment; every line must have n fields.
func readTSV(name string, n int, fn func([]string) error) error {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fields := strings.Split(s, "\t")
		if len(fields) != n {
			return fmt.Errorf("amount: data/%s:%d: %d fields, want %d", name, line, len(fields), n)
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("amount: data/%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}
