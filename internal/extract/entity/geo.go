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
	for _, m := range st.ms {
		if m.inst == "" {
			ctx.add(lexicon.Key(st.text[m.start:m.end]), m.country, regionOf(m.id), 1)
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
		m     *mention
		key   string
		after afterCtx
	}
	var places, counties []todo
	for _, ms := range [][]mention{st.ms, st.nested} {
		for k := range ms {
			m := &ms[k]
			if m.inst == "" && m.lat == nil && len(m.cities) == 0 && (m.typ == veille.TypeLOC || m.typ == veille.TypeGPE) {
				if key := lexicon.Key(st.text[m.start:m.end]); len(lx.CountiesNamed(key)) > 0 {
					counties = append(counties, todo{m, key, st.after(m.end)}) // "Laurel County"
				}
				continue
			}
			if m.inst != "" || (len(m.cities) == 0 && (m.lat == nil || m.feature == "")) {
				continue // not a place of the gazetteer
			}
			key := lexicon.Key(st.text[m.start:m.end])
			if len(m.cities) == 0 && len(lx.Names(key)) == 0 {
				continue // named otherwise than in the gazetteer ("RCA"): the recognizer's choice stands
			}
			places = append(places, todo{m, key, st.after(m.end)})
		}
	}
	// Two passes: the towns chosen in the first add their countries and
	// regions to the context of the second ("Georgia" beside "Atlanta").
	var chosen []veille.Place
	var regions []string
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			for i, p := range chosen {
				if p.FeatureClass == "P" && p.ID != "" {
					ctx.add(places[i].key, p.Country, regions[i], 1)
				}
			}
		}
		chosen, regions = chosen[:0], regions[:0]
		for _, t := range places {
			p, reg, _ := st.x.choosePlace(lx.Names(t.key), t.m.cities, t.key, ctx, t.after, false)
			chosen, regions = append(chosen, p), append(regions, reg)
		}
	}
	for _, t := range counties {
		chosen = append(chosen, st.x.chooseCounty(t.key, ctx, t.after, false))
	}
	places = append(places, counties...)
	for i, t := range places {
		p, m := chosen[i], t.m
		if p.ID == "" {
			m.lat, m.lon, m.feature = nil, nil, "" // a vague name: a mention, not a place
			continue
		}
		lat, lon := p.Lat, p.Lon
		m.id, m.name, m.country, m.feature, m.lat, m.lon = p.ID, p.Name, p.Country, p.FeatureClass, &lat, &lon
		m.typ = veille.TypeGPE
		if p.FeatureClass == "L" {
			m.typ = veille.TypeLOC
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
}

func newPlaceCtx() *placeCtx {
	return &placeCtx{countries: map[string]int{}, regions: map[string]int{}, own: map[string]map[string]int{}}
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
	bonusCountryCtx = 3.0  // the article names the place's country elsewhere
	bonusRegionCtx  = 1.5  // the article names the place's region elsewhere
	bonusAfter      = 10.0 // the country is written just after the name
	bonusAfterReg   = 3.0  // and so is its region
	bonusCapital    = 1.0
	minRegionCtx    = 2 // mentions of its region elsewhere that let a small town the recognizer left out compete
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
			reg = c.Country + "-" + c.Admin // the ISO 3166-2 code in the US and the UK
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
			// elsewhere or just after the name.
			if ((!e.Minor || known) && len(cities) == 0) || (ctx.region(key, c.Country+"-"+c.Admin) >= minRegionCtx) || after.region == c.Country+"-"+c.Admin {
				city(e.Index)
			}
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

// regionIsOther reports whether a region yields to a country or
// territory of its name around the same point ("Taiwan", "Luxembourg":
// not the regions of that name of China or Belgium).
func (x *Recognizer) regionIsOther(g lexicon.Region, es []lexicon.Entry) bool {
	for _, e := range es {
		if e.Kind == lexicon.KindCountry {
			c := x.lx.Countries[e.Index]
			if c.Code != g.Country && distanceKm(c.Lat, c.Lon, g.Lat, g.Lon) < sameKm {
				return true
			}
		}
	}
	return false
}

// sameKm is the distance under which a region and a country of one name
// are one place.
const sameKm = 300

// distanceKm is the great-circle distance between two points, in km.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
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
// The result is false when the gazetteer does not know the name.
func (x *Recognizer) Geocode(text string, sp veille.Span, r Result) (veille.Place, bool) {
	lx := x.lx
	name := text[sp.Start:sp.End]
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	key := lexicon.Key(name)
	es := slices.Clone(lx.Names(key))
	if allCaps(name) && utf8.RuneCountInString(name) <= 5 {
		// An acronym ("EU") is not the small town of that name ("Eu").
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
				reg = lx.Cities[ci].Country + "-" + lx.Cities[ci].Admin // a town's region
			}
		}
		ctx.add(lexicon.Key(e.Name), e.Country, reg, len(e.Mentions))
	}
	st := &state{x: x, text: text}
	p, _, ok := x.choosePlace(es, nil, key, ctx, st.after(sp.End), true)
	if !ok || (strings.HasSuffix(name, ".") && len(lx.RegionAbbr(name)) > 0) { // "Mont.": Montana, not the town of Mont
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
			if p = x.chooseCounty(key, ctx, st.after(sp.End), true); p.ID == "" {
				return veille.Place{}, false
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
