package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func writeFile(t *testing.T, dir, name, s string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNERFormats(t *testing.T) {
	dir := t.TempDir()
	conll := "-DOCSTART- -X- -X- O\n\nThe DT B-NP O\nMalian JJ I-NP B-MISC\ngovernment NN I-NP O\nsaid VBD B-VP O\nReuters NNP B-NP B-ORG\nin IN B-PP O\nBamako NNP B-NP B-LOC\n. . O O\n\n"
	writeFile(t, dir, "a.conll", conll)
	bio := "Selon I-PER\nlui O\nle O\nMali I-LOC\nest O\nlà O\n. O\n"
	writeFile(t, dir, "b.bio", bio)
	writeFile(t, dir, "c.txt", "Le Mali et la Russie.")
	writeFile(t, dir, "c.ann", "LOC\t3\t7\tMali\t1\nLOC\t14\t20\tRussie\t2\ntrue\t0\t2\tLe\t3\n")
	hipe := "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC\n" +
		"# hipe2022:document_id = d1\n" +
		"Il\tO\t_\tO\t_\t_\tO\t_\t_\t_\nva\tO\t_\tO\t_\t_\tO\t_\t_\t_\nà\tO\t_\tO\t_\t_\tO\t_\t_\t_\nMoscou\tB-loc\t_\tO\t_\t_\tO\t_\t_\tNoSpaceAfter\n.\tO\t_\tO\t_\t_\tO\t_\t_\tEndOfSentence\n"
	writeFile(t, dir, "d.tsv", hipe)
	writeFile(t, dir, "README.md", "not gold")
	rep, err := NER(context.Background(), []string{dir}, true)
	if err != nil {
		t.Fatal(err)
	}
	if rep.N != 7 {
		t.Errorf("N = %d, want 7 (ORG, LOC + PER, LOC + LOC, LOC + LOC)", rep.N)
	}
	if rep.Skipped[skipNERTrue] != 1 {
		t.Errorf("skipped = %v", rep.Skipped)
	}
	if len(rep.ByFile) != 4 {
		t.Errorf("by_file = %v", rep.ByFile)
	}
	if m := rep.ByType["MISC"]; m.Values["support"] != 1 {
		t.Errorf("MISC = %v", m)
	}
	// Reuters, Bamako, Mali (bio), Mali and Russie, Moscou; "Selon" is not a person.
	if r, _ := rep.Metrics.Get("recall"); r < 0.8 {
		t.Errorf("recall = %v; misses %+v", r, rep.Misses)
	}
}

// TestNERShared scores the shared gold when it is there, with floors a
// little below the scores reached (regressions fail).
func TestNERShared(t *testing.T) {
	floors := map[string]float64{
		"../../../shared/eval/ner-conllpp-en/conllpp_test.docs-001-115.txt": 0.80,
		"../../../shared/eval/ner-fenec-fr":                                 0.70,
	}
	for path, floor := range floors {
		if _, err := os.Stat(path); err != nil {
			t.Skipf("gold not found at %s (it lives beside the repository in ../shared/eval)", path)
		}
		rep, err := NER(context.Background(), []string{path}, false)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := rep.Metrics.Get("f1")
		t.Logf("%s: f1 %.3f", filepath.Base(path), f)
		if f < floor {
			t.Errorf("%s: f1 %.3f under the floor %.2f", path, f, floor)
		}
	}
}

// TestFENECUTF16 reads a FENEC document whose offsets count UTF-16 code
// units, as its tweets do: after an emoji, the surface form tells.
func TestFENECUTF16(t *testing.T) {
	dir := t.TempDir()
	txt := writeFile(t, dir, "t.txt", "Vu 🎥 à Brest et à Lyon.")
	ann := writeFile(t, dir, "t.ann", "LOC\t8\t13\tBrest\t1\nLOC\t0\t2\tVu\t2\n")
	rep := &Report{}
	doc, err := readFENEC(txt, ann, "t", rep)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range doc.gold {
		got = append(got, g.Text)
	}
	if len(got) != 2 || got[0] != "Brest" || got[1] != "Vu" {
		t.Errorf("gold = %q", got)
	}
}
