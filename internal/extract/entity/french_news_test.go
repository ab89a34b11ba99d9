package entity

import (
	"testing"

	"github.com/veille/veille"
)

// A person's name does not run through "de" into the body the person
// belongs to: an acronym, an organization of the lists, or a run of
// capitalised words after a first name and a surname. A particle and a
// surname stay in the name.
func TestFrenchNameBeforeOrg(t *testing.T) {
	cases := []struct{ text, per, org string }{
		{"Selon Aïcha Traoré de BBC Monitoring, la ville est calme.", "Aïcha Traoré", "BBC Monitoring"},
		{"Amadou Diallo de l'ONU est arrivé jeudi à Niamey.", "Amadou Diallo", "ONU"},
		{"Moussa Keita de Radio Kledu a interrogé le ministre.", "Moussa Keita", "Radio Kledu"},
	}
	for _, c := range cases {
		r := recognize(c.text)
		if got := mentionOf(r, c.per); got != veille.TypePER {
			t.Errorf("%q: %q is %q, want PER (mentions %+v)", c.text, c.per, got, r.Mentions)
		}
		if got := mentionOf(r, c.org); got != veille.TypeORG {
			t.Errorf("%q: %q is %q, want ORG (mentions %+v)", c.text, c.org, got, r.Mentions)
		}
	}
	for _, name := range []string{"Charles de Gaulle", "Valéry Giscard d'Estaing", "Jean de La Fontaine"} {
		text := "Le livre parle de " + name + " et de son époque."
		r := recognize(text)
		if got := mentionOf(r, name); got != veille.TypePER {
			t.Errorf("%q: %q is %q, want PER (mentions %+v)", text, name, got, r.Mentions)
		}
	}
}

// "le département d'État" is the US State Department, with the
// nationality after it; "d'État" alone in it is no organization.
func TestFrenchStateDepartment(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"Hier, le département d'État américain a publié un communiqué.", "département d'État américain"},
		{"Un porte-parole du département d'État a démenti.", "département d'État"},
	} {
		r := recognize(c.text)
		e := find(r, c.name)
		if e == nil || e.Type != veille.TypeORG || e.ID != "veille:org/state-department" {
			t.Errorf("%q: %q is %+v, want the State Department (mentions %+v)", c.text, c.name, e, r.Mentions)
		}
		if got := mentionOf(r, "État américain"); got != "" {
			t.Errorf("%q: État américain is %q, want no mention", c.text, got)
		}
	}
}

// A capitalised body's name runs to its end, adjectives of its inner
// names included, rather than stopping at the first capitalised word.
func TestFrenchBodyFullName(t *testing.T) {
	text := "Selon le Groupe de travail du Forum régional des ONG, les routes sont coupées."
	r := recognize(text)
	if got := mentionOf(r, "Groupe de travail du Forum régional des ONG"); got != veille.TypeORG {
		t.Errorf("the full name is %q, want ORG (mentions %+v)", got, r.Mentions)
	}
	if got := mentionOf(r, "Groupe de travail du Forum"); got != "" {
		t.Errorf("a cut name is %q (mentions %+v)", got, r.Mentions)
	}
}

// An acronym of the lists followed by capitalised words names one of
// its services; a person's name after it stays a person.
func TestFrenchOrgService(t *testing.T) {
	r := recognize("Retrouvez l'émission sur BBC Afrique chaque soir.")
	if got := mentionOf(r, "BBC Afrique"); got != veille.TypeORG {
		t.Errorf("BBC Afrique is %q, want ORG (mentions %+v)", got, r.Mentions)
	}
	if got := mentionOf(r, "Afrique"); got != "" {
		t.Errorf("Afrique is %q, want no mention of its own", got)
	}
	r = recognize("Il a déclaré à la BBC Lamine Sarr, un pêcheur de la ville.")
	if got := mentionOf(r, "Lamine Sarr"); got != veille.TypePER {
		t.Errorf("Lamine Sarr is %q, want PER (mentions %+v)", got, r.Mentions)
	}
}

// "En" opening a sentence is the preposition, not the start of a name:
// the place after it is the mention.
func TestFrenchEnOpeningSentence(t *testing.T) {
	r := recognize("Les prix montent. En Éthiopie, les récoltes ont baissé de moitié.")
	if got := mentionOf(r, "En Éthiopie"); got != "" {
		t.Errorf("En Éthiopie is %q, want no mention (mentions %+v)", got, r.Mentions)
	}
	if got := mentionOf(r, "Éthiopie"); got != veille.TypeGPE {
		t.Errorf("Éthiopie is %q, want GPE (mentions %+v)", got, r.Mentions)
	}
	// An acronym after "en" is a matter or a form, not a body.
	r = recognize("Le pays paie désormais ses livraisons en GQX chaque mois.")
	if got := mentionOf(r, "GQX"); got != "" {
		t.Errorf("GQX is %q, want no mention (mentions %+v)", got, r.Mentions)
	}
}

// A common word followed by a country or a town names a body, not a
// person; a first name followed by a town still names a person.
func TestFrenchWordAndPlace(t *testing.T) {
	r := recognize("Le match oppose ce soir Étoile Dakar à un club belge.")
	if got := mentionOf(r, "Étoile Dakar"); got != veille.TypeORG {
		t.Errorf("Étoile Dakar is %q, want ORG (mentions %+v)", got, r.Mentions)
	}
	r = recognize("Selon les prévisions de Météo Maroc, il pleuvra demain sur le nord.")
	if got := mentionOf(r, "Météo Maroc"); got != veille.TypeORG {
		t.Errorf("Météo Maroc is %q, want ORG (mentions %+v)", got, r.Mentions)
	}
	r = recognize("Le ministre a reçu hier Pierre Nancy dans son bureau.")
	if got := mentionOf(r, "Pierre Nancy"); got != veille.TypePER {
		t.Errorf("Pierre Nancy is %q, want PER (mentions %+v)", got, r.Mentions)
	}
}

// The complement of a role after "du"/"des" is no person holding it:
// "ministre des Affaires étrangères", "porte-parole du Front".
func TestRoleComplementIsNoPerson(t *testing.T) {
	for _, text := range []string{
		"Le ministre des Affaires étrangères, Paul Martin, a parlé mardi.",
		"Le porte-parole du Front de libération a démenti mardi.",
		"Le gouverneur du Kordofan occidental est arrivé mardi.",
	} {
		r := New().RecognizeLang(text, []veille.Span{{Start: 0, End: len(text)}}, "fr")
		for _, m := range r.Mentions {
			if m.Type == veille.TypePER && m.Text != "Paul Martin" {
				t.Errorf("%q: PER %q", text, m.Text)
			}
		}
	}
}
