// Package lexicon holds veille's embedded name lists: a gazetteer of
// countries (names, official names and demonyms in English and French),
// cities with GeoNames IDs, populations and coordinates, regions (with
// abbreviations, RegionAbbr), counties (CountiesNamed), continents (with
// adjectives, AreaAlias), natural features and macro-regions
// (FeaturesNamed, FeatureAlias), small towns beyond the cities
// (TownsNamed), organizations, and word classes (titles, roles,
// organization heads) used to recognise entities. Generated files come from gen.go (see its doc for the sources
// and versions, also named in each file's header and in NOTICE); the
// other files under data/ are reviewed lists of ours.
//
//	lx := lexicon.Default()
//	for _, e := range lx.Names(lexicon.Key("Moscou")) { … } // the city of Moscow
//
// Default loads everything once, on first use, in a few milliseconds.
package lexicon

//go:generate go run gen.go -npm /tmp/gaz

import (
	"bufio"
	"embed"
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille/internal/nlp"
)

//go:embed data/*.tsv data/*.txt
var files embed.FS

// Kind says what a name names.
type Kind uint8

// Kinds of names.
const (
	KindCountry Kind = iota + 1 // a country (Index into Countries)
	KindDemonym                 // a nationality adjective or noun (Index into Countries)
	KindCity                    // a populated place (Index into Cities)
	KindOrg                     // an organization (Index into Orgs)
	KindRegion                  // a state, province or region (Index into Regions)
	KindArea                    // a continent (Index into Areas)
)

// Area is a continent or a larger area of the GeoNames gazetteer.
type Area struct {
	ID       int // GeoNames ID
	Name     string
	Lat, Lon float64
}

// Entry is one thing a name may name.
type Entry struct {
	Kind  Kind
	Index int32
	// Exact, when not empty, is the only spelling that may match: short
	// all-capital names ("US", "AP", "EI") must be written so.
	Exact string
	// Vague marks a region's name made of compass words alone ("East",
	// "Central"): a word of other names more often than the region.
	Vague bool
	// Minor marks a small town (fewer than MinorPopulation people, not a
	// capital or an administrative seat), a name that needs a cue to be
	// read as a place.
	Minor bool
}

// MinorPopulation is the population under which a town that is neither a
// capital nor an administrative seat is minor (see Entry.Minor).
const MinorPopulation = 15000

// Country is a country or territory with an ISO 3166-1 code.
type Country struct {
	Code           string // ISO 3166-1 alpha-2
	NameEN, NameFR string
	Demonym        string  // English nationality adjective ("Malian"), "" when unknown
	Lat, Lon       float64 // a central point, WGS 84
}

// City is a populated place of the GeoNames gazetteer.
type City struct {
	ID       int    // GeoNames ID
	Name     string // GeoNames name (English where GeoNames has one)
	Country  string // ISO 3166-1 alpha-2
	Admin    string // GeoNames admin1 code
	Feature  string // GeoNames feature code: PPLC capital, PPLA admin seat, PPL…
	Pop      int
	Lat, Lon float64
}

// Region is a first-level subdivision of a country.
type Region struct {
	Code     string // ISO 3166-2 when the source has it ("US-TX"), else country + source code
	Country  string
	Name     string
	Lat, Lon float64
}

// Feature is a natural feature or a region made of several countries
// (data/features.tsv): an ocean, a sea, a gulf, a peninsula, a desert, a
// large island, the Middle East, the Sahel.
type Feature struct {
	ID       string  // "veille:loc/atlantic-ocean"
	Class    string  // GeoNames feature class: H water, T landform or island, L region
	Name     string  // English name
	Lat, Lon float64 // an approximate centre, WGS 84
}

// County is a second-order administrative division of GeoNames: a county
// of the United States, a district of England…
type County struct {
	Code     string // GeoNames admin2 code, country.admin1.admin2: "US.KY.125"
	Country  string // ISO 3166-1 alpha-2
	Region   string // ISO 3166-2 code of its region ("US-KY"; see RegionCode)
	Name     string
	Lat, Lon float64 // mean point of its towns, WGS 84
	Towns    int     // its towns of 1,000 people or more
}

// Org is an organization of our curated list.
type Org struct {
	ID      string // "veille:org/wagner"
	Kind    string // government, army, armed-group, pmc, international, agency, media, company, party, ngo
	Name    string
	Country string // ISO 3166-1 alpha-2, "" when international
}

// Word classes (data/words.tsv).
const (
	ClassTitle    = "title"    // M., Mme, Mr, Dr: precedes a person's name
	ClassRole     = "role"     // président, porte-parole, minister
	ClassOrgHead  = "orghead"  // Coalition, Ministère, Union: heads an organization name
	ClassOrgTail  = "orgtail"  // Group, Inc, Party: ends an organization name
	ClassGov      = "gov"      // gouvernement, government, autorités: + nationality = a government
	ClassFunc     = "func"     // never starts a name (Le, Selon, The)
	ClassParticle = "particle" // lower-case word allowed inside a name (de, van, of)
	ClassMisc     = "misc"     // makes a name an event or a prize (Cup, Open, Festival)
	ClassLocHead  = "lochead"  // parc, gare, rue, aéroport: heads the name of a place
	ClassInst     = "inst"     // gouvernement, parlement: after "le", an institution of the article's country
)

// Lexicon is the loaded set of lists. It is read-only and safe for
// concurrent use.
type Lexicon struct {
	Countries []Country
	Cities    []City
	Orgs      []Org
	Regions   []Region
	Areas     []Area
	Counties  []County
	Features  []Feature
	// MaxTokens is the length in tokens of the longest name.
	MaxTokens int

	names      map[string][]Entry
	prefixes   map[string]bool // keys that begin a longer name ("burkina")
	words      map[string][]string
	first      map[string]bool
	countryIx  map[string]int
	areaAlias  map[string]int       // key → index into Areas (see AreaAlias)
	regionAbbr map[string][]int     // key → indexes into Regions (see RegionAbbr)
	adminISO   map[[2]string]string // country, GeoNames admin1 code → ISO 3166-2 code (see RegionCode)
	counties   map[string][]int     // key → indexes into Counties (see CountiesNamed)
	features   map[string][]int     // key → indexes into Features (see FeaturesNamed)
	featAlias  map[string][]int     // key → indexes into Features (see FeatureAlias)
	facility   map[string]bool      // words as written (see FacilityTail)
	keys       keyFilter            // the keys of names and prefixes (see Names)
	towns      func() *towns        // data/towns.tsv, loaded on first use (see TownsNamed)
}

// towns is the index of data/towns.tsv.
type towns struct {
	list  []City
	named map[string][]int32 // key → indexes into list
}

// TownsNamed returns the small towns (GeoNames' cities500 beyond Cities:
// 500 people or more) whose name has the key (see Key): "dunshaughlin".
// They are not in Names, so that recognition never reads a word as one of
// them: they are read where a place is known to be named and the
// gazetteer knows no other. Their file is loaded on first use. Their
// Feature is "PPL" whatever GeoNames' feature code.
func (lx *Lexicon) TownsNamed(key string) []City {
	t := lx.towns()
	ix := t.named[key]
	out := make([]City, len(ix))
	for k, i := range ix {
		out[k] = t.list[i]
	}
	return out
}

// loadTowns reads data/towns.tsv (see TownsNamed).
func loadTowns() *towns {
	t := &towns{named: map[string][]int32{}}
	err := lines("towns.tsv", func(f []string) error {
		if len(f) != 8 {
			return fieldsError(8)
		}
		id, _ := strconv.Atoi(f[0])
		pop, _ := strconv.Atoi(f[4])
		lat, _ := strconv.ParseFloat(f[5], 64)
		lon, _ := strconv.ParseFloat(f[6], 64)
		i := int32(len(t.list))
		t.list = append(t.list, City{ID: id, Name: f[1], Country: f[2], Admin: f[3], Feature: "PPL", Pop: pop, Lat: lat, Lon: lon})
		for _, n := range []string{f[1], f[7]} {
			if k := Key(n); k != "" && !slices.Contains(t.named[k], i) {
				t.named[k] = append(t.named[k], i)
			}
		}
		return nil
	})
	if err != nil {
		panic("lexicon: embedded data: " + err.Error()) // the file is part of the binary
	}
	return t
}

// Default returns the embedded lexicon, loaded on first use.
var Default = sync.OnceValue(func() *Lexicon {
	lx, err := load()
	if err != nil {
		panic("lexicon: embedded data: " + err.Error()) // the files are part of the binary
	}
	return lx
})

// Key returns the lookup key of a name: its tokens (nlp.Tokenize) folded
// (nlp.Fold) and joined by one space.
func Key(name string) string {
	if n := len(name); n > 1 && !strings.ContainsRune(name, ' ') && (name[n-1] == '\'' || strings.HasSuffix(name, "’")) {
		return nlp.Fold(name) // an elided word on its own: "l'", "jusqu'"
	}
	toks := nlp.Tokenize(name, 0, len(name))
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.Kind == nlp.Punct && t.Text(name) == "." {
			continue // "Washington D.C" and "M" match with or without dots
		}
		parts = append(parts, nlp.Fold(t.Text(name)))
	}
	return strings.Join(parts, " ")
}

// Names returns what the name with the given key (see Key) may name.
func (lx *Lexicon) Names(key string) []Entry {
	if !lx.keys.may(lx, key) {
		return nil
	}
	return lx.names[key]
}

// Continues reports whether some name begins with key followed by more
// tokens, so that a longer match may still be found.
func (lx *Lexicon) Continues(key string) bool {
	if !lx.keys.may(lx, key) {
		return false
	}
	return lx.prefixes[key]
}

// Lookup returns Names(key) and, when key names nothing, Continues(key),
// probing the filter once: the step of a walk over a text's tokens.
func (lx *Lexicon) Lookup(key string) (es []Entry, continues bool) {
	if !lx.keys.may(lx, key) {
		return nil, false
	}
	if es = lx.names[key]; len(es) > 0 {
		return es, false
	}
	return nil, lx.prefixes[key]
}

// keyFilter is a Bloom filter of the keys of names and prefixes, two bits
// of one 64-bit word a key, about 16 bits a key: small enough to stay in
// cache, it answers most lookups of words that name nothing (the common
// case: recognition looks up every word) without touching the maps,
// which do not. It is built on first use, when the maps are complete.
type keyFilter struct {
	once  sync.Once
	seed  maphash.Seed
	bits  []uint64
	shift uint
}

// may reports whether key may be a key of lx's names or prefixes; false
// when it is not.
func (f *keyFilter) may(lx *Lexicon, key string) bool {
	f.once.Do(func() { f.build(lx) })
	h := maphash.String(f.seed, key)
	w := f.bits[h>>f.shift]
	m := uint64(1)<<(h&63) | uint64(1)<<((h>>6)&63)
	return w&m == m
}

func (f *keyFilter) build(lx *Lexicon) {
	n := len(lx.names) + len(lx.prefixes)
	words, shift := 1, uint(64)
	for words*64 < 16*n {
		words *= 2
		shift--
	}
	f.seed, f.bits, f.shift = maphash.MakeSeed(), make([]uint64, words), shift
	put := func(key string) {
		h := maphash.String(f.seed, key)
		f.bits[h>>f.shift] |= uint64(1)<<(h&63) | uint64(1)<<((h>>6)&63)
	}
	for k := range lx.names {
		put(k)
	}
	for k := range lx.prefixes {
		put(k)
	}
}

// Classes returns the word classes of a word or phrase key (see Key):
// "title", "role"… or nil.
func (lx *Lexicon) Classes(key string) []string { return lx.words[key] }

// Is reports whether the key has the given word class.
func (lx *Lexicon) Is(key, class string) bool {
	for _, c := range lx.words[key] {
		if c == class {
			return true
		}
	}
	return false
}

// FirstName reports whether the word (any case) is a known first name.
func (lx *Lexicon) FirstName(w string) bool { return lx.first[nlp.Fold(w)] }

// AreaAlias returns the index into Areas of the area that a name key
// (see Key) stands for when it is known to name a place: an adjective
// ("European", "African") or a union of countries ("EU" for Europe).
// These names are not in Names, so that recognition never reads them as
// places on its own; ok is false for other keys.
func (lx *Lexicon) AreaAlias(key string) (index int, ok bool) {
	index, ok = lx.areaAlias[key]
	return index, ok
}

// RegionAbbr returns the indexes into Regions of the regions that an
// abbreviation, as written, may stand for: "Tenn." (Tennessee), "W. Va."
// or "W.Va" (West Virginia), "B.C." or "BC" (British Columbia); points,
// spaces and case do not count, so callers should read a bare code
// ("BC", "IN") only when written in capitals. Abbreviations are not in
// Names: they are read as regions only after a place name ("Paris,
// Tenn.") or where a place is known to be named; nil for other text.
func (lx *Lexicon) RegionAbbr(abbr string) []int { return lx.regionAbbr[abbrKey(abbr)] }

// RegionCode returns the ISO 3166-2 code of the region of a town, from
// its country and GeoNames admin1 code (City.Admin): "CA-BC" for CA and
// "02", "US-TX" for US and "TX"; country + "-" + admin when regions.tsv
// does not map the code.
func (lx *Lexicon) RegionCode(country, admin string) string {
	if c, ok := lx.adminISO[[2]string{country, admin}]; ok {
		return c
	}
	return country + "-" + admin
}

// abbrKey folds an abbreviation to its letters: "W. Va." → "wva".
func abbrKey(s string) string {
	var b strings.Builder
	for _, r := range nlp.Fold(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CountiesNamed returns the indexes into Counties of the counties whose
// name has the key (see Key): "Laurel County". Counties are not in Names:
// they are read only where a place is known to be named; nil for other
// keys.
func (lx *Lexicon) CountiesNamed(key string) []int { return lx.counties[key] }

// FeaturesNamed returns the indexes into Features of the natural features
// and macro-regions whose name has the key (see Key): "atlantic ocean",
// "middle east", "gulf" (several). Features are not in Names, so that
// recognition and its gazetteer features are unchanged by them: they are
// read where a place is known to be named; nil for other keys.
func (lx *Lexicon) FeaturesNamed(key string) []int { return lx.features[key] }

// FeatureAlias returns the indexes into Features that an adjective key
// stands for where a place is known to be named ("middle eastern",
// "sahelian"); nil for other keys.
func (lx *Lexicon) FeatureAlias(key string) []int { return lx.featAlias[key] }

// FacilityTail reports whether the word, as written, ends the name of a
// building, a street or an institution after a town's or a person's
// name: "Castle", "Square", "University", "St." (data/facilities.tsv).
func (lx *Lexicon) FacilityTail(word string) bool { return lx.facility[word] }

// Country returns the country with the ISO 3166-1 alpha-2 code.
func (lx *Lexicon) Country(code string) (Country, bool) {
	i, ok := lx.countryIx[code]
	if !ok {
		return Country{}, false
	}
	return lx.Countries[i], true
}

func (lx *Lexicon) add(name string, e Entry) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	if isShortCaps(name) {
		e.Exact = name
	}
	k := Key(name)
	if k == "" {
		return
	}
	for _, old := range lx.names[k] {
		if old == e {
			return
		}
	}
	lx.names[k] = append(lx.names[k], e)
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			lx.prefixes[k[:i]] = true
		}
	}
	if n := strings.Count(k, " ") + 1; n > lx.MaxTokens {
		lx.MaxTokens = n
	}
}

// isShortCaps reports whether name is an acronym of at most five letters
// written in capitals ("US", "U.S.", "AFP"), which must match as written.
func isShortCaps(name string) bool {
	letters := 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			letters++
		case r == '.' || r == '-':
		default:
			return false
		}
	}
	return letters <= 5
}

// lines calls fn with the tab-separated fields of each line of a data
// file, skipping "#" comments and blank lines.
func lines(name string, fn func(f []string) error) error {
	fh, err := files.Open("data/" + name)
	if err != nil {
		return err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return &lineError{name, n, err}
		}
	}
	return sc.Err()
}

type lineError struct {
	file string
	line int
	err  error
}

func (e *lineError) Error() string { return e.file + ":" + strconv.Itoa(e.line) + ": " + e.err.Error() }

type fieldsError int

func (e fieldsError) Error() string { return "want " + strconv.Itoa(int(e)) + " fields" }

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func load() (*Lexicon, error) {
	lx := &Lexicon{names: map[string][]Entry{}, prefixes: map[string]bool{}, words: map[string][]string{}, first: map[string]bool{}, countryIx: map[string]int{},
		areaAlias: map[string]int{}, regionAbbr: map[string][]int{}, adminISO: map[[2]string]string{}, counties: map[string][]int{},
		features: map[string][]int{}, featAlias: map[string][]int{}, facility: map[string]bool{}, towns: sync.OnceValue(loadTowns)}
	err := lines("countries.tsv", func(f []string) error {
		if len(f) != 8 {
			return fieldsError(8)
		}
		lat, _ := strconv.ParseFloat(f[1], 64)
		lon, _ := strconv.ParseFloat(f[2], 64)
		i := int32(len(lx.Countries))
		lx.countryIx[f[0]] = int(i)
		dem, _, _ := strings.Cut(f[6], "|")
		lx.Countries = append(lx.Countries, Country{Code: f[0], NameEN: f[3], NameFR: f[4], Demonym: dem, Lat: lat, Lon: lon})
		for _, n := range append([]string{f[3], f[4]}, split(f[5])...) {
			lx.add(n, Entry{Kind: KindCountry, Index: i})
		}
		for _, n := range append(split(f[6]), split(f[7])...) {
			for _, part := range strings.Split(n, ", ") { // "Bosnian, Herzegovinian": each
				lx.add(part, Entry{Kind: KindDemonym, Index: i})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("country_aliases.tsv", func(f []string) error {
		if len(f) != 2 {
			return fieldsError(2)
		}
		i, ok := lx.countryIx[f[1]]
		if !ok {
			return fieldsError(2)
		}
		lx.add(f[0], Entry{Kind: KindCountry, Index: int32(i)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	cityIx := map[int]int32{}
	err = lines("cities.tsv", func(f []string) error {
		if len(f) != 9 {
			return fieldsError(9)
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return err
		}
		pop, _ := strconv.Atoi(f[5])
		lat, _ := strconv.ParseFloat(f[6], 64)
		lon, _ := strconv.ParseFloat(f[7], 64)
		i := int32(len(lx.Cities))
		cityIx[id] = i
		lx.Cities = append(lx.Cities, City{ID: id, Name: f[1], Country: f[2], Admin: f[3], Feature: f[4], Pop: pop, Lat: lat, Lon: lon})
		minor := pop < MinorPopulation && f[4] != "PPLC" && f[4] != "PPLA"
		for _, n := range append([]string{f[1]}, split(f[8])...) {
			lx.add(n, Entry{Kind: KindCity, Index: i, Minor: minor})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("exonyms.tsv", func(f []string) error {
		if len(f) != 2 {
			return fieldsError(2)
		}
		id, _ := strconv.Atoi(f[1])
		i, ok := cityIx[id]
		if !ok {
			return fieldsError(2)
		}
		lx.add(f[0], Entry{Kind: KindCity, Index: i})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("regions.tsv", func(f []string) error {
		if len(f) != 9 {
			return fieldsError(9)
		}
		lat, _ := strconv.ParseFloat(f[3], 64)
		lon, _ := strconv.ParseFloat(f[4], 64)
		i := int32(len(lx.Regions))
		lx.Regions = append(lx.Regions, Region{Code: f[0], Country: f[1], Name: f[2], Lat: lat, Lon: lon})
		if k := [2]string{f[1], f[8]}; f[8] != "" && lx.adminISO[k] == "" {
			lx.adminISO[k] = f[0] // the first region of a name shared by two ("AL.50")
		}
		vague := split(f[7])
		for _, n := range append([]string{f[2]}, split(f[5])...) {
			lx.add(n, Entry{Kind: KindRegion, Index: i, Vague: slices.Contains(vague, n)})
		}
		for _, n := range split(f[6]) {
			if k := abbrKey(n); !slices.Contains(lx.regionAbbr[k], int(i)) {
				lx.regionAbbr[k] = append(lx.regionAbbr[k], int(i))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("areas.tsv", func(f []string) error {
		if len(f) != 6 {
			return fieldsError(6)
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return err
		}
		lat, _ := strconv.ParseFloat(f[2], 64)
		lon, _ := strconv.ParseFloat(f[3], 64)
		i := int32(len(lx.Areas))
		lx.Areas = append(lx.Areas, Area{ID: id, Name: f[1], Lat: lat, Lon: lon})
		for _, n := range append([]string{f[1]}, split(f[4])...) {
			lx.add(n, Entry{Kind: KindArea, Index: i})
		}
		for _, n := range split(f[5]) {
			lx.areaAlias[Key(n)] = int(i)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("facilities.tsv", func(f []string) error {
		if len(f) != 1 {
			return fieldsError(1)
		}
		lx.facility[f[0]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("features.tsv", func(f []string) error {
		if len(f) != 7 {
			return fieldsError(7)
		}
		lat, err := strconv.ParseFloat(f[3], 64)
		if err != nil {
			return err
		}
		lon, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return err
		}
		i := len(lx.Features)
		lx.Features = append(lx.Features, Feature{ID: "veille:loc/" + f[0], Class: f[1], Name: f[2], Lat: lat, Lon: lon})
		for _, n := range append([]string{f[2]}, split(f[5])...) {
			if k := Key(n); k != "" && !slices.Contains(lx.features[k], i) {
				lx.features[k] = append(lx.features[k], i)
			}
		}
		for _, n := range split(f[6]) {
			if k := Key(n); k != "" && !slices.Contains(lx.featAlias[k], i) {
				lx.featAlias[k] = append(lx.featAlias[k], i)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("counties.tsv", func(f []string) error {
		if len(f) != 5 {
			return fieldsError(5)
		}
		parts := strings.SplitN(f[0], ".", 3)
		if len(parts) != 3 {
			return fieldsError(5)
		}
		lat, _ := strconv.ParseFloat(f[2], 64)
		lon, _ := strconv.ParseFloat(f[3], 64)
		towns, _ := strconv.Atoi(f[4])
		k := Key(f[1])
		lx.counties[k] = append(lx.counties[k], len(lx.Counties))
		lx.Counties = append(lx.Counties, County{Code: f[0], Country: parts[0], Region: lx.RegionCode(parts[0], parts[1]), Name: f[1], Lat: lat, Lon: lon, Towns: towns})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("orgs.tsv", func(f []string) error {
		if len(f) != 5 {
			return fieldsError(5)
		}
		i := int32(len(lx.Orgs))
		lx.Orgs = append(lx.Orgs, Org{ID: "veille:org/" + f[0], Kind: f[1], Name: f[2], Country: f[4]})
		for _, n := range append([]string{f[2]}, split(f[3])...) {
			lx.add(n, Entry{Kind: KindOrg, Index: i})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = lines("words.tsv", func(f []string) error {
		if len(f) != 2 {
			return fieldsError(2)
		}
		k := Key(f[0])
		lx.words[k] = append(lx.words[k], f[1])
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, name := range []string{"firstnames.txt", "firstnames_fr.txt"} {
		err = lines(name, func(f []string) error {
			lx.first[nlp.Fold(f[0])] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// IsCapitalized reports whether s starts with an upper-case letter.
func IsCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
