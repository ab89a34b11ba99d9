package web

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/veille/veille"
)

// benchQueries reads testdata/queries.txt as API request paths.
func benchQueries(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open("testdata/queries.txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var paths []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, " | ")
		v := url.Values{"q": {strings.TrimSpace(parts[0])}}
		for _, p := range parts[1:] {
			k, val, _ := strings.Cut(strings.TrimSpace(p), "=")
			v.Set(k, val)
		}
		paths = append(paths, "/api/v1/search?"+v.Encode())
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return paths
}

func TestBenchQueries(t *testing.T) {
	qs := benchQueries(t)
	if len(qs) < 50 {
		t.Fatalf("%d benchmark queries, want at least 50", len(qs))
	}
	ts, st := server(t, Options{})
	mustPut(t, st, &veille.Article{Title: "Accord", Text: seedText, Lang: "fr"}, nil)
	for _, q := range qs {
		if code, body, _ := get(t, ts, q); code != 200 {
			t.Errorf("%s: %d %s", q, code, body)
		}
	}
}

// BenchmarkSearchAPI runs the fixed queries of testdata/queries.txt
// through the API handler over the whole shared corpus and reports the
// 95th percentile of the request times (p95-ms) and the median (p50-ms):
// "hits" as the API answers by default, "facets" with facets=true (what
// the search page asks for).
func BenchmarkSearchAPI(b *testing.B) {
	corpus := needShared(b, "corpus")
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*.jsonl"))
	if len(files) == 0 {
		b.Skip("no corpus files")
	}
	st := mustStore(b)
	// Search reads titles and texts only: the structure extractor is
	// enough, and keeps the set-up short.
	sum := mustIngest(b, st, structureOnly, append([]string{filepath.Join(shared, "seed")}, files...)...)
	b.Logf("corpus: %v", sum)
	h := New(st, Options{})
	qs := benchQueries(b)
	for _, v := range []struct{ name, extra string }{{"hits", ""}, {"facets", "&facets=true"}} {
		b.Run(v.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				for _, q := range qs {
					req := httptest.NewRequest("GET", "http://127.0.0.1:8080"+q+v.extra, nil)
					rec := httptest.NewRecorder()
					start := time.Now()
					h.ServeHTTP(rec, req)
					times = append(times, time.Since(start))
					if rec.Code != http.StatusOK {
						b.Fatalf("%s: %d %s", q, rec.Code, rec.Body)
					}
				}
			}
			slices.Sort(times)
			pct := func(p float64) float64 {
				return float64(times[int(p*float64(len(times)-1))]) / float64(time.Millisecond)
			}
			b.ReportMetric(pct(0.95), "p95-ms")
			b.ReportMetric(pct(0.50), "p50-ms")
			b.ReportMetric(float64(len(qs)), "queries/op")
		})
	}
}
