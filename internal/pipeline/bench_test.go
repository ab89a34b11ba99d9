package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/veille/veille/internal/extract"
	"github.com/veille/veille/internal/store/sqlite"
)

// BenchmarkIngestCorpus ingests the seed and the shared corpus (15,389
// records) into a fresh SQLite store per iteration — reading, normalising,
// analysing with the extractors of the day, FTS indexing — and reports
// articles/s and MB/s of Article.Text. Goal: ≥ 500 articles/s on a 2-core
// machine.
//
//	go test -run XXX -bench IngestCorpus -benchtime 3x ./internal/pipeline/
func BenchmarkIngestCorpus(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/corpus/*/*.jsonl")
	if len(paths) == 0 {
		b.Skip("../shared/corpus not found: nothing to benchmark")
	}
	paths = append([]string{"../../../shared/seed"}, paths...)
	ctx := context.Background()
	var articles int
	var bytes int64
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		st, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"), sqlite.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := Ingest(ctx, st, extract.Default(), paths, DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if sum.Failed != 0 {
			b.Fatalf("failed=%d", sum.Failed)
		}
		st.Close()
		os.RemoveAll(dir)
		articles += sum.Read
		bytes += sum.Bytes
		b.StartTimer()
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(articles)/sec, "articles/s")
	// MB/s of Article.Text, through SetBytes.
	b.SetBytes(bytes / int64(b.N))
}
