package entity

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

func TestTaggerEmbedded(t *testing.T) {
	m := loadTagger()
	if m == nil {
		t.Fatal("the embedded English tagger does not load")
	}
	if len(m.prior) == 0 {
		t.Error("no capitalisation prior in the embedded tagger")
	}
}

func TestTagModelRoundTrip(t *testing.T) {
	var w [2]Weights
	for p := range w {
		w[p] = Weights{}
		w[p][uint32(fh(0))] = &[NumTags]float32{tagO: 1}
		w[p][42] = &[NumTags]float32{tagBPER: 3, tagO: -0.5, tagIORG: 0.001}
	}
	w[1][77] = &[NumTags]float32{tagBLOC: 2} // a feature of the second pass only
	var buf bytes.Buffer
	n, err := WriteTagModel(&buf, []string{"test"}, w, 0.01, map[uint32]WordPrior{7: {Caps: 3, Cluster: [2]uint8{5, 200}}})
	if err != nil || n != 5 {
		t.Fatalf("WriteTagModel: %d, %v", n, err)
	}
	m, err := ReadTagModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for p := range 2 {
		if got := m.weights.best(p, []uint32{uint32(fh(0))}, tagO); got != tagO {
			t.Errorf("pass %d: bias alone gives %s", p, TagNames[got])
		}
		if got := m.weights.best(p, []uint32{uint32(fh(0)), 42}, tagO); got != tagBPER {
			t.Errorf("pass %d: gives %s, want B-PER", p, TagNames[got])
		}
		if got := m.weights.best(p, []uint32{99}, tagO); got != tagO {
			t.Errorf("pass %d: unknown feature gives %s", p, TagNames[got])
		}
	}
	if got := m.weights.best(0, []uint32{uint32(fh(0)), 77}, tagO); got != tagO {
		t.Errorf("pass 0: a feature of pass 1 gives %s", TagNames[got])
	}
	if got := m.weights.best(1, []uint32{uint32(fh(0)), 77}, tagO); got != tagBLOC {
		t.Errorf("pass 1: gives %s, want B-LOC", TagNames[got])
	}
	if m.prior[7] != (WordPrior{Caps: 3, Cluster: [2]uint8{5, 200}}) {
		t.Errorf("prior: %+v", m.prior)
	}
}

func TestGuessLang(t *testing.T) {
	for text, want := range map[string]string{
		"The minister said on Tuesday that the talks were over.":          "en",
		"Le ministre a déclaré mardi que les discussions étaient finies.": "fr",
		"Bamako.": "",
	} {
		st := &state{}
		u := unit{span: veille.Span{End: len(text)}, toks: nlp.Tokenize(text, 0, len(text))}
		st.units = append(st.units, u)
		if got := guessLang(text, st.units); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestFold checks that the folds computed once for the units are those
// of nlp.Fold, for tokens of the units in any order and for others.
func TestFold(t *testing.T) {
	text := "ÉTAT Général. Über Straße, l'Élysée."
	st := &state{text: text}
	seg := nlp.Segment(text)
	for _, u := range seg.Sentences {
		st.units = append(st.units, unit{span: u, toks: nlp.Tokenize(text, u.Start, u.End)})
	}
	st.foldUnits()
	var all []nlp.Token
	for _, u := range st.units {
		all = append(all, u.toks...)
	}
	if len(all) < 8 || len(st.folds) != len(all) {
		t.Fatalf("%d tokens, %d folds", len(all), len(st.folds))
	}
	for _, k := range []int{0, 1, 2, len(all) - 1, 3, 3, 0, 5, 4} {
		if got, want := st.fold(all[k]), nlp.Fold(all[k].Text(text)); got != want {
			t.Errorf("token %d %q: %q, want %q", k, all[k].Text(text), got, want)
		}
	}
	// A token of no unit, or a shorter one at the start of a unit's token.
	for _, tok := range []nlp.Token{{Start: 1, End: 4}, {Start: 0, End: 2}} {
		if got, want := st.fold(tok), nlp.Fold(text[tok.Start:tok.End]); got != want {
			t.Errorf("%q: %q, want %q", text[tok.Start:tok.End], got, want)
		}
	}
}

// TestEnglish checks the tagger's spans and the identities given to them
// on sentences of our own.
func TestEnglish(t *testing.T) {
	cases := []struct {
		text, mention, typ, id string
	}{
		{"Prime Minister John Howard met the press in Sydney on Tuesday.", "John Howard", "PER", "veille:per/john-howard"},
		{"Prime Minister John Howard met the press in Sydney on Tuesday.", "Sydney", "GPE", "geonames:2147714"},
		{"Shares of Newmont Mining Corp fell 3 percent in New York, the company said.", "Newmont Mining Corp", "ORG", "veille:org/newmont-mining-corp"},
		{"The Malian government denied it on Monday.", "Malian government", "ORG", "veille:org/government/ML"},
		{"Fighters of Wagner arrived in Bamako, Reuters reported.", "Reuters", "ORG", "veille:org/reuters"},
	}
	for _, c := range cases {
		text := nlp.Normalize(c.text)
		seg := nlp.Segment(text)
		r := New().RecognizeLang(text, append(seg.Sentences, seg.Headings...), "en")
		e := find(r, c.mention)
		if e == nil {
			t.Errorf("%q: no entity for %q; got %+v", c.text, c.mention, r.Mentions)
			continue
		}
		if e.Type != c.typ || e.ID != c.id {
			t.Errorf("%q: %q is %s %s, want %s %s", c.text, c.mention, e.Type, e.ID, c.typ, c.id)
		}
	}
}

// TestTaggerStaticFeatures checks that the features the tagger looks up
// once for both passes depend on no tag given before, and that split or
// not, a token has the same features, in the order of Features when not
// split (the order training saw).
func TestTaggerStaticFeatures(t *testing.T) {
	text := "Mr Ostrava of Brelmont Holdings said on Monday that Brelmont would sell its Kelby plant. OSTRAVA SPOKE IN KELBY."
	d := NewTaggerDoc(text, nlp.Segment(text).Sentences)
	d.UsePrior(loadTagger().prior)
	split := func(s, i, p1, p2 int) featSink {
		k := featSink{split: true}
		d.features(&k, s, i, p1, p2)
		return k
	}
	for s := range d.Sents {
		for i := range d.Sents[s] {
			a := split(s, i, tagO, tagO)
			d.Remember(s, i, tagBORG)
			tags := make([][]int, len(d.Sents))
			for s := range tags {
				tags[s] = make([]int, len(d.Sents[s]))
				for i := range tags[s] {
					tags[s][i] = tagBPER
				}
			}
			d.UseFirstPass(tags)
			b := split(s, i, tagBLOC, tagILOC)
			if !slices.Equal(a.static, b.static) {
				t.Errorf("token %d.%d: static features change with earlier tags", s, i)
			}
			if slices.Equal(a.dyn, b.dyn) {
				t.Errorf("token %d.%d: dynamic features do not change with earlier tags", s, i)
			}
			all := d.Features(nil, s, i, tagBLOC, tagILOC)
			if len(all) != len(b.static)+len(b.dyn) {
				t.Errorf("token %d.%d: %d features, split %d + %d", s, i, len(all), len(b.static), len(b.dyn))
			}
			for _, f := range b.dyn {
				if !slices.Contains(all, f) {
					t.Errorf("token %d.%d: dynamic feature %x not in Features", s, i, f)
				}
			}
			k := featSink{}
			d.features(&k, s, i, tagBLOC, tagILOC)
			if !slices.Equal(all, k.static) {
				t.Errorf("token %d.%d: not split, features differ from Features", s, i)
			}
			d.UseFirstPass(nil)
			d.Forget()
		}
	}
}

// TestTaggerContext checks what the document says of a word's mentions.
func TestTaggerContext(t *testing.T) {
	text := "Shares of Brelmont Holdings Inc rose. Analysts said Brelmont did well. Mr Ostrava spoke in Kelby."
	d := NewTaggerDoc(text, nlp.Segment(text).Sentences)
	got := map[string]uint8{}
	for _, tt := range d.toks {
		for _, x := range tt {
			got[x.text] |= x.ctx
		}
	}
	for w, want := range map[string]uint8{"Brelmont": ctxOrgTail | ctxFirst | ctxAlone, "Ostrava": ctxTitle | ctxAlone, "Kelby": ctxPlace | ctxAlone, "rose": 0} {
		if got[w] != want {
			t.Errorf("%s: ctx %07b, want %07b", w, got[w], want)
		}
	}
}

// TestTaggerClusters checks that the embedded tagger groups words seen
// in the same contexts.
func TestTaggerClusters(t *testing.T) {
	m := loadTagger()
	cl := func(w string) [2]uint8 { return m.prior[PriorKey(w)].Cluster }
	if cl("monday") == ([2]uint8{}) {
		t.Fatal("no cluster for a common word")
	}
	if cl("monday") != cl("tuesday") && cl("monday")[0] != cl("tuesday")[0] {
		t.Errorf("monday %v and tuesday %v in different clusters", cl("monday"), cl("tuesday"))
	}
	if cl("monday")[0] == cl("the")[0] {
		t.Errorf("monday and the share cluster %d", cl("the")[0])
	}
}

// TestSpanIndex checks the overlap index against a plain scan.
func TestSpanIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var ms []mention
	for range 500 {
		s := rng.IntN(5000)
		ms = append(ms, mention{start: s, end: s + 1 + rng.IntN(40)})
	}
	x := newSpanIndex(ms)
	for range 2000 {
		a := rng.IntN(5100)
		b := a + 1 + rng.IntN(30)
		want := 0
		for _, m := range ms {
			if m.start < b && a < m.end {
				want++
			}
		}
		got := 0
		x.each(a, b, func(mention) bool { got++; return true })
		if got != want || x.any(a, b) != (want > 0) {
			t.Fatalf("[%d,%d): %d overlapping, want %d", a, b, got, want)
		}
	}
}
