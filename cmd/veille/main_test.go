package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs veille in-process with args and returns stdout, stderr and the
// exit status.
func run(t *testing.T, env map[string]string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	code := m.Run(context.Background(), args)
	return out.String(), errb.String(), code
}

const seedDir = "../../../shared/seed"

func needShared(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not found (../shared absent): skipping", path)
	}
}

// An invented article in the seed's layout, for tests that must not depend
// on ../shared.
const invented = " date 2021-09 Le conseil de Tombouctou serait en passe de conclure un accord avec la société Wagner, selon des sources locales.\n\nLe maire répond\n\n« Ce sont des rumeurs », a dit le porte-parole, Jean Diarra"

func TestIngestShowSearch(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"VEILLE_DB": filepath.Join(dir, "v.db")}
	art := filepath.Join(dir, "in", "a.txt")
	os.MkdirAll(filepath.Dir(art), 0o755)
	os.WriteFile(art, []byte(invented), 0o644)
	os.WriteFile(filepath.Join(dir, "in", "SOURCE.md"), []byte("# where it comes from"), 0o644)

	_, stderr, code := run(t, env, "", "ingest", filepath.Join(dir, "in"))
	if code != 0 || !strings.Contains(stderr, "read=1 new=1 updated=0 duplicate=0 skipped=1 failed=0") {
		t.Fatalf("ingest: code %d, stderr %s", code, stderr)
	}
	// Again, with --json after the argument: nothing new.
	stdout, _, code := run(t, env, "", "ingest", filepath.Join(dir, "in"), "--json")
	var sum struct{ Read, New, Duplicate int }
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil || code != 0 || sum.New != 0 || sum.Duplicate != 1 {
		t.Fatalf("second ingest: %q code %d err %v", stdout, code, err)
	}
	// Flags after the query.
	stdout, stderr, code = run(t, env, "", "search", "wagner", "--json", "--lang", "fr")
	if code != 0 {
		t.Fatalf("search: %d %s", code, stderr)
	}
	var hit struct{ ID, Lang, Snippet, Published string }
	if err := json.Unmarshal([]byte(strings.SplitN(stdout, "\n", 2)[0]), &hit); err != nil {
		t.Fatalf("search output %q: %v", stdout, err)
	}
	if hit.Lang != "fr" || hit.Published != "2021-09" || !strings.Contains(strings.ToLower(hit.Snippet), "wagner") {
		t.Errorf("hit = %+v", hit)
	}
	// Apostrophes and hyphens never raise a syntax error.
	for _, q := range []string{"l’accord", "porte-parole", `"ce sont`, "NEAR(", "*"} {
		_, stderr, code := run(t, env, "", "search", q)
		if code == 1 {
			t.Errorf("search %q failed: %s", q, stderr)
		}
	}
	// show by ID, with JSON.
	stdout, stderr, code = run(t, env, "", "show", hit.ID, "--json")
	if code != 0 {
		t.Fatalf("show: %d %s", code, stderr)
	}
	var line articleLine
	if err := json.Unmarshal([]byte(stdout), &line); err != nil {
		t.Fatal(err)
	}
	if line.Article.ID != hit.ID || line.Analysis == nil || len(line.Analysis.Headings) != 1 {
		t.Errorf("show: %+v", line)
	}
	// show for people lists what the extractors found.
	stdout, _, code = run(t, env, "", "show", hit.ID)
	for _, want := range []string{"entities (", "veille:org/wagner", "quotations (", "Jean Diarra: \"Ce sont des rumeurs\"", "claims (", "denied"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("show: code %d, %q not in\n%s", code, want, stdout)
		}
	}
	// analyze gives the same ID without storing.
	stdout, _, code = run(t, map[string]string{"VEILLE_DB": filepath.Join(dir, "other.db")}, "", "analyze", art)
	if code != 0 || !strings.Contains(stdout, `"id":"`+hit.ID+`"`) {
		t.Errorf("analyze: code %d, id not %s in %.200s", code, hit.ID, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "other.db")); err == nil {
		t.Errorf("analyze created a store")
	}
	// Unknown article.
	if _, stderr, code := run(t, env, "", "show", "nope"); code != 1 || !strings.Contains(stderr, "nope") {
		t.Errorf("show nope: %d %s", code, stderr)
	}
	// stats and reanalyze.
	if stdout, _, code := run(t, env, "", "stats", "--json"); code != 0 || !strings.Contains(stdout, `"articles":1`) {
		t.Errorf("stats: %d %s", code, stdout)
	}
	if _, stderr, code := run(t, env, "", "reanalyze", "--all"); code != 0 || !strings.Contains(stderr, "reanalyzed=1") {
		t.Errorf("reanalyze: %d %s", code, stderr)
	}
}

func TestIngestFailureExitStatus(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"VEILLE_DB": filepath.Join(dir, "v.db")}
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Un article valide."), 0o644)
	_, stderr, code := run(t, env, "", "ingest", dir)
	if code != 1 || !strings.Contains(stderr, "new=1") || !strings.Contains(stderr, "failed=1") || !strings.Contains(stderr, "empty.txt") {
		t.Errorf("code %d stderr %s", code, stderr)
	}
}

func TestStdin(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"VEILLE_DB": filepath.Join(dir, "v.db")}
	// Main reads os.Stdin through ingest.Walk; here analyze - reads m.Stdin.
	stdout, stderr, code := run(t, env, invented, "analyze", "-")
	if code != 0 || !strings.Contains(stdout, `"published":"2021-09"`) {
		t.Errorf("analyze -: %d %s %.200s", code, stderr, stdout)
	}
}

func TestUsage(t *testing.T) {
	if _, _, code := run(t, nil, "", "frobnicate"); code != 2 {
		t.Errorf("unknown command: code %d", code)
	}
	stdout, _, code := run(t, nil, "", "search", "--help")
	if code != 0 || !strings.Contains(stdout, "Examples:") {
		t.Errorf("search --help: %d %q", code, stdout)
	}
	if _, _, code := run(t, nil, "", "search"); code != 2 {
		t.Errorf("search without query: %d", code)
	}
}

func TestSeed(t *testing.T) {
	needShared(t, seedDir)
	dir := t.TempDir()
	env := map[string]string{"VEILLE_DB": filepath.Join(dir, "v.db")}
	if _, stderr, code := run(t, env, "", "ingest", seedDir); code != 0 || !strings.Contains(stderr, "new=1") {
		t.Fatalf("ingest seed: %d %s", code, stderr)
	}
	stdout, _, _ := run(t, env, "", "search", "mercenaire", "--json")
	var hit struct{ ID, Lang, Published string }
	json.Unmarshal([]byte(strings.SplitN(stdout, "\n", 2)[0]), &hit)
	if hit.Lang != "fr" || hit.Published != "2021-09" {
		t.Fatalf("seed hit %+v", hit)
	}
	stdout, _, _ = run(t, env, "", "show", hit.ID, "--json")
	var line articleLine
	json.Unmarshal([]byte(stdout), &line)
	if line.Article == nil || line.Article.Published.Precision != "month" {
		t.Fatalf("seed: %+v", line.Article)
	}
	var heads []string
	for _, h := range line.Analysis.Headings {
		heads = append(heads, line.Article.Text[h.Start:h.End])
	}
	if len(heads) != 2 || heads[0] != "La France passe à l’offensive" || heads[1] != "Le Mali entretient le flou" {
		t.Errorf("seed headings = %q", heads)
	}
	for _, s := range line.Analysis.Sentences {
		if strings.HasPrefix(line.Article.Text[s.Start:], "La France passe") {
			t.Errorf("heading read as sentence")
		}
	}
	if stdout, _, _ := run(t, env, "", "search", "decennie", "--json"); !strings.Contains(stdout, hit.ID) {
		t.Errorf("decennie does not find the seed")
	}
}

func TestCommandLineForms(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "v.db")
	in := filepath.Join(dir, "a.jsonl")
	os.WriteFile(in, []byte(`{"id": "c1", "url": "https://ex.org/a?utm_source=rss#top", "outlet": "Le Journal", "title": "Wagner au Sahel", "text": "Le groupe Wagner et la Russie au Sahel."}`+"\n"+
		`{"id": "c2", "title": "Wagner en Russie", "text": "Le groupe Wagner en Russie seulement."}`), 0o644)
	// Reading commands never create a store.
	if _, stderr, code := run(t, nil, "", "search", "wagner", "--db", db); code != 1 || !strings.Contains(stderr, "no store at") {
		t.Errorf("search on a missing store: %d %s", code, stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatalf("search created %s", db)
	}
	// Flags before the command.
	if _, stderr, code := run(t, nil, "", "--db", db, "ingest", in); code != 0 {
		t.Fatalf("veille --db X ingest: %d %s", code, stderr)
	}
	// A -word that names no flag is a query word.
	stdout, stderr, code := run(t, nil, "", "search", "--db", db, "wagner", "-russie", "--json")
	if code != 0 || strings.Count(stdout, "\n") != 0 && !strings.Contains(stdout, "Sahel") {
		t.Errorf("search wagner -russie: %d %s %s", code, stdout, stderr)
	}
	if strings.Count(stdout, "\n") != 0 {
		// Both texts hold "Russie"/"russie": nothing must remain.
		t.Errorf("wagner -russie returned %q", stdout)
	}
	stdout, _, _ = run(t, nil, "", "search", "--db", db, "wagner", "NOT", "sahel", "--json")
	if strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, "Wagner en Russie") {
		t.Errorf("wagner NOT sahel = %q", stdout)
	}
	// Case-insensitive outlet.
	stdout, _, _ = run(t, nil, "", "search", "--db", db, "wagner", "--outlet", "le journal", "--json")
	if strings.Count(stdout, "\n") != 1 {
		t.Errorf("--outlet 'le journal' = %q", stdout)
	}
	// A URL as the input wrote it, and with the other scheme.
	for _, key := range []string{"https://ex.org/a?utm_source=rss#top", "http://ex.org/a", "c1"} {
		if _, stderr, code := run(t, nil, "", "show", "--db", db, key); code != 0 {
			t.Errorf("show %s: %d %s", key, code, stderr)
		}
	}
	// Bad flag values are usage errors.
	for _, args := range [][]string{{"--limit", "0"}, {"--limit", "-1"}, {"--since", "notadate"}, {"--lang", "klingon9"}} {
		if _, _, code := run(t, nil, "", append([]string{"search", "--db", db, "wagner"}, args...)...); code != 2 {
			t.Errorf("search %v: code %d, want 2", args, code)
		}
	}
}

// TestSourceIDsAreScoped: the same corpus id in two datasets names two
// articles, not two versions of one.
func TestSourceIDsAreScoped(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"VEILLE_DB": filepath.Join(dir, "v.db")}
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(`{"id": "1", "text": "La CEDEAO lève les sanctions."}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(`{"id": "1", "text": "Le match de football est reporté."}`+"\n"), 0o644)
	_, stderr, code := run(t, env, "", "ingest", filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl"))
	if code != 0 || !strings.Contains(stderr, "new=2 updated=0") {
		t.Fatalf("%d %s", code, stderr)
	}
	// The same id in the same file with an edited text is a new version.
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(`{"id": "1", "text": "La CEDEAO lève enfin les sanctions."}`+"\n"), 0o644)
	_, stderr, _ = run(t, env, "", "ingest", filepath.Join(dir, "a.jsonl"))
	if !strings.Contains(stderr, "new=0 updated=1") {
		t.Errorf("edited record: %s", stderr)
	}
	if stdout, _, _ := run(t, env, "", "search", "CEDEAO", "--json"); strings.Count(stdout, "\n") != 1 {
		t.Errorf("search CEDEAO = %q", stdout)
	}
}
