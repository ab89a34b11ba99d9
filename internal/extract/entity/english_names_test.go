package entity

import (
	"strings"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// mentionType returns the type of the mention written exactly as text,
// "" when none.
func mentionType(r Result, text string) string {
	for _, m := range r.Mentions {
		if m.Text == text {
			return m.Type
		}
	}
	return ""
}

// Words describing a person before the name (a nationality, a role) are
// no words of the name; initials open a person's name.
func TestEnglishPersonAfterDescription(t *testing.T) {
	cases := []struct{ text, person, not string }{
		{"The visitors were led by Argentine Esteban Quiroga, who scored twice.", "Esteban Quiroga", "Argentine Esteban Quiroga"},
		{"The title went to Swede Kennet Lundqvist after a long final.", "Kennet Lundqvist", "Swede Kennet Lundqvist"},
		{"Talks resumed on Monday, Foreign Minister Ali Hassanein told reporters.", "Ali Hassanein", "Foreign Minister Ali Hassanein"},
		{"The report was written by K.J. Thornbury and published on Monday.", "K.J. Thornbury", ""},
	}
	for _, c := range cases {
		r := recognizeEN(c.text)
		if typ := mentionType(r, c.person); typ != veille.TypePER {
			t.Errorf("%q: %q is %q, want PER (mentions %+v)", c.text, c.person, typ, r.Mentions)
		}
		if c.not != "" && mentionType(r, c.not) != "" {
			t.Errorf("%q: %q is a mention", c.text, c.not)
		}
	}
	// The place or organization before the role stays.
	r := recognizeEN("The plan was announced by New York City Mayor Eric Adams on Friday.")
	if typ := mentionType(r, "New York City"); typ != veille.TypeGPE {
		t.Errorf("New York City is %q (mentions %+v)", typ, r.Mentions)
	}
	// A common word after a nationality is no name.
	r = recognizeEN("Canada joined the North American Free Trade Agreement in 1994.")
	if typ := mentionType(r, "Free Trade Agreement"); typ == veille.TypePER {
		t.Errorf("Free Trade Agreement is a person (mentions %+v)", r.Mentions)
	}
}

// A one-word name the tagger called an organization is the surname of a
// person named in full only when nothing tells otherwise.
func TestEnglishLinkSurname(t *testing.T) {
	text := "Talks with Alatas went on. Readings from the Bible followed. She moved from Essex, where Barbie and House played."
	st := &state{x: New(), text: text}
	st.units = []unit{{span: veille.Span{Start: 0, End: len(text)}, toks: nlp.Tokenize(text, 0, len(text))}}
	cases := []struct {
		word, full string
		want       bool
	}{
		{"Alatas", "Ali Alatas", true},
		{"Alatas", "C. Alatas", true},
		{"Bible", "James Bible", false},                         // after "the"
		{"Essex", "Joey Essex", false},                          // after "from"
		{"Barbie", "Greta Gerwig-directed Barbie", false},       // no person's name
		{"House", "Donald Trump Finally Endorses House", false}, // a common word
		{"Alatas", "Rapid Growth Alatas", false},                // no first name
	}
	for _, c := range cases {
		if got := st.linkSurname(c.word, c.full, strings.Index(text, c.word)); got != c.want {
			t.Errorf("linkSurname(%q, %q) = %v", c.word, c.full, got)
		}
	}
}

// Letters alone, months' abbreviations and nouns of nationality are no
// names.
func TestEnglishNoName(t *testing.T) {
	for _, text := range []string{
		"Japan play Syria in Group C on Friday, and Kuwait meet Qatar in Group A.",
		"Prices for Dec 6 were unchanged.\nDec 5 prices were higher.",
		"The Croat was booked in the first half.",
	} {
		r := recognizeEN(text)
		for _, m := range r.Mentions {
			switch m.Text {
			case "C", "A", "Dec", "Croat":
				t.Errorf("%q: mention %q (%s)", text, m.Text, m.Type)
			}
		}
	}
}

// Names ending in a word of places are places.
func TestEnglishPlaceTail(t *testing.T) {
	r := recognizeEN("The tanker was seized in the Red Sea on Tuesday.\nThe final will be played at the Sydney Cricket Ground on Sunday.")
	for _, name := range []string{"Red Sea", "Sydney Cricket Ground"} {
		if typ := mentionType(r, name); typ != veille.TypeLOC {
			t.Errorf("%q is %q, want LOC (mentions %+v)", name, typ, r.Mentions)
		}
	}
}

// In a text on games, a town standing for its club is an organization;
// the town itself stays a place.
func TestEnglishClubTowns(t *testing.T) {
	text := "Bologna beat Piacenza 3-1 in the league on Sunday, the striker scoring twice.\n" +
		"The coach said his striker had won the match for the team.\n" +
		"Fans celebrated in Bologna until late.\n" +
		"Bologna ( 4 ) v Piacenza ( 13 )"
	r := recognizeEN(text)
	var club, town int
	for _, m := range r.Mentions {
		if m.Text != "Bologna" {
			continue
		}
		switch {
		case m.Span.Start == 0 || m.Span.Start == strings.LastIndex(text, "Bologna"):
			if m.Type != veille.TypeORG {
				t.Errorf("club Bologna at %d is %s", m.Span.Start, m.Type)
			}
			club++
		default:
			if m.Type == veille.TypeORG {
				t.Errorf("town Bologna at %d is ORG", m.Span.Start)
			}
			town++
		}
	}
	if club != 2 || town != 1 {
		t.Errorf("Bologna: %d clubs, %d towns, want 2 and 1 (mentions %+v)", club, town, r.Mentions)
	}
	// Outside texts on games, towns stay places.
	r = recognizeEN("The museum reopened in Bologna on Monday. Visitors praised it, and Bologna will fund two more.")
	for _, m := range r.Mentions {
		if m.Text == "Bologna" && m.Type == veille.TypeORG {
			t.Errorf("Bologna is ORG outside a text on games")
		}
	}
}

func TestYearLike(t *testing.T) {
	for w, want := range map[string]bool{"2012": true, "1996": true, "3": false, "12": false, "2500": false} {
		if got := yearLike(w); got != want {
			t.Errorf("yearLike(%q) = %v", w, got)
		}
	}
}

func TestTranslitKey(t *testing.T) {
	for _, group := range [][]string{
		{"Yevgeny", "Yevgeniy", "Evgeny", "Evgenii"},
		{"Sergei", "Sergey"},
		{"Alexei", "Aleksei", "Alexey", "Aleksey"},
		{"Dmitri", "Dmitry", "Dmitriy"},
		{"Yuri", "Yury", "Yuriy"},
	} {
		for _, w := range group[1:] {
			if translitKey(w) != translitKey(group[0]) {
				t.Errorf("translitKey(%q) = %q, translitKey(%q) = %q", w, translitKey(w), group[0], translitKey(group[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"Maria", "Mario"}, {"Ivan", "Iván Jr"}, {"Anna", "Anne"}} {
		if translitKey(pair[0]) == translitKey(pair[1]) {
			t.Errorf("%q and %q share a key", pair[0], pair[1])
		}
	}
}

// Spellings of one Russian name are one person.
func TestEnglishTranslitPersons(t *testing.T) {
	r := recognizeEN("Yevgeniy Prigozhin spoke on Friday. Later, Yevgeny Prigozhin said the column would turn back. Sergei Ivanov and Sergey Ivanov agreed.")
	ids := map[string]string{}
	for _, m := range r.Mentions {
		if m.Type == veille.TypePER {
			ids[m.Text] = m.EntityID
		}
	}
	if ids["Yevgeniy Prigozhin"] != "veille:per/yevgeny-prigozhin" || ids["Yevgeny Prigozhin"] != "veille:per/yevgeny-prigozhin" {
		t.Errorf("Prigozhin: %v", ids)
	}
	if a, b := ids["Sergei Ivanov"], ids["Sergey Ivanov"]; a == "" || a != b {
		t.Errorf("Ivanov: %v", ids)
	}
	// Different given names stay different persons.
	r = recognizeEN("Maria Lopez met Mario Lopez in Madrid on Monday.")
	ids = map[string]string{}
	for _, m := range r.Mentions {
		ids[m.Text] = m.EntityID
	}
	if ids["Maria Lopez"] == ids["Mario Lopez"] {
		t.Errorf("Lopez: %v", ids)
	}
}

// A place's name the tagger cuts in two is one place.
func TestEnglishPlaceNotCut(t *testing.T) {
	for _, c := range []struct{ text, place string }{
		{"Police in Dumfries and Galloway said the road was closed on Monday.", "Dumfries and Galloway"},
		{"The council of Argyll and Bute met on Monday.", "Argyll and Bute"},
	} {
		r := recognizeEN(c.text)
		if typ := mentionType(r, c.place); typ != veille.TypeGPE {
			t.Errorf("%q is %q (mentions %+v)", c.place, typ, r.Mentions)
		}
	}
}

func TestPlaceAfterPrep(t *testing.T) {
	text := "Refugees fled in eastern Zaire. Newmont proposed to Santa Fe a merger. Satellites went into LEO."
	st := &state{x: New(), text: text}
	toks := nlp.Tokenize(text, 0, len(text))
	at := func(w string) (int, int) {
		start := strings.Index(text, w)
		i := 0
		for toks[i].Start < start {
			i++
		}
		j := i
		for j < len(toks) && toks[j].End <= start+len(w) {
			j++
		}
		return i, j
	}
	for w, want := range map[string]bool{"Zaire": true, "Santa Fe": false, "LEO": false} {
		i, j := at(w)
		if got := st.placeAfterPrep(toks, i, j); got != want {
			t.Errorf("placeAfterPrep(%q) = %v", w, got)
		}
	}
}

// A country's acronym defined in the article names the country, never
// an organization: "the Central African Republic (CAR)".
func TestCountryAcronym(t *testing.T) {
	r := recognizeEN("Moscow said its instructors would stay in the Central African Republic (CAR) and Chad. The CAR army agreed.")
	n := 0
	for _, m := range r.Mentions {
		if m.Text == "CAR" || m.Text == "Central African Republic" {
			n++
			if m.EntityID != "iso3166:CF" || m.Type != veille.TypeGPE {
				t.Errorf("%q: %s %s, want GPE iso3166:CF", m.Text, m.Type, m.EntityID)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d mentions of the country, want 3 (%+v)", n, r.Mentions)
	}
}

// A sentence of more than 32,767 tokens (a list or table without full
// stops) is read like any other: token positions do not wrap around.
func TestSentenceOverInt16Tokens(t *testing.T) {
	r := recognizeEN(strings.Repeat("the ", 40000) + "John Smith Brown Jones went home.")
	if len(r.Mentions) == 0 || r.Mentions[len(r.Mentions)-1].Type != veille.TypePER {
		t.Errorf("mentions at the end of the long sentence: %+v", r.Mentions)
	}
}
