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
		text := nlp.Normalize(c.text)
		seg := nlp.Segment(text)
		r := x.Recognize(text, append(seg.Sentences, seg.Headings...))
		i := strings.Index(text, c.name)
		p, ok := x.Geocode(text, veille.Span{Start: i, End: i + len(c.name)}, r)
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
