package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary act as the veille command when
// VEILLE_TEST_MAIN is set, so tests can run (and kill) a real process.
func TestMain(m *testing.M) {
	if os.Getenv("VEILLE_TEST_MAIN") == "1" {
		os.Exit(NewMain().Run(context.Background(), os.Args[1:]))
	}
	os.Exit(m.Run())
}

// TestKilledIngestResumes kills an ingest with SIGKILL halfway, then runs
// it again: the second run stores the rest, nothing twice, and the store is
// consistent (every article searchable exactly once).
func TestKilledIngestResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the kill test")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "v.db")
	in := filepath.Join(dir, "many.jsonl")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	const n = 20000
	for i := 0; i < n; i++ {
		fmt.Fprintf(f, `{"id": "k%d", "url": "https://ex.org/%d", "title": "Titre %d", "text": "Article numéro %d sur la sécurité au Sahel et le groupe Wagner."}`+"\n", i, i, i, i)
	}
	f.Close()

	cmd := exec.Command(os.Args[0], "ingest", "--db", db, "--quiet", in)
	cmd.Env = append(os.Environ(), "VEILLE_TEST_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some batches are committed.
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if fi, err := os.Stat(db + "-wal"); err == nil && fi.Size() > 2<<20 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Kill()
	err = cmd.Wait()
	killed := err != nil && strings.Contains(err.Error(), "killed")

	env := map[string]string{"VEILLE_DB": db}
	stdout, stderr, code := run(t, env, "", "ingest", "--json", "--quiet", in)
	if code != 0 {
		t.Fatalf("second ingest: %d %s", code, stderr)
	}
	var sum struct{ Read, New, Duplicate, Updated int }
	json.Unmarshal([]byte(stdout), &sum)
	if sum.Read != n || sum.New+sum.Duplicate != n || sum.Updated != 0 {
		t.Fatalf("second run: %+v", sum)
	}
	if killed && sum.New == 0 {
		t.Errorf("the killed run stored everything before dying; the test proved nothing")
	}
	t.Logf("killed=%v; second run new=%d duplicate=%d", killed, sum.New, sum.Duplicate)
	stdout, _, _ = run(t, env, "", "stats", "--json")
	var st struct{ Articles, Sources, Versions int }
	json.Unmarshal([]byte(stdout), &st)
	if st.Articles != n || st.Sources != n || st.Versions != n {
		t.Errorf("stats after resume: %+v, want %d each", st, n)
	}
	stdout, _, _ = run(t, env, "", "show", "k19999", "--json")
	if !strings.Contains(stdout, "Titre 19999") {
		t.Errorf("last record not stored: %.200s", stdout)
	}
}

// TestWatchdog checks that the process is stopped a grace period after
// the first interrupt, and not before it.
func TestWatchdog(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	exited := make(chan time.Time, 1)
	go watchdog(ctx, func() { close(stopped) }, 50*time.Millisecond, func() { exited <- time.Now() })
	select {
	case <-exited:
		t.Fatal("exit before any interrupt")
	case <-time.After(100 * time.Millisecond):
	}
	at := time.Now()
	cancel()
	select {
	case when := <-exited:
		if when.Sub(at) < 50*time.Millisecond {
			t.Errorf("exit after %v, before the grace period", when.Sub(at))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no exit after the interrupt")
	}
	select {
	case <-stopped:
	default:
		t.Error("signals not restored before exiting")
	}
}
