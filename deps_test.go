package veille_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestExtractionStaysPure checks the import rule of docs/ARCHITECTURE.md:
// nothing under internal/extract (nor nlp, lexicon) reaches a database, a
// queue, the web layer or the network, directly or through a dependency.
func TestExtractionStaysPure(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found: import rules not checked")
	}
	out, err := exec.Command(goBin, "list", "-deps", "./internal/extract/...", "./internal/nlp/...", "./internal/lexicon/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := []string{
		"database/sql", "net/http", "net/rpc",
		"github.com/veille/veille/internal/store", "github.com/veille/veille/internal/web",
		"github.com/veille/veille/internal/pipeline", "github.com/veille/veille/internal/ingest",
		"modernc.org/sqlite",
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, f := range forbidden {
			if dep == f || strings.HasPrefix(dep, f+"/") {
				t.Errorf("extraction depends on %s", dep)
			}
		}
	}
}
