package entity

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// corpusTexts reads the article texts of ../shared/corpus (JSON Lines
// with a "text" field), up to max bytes.
func corpusTexts(tb testing.TB, max int) []string {
	files, _ := filepath.Glob("../../../../shared/corpus/*/*.jsonl")
	if len(files) == 0 {
		tb.Skip("../shared/corpus not found")
	}
	var out []string
	n := 0
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
		for sc.Scan() && n < max {
			var rec struct {
				Text string `json:"text"`
			}
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Text != "" {
				t := nlp.Normalize(rec.Text)
				out = append(out, t)
				n += len(t)
			}
		}
		fh.Close()
	}
	return out
}

// corpusUnits returns corpusTexts with each text's sentences and
// headings (segmentation done beforehand) and their total size in bytes.
func corpusUnits(b *testing.B, max int) ([]string, [][]veille.Span, int) {
	texts := corpusTexts(b, max)
	units := make([][]veille.Span, len(texts))
	total := 0
	for i, t := range texts {
		seg := nlp.Segment(t)
		units[i] = append(seg.Sentences, seg.Headings...)
		total += len(t)
	}
	return texts, units, total
}

// BenchmarkRecognize measures this stage alone (segmentation done
// beforehand) over the shared corpus, in bytes of text per second.
func BenchmarkRecognize(b *testing.B) {
	texts, units, total := corpusUnits(b, 8<<20)
	x := New()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		for i, t := range texts {
			x.Recognize(t, units[i])
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Sys)/(1<<20), "MB-sys")
}

// BenchmarkTagger measures the English tagger alone (documents
// prepared, then tagged in two passes) over the shared corpus.
func BenchmarkTagger(b *testing.B) {
	texts, units, total := corpusUnits(b, 2<<20)
	m := loadTagger()
	if m == nil {
		b.Fatal("the embedded English tagger does not load")
	}
	m.tag(NewTaggerDoc(texts[0], units[0])) // loads the lexicon
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		for i, t := range texts {
			m.tag(NewTaggerDoc(t, units[i]))
		}
	}
}
