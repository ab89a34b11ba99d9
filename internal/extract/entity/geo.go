package entity

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/lexicon"
	"github.com/veille/veille/internal/nlp"
)

// resolvePlaces drops the weak town names whose country the article does
// not name, then resolves each remaining place name (st.ms and st.nested)
// among everything the gazetteer gives that name (see choosePlace) and
// sets its ID, type, name, country and coordinates.
func (st *state) resolvePlaces() {
	lx := st.x.lx
	ctx := newPlaceCtx()
	// The places named inside other names are context too ("Texas" in
	// "Texas Department of Transportation"), but for countries ("Air
	// Canada" says little of where a story is).
	for n, ms := range [][]mention{st.ms, st.nested} {
		for _, m := range ms {
			if m.inst == "" && (n == 0 || !strings.HasPrefix(m.id, "iso3166:")) {
				ctx.add(lexicon.Key(st.text[m.start:m.end]), m.country, regionOf(m.id), 1)
			}
		}
	}
	st.ms = slices.DeleteFunc(st.ms, func(m mention) bool {
		if !m.weak {
			return false
		}
		for _, ci := range m.cities {
			if ctx.countries[lx.Cities[ci].Country] > 0 {
				return false
			}
		}
		return true
	})
	type todo struct {
		m      *mention
		key    string
		after  afterCtx
		nested bool
	}
	st.extendToFeatures(ctx)
	var places, counties []todo
	for n, ms := range [][]mention{st.ms, st.nested} {
		for k := range ms {
			m := &ms[k]
			if m.inst == "" && m.lat == nil && len(m.cities) == 0 && (m.typ == veille.TypeLOC || m.typ == veille.TypeGPE) {
				key := lexicon.Key(st.text[m.start:m.end])
				if len(lx.FeaturesNamed(key)) > 0 {
					places = append(places, todo{m, key, st.after(m.end), n == 1}) // "Middle East"
				} else if len(lx.CountiesNamed(key)) > 0 {
					counties = append(counties, todo{m, key, st.after(m.end), n == 1}) // "Laurel County"
				}
				continue
			}
			if m.inst != "" || (len(m.cities) == 0 && (m.lat == nil || m.feature == "")) {
				continue // not a place of the gazetteer
			}
			key := lexicon.Key(st.text[m.start:m.end])
			if len(m.cities) == 0 && len(lx.Names(key)) == 0 && len(lx.FeaturesNamed(key)) == 0 {
				continue // named otherwise than in the gazetteer ("RCA"): the recognizer's choice stands
			}
			places = append(places, todo{m, key, st.after(m.end), n == 1})
		}
	}
	// Two passes: the towns chosen in the first add their countries and
	// regions to the context of the second ("Georgia" beside "Atlanta").
	var chosen []veille.Place
	var regions []string
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			for i, p := range chosen {
				if p.ID == "" {
					continue
				}
				if i < len(places) && p.FeatureClass == "P" {
					ctx.add(places[i].key, p.Country, regions[i], 1)
				}
				if p.FeatureClass == "P" || strings.HasPrefix(p.ID, "geonames-adm2:") {
					key := ""
					if i < len(places) {
						key = places[i].key
					} else {
						key = counties[i-len(places)].key
					}
					ctx.addPoint(key, p.Lat, p.Lon)
				}
			}
		}
		chosen, regions = chosen[:0], regions[:0]
		for _, t := range places {
			p, reg, _ := st.x.choosePlace(lx.Names(t.key), t.m.cities, t.key, ctx, t.after, false)
			chosen, regions = append(chosen, p), append(regions, reg)
		}
		for _, t := range counties {
			chosen = append(chosen, st.x.chooseCounty(t.key, ctx, t.after, false))
		}
	}
	places = append(places, counties...)
	for i, t := range places {
		p, m := chosen[i], t.m
		// A vague name, a word of a building's or an institution's
		// name ("Windsor Castle"; "University" in "Cornell University"),
		// or common words naming a small town with no cue for it ("the
		// Republic") or a name in capitals with no cue for its small town
		// ("RAMOS:"): a mention, not a place.
		if p.ID == "" || (!strings.HasPrefix(p.ID, "iso3166:") && st.facilityAfter(m.end)) ||
			(t.nested && lx.FacilityTail(st.text[m.start:m.end])) || st.x.smallTownByWord(p, t.key, ctx, t.after) ||
			(!st.datelineTown(m.end) && st.x.shoutedTown(p, st.text[m.start:m.end], t.key, ctx, t.after)) {
			m.lat, m.lon, m.feature = nil, nil, ""
			continue
		}
		lat, lon := p.Lat, p.Lon
		m.id, m.name, m.country, m.feature, m.lat, m.lon = p.ID, p.Name, p.Country, p.FeatureClass, &lat, &lon
		m.typ = veille.TypeGPE
		if p.FeatureClass != "A" && p.FeatureClass != "P" {
			m.typ = veille.TypeLOC // a continent, a sea, a peninsula, a macro-region
		}
	}
}

// placeCtx counts what the article names: countries (by ISO 3166-1
// code, from countries, regions, nationalities and organizations) and
// regions (by ISO 3166-2 code), and, by name key, what each name
// contributed, so that a name is not its own context ("Georgia" does not
// vote for Georgia).
type placeCtx struct {
	countries, regions map[string]int
	own                map[string]map[string]int // name key → country or region code → count
	points             map[int][]placePoint      // towns and counties chosen elsewhere in the article, each once, by band of latitude (see addPoint)
	seen               map[placePoint]bool
}

// placePoint is the point of a town or county the article names, with
// the key of its name.
type placePoint struct {
	key      string
	lat, lon float64
}

// nearKm is the distance under which a candidate is near a town or
// county the article names elsewhere.
const nearKm = 80

// near reports whether a town or county the article names through a name
// other than key lies within nearKm of the point.
func (c *placeCtx) near(key string, lat, lon float64) bool {
	// Points within nearKm are less than nearKm/6371 radians (0.72°) of
	// latitude away: in the band of lat or the next ones.
	b := latBand(lat)
	for band := b - 1; band <= b+1; band++ {
		for _, p := range c.points[band] {
			if p.key != key && DistanceKm(lat, lon, p.lat, p.lon) < nearKm {
				return true
			}
		}
	}
	return false
}

// addPoint adds a town or county the article names to the points near
// looks at, once: near scanned one point per mention for each place
// name, which took quadratic time in articles naming many places.
func (c *placeCtx) addPoint(key string, lat, lon float64) {
	p := placePoint{key, lat, lon}
	if c.seen[p] {
		return
	}
	c.seen[p] = true
	b := latBand(lat)
	c.points[b] = append(c.points[b], p)
}

// latBand returns the band of one degree of latitude holding lat.
func latBand(lat float64) int { return int(math.Floor(lat)) }

func newPlaceCtx() *placeCtx {
	return &placeCtx{countries: map[string]int{}, regions: map[string]int{}, own: map[string]map[string]int{},
		points: map[int][]placePoint{}, seen: map[placePoint]bool{}}
}

func (c *placeCtx) add(key, country, region string, n int) {
	for _, code := range []string{country, region} {
		if code == "" {
			continue
		}
		if code == region {
			c.regions[code] += n
		} else {
			c.countries[code] += n
		}
		if c.own[key] == nil {
			c.own[key] = map[string]int{}
		}
		c.own[key][code] += n
	}
}

// country and region return how often the article names the country or
// region through names other than key.
func (c *placeCtx) country(key, code string) int { return c.countries[code] - c.own[key][code] }
func (c *placeCtx) region(key, code string) int  { return c.regions[code] - c.own[key][code] }

// regionOf returns the ISO 3166-2 code of a region's entity ID, or "".
func regionOf(id string) string {
	code, ok := strings.CutPrefix(id, "iso3166-2:")
	if !ok {
		return ""
	}
	return code
}

// afterCtx is the country and region written just after a place name
// ("Paris, Texas": US, US-TX), "" when none.
type afterCtx struct{ country, region string }

// Weights of choosePlace: a score is the log10 of a city's population
// plus these bonuses; countries, continents and regions get fixed scores
// in the same scale (a country weighs as a city of a billion people, a
// region as one of a few hundred thousand).
const (
	scoreCountry    = 8.0
	scoreArea       = 9.5
	scoreRegion     = 4.5
	scoreFeature    = 9.5  // an ocean, a sea, a macro-region: before any town not placed by what follows it
	bonusCountryCtx = 3.0  // the article names the place's country elsewhere
	bonusRegionCtx  = 1.5  // the article names the place's region elsewhere
	bonusAfter      = 10.0 // the country is written just after the name
	bonusAfterReg   = 3.0  // and so is its region
	bonusCapital    = 1.0
	bonusNear       = 1.5 // a town or county near another the article names ("Paris" beside "Henry County", Tennessee)
	minRegionCtx    = 2   // mentions of its region elsewhere that let a small town the recognizer left out compete
)

// choosePlace resolves a place name among its gazetteer entries es
// (countries, regions, continents, cities; nationalities only when
// nothing else) and the cities the recognizer kept for it (cities; when
// empty, the entries' towns that are not minor, or minor but in a region
// the article names twice, or any when known says that the name is known to
// name a place and it is no nationality). The highest score wins: a
// city's is the log10 of its population, a country's, region's or
// continent's a fixed value in that scale, each raised when the article
// names the place's country or region elsewhere (ctx, never counting the
// name itself), much more when the country is written just after the
// name ("Paris, Texas"). A country's name is never one of its own towns
// ("Mexico"); a region yields to a country around the same point
// ("Taiwan") and to its seat among the recognizer's towns ("Gao"); vague
// regions ("East") are left out. It returns the place, the region code
// of a chosen town ("US-TN"; "" otherwise) and false when nothing fits.
func (x *Recognizer) choosePlace(es []lexicon.Entry, cities []int32, key string, ctx *placeCtx, after afterCtx, known bool) (best veille.Place, region string, ok bool) {
	lx := x.lx
	bestScore := math.Inf(-1)
	consider := func(s float64, p veille.Place, reg string) {
		if s > bestScore {
			best, bestScore, region = p, s, reg
		}
	}
	countryBonus := func(code string) float64 {
		s := 0.0
		if ctx.country(key, code) > 0 {
			s += bonusCountryCtx
		}
		if after.country == code {
			s += bonusAfter
		}
		return s
	}
	city := func(ci int32) {
		c := lx.Cities[ci]
		s := math.Log10(float64(c.Pop+10)) + countryBonus(c.Country)
		reg := ""
		if c.Admin != "" {
			reg = lx.RegionCode(c.Country, c.Admin) // the ISO 3166-2 code
			if ctx.region(key, reg) > 0 {
				s += bonusRegionCtx
			}
			if after.region == reg {
				s += bonusAfterReg
			}
		}
		if c.Feature == "PPLC" {
			s += bonusCapital
		}
		if ctx.near(key, c.Lat, c.Lon) {
			s += bonusNear
		}
		consider(s, veille.Place{ID: "geonames:" + itoa(c.ID), Name: c.Name, Country: c.Country, FeatureClass: "P", Lat: c.Lat, Lon: c.Lon}, reg)
	}
	// A city named as its own country is not meant by the country's name
	// ("Mexico", "Kuwait"); a nationality is not a small town ("Canadian").
	var named []string
	for _, e := range es {
		switch e.Kind {
		case lexicon.KindCountry:
			named = append(named, lx.Countries[e.Index].Code)
		case lexicon.KindDemonym:
			known = false
		}
	}
	for _, ci := range cities {
		if !slices.Contains(named, lx.Cities[ci].Country) {
			city(ci)
		}
	}
	for _, e := range es {
		switch e.Kind {
		case lexicon.KindCountry:
			c := lx.Countries[e.Index]
			consider(scoreCountry+countryBonus(c.Code), veille.Place{ID: "iso3166:" + c.Code, Name: c.NameEN, Country: c.Code, FeatureClass: "A", Lat: c.Lat, Lon: c.Lon}, "")
		case lexicon.KindArea:
			a := lx.Areas[e.Index]
			consider(scoreArea, veille.Place{ID: "geonames:" + itoa(a.ID), Name: a.Name, FeatureClass: "L", Lat: a.Lat, Lon: a.Lon}, "")
		case lexicon.KindRegion:
			if e.Vague {
				continue // "East": rather a word of a longer name
			}
			g := lx.Regions[e.Index]
			if x.regionIsOther(g, es) || slices.ContainsFunc(cities, func(ci int32) bool {
				c := lx.Cities[ci] // "Gao", "Tombouctou": the seat rather than the region named after it
				return c.Country == g.Country && c.Feature == "PPLA"
			}) {
				continue
			}
			s := scoreRegion + x.countryWeight(g.Country) + countryBonus(g.Country)
			if ctx.region(key, g.Code) > 0 {
				s += bonusRegionCtx
			}
			if after.region == g.Code {
				s += bonusAfterReg
			}
			consider(s, veille.Place{ID: "iso3166-2:" + g.Code, Name: g.Name, Country: g.Country, FeatureClass: "A", Lat: g.Lat, Lon: g.Lon}, g.Code)
		case lexicon.KindCity:
			if slices.Contains(cities, e.Index) {
				continue
			}
			c := lx.Cities[e.Index]
			if slices.Contains(named, c.Country) {
				continue
			}
			// Towns the recognizer left out are small ones: each is
			// read here only when the article names its region twice
			// elsewhere or just after the name, or when the name is
			// known to name a place and is no common English word
			// ("West", "Summit": rather the West than West, Texas).
			// Its region's mentions do not let it compete with a region
			// of its country bearing the name (Florida, New York, beside
			// "Florida" in a story from New York).
			reg := lx.RegionCode(c.Country, c.Admin)
			byRegion := ctx.region(key, reg) >= minRegionCtx && !slices.ContainsFunc(es, func(e lexicon.Entry) bool {
				return e.Kind == lexicon.KindRegion && !e.Vague && lx.Regions[e.Index].Country == c.Country
			})
			if ((!e.Minor || known && !commonWord(key)) && len(cities) == 0) || byRegion || after.region == reg {
				city(e.Index)
			}
		}
	}
	// A natural feature or macro-region of that name ("Atlantic",
	// "Gulf"), unless the name is a country's or a continent's ("Great
	// Britain"): an ocean is no small town, and weighs more than a
	// region of its name (Gulf Province).
	if !slices.ContainsFunc(es, func(e lexicon.Entry) bool { return e.Kind == lexicon.KindCountry || e.Kind == lexicon.KindArea }) {
		if fi := x.nearestFeature(lx.FeaturesNamed(key), ctx); fi >= 0 {
			consider(scoreFeature, featurePlace(lx.Features[fi]), "")
		}
	}
	if bestScore == math.Inf(-1) {
		for _, e := range es {
			if e.Kind == lexicon.KindDemonym { // "Malian": Mali
				c := lx.Countries[e.Index]
				consider(scoreCountry, veille.Place{ID: "iso3166:" + c.Code, Name: c.NameEN, Country: c.Code, FeatureClass: "A", Lat: c.Lat, Lon: c.Lon}, "")
				break
			}
		}
	}
	return best, region, bestScore > math.Inf(-1)
}

// chooseCounty resolves a county's name ("Laurel County") among the
// counties of the gazetteer that bear it: the one whose country and
// region the article names, written just after it first, then the one
// with the most towns. Unless known says that the name is known to name
// a place, a county of one word ("Flå") must be of a country the article
// names. The Place is zero when no county fits.
func (x *Recognizer) chooseCounty(key string, ctx *placeCtx, after afterCtx, known bool) veille.Place {
	lx := x.lx
	best, bestScore := -1, math.Inf(-1)
	for _, ci := range lx.CountiesNamed(key) {
		c := lx.Counties[ci]
		if !known && !strings.Contains(key, " ") && ctx.country(key, c.Country) == 0 && after.country != c.Country {
			continue
		}
		s := math.Log10(float64(c.Towns+1)) / 2
		if ctx.country(key, c.Country) > 0 {
			s += bonusCountryCtx
		}
		if ctx.region(key, c.Region) > 0 {
			s += bonusRegionCtx
		}
		if after.country == c.Country {
			s += bonusAfter
		}
		if after.region == c.Region {
			s += bonusAfterReg
		}
		if ctx.near(key, c.Lat, c.Lon) {
			s += bonusNear
		}
		if s > bestScore {
			best, bestScore = ci, s
		}
	}
	if best < 0 {
		return veille.Place{}
	}
	c := lx.Counties[best]
	return veille.Place{ID: "geonames-adm2:" + c.Code, Name: c.Name, Country: c.Country, FeatureClass: "A", Lat: c.Lat, Lon: c.Lon}
}

// chooseTown resolves a name that only the towns of lexicon.TownsNamed
// bear, among those of a country the article names or writes just after
// the name, and those of lexicon.MinorPopulation people or more: the one
// of such a country, whose region the article names, near another place
// it names, then the most populous. False when none fits: a small town is
// not read without a cue.
func (x *Recognizer) chooseTown(key string, ctx *placeCtx, after afterCtx) (veille.Place, bool) {
	var best veille.Place
	bestScore := math.Inf(-1)
	for _, c := range x.lx.TownsNamed(key) {
		s := math.Log10(float64(c.Pop + 10))
		if ctx.country(key, c.Country) > 0 {
			s += bonusCountryCtx
		} else if after.country != c.Country && c.Pop < lexicon.MinorPopulation {
			continue
		}
		if after.country == c.Country {
			s += bonusAfter
		}
		if reg := x.lx.RegionCode(c.Country, c.Admin); ctx.region(key, reg) > 0 || after.region == reg {
			s += bonusRegionCtx
		}
		if ctx.near(key, c.Lat, c.Lon) {
			s += bonusNear
		}
		if s > bestScore {
			best, bestScore = veille.Place{ID: "geonames:" + itoa(c.ID), Name: c.Name, Country: c.Country, FeatureClass: "P", Lat: c.Lat, Lon: c.Lon}, s
		}
	}
	return best, bestScore > math.Inf(-1)
}

// commonWord reports whether a name key is one common English word
// ("west", "summit", "congress"), which names a small town only with a
// cue.
func commonWord(key string) bool {
	return key != "" && !strings.Contains(key, " ") && lexicon.English(key)
}

// smallTownByWord reports whether the chosen place p of the name key is
// a small town (under lexicon.MinorPopulation, no capital or seat)
// named by common words with no cue for it: neither its region nor its
// country written just after, nor its region named elsewhere ("the
// Republic", "Summit of the Americas").
func (x *Recognizer) smallTownByWord(p veille.Place, key string, ctx *placeCtx, after afterCtx) bool {
	if p.FeatureClass != "P" || after.country != "" {
		return false
	}
	ci, ok := x.cityIndex()[strings.TrimPrefix(p.ID, "geonames:")]
	if !ok {
		return false
	}
	c := x.lx.Cities[ci]
	if c.Pop >= lexicon.MinorPopulation || c.Feature == "PPLC" || c.Feature == "PPLA" || ctx.region(key, x.lx.RegionCode(c.Country, c.Admin)) > 0 {
		return false
	}
	return commonWord(key)
}

// shoutedMaxPop is the population under which a town written in capitals
// alone needs a cue.
const shoutedMaxPop = 100000

// shoutedTown reports whether the name text, written in capitals alone
// ("GALVEZ" in a byline, a heading), is resolved to a town p of fewer
// than shoutedMaxPop people, no capital or seat, whose country the
// article neither names elsewhere nor writes just after it: rather a
// person's or a word's name in capitals than a town abroad. Datelines
// keep their towns (see state.datelineTown).
func (x *Recognizer) shoutedTown(p veille.Place, text, key string, ctx *placeCtx, after afterCtx) bool {
	if p.FeatureClass != "P" || after.country != "" || !allCaps(text) || strings.ToUpper(text) != text || ctx.country(key, p.Country) > 0 {
		return false
	}
	ci, ok := x.cityIndex()[strings.TrimPrefix(p.ID, "geonames:")]
	if !ok {
		return false
	}
	c := x.lx.Cities[ci]
	return c.Pop < shoutedMaxPop && c.Feature != "PPLC" && c.Feature != "PPLA"
}

// datelineTown reports whether the name ending at end is followed by a dash
// or a parenthesis, as the town of a dateline is: "ROSWELL - ",
// "HOUSTON (Reuters) -".
func (st *state) datelineTown(end int) bool {
	rest := strings.TrimLeft(st.text[end:min(len(st.text), end+8)], " ")
	return strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "(")
}

// placeAbbr maps the folded abbreviations that begin place names to
// their words: "Mt. Pleasant", "Ft. Worth".
var placeAbbr = map[string]string{"mt": "mount", "ft": "fort"}

// regionPrefix returns the index into Regions of the one region, of a
// country the article names, whose name begins with an abbreviation cut
// with a point ("Kan." for Kansas, "Penn." for Pennsylvania), or -1 when
// none or several do. The abbreviation has three letters or more.
func (x *Recognizer) regionPrefix(name string, ctx *placeCtx) int {
	stem, ok := strings.CutSuffix(name, ".")
	if !ok || utf8.RuneCountInString(stem) < 3 || !isCaps(stem) || strings.ContainsAny(stem, ". ") {
		return -1
	}
	stem = nlp.Fold(stem)
	found := -1
	for i, g := range x.lx.Regions {
		if ctx.countries[g.Country] == 0 || !strings.HasPrefix(nlp.Fold(g.Name), stem) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// featurePlace returns a natural feature or macro-region as a place.
func featurePlace(f lexicon.Feature) veille.Place {
	return veille.Place{ID: f.ID, Name: f.Name, FeatureClass: f.Class, Lat: f.Lat, Lon: f.Lon}
}

// nearestFeature returns, among the features fs (indexes into Features)
// that share a name, the one nearest to the countries the article names
// (mean distance to their points, weighted by how often each is named):
// "Gulf" is the Gulf of Mexico beside Texas, the Persian Gulf beside
// Qatar. With no country named, the first listed; -1 when fs is empty.
func (x *Recognizer) nearestFeature(fs []int, ctx *placeCtx) int {
	if len(fs) <= 1 {
		if len(fs) == 0 {
			return -1
		}
		return fs[0]
	}
	best, bestD := fs[0], math.Inf(1)
	for _, fi := range fs {
		f := x.lx.Features[fi]
		d, n := 0.0, 0
		for code, k := range ctx.countries {
			if c, ok := x.lx.Country(code); ok && k > 0 {
				d += float64(k) * DistanceKm(f.Lat, f.Lon, c.Lat, c.Lon)
				n += k
			}
		}
		if n == 0 {
			return fs[0]
		}
		if d /= float64(n); d < bestD {
			best, bestD = fi, d
		}
	}
	return best
}

// extendToFeatures widens a place mention to the natural feature,
// macro-region or county it is a word of, with the capitalised word
// written just before or after it, or a capitalised word and a particle
// before it: "Europe" in "Northern Europe", "Nile" in "Nile Delta",
// "Mexico" in "Gulf of Mexico", "Suffolk" in "Suffolk County". Mentions
// inside the widened one are dropped. A feature's or county's name is
// then resolved by resolvePlaces; a feature's adjective
// ("Central American", once "Central" and "American") is resolved here,
// the mention staying a nationality-like mention (NORP).
func (st *state) extendToFeatures(ctx *placeCtx) {
	st.ms = st.extendMentions(st.ms, ctx)
	st.nested = st.extendMentions(st.nested, ctx) // "Laurel" in "Laurel County Sheriff's Office"
}

// extendMentions widens the mentions of ms as extendToFeatures says and
// returns ms without those the widened ones cover.
func (st *state) extendMentions(ms []mention, ctx *placeCtx) []mention {
	lx := st.x.lx
	drop := map[int]bool{}
	cells := newSpanCells(ms)
	for k := range ms {
		m := &ms[k]
		if drop[k] || m.inst != "" || (m.typ != veille.TypeLOC && m.typ != veille.TypeGPE && m.typ != veille.TypeNORP) {
			continue
		}
		for _, sp := range st.featureSpans(m.start, m.end) {
			inside := []int{}
			clash := false
			for _, o := range cells.overlapping(ms, sp) {
				if o == k || drop[o] || ms[o].end <= sp.Start || ms[o].start >= sp.End {
					continue
				}
				if ms[o].start >= sp.Start && ms[o].end <= sp.End {
					inside = append(inside, o)
				} else {
					clash = true
				}
			}
			if clash {
				continue
			}
			key := lexicon.Key(st.text[sp.Start:sp.End])
			if len(lx.FeaturesNamed(key)) > 0 {
				m.start, m.end, m.typ, m.lat, m.lon, m.cities, m.weak, m.feature = sp.Start, sp.End, veille.TypeLOC, nil, nil, nil, false, ""
			} else if m.typ != veille.TypeNORP && len(lx.CountiesNamed(key)) > 0 && strings.Contains(key, " ") {
				m.start, m.end, m.typ, m.lat, m.lon, m.cities, m.weak, m.feature = sp.Start, sp.End, veille.TypeGPE, nil, nil, nil, false, ""
			} else if fs := lx.FeatureAlias(key); len(fs) > 0 {
				f := lx.Features[st.x.nearestFeature(fs, ctx)]
				lat, lon := f.Lat, f.Lon
				m.start, m.end, m.typ, m.cities, m.weak = sp.Start, sp.End, veille.TypeNORP, nil, false
				m.id, m.name, m.country, m.feature, m.lat, m.lon = f.ID, f.Name, "", f.Class, &lat, &lon
			} else {
				continue
			}
			for _, o := range inside {
				drop[o] = true
			}
			cells.put(k, sp.Start, sp.End)
			break
		}
	}
	if len(drop) == 0 {
		return ms
	}
	kept := ms[:0]
	for k, m := range ms {
		if !drop[k] {
			kept = append(kept, m)
		}
	}
	return kept
}

// spanCells finds the mentions overlapping a span without going over
// all of them (extendMentions did, in quadratic time): each mention is
// listed in the cells of spanCell bytes that its span touches.
type spanCells struct {
	cells map[int][]int
	seen  []int // query number that last returned each mention
	query int
	out   []int
}

const spanCell = 64

func newSpanCells(ms []mention) *spanCells {
	c := &spanCells{cells: map[int][]int{}, seen: make([]int, len(ms))}
	for k, m := range ms {
		c.put(k, m.start, m.end)
	}
	return c
}

// put lists mention k in the cells of [start, end) (of start when empty).
func (c *spanCells) put(k, start, end int) {
	for cell := start / spanCell; cell <= max(start, end-1)/spanCell; cell++ {
		if l := c.cells[cell]; len(l) == 0 || l[len(l)-1] != k {
			c.cells[cell] = append(l, k)
		}
	}
}

// overlapping returns, in no particular order and each once, the
// mentions listed in the cells of sp: a superset of those overlapping
// it. The slice is reused by the next call.
func (c *spanCells) overlapping(ms []mention, sp veille.Span) []int {
	c.query++
	c.out = c.out[:0]
	for cell := sp.Start / spanCell; cell <= max(sp.Start, sp.End-1)/spanCell; cell++ {
		for _, k := range c.cells[cell] {
			if c.seen[k] != c.query {
				c.seen[k] = c.query
				c.out = append(c.out, k)
			}
		}
	}
	return c.out
}

// featureSpans returns the spans around [start, end) that may name a
// feature, longest first: a capitalised word and a particle before it
// ("Gulf of"), a capitalised word before it, a capitalised word after
// it, each one space apart.
func (st *state) featureSpans(start, end int) []veille.Span {
	var out []veille.Span
	if s, w, ok := st.wordBefore(start); ok {
		if particles[w] {
			if s0, w0, ok := st.wordBefore(s); ok && isCaps(w0) {
				out = append(out, veille.Span{Start: s0, End: end})
			}
		} else if isCaps(w) {
			out = append(out, veille.Span{Start: s, End: end})
		}
	}
	if e, w, ok := st.wordAfter(end); ok && isCaps(w) {
		out = append(out, veille.Span{Start: start, End: e})
	}
	return out
}

// particles are the lower-case words inside feature names ("Gulf of
// Mexico", "golfe du Mexique").
var particles = map[string]bool{"of": true, "de": true, "du": true, "des": true}

// wordBefore returns the start and text of the word written just before
// pos, one space apart.
func (st *state) wordBefore(pos int) (int, string, bool) {
	if pos < 2 || st.text[pos-1] != ' ' {
		return 0, "", false
	}
	s := pos - 1
	for s > 0 && isWordByte(st.text[s-1]) {
		s--
	}
	if s == pos-1 {
		return 0, "", false
	}
	return s, st.text[s : pos-1], true
}

// wordAfter returns the end and text of the word written just after pos,
// one space apart.
func (st *state) wordAfter(pos int) (int, string, bool) {
	if pos+1 >= len(st.text) || st.text[pos] != ' ' {
		return 0, "", false
	}
	e := pos + 1
	for e < len(st.text) && isWordByte(st.text[e]) {
		e++
	}
	if e == pos+1 {
		return 0, "", false
	}
	return e, st.text[pos+1 : e], true
}

// facilityAfter reports whether the capitalised word written just after
// pos ends the name of a building, a street or an institution ("Windsor
// Castle", "Carnegie Library", "Victoria St."): the place name before it
// is then a word of that name.
func (st *state) facilityAfter(pos int) bool {
	e, w, ok := st.wordAfter(pos)
	if !ok {
		return false
	}
	if e < len(st.text) && st.text[e] == '.' && st.x.lx.FacilityTail(w+".") {
		return true
	}
	return st.x.lx.FacilityTail(w)
}

// isWordByte reports whether b is an ASCII letter, a hyphen or a byte of
// a multi-byte character, as in the words of feature names.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 || b == '-'
}

// regionIsOther reports whether a region yields to a country or
// territory of its name around the same point ("Taiwan", "Luxembourg":
// not the regions of that name of China or Belgium).
func (x *Recognizer) regionIsOther(g lexicon.Region, es []lexicon.Entry) bool {
	for _, e := range es {
		if e.Kind == lexicon.KindCountry {
			c := x.lx.Countries[e.Index]
			if c.Code != g.Country && DistanceKm(c.Lat, c.Lon, g.Lat, g.Lon) < sameKm {
				return true
			}
		}
	}
	return false
}

// sameKm is the distance under which a region and a country of one name
// are one place.
const sameKm = 300

// DistanceKm is the great-circle (haversine) distance in kilometres
// between two points given in decimal degrees, on a sphere of radius
// 6,371 km.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// countryWeight is a small tie-breaker between regions of one name, from
// a tenth of the log10 of the population of the country's cities in the
// gazetteer (about 0.6 to 0.9): Florida, United States before Florida,
// Cuba.
func (x *Recognizer) countryWeight(code string) float64 {
	weightsOnce.Do(func() {
		pop := map[string]float64{}
		for _, c := range x.lx.Cities {
			pop[c.Country] += float64(c.Pop)
		}
		weights = map[string]float64{}
		for cc, p := range pop {
			weights[cc] = math.Log10(p+10) / 10
		}
	})
	return weights[code]
}

var (
	weightsOnce sync.Once
	weights     map[string]float64
	citiesOnce  sync.Once
	cityIx      map[string]int32
)

// cityIndex maps the GeoNames IDs of the gazetteer's cities, as written
// in entity IDs, to their index in Cities.
func (x *Recognizer) cityIndex() map[string]int32 {
	citiesOnce.Do(func() {
		cityIx = make(map[string]int32, len(x.lx.Cities))
		for i, c := range x.lx.Cities {
			cityIx[itoa(c.ID)] = int32(i)
		}
	})
	return cityIx
}

// mainCountry returns the country the mentions name most often (the
// first named among equals), "" when none.
func mainCountry(ms []mention) string {
	n := map[string]int{}
	best := ""
	for _, m := range ms {
		if m.country == "" || m.inst != "" {
			continue
		}
		n[m.country]++
		if best == "" || n[m.country] > n[best] {
			best = m.country
		}
	}
	return best
}

// abbrevOK reports whether s may be a region's abbreviation: written
// with a point ("Tenn.", "B.C"), capitalised and longer than two letters
// ("Calif"), or in capitals ("BC"); never a word such as "in" or "or".
func abbrevOK(s string) bool {
	n := utf8.RuneCountInString(s)
	return strings.Contains(s, ".") || (n > 2 && isCaps(s)) || (n <= 3 && allCaps(s))
}

// contextCountry returns the country written just after a place name
// ("Bangui (Centrafrique)", "Paris, Texas" → US), or "".
func (st *state) contextCountry(end int) string { return st.after(end).country }

// after returns the country and region written just after a place name
// ("Bangui (Centrafrique)": CF; "Paris, Texas": US, US-TX), or zero.
func (st *state) after(end int) afterCtx {
	rest := st.text[end:min(len(st.text), end+60)]
	rest = strings.TrimLeft(rest, " ")
	if rest == "" || (rest[0] != ',' && rest[0] != '(') {
		return afterCtx{}
	}
	rest = strings.TrimLeft(rest[1:], " ")
	toks := nlp.Tokenize(rest, 0, len(rest))
	if len(toks) == 0 {
		return afterCtx{}
	}
	sub := &state{x: st.x, text: rest}
	m, ok := sub.lookup(toks, 0)
	if !ok {
		// An abbreviated region: "Paris, Tenn.", "Charleston, W. Va.".
		var found []int
		for k, n := 0, 0; k < len(toks) && n < 3; k++ {
			t := toks[k]
			if t.Kind == nlp.Punct {
				if t.Text(rest) == "." {
					continue
				}
				break
			}
			n++
			end := t.End
			if k+1 < len(toks) && toks[k+1].Start == end && toks[k+1].Text(rest) == "." {
				end++ // "Tenn." with its point
			}
			if abbr := rest[toks[0].Start:end]; abbrevOK(abbr) {
				if rs := st.x.lx.RegionAbbr(abbr); len(rs) > 0 {
					found = rs
				}
			}
		}
		if len(found) == 1 {
			g := st.x.lx.Regions[found[0]]
			return afterCtx{country: g.Country, region: g.Code}
		}
		return afterCtx{}
	}
	for _, e := range m.entries {
		switch e.Kind {
		case lexicon.KindCountry:
			return afterCtx{country: st.x.lx.Countries[e.Index].Code}
		case lexicon.KindRegion:
			g := st.x.lx.Regions[e.Index]
			return afterCtx{country: g.Country, region: g.Code}
		}
	}
	return afterCtx{}
}

// Geocode resolves the place name text[sp] on its own, with the
// countries and regions of an earlier Recognize result r as context: a
// country, a nationality (its country), a city, a region or a continent
// of the gazetteer, chosen as the recognizer chooses (see choosePlace).
// It serves callers that know where a toponym is (the geo evaluation).
// A name the gazetteer does not know, such as a street's or a
// building's ("Royal Street", "Liverpool Academy"), is placed at the
// town, region or country it holds ("Liverpool"), else at the place the
// article is about (focusPlace): a street lies in the town the story
// happens in. The result is false when nothing fits.
func (x *Recognizer) Geocode(text string, sp veille.Span, r Result) (veille.Place, bool) {
	if p, ok := x.geocodeName(text, sp, r); ok {
		return p, true
	}
	p, ok := x.innerPlace(text, sp, r)
	if f, fok := x.focusPlace(r); fok && (!ok || !innerFits(p, f, r)) {
		p, ok = f, true
	}
	if !ok {
		return veille.Place{}, false
	}
	p.Span, p.Text = sp, text[sp.Start:sp.End]
	return p, true
}

// innerPlace resolves the longest run of capitalised words inside the
// name text[sp] that names a place known without a cue (a country, a
// region, a town that is not minor) or a town of lexicon.TownsNamed
// (of a country the article names: see chooseTown): "Liverpool" in
// "Liverpool Academy", "Dubai" in "Smart Dubai Office". False when none
// does.
func (x *Recognizer) innerPlace(text string, sp veille.Span, r Result) (veille.Place, bool) {
	toks := nlp.Tokenize(text, sp.Start, sp.End)
	var words []nlp.Token
	for _, t := range toks {
		if t.Kind == nlp.Word {
			words = append(words, t)
		}
	}
	for n := len(words) - 1; n > 0; n-- {
		for i := 0; i+n <= len(words); i++ {
			run := words[i : i+n]
			if !isCaps(run[0].Text(text)) || !isCaps(run[n-1].Text(text)) {
				continue
			}
			inner := veille.Span{Start: run[0].Start, End: run[n-1].End}
			key := lexicon.Key(text[inner.Start:inner.End])
			es := slices.DeleteFunc(slices.Clone(x.lx.Names(key)), func(e lexicon.Entry) bool {
				return e.Minor || e.Kind == lexicon.KindDemonym || e.Kind == lexicon.KindOrg
			})
			if (len(es) == 0 && len(x.lx.TownsNamed(key)) == 0) || (n == 1 && commonWord(key)) {
				continue
			}
			if p, ok := x.geocodeName(text, inner, r); ok {
				return p, true
			}
		}
	}
	return veille.Place{}, false
}

// innerFits reports whether the place p named inside a longer name is
// where that name lies rather than the article's focus f: a town that the
// article names elsewhere, that lies near the focus or in the country
// or region that is the focus ("Liverpool Academy" in a story from
// Liverpool, not "Rogers Centre" in one from Toronto), a country or
// region unless the focus is a town of its country (a street of the town
// rather than the state it is in).
func innerFits(p, f veille.Place, r Result) bool {
	if p.FeatureClass == "P" {
		return DistanceKm(p.Lat, p.Lon, f.Lat, f.Lon) < 2*nearKm || slices.ContainsFunc(r.Places, func(q veille.Place) bool { return q.ID == p.ID }) ||
			f.FeatureClass != "P" && f.Country == p.Country
	}
	return !(f.FeatureClass == "P" && f.Country == p.Country)
}

// focusPlace returns the place an article is about, from the places its
// recognition found, in the country they are most often in: the town or
// county it names most (the most populous among equals: a county or a
// town outside the gazetteer's cities counts as none), else the region,
// else the country. With no place, the country of the nationalities and
// organizations it names most. False when it names none.
func (x *Recognizer) focusPlace(r Result) (veille.Place, bool) {
	rank := func(p veille.Place) int {
		switch {
		case p.FeatureClass == "P" || strings.HasPrefix(p.ID, "geonames-adm2:"):
			return 3
		case strings.HasPrefix(p.ID, "iso3166-2:"):
			return 2
		case strings.HasPrefix(p.ID, "iso3166:"):
			return 1
		}
		return 0
	}
	// The country the article's places are most often in.
	byCountry := map[string]int{}
	main := ""
	for _, p := range r.Places {
		if p.Country == "" {
			continue
		}
		byCountry[p.Country]++
		if main == "" || byCountry[p.Country] > byCountry[main] {
			main = p.Country
		}
	}
	n := map[string]int{}
	best, bestRank := -1, 0
	for k, p := range r.Places {
		rk := rank(p)
		if rk == 0 || (main != "" && p.Country != main) {
			continue
		}
		n[p.ID]++
		if rk > bestRank || rk == bestRank && (n[p.ID] > n[r.Places[best].ID] || n[p.ID] == n[r.Places[best].ID] && x.pop(p) > x.pop(r.Places[best])) {
			best, bestRank = k, rk
		}
	}
	if best >= 0 {
		return r.Places[best], true
	}
	if main == "" {
		// No place: the country of the nationalities and organizations
		// the article names most ("Bahamian").
		for _, e := range r.Entities {
			if e.Country != "" {
				byCountry[e.Country] += len(e.Mentions)
				if main == "" || byCountry[e.Country] > byCountry[main] {
					main = e.Country
				}
			}
		}
	}
	if c, ok := x.lx.Country(main); ok {
		return veille.Place{ID: "iso3166:" + c.Code, Name: c.NameEN, Country: c.Code, FeatureClass: "A", Lat: c.Lat, Lon: c.Lon}, true
	}
	return veille.Place{}, false
}

// pop returns the population of a town of the gazetteer, 0 for other
// places.
func (x *Recognizer) pop(p veille.Place) int {
	if ci, ok := x.cityIndex()[strings.TrimPrefix(p.ID, "geonames:")]; ok {
		return x.lx.Cities[ci].Pop
	}
	return 0
}

// geocodeName resolves the place name text[sp] as Geocode says, through
// the gazetteer only.
func (x *Recognizer) geocodeName(text string, sp veille.Span, r Result) (veille.Place, bool) {
	lx := x.lx
	name := text[sp.Start:sp.End]
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	key := lexicon.Key(name)
	if len(lx.Names(key)) == 0 {
		for abbr, word := range placeAbbr {
			if rest, ok := strings.CutPrefix(key, abbr+" "); ok && len(lx.Names(word+" "+rest)) > 0 {
				key = word + " " + rest // "Mt. Pleasant": Mount Pleasant
			}
		}
	}
	es := slices.Clone(lx.Names(key))
	if allCaps(name) && utf8.RuneCountInString(name) <= 5 || slices.ContainsFunc(es, func(e lexicon.Entry) bool { return e.Kind == lexicon.KindOrg }) {
		// An acronym ("EU") is not the small town of that name ("Eu"),
		// nor is an organization ("White House").
		es = slices.DeleteFunc(es, func(e lexicon.Entry) bool { return e.Minor })
	}
	place := veille.Place{Span: sp, Text: text[sp.Start:sp.End]}
	if ai, ok := lx.AreaAlias(key); ok && !slices.ContainsFunc(es, func(e lexicon.Entry) bool {
		return e.Kind == lexicon.KindCountry || e.Kind == lexicon.KindDemonym || e.Kind == lexicon.KindRegion || e.Kind == lexicon.KindArea
	}) {
		a := lx.Areas[ai] // "European", "EU": a known toponym, so the area
		place.ID, place.Name, place.FeatureClass, place.Lat, place.Lon = "geonames:"+itoa(a.ID), a.Name, "L", a.Lat, a.Lon
		return place, true
	}
	ctx := newPlaceCtx()
	for _, e := range r.Entities {
		reg := regionOf(e.ID)
		if id, ok := strings.CutPrefix(e.ID, "geonames:"); ok && reg == "" {
			if ci, ok := x.cityIndex()[id]; ok && lx.Cities[ci].Admin != "" {
				reg = lx.RegionCode(lx.Cities[ci].Country, lx.Cities[ci].Admin) // a town's region
			}
		}
		ctx.add(lexicon.Key(e.Name), e.Country, reg, len(e.Mentions))
	}
	for _, p := range r.Places {
		if p.FeatureClass == "P" || strings.HasPrefix(p.ID, "geonames-adm2:") {
			ctx.addPoint(lexicon.Key(p.Text), p.Lat, p.Lon)
		}
	}
	st := &state{x: x, text: text}
	p, _, ok := x.choosePlace(es, nil, key, ctx, st.after(sp.End), true)
	if fs := lx.FeatureAlias(key); len(fs) > 0 && (!ok || len(es) == 0) {
		// "Middle Eastern", "Sahelian": a known toponym, so the feature.
		p, ok = featurePlace(lx.Features[x.nearestFeature(fs, ctx)]), true
	}
	if !ok || (strings.HasSuffix(name, ".") && (len(lx.RegionAbbr(name)) > 0 || p.FeatureClass == "P" && x.regionPrefix(name, ctx) >= 0)) { // "Mont.": Montana, not the town of Mont
		// An abbreviated region ("Tenn."), of the country the article
		// names most when several share the abbreviation.
		best, bestN := -1, -1
		var abbr []int
		if abbrevOK(name) {
			abbr = lx.RegionAbbr(name)
		}
		for _, ri := range abbr {
			if n := ctx.countries[lx.Regions[ri].Country]; n > bestN {
				best, bestN = ri, n
			}
		}
		if best < 0 {
			best = x.regionPrefix(name, ctx)
		}
		if best < 0 {
			if p = x.chooseCounty(key, ctx, st.after(sp.End), true); p.ID == "" {
				if p, ok = x.chooseTown(key, ctx, st.after(sp.End)); !ok {
					return veille.Place{}, false
				}
			}
			p.Span, p.Text = place.Span, place.Text
			return p, true
		}
		g := lx.Regions[best]
		p = veille.Place{ID: "iso3166-2:" + g.Code, Name: g.Name, Country: g.Country, FeatureClass: "A", Lat: g.Lat, Lon: g.Lon}
	}
	p.Span, p.Text = place.Span, place.Text
	return p, true
}
