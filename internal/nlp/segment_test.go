package nlp

import (
	"testing"

	"github.com/veille/veille"
)

func TestSegmentHeadings(t *testing.T) {
	// Invented text in the seed's layout: a heading between blank lines,
	// and a long last paragraph that ends with a name (not a heading).
	text := "Le conseil a voté un budget. Les élus ont approuvé le texte.\n\n" +
		"Le maire répond\n\n" +
		"« Nous ferons mieux », a dit M. Dupont, tout en assurant que rien n’était décidé sur la suite des travaux du port, a dit le porte-parole, Jean Martin\n\n" +
		"Fin"
	seg := Segment(text)
	if len(seg.Paragraphs) != 4 {
		t.Fatalf("paragraphs = %d, want 4", len(seg.Paragraphs))
	}
	if len(seg.Headings) != 1 || text[seg.Headings[0].Start:seg.Headings[0].End] != "Le maire répond" {
		t.Fatalf("headings = %v", seg.Headings)
	}
	var got []string
	for _, s := range seg.Sentences {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{
		"Le conseil a voté un budget.",
		"Les élus ont approuvé le texte.",
		"« Nous ferons mieux », a dit M. Dupont, tout en assurant que rien n’était décidé sur la suite des travaux du port, a dit le porte-parole, Jean Martin",
		"Fin",
	}
	if len(got) != len(want) {
		t.Fatalf("sentences = %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestSentences(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"Il a payé 9,15 millions. Puis il est parti.", 2},
		{"Les U.S. forces left. They came back.", 2},
		{"Selon Mme. Dupont, c'est fini. Vraiment ?", 2},
		{"« C'est faux. » Le ministre a démenti.", 2},
		{"Il y avait 2.500 soldats. Ensuite 300.", 2},
		{"Un seul morceau sans point", 1},
		{"J. Smith said so. He left.", 2},
		{"The minister argues there is no point. ''We must not overreact,'' he said.", 2},
		{"''The road is closed.'' Officials left. ''It will reopen.''", 3},
	}
	for _, c := range cases {
		got := Sentences(c.text, spanOf(c.text))
		if len(got) != c.want {
			var parts []string
			for _, s := range got {
				parts = append(parts, c.text[s.Start:s.End])
			}
			t.Errorf("Sentences(%q) = %q, want %d sentences", c.text, parts, c.want)
		}
	}
}

func TestParagraphsWithoutBlankLines(t *testing.T) {
	text := "First line of a paragraph that wraps\nand goes on here.\nSecond paragraph.\n    Indented third"
	seg := Segment(text)
	if len(seg.Paragraphs) != 3 {
		var parts []string
		for _, s := range seg.Paragraphs {
			parts = append(parts, text[s.Start:s.End])
		}
		t.Fatalf("paragraphs = %q", parts)
	}
	if len(seg.Headings) != 0 {
		t.Fatalf("no heading expected without blank lines, got %v", seg.Headings)
	}
}

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"  e\u0301te\u0301 \r\nsuite  \n\n": "été\nsuite",
		"a\x00b\x07c":                       "abc",
		"bad \xff byte":                     "bad \uFFFD byte",
		"l’accord":                          "l’accord",
	}
	for in, want := range cases {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"", "Titre\n\nUn texte. Deux.", "« a » b.\n\n\n c", "M. X a dit. U.S. Y", "\xff\n\n."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := Normalize(s)
		seg := Segment(text)
		last := 0
		for _, sp := range seg.Sentences {
			if !sp.In(len(text)) || sp.Start < last || sp.Len() == 0 {
				t.Fatalf("bad sentence span %v in %q", sp, text)
			}
			last = sp.End
		}
		for _, sp := range append(seg.Paragraphs, seg.Headings...) {
			if !sp.In(len(text)) || sp.Len() == 0 {
				t.Fatalf("bad span %v", sp)
			}
		}
	})
}

func spanOf(s string) veille.Span { return veille.Span{Start: 0, End: len(s)} }
