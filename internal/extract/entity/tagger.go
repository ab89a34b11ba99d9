package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/lexicon"
	"github.com/veille/veille/internal/nlp"
)

// The English tagger is an averaged perceptron over BIO tags (PER, ORG,
// LOC, MISC), decoded greedily from left to right in two passes. Its
// features are the words around, their shapes, affixes, gazetteer bits
// and lexicon classes, what unlabelled text says of each word (how often
// it is capitalised, its clusters of words seen in the same contexts),
// the run of capitalised words holding the token, and what the document
// says of the word elsewhere. Its weights are trained by train.go and
// embedded gzip'd; the header of data/tagger_en.gz names the training
// data, the settings and the date.

//go:generate go run train.go ../../../../shared/eval/ner-conllpp-en/conllpp_dev.txt

// Tags of the tagger, in the order of the weight vectors.
const (
	tagO = iota
	tagBPER
	tagIPER
	tagBORG
	tagIORG
	tagBLOC
	tagILOC
	tagBMISC
	tagIMISC
	// NumTags is the number of BIO tags.
	NumTags
)

// TagNames are the BIO tags, indexed by tag number.
var TagNames = [NumTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// tagType returns the entity type of a tag ("" for O).
func tagType(t int) string {
	if t == tagO {
		return ""
	}
	return TagNames[t][2:]
}

// TagAllowed reports whether tag t may follow tag prev: I-X only after
// B-X or I-X.
func TagAllowed(prev, t int) bool {
	if t == tagO || t%2 == 1 {
		return true
	}
	return prev == t || prev == t-1
}

//go:embed data/tagger_en.gz
var taggerEN []byte

// tagModel holds the weights of the two passes (see tag) and the word
// priors.
type tagModel struct {
	weights tagTable
	prior   map[uint32]WordPrior // what unlabelled text says of words
}

// tagTable holds the weights of both passes: for each feature hash, the
// NumTags weights of each pass scaled to int16 (zero where a pass lacks
// the feature). The keys are in an open-addressing table (linear
// probing, at most about 70% full) of 32-bit words, small enough to stay
// in cache, so that a probe, even for an absent feature, stays in one
// cache line; the weights are at the same index in a table of slots one
// cache line long, so that a feature found costs one cache miss for both
// passes. The tagger is bound by these misses: the second pass reuses
// the sums of the first for the features that do not depend on earlier
// tags (see tag).
type tagTable struct {
	keys  []uint32 // 0: empty (a feature hashed to 0 is dropped)
	slots []tagSlot
	shift uint32
}

type tagSlot struct {
	w [2][NumTags]int16
	_ [28]byte // pads the slot to 64 bytes, one cache line
}

func newTagTable(n int) tagTable {
	size, shift := 16, uint32(28)
	for size*7 < n*10 {
		size *= 2
		shift--
	}
	return tagTable{keys: make([]uint32, size), slots: make([]tagSlot, size), shift: shift}
}

// put sets the weights of pass p for the feature key.
func (t *tagTable) put(key uint32, p int, w [NumTags]int16) {
	if key == 0 {
		return
	}
	mask := uint32(len(t.keys) - 1)
	for i := (key * 0x9E3779B1) >> t.shift; ; i = (i + 1) & mask {
		if k := t.keys[i]; k == 0 || k == key {
			t.keys[i], t.slots[i].w[p] = key, w
			return
		}
	}
}

// lookup returns the slot of feature f, nil when absent.
func (t *tagTable) lookup(f uint32) *tagSlot {
	mask := uint32(len(t.keys) - 1)
	for i := (f * 0x9E3779B1) >> t.shift; ; i = (i + 1) & mask {
		k := t.keys[i]
		if k == f {
			return &t.slots[i]
		}
		if k == 0 {
			return nil
		}
	}
}

// scoreBoth adds the weights of the features for both passes to score.
func (t *tagTable) scoreBoth(score *[2][NumTags]int32, feats []uint32) {
	for _, f := range feats {
		if s := t.lookup(f); s != nil {
			for k := range NumTags {
				score[0][k] += int32(s.w[0][k])
				score[1][k] += int32(s.w[1][k])
			}
		}
	}
}

// score adds the weights of pass p of the features to score.
func (t *tagTable) score(score *[NumTags]int32, p int, feats []uint32) {
	for _, f := range feats {
		if s := t.lookup(f); s != nil {
			w := &s.w[p]
			for k := range NumTags {
				score[k] += int32(w[k])
			}
		}
	}
}

// best returns the best tag of pass p allowed after prev for the
// features.
func (t *tagTable) best(p int, feats []uint32, prev int) int {
	var score [NumTags]int32
	t.score(&score, p, feats)
	return bestTag(&score, prev)
}

// bestTag returns the tag of highest score allowed after prev (the
// first of equals).
func bestTag(score *[NumTags]int32, prev int) int {
	best := tagO
	for k := 1; k < NumTags; k++ {
		if TagAllowed(prev, k) && score[k] > score[best] {
			best = k
		}
	}
	return best
}

// loadTagger reads the embedded English weights once; nil when they
// cannot be read (the rules then work alone).
var loadTagger = sync.OnceValue(func() *tagModel {
	m, err := ReadTagModel(bytes.NewReader(taggerEN))
	if err != nil {
		return nil
	}
	return m
})

const tagMagic = "veille-tagger 2"

// Weights are the averaged weights of one pass, by feature hash.
type Weights = map[uint32]*[NumTags]float32

// WriteTagModel writes the weights of the two passes in the embedded
// format: gzip of a text header (magic line, the given header lines,
// then a blank line), then for each pass binary records: feature hash
// (uint32, delta-coded), bit mask of the non-zero tags (uint16), then
// one int16 per non-zero tag, scaled by the header's "scale". Weights
// under minAbs are dropped, and features left with none. The word
// priors follow: hashes of folded words (PriorKey), delta-coded, each
// with its capitalisation code and its two clusters (uint8 each). It
// returns the number of features written.
func WriteTagModel(w io.Writer, header []string, passes [2]Weights, minAbs float32, prior map[uint32]WordPrior) (int, error) {
	var keys [2][]uint32
	maxAbs := float32(0)
	for p, weights := range passes {
		for k, v := range weights {
			keep := false
			for _, x := range v {
				if a := float32(math.Abs(float64(x))); a >= minAbs {
					keep = true
					maxAbs = max(maxAbs, a)
				}
			}
			if keep {
				keys[p] = append(keys[p], k)
			}
		}
		slices.Sort(keys[p])
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, tagMagic)
	for _, h := range header {
		fmt.Fprintln(bw, h)
	}
	fmt.Fprintf(bw, "scale: %g\nfeatures: %d %d\nprior: %d\n\n", scale, len(keys[0]), len(keys[1]), len(prior))
	var buf [4 + 2 + 2*NumTags]byte
	for p, weights := range passes {
		prev := uint32(0)
		for _, k := range keys[p] {
			v := weights[k]
			binary.LittleEndian.PutUint32(buf[:4], k-prev)
			prev = k
			mask := uint16(0)
			n := 6
			for t, x := range v {
				if float32(math.Abs(float64(x))) < minAbs {
					continue
				}
				q := int16(math.Round(float64(x * scale)))
				if q == 0 {
					continue
				}
				mask |= 1 << t
				binary.LittleEndian.PutUint16(buf[n:], uint16(q))
				n += 2
			}
			binary.LittleEndian.PutUint16(buf[4:6], mask)
			if _, err := bw.Write(buf[:n]); err != nil {
				return 0, err
			}
		}
	}
	pk := make([]uint32, 0, len(prior))
	for k := range prior {
		pk = append(pk, k)
	}
	slices.Sort(pk)
	prev := uint32(0)
	for _, k := range pk {
		binary.LittleEndian.PutUint32(buf[:4], k-prev)
		prev = k
		buf[4] = prior[k].Caps
		buf[5], buf[6] = prior[k].Cluster[0], prior[k].Cluster[1]
		if _, err := bw.Write(buf[:7]); err != nil {
			return 0, err
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return len(keys[0]) + len(keys[1]), zw.Close()
}

// ReadTagModel reads weights written by WriteTagModel.
func ReadTagModel(r io.Reader) (*tagModel, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	n, np := [2]int{-1, -1}, 0
	for i := 0; ; i++ {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("tagger: header: %w", err)
		}
		line = strings.TrimRight(line, "\n")
		if i == 0 && line != tagMagic {
			return nil, errors.New("tagger: not a tagger file")
		}
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "prior: "); ok {
			if np, err = strconv.Atoi(v); err != nil {
				return nil, err
			}
		}
		if v, ok := strings.CutPrefix(line, "features: "); ok {
			if _, err := fmt.Sscanf(v, "%d %d", &n[0], &n[1]); err != nil {
				return nil, err
			}
		}
	}
	if n[0] < 0 || n[1] < 0 {
		return nil, errors.New("tagger: header lacks scale or features")
	}
	type record struct {
		key uint32
		w   [NumTags]int16
	}
	var recs [2][]record
	var head [6]byte
	var val [2]byte
	for p := range recs {
		recs[p] = make([]record, 0, n[p])
		key := uint32(0)
		for i := 0; i < n[p]; i++ {
			if _, err := io.ReadFull(br, head[:]); err != nil {
				return nil, fmt.Errorf("tagger: record %d: %w", i, err)
			}
			next := key + binary.LittleEndian.Uint32(head[:4])
			if i > 0 && next <= key {
				return nil, fmt.Errorf("tagger: record %d: keys out of order", i)
			}
			key = next
			mask := binary.LittleEndian.Uint16(head[4:])
			var w [NumTags]int16
			for t := range NumTags {
				if mask&(1<<t) == 0 {
					continue
				}
				if _, err := io.ReadFull(br, val[:]); err != nil {
					return nil, fmt.Errorf("tagger: record %d: %w", i, err)
				}
				w[t] = int16(binary.LittleEndian.Uint16(val[:]))
			}
			recs[p] = append(recs[p], record{key, w})
		}
	}
	// The keys of each pass are sorted: count those of both once.
	both := 0
	for i, j := 0, 0; i < len(recs[0]) && j < len(recs[1]); {
		switch a, b := recs[0][i].key, recs[1][j].key; {
		case a < b:
			i++
		case a > b:
			j++
		default:
			both++
			i++
			j++
		}
	}
	m := &tagModel{weights: newTagTable(n[0] + n[1] - both)}
	for p := range recs {
		for _, r := range recs[p] {
			m.weights.put(r.key, p, r.w)
		}
	}
	m.prior = make(map[uint32]WordPrior, np)
	var rec [7]byte
	key := uint32(0)
	for i := 0; i < np; i++ {
		if _, err := io.ReadFull(br, rec[:]); err != nil {
			return nil, fmt.Errorf("tagger: prior %d: %w", i, err)
		}
		key += binary.LittleEndian.Uint32(rec[:4])
		m.prior[key] = WordPrior{Caps: rec[4], Cluster: [2]uint8{rec[5], rec[6]}}
	}
	return m, nil
}

// Token flags and gazetteer bits used as features.
const (
	gzCountry = 1 << iota
	gzDemonym
	gzCity
	gzOrg
	gzRegion
	gzArea
	gzFirst // a first name
	gzMulti // inside a gazetteer name of two or more tokens
)

// ttok is a token prepared for features.
type ttok struct {
	tok   nlp.Token
	text  string // as written
	low   string // folded (nlp.Fold)
	word  int32  // index of low in the document's words
	gz    uint8  // gazetteer bits of a name starting or going on here
	gzB   uint8  // gazetteer bits of a name starting here
	cls   uint8  // word classes
	prior WordPrior
	// Hashes of low, text and the short shape (see shapeTo), mixed into
	// features.
	hLow, hText, hShort uint32
	caps                bool
	doc                 uint8 // 8: written with a capital inside a sentence elsewhere, 16: in lower case
	ctx                 uint8 // what the word's mentions in the document have around them (ctx* bits)
	run0, run1          int32 // the run of capitalised words holding the token: [run0, run1), or -1
}

// Word classes (lexicon) as bits.
var tagClasses = []string{lexicon.ClassTitle, lexicon.ClassRole, lexicon.ClassOrgHead, lexicon.ClassOrgTail,
	lexicon.ClassGov, lexicon.ClassFunc, lexicon.ClassParticle, lexicon.ClassMisc}

// TaggerDoc is one document prepared for the tagger: its sentences as
// tokens with their features' raw material, and what the document says
// about each word (written with a capital inside a sentence, in lower
// case, tagged before).
type TaggerDoc struct {
	text   string
	Sents  [][]nlp.Token
	toks   [][]ttok
	words  []docWord // the distinct folded words, by ttok.word
	mem    []uint8   // by word: 1 + the last type tagged for a capitalised word, 0 if none
	upper  []bool    // sentence mostly in capitals
	glob   [][]uint8 // what the first pass said of the word's other mentions
	digits []uint8   // share of numbers in the sentence, in quarters
}

// docWord is what a document says of one of its folded words.
type docWord struct {
	low  string
	seen uint8 // 8: written with a capital inside a sentence, 16: in lower case (ttok.doc)
	ctx  uint8 // what its capitalised mentions have around them (ctx* bits)
	// What depends on the folded word only, set for its first token.
	cls   uint8
	first bool // a first name
	hLow  uint32
}

// NewTaggerDoc tokenises the units (sentences, in text order) of text.
func NewTaggerDoc(text string, units []veille.Span) *TaggerDoc {
	toks := make([][]nlp.Token, len(units))
	for i, u := range units {
		toks[i] = nlp.Tokenize(text, u.Start, u.End)
	}
	return taggerDoc(text, toks, nil)
}

// taggerDoc prepares sentences already tokenised; folds, when not nil,
// holds each token's folded text (nlp.Fold), already computed.
func taggerDoc(text string, sents [][]nlp.Token, folds [][]string) *TaggerDoc {
	d := &TaggerDoc{text: text, Sents: sents}
	lx := lexicon.Default()
	n := 0
	for _, toks := range sents {
		n += len(toks)
	}
	ids := make(map[string]int32, n/3)
	all := make([]ttok, n) // one allocation for the sentences' tokens
	for s, toks := range sents {
		tt := all[:len(toks):len(toks)]
		all = all[len(toks):]
		for i, t := range toks {
			w := text[t.Start:t.End]
			var low string
			if folds != nil {
				low = folds[s][i]
			} else {
				low = nlp.Fold(w)
			}
			id, ok := ids[low]
			if !ok {
				id = int32(len(d.words))
				ids[low] = id
				dw := docWord{low: low, hLow: uint32(fh(0).s(low))}
				for _, c := range lx.Classes(low) {
					if k := slices.Index(tagClasses, c); k >= 0 {
						dw.cls |= 1 << k
					}
				}
				// FirstName folds w: the same for every w folded to low.
				dw.first = lx.FirstName(w)
				d.words = append(d.words, dw)
			}
			dw := &d.words[id]
			tt[i] = ttok{tok: t, text: w, low: dw.low, word: id, caps: isCaps(w), cls: dw.cls}
			tt[i].hLow, tt[i].hText, tt[i].hShort = dw.hLow, uint32(fh(1).s(w)), shapeHash(w)
			if t.Kind == nlp.Word && dw.first {
				tt[i].gz |= gzFirst
			}
			if t.Kind == nlp.Word {
				if tt[i].caps {
					if i > 0 {
						dw.seen |= 8
					}
				} else if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
					dw.seen |= 16
				}
			}
		}
		gazetteerBits(lx, tt)
		capsRuns(tt)
		d.toks = append(d.toks, tt)
		d.upper = append(d.upper, allCapsLine(text, toks))
		nums := 0
		for _, t := range toks {
			if t.Kind == nlp.Number {
				nums++
			}
		}
		d.digits = append(d.digits, uint8(4*nums/max(len(toks), 1)))
	}
	d.mem = make([]uint8, len(d.words))
	d.context()
	for _, tt := range d.toks {
		for i := range tt {
			if t := &tt[i]; t.tok.Kind == nlp.Word && t.caps {
				t.doc |= d.words[t.word].seen
			}
		}
	}
	return d
}

// Bits of what a capitalised word's mentions in a document have around
// them.
const (
	ctxTitle   = 1 << iota // after a title or a role (Mr, minister)
	ctxOrgTail             // in a run of capitalised words ending with Inc, Club…
	ctxSurname             // after a first name in a run of capitalised words
	ctxPlace               // after "in", "at" or "near"
	ctxThe                 // after "the"
	ctxFirst               // first of a run of two or more capitalised words
	ctxAlone               // alone in its run, inside the sentence
)

// context sets the ctx bits of the capitalised words of the document:
// the union over all the word's mentions.
func (d *TaggerDoc) context() {
	for s, tt := range d.toks {
		if d.upper[s] {
			continue
		}
		for i := 0; i < len(tt); {
			if tt[i].tok.Kind != nlp.Word || !tt[i].caps {
				i++
				continue
			}
			j := i + 1
			for j < len(tt) && tt[j].tok.Kind == nlp.Word && tt[j].caps {
				j++
			}
			var bits uint8
			for i+1 < j && tt[i].cls&3 != 0 {
				i++ // "Mr" and "President" open a run
			}
			if i > 0 {
				p := &tt[i-1]
				if p.cls&3 != 0 {
					bits |= ctxTitle
				}
				switch p.low {
				case "in", "at", "near":
					bits |= ctxPlace
				case "the":
					bits |= ctxThe
				}
			}
			if tt[j-1].cls&(1<<3) != 0 || j < len(tt) && tt[j].cls&(1<<3) != 0 {
				bits |= ctxOrgTail
			}
			for k := i; k < j; k++ {
				b := bits
				if k > i && tt[i].gz&gzFirst != 0 {
					b |= ctxSurname
				}
				if k == i && j-i >= 2 {
					b |= ctxFirst
				}
				if j-i == 1 && i > 0 {
					b |= ctxAlone
				}
				d.words[tt[k].word].ctx |= b
			}
			i = j
		}
	}
	for _, tt := range d.toks {
		for i := range tt {
			if tt[i].caps && tt[i].tok.Kind == nlp.Word {
				tt[i].ctx = d.words[tt[i].word].ctx
			}
		}
	}
}

// capsRuns sets the run of capitalised words of each token: words with
// a capital, and between two of them the particles of names (of, and,
// de…) and "&".
func capsRuns(tt []ttok) {
	in := func(k int) bool { return tt[k].tok.Kind == nlp.Word && tt[k].caps }
	for i := 0; i < len(tt); {
		if !in(i) {
			tt[i].run0, tt[i].run1 = -1, -1
			i++
			continue
		}
		j := i + 1
		for j < len(tt) {
			if in(j) {
				j++
				continue
			}
			if j+1 < len(tt) && in(j+1) && (nameInner[tt[j].low] || tt[j].text == "&") {
				j += 2
				continue
			}
			break
		}
		for k := i; k < j; k++ {
			tt[k].run0, tt[k].run1 = int32(i), int32(j)
		}
		i = j
	}
}

// gazetteerBits marks the tokens covered by gazetteer names (longest
// match from each token, case ignored except for short acronyms).
func gazetteerBits(lx *lexicon.Lexicon, tt []ttok) {
	var key []byte
	for i := range tt {
		if tt[i].tok.Kind != nlp.Word {
			continue
		}
		key = key[:0]
		bestJ, bits := 0, uint8(0)
		n := 0
		for j := i; j < len(tt) && n < lx.MaxTokens; j++ {
			t := &tt[j]
			if t.tok.Kind == nlp.Punct {
				if t.text == "." && j > i {
					continue
				}
				if t.text != "-" && t.text != "'" && t.text != "’" && t.text != "&" {
					break
				}
			}
			if n > 0 {
				key = append(key, ' ')
			}
			key = append(key, t.low...)
			n++
			es, more := lx.Lookup(string(key))
			if len(es) == 0 {
				if !more {
					break
				}
				continue
			}
			var b uint8
			for _, e := range es {
				if e.Minor {
					continue // small towns: not in the features the tagger was trained on
				}
				if e.Exact != "" && e.Exact != strings.Join(texts(tt[i:j+1]), " ") && e.Exact != strings.Join(texts(tt[i:j+1]), "") {
					continue
				}
				switch e.Kind {
				case lexicon.KindCountry:
					b |= gzCountry
				case lexicon.KindDemonym:
					b |= gzDemonym
				case lexicon.KindCity:
					b |= gzCity
				case lexicon.KindOrg:
					b |= gzOrg
				case lexicon.KindRegion:
					b |= gzRegion
				case lexicon.KindArea:
					b |= gzArea
				}
			}
			if b != 0 {
				bestJ, bits = j+1, b
			}
		}
		if bestJ == 0 {
			continue
		}
		tt[i].gzB |= bits
		for k := i; k < bestJ; k++ {
			tt[k].gz |= bits
			if bestJ-i > 1 {
				tt[k].gz |= gzMulti
			}
		}
	}
}

func texts(tt []ttok) []string {
	out := make([]string, len(tt))
	for i, t := range tt {
		out[i] = t.text
	}
	return out
}

// shapeHash returns the hash of the short shape of a word (see
// shapeTo), as mixed into features.
func shapeHash(w string) uint32 {
	var b [16]byte
	return uint32(fh(2).s(string(shapeTo(&b, w))))
}

// shapeTo writes to b the short shape of a word, up to 16 bytes: X for
// capitals, x for lower case letters, d for digits, other characters as
// they are, runs collapsed ("McDonald" → "XxXx", "U.S." → "X.X.").
func shapeTo(b *[16]byte, w string) []byte {
	n := 0
	last := byte(0)
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < 0x80:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return b[:n]
}

// Feature templates are hashed with FNV-1a: a template number, then its
// strings separated by a byte 0.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

type fhash uint32

func fh(tmpl byte) fhash { return fhash((fnvOffset ^ uint32(tmpl)) * fnvPrime) }

func (h fhash) s(s string) fhash {
	x := uint32(h)
	for i := 0; i < len(s); i++ {
		x = (x ^ uint32(s[i])) * fnvPrime
	}
	return fhash((x ^ 0xff) * fnvPrime)
}

// u mixes a 32-bit value (a word's own hash) into h.
func (h fhash) u(v uint32) fhash {
	x := uint32(h)*fnvPrime ^ v
	x ^= x >> 16
	x *= 0x85EBCA6B
	x ^= x >> 13
	x *= 0xC2B2AE35
	x ^= x >> 16
	return fhash(x)
}

func (h fhash) b(c byte) fhash { return fhash((uint32(h) ^ uint32(c)) * fnvPrime) }

// Features appends to dst the feature hashes of token i of sentence s,
// given the two previous tags.
func (d *TaggerDoc) Features(dst []uint32, s, i, p1, p2 int) []uint32 {
	k := featSink{static: dst}
	d.features(&k, s, i, p1, p2)
	return k.static
}

// featSink receives the feature hashes of a token. Static features
// depend on the document and the token only; dynamic ones also on the
// tags given before (the previous tags, the tags of earlier mentions,
// the first pass's tags).
type featSink struct {
	static, dyn []uint32
	split       bool // dynamic features go to dyn, not to static
	noStatic    bool // static features are not wanted
}

// features gives k the feature hashes of token i of sentence s, given
// the two previous tags, in the order of Features when k is not split.
func (d *TaggerDoc) features(k *featSink, s, i, p1, p2 int) {
	tt := d.toks[s]
	t := &tt[i]
	at := func(k int) *ttok {
		if k < 0 || k >= len(tt) {
			return nil
		}
		return &tt[k]
	}
	word := func(k int) uint32 {
		if x := at(k); x != nil {
			return x.hLow
		}
		if k < 0 {
			return 1
		}
		return 2
	}
	shp := func(k int) uint32 {
		if x := at(k); x != nil {
			return x.hShort
		}
		return 3
	}
	// Kinds of the neighbours (word, number, punctuation; 0 outside).
	kind := func(k int) byte {
		if x := at(k); x != nil {
			return byte(x.tok.Kind) + 1
		}
		return 0
	}
	// Word clusters of the token and its neighbours (255 outside).
	cl := func(k, g int) byte {
		if x := at(k); x != nil {
			return x.prior.Cluster[g]
		}
		return 255
	}
	add := func(h fhash) { k.static = append(k.static, uint32(h)) }
	dyn := func(h fhash) {
		if k.split {
			k.dyn = append(k.dyn, uint32(h))
		} else {
			k.static = append(k.static, uint32(h))
		}
	}
	st := !k.noStatic
	var flags byte
	if t.caps {
		flags |= 1
	}
	if i == 0 {
		flags |= 2
	}
	if d.upper[s] {
		flags |= 4
	}
	flags |= t.doc
	if st {
		add(fh(0))
		add(fh(1).u(t.hLow))
		add(fh(2).u(t.hText))
		add(fh(3).u(word(i - 1)))
		add(fh(4).u(word(i + 1)))
		add(fh(5).u(word(i - 2)))
		add(fh(6).u(word(i + 2)))
		add(fh(7).u(word(i - 1)).u(t.hLow))
		add(fh(8).u(t.hLow).u(word(i + 1)))
		add(fh(9).u(t.hShort))
		add(fh(10).u(shp(i - 1)).u(t.hShort))
		add(fh(11).u(t.hShort).u(shp(i + 1)))
		add(fh(12).u(shp(i - 1)).u(t.hShort).u(shp(i + 1)))
		// Prefixes and suffixes of up to four runes.
		low := t.low
		for k, n := 0, 0; k < len(low) && n < 4; n++ {
			_, sz := utf8.DecodeRuneInString(low[k:])
			k += sz
			add(fh(13).b(byte(n)).s(low[:k]))
		}
		for k, n := len(low), 0; k > 0 && n < 4; n++ {
			_, sz := utf8.DecodeLastRuneInString(low[:k])
			k -= sz
			add(fh(14).b(byte(n)).s(low[k:]))
		}
		add(fh(15).b(flags))
		add(fh(16).b(flags).u(t.hShort))
		add(fh(17).b(t.gz))
		add(fh(18).b(t.gzB))
		add(fh(19).b(t.cls))
		if x := at(i - 1); x != nil {
			add(fh(20).b(x.gz))
			add(fh(21).b(x.cls))
		}
		if x := at(i + 1); x != nil {
			add(fh(22).b(x.gz))
			add(fh(23).b(x.cls))
		}
		if x := at(i - 2); x != nil {
			add(fh(24).b(x.cls))
		}
	}
	dyn(fh(25).b(byte(p1)))
	dyn(fh(26).b(byte(p1)).b(byte(p2)))
	dyn(fh(27).b(byte(p1)).u(t.hLow))
	dyn(fh(28).b(byte(p1)).u(t.hShort))
	dyn(fh(29).b(byte(p1)).b(t.gz))
	if t.caps {
		if m := d.mem[t.word]; m != 0 {
			dyn(fh(30).b(m - 1))
			dyn(fh(31).b(m - 1).b(flags))
		}
	}
	if st && d.upper[s] {
		add(fh(32).u(t.hLow))
	}
	if d.glob != nil {
		g := d.glob[s][i]
		dyn(fh(50).b(g))
		dyn(fh(51).b(g).b(flags))
		dyn(fh(52).b(g).u(t.hShort))
		dyn(fh(53).b(g).b(byte(p1)))
	}
	if st {
		add(fh(33).u(word(i - 1)).u(t.hShort))
		add(fh(34).b(t.gz).u(t.hShort))
	}
	dyn(fh(35).b(byte(p1)).u(word(i + 1)))
	if st {
		add(fh(36).u(t.hShort).u(word(i + 1)))
		add(fh(37).b(byte(min(i, 3))).u(t.hShort))
		if x := at(i - 1); x != nil {
			add(fh(38).u(x.hText))
		}
		if x := at(i + 1); x != nil {
			add(fh(39).u(x.hText))
		}
		add(fh(40).b(d.digits[s]).u(t.hShort))
		add(fh(41).b(t.prior.Caps))
		add(fh(42).b(t.prior.Caps).b(flags))
		add(fh(43).b(t.prior.Caps).u(t.hShort))
		if x := at(i - 1); x != nil {
			add(fh(44).b(x.prior.Caps))
		}
		if x := at(i + 1); x != nil {
			add(fh(45).b(x.prior.Caps))
		}
		add(fh(60).b(kind(i - 1)).b(kind(i + 1)).u(t.hShort))
		add(fh(61).b(kind(i - 1)).b(kind(i + 1)).b(kind(i + 2)).b(flags & 5))
		add(fh(64).u(word(i - 1)).u(word(i + 1)))
		add(fh(65).u(shp(i - 2)).u(shp(i - 1)).u(t.hShort))
		add(fh(66).u(t.hShort).u(shp(i + 1)).u(shp(i + 2)))
		add(fh(70).b(cl(i, 1)))
		add(fh(71).b(cl(i, 0)).u(t.hShort))
		add(fh(72).b(cl(i-1, 1)))
		add(fh(73).b(cl(i+1, 1)))
		add(fh(74).b(cl(i-1, 0)).b(cl(i, 0)))
		add(fh(75).b(cl(i, 0)).b(cl(i+1, 0)))
	}
	dyn(fh(76).b(byte(p1)).b(cl(i, 1)))
	if !st {
		return
	}
	// What the word's mentions in the document have around them.
	add(fh(83).b(t.ctx))
	add(fh(84).b(t.ctx).u(t.hShort))
	for b := 0; b < 7; b++ {
		if t.ctx&(1<<b) != 0 {
			add(fh(85).b(byte(b)))
		}
	}
	if x := at(i - 1); x != nil {
		add(fh(86).b(x.ctx))
	}
	if x := at(i + 1); x != nil {
		add(fh(87).b(x.ctx))
	}
	// The run of capitalised words holding the token: its length, the
	// token's place in it, its first and last words.
	if t.run0 >= 0 {
		r0, r1 := int(t.run0), int(t.run1)
		n := byte(min(r1-r0, 4))
		pos := byte(min(i-r0, 3))
		last, first := &tt[r1-1], &tt[r0]
		add(fh(90).b(n).b(pos).b(flags & 5))
		add(fh(91).b(pos).u(last.hLow))
		add(fh(92).b(pos).u(first.hLow))
		add(fh(93).b(pos).b(last.prior.Cluster[1]))
		add(fh(94).b(pos).b(last.cls).b(first.cls))
		if x := at(i + 2); x != nil {
			add(fh(88).b(x.cls).b(x.gz))
		}
		add(fh(97).b(last.gzB).b(d.digits[s]).b(min(n, 3)))
	}
	// Places in lines of figures: a town before a score is a club.
	add(fh(95).b(t.gzB).b(d.digits[s]).b(kind(i + 1)).b(boolByte(i == 0)))
	add(fh(96).b(t.gz).b(d.digits[s]).b(kind(i - 1)).b(kind(i + 1)))
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// Remember notes the tag given to token i of sentence s, a feature of
// later mentions of the same word in the document.
func (d *TaggerDoc) Remember(s, i, tag int) {
	t := &d.toks[s][i]
	if t.caps && t.tok.Kind == nlp.Word {
		d.mem[t.word] = 1 + uint8((tag+1)/2)
	}
}

// UsePrior sets what unlabelled text says of the document's words
// (capitalisation code, clusters) from a table by PriorKey.
func (d *TaggerDoc) UsePrior(prior map[uint32]WordPrior) {
	byWord := make([]WordPrior, len(d.words))
	for k, w := range d.words {
		byWord[k] = prior[PriorKey(w.low)]
	}
	for _, tt := range d.toks {
		for i := range tt {
			tt[i].prior = byWord[tt[i].word]
		}
	}
}

// WordPrior is what unlabelled text says of a word: how often it is
// written with a capital (CapsPrior) and its clusters.
type WordPrior struct {
	Caps uint8
	// Cluster holds the word's groups of words seen in the same
	// contexts, at two granularities, numbered from 1 (0: none).
	Cluster [2]uint8
}

// PriorKey is the key of a folded word in a capitalisation prior.
func PriorKey(low string) uint32 { return uint32(fh(99).s(low)) }

// CapsPrior codes how often a word is written with a capital inside a
// sentence (caps) rather than in lower case (low) in unlabelled text:
// 0 when seen fewer than 3 times, else 1 + 3 × the share in fifths + a
// frequency class (under 10, under 100, more).
func CapsPrior(caps, low int) uint8 {
	n := caps + low
	if n < 3 {
		return 0
	}
	r := float64(caps) / float64(n)
	var b uint8
	switch {
	case r < 0.05:
		b = 0
	case r < 0.3:
		b = 1
	case r < 0.7:
		b = 2
	case r < 0.95:
		b = 3
	default:
		b = 4
	}
	f := uint8(0)
	if n >= 10 {
		f = 1
	}
	if n >= 100 {
		f = 2
	}
	return 1 + 3*b + f
}

// UseFirstPass sets, for each capitalised word, how the first pass
// (tags, by sentence and token) tagged its other mentions in the
// document: their commonest type and whether they all agree. nil
// clears it.
func (d *TaggerDoc) UseFirstPass(tags [][]int) {
	if tags == nil {
		d.glob = nil
		return
	}
	// The tags of each word's capitalised mentions, by type; a word
	// has counts when one of its mentions is capitalised.
	counts := make([][5]int32, len(d.words))
	n := 0
	for s, tt := range d.toks {
		n += len(tt)
		for i := range tt {
			if !tt[i].caps || tt[i].tok.Kind != nlp.Word {
				continue
			}
			counts[tt[i].word][(tags[s][i]+1)/2]++
		}
	}
	d.glob = make([][]uint8, len(d.toks))
	all := make([]uint8, n)
	for s, tt := range d.toks {
		d.glob[s], all = all[:len(tt):len(tt)], all[len(tt):]
		for i := range tt {
			c := &counts[tt[i].word]
			if *c == ([5]int32{}) {
				continue
			}
			own := (tags[s][i] + 1) / 2
			others := *c
			others[own]--
			n, best := int32(0), 0
			for k, v := range others {
				n += v
				if v > others[best] {
					best = k
				}
			}
			if n == 0 {
				continue
			}
			code := uint8(1 + best)
			if others[best] == n {
				code |= 8 // all agree
			}
			if n >= 3 {
				code |= 16
			}
			d.glob[s][i] = code
		}
	}
}

// Forget clears what Remember noted.
func (d *TaggerDoc) Forget() { clear(d.mem) }

// tagSpan is a typed span of tokens [i, j) in sentence s.
type tagSpan struct {
	s, i, j int
	typ     string
}

// tagBuffers are the buffers of one call of tag, reused by later calls.
type tagBuffers struct {
	tags   []int
	static [][NumTags]int32
	feats  featSink
}

var tagScratch = sync.Pool{New: func() any { return new(tagBuffers) }}

// tag tags the document in two passes and returns its spans: the
// second pass knows how the first tagged the other mentions of each
// word in the document. The features that do not depend on tags given
// before are looked up once, for both passes.
func (m *tagModel) tag(d *TaggerDoc) []tagSpan {
	d.UsePrior(m.prior)
	n := 0
	tags := make([][]int, len(d.Sents))
	for s := range d.Sents {
		n += len(d.Sents[s])
	}
	sc := tagScratch.Get().(*tagBuffers)
	defer tagScratch.Put(sc)
	sc.tags = slices.Grow(sc.tags[:0], n)[:n]
	flat := sc.tags
	for s := range d.Sents {
		tags[s], flat = flat[:len(d.Sents[s]):len(d.Sents[s])], flat[len(d.Sents[s]):]
	}
	sc.static = slices.Grow(sc.static[:0], n)[:n]
	static := sc.static // the second pass's sums of static features
	k := &sc.feats
	k.split, k.noStatic = true, false
	x := 0
	for s, toks := range d.Sents {
		p1, p2 := tagO, tagO
		for i := range toks {
			k.static, k.dyn = k.static[:0], k.dyn[:0]
			d.features(k, s, i, p1, p2)
			var score [2][NumTags]int32
			m.weights.scoreBoth(&score, k.static)
			static[x] = score[1]
			m.weights.score(&score[0], 0, k.dyn)
			t := bestTag(&score[0], p1)
			tags[s][i] = t
			d.Remember(s, i, t)
			p2, p1 = p1, t
			x++
		}
	}
	d.UseFirstPass(tags)
	d.Forget()
	k.noStatic = true
	x = 0
	for s, toks := range d.Sents {
		p1, p2 := tagO, tagO
		for i := range toks {
			k.dyn = k.dyn[:0]
			d.features(k, s, i, p1, p2)
			score := static[x]
			m.weights.score(&score, 1, k.dyn)
			t := bestTag(&score, p1)
			tags[s][i] = t
			d.Remember(s, i, t)
			p2, p1 = p1, t
			x++
		}
	}
	d.UseFirstPass(nil)
	var out []tagSpan
	for s, ts := range tags {
		start, typ := -1, ""
		for i, t := range ts {
			if start >= 0 && (t == tagO || t%2 == 1) {
				out = append(out, tagSpan{s, start, i, typ})
				start = -1
			}
			if t != tagO && t%2 == 1 {
				start, typ = i, tagType(t)
			}
		}
		if start >= 0 {
			out = append(out, tagSpan{s, start, len(ts), typ})
		}
	}
	return out
}

// Decode tags every token from left to right with choose, which is
// given the token's features and the previous tag; tags[s][i] receives
// the tag of token i of sentence s.
func (d *TaggerDoc) Decode(tags [][]int, choose func(feats []uint32, prev int) int) {
	var feats []uint32
	for s, toks := range d.Sents {
		p1, p2 := tagO, tagO
		for i := range toks {
			feats = d.Features(feats[:0], s, i, p1, p2)
			t := choose(feats, p1)
			tags[s][i] = t
			d.Remember(s, i, t)
			p2, p1 = p1, t
		}
	}
}
