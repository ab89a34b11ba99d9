package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// benchCorpus reads up to max bytes of article text from each JSON Lines
// file of ../shared/corpus, keeping the records in French or English
// (field "language", "en-US" read as "en").
func benchCorpus(b *testing.B, max int) []*veille.Article {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "*", "*.jsonl"))
	if len(files) == 0 {
		b.Skip("../shared/corpus not found")
	}
	var out []*veille.Article
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
		n := 0
		for sc.Scan() && n < max {
			var rec struct {
				Text, Language string
			}
			if json.Unmarshal(sc.Bytes(), &rec) != nil || rec.Text == "" {
				continue
			}
			lang, _, _ := strings.Cut(strings.ToLower(rec.Language), "-")
			if lang != "fr" && lang != "en" {
				continue
			}
			t := nlp.Normalize(rec.Text)
			out = append(out, &veille.Article{Text: t, Lang: lang})
			n += len(t)
		}
		fh.Close()
	}
	return out
}

// BenchmarkStagesCorpus measures each extractor alone over about 6 MB of
// the shared corpus (1 MB of each file, French and English), in bytes of
// Article.Text per second: the stages before it run once beforehand, so
// that each figure is the stage's own cost. "quotes+claims" is the
// quotations-and-claims stage of the pipeline as a whole.
func BenchmarkStagesCorpus(b *testing.B) {
	arts := benchCorpus(b, 1<<20)
	ex := Default().Extractors()
	docs := make([]*Document, len(arts))
	total := 0
	for i, a := range arts {
		docs[i] = &Document{Article: a, Text: a.Text, Lang: a.Lang, Segmentation: nlp.Segment(a.Text)}
		total += len(a.Text)
	}
	// before[k][i] is article i's analysis after the extractors before k.
	before := make([][]veille.Analysis, len(ex))
	cur := make([]veille.Analysis, len(arts))
	for k, e := range ex {
		before[k] = append([]veille.Analysis(nil), cur...)
		for i := range cur {
			e.Extract(docs[i], &cur[i])
		}
	}
	run := func(name string, from, to int) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(total))
			for b.Loop() {
				for i := range docs {
					an := before[from][i] // a shallow copy: stages append their own slices
					for _, e := range ex[from:to] {
						e.Extract(docs[i], &an)
					}
				}
			}
		})
	}
	for k, e := range ex {
		if e.Name() != "structure" { // segmentation is done before any extractor runs
			run(e.Name(), k, k+1)
		}
	}
	for k, e := range ex {
		if e.Name() == "quotes" && k+1 < len(ex) && ex[k+1].Name() == "claims" {
			run("quotes+claims", k, k+2)
		}
	}
}
