package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/veille/veille/internal/extract"
	"github.com/veille/veille/internal/store"
)

// memPutter is an in-memory Putter deciding outcomes by hash only.
type memPutter struct {
	mu     sync.Mutex
	hashes map[string]string
	order  []string
	fail   bool
}

func (m *memPutter) Put(ctx context.Context, es []store.Entry) ([]store.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail {
		return nil, errors.New("disk full")
	}
	var out []store.PutResult
	for _, e := range es {
		if id, ok := m.hashes[e.Article.Hash]; ok {
			out = append(out, store.PutResult{ID: id, Outcome: store.Duplicate})
			continue
		}
		m.hashes[e.Article.Hash] = e.Article.ID
		m.order = append(m.order, e.Article.Title)
		out = append(out, store.PutResult{ID: e.Article.ID, Outcome: store.New})
	}
	return out, nil
}

func TestIngestCountsAndOrder(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := 0; i < 300; i++ {
		lines = append(lines, fmt.Sprintf(`{"id": "r%d", "title": "T%03d", "text": "Texte numéro %d de l’essai."}`, i, i, i%250))
	}
	lines = append(lines, `{broken`)
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(strings.Join(lines, "\n")), 0o644)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("# doc"), 0o644)
	m := &memPutter{hashes: map[string]string{}}
	opts := DefaultOptions()
	opts.BatchSize = 7
	opts.Workers = 3
	sum, err := Ingest(context.Background(), m, extract.Default(), []string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 300 || sum.New != 250 || sum.Duplicate != 50 || sum.Failed != 1 || sum.Skipped != 1 {
		t.Fatalf("summary %s", sum)
	}
	for i, title := range m.order {
		if title != fmt.Sprintf("T%03d", i) {
			t.Fatalf("stored out of order at %d: %s", i, title)
		}
	}
	// Second run: nothing new.
	sum, err = Ingest(context.Background(), m, extract.Default(), []string{dir}, opts)
	if err != nil || sum.New != 0 || sum.Duplicate != 300 {
		t.Fatalf("second run: %s, %v", sum, err)
	}
	if got := sum.String(); !strings.HasPrefix(got, "read=300 new=0 updated=0 duplicate=300 skipped=1 failed=1") {
		t.Errorf("summary line %q", got)
	}
}

func TestIngestStoreFailureStops(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Un texte."), 0o644)
	_, err := Ingest(context.Background(), &memPutter{fail: true}, extract.Default(), []string{dir}, DefaultOptions())
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v", err)
	}
}

func TestIngestCancel(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := 0; i < 2000; i++ {
		lines = append(lines, fmt.Sprintf(`{"text": "Texte %d."}`, i))
	}
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(strings.Join(lines, "\n")), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	opts := DefaultOptions()
	opts.Progress = func(s Summary) {
		if s.Read == 100 {
			cancel()
		}
	}
	_, err := Ingest(ctx, &memPutter{hashes: map[string]string{}}, extract.Default(), []string{dir}, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
