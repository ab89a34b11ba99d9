package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a server goroutine and a test.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `veille serve` in-process on a free loopback port and
// returns its base URL; the server stops when the test ends.
func startServe(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var errb syncBuffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	done := make(chan int, 1)
	go func() { done <- m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d: %s", code, errb.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	re := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if u := re.FindString(errb.String()); u != "" {
			return strings.TrimSuffix(u, "/")
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve printed no address: %s", errb.String())
	return ""
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return resp.StatusCode
}

// TestServe serves a store while `veille ingest` writes to it from another
// connection (WAL): the server sees the new articles at once.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"VEILLE_DB": filepath.Join(dir, "v.db")}
	base := startServe(t, env)

	var res struct {
		Hits []struct{ ID, Snippet string }
	}
	if code := getJSON(t, base+"/api/v1/search?q=tombouctou", &res); code != 200 || len(res.Hits) != 0 {
		t.Fatalf("empty store: %d %+v", code, res)
	}
	art := filepath.Join(dir, "a.txt")
	os.WriteFile(art, []byte(" date 2021-09 Le conseil de Tombouctou serait en passe de conclure un accord.\n\nLe maire répond\n\nIl dément."), 0o644)
	var wg sync.WaitGroup
	wg.Go(func() {
		if _, stderr, code := run(t, env, "", "ingest", art); code != 0 {
			t.Errorf("ingest while serving: %d %s", code, stderr)
		}
	})
	// Reads go on while the ingest writes.
	for range 20 {
		var r struct{ Hits []any }
		if code := getJSON(t, base+"/api/v1/search?q=wagner", &r); code != 200 {
			t.Errorf("search during ingest: %d", code)
		}
	}
	wg.Wait()
	if code := getJSON(t, base+"/api/v1/search?q=tombouctou", &res); code != 200 || len(res.Hits) != 1 {
		t.Fatalf("after ingest: %d %+v", code, res)
	}
	resp, err := http.Get(base + "/articles/" + res.Hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Le maire répond") {
		t.Errorf("article page: %d", resp.StatusCode)
	}

	// Loopback without a token: writes allowed.
	resp, err = http.Post(base+"/api/v1/articles", "application/json", strings.NewReader(`{"title": "t", "text": "Un texte posté."}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Errorf("POST on loopback: %d", resp.StatusCode)
	}
}

func TestServeToken(t *testing.T) {
	env := map[string]string{"VEILLE_DB": filepath.Join(t.TempDir(), "v.db"), "VEILLE_TOKEN": "s3cret"}
	base := startServe(t, env)
	post := func(auth string) int {
		req, _ := http.NewRequest("POST", base+"/api/v1/articles", strings.NewReader(`{"title": "t", "text": "Un texte."}`))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(""); code != 401 {
		t.Errorf("no token: %d", code)
	}
	if code := post("Bearer s3cret"); code != http.StatusCreated {
		t.Errorf("token: %d", code)
	}
}

func TestServeUsage(t *testing.T) {
	if _, _, code := run(t, nil, "", "serve", "extra"); code != 2 {
		t.Errorf("serve extra: %d", code)
	}
	stdout, _, code := run(t, nil, "", "serve", "--help")
	if code != 0 || !strings.Contains(stdout, "--addr") || !strings.Contains(stdout, "VEILLE_TOKEN") {
		t.Errorf("serve --help: %d %s", code, stdout)
	}
}
