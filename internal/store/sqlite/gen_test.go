package sqlite

import (
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/store"
)

// gen makes invented articles for load tests and benchmarks: sentences of
// made-up words drawn from a Zipf distribution over a vocabulary of
// genVocab words, so that the full-text index sees a realistic mix of very
// frequent and rare terms.
type gen struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	vocab []string
	n     int    // articles made so far
	tag   string // makes URLs unique across generators
}

const genVocab = 30000

// genCommon are words that every generated text contains several times.
var genCommon = []string{"le", "de", "la", "et", "les", "des", "un", "une", "à", "du"}

func newGen(seed int64, tag string) *gen {
	r := rand.New(rand.NewSource(seed))
	syll := []string{"ba", "ri", "ton", "mé", "lu", "cha", "dé", "nou", "ver", "sa", "gi", "pré", "an", "ou",
		"es", "tra", "mon", "ki", "zé", "por", "vil", "è", "qua", "ro", "fin", "gu", "ne", "ste", "bo", "lia"}
	seen := map[string]bool{}
	g := &gen{r: r, tag: tag}
	g.vocab = append(g.vocab, genCommon...)
	for len(g.vocab) < genVocab {
		var b strings.Builder
		for range 1 + r.Intn(4) {
			b.WriteString(syll[r.Intn(len(syll))])
		}
		if r.Intn(3) == 0 {
			b.WriteString([]string{"s", "ent", "ées", "ment", "ion", "aires"}[r.Intn(6)])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	g.zipf = rand.NewZipf(r, 1.07, 2, genVocab-1)
	return g
}

// word returns a vocabulary word by Zipf rank.
func (g *gen) word() string { return g.vocab[g.zipf.Uint64()] }

// text returns about size bytes of sentences and paragraphs.
func (g *gen) text(size int) string {
	var b strings.Builder
	for b.Len() < size {
		n := 8 + g.r.Intn(18)
		for i := range n {
			w := g.word()
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			if i == n/2 && g.r.Intn(3) == 0 {
				b.WriteByte(',')
			}
		}
		b.WriteString(".")
		if g.r.Intn(4) == 0 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// entry returns a new article of about size bytes of text, with its own
// URL, in French or English, dated or not.
func (g *gen) entry(size int) store.Entry {
	g.n++
	text := g.text(size)
	lang := "fr"
	if g.n%3 == 0 {
		lang = "en"
	}
	url := fmt.Sprintf("https://%s.example/%d", g.tag, g.n)
	var pub veille.Date
	if g.n%5 != 0 {
		pub = veille.Date{Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.n%1500), Precision: veille.PrecisionDay}
	}
	outlet := fmt.Sprintf("Outlet %d", g.n%7)
	a := &veille.Article{
		Hash: veille.ContentHash(text), URL: url, Outlet: outlet, Published: pub, Lang: lang,
		LangSource: "metadata", Title: strings.Join(strings.Fields(g.text(40)), " "), Text: text, Format: veille.FormatJSONL,
		Sources: []veille.Source{{URL: url, Outlet: outlet, Published: pub.String(), Format: veille.FormatJSONL, Origin: "gen"}},
	}
	an := &veille.Analysis{
		Version:    veille.AnalysisVersion,
		Lang:       lang,
		Extractors: []veille.ExtractorRun{{Name: "segment", Version: 1}},
		Sentences:  []veille.Span{{Start: 0, End: len(text)}},
	}
	return store.Entry{Article: a, Analysis: an}
}

// batch returns n entries (see entry).
func (g *gen) batch(n, size int) []store.Entry {
	es := make([]store.Entry, n)
	for i := range es {
		es[i] = g.entry(size)
	}
	return es
}
