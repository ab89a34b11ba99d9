package entity

import (
	"testing"

	"github.com/veille/veille"
)

// mentionOf returns the type of the mention written as text, or "".
func mentionOf(r Result, text string) string {
	for _, m := range r.Mentions {
		if m.Text == text {
			return m.Type
		}
	}
	return ""
}

// A noun such as "société" or "quotidien" introduces an organization's
// own name, with one adjective or nationality between them allowed: the
// name alone is the organization.
func TestFrenchApposedName(t *testing.T) {
	cases := []struct{ text, name, longer string }{
		{"Le groupe pétrolier Varnex a annoncé mardi des bénéfices en hausse.", "Varnex", "groupe pétrolier Varnex"},
		{"Le laboratoire suisse Keltora a retiré son médicament du marché.", "Keltora", "laboratoire suisse Keltora"},
		{"La compagnie aérienne Volantis supprime trois lignes cet hiver.", "Volantis", "compagnie aérienne Volantis"},
		{"Selon le quotidien Ouestrin, la grève se poursuit à l'usine.", "Ouestrin", ""},
		{"Les membres du consortium ABVQ se sont réunis jeudi à Lyon.", "ABVQ", ""},
	}
	for _, c := range cases {
		r := recognize(c.text)
		if got := mentionOf(r, c.name); got != veille.TypeORG {
			t.Errorf("%q: %q is %q, want ORG (mentions %+v)", c.text, c.name, got, r.Mentions)
		}
		if c.longer != "" && mentionOf(r, c.longer) != "" {
			t.Errorf("%q: the noun is part of the mention %q", c.text, c.longer)
		}
	}
	// The nationality after the noun stays a nationality.
	r := recognize("L'entreprise canadienne Borvalis a été rachetée en mars.")
	if got := mentionOf(r, "canadienne"); got != veille.TypeNORP {
		t.Errorf("canadienne is %q, want NORP (mentions %+v)", got, r.Mentions)
	}
	// "de" and a person's name after the noun: the person, not the body.
	r = recognize("La société de Pierre Lavergne a fermé ses portes en juin.")
	if got := mentionOf(r, "Pierre Lavergne"); got != veille.TypePER {
		t.Errorf("Pierre Lavergne is %q, want PER (mentions %+v)", got, r.Mentions)
	}
	// A noun of the class used as an adjective introduces no name.
	r = recognize(`La série hebdomadaire "Les Voisins" reprend lundi sur la chaîne.`)
	if got := mentionOf(r, "Les Voisins"); got == veille.TypeORG {
		t.Errorf("Les Voisins is ORG after an adjective (mentions %+v)", r.Mentions)
	}
}

// A person named in full is named again by the first name alone.
func TestFrenchGivenName(t *testing.T) {
	r := recognize("Lucille Ferrand et son frère sont arrivés lundi à la mairie. Le lendemain, Lucille a pris la parole devant le conseil.")
	full, alone := find(r, "Lucille Ferrand"), find(r, "Lucille")
	if full == nil || alone == nil || alone.Type != veille.TypePER || alone.ID != full.ID {
		t.Errorf("Lucille is %+v, want the entity of Lucille Ferrand %+v (mentions %+v)", alone, full, r.Mentions)
	}
}

// Place names of France are shaped by their linking words, and a
// hyphenated town is no surname: places even where no list or country
// supports them.
func TestFrenchPlaceShape(t *testing.T) {
	cases := []struct{ text, name, typ string }{
		{"Les secours sont arrivés près de Vernouillet-sur-Orne dans la nuit de lundi.", "Vernouillet-sur-Orne", veille.TypeLOC},
		{"La foire de Bragny-le-Château attire chaque année des milliers de visiteurs.", "Bragny-le-Château", veille.TypeLOC},
		{"Les pèlerins montent au Mont-Saint-Michel chaque été, selon les guides.", "Mont-Saint-Michel", veille.TypeLOC},
		{"Le tsar Pierre-le-Grand fonda la ville au début du siècle.", "Pierre-le-Grand", ""},
		{"Les touristes ont visité Les Cabanes-d'Ormel cet été, selon la mairie.", "Les Cabanes-d'Ormel", veille.TypeLOC},
		{"La route de Bourg-de-Varenne est coupée depuis lundi.", "Bourg-de-Varenne", veille.TypeLOC},
		{"Selon les habitants, il visite Saint-Malo depuis des années.", "Saint-Malo", veille.TypeGPE},
		{"Je serai à La Chapelle vers 18 heures avec les enfants.", "La Chapelle", veille.TypeLOC},
		{"Les élus du Nord-Pas de Calais ont voté contre le projet.", "Nord-Pas de Calais", veille.TypeLOC},
		{"Le commerce Est-Ouest a reculé cette année.", "Est-Ouest", ""},
		{"Selon la police, il vivait dans le 13e arrondissement de Paris depuis des années.", "13e arrondissement de Paris", veille.TypeLOC},
		{"Selon la police, il vivait dans le treizième arrondissement de Lyon depuis des années.", "treizième arrondissement de Lyon", veille.TypeLOC},
		{"La réunion aura lieu au 14 rue Delambre à partir de 19 heures.", "14 rue Delambre", veille.TypeLOC},
		{"En 2019, rue Delambre, les travaux ont commencé.", "2019, rue Delambre", ""},
		{"Le concert est organisé par La Chapelle, une chorale du quartier.", "La Chapelle", veille.TypeORG},
	}
	for _, c := range cases {
		r := recognize(c.text)
		got := mentionOf(r, c.name)
		if c.typ == "" && got == veille.TypeLOC || c.typ != "" && got != c.typ {
			t.Errorf("%q: %q is %q, want %q (mentions %+v)", c.text, c.name, got, c.typ, r.Mentions)
		}
	}
}

// A name no dictionary has, joined by "et" to a person's, is a person's.
func TestFrenchPairedName(t *testing.T) {
	for _, s := range []string{
		"Selon nos informations, le dossier a été transféré à Kelvane et Marc hier soir.",
		"Selon nos informations, les avocats de Marc Dupuis et Kelvane ont fait appel.",
	} {
		r := recognize(s)
		if got := mentionOf(r, "Kelvane"); got != veille.TypePER {
			t.Errorf("%q: Kelvane is %q, want PER (mentions %+v)", s, got, r.Mentions)
		}
	}
}

// "État" in a role or a phrase of its own names no institution; alone
// after an article, it does.
func TestFrenchStateRole(t *testing.T) {
	for _, s := range []string{
		"Le chef de l'État a reçu les syndicats mardi soir.",
		"Le secrétaire d'État a annoncé un plan pour les hôpitaux.",
		"La région a connu trois coups d'État en deux ans.",
	} {
		if got := mentionOf(recognize(s), "État"); got != "" {
			t.Errorf("%q: État is %q, want no mention", s, got)
		}
	}
	s := "Les dettes de l'État ont encore augmenté cette année."
	if got := mentionOf(recognize(s), "État"); got != veille.TypeORG {
		t.Errorf("%q: État is %q, want ORG", s, got)
	}
}
