//go:build ignore

// Train writes the weights of the English entity tagger
// (data/tagger_en.gz) from a CoNLL-2003 file in IOB2 (token POS chunk
// NER, blank lines between sentences, -DOCSTART- between documents):
//
//	go run train.go [-epochs 24] [-seeds 5] [-prune 0.6] [-clusters 32,160] [-holdout 0] [-cv 0] ../../../../shared/eval/ner-conllpp-en/conllpp_dev.txt
//
// (go generate runs it so.) Two passes are trained: the first tags from
// the sentence and what the document said before; the second also knows
// how the first tagged the other mentions of each word in the document,
// and learns from first-pass tags made without the document (5 folds).
// A capitalisation prior of words and two sets of word clusters
// (spherical k-means over the neighbours of each word seen 5 times or
// more) are computed over the English records of -corpus; they are
// stored by word hash, without text. Each document is rebuilt as its
// tokens joined by spaces, one sentence per line, and cut again by
// nlp.Tokenize, so that training sees the tokens the recognizer will
// see; a token takes the tag of the gold mention it starts or continues.
// The training text is not written anywhere; only hashed feature weights
// are. With -holdout N, every Nth document is held out and the span F1
// on them is printed (the weights are then not written unless -keep).
// With -cv K, the documents are cut in K folds, each tagged by passes
// trained on the others, and the pooled span F1 by type is printed.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/entity"
	"github.com/veille/veille/internal/nlp"
)

type doc struct {
	d    *entity.TaggerDoc
	gold [][]int // tag per token per sentence
}

func main() {
	epochs := flag.Int("epochs", 24, "passes over the training documents")
	holdout := flag.Int("holdout", 0, "hold out every Nth document and report span F1 (no output written)")
	out := flag.String("o", "data/tagger_en.gz", "weights file to write")
	source := flag.String("source", "CoNLL++ conllpp_dev.txt (CoNLL-2003 testa, Reuters RCV1 1996) from ZihanWangKi/CrossWeigh 77d0c2dbf1a039211426f0fecb11daabba8e7bd1", "training data named in the header")
	corpus := flag.String("corpus", "../../../../shared/corpus/*/*.jsonl", "JSON Lines files of unlabelled articles (English records) for the capitalisation prior")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: go run train.go [flags] CONLL-FILE")
	}
	docs, err := read(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	prior, words := capsPrior(*corpus)
	log.Printf("capitalisation prior: %d words", len(prior))
	for _, d := range docs {
		d.d.UsePrior(prior)
	}
	if *cv > 0 {
		crossValidate(docs, *cv, *epochs)
		return
	}
	var train, test []*doc
	for i, d := range docs {
		if *holdout > 0 && i%*holdout == *holdout-1 {
			test = append(test, d)
		} else {
			train = append(train, d)
		}
	}
	log.Printf("%d training documents, %d held out", len(train), len(test))
	w1, w2 := trainBoth(train, *epochs)
	if len(test) > 0 {
		var sc [2]score
		evaluate(pruned(w1), pruned(w2), test, &sc)
		sc[0].print("first pass")
		sc[1].print("second pass")
		if !*keep {
			return
		}
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	header := []string{
		"model: averaged perceptron, two passes, BIO tags " + strings.Join(entity.TagNames[:], " "),
		"trained on: " + *source,
		"file: " + filepath.Base(flag.Arg(0)),
		fmt.Sprintf("documents: %d, epochs: %d, runs averaged: %d, prune: %g", len(train), *epochs, *seeds, *prune),
		"capitalisation prior and word clusters (" + *clusterK + "): " + words,
		"date: " + time.Now().UTC().Format("2006-01-02"),
	}
	n, err := entity.WriteTagModel(f, header, [2]entity.Weights{w1, w2}, float32(*prune), prior)
	if err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	st, _ := os.Stat(*out)
	log.Printf("%s: %d features, %d bytes", *out, n, st.Size())
}

// trainBoth trains the two passes over train: the second pass learns
// from first-pass tags as they will be at run time, with errors: each
// document's come from a first pass trained without it (5 folds).
func trainBoth(train []*doc, epochs int) (w1, w2 entity.Weights) {
	const folds = 5
	first := map[*doc][][]int{}
	for f := 0; f < folds; f++ {
		var in []*doc
		for i, d := range train {
			if i%folds != f {
				in = append(in, d)
			}
		}
		w := trainPass(in, epochs)
		for i, d := range train {
			if i%folds == f {
				d.d.UseFirstPass(nil)
				first[d] = predict(w, d)
			}
		}
	}
	for _, d := range train {
		d.d.UseFirstPass(nil)
	}
	w1 = trainPass(train, epochs)
	for _, d := range train {
		d.d.UseFirstPass(first[d])
	}
	w2 = trainPass(train, epochs)
	for _, d := range train {
		d.d.UseFirstPass(nil)
	}
	return w1, w2
}

// score counts spans by type (1 PER, 2 ORG, 3 LOC, 4 MISC): true
// positives, predicted, gold.
type score struct {
	tp, np, ng [5]int
}

func (s *score) add(gold, pred map[[3]int]bool) {
	for k := range gold {
		s.ng[k[2]]++
	}
	for k := range pred {
		s.np[k[2]]++
		if gold[k] {
			s.tp[k[2]]++
		}
	}
}

// print logs the micro F1 over PER, ORG and LOC, then each type's.
func (s *score) print(name string) {
	f := func(tp, np, ng int) string {
		pr, rc := float64(tp)/float64(max(np, 1)), float64(tp)/float64(max(ng, 1))
		return fmt.Sprintf("%.4f (P %.3f R %.3f)", 2*pr*rc/max(pr+rc, 1e-9), pr, rc)
	}
	tp, np, ng := 0, 0, 0
	for t := 1; t <= 3; t++ {
		tp, np, ng = tp+s.tp[t], np+s.np[t], ng+s.ng[t]
	}
	log.Printf("%s: PER/ORG/LOC %s | PER %s | ORG %s | LOC %s | MISC %s", name, f(tp, np, ng),
		f(s.tp[1], s.np[1], s.ng[1]), f(s.tp[2], s.np[2], s.ng[2]), f(s.tp[3], s.np[3], s.ng[3]), f(s.tp[4], s.np[4], s.ng[4]))
}

// evaluate tags the test documents with both passes and adds their
// spans to sc.
func evaluate(w1, w2 entity.Weights, test []*doc, sc *[2]score) {
	for _, d := range test {
		d.d.UseFirstPass(nil)
		t1 := predict(w1, d)
		d.d.UseFirstPass(t1)
		t2 := predict(w2, d)
		d.d.UseFirstPass(nil)
		for s, gold := range d.gold {
			gs := spans(gold)
			sc[0].add(gs, spans(t1[s]))
			sc[1].add(gs, spans(t2[s]))
		}
	}
}

// crossValidate trains on k-1 of k folds of documents and tags the
// last, for each fold, and logs the pooled scores.
func crossValidate(docs []*doc, k, epochs int) {
	var sc [2]score
	for f := 0; f < k; f++ {
		var train, test []*doc
		for i, d := range docs {
			if i%k == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		w1, w2 := trainBoth(train, epochs)
		evaluate(pruned(w1), pruned(w2), test, &sc)
	}
	sc[0].print("cv first pass")
	sc[1].print("cv second pass")
}

// pruned drops the weights under -prune, as WriteTagModel does.
func pruned(w entity.Weights) entity.Weights {
	out := entity.Weights{}
	for f, a := range w {
		var b [entity.NumTags]float32
		keep := false
		for t, x := range a {
			if x >= float32(*prune) || x <= -float32(*prune) {
				b[t], keep = x, true
			}
		}
		if keep {
			out[f] = &b
		}
	}
	return out
}

var clusterK = flag.String("clusters", "32,160", "sizes of the word clusters (at most two, each under 256), empty for none")

// wordClusters groups the words seen at least 5 times in sents (folded
// tokens) by the words seen around them: each word is a vector of the
// positive pointwise mutual information of its left and right
// neighbours among the commonest words, and spherical k-means (seeded,
// so reproducible) makes k groups for each k of ks. A word's clusters
// are numbered from 1, by k.
func wordClusters(sents [][]string, ks []int) map[string][]uint8 {
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[w]++
		}
	}
	var vocab []string
	for w, n := range freq {
		if n >= 5 {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	index := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		index[w] = int32(i)
	}
	const C = 1000 // context words
	ctx := func(w string, side int32) int32 {
		if i, ok := index[w]; ok && i < C {
			return side*C + i
		}
		return 2*C + side // a rarer word
	}
	dims := int32(2*C + 4)
	counts := make([]map[int32]float64, len(vocab))
	for i := range counts {
		counts[i] = map[int32]float64{}
	}
	for _, s := range sents {
		for k, w := range s {
			i, ok := index[w]
			if !ok {
				continue
			}
			if k > 0 {
				counts[i][ctx(s[k-1], 0)]++
			} else {
				counts[i][2*C+2]++
			}
			if k+1 < len(s) {
				counts[i][ctx(s[k+1], 1)]++
			} else {
				counts[i][2*C+3]++
			}
		}
	}
	colSum := make([]float64, dims)
	total := 0.0
	rowSum := make([]float64, len(vocab))
	for i, c := range counts {
		for f, n := range c {
			colSum[f] += n
			rowSum[i] += n
			total += n
		}
	}
	type entry struct {
		f int32
		v float32
	}
	vecs := make([][]entry, len(vocab))
	for i, c := range counts {
		norm := 0.0
		for f, n := range c {
			pmi := math.Log(n * total / (rowSum[i] * colSum[f]))
			if pmi > 0 {
				vecs[i] = append(vecs[i], entry{f, float32(pmi)})
				norm += pmi * pmi
			}
		}
		norm = math.Sqrt(norm)
		for k := range vecs[i] {
			vecs[i][k].v /= float32(norm)
		}
	}
	out := make(map[string][]uint8, len(vocab))
	for _, w := range vocab {
		out[w] = make([]uint8, 0, len(ks))
	}
	for _, k := range ks {
		rng := rand.New(rand.NewSource(int64(k)))
		cent := make([][]float32, k)
		for c := range cent {
			cent[c] = make([]float32, dims)
			for _, e := range vecs[rng.Intn(len(vecs))] {
				cent[c][e.f] = e.v
			}
		}
		assign := make([]int, len(vecs))
		for iter := 0; iter < 15; iter++ {
			changed := 0
			for i, v := range vecs {
				best, bestS := 0, float32(-1)
				for c, ce := range cent {
					s := float32(0)
					for _, e := range v {
						s += ce[e.f] * e.v
					}
					if s > bestS {
						best, bestS = c, s
					}
				}
				if assign[i] != best || iter == 0 {
					changed++
				}
				assign[i] = best
			}
			for c := range cent {
				clear(cent[c])
			}
			for i, v := range vecs {
				for _, e := range v {
					cent[assign[i]][e.f] += e.v
				}
			}
			for c := range cent {
				n := float32(0)
				for _, x := range cent[c] {
					n += x * x
				}
				if n == 0 {
					for _, e := range vecs[rng.Intn(len(vecs))] {
						cent[c][e.f] = e.v
					}
					continue
				}
				n = float32(math.Sqrt(float64(n)))
				for f := range cent[c] {
					cent[c][f] /= n
				}
			}
			if changed < len(vecs)/200 {
				break
			}
		}
		for i, w := range vocab {
			out[w] = append(out[w], uint8(assign[i]+1))
		}
	}
	log.Printf("word clusters %v over %d words", ks, len(vocab))
	return out
}

var keep = flag.Bool("keep", false, "with -holdout, write the weights all the same")

var prune = flag.Float64("prune", 0.6, "drop averaged weights smaller than this")

var cv = flag.Int("cv", 0, "cross-validate over this many folds of documents and report span F1 (no output written)")

// seeds is the number of training runs (each with its own order of
// documents) whose averaged weights are averaged again.
var seeds = flag.Int("seeds", 5, "training runs averaged, each shuffling the documents its own way")

// trainPass trains the weights of one pass over docs, averaged over the
// runs of -seeds.
func trainPass(docs []*doc, epochs int) entity.Weights {
	out := entity.Weights{}
	for seed := 1; seed <= *seeds; seed++ {
		for f, a := range trainRun(docs, epochs, int64(seed)) {
			o := out[f]
			if o == nil {
				o = &[entity.NumTags]float32{}
				out[f] = o
			}
			for t := range a {
				o[t] += a[t] / float32(*seeds)
			}
		}
	}
	return out
}

// trainRun trains the weights of one pass over docs, shuffled with the
// seed, and returns them averaged.
func trainRun(docs []*doc, epochs int, seed int64) entity.Weights {
	docs = append([]*doc(nil), docs...)
	p := &perceptron{w: map[uint32]*param{}}
	rng := rand.New(rand.NewSource(seed))
	var feats []uint32
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		for _, d := range docs {
			d.d.Forget()
			for s, gold := range d.gold {
				p1, p2 := 0, 0
				for i, g := range gold {
					feats = d.d.Features(feats[:0], s, i, p1, p2)
					guess := p.predict(feats, p1)
					p.c++
					if guess != g {
						p.update(feats, g, guess)
					}
					d.d.Remember(s, i, guess)
					p2, p1 = p1, guess
				}
			}
		}
	}
	return p.averaged()
}

// predict tags a document with averaged weights.
func predict(w entity.Weights, d *doc) [][]int {
	tags := make([][]int, len(d.gold))
	for s := range tags {
		tags[s] = make([]int, len(d.gold[s]))
	}
	d.d.Forget()
	d.d.Decode(tags, func(feats []uint32, prev int) int {
		var score [entity.NumTags]float32
		for _, f := range feats {
			if a := w[f]; a != nil {
				for t := range score {
					score[t] += a[t]
				}
			}
		}
		best := 0
		for t := 1; t < entity.NumTags; t++ {
			if entity.TagAllowed(prev, t) && score[t] > score[best] {
				best = t
			}
		}
		return best
	})
	return tags
}

type param struct {
	w, tot [entity.NumTags]float64
	ts     [entity.NumTags]int
}

type perceptron struct {
	w map[uint32]*param
	c int
}

func (p *perceptron) predict(feats []uint32, prev int) int {
	var score [entity.NumTags]float64
	for _, f := range feats {
		if q := p.w[f]; q != nil {
			for t := range score {
				score[t] += q.w[t]
			}
		}
	}
	best := 0
	for t := 1; t < entity.NumTags; t++ {
		if entity.TagAllowed(prev, t) && score[t] > score[best] {
			best = t
		}
	}
	return best
}

func (p *perceptron) update(feats []uint32, good, bad int) {
	for _, f := range feats {
		q := p.w[f]
		if q == nil {
			q = &param{}
			p.w[f] = q
		}
		for _, u := range [2]struct {
			t int
			d float64
		}{{good, 1}, {bad, -1}} {
			q.tot[u.t] += float64(p.c-q.ts[u.t]) * q.w[u.t]
			q.ts[u.t] = p.c
			q.w[u.t] += u.d
		}
	}
}

func (p *perceptron) averaged() map[uint32]*[entity.NumTags]float32 {
	out := make(map[uint32]*[entity.NumTags]float32, len(p.w))
	for f, q := range p.w {
		var a [entity.NumTags]float32
		for t := range a {
			tot := q.tot[t] + float64(p.c-q.ts[t])*q.w[t]
			a[t] = float32(tot / float64(p.c))
		}
		out[f] = &a
	}
	return out
}

func spans(tags []int) map[[3]int]bool {
	out := map[[3]int]bool{}
	start := -1
	for i := 0; i <= len(tags); i++ {
		t := 0
		if i < len(tags) {
			t = tags[i]
		}
		if start >= 0 && (t == 0 || t%2 == 1) {
			out[[3]int{start, i, (tags[start] + 1) / 2}] = true
			start = -1
		}
		if t != 0 && t%2 == 1 {
			start = i
		}
	}
	return out
}

// read reads the CoNLL file into documents with their token tags.
func read(path string) ([]*doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type gspan struct {
		start, end, tag int
	}
	var docs []*doc
	var b strings.Builder
	var units []veille.Span
	var gold []gspan
	unitStart, inSent := 0, false
	openTag := -1
	endSent := func() {
		openTag = -1
		if inSent {
			units = append(units, veille.Span{Start: unitStart, End: b.Len()})
			b.WriteByte('\n')
			unitStart = b.Len()
			inSent = false
		}
	}
	flush := func() {
		endSent()
		if len(units) == 0 {
			return
		}
		text := b.String()
		td := entity.NewTaggerDoc(text, units)
		d := &doc{d: td}
		for _, toks := range td.Sents {
			tags := make([]int, len(toks))
			for i, t := range toks {
				for _, g := range gold {
					if t.Start >= g.start && t.Start < g.end {
						if t.Start == g.start {
							tags[i] = g.tag
						} else {
							tags[i] = g.tag + 1
						}
					}
				}
			}
			d.gold = append(d.gold, tags)
		}
		docs = append(docs, d)
		b.Reset()
		units, gold, unitStart = nil, nil, 0
	}
	tagOf := map[string]int{"PER": 1, "ORG": 3, "LOC": 5, "MISC": 7}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		switch {
		case len(fs) == 0:
			endSent()
			continue
		case fs[0] == "-DOCSTART-":
			flush()
			continue
		}
		if inSent {
			b.WriteByte(' ')
		}
		inSent = true
		start := b.Len()
		b.WriteString(fs[0])
		tag := fs[len(fs)-1]
		switch {
		case tag == "O":
			openTag = -1
		case strings.HasPrefix(tag, "B-") || openTag != tagOf[tag[2:]]:
			t, ok := tagOf[tag[2:]]
			if !ok {
				return nil, fmt.Errorf("%s: unknown tag %q", path, tag)
			}
			gold = append(gold, gspan{start, b.Len(), t})
			openTag = t
		default:
			gold[len(gold)-1].end = b.Len()
		}
	}
	flush()
	return docs, sc.Err()
}

// capsPrior counts, over the English records of the corpus files, how
// often each word is written with a capital inside a sentence and in
// lower case; it returns the codes by word key and a description of the
// sources for the header.
func capsPrior(glob string) (map[uint32]entity.WordPrior, string) {
	var sents [][]string
	files, _ := filepath.Glob(glob)
	caps, low := map[string]int{}, map[string]int{}
	var names []string
	records := 0
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			log.Fatal(err)
		}
		used := false
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
		for sc.Scan() {
			var rec struct {
				Language, Text string
			}
			if json.Unmarshal(sc.Bytes(), &rec) != nil || !strings.HasPrefix(strings.ToLower(rec.Language), "en") {
				continue
			}
			used = true
			records++
			text := nlp.Normalize(rec.Text)
			seg := nlp.Segment(text)
			for _, u := range seg.Sentences {
				toks := nlp.Tokenize(text, u.Start, u.End)
				ws := make([]string, 0, len(toks))
				for _, t := range toks {
					ws = append(ws, nlp.Fold(text[t.Start:t.End]))
				}
				sents = append(sents, ws)
				upper := 0
				for _, t := range toks {
					w := text[t.Start:t.End]
					if t.Kind == nlp.Word && w == strings.ToUpper(w) && w != strings.ToLower(w) {
						upper++
					}
				}
				if upper*2 > len(toks) {
					continue // a headline in capitals
				}
				for i, t := range toks {
					if t.Kind != nlp.Word {
						continue
					}
					w := text[t.Start:t.End]
					r, _ := utf8.DecodeRuneInString(w)
					switch {
					case unicode.IsLower(r):
						low[nlp.Fold(w)]++
					case unicode.IsUpper(r) && i > 0 && toks[i-1].Kind != nlp.Punct:
						caps[nlp.Fold(w)]++
					}
				}
			}
		}
		f.Close()
		if used {
			names = append(names, filepath.Base(name))
		}
	}
	out := map[uint32]entity.WordPrior{}
	for _, m := range []map[string]int{caps, low} {
		for w := range m {
			c := entity.CapsPrior(caps[w], low[w])
			if c == 0 {
				continue
			}
			out[entity.PriorKey(w)] = entity.WordPrior{Caps: c}
		}
	}
	if *clusterK != "" {
		var ks []int
		for _, f := range strings.Split(*clusterK, ",") {
			k, err := strconv.Atoi(f)
			if err != nil || k < 2 || k > 255 {
				log.Fatalf("-clusters: bad size %q", f)
			}
			ks = append(ks, k)
		}
		for w, cl := range wordClusters(sents, ks) {
			k := entity.PriorKey(w)
			p := out[k]
			copy(p.Cluster[:], cl)
			out[k] = p
		}
	}
	return out, fmt.Sprintf("word counts (hashed, no text) from %d English records of %s", records, strings.Join(names, ", "))
}
