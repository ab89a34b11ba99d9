//go:build ignore

// Train writes the weights of the English entity tagger
// (data/tagger_en.gz) from a CoNLL-2003 file in IOB2 (token POS chunk
// NER, blank lines between sentences, -DOCSTART- between documents):
//
//	go run train.go [-epochs 24] [-seeds 5] [-prune 0.3] [-holdout 0] ../../../../shared/eval/ner-conllpp-en/conllpp_dev.txt
//
// (go generate runs it so.) Two passes are trained: the first tags from
// the sentence and what the document said before; the second also knows
// how the first tagged the other mentions of each word in the document,
// and learns from first-pass tags made without the document (5 folds).
// A capitalisation prior of words is counted over the English records of
// -corpus (hashed words, no text). Each document is rebuilt as its tokens joined by spaces, one sentence
// per line, and cut again by nlp.Tokenize, so that training sees the
// tokens the recognizer will see; a token takes the tag of the gold
// mention it starts or continues. The training text is not written
// anywhere; only hashed feature weights are. With -holdout N, every Nth
// document is held out and the span F1 on them is printed after each
// epoch (the weights are then not written).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"path/filepath"
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
	prune := flag.Float64("prune", 0.3, "drop averaged weights smaller than this")
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
	var train, test []*doc
	for i, d := range docs {
		if *holdout > 0 && i%*holdout == *holdout-1 {
			test = append(test, d)
		} else {
			train = append(train, d)
		}
	}
	log.Printf("%d training documents, %d held out", len(train), len(test))

	// The second pass learns from first-pass tags as they will be at
	// run time, with errors: each document's come from a first pass
	// trained without it (5 folds).
	const folds = 5
	first := map[*doc][][]int{}
	for f := 0; f < folds; f++ {
		var in []*doc
		for i, d := range train {
			if i%folds != f {
				in = append(in, d)
			}
		}
		w := trainPass(in, *epochs)
		for i, d := range train {
			if i%folds == f {
				first[d] = predict(w, d)
			}
		}
	}
	w1 := trainPass(train, *epochs)
	for _, d := range train {
		d.d.UseFirstPass(first[d])
	}
	w2 := trainPass(train, *epochs)
	if len(test) > 0 {
		tp1, tp2, np1, np2, ng := 0, 0, 0, 0, 0
		for _, d := range test {
			d.d.UseFirstPass(nil)
			t1 := predict(w1, d)
			d.d.UseFirstPass(t1)
			t2 := predict(w2, d)
			for s, gold := range d.gold {
				gs, p1, p2 := spans(gold), spans(t1[s]), spans(t2[s])
				ng += len(gs)
				np1 += len(p1)
				np2 += len(p2)
				for k := range p1 {
					if gs[k] {
						tp1++
					}
				}
				for k := range p2 {
					if gs[k] {
						tp2++
					}
				}
			}
		}
		f := func(tp, np int) float64 {
			pr, rc := float64(tp)/float64(max(np, 1)), float64(tp)/float64(max(ng, 1))
			return 2 * pr * rc / max(pr+rc, 1e-9)
		}
		log.Printf("held-out span F1: first pass %.4f, second pass %.4f", f(tp1, np1), f(tp2, np2))
		return
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
		"capitalisation prior: " + words,
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
	return out, fmt.Sprintf("word counts (hashed, no text) from %d English records of %s", records, strings.Join(names, ", "))
}
