package entity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

func recognize(text string) Result {
	text = nlp.Normalize(text)
	seg := nlp.Segment(text)
	return New().Recognize(text, append(seg.Sentences, seg.Headings...))
}

// find returns the entity with a mention written as text, or nil.
func find(r Result, text string) *veille.Entity {
	for i, e := range r.Entities {
		for _, m := range e.Mentions {
			if r.Mentions[m].Text == text {
				return &r.Entities[i]
			}
		}
	}
	return nil
}

func TestEntities(t *testing.T) {
	cases := []struct {
		text, mention, id, typ string
	}{
		{"Le Mali et la Russie sont en passe de conclure un accord.", "Mali", "iso3166:ML", "GPE"},
		{"Le Mali et la Russie sont en passe de conclure un accord.", "Russie", "iso3166:RU", "GPE"},
		{"Des mercenaires russes sont arrivés.", "russes", "veille:norp/RU", "NORP"},
		{"Le groupe Wagner opère en Centrafrique.", "Centrafrique", "iso3166:CF", "GPE"},
		{"La République centrafricaine a signé.", "République centrafricaine", "iso3166:CF", "GPE"},
		{"The Central African Republic signed.", "Central African Republic", "iso3166:CF", "GPE"},
		{"Paris a sollicité les Etats-Unis.", "Etats-Unis", "iso3166:US", "GPE"},
		{"The U.S. army left.", "U.S.", "iso3166:US", "GPE"},
		{"Des émissaires à Bamako et à Moscou.", "Moscou", "geonames:524901", "GPE"},
		{"Des émissaires à Bamako et à Moscou.", "Bamako", "geonames:2460596", "GPE"},
		{"Il vit en Côte d'Ivoire depuis 2010.", "Côte d'Ivoire", "iso3166:CI", "GPE"},
		{"Il rentre du Burkina Faso.", "Burkina Faso", "iso3166:BF", "GPE"},
		{"L'Arabie saoudite a répondu.", "Arabie saoudite", "iso3166:SA", "GPE"},
		{"Il a atterri à Abu Dhabi hier.", "Abu Dhabi", "geonames:292968", "GPE"},
		{"La France a protesté.", "France", "iso3166:FR", "GPE"},
		{"Ils ont vu les Forces armées maliennes (FAMa) puis les FAMa sont parties.", "FAMa", "veille:org/fama", "ORG"},
		{"L'Union des artisans du Niger (UAN) a protesté. L'UAN a signé.", "UAN", "veille:org/uan", "ORG"},
		{"Un porte-parole du gouvernement malien a parlé.", "gouvernement malien", "veille:org/government/ML", "ORG"},
		{"The Malian government denied it.", "Malian government", "veille:org/government/ML", "ORG"},
		{"Selon Reuters, c'est fait.", "Reuters", "veille:org/reuters", "ORG"},
		{"Il a quitté Bangui (Centrafrique) hier.", "Bangui", "geonames:2389853", "GPE"},
		{"He grew up in Paris, Texas.", "Paris", "geonames:4717560", "GPE"},
	}
	for _, c := range cases {
		r := recognize(c.text)
		e := find(r, c.mention)
		if e == nil {
			t.Errorf("%q: no entity for %q; got %+v", c.text, c.mention, r.Mentions)
			continue
		}
		if e.ID != c.id || e.Type != c.typ {
			t.Errorf("%q: %q is %s %s, want %s %s", c.text, c.mention, e.Type, e.ID, c.typ, c.id)
		}
	}
}

func TestNoEntity(t *testing.T) {
	for _, text := range []string{
		"Les démocraties sont fragiles.",
		"Selon nos informations, rien n'est fait.",
		"Alors que la crise dure, tout change.",
		"Le peuple attend.",
		"Ce sont des rumeurs.",
		"Les attaques sont en hausse dans la région.", // Les Attaques is a French commune
	} {
		r := recognize(text)
		for _, m := range r.Mentions {
			if strings.HasPrefix(text, m.Text) {
				t.Errorf("%q: sentence-initial %q taken as %s", text, m.Text, m.Type)
			}
		}
	}
}

func TestNeverPerson(t *testing.T) {
	for _, text := range []string{
		"Il vit en Côte d'Ivoire.", "Le Burkina Faso a voté.", "L'Arabie saoudite a répondu.", "Il est à Abu Dhabi.",
		"Long Beach, Californie, a voté.",
	} {
		for _, m := range recognize(text).Mentions {
			if m.Type == veille.TypePER {
				t.Errorf("%q: %q taken as a person", text, m.Text)
			}
		}
	}
}

func TestCountryNotTown(t *testing.T) {
	r := recognize("La France a protesté. En France, on attend.")
	for _, p := range r.Places {
		if p.ID != "iso3166:FR" {
			t.Errorf("France resolved to %s %s", p.ID, p.Name)
		}
	}
}

func TestPersonRole(t *testing.T) {
	text := "Un porte-parole du gouvernement malien a parlé. « Ce sont des rumeurs », a dit le porte-parole, Baba Cissé. Cissé a ajouté que rien n'était fait."
	r := recognize(text)
	e := find(r, "Baba Cissé")
	if e == nil || e.Type != veille.TypePER {
		t.Fatalf("no person Baba Cissé: %+v", r.Mentions)
	}
	if e.Role != "porte-parole du gouvernement malien" {
		t.Errorf("role = %q", e.Role)
	}
	if s := find(r, "Cissé"); s == nil || s.ID != e.ID {
		t.Errorf("surname alone not linked to %s: %+v", e.ID, s)
	}
	r = recognize("Le président Assimi Goïta a reçu M. Dupont à Bamako.")
	if e := find(r, "Assimi Goïta"); e == nil || e.Type != veille.TypePER || e.Role != "président" {
		t.Errorf("Assimi Goïta: %+v", e)
	}
	// The French title is part of the mention, not of the name.
	if e := find(r, "M. Dupont"); e == nil || e.Type != veille.TypePER || e.Name != "Dupont" {
		t.Errorf("M. Dupont: %+v", e)
	}
}

func TestFrenchPatterns(t *testing.T) {
	r := recognize("Le tribunal administratif de Nîmes a jugé. Hier, Marie et Julien sont arrivés à la gare de Chambéry. Le groupe Wagner est là.")
	for text, typ := range map[string]string{"tribunal administratif de Nîmes": veille.TypeORG, "Marie": veille.TypePER,
		"Julien": veille.TypePER, "gare de Chambéry": veille.TypeLOC, "Wagner": veille.TypeORG} {
		if e := find(r, text); e == nil || e.Type != typ {
			t.Errorf("%s: %+v in %+v", text, e, r.Mentions)
		}
	}
	if e := find(r, "Wagner"); e == nil || e.ID != "veille:org/wagner" {
		t.Errorf("Wagner not the organization of the list: %+v", e)
	}
	r = recognize("Le facteur de croissance (EGF) augmente. Le taux d'EGF baisse.")
	if e := find(r, "EGF"); e != nil {
		t.Errorf("a term defined by common words is an entity: %+v", e)
	}
}

func TestNestedPlaces(t *testing.T) {
	text := "The horse won the Dubai World Cup in March, its trainer said on Monday."
	seg := nlp.Segment(text)
	r := New().RecognizeLang(text, seg.Sentences, "en")
	got := map[string]bool{}
	for _, p := range r.Places {
		got[p.Text] = true
	}
	for _, want := range []string{"Dubai"} {
		if !got[want] {
			t.Errorf("no place %q in %+v (mentions %+v)", want, r.Places, r.Mentions)
		}
	}
}

func TestUnresolvedLeavesOthers(t *testing.T) {
	r := recognize("À Zorglubville et à Bamako, le Mali attend.")
	if find(r, "Bamako") == nil || find(r, "Mali") == nil {
		t.Errorf("mentions lost: %+v", r.Mentions)
	}
}

func TestSpans(t *testing.T) {
	text := "Le Mali et la Russie, selon Reuters. Le porte-parole, Baba Cissé, l’a dit à Moscou."
	r := recognize(text)
	for _, m := range r.Mentions {
		if !m.In(len(text)) || text[m.Start:m.End] != m.Text {
			t.Errorf("bad span %+v", m)
		}
	}
	for i, e := range r.Entities {
		for _, k := range e.Mentions {
			if r.Mentions[k].EntityID != e.ID {
				t.Errorf("entity %d: mention %d names %s", i, k, r.Mentions[k].EntityID)
			}
		}
	}
}

// TestSeed checks the seed article of ../shared when it is there.
func TestSeed(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/seed/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/seed not found")
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	r := recognize(string(b))
	ids := map[string]*veille.Entity{}
	for i, e := range r.Entities {
		ids[e.ID] = &r.Entities[i]
	}
	for _, id := range []string{"iso3166:ML", "iso3166:RU", "iso3166:FR", "iso3166:US", "iso3166:CF",
		"veille:org/wagner", "veille:org/reuters", "veille:org/fama", "veille:org/coalition-sahel",
		"veille:org/government/ML", "geonames:2460596", "geonames:524901"} {
		if ids[id] == nil {
			t.Errorf("seed: no entity %s", id)
		}
	}
	if e := ids["geonames:2460596"]; e != nil && (e.Country != "ML" || e.Lat == nil) {
		t.Errorf("Bamako: %+v", e)
	}
	var baba *veille.Entity
	for i, e := range r.Entities {
		if e.Name == "Baba Cissé" {
			baba = &r.Entities[i]
		}
		if e.Type != veille.TypeNORP && e.Type != veille.TypeGPE && (e.Name == "Le" || e.Name == "Selon" || e.Name == "Alors" || e.Name == "CFA") {
			t.Errorf("seed: entity %q", e.Name)
		}
	}
	if baba == nil || baba.Role != "porte-parole du gouvernement malien" {
		t.Errorf("seed: Baba Cissé = %+v", baba)
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{"Le Mali (ML) et M. X", "(A) (", "Forces (F)", "le porte-parole, ", "Paris, ", "U.S. (US)"} {
		f.Add(s)
	}
	x := New()
	f.Fuzz(func(t *testing.T, s string) {
		seg := nlp.Segment(s)
		r := x.Recognize(s, append(seg.Sentences, seg.Headings...))
		for _, m := range r.Mentions {
			if !m.In(len(s)) {
				t.Fatalf("span %v out of %d", m.Span, len(s))
			}
		}
	})
}

func TestSmallTowns(t *testing.T) {
	// A town of a few thousand people needs a cue: a preposition of place,
	// or capitals heading a listing line.
	r := recognize("Le marché se tient à Estissac le samedi.\nBOUILLY – Marché de Noël au foyer.")
	for _, name := range []string{"Estissac", "BOUILLY"} {
		if e := find(r, name); e == nil || e.Type != veille.TypeGPE || e.Country != "FR" {
			t.Errorf("%s: %+v in %+v", name, e, r.Mentions)
		}
	}
	// A state beats a hamlet of the same name.
	if e := find(recognize("Il vit en California depuis 2010."), "California"); e == nil || !strings.HasPrefix(e.ID, "iso3166-2:US") {
		t.Errorf("California: %+v", e)
	}
}

func TestFirstNameNotPlace(t *testing.T) {
	r := recognize("Hier, Paul et Marie sont venus. Ils ont parlé à Paul longtemps.")
	for _, m := range r.Mentions {
		if m.Type == veille.TypeGPE || m.Type == veille.TypeLOC {
			t.Errorf("%q taken as a place (%s)", m.Text, m.EntityID)
		}
	}
}

func TestInstitutions(t *testing.T) {
	r := recognize("Le Mali attend. Le gouvernement a démenti, et l'Assemblée nationale a voté. Le gouvernement malien a parlé.")
	if e := find(r, "gouvernement"); e == nil || e.ID != "veille:org/government/ML" || e.Type != veille.TypeORG {
		t.Errorf("le gouvernement: %+v in %+v", e, r.Mentions)
	}
	if e := find(r, "Assemblée nationale"); e == nil || e.ID != "veille:org/parliament/ML" {
		t.Errorf("l'Assemblée nationale: %+v", e)
	}
	if e := find(r, "Greenpeace"); e != nil {
		t.Errorf("Greenpeace found where it is not")
	}
	if e := find(recognize("Selon Greenpeace, la pollution augmente."), "Greenpeace"); e == nil || e.ID != "veille:org/greenpeace" {
		t.Errorf("Greenpeace: %+v", e)
	}
	if e := find(recognize("Un gouvernement fort est nécessaire."), "gouvernement"); e != nil {
		t.Errorf("un gouvernement: %+v", e)
	}
}

func TestSurnameNotTown(t *testing.T) {
	// "Ramos" and "Morrison" are towns too; with no place cue and none of
	// their countries in the article, they are not places here.
	r := recognize("Le musicien a rencontré Carlos Ramos. Ramos a ri, puis Morrison est arrivé.")
	for _, m := range r.Mentions {
		if m.Type == veille.TypeGPE || m.Type == veille.TypeLOC {
			t.Errorf("%q taken as a place (%s)", m.Text, m.EntityID)
		}
	}
	// An acronym neither a list nor the article defines is no organization.
	if e := find(recognize("Le test PCR est positif."), "PCR"); e != nil {
		t.Errorf("PCR: %+v", e)
	}
}

func TestFrenchLoneNames(t *testing.T) {
	cases := []struct {
		text, mention, typ string // typ "" when no entity is wanted
	}{
		{"Le peintre admirait Staline depuis longtemps.", "Staline", veille.TypePER}, // a surname of the dictionary
		{"La lettre est arrivée chez Brivolex mardi.", "Brivolex", veille.TypePER},   // a word no dictionary has
		{"Il a servi l'État pendant trente ans.", "État", veille.TypeORG},            // an institution, not a person
		{"Le Texas est devenu un État en 1845.", "État", ""},                         // a common noun
		{"Ils évoquent un coup d'État manqué.", "État", ""},
		{"Ils parlaient de la Lune hier.", "Lune", veille.TypeLOC},                    // a heavenly body is a place (Quaero loc.phys.astro)
		{"Ils parlaient de la Liberté hier.", "Liberté", ""},                          // a common noun with a capital
		{"Bethzabé, femme du roi, arriva.", "Bethzabé", veille.TypePER},               // a name opening a sentence
		{"Traduit du latin, le texte est court.", "Traduit", ""},                      // a verb opening a sentence
		{"Il est allé à Massy, Palaiseau et Vorlingen.", "Vorlingen", veille.TypeLOC}, // a list of places
		{"Il a vu les îles Kravolki de loin.", "îles Kravolki", veille.TypeLOC},
		{"12 mai : VORLINGEN – Marché aux fleurs sur la place.", "VORLINGEN", veille.TypeLOC}, // a listing's town
		{"Le film Nouveau Départ sort demain.", "Nouveau Départ", ""},
		{"Hier, la FRAVOL a protesté contre le projet.", "FRAVOL", veille.TypeORG}, // an acronym no dictionary has
		{"Il préfère le format QZV pour ses fichiers.", "QZV", ""},                 // a term qualifying a noun
		{"Il a vécu au XVIe siècle en Italie.", "XVIe", ""},                        // a century
		{"Hier, le TGV est parti en retard.", "TGV", ""},                           // in the dictionary: a term
		{"Emmanuel #Macron a parlé hier.", "Emmanuel #Macron", veille.TypePER},
		{"Elle a regardé Broken Meadow avec les enfants et le chien.", "Broken Meadow", ""}, // English words of a title
		{"Elle a regardé Gateway avec les enfants et le chien.", "Gateway", ""},
		{"Bonjour Vanelle, merci pour ton message.", "Vanelle", veille.TypePER},         // a greeting before the name
		{"Ils ont traversé la Vorlanie en mai.", "Vorlanie", veille.TypeLOC},            // persons take no article
		{"Elle habite Le Ravonnet depuis mai.", "Le Ravonnet", veille.TypeLOC},          // the article is the place's
		{"Il dîne chez les Dupontel ce soir.", "Dupontel", ""},                          // a family
		{"Elle chante avec Les Ombrelles depuis mai.", "Les Ombrelles", veille.TypeORG}, // common words named with their article
		{"Il joue avec Les Flâneurs du Vorlon ce soir.", "Les Flâneurs du Vorlon", veille.TypeORG},
		{"Le roi Gustave III de Suède arriva.", "Gustave III", veille.TypePER}, // a ruler's numeral ends the name
		{"Le président Karim el-Nadour a parlé.", "Karim el-Nadour", veille.TypePER},
		{"Il a vu Dwight D. Eisenhower hier.", "Dwight D. Eisenhower", veille.TypePER},    // common words with capitals
		{"Le soir tombe, Cherchent les enfants leur mère.", "Cherchent", ""},              // a verb opening a verse
		{"Ils ont visité la Provence en mai.", "Provence", veille.TypeLOC},                // a place, not a person: persons take no article
		{"XXX Félicitations aux joueurs.", "XXX Félicitations", ""},                       // a placeholder
		{"Le texte de Mr Dupontel est parti.", "Mr Dupontel", veille.TypePER},             // the title in the span
		{"Le tableau de Maurice Gavrelot est vendu.", "Maurice Gavrelot", veille.TypePER}, // a first name that is a country too
		{"Il travaille pour la société Brivolex depuis mai.", "Brivolex", veille.TypeORG},
		{"Elle dirige le Centre d'Art Moderne de la ville.", "Centre d'Art Moderne", veille.TypeORG},
	}
	for _, c := range cases {
		e := find(recognize(c.text), c.mention)
		switch {
		case c.typ == "" && e != nil:
			t.Errorf("%q: %q taken as %s %s", c.text, c.mention, e.Type, e.ID)
		case c.typ != "" && e == nil:
			t.Errorf("%q: no entity for %q; got %+v", c.text, c.mention, recognize(c.text).Mentions)
		case c.typ != "" && e.Type != c.typ:
			t.Errorf("%q: %q is %s, want %s", c.text, c.mention, e.Type, c.typ)
		}
	}
}

// TestFrenchOrgRules checks the names that no list has: a town standing
// for its club in a sentence about a game, names after "association" in
// quotation marks or after a comma, bodies named by common nouns, an
// event's organizer, a rank with a name, places named by a noun and a
// nationality, and proper nouns of the dictionary after an article.
func TestFrenchOrgRules(t *testing.T) {
	cases := []struct {
		text, mention, typ string
	}{
		{"Hier soir, Lorient a battu Nantes 3-1 au terme d'un match serré.", "Lorient", veille.TypeORG},
		{"Hier soir, Lorient a battu Nantes 3-1 au terme d'un match serré.", "Nantes", veille.TypeORG},
		{"Le buteur de Rennes a offert la victoire à son équipe.", "Rennes", veille.TypeORG},
		{"Elle préside l'association bénévole \"Les Amis du Quai\" depuis mai.", "Les Amis du Quai", veille.TypeORG},
		{"Il travaille dans sa société familiale, Malvoric.", "Malvoric", veille.TypeORG},
		{"Le conseil municipal a voté le budget.", "conseil municipal", veille.TypeORG},
		{"La fédération de pêche sportive a publié un avis.", "fédération de pêche sportive", veille.TypeORG},
		{"Le tribunal correctionnel de Lyon a rendu son jugement.", "tribunal correctionnel de Lyon", veille.TypeORG},
		{"Le Président de la République a parlé.", "Président de la République", veille.TypePER},
		{"Moi, général de Villebrune, je l'affirme.", "général de Villebrune", veille.TypePER},
		{"Elle a joué contre les UCLA Lynx hier.", "UCLA Lynx", veille.TypeORG},
		{"Il a dîné en compagnie de Paul Vernaz, maire du village.", "Paul Vernaz", veille.TypePER},
		{"Les troupes se trouvent en territoire britannique depuis mai.", "territoire britannique", veille.TypeLOC},
		{"Les prix baissent dans la région lyonnaise.", "région lyonnaise", veille.TypeLOC},
		{"Ils ont pris la route de la Bourgogne et des Alpes.", "Bourgogne", veille.TypeLOC},
		{"Ils ont pris la route de la Bourgogne et des Alpes.", "Alpes", veille.TypeLOC},
		{"La journée est organisée par Lire Ensemble au foyer.", "Lire Ensemble", veille.TypeORG},
		{"Il vit en Irlande du Nord depuis mai.", "Irlande du Nord", veille.TypeGPE},
		{"Ils visitent le Pays de Brévaux en mai.", "Pays de Brévaux", veille.TypeLOC},
		{"Le ministère des Affaires étrangères a répondu.", "ministère des Affaires étrangères", veille.TypeORG},
		{"Hier, Marie Le Gavrec est arrivée au port.", "Marie Le Gavrec", veille.TypePER},
		{"La soirée est organisée par Lire Pour Grandir au foyer.", "Lire Pour Grandir", veille.TypeORG},
		{"Les membres de l'Association pour un Commerce Loyal ont marché.", "Association pour un Commerce Loyal", veille.TypeORG},
	}
	for _, c := range cases {
		r := recognize(c.text)
		e := find(r, c.mention)
		if e == nil {
			t.Errorf("%q: no entity for %q; got %+v", c.text, c.mention, r.Mentions)
			continue
		}
		if e.Type != c.typ {
			t.Errorf("%q: %q is %s, want %s", c.text, c.mention, e.Type, c.typ)
		}
	}
	// The town itself: a place after "à", a sentence with no game, a
	// war's victory, and bodies any such ("une association de quartier").
	for _, c := range []struct{ text, mention string }{
		{"Le match s'est joué à Lorient, victoire 2-0.", "Lorient"},
		{"La victoire de Nantes sur les Anglais fut célébrée.", "Nantes"},
	} {
		if e := find(recognize(c.text), c.mention); e == nil || e.Type != veille.TypeGPE {
			t.Errorf("%q: %q is %+v, want a place", c.text, c.mention, e)
		}
	}
	for _, text := range []string{"Une association de quartier a protesté.", "Notre comité de sélection a tranché.", "Il est canadien depuis hier.",
		"Les Égyptiens et les Chrétiens de la ville."} {
		for _, m := range recognize(text).Mentions {
			if m.Type == veille.TypeORG || m.Type == veille.TypeLOC {
				t.Errorf("%q: %q taken as %s", text, m.Text, m.Type)
			}
		}
	}
}

// longFrench returns about n bytes of a French article made of repeated
// news-like sentences, numbered so that names and numbers vary.
func longFrench(n int) string {
	sents := []string{
		"Le ministre des Affaires étrangères, Abdoulaye Diop, a rencontré à Bamako le porte-parole du gouvernement malien.",
		"Selon Jean Dupont, ministre, la Coalition internationale pour le Sahel (CIS) se réunira à Paris le 12 mars.",
		"M. Martin{i}, maire de Lyon, a inauguré le lycée Fénelon avec la présidente du conseil régional.",
		"La société Renault et le groupe Wagner sont cités par l'Organisation des Nations unies à Genève.",
		"« Nous resterons au Mali », a déclaré le président Emmanuel Macron devant l'Assemblée nationale.",
		"Le FC Nantes s'impose 2-1 face à Brest lors du match de Ligue 1 au stade de la Beaujoire.",
		"Marie{i} Durand, porte-parole, a précisé que les forces armées maliennes (FAMa) étaient à Gao et Tombouctou.",
		"Le premier ministre a reçu la délégation de l'Union européenne et du Royaume-Uni à Matignon.",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strings.ReplaceAll(sents[i%len(sents)], "{i}", itoa(i)))
		if i%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkRecognizeLong measures Recognize over growing French articles
// and a growing single line: the time per byte (ns/op divided by the
// size, or MB/s) should stay flat.
func BenchmarkRecognizeLong(b *testing.B) {
	line := func(n int) string {
		var sb strings.Builder
		for i := 0; sb.Len() < n; i++ {
			sb.WriteString("selon X" + itoa(i) + ", Jean Dupont, ministre, ")
		}
		return sb.String()
	}
	x := New()
	warm := longFrench(64 << 10)
	seg := nlp.Segment(warm)
	x.RecognizeLang(warm, append(seg.Sentences, seg.Headings...), "fr") // loads the lists first
	for _, size := range []int{64 << 10, 256 << 10, 1 << 20} {
		for _, c := range []struct {
			name string
			text string
		}{{"article", longFrench(size)}, {"line", line(size)}} {
			text := nlp.Normalize(c.text)
			seg := nlp.Segment(text)
			units := append(seg.Sentences, seg.Headings...)
			b.Run(c.name+"/"+itoa(size>>10)+"KB", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					x.RecognizeLang(text, units, "fr")
				}
			})
		}
	}
}

// TestRolePhraseEarlier: a bare role word takes the longest complement
// the word had earlier in the article (the first of that length), not
// one written after it (rolePhrase, indexed once per word).
func TestRolePhraseEarlier(t *testing.T) {
	r := recognize("Le ministre de la Santé a parlé. Le ministre des Affaires étrangères a répondu. Jean Dupont, ministre, a conclu. " +
		"Le ministre de la Défense nationale du pays est arrivé. Paul Martin, ministre, a ajouté un mot.")
	for name, role := range map[string]string{"Jean Dupont": "ministre des Affaires étrangères", "Paul Martin": "ministre de la Défense nationale du pays"} {
		if e := find(r, name); e == nil || e.Type != veille.TypePER || e.Role != role {
			t.Errorf("%s: %+v, want role %q", name, e, role)
		}
	}
	// No earlier complement: the bare word.
	r = recognize("Jean Dupont, ministre, a parlé. Le ministre de la Santé a répondu.")
	if e := find(r, "Jean Dupont"); e == nil || e.Role != "ministre" {
		t.Errorf("Jean Dupont: %+v, want role ministre", e)
	}
}

// TestSurnameLatest: a surname alone takes the ID of the last person
// named in full with it, and the name of that ID's first mention.
func TestSurnameLatest(t *testing.T) {
	r := recognize("Jean Dupont est venu. Marie Dupont est venue. Dupont a parlé. Paul Martin a souri. Martin a ri.")
	if e := find(r, "Dupont"); e == nil || e.ID != "veille:per/marie-dupont" || e.Name != "Marie Dupont" {
		t.Errorf("Dupont: %+v", e)
	}
	if e := find(r, "Martin"); e == nil || e.ID != "veille:per/paul-martin" {
		t.Errorf("Martin: %+v", e)
	}
}

// repeatText returns s repeated ({i} numbered) to at least n bytes.
func repeatText(s string, n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strings.ReplaceAll(s, "{i}", itoa(i)))
	}
	return b.String()
}

// TestLongInputsLinear runs once over inputs of about 1 MB that took the
// entity stage quadratic time (one to four minutes each before the fix,
// well under a second each after): bare role words (rolePhrase scanned
// the article for each), one long line of names (allCapsLine scanned the
// line for each name), a town named again and again (placeCtx.near went
// over one point per mention), words in capitals on lines of their own
// (dateline scanned the rest of the run for each), capital letters alone
// (initialAfterTitle walked back over them for each); and, smaller gains,
// one-word names that are no surname (surname went over all the
// mentions) and places next to capitalised words (extendMentions went
// over all the mentions for each). It checks the counts of what is
// found, which the fixes leave unchanged.
func TestLongInputsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("long inputs")
	}
	const size = 1 << 20
	cases := []struct {
		name, text, lang string
		check            func(Result) string
	}{
		{"role", repeatText("Jean Dupont, ministre.\n\n", size), "fr", func(r Result) string {
			if len(r.Entities) != 1 || r.Entities[0].Role != "ministre" || len(r.Mentions) < size/30 {
				return "want one person with role ministre in every unit"
			}
			return ""
		}},
		{"capsline", repeatText("selon X{i}, ", size), "fr", nil},
		{"town", repeatText("Il est allé à Lyon puis à Bamako. ", size), "fr", func(r Result) string {
			if len(r.Places) < size/40 {
				return "want two places a sentence"
			}
			return ""
		}},
		{"dateline", repeatText("BOUILLY{i}\n", size), "fr", nil},
		{"initials", repeatText("A ", size/4), "fr", nil}, // minutes at 256 KB: initialAfterTitle walked back over the letters for each
		{"surname", repeatText("Paul Martin{i} a vu Zorglub{i}. ", size), "fr", nil},
		{"feature", repeatText("Northern Europe and Paris Saint met in Mali Today. ", size/4), "en", nil},
	}
	x := New()
	for _, c := range cases {
		text := nlp.Normalize(c.text)
		seg := nlp.Segment(text)
		r := x.RecognizeLang(text, append(seg.Sentences, seg.Headings...), c.lang)
		if c.check != nil {
			if msg := c.check(r); msg != "" {
				t.Errorf("%s: %s: %d entities, %d mentions, %d places", c.name, msg, len(r.Entities), len(r.Mentions), len(r.Places))
			}
		}
	}
}

// TestTownWithArticle checks that towns whose name opens with an article
// are found when written as names.
func TestTownWithArticle(t *testing.T) {
	r := recognize("Le Mans a gagné, puis La Rochelle et L'Aquila ont suivi.")
	for _, name := range []string{"Le Mans", "La Rochelle", "L'Aquila"} {
		if e := find(r, name); e == nil || e.Type != veille.TypeGPE {
			t.Errorf("%s: %+v, want a town", name, e)
		}
	}
}
