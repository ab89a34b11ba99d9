package lexicon

import (
	"runtime"
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	lx := Default()
	cases := []struct {
		name string
		kind Kind
		want string // country code, or city name
	}{
		{"le Mali", 0, ""},
		{"Mali", KindCountry, "ML"},
		{"malienne", KindDemonym, "ML"},
		{"Malian", KindDemonym, "ML"},
		{"Russie", KindCountry, "RU"},
		{"russes", KindDemonym, "RU"},
		{"Centrafrique", KindCountry, "CF"},
		{"Central African Republic", KindCountry, "CF"},
		{"République centrafricaine", KindCountry, "CF"},
		{"Etats-Unis", KindCountry, "US"},
		{"États-Unis", KindCountry, "US"},
		{"U.S.", KindCountry, "US"},
		{"Côte d’Ivoire", KindCountry, "CI"},
		{"Arabie saoudite", KindCountry, "SA"},
		{"Moscou", KindCity, "Moscow"},
		{"Londres", KindCity, "London"},
		{"Pékin", KindCity, "Beijing"},
		{"Bamako", KindCity, "Bamako"},
		{"Abu Dhabi", KindCity, "Abu Dhabi"},
	}
	for _, c := range cases {
		es := lx.Names(Key(c.name))
		if c.kind == 0 {
			if len(es) != 0 {
				t.Errorf("%q: got %v, want nothing", c.name, es)
			}
			continue
		}
		found := false
		for _, e := range es {
			if e.Kind != c.kind {
				continue
			}
			switch e.Kind {
			case KindCountry, KindDemonym:
				found = found || lx.Countries[e.Index].Code == c.want
			case KindCity:
				found = found || lx.Cities[e.Index].Name == c.want
			}
		}
		if !found {
			t.Errorf("%q: got %v, want kind %d %s", c.name, es, c.kind, c.want)
		}
	}
	if !lx.Is(Key("porte-parole"), ClassRole) || !lx.Is(Key("Selon"), ClassFunc) {
		t.Error("word classes missing")
	}
	if !lx.FirstName("John") {
		t.Error("first name John missing")
	}
}

func TestMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	lx, err := load()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("lexicon: %d countries, %d cities, %d orgs, %d names; heap %.1f MB", len(lx.Countries), len(lx.Cities), len(lx.Orgs), len(lx.names), mb)
	if mb > 150 {
		t.Errorf("lexicon takes %.1f MB, limit 150", mb)
	}
	runtime.KeepAlive(lx)
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMinor(t *testing.T) {
	lx := Default()
	for name, want := range map[string]bool{"Estissac": true, "Bamako": false, "Moscou": false} {
		es := lx.Names(Key(name))
		if len(es) == 0 {
			t.Errorf("%s: not in the gazetteer", name)
			continue
		}
		if es[0].Minor != want {
			t.Errorf("%s: Minor = %v, want %v", name, es[0].Minor, want)
		}
	}
}

func TestAliases(t *testing.T) {
	lx := Default()
	if i, ok := lx.AreaAlias(Key("European")); !ok || lx.Areas[i].Name != "Europe" {
		t.Errorf("AreaAlias(European) = %d %v", i, ok)
	}
	if _, ok := lx.AreaAlias(Key("Paris")); ok {
		t.Error("Paris is an area alias")
	}
	for _, e := range lx.Names(Key("European")) {
		if e.Kind == KindArea {
			t.Error("an area's adjective is among Names")
		}
	}
	for abbr, want := range map[string]string{"Tenn.": "US-TN", "W.Va": "US-WV", "W. Va.": "US-WV", "N.C.": "US-NC", "B.C.": "CA-BC"} {
		rs := lx.RegionAbbr(abbr)
		if len(rs) != 1 || lx.Regions[rs[0]].Code != want {
			t.Errorf("RegionAbbr(%s) = %v, want %s", abbr, rs, want)
		}
	}
	vague := false
	for _, e := range lx.Names(Key("Central")) {
		if e.Kind == KindRegion && !e.Vague {
			t.Errorf("region %s named Central is not vague", lx.Regions[e.Index].Code)
		}
		vague = vague || e.Vague
	}
	if !vague {
		t.Error("no vague region named Central")
	}
}

// TestPointsInCountry checks the regions' points against rough boxes of a
// few countries: the source geocodes some regions by name alone, far
// from their country.
func TestPointsInCountry(t *testing.T) {
	lx := Default()
	boxes := map[string][4]float64{ // lat min, lat max, lon min, lon max
		"US": {17, 72, -180, -64}, "GB": {49, 61, -9, 2}, "AF": {29, 39, 60, 75}, "BB": {13, 13.4, -59.7, -59.4},
	}
	for _, r := range lx.Regions {
		b, ok := boxes[r.Country]
		if !ok || r.Code == "US-UM" || r.Code == "US-AS" || r.Code == "US-GU" || r.Code == "US-MP" {
			continue // the Pacific territories of the United States lie outside its box
		}
		if r.Lat < b[0] || r.Lat > b[1] || r.Lon < b[2] || r.Lon > b[3] {
			t.Errorf("region %s %s at %.2f,%.2f, outside %s", r.Code, r.Name, r.Lat, r.Lon, r.Country)
		}
	}
	for _, c := range lx.Countries {
		if c.Lat < -90 || c.Lat > 90 || c.Lon < -180 || c.Lon > 180 || (c.Lat == 0 && c.Lon == 0) {
			t.Errorf("country %s at %.2f,%.2f", c.Code, c.Lat, c.Lon)
		}
	}
}

func TestCounties(t *testing.T) {
	lx := Default()
	cs := lx.CountiesNamed(Key("Laurel County"))
	if len(cs) == 0 {
		t.Fatal("no Laurel County")
	}
	for _, i := range cs {
		c := lx.Counties[i]
		if c.Country != "US" || c.Region[:3] != "US-" || c.Towns < 1 || c.Lat < 24 || c.Lat > 50 {
			t.Errorf("Laurel County: %+v", c)
		}
	}
	for _, e := range lx.Names(Key("Laurel County")) {
		t.Errorf("a county among Names: %+v", e)
	}
}

func TestFeatures(t *testing.T) {
	lx := Default()
	cases := []struct{ name, id, class string }{
		{"Atlantic", "veille:loc/atlantic-ocean", "H"},
		{"océan Atlantique", "veille:loc/atlantic-ocean", "H"},
		{"Méditerranée", "veille:loc/mediterranean-sea", "H"},
		{"Moyen-Orient", "veille:loc/middle-east", "L"},
		{"Korean Peninsula", "veille:loc/korean-peninsula", "T"},
	}
	for _, c := range cases {
		fs := lx.FeaturesNamed(Key(c.name))
		if len(fs) != 1 || lx.Features[fs[0]].ID != c.id || lx.Features[fs[0]].Class != c.class {
			t.Errorf("FeaturesNamed(%q) = %v, want %s (%s)", c.name, fs, c.id, c.class)
		}
	}
	if fs := lx.FeaturesNamed(Key("Gulf")); len(fs) < 2 {
		t.Errorf("Gulf names %d features, want the Gulf of Mexico and the Persian Gulf", len(fs))
	}
	if fs := lx.FeatureAlias(Key("Middle Eastern")); len(fs) != 1 || lx.Features[fs[0]].Name != "Middle East" {
		t.Errorf("FeatureAlias(Middle Eastern) = %v", fs)
	}
	for _, f := range lx.Features {
		if f.Lat < -90 || f.Lat > 90 || f.Lon < -180 || f.Lon > 180 || !strings.HasPrefix(f.ID, "veille:loc/") {
			t.Errorf("feature %+v", f)
		}
	}
	// Features have their own lookup: recognition's names are unchanged.
	for _, n := range []string{"Middle East", "Korean Peninsula", "Atlantic Ocean"} {
		for _, e := range lx.Names(Key(n)) {
			t.Errorf("a feature among Names: %s %+v", n, e)
		}
	}
	if !lx.FacilityTail("Castle") || !lx.FacilityTail("St.") || lx.FacilityTail("castle") || lx.FacilityTail("Paris") {
		t.Error("FacilityTail: Castle and St. end building names; castle and Paris do not")
	}
}
