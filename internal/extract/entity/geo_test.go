package entity

import (
	"math"
	"strings"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// place returns the place of r written as text, or nil.
func place(r Result, text string) *veille.Place {
	for i, p := range r.Places {
		if p.Text == text {
			return &r.Places[i]
		}
	}
	return nil
}

func TestPlaceResolution(t *testing.T) {
	cases := []struct {
		text, name string
		id         string // wanted ID, or its prefix when it ends with ":"
		country    string
	}{
		// A bare country is the country, never a town bearing its name.
		{"Tensions rose again in Mexico this week.", "Mexico", "iso3166:MX", "MX"},
		{"Georgia signed a trade pact with Armenia.", "Georgia", "iso3166:GE", "GE"},
		// A country or region written just after the name.
		{"The county fair opens in Paris, Texas, on Monday.", "Paris", "geonames:", "US"},
		{"Les combats ont repris à Bangui (Centrafrique) hier soir.", "Bangui", "geonames:", "CF"},
		// The article's other places choose between a state and a country.
		{"The governor of Georgia spoke in Atlanta, then flew to Savannah and Macon.", "Georgia", "iso3166-2:US-GA", "US"},
		// A country before a region of its name in a neighbour.
		{"Belgium and Luxembourg signed a rail deal.", "Luxembourg", "iso3166:LU", "LU"},
		// A region's seat before the region named after it.
		{"Des renforts sont arrivés au Mali, à Gao, lundi.", "Gao", "geonames:", "ML"},
		// A continent before a town of the same name.
		{"Exports to Asia fell sharply last year.", "Asia", "geonames:6255147", ""},
		// A state's name is the state, not a small town of another state
		// the article names.
		{"Voters in New York lined up early. New York officials said a Florida senator led the race.", "Florida", "iso3166-2:US-FL", "US"},
		// A region named inside an organization's name is context too.
		{"Grants from the Texas Department of Transportation will repave roads in Paris next year.", "Paris", "geonames:", "US"},
		// A Canadian town's region, whose GeoNames code is a number ("02"),
		// is the province the article names.
		{"The new office opened in Nelson on Monday. The British Columbia forests minister came, and British Columbia residents cheered.", "Nelson", "geonames:6086871", "CA"},
	}
	for _, c := range cases {
		r := recognize(c.text)
		p := place(r, c.name)
		if p == nil {
			t.Errorf("%q: no place %q in %+v", c.text, c.name, r.Places)
			continue
		}
		okID := p.ID == c.id || (strings.HasSuffix(c.id, ":") && strings.HasPrefix(p.ID, c.id))
		if !okID || p.Country != c.country {
			t.Errorf("%q: %q resolved to %s (%s, %s), want %s in %q", c.text, c.name, p.ID, p.Name, p.Country, c.id, c.country)
		}
	}
}

func TestPlaceAbbreviatedState(t *testing.T) {
	// "Tenn." after a town's name chooses a small town of Tennessee over
	// the capital of France.
	r := recognize("The tire plant in Paris, Tenn., will close next spring.")
	p := place(r, "Paris")
	if p == nil {
		t.Fatalf("no place Paris in %+v", r.Places)
	}
	if p.Country != "US" || math.Abs(p.Lon-(-88.3)) > 1 {
		t.Errorf("Paris, Tenn. resolved to %s (%s, %s) at %.2f,%.2f", p.ID, p.Name, p.Country, p.Lat, p.Lon)
	}
}

// recognizeAt recognizes the normalised text and returns it with the
// span of the first occurrence of name in it.
func recognizeAt(x *Recognizer, text, name string) (string, Result, veille.Span) {
	text = nlp.Normalize(text)
	seg := nlp.Segment(text)
	i := strings.Index(text, name)
	return text, x.Recognize(text, append(seg.Sentences, seg.Headings...)), veille.Span{Start: i, End: i + len(name)}
}

func TestGeocode(t *testing.T) {
	x := New()
	cases := []struct {
		text, name, id string
	}{
		{"Talks with European leaders resumed.", "European", "geonames:6255148"},
		{"The EU agreed on new tariffs.", "EU", "geonames:6255148"},
		{"Trade with African nations grew.", "African", "geonames:6255146"},
		{"He grew up near Memphis, Tenn. and moved away.", "Tenn.", "iso3166-2:US-TN"},
		{"Japanese exporters were hit.", "Japanese", "iso3166:JP"},
		{"Pilgrims visited the Holy See in spring.", "Holy See", "iso3166:VA"},
		// A state before a foreign town of the same name.
		{"Flooding hit Florida before the storm turned toward Atlanta.", "Florida", "iso3166-2:US-FL"},
		// A county, of the state written after it.
		{"Deputies in Henry County, Tenn., made two arrests.", "Henry County", "geonames-adm2:US.TN."},
	}
	for _, c := range cases {
		text, r, sp := recognizeAt(x, c.text, c.name)
		p, ok := x.Geocode(text, sp, r)
		if !ok || (p.ID != c.id && !(strings.HasSuffix(c.id, ".") && strings.HasPrefix(p.ID, c.id))) {
			t.Errorf("Geocode(%q in %q) = %s (%s) %v, want %s", c.name, c.text, p.ID, p.Name, ok, c.id)
		}
	}
	text := "Nothing here names Zorglubistan."
	i := strings.Index(text, "Zorglubistan")
	if p, ok := x.Geocode(text, veille.Span{Start: i, End: len(text) - 1}, Result{}); ok {
		t.Errorf("Geocode of an unknown name = %+v", p)
	}
}

// TestGeocodeBeyondGazetteer checks the names Geocode places without a
// gazetteer entry of their own: a street at the town the article is
// about, a building at the town its name holds, a small town of
// GeoNames' cities500 of a country the article names; and that a name of
// an organization is not a small town.
func TestGeocodeBeyondGazetteer(t *testing.T) {
	x := New()
	cases := []struct {
		text, name, id string
	}{
		// A street: the article's town, named twice.
		{"Firemen reached Quillon Street in Manchester at dawn. Manchester police closed it.", "Quillon Street", "geonames:2643123"},
		// A building: the town in its name.
		{"Staff at the Glasgow Orthopaedic Unit went on strike.", "Glasgow Orthopaedic Unit", "geonames:2648579"},
		// A small town of a country the article names.
		{"Ferries left Samos for the mainland, Greek officials said in Greece.", "Samos", "geonames:254115"},
	}
	for _, c := range cases {
		text, r, sp := recognizeAt(x, c.text, c.name)
		p, ok := x.Geocode(text, sp, r)
		if !ok || p.ID != c.id {
			t.Errorf("Geocode(%q in %q) = %s (%s) %v, want %s", c.name, c.text, p.ID, p.Name, ok, c.id)
		}
		if p.Text != c.name {
			t.Errorf("Geocode(%q) text = %q", c.name, p.Text)
		}
	}
	// Without a country named, a town of cities500 is not read.
	text := "Ferries left Samos at dawn."
	i := strings.Index(text, "Samos")
	if p, ok := x.Geocode(text, veille.Span{Start: i, End: i + 5}, Result{}); ok {
		t.Errorf("Geocode(Samos) with no context = %s (%s), want nothing", p.ID, p.Name)
	}
	// An organization is not the small town of its name.
	text = "The White House said on Monday that talks would resume."
	seg := nlp.Segment(text)
	r := x.Recognize(text, append(seg.Sentences, seg.Headings...))
	i = strings.Index(text, "White House")
	if p, ok := x.Geocode(text, veille.Span{Start: i, End: i + len("White House")}, r); ok && p.FeatureClass == "P" {
		t.Errorf("Geocode(White House) = %s (%s), want no town", p.ID, p.Name)
	}
}

func TestFocusPlace(t *testing.T) {
	x := New()
	tokyo := veille.Place{ID: "geonames:1850147", Country: "JP", FeatureClass: "P"}
	osaka := veille.Place{ID: "geonames:1853909", Country: "JP", FeatureClass: "P"}
	lima := veille.Place{ID: "geonames:3936456", Country: "PE", FeatureClass: "P"}
	japan := veille.Place{ID: "iso3166:JP", Country: "JP", FeatureClass: "A"}
	cases := []struct {
		name   string
		places []veille.Place
		want   string
	}{
		{"the town named most", []veille.Place{osaka, tokyo, tokyo}, tokyo.ID},
		{"the most populous among equals", []veille.Place{osaka, tokyo}, tokyo.ID},
		{"a town of the country named most", []veille.Place{lima, japan, japan, osaka}, osaka.ID},
		{"the country when no town", []veille.Place{japan}, japan.ID},
	}
	for _, c := range cases {
		p, ok := x.focusPlace(Result{Places: c.places})
		if !ok || p.ID != c.want {
			t.Errorf("%s: focusPlace = %s %v, want %s", c.name, p.ID, ok, c.want)
		}
	}
	if p, ok := x.focusPlace(Result{}); ok {
		t.Errorf("focusPlace of nothing = %+v", p)
	}
}

func TestFeatures(t *testing.T) {
	x := New()
	cases := []struct {
		text, name, id string
	}{
		// An ocean is no small town of its name.
		{"Storms over the Atlantic grounded flights.", "Atlantic", "veille:loc/atlantic-ocean"},
		// One name, several features: the nearest to the article's countries.
		{"Tankers left Qatar and Iran to cross the Gulf.", "Gulf", "veille:loc/persian-gulf"},
		{"Oil rigs off Texas and Louisiana were shut as the storm crossed the Gulf.", "Gulf", "veille:loc/gulf-of-mexico"},
		// A macro-region and its adjective.
		{"Diplomats toured the Middle East last week.", "Middle East", "veille:loc/middle-east"},
		{"Middle Eastern markets opened lower.", "Middle Eastern", "veille:loc/middle-east"},
		{"Tensions grew on the Korean Peninsula.", "Korean Peninsula", "veille:loc/korean-peninsula"},
		{"Les pêcheurs de la mer Méditerranée protestent.", "mer Méditerranée", "veille:loc/mediterranean-sea"},
	}
	for _, c := range cases {
		text, r, sp := recognizeAt(x, c.text, c.name)
		var got *veille.Place
		for k, p := range r.Places {
			if p.Start < sp.End && sp.Start < p.End {
				got = &r.Places[k]
				break
			}
		}
		if got == nil {
			if p, ok := x.Geocode(text, sp, r); ok {
				got = &p
			}
		}
		if got == nil || got.ID != c.id {
			t.Errorf("%q in %q: %+v, want %s", c.name, c.text, got, c.id)
		}
	}
}

func TestFeatureWidening(t *testing.T) {
	// A place's name inside a feature's or a county's name is that
	// feature or county.
	cases := []struct{ text, name, id string }{
		{"Fishing fleets returned to the Gulf of Mexico on Friday.", "Gulf of Mexico", "veille:loc/gulf-of-mexico"},
		{"Rain is expected across Northern Europe this weekend.", "Northern Europe", "veille:loc/northern-europe"},
		{"Deputies in Laurel County arrested two men on Monday.", "Laurel County", "geonames-adm2:US.KY."},
	}
	for _, c := range cases {
		r := recognize(c.text)
		p := place(r, c.name)
		if p == nil || !strings.HasPrefix(p.ID, c.id) {
			t.Errorf("%q: %q resolved to %+v in %+v", c.text, c.name, p, r.Places)
		}
	}
}

func TestFacilityName(t *testing.T) {
	// A town's name followed by a building's noun is a word of the
	// building's name, not the town.
	r := recognize("Tourists queued outside Windsor Castle on Sunday.")
	for _, p := range r.Places {
		if strings.HasPrefix(p.Text, "Windsor") {
			t.Errorf("Windsor Castle gave the place %+v", p)
		}
	}
	// The town alone stays a place.
	r = recognize("The council of Windsor, Ontario, met on Sunday.")
	if place(r, "Windsor") == nil {
		t.Errorf("no place Windsor in %+v", r.Places)
	}
}

func TestCommonWordTown(t *testing.T) {
	// A common word known to name a place is not a small town of that
	// name without a cue.
	x := New()
	text := "Relations between Russia and the West soured."
	r := x.Recognize(text, nlp.Segment(text).Sentences)
	i := strings.Index(text, "West")
	if p, ok := x.Geocode(text, veille.Span{Start: i, End: i + 4}, r); ok && p.FeatureClass == "P" {
		t.Errorf("West resolved to the town %+v", p)
	}
}

func TestShoutedTown(t *testing.T) {
	// A name in capitals that only a small town abroad bears, with no
	// cue for it, is no place; a dateline keeps its town.
	r := recognize("The transcript reads as follows. RAMOS: Did you know about the plan before the vote?")
	if p := place(r, "RAMOS"); p != nil {
		t.Errorf("RAMOS resolved to %s (%s, %s)", p.ID, p.Name, p.Country)
	}
	r = recognize("ROSWELL - A man who fled a jewelry store was struck by a car on Friday.")
	if p := place(r, "ROSWELL"); p == nil || p.Country != "US" {
		t.Errorf("dateline ROSWELL: %+v", p)
	}
}

func TestAbbreviatedNames(t *testing.T) {
	// A region's name cut with a point, of a country the article names;
	// "Mt." for Mount.
	x := New()
	cases := []struct{ text, name, id string }{
		{"Wheat farmers near Wichita, Kan. expect a late harvest in the United States.", "Kan.", "iso3166-2:US-KS"},
		{"The county fair in Mt. Pleasant drew crowds.", "Mt. Pleasant", "geonames:"},
	}
	for _, c := range cases {
		text, r, sp := recognizeAt(x, c.text, c.name)
		p, ok := x.Geocode(text, sp, r)
		if !ok || !strings.HasPrefix(p.ID, c.id) {
			t.Errorf("Geocode(%q in %q) = %s (%s) %v, want %s", c.name, c.text, p.ID, p.Name, ok, c.id)
		}
	}
}

func TestDistanceKm(t *testing.T) {
	// Paris to London is about 344 km.
	if d := DistanceKm(48.8566, 2.3522, 51.5074, -0.1278); d < 340 || d > 348 {
		t.Errorf("distance = %.0f", d)
	}
}

// BenchmarkGeocode times Geocode on names of the three kinds: a country,
// a building holding a town's name, and a street placed at the
// article's town.
func BenchmarkGeocode(b *testing.B) {
	x := New()
	text := nlp.Normalize("Firemen reached Quillon Street in Manchester at dawn. Staff at the Glasgow Orthopaedic Unit went on strike, French unions said.")
	seg := nlp.Segment(text)
	r := x.Recognize(text, append(seg.Sentences, seg.Headings...))
	var spans []veille.Span
	for _, name := range []string{"Quillon Street", "Glasgow Orthopaedic Unit", "French"} {
		i := strings.Index(text, name)
		spans = append(spans, veille.Span{Start: i, End: i + len(name)})
	}
	x.Geocode(text, spans[0], r) // loads the towns
	for b.Loop() {
		for _, sp := range spans {
			if _, ok := x.Geocode(text, sp, r); !ok {
				b.Fatalf("Geocode(%q) found nothing", text[sp.Start:sp.End])
			}
		}
	}
}
