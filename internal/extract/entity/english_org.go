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
	"federation": true, "association": true, "foundation": true, "institute": true, "university": true}

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
	type person struct{ id, name string }
	byLast := map[string]person{}
	for _, m := range st.ms {
		if m.typ == veille.TypePER {
			if k := strings.LastIndexByte(m.name, ' '); k >= 0 {
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
