package entity

import (
	"sort"
	"strings"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/lexicon"
	"github.com/veille/veille/internal/nlp"
)

// hasKind reports whether one of es is of kind k.
func hasKind(es []lexicon.Entry, k lexicon.Kind) bool {
	for _, e := range es {
		if e.Kind == k {
			return true
		}
	}
	return false
}

// hasPlace reports whether one of es is a country, a city, a region or
// an area.
func hasPlace(es []lexicon.Entry) bool {
	for _, e := range es {
		switch e.Kind {
		case lexicon.KindCountry, lexicon.KindCity, lexicon.KindRegion, lexicon.KindArea:
			return true
		}
	}
	return false
}

// orgHeads are the last words of English organization names.
var orgHeads = map[string]bool{"treasury": true, "ministry": true, "department": true, "agency": true, "council": true,
	"party": true, "army": true, "bank": true, "group": true, "inc": true, "corp": true, "corporation": true,
	"ltd": true, "plc": true, "commission": true, "committee": true, "bureau": true, "authority": true,
	"parliament": true, "senate": true, "navy": true, "police": true, "directorate": true, "secretariat": true,
	"federation": true, "association": true, "foundation": true, "institute": true, "university": true,
	"llc": true, "gmbh": true, "ag": true, "sa": true, "nv": true, "bv": true, "spa": true, "airlines": true, "airways": true}

// orgType returns the type of the tagger's span [i, j) of type typ whose
// gazetteer entries are entries: an organization of the registry or a
// name ending in an organization's head word ("Treasury", "Ministry") is
// an organization, whatever the tagger said; a person's surname said
// before stays a person ("Bobby Wagner … Wagner").
func (st *state) orgType(toks []nlp.Token, i, j int, typ string, entries []lexicon.Entry) string {
	if typ == "ORG" {
		return typ
	}
	if hasKind(entries, lexicon.KindOrg) {
		if typ == "PER" && j-i == 1 && st.surname(st.tokText(toks[i])) != "" {
			return typ
		}
		if typ == "LOC" && st.companyOnly(entries) {
			return typ // the Amazon, not the company
		}
		return "ORG"
	}
	if typ == "MISC" || hasPlace(entries) {
		return typ
	}
	if t := toks[j-1]; t.Kind == nlp.Word && isCaps(st.tokText(t)) && orgHeads[st.fold(t)] {
		return "ORG"
	}
	return typ
}

// Cues of an organization of the registry whose one-word name is also a
// surname ("Wagner"), in the words and places of the article. Strong
// cues (the words of its kind, its people, its other names such as
// "Wagner Group") outweigh a person of that surname named in the
// article; weak ones (its countries, words of war and power) suffice
// where no such person is named.
var (
	orgStrongCues = map[string][]string{
		"pmc":    {"mercenary", "mercenaries", "pmc", "paramilitary", "paramilitaries", "private military"},
		"wagner": {"prigozhin", "utkin"},
	}
	orgWeakCues = map[string][]string{
		"pmc": {"group", "fighters", "militia", "mutiny", "insurrection", "revolt", "rebellion", "troops", "soldiers",
			"military", "army", "war", "warlord", "leader", "chief", "founder", "boss", "commander", "terrorist",
			"terrorists", "terror", "proscribed", "proscription", "sanctions", "sanctioned", "operation", "operations",
			"force", "forces", "colonel", "general", "officer", "officers", "combat", "battle", "frontline", "weapons",
			"guns", "shooting", "fighting", "killed"},
		"wagner": {"putin", "kremlin", "shoigu", "gerasimov", "kadyrov", "lukashenko", "africa"},
	}
	// orgOtherSense are words telling of the other bearers of the name
	// (the composer Richard Wagner): with one of them, only a strong cue
	// makes the name the organization's.
	orgOtherSense = map[string][]string{
		"wagner": {"composer", "composers", "opera", "operas", "orchestra", "concert", "symphony", "conductor",
			"soprano", "tenor", "prelude", "overture", "bayreuth", "libretto"},
	}
	// surnameOrgs are the organizations of the registry whose one-word
	// name is a common surname: without a cue of the organization in the
	// article, the name is a person's.
	surnameOrgs = map[string]bool{"veille:org/wagner": true}
	// orgCueCountries are the countries where an organization of the
	// registry operates, beyond its own.
	orgCueCountries = map[string][]string{
		"wagner": {"UA", "BY", "ML", "CF", "LY", "SY", "SD", "MZ", "BF"},
	}
)

// englishNames completes the mentions of an English text: surnames of
// persons named in full that the tagger missed or called places
// ("Putin" after "Vladimir Putin"), and one-word names of the registry
// that are surnames here ("Wagner's Parsifal", an article on a composer
// or a linebacker) rather than the organization.
func (st *state) englishNames() {
	st.sameTranslit()
	type person struct{ id, name string }
	byLast := map[string]person{}
	for _, m := range st.ms {
		if m.typ == veille.TypePER {
			if k := strings.LastIndexAny(m.name, " \n"); k >= 0 {
				if _, ok := byLast[m.name[k+1:]]; !ok {
					byLast[m.name[k+1:]] = person{m.id, m.name}
				}
			}
		}
	}
	for w, full := range wellKnown {
		if _, ok := byLast[w]; !ok {
			byLast[w] = person{"veille:per/" + slug(full), full}
		}
	}
	var words map[string]bool // folded words and word pairs of the article, "country:XX" for its countries
	// cue returns whether the article has a strong cue of the
	// organization o, and whether it has any cue.
	cue := func(o lexicon.Org) (strong, any bool) {
		if words == nil {
			words = st.cueWords()
		}
		slug := strings.TrimPrefix(o.ID, "veille:org/")
		for _, w := range append(orgStrongCues[o.Kind], orgStrongCues[slug]...) {
			if words[w] {
				return true, true
			}
		}
		for _, m := range st.ms {
			if m.id == o.ID && strings.Contains(st.text[m.start:m.end], " ") {
				return true, true // another name of the organization: "Wagner Group"
			}
		}
		for _, w := range orgOtherSense[slug] {
			if words[w] {
				return false, false
			}
		}
		for _, w := range append(orgWeakCues[o.Kind], orgWeakCues[slug]...) {
			if words[w] {
				return false, true
			}
		}
		for _, c := range append([]string{o.Country}, orgCueCountries[slug]...) {
			if c != "" && words["country:"+c] {
				return false, true
			}
		}
		return false, false
	}
	type cues struct{ strong, any bool }
	cued := map[string]cues{} // cue by organization ID
	var named map[int]bool    // starts of the mentions of organizations, places and persons named in full
	for k := range st.ms {
		m := &st.ms[k]
		text := st.text[m.start:m.end]
		switch {
		case m.typ == veille.TypeLOC && strings.HasPrefix(m.id, "veille:loc/") && !strings.Contains(text, " "):
			if p, ok := byLast[text]; ok {
				m.typ, m.id, m.name, m.feature = veille.TypePER, p.id, p.name, ""
				m.lat, m.lon = nil, nil
			}
		case m.typ == veille.TypeORG && !m.gaz && !m.strong && m.id == "veille:org/"+slug(text) && !strings.Contains(text, " ") && !allCaps(text):
			// "Alatas" the tagger called an organization after "Ali
			// Alatas" was named.
			if p, ok := byLast[text]; ok && st.linkSurname(text, p.name, m.start) {
				m.typ, m.id, m.name = veille.TypePER, p.id, p.name
			}
		case m.typ == veille.TypePER && m.name == text && !strings.Contains(text, " "):
			if p, ok := byLast[text]; ok {
				m.id, m.name = p.id, p.name // a surname said before its full name
			}
		case m.typ == veille.TypeORG && m.gaz && !strings.Contains(text, " ") && !allCaps(text):
			o, ok := st.registryOrg(m.id)
			if !ok {
				continue
			}
			if named == nil {
				named = map[int]bool{}
				for _, n := range st.ms {
					if n.typ != veille.TypeLOC && (n.typ != veille.TypePER || strings.Contains(n.name, " ")) {
						named[n.start] = true
					}
				}
			}
			// Only a name that is also a surname, here or commonly, may be
			// a person's: when a work of his follows ("Wagner's
			// Parsifal") or the article does not tell of the organization
			// (more strongly when a person of that name is named in it).
			_, surname := byLast[text]
			if !surname && !surnameOrgs[o.ID] {
				continue
			}
			c, ok := cued[o.ID]
			if !ok {
				c.strong, c.any = cue(o)
				cued[o.ID] = c
			}
			if !st.possessiveWork(m.end, named) && (c.strong || c.any && !surname) {
				continue
			}
			m.typ, m.gaz, m.strong = veille.TypePER, false, false
			if p, ok := byLast[text]; ok {
				m.id, m.name = p.id, p.name
			} else {
				m.id, m.name = "veille:per/"+slug(text), text
			}
		}
	}
	st.missedSurnames(func(w string) (string, string, bool) {
		p, ok := byLast[w]
		return p.id, p.name, ok
	})
}

// registryOrg returns the organization of the registry with this ID.
func (st *state) registryOrg(id string) (lexicon.Org, bool) {
	if !strings.HasPrefix(id, "veille:org/") {
		return lexicon.Org{}, false
	}
	for _, o := range st.x.lx.Orgs {
		if o.ID == id {
			return o, true
		}
	}
	return lexicon.Org{}, false
}

// possessiveWork reports whether the name ending at byte end is followed
// by a possessive and a capitalised word that names no place or
// organization of the gazetteer nor starts another mention (named, the
// starts of the other mentions): "Wagner's Parsifal".
func (st *state) possessiveWork(end int, named map[int]bool) bool {
	u := sort.Search(len(st.units), func(u int) bool { return st.units[u].span.End >= end })
	if u >= len(st.units) {
		return false
	}
	toks := st.units[u].toks
	k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= end })
	if k >= len(toks) || toks[k].Start != end {
		return false
	}
	switch st.tokText(toks[k]) {
	case "'s", "’s", "'S", "’S":
	default:
		return false
	}
	k++
	if k >= len(toks) || toks[k].Kind != nlp.Word || !isCaps(st.tokText(toks[k])) || named[toks[k].Start] {
		return false
	}
	if m, ok := st.lookup(toks, k); ok && len(m.entries) > 0 {
		return false
	}
	return true
}

// missedSurnames adds the capitalised words no mention covers that are
// the surname of a person of the article (found returns its ID and
// name), in text order: "Putin" the tagger did not see.
func (st *state) missedSurnames(found func(w string) (id, name string, ok bool)) {
	type iv struct{ s, e int }
	ivs := make([]iv, 0, len(st.ms))
	for _, m := range st.ms {
		ivs = append(ivs, iv{m.start, m.end})
	}
	sort.Slice(ivs, func(a, b int) bool { return ivs[a].s < ivs[b].s })
	p, maxEnd := 0, -1
	var add []mention
	for _, u := range st.units {
		for i, t := range u.toks {
			for p < len(ivs) && ivs[p].s < t.End {
				maxEnd = max(maxEnd, ivs[p].e)
				p++
			}
			if t.Kind != nlp.Word || maxEnd > t.Start {
				continue
			}
			w := st.tokText(t)
			if !isCaps(w) || allCaps(w) || st.lowSeen[st.fold(t)] {
				continue
			}
			if i+1 < len(u.toks) && u.toks[i+1].Kind == nlp.Word && isCaps(st.tokText(u.toks[i+1])) {
				continue // part of a longer name
			}
			if id, name, ok := found(w); ok {
				add = append(add, mention{start: t.Start, end: t.End, typ: veille.TypePER, id: id, name: name, tok: i})
			}
		}
	}
	st.ms = append(st.ms, add...)
}

// companyOnly reports whether the organizations of es are all companies.
func (st *state) companyOnly(es []lexicon.Entry) bool {
	for _, e := range es {
		if e.Kind == lexicon.KindOrg && st.x.lx.Orgs[e.Index].Kind != "company" {
			return false
		}
	}
	return true
}

// keepRegistry reports whether a rule mention r the tagger did not see
// is kept when it names an organization of the registry: not at the
// start of a sentence when its name is a common word or that of a
// company ("Total sales rose", "Apple pie"), where the tagger's silence
// is to be trusted.
func (st *state) keepRegistry(r mention) bool {
	if r.typ != veille.TypeORG || !r.gaz {
		return true
	}
	text := st.text[r.start:r.end]
	if allCaps(text) {
		return true
	}
	u := sort.Search(len(st.units), func(u int) bool { return st.units[u].span.End > r.start })
	if u >= len(st.units) || len(st.units[u].toks) == 0 || st.units[u].toks[0].Start != r.start {
		return true
	}
	if lexicon.English(text) || st.lowSeen[nlp.Fold(text)] {
		return false
	}
	o, ok := st.registryOrg(r.id)
	return !ok || o.Kind != "company"
}

// cueWords returns the folded words and pairs of words of the article,
// and "country:XX" for the countries of its places and of the
// organizations of the registry it names (but those of surnameOrgs).
func (st *state) cueWords() map[string]bool {
	lx := st.x.lx
	words := map[string]bool{}
	for _, u := range st.units {
		prev := ""
		for _, t := range u.toks {
			if t.Kind != nlp.Word {
				prev = ""
				continue
			}
			f := st.fold(t)
			words[f] = true
			if prev != "" {
				words[prev+" "+f] = true
			}
			prev = f
		}
	}
	for _, m := range st.ms {
		if m.country != "" {
			words["country:"+m.country] = true
		}
		for _, c := range m.cities {
			words["country:"+lx.Cities[c].Country] = true
		}
		if m.gaz && m.typ == veille.TypeORG && !surnameOrgs[m.id] {
			if o, ok := st.registryOrg(m.id); ok && o.Country != "" {
				words["country:"+o.Country] = true
			}
		}
	}
	return words
}

// orgRolePerson records the span [i, j) made of an organization of the
// registry, a role and a person's name as the organization and the
// person in that role: "U.S. Treasury Secretary James Baker". It reports
// whether the span was such.
func (st *state) orgRolePerson(toks []nlp.Token, i, j int) bool {
	m, ok := st.lookup(toks, i)
	if !ok || m.j >= j-1 || !hasKind(m.entries, lexicon.KindOrg) {
		return false
	}
	k := m.j
	for n := 0; k < j-1 && n < 2 && st.x.lx.Is(st.fold(toks[k]), lexicon.ClassRole); n++ {
		k++
	}
	if k == m.j || k >= j {
		return false
	}
	for _, t := range toks[k:j] {
		if t.Kind != nlp.Word || !isCaps(st.tokText(t)) {
			return false
		}
	}
	var orgs []lexicon.Entry
	for _, e := range m.entries {
		if e.Kind == lexicon.KindOrg {
			orgs = append(orgs, e)
		}
	}
	st.gazetteer(toks, i, match{j: m.j, entries: orgs})
	role := st.text[toks[m.j].Start:toks[k-1].End]
	st.person(toks[k].Start, toks[j-1].End, st.text[toks[k].Start:toks[j-1].End], role, k)
	return true
}

// prevFold returns the folded word right before byte start in its
// sentence, "" when none.
func (st *state) prevFold(start int) string {
	u := sort.Search(len(st.units), func(u int) bool { return st.units[u].span.End > start })
	if u >= len(st.units) {
		return ""
	}
	toks := st.units[u].toks
	k := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= start })
	if k == 0 || toks[k-1].Kind != nlp.Word {
		return ""
	}
	return st.fold(toks[k-1])
}

// Word classes of words.tsv telling of games in English text: a word of
// sport ("striker", "touchdown") and a word of games and contests too
// ("beat", "season").
const (
	classSportEN = "ensport"
	classGameEN  = "engame"
)

// sportDoc reports whether the English text speaks of games: two of its
// sentences have a score or a word of sport, with another score or word
// of sport or of games ("won 2-1", "the striker scored").
func (st *state) sportDoc() bool {
	n := 0
	for _, u := range st.units {
		if st.sportUnitEN(u.toks) {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// clubTown reports whether the tagger's span [i, j) of type typ (a place
// or a person) in a text on games names a club by its town: a town alone
// that the tagger called a place, in a sentence on a game or next to a
// score or an opponent ("Bologna 2", "Bologna ( 4 ) v Piacenza",
// "against Bologna"), with no preposition of place before it ("in
// Bologna" is the town), or in parentheses after a person's name
// (afterPerson: "Luis Figo ( Barcelona )"); or, when the tagger saw a
// person, a club's name ending with a city (see clubCityPop), or a town
// in a table of teams and their countries.
func (st *state) clubTown(toks []nlp.Token, i, j int, typ string, afterPerson bool) bool {
	if typ == "PER" {
		// "Partizan Belgrade", "Bologna ( Italy ) 9 4 5": a club the
		// tagger took for a person, when no first name opens it and
		// its town is a city of some size.
		if st.x.lx.FirstName(st.tokText(toks[i])) {
			return false
		}
		if pop := st.townPop(toks, j-1, j); pop < clubCityPop && !(j-i == 1 && pop > 0 && st.countryTable(toks, j)) {
			return false
		}
		if j-i == 2 && (j >= len(toks) || st.tokText(toks[j]) != "(" || st.countryTable(toks, j)) {
			return true // but "Paulinho Santos ( Porto )", a player and his club
		}
		if j-i > 2 {
			return false
		}
	} else if typ != "LOC" || j-i != 1 || allCaps(st.tokText(toks[i])) || st.townPop(toks, i, j) == 0 {
		return false // "LONDON" in a dateline is the town
	}
	if i > 0 && toks[i-1].Kind == nlp.Word && isCaps(st.tokText(toks[i-1])) {
		return false // "Czech Republic": a longer name
	}
	if i > 0 && toks[i-1].Kind == nlp.Word && placePrepsEN[st.fold(toks[i-1])] {
		return false
	}
	next := func(k int) string {
		if k < len(toks) {
			return st.fold(toks[k])
		}
		return ""
	}
	if f := next(j); townNouns[f] || f == ":" || st.x.lx.Is(f, lexicon.ClassParticle) {
		// "both Rome teams": the town's; "Leicester : Leicestershire
		// beat Somerset": the ground; "Stade de France": a longer name.
		return false
	}
	if i > 0 && articleEN[st.fold(toks[i-1])] && j < len(toks) && toks[j].Kind == nlp.Word && !isCaps(st.tokText(toks[j])) {
		return false // "a Marseille estate"
	}
	if typ == "LOC" && st.sportUnitEN(toks) {
		return true
	}
	switch {
	case j < len(toks) && toks[j].Kind == nlp.Number && !yearLike(st.tokText(toks[j])),
		next(j) == "(" && j+1 < len(toks) && toks[j+1].Kind == nlp.Number,
		opponentWords[next(j)],
		i > 0 && opponentWords[st.fold(toks[i-1])]:
		return typ == "LOC"
	case st.countryTable(toks, j):
		return true
	case typ == "LOC" && afterPerson && st.tokText(toks[i-1]) == "(" && (next(j) == ")" || next(j) == ","):
		// "Luis Figo ( Barcelona )": a player and his club.
		return true
	}
	return false
}

// countryTable reports whether a country in parentheses and a number
// follow at token j: "Charleroi ( Belgium ) 9 0 9", a table of teams and
// their countries.
func (st *state) countryTable(toks []nlp.Token, j int) bool {
	if j+3 >= len(toks) || st.tokText(toks[j]) != "(" || st.tokText(toks[j+2]) != ")" || toks[j+3].Kind != nlp.Number {
		return false
	}
	m, ok := st.lookup(toks, j+1)
	return ok && m.j == j+2 && hasKind(m.entries, lexicon.KindCountry)
}

// opponentWords are the words between two teams of a game: "Bologna v
// Piacenza", "against Bologna".
var opponentWords = map[string]bool{"v": true, "vs": true, "versus": true, "against": true, "beat": true, "beating": true}

// clubCityPop is the least population of a town whose name, after a
// word that is no first name, makes a club's name rather than a
// person's ("Partizan Belgrade", not "Naoki Soma").
const clubCityPop = 200000

// townPop returns the population of the largest city of the gazetteer
// the tokens [i, j) name, 0 when they name no city or name a country, a
// small town only, or something else than a city or a region.
func (st *state) townPop(toks []nlp.Token, i, j int) int {
	m, ok := st.lookup(toks, i)
	if !ok || m.j != j {
		return 0
	}
	pop := 0
	for _, e := range m.entries {
		switch {
		case e.Kind == lexicon.KindCity && !e.Minor:
			pop = max(pop, st.x.lx.Cities[e.Index].Pop, 1)
		case e.Kind == lexicon.KindRegion || e.Kind == lexicon.KindCity:
		default:
			return 0
		}
	}
	return pop
}

// sportUnitEN reports whether the English sentence toks speaks of a game:
// a score or a word of sport, with another score or word of sport or
// of games.
func (st *state) sportUnitEN(toks []nlp.Token) bool {
	strong, weak := 0, 0
	for k, t := range toks {
		switch {
		case t.Kind == nlp.Number && st.score(toks, k):
			strong++
		case t.Kind != nlp.Word:
		case st.x.lx.Is(st.fold(t), classSportEN):
			strong++
		case st.x.lx.Is(st.fold(t), classGameEN):
			weak++
		}
	}
	return strong >= 2 || strong == 1 && weak >= 1
}

// townNouns are the nouns of sport a town's name qualifies: "both Rome
// teams" are the town's.
var townNouns = map[string]bool{"team": true, "teams": true, "side": true, "sides": true, "club": true, "clubs": true,
	"fans": true, "supporters": true, "derby": true}

// articleEN are the English articles.
var articleEN = map[string]bool{"a": true, "an": true, "the": true}

// placePrepsEN are the English prepositions after which a town is the
// place, even in a text on games.
var placePrepsEN = map[string]bool{"in": true, "at": true, "from": true, "to": true, "near": true, "into": true,
	"outside": true, "across": true, "around": true, "towards": true, "toward": true, "via": true, "through": true}

// classLocTail is the class of words.tsv of the nouns ending the name of
// a place or a site in English ("Stadium", "Sea", "Street").
const classLocTail = "loctail"

// placeTail reports whether the tagger's span [i, j) of type typ, an
// organization or a person, is rather a place by its last word: "Sydney
// Cricket Ground", "Red Sea", "Wall Street"; a person's name starting
// with a first name stays ("Ricki Lake").
func (st *state) placeTail(toks []nlp.Token, i, j int, typ string) bool {
	if j-i < 2 || typ != "ORG" && typ != "PER" {
		return false
	}
	if typ == "PER" && st.x.lx.FirstName(st.tokText(toks[i])) {
		return false
	}
	t := toks[j-1]
	return t.Kind == nlp.Word && isCaps(st.tokText(t)) && st.x.lx.Is(st.fold(t), classLocTail)
}

// yearLike reports whether the number w is a year: "London 2012" names
// the games, not a club's score.
func yearLike(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20"))
}

// linkSurname reports whether the one-word name w at byte start, which
// the tagger called an organization, is rather the surname of the
// person full (see englishNames): a person of the news (data/persons.tsv)
// or one named in full in two or three words with a known first name
// or initials,
// w no common word, and
// no article or preposition of place before it ("the Bible", "from
// Essex").
func (st *state) linkSurname(w, full string, start int) bool {
	if lexicon.English(w) {
		return false
	}
	switch f := st.prevFold(start); {
	case f == "the", placePrepsEN[f]:
		return false
	}
	if wellKnown[w] == full {
		return true
	}
	first, _, _ := strings.Cut(full, " ")
	for _, part := range strings.FieldsFunc(full, func(r rune) bool { return r == ' ' || r == '-' }) {
		if !isCaps(part) {
			return false // "Greta Gerwig-directed Barbie": no person's name
		}
	}
	initials := len(first) == 2 && first[1] == '.' || initialsWord(first) // "C. Cairns"
	return strings.Count(full, " ") <= 2 && (initials || st.x.lx.FirstName(first))
}

// classSportName is the class of words.tsv of the English names of
// sports ("basketball").
const classSportName = "sportname"

// acronymBeforeSport returns the end of the span [i, j) of a heading in
// capitals without the names of sports (and nationalities) after an
// acronym that opens it: "NBA" in "NBA BASKETBALL", "NFL" in "NFL
// AMERICAN FOOTBALL".
func (st *state) acronymBeforeSport(toks []nlp.Token, i, j int) int {
	if j-i < 2 || len(st.tokText(toks[i])) > 5 || !allCaps(st.tokText(toks[i])) {
		return j
	}
	sport := false
	for k := i + 1; k < j; k++ {
		t := toks[k]
		if t.Kind != nlp.Word {
			continue
		}
		f := st.fold(t)
		if head, _, _ := strings.Cut(f, "-"); st.x.lx.Is(head, classSportName) {
			sport = true
			continue
		}
		if m, ok := st.lookup(toks, k); ok && m.j == k+1 && hasKind(m.entries, lexicon.KindDemonym) {
			continue
		}
		return j
	}
	if !sport {
		return j
	}
	return i + 1
}

// placeAfterPrep reports whether the span [i, j) names only places of the
// gazetteer (cities that are no small towns, regions, areas) and comes
// after a preposition of place (inPrepsEN), with perhaps a point of the
// compass between: "in eastern Zaire", "at Beirut" are the places.
func (st *state) placeAfterPrep(toks []nlp.Token, i, j int) bool {
	if w := st.tokText(toks[i]); j-i == 1 && len(w) <= 4 && allCaps(w) {
		return false // "into LEO", an acronym
	}
	k := i - 1
	if k >= 0 && compassAdjs[st.fold(toks[k])] {
		k--
	}
	if k < 0 || toks[k].Kind != nlp.Word || !inPrepsEN[st.fold(toks[k])] {
		return false
	}
	m, ok := st.lookup(toks, i)
	if !ok || m.j != j {
		return false
	}
	for _, e := range m.entries {
		switch {
		case e.Kind == lexicon.KindCity && !e.Minor, e.Kind == lexicon.KindRegion, e.Kind == lexicon.KindArea:
		default:
			return false
		}
	}
	return true
}

// inPrepsEN are the English prepositions after which a name of places
// is the place whatever the tagger says ("to" and "for" are as often a
// company's: "proposed to Santa Fe").
var inPrepsEN = map[string]bool{"in": true, "at": true, "near": true, "into": true, "inside": true, "outside": true,
	"across": true, "throughout": true}

// compassAdjs are the adjectives of the points of the compass.
var compassAdjs = map[string]bool{"eastern": true, "western": true, "northern": true, "southern": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true}
