package entity

import (
	"strings"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

func recognizeEN(text string) Result {
	text = nlp.Normalize(text)
	seg := nlp.Segment(text)
	return New().RecognizeLang(text, append(seg.Sentences, seg.Headings...), "en")
}

// entityOf returns the entity of a mention written as text, or nil.
// The registry's organizations are organizations whatever the tagger
// says, and names ending in an organization's head word too.
func TestEnglishRegistryOrgs(t *testing.T) {
	cases := []struct{ text, mention, id string }{
		{"Wagner fighters pulled out of Bakhmut on Friday, Yevgeny Prigozhin said.", "Wagner", "veille:org/wagner"},
		{"Russian mercenaries of Wagner were seen in Mali. Wagner denied it.", "Wagner", "veille:org/wagner"},
		{"A spokesman for the Kremlin said on Tuesday that talks had stalled.", "Kremlin", "veille:org/kremlin"},
		{"Hezbollah fired rockets into northern Israel on Sunday, the army said.", "Hezbollah", "veille:org/hezbollah"},
		{"The US Treasury imposed sanctions on three companies on Thursday.", "US Treasury", "veille:org/us-treasury"},
		{"Officials at the United States Treasury declined to comment.", "United States Treasury", "veille:org/us-treasury"},
		{"Hamas said the Pentagon and NATO were to blame, the State Department replied.", "Pentagon", "veille:org/pentagon"},
		{"Hamas said the Pentagon and NATO were to blame, the State Department replied.", "State Department", "veille:org/state-department"},
	}
	for _, c := range cases {
		r := recognizeEN(c.text)
		e := find(r, c.mention)
		if e == nil || e.ID != c.id || e.Type != veille.TypeORG {
			t.Errorf("%q: %q is %+v, want ORG %s (mentions %+v)", c.text, c.mention, e, c.id, r.Mentions)
		}
	}
	r := recognizeEN("The Finance Ministry of Kenya said the Central Bank would act.")
	for _, m := range r.Mentions {
		if strings.HasSuffix(m.Text, "Ministry") && m.Type != veille.TypeORG {
			t.Errorf("%q is %s, want ORG", m.Text, m.Type)
		}
	}
	// An organization, a role and a name are two entities.
	r = recognizeEN("Talks stalled, said U.S. Treasury Secretary James Baker on Monday.")
	if e := find(r, "James Baker"); e == nil || e.Type != veille.TypePER {
		t.Errorf("James Baker is %+v (mentions %+v)", e, r.Mentions)
	}
	if e := find(r, "U.S. Treasury"); e == nil || e.ID != "veille:org/us-treasury" {
		t.Errorf("U.S. Treasury is %+v (mentions %+v)", e, r.Mentions)
	}
	// The article opening a sentence is no word of the name.
	r = recognizeEN("The Treasury said it would act. The Finance Ministry disagreed.")
	for _, m := range r.Mentions {
		if strings.HasPrefix(m.Text, "The ") {
			t.Errorf("mention %q (%s)", m.Text, m.EntityID)
		}
	}
}

// A registry name the tagger does not see at the start of a sentence,
// where it is a common word or a company's name, stays unseen.
func TestEnglishRegistrySentenceStart(t *testing.T) {
	for _, text := range []string{"Total sales rose 5% in March, the company said."} {
		r := recognizeEN(text)
		for _, e := range r.Entities {
			if e.Type == veille.TypeORG {
				t.Errorf("%q: %s", text, e.ID)
			}
		}
	}
}

// Registry names and surnames of persons named in full are found even
// where the tagger sees nothing.
func TestEnglishMissedNames(t *testing.T) {
	text := "Russian President Vladimir Putin met Yevgeny Prigozhin in Moscow. Later, Putin thanked the Wagner Group. " +
		"Prigozhin said Wagner would leave. The Kremlin confirmed it."
	r := recognizeEN(text)
	for _, c := range []struct{ mention, id string }{
		{"Putin", "veille:per/vladimir-putin"},
		{"Prigozhin", "veille:per/yevgeny-prigozhin"},
		{"Wagner", "veille:org/wagner"},
		{"Kremlin", "veille:org/kremlin"},
	} {
		if e := find(r, c.mention); e == nil || e.ID != c.id {
			t.Errorf("%q is %+v, want %s (mentions %+v)", c.mention, e, c.id, r.Mentions)
		}
	}
	// Well-known persons by their surname alone, and surnames said before
	// the full name.
	for _, c := range []struct{ text, mention, id string }{
		{"Putin warned the West on Monday that talks were over.", "Putin", "veille:per/vladimir-putin"},
		{"Prigozhin flew to Minsk. Later Zelensky spoke in Kyiv.", "Zelensky", "veille:per/volodymyr-zelensky"},
		{"Smith won again. Coach Anna Smith said it was hard.", "Smith", "veille:per/anna-smith"},
	} {
		r := recognizeEN(c.text)
		if e := find(r, c.mention); e == nil || e.ID != c.id {
			t.Errorf("%q: %q is %+v, want %s (mentions %+v)", c.text, c.mention, e, c.id, r.Mentions)
		}
	}
	for _, e := range r.Entities {
		if e.ID == "veille:loc/putin" || e.ID == "veille:loc/wagner" || e.ID == "veille:per/kremlin" {
			t.Errorf("entity %s", e.ID)
		}
	}
}

// A registry name that is a surname here is not the organization: the
// composer of "Wagner's Parsifal", a linebacker named Wagner.
func TestEnglishSurnameNotRegistry(t *testing.T) {
	for _, text := range []string{
		"The orchestra gave Wagner's Parsifal on Sunday night, and the audience stood for ten minutes.",
		"Critics praised the new staging of Wagner's Tristan in Vienna.",
		"He listened to Wagner all night in Berlin.",
		"The orchestra played Wagner with fire, and the Ukrainian conductor bowed twice.",
		"Bobby Wagner agreed to a one-year deal with the Seattle Seahawks. Wagner played for the Rams last season.",
	} {
		r := recognizeEN(text)
		for _, e := range r.Entities {
			if e.ID == "veille:org/wagner" {
				t.Errorf("%q: linked to %s (mentions %+v)", text, e.ID, r.Mentions)
			}
		}
	}
	// With a cue of the organization, the name stays linked.
	for _, text := range []string{
		"Wagner's fighters seized the town, Prigozhin said. Wagner denied any losses.",
		"The colonel was shown in a video published by Wagner in Ukraine.",
		"Wagner leader accuses Russia's defense ministry of treason.",
	} {
		r := recognizeEN(text)
		if e := find(r, "Wagner"); e == nil || e.ID != "veille:org/wagner" {
			t.Errorf("%q: Wagner is %+v, want veille:org/wagner (mentions %+v)", text, e, r.Mentions)
		}
	}
}

// missedSurnames and the registry checks stay linear: the mentions of a
// long text of repeated sentences grow with it.
func TestEnglishNamesScale(t *testing.T) {
	sentence := "Vladimir Putin met Wagner's Prigozhin. Putin said Wagner's Parsifal was long. "
	count := func(n int) int {
		return len(recognizeEN(strings.Repeat(sentence, n)).Mentions)
	}
	a, b := count(50), count(400)
	if a == 0 || b < 7*a {
		t.Errorf("mentions: %d for 50 sentences, %d for 400", a, b)
	}
}
