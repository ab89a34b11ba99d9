package claim

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

var testClassifier = New()

func classify(lang, text string) []veille.Claim {
	seg := nlp.Segment(text)
	return testClassifier.Claims(Input{Text: text, Lang: lang, Sentences: seg.Sentences})
}

// strongest returns the strongest certainty among the claims.
func strongest(cs []veille.Claim) string {
	best := veille.CertaintyAsserted
	rank := func(l string) int {
		return slices.Index([]string{"denied", "questioned", "hedged", "future", "opinion", "reported", "asserted"}, l)
	}
	for _, c := range cs {
		if rank(c.Certainty) < rank(best) {
			best = c.Certainty
		}
	}
	return best
}

func TestCertainty(t *testing.T) {
	tests := []struct {
		lang, text, want string
	}{
		{"fr", "Le pont sur le fleuve a été rouvert à la circulation mardi.", "asserted"},
		{"fr", "Le maire a déclaré que quarante familles avaient été relogées.", "reported"},
		{"fr", "Quarante familles ont été relogées, selon la préfecture.", "reported"},
		{"fr", "Selon des sources locales, le convoi aurait été attaqué près de la frontière.", "hedged"},
		{"fr", "Le préfet serait en fuite.", "hedged"},
		{"fr", "La crue pourrait atteindre la ville.", "hedged"},
		{"fr", "Dix personnes ont été tuées par des rebelles présumés.", "hedged"},
		{"fr", "Trois hommes sont accusés d'avoir incendié l'entrepôt.", "hedged"},
		{"fr", "Le ministère a démenti toute arrestation.", "denied"},
		{"fr", "Ce sont des rumeurs.", "denied"},
		{"fr", "L'authenticité de l'enregistrement n'a pas encore été vérifiée.", "questioned"},
		{"fr", "Que va faire le gouvernement ?", "questioned"},
		{"fr", "Le président se rendra à Dakar la semaine prochaine.", "future"},
		{"fr", "Les deux pays sont en passe de signer un traité.", "future"},
		{"fr", "La junte va publier un calendrier.", "future"},
		{"fr", "Le syndicat demande la démission du directeur.", "opinion"},
		{"fr", "Il faut rouvrir les écoles.", "opinion"},
		{"fr", "Il faut noter que le marché a rouvert.", "asserted"},
		{"fr", "Selon nos informations, le marché a rouvert.", "asserted"},
		{"fr", "Des commerçants qui exigent une baisse des taxes ont fermé leurs boutiques.", "asserted"},
		{"fr", "Le retrait des troupes a commencé en juin.", "asserted"},
		{"fr", "Il ouvrait la porte chaque matin.", "asserted"},
		{"fr", "« Nous avons perdu trois camions », a déclaré le chauffeur.", "reported"},
		{"en", "The bridge reopened on Tuesday.", "asserted"},
		{"en", "The mayor said forty families had been rehoused.", "reported"},
		{"en", "The convoy was reportedly attacked near the border.", "hedged"},
		{"en", "The ministry denied the arrest.", "denied"},
		{"en", "The president will visit Dakar next week.", "future"},
		{"en", "The union called for the director to resign.", "opinion"},
	}
	for _, tt := range tests {
		cs := classify(tt.lang, tt.text)
		if got := strongest(cs); got != tt.want {
			t.Errorf("%q: got %s (%v), want %s", tt.text, got, cues(cs), tt.want)
		}
	}
}

func cues(cs []veille.Claim) [][]string {
	var out [][]string
	for _, c := range cs {
		out = append(out, c.Cues)
	}
	return out
}

func TestSourceAndChain(t *testing.T) {
	text := "Trois sources interrogées par Reuters ont déclaré que le barrage serait fissuré. " +
		"Le port a rouvert, a précisé le capitaine, Jean Dupont. " +
		"Selon l'AFP, la route est coupée."
	cs := classify("fr", text)
	if len(cs) != 3 {
		t.Fatalf("got %d claims, want 3", len(cs))
	}
	want := []struct {
		certainty, source string
		chain             []string
	}{
		{"hedged", "Trois sources", []string{"Trois sources", "Reuters"}},
		{"reported", "Jean Dupont", []string{"Jean Dupont"}},
		{"reported", "AFP", []string{"AFP"}},
	}
	for i, w := range want {
		c := cs[i]
		if c.Certainty != w.certainty || c.Source != w.source || !slices.Equal(c.Chain, w.chain) {
			t.Errorf("claim %d: got %s %q %q, want %s %q %q", i, c.Certainty, c.Source, c.Chain, w.certainty, w.source, w.chain)
		}
	}
}

func TestQuotationGivesSource(t *testing.T) {
	text := "« Le pont tiendra », a dit l'ingénieur."
	seg := nlp.Segment(text)
	cue := strings.Index(text, "a dit")
	q := veille.Quotation{ID: "q1", Kind: "direct", ContentSpan: veille.Span{Start: 3, End: 18}, Cue: "a dit",
		CueSpan: &veille.Span{Start: cue, End: cue + len("a dit")}, Speaker: "Marie Curie"}
	cs := testClassifier.Claims(Input{Text: text, Lang: "fr", Sentences: seg.Sentences, Quotations: []veille.Quotation{q}, Outlet: "Le Journal"})
	if len(cs) != 1 {
		t.Fatalf("got %d claims", len(cs))
	}
	c := cs[0]
	if c.Source != "Marie Curie" || c.QuotationID != "q1" || !slices.Equal(c.Chain, []string{"Marie Curie", "Le Journal"}) || c.Certainty != "future" {
		t.Errorf("got %+v", c)
	}
}

func TestDenialLinks(t *testing.T) {
	text := "Selon deux diplomates, le ministre aurait démissionné. « Ce sont des rumeurs », a dit son porte-parole."
	cs := classify("fr", text)
	if len(cs) != 2 {
		t.Fatalf("got %d claims", len(cs))
	}
	if cs[1].Certainty != "denied" || !slices.Equal(cs[1].Denies, []string{cs[0].ID}) {
		t.Errorf("got %s denies %v, want denied of %s", cs[1].Certainty, cs[1].Denies, cs[0].ID)
	}
	if !cs[1].Negated && cs[0].Negated {
		t.Errorf("negation wrong")
	}
}

func TestNegated(t *testing.T) {
	cs := classify("fr", "Le gouvernement n'a pas commenté.")
	if len(cs) != 1 || !cs[0].Negated {
		t.Errorf("want negated, got %+v", cs)
	}
}

func TestUncoveredLanguage(t *testing.T) {
	if cs := testClassifier.Claims(Input{Text: "Das ist gut.", Lang: "de", Sentences: []veille.Span{{Start: 0, End: 12}}}); cs != nil {
		t.Errorf("got %v for an uncovered language", cs)
	}
}

// seedText reads the seed article from ../shared, or skips.
func seedText(tb testing.TB) string {
	tb.Helper()
	matches, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "seed", "*.txt"))
	if len(matches) == 0 {
		tb.Skip("../shared/seed not found: skipping the seed test")
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		tb.Fatal(err)
	}
	s := string(b)
	if rest, ok := strings.CutPrefix(s, " date "); ok {
		if _, text, ok := strings.Cut(rest, " "); ok {
			s = text
		}
	}
	return s
}

func TestSeed(t *testing.T) {
	text := seedText(t)
	cs := classify("fr", text)
	find := func(sub string) *veille.Claim {
		for i := range cs {
			if strings.Contains(cs[i].Text, sub) {
				return &cs[i]
			}
		}
		t.Fatalf("no claim contains %q", sub)
		return nil
	}
	if c := find("serait payé six milliards"); c.Certainty != "hedged" || c.Source != "Quatre sources" || !slices.Equal(c.Chain, []string{"Quatre sources", "Reuters"}) {
		t.Errorf("Wagner payment: got %s %q %q", c.Certainty, c.Source, c.Chain)
	}
	if c := find("l’accord sera conclu"); c.Certainty != "future" || len(c.Chain) != 2 || c.Chain[1] != "Reuters" {
		t.Errorf("deal clause: got %s %q", c.Certainty, c.Chain)
	}
	if c := find("pourrait porter sur l’envoi d’un millier"); c.Certainty != "hedged" {
		t.Errorf("deal sentence: got %s", c.Certainty)
	}
	if c := find("la France aurait lancé"); c.Certainty != "hedged" || c.Source != "" {
		t.Errorf("France mission: got %s %q", c.Certainty, c.Source)
	}
	c := find("Ce sont des rumeurs")
	if c.Certainty != "denied" || len(c.Denies) == 0 {
		t.Fatalf("rumours: got %s denies %v", c.Certainty, c.Denies)
	}
	deal := find("serait payé six milliards").ID
	if !slices.Contains(c.Denies, deal) {
		t.Errorf("rumours deny %v, want %s among them", c.Denies, deal)
	}
	for _, h := range nlp.Segment(text).Headings {
		for _, c := range cs {
			if c.Span.Start < h.End && h.Start < c.Span.End {
				t.Errorf("claim %q overlaps heading %q", c.Text, text[h.Start:h.End])
			}
		}
	}
}

func checkClaims(t *testing.T, text string, cs []veille.Claim) {
	t.Helper()
	ids := map[string]bool{}
	for _, c := range cs {
		ids[c.ID] = true
	}
	for _, c := range cs {
		if !c.Span.In(len(text)) || text[c.Span.Start:c.Span.End] != c.Text {
			t.Fatalf("claim %s: span %v does not hold its text", c.ID, c.Span)
		}
		if len(c.CueSpans) != len(c.Cues) {
			t.Fatalf("claim %s: %d cue spans for %d cues", c.ID, len(c.CueSpans), len(c.Cues))
		}
		for i, sp := range c.CueSpans {
			if !sp.In(len(text)) || text[sp.Start:sp.End] != c.Cues[i] {
				t.Fatalf("claim %s: cue span %v is not %q", c.ID, sp, c.Cues[i])
			}
		}
		for _, id := range append(slices.Clone(c.Denies), c.Confirms...) {
			if !ids[id] {
				t.Fatalf("claim %s: links to unknown claim %s", c.ID, id)
			}
		}
	}
}

func FuzzClaims(f *testing.F) {
	f.Add("Selon Reuters, l'accord serait signé. « Ce sont des rumeurs », a dit le porte-parole, Baba Cissé")
	f.Add("« L’opinion est favorable », a déclaré un porte-parole, tout en assurant qu' »aucune décision« . Ce sont des rumeurs », a dit X")
	f.Add("The mayor said: \"It will reopen.\" Officials denied it?")
	f.Add("Il ouvrait ; et pourrait « » \" “ ” „ ‹ › a-t-il dit")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, lang := range Langs {
			checkClaims(t, text, classify(lang, text))
		}
	})
}

func BenchmarkClaims(b *testing.B) {
	text := benchText
	if matches, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "seed", "*.txt")); len(matches) > 0 {
		if bs, err := os.ReadFile(matches[0]); err == nil {
			text = string(bs)
		}
	}
	text = strings.Repeat(text+"\n\n", 20)
	seg := nlp.Segment(text)
	in := Input{Text: text, Lang: "fr", Sentences: seg.Sentences}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		testClassifier.Claims(in)
	}
}

const benchText = `Selon des sources locales, le convoi aurait été attaqué près de la frontière. Le ministère a démenti toute arrestation : « C'est une fausse information », a-t-il dit. Le président se rendra à Dakar la semaine prochaine. Le syndicat demande la démission du directeur, a indiqué un porte-parole.`
