package web

import (
	"html"
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/veille/veille"
)

var tagRE = regexp.MustCompile(`<span[^>]*>|</span>`)

// checkInline checks that out is well-formed nested spans whose text is
// text[p], escaped.
func checkInline(t *testing.T, text string, p veille.Span, out string) {
	t.Helper()
	depth := 0
	for _, m := range tagRE.FindAllString(out, -1) {
		if m == "</span>" {
			depth--
		} else {
			depth++
		}
		if depth < 0 {
			t.Fatalf("closes more than it opens: %s", out)
		}
	}
	if depth != 0 {
		t.Fatalf("%d spans left open: %s", depth, out)
	}
	if got := html.UnescapeString(tagRE.ReplaceAllString(out, "")); got != text[p.Start:p.End] {
		t.Fatalf("text = %q, want %q", got, text[p.Start:p.End])
	}
}

func TestRenderInline(t *testing.T) {
	text := "Le groupe <Wagner> & « six milliards » de francs CFA."
	p := veille.Span{Start: 0, End: len(text)}
	for _, tc := range []struct {
		marks []mark
		want  string
	}{
		{nil, "Le groupe &lt;Wagner&gt; &amp; « six milliards » de francs CFA."},
		{[]mark{{Span: veille.Span{Start: 3, End: 9}, Class: "a", Anchor: "x1", Tip: `"tip"`}},
			`Le <span class="a" id="x1" data-tip="&#34;tip&#34;" tabindex="0">groupe</span> &lt;Wagner&gt; &amp; « six milliards » de francs CFA.`},
		// Crossing marks: the later one is split where the first ends.
		{[]mark{{Span: veille.Span{Start: 0, End: 9}, Class: "a"}, {Span: veille.Span{Start: 3, End: 18}, Class: "b", Anchor: "b1"}},
			`<span class="a">Le <span class="b" id="b1">groupe</span></span><span class="b"> &lt;Wagner&gt;</span> &amp; « six milliards » de francs CFA.`},
		// Same span twice, and an empty one.
		{[]mark{{Span: veille.Span{Start: 0, End: 2}, Class: "a"}, {Span: veille.Span{Start: 0, End: 2}, Class: "b"}, {Span: veille.Span{Start: 5, End: 5}, Class: "c"}},
			`<span class="a"><span class="b">Le</span></span> groupe &lt;Wagner&gt; &amp; « six milliards » de francs CFA.`},
	} {
		for i := range tc.marks {
			tc.marks[i].n = i
		}
		got := renderInline(text, p, tc.marks, make([]bool, len(tc.marks)))
		if got != tc.want {
			t.Errorf("renderInline(%v)\n got %s\nwant %s", tc.marks, got, tc.want)
		}
		checkInline(t, text, p, got)
	}
}

func TestRenderBlocksRandom(t *testing.T) {
	text := "Premier paragraphe, avec « guillemets » & <balises>.\n\nTitre\n\nDernier paragraphe : 9,15 millions d’euros."
	h := strings.Index(text, "Titre")
	an := &veille.Analysis{
		Paragraphs: []veille.Span{{Start: 0, End: h - 2}, {Start: h, End: h + 5}, {Start: h + 7, End: len(text)}},
		Headings:   []veille.Span{{Start: h, End: h + 5}},
	}
	r := rand.New(rand.NewSource(1))
	for range 500 {
		var marks []mark
		for range r.Intn(8) {
			s := r.Intn(len(text))
			e := s + r.Intn(len(text)-s+1)
			// Keep spans on rune boundaries, as marksOf does.
			if _, ok := spanText(text, veille.Span{Start: s, End: e}); !ok {
				continue
			}
			marks = append(marks, mark{Span: veille.Span{Start: s, End: e}, Class: "k", Anchor: "a"})
		}
		blocks, outline := renderBlocks(text, an, marks)
		if len(blocks) != 3 || !blocks[1].Heading || len(outline.Items) != 1 || outline.Items[0].Text != "Titre" {
			t.Fatalf("blocks %+v outline %+v", blocks, outline)
		}
		for i, b := range blocks {
			checkInline(t, text, an.Paragraphs[i], string(b.HTML))
		}
		all := ""
		for _, b := range blocks {
			all += string(b.HTML)
		}
		if n := strings.Count(all, `id="a"`); n > len(marks) {
			t.Fatalf("%d anchors for %d marks", n, len(marks))
		}
	}
}

func TestMarksOfSkipsBadSpans(t *testing.T) {
	text := "Été à Bamako."
	an := &veille.Analysis{
		Sentences: []veille.Span{{Start: 0, End: len(text)}},
		Amounts:   []veille.Amount{{Span: veille.Span{Start: 1, End: 3}}, {Span: veille.Span{Start: 5, End: 99}}, {Span: veille.Span{Start: 4, End: 2}}},
		Places:    []veille.Place{{Span: veille.Span{Start: strings.Index(text, "Bamako"), End: strings.Index(text, "Bamako") + 6}, Name: "Bamako", Country: "ML"}},
	}
	marks, secs := marksOf(text, an)
	if len(marks) != 2 || len(secs) != 1 || secs[0].Title != "Places" || secs[0].Items[0].Text != "Bamako" {
		t.Errorf("marks %+v sections %+v", marks, secs)
	}
}
