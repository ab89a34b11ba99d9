package quote

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// resolve fills the speaker fields of q from its speaker text, the
// article's entities and prev, the last quotation with a speaker.
func (f *finder) resolve(q *quote, prev *quote) {
	if f.lang == "fr" && q.spk.End > q.spk.Start {
		q.spk = f.dropFronted(q.spk)
	}
	copyFrom := func(p *quote) {
		q.speaker, q.speakerID, q.speakerType = p.speaker, p.speakerID, p.speakerType
		q.count, q.affil, q.affilID = p.count, p.affil, p.affilID
		if q.via == "" {
			q.via = p.via
		}
	}
	if q.spk.End <= q.spk.Start && q.cue.End > q.cue.Start {
		// A participle ("…, saying that", "en affirmant que"): the
		// speaker is the first person or organization of the sentence.
		w := nlp.Fold(f.text[q.cue.Start:q.cue.End])
		from := f.sentenceStart(q.cue.Start, 0)
		samePrev := prev != nil && prev.content.Start >= from
		participle := strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ant")
		if participle && samePrev && f.lang == "en" && prev.spk.End > prev.spk.Start && prev.cue.End <= q.cue.Start && prev.spk.Start >= from {
			// "“…,” Jane Doe said, adding that …": the speaker of the
			// sentence's reporting verb, whose subject the participle
			// shares.
			q.spk, q.inherit = prev.spk, false
		}
		if participle && f.an != nil && !samePrev {
			ms := f.an.Mentions
			if f.ments.sorted {
				// Only mentions starting in [from, cue start] can fit.
				ms = ms[f.mentionsFrom(from):]
				ms = ms[:sort.Search(len(ms), func(i int) bool { return ms[i].Start > q.cue.Start })]
			}
			for _, m := range ms {
				if m.Start >= from && m.End <= q.cue.Start && (m.Type == veille.TypePER || m.Type == veille.TypeORG) {
					q.spk = m.Span
					q.inherit = false
					break
				}
			}
		}
	}
	if q.spk.End <= q.spk.Start {
		if q.inherit && prev != nil {
			copyFrom(prev)
		}
		return
	}
	if q.ante.End > q.ante.Start {
		// "X, who said": resolve X, keep "who" as the speaker's words.
		spk := q.spk
		q.spk, q.ante = q.ante, veille.Span{}
		f.resolve(q, prev)
		q.spk, q.speakerText = spk, f.text[spk.Start:spk.End]
		return
	}
	text := f.text[q.spk.Start:q.spk.End]
	q.speakerText = text
	words := strings.Fields(nlp.Fold(text))
	if len(words) == 1 && (pronouns[words[0]] || stressedPronouns[words[0]]) { // "il", "selon lui"…
		if prev != nil {
			copyFrom(prev)
		}
		return
	}
	// "citées par Reuters", "cited by Reuters": the via, and the speaker
	// without it.
	name := text
	for _, sep := range []string{" citées par ", " cités par ", " interrogées par ", " interrogés par ", " contactés par ", " contactées par ", " cited by ", " quoted by ", " interviewed by ", " consultées par "} {
		if i := strings.Index(strings.ToLower(name), sep); i > 0 {
			v := strings.TrimSpace(name[i+len(sep):])
			if !strings.EqualFold(v, "la BBC") && !strings.EqualFold(v, "BBC") {
				q.via = strings.TrimPrefix(strings.TrimPrefix(v, "l'"), "l’")
			}
			name = name[:i]
			break
		}
	}
	// Later mentions of earlier anonymous sources: "une des sources".
	fold := nlp.Fold(name)
	if strings.Contains(fold, "des sources") || strings.Contains(fold, "of the sources") || fold == "the source" || fold == "la source" || fold == "cette source" {
		// f.anon holds, by position, the quotations before q that are
		// of anonymous sources: the last one starting before q.
		for i := len(f.anon) - 1; i >= 0; i-- {
			p := f.out[f.anon[i]]
			if p.content.Start < q.content.Start {
				copyFrom(p)
				one := 1
				q.count = &one
				return
			}
		}
	}
	one := 1
	q.count = &one
	q.speaker = strings.TrimSpace(name)
	// A named entity in the speaker phrase.
	var per, org *veille.Entity
	var affil []*veille.Entity
	if f.an != nil {
		ms, base := f.an.Mentions, 0
		if f.ments.sorted {
			// Only mentions starting within maxLen before the speaker
			// phrase or inside it can overlap it.
			base = f.mentionsFrom(q.spk.Start - f.ments.maxLen)
			ms = ms[base:]
			ms = ms[:sort.Search(len(ms), func(i int) bool { return ms[i].Start >= q.spk.Start+len(name) })]
		}
		for mi, m := range ms {
			mi += base
			if m.End <= q.spk.Start || m.Start >= q.spk.Start+len(name) || m.EntityID == "" {
				continue
			}
			e := f.entity(m.EntityID, mi)
			if e == nil {
				continue
			}
			if rest := f.text[m.End:]; (strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s ")) && m.End+3 < q.spk.Start+len(name) {
				// "Boris Johnson's spokesman": the possessor is the
				// speaker's affiliation, not the speaker.
				affil = append(affil, e)
				continue
			}
			switch e.Type {
			case veille.TypePER:
				if per == nil {
					per = e
				}
			case veille.TypeORG:
				if org == nil && m.Start-q.spk.Start < 4 {
					org = e
				} else {
					affil = append(affil, e)
				}
			default:
				affil = append(affil, e)
			}
		}
	}
	head := ""
	if len(words) > 0 {
		head = words[0]
	}
	if per == nil && f.an != nil {
		// "un porte-parole du gouvernement malien": the person whose role
		// says so.
		for _, w := range words {
			if !roleWords[w] {
				continue
			}
			for _, i := range f.entities().roled {
				e := &f.an.Entities[i]
				if e.Type == veille.TypePER && e.Role != "" && strings.Contains(nlp.Fold(e.Role), w) && f.roleFits(e.Role, fold) {
					per = e
					break
				}
			}
			break
		}
	}
	switch {
	case per != nil:
		q.speaker, q.speakerID, q.speakerType = per.Name, per.ID, "person"
		if per.Role != "" && len(affil) == 0 {
			affil = f.roleAffiliation(per.Role)
		}
	case org != nil:
		q.speaker, q.speakerID = stripDeterminer(name), org.ID
		q.speakerType = "organization"
		if outlets[nlp.Fold(org.Name)] {
			q.speakerType = "outlet"
		}
	case f.anonymous(words):
		q.speakerType = "anonymous"
		q.count = nil
		if n, ok := numbers[head]; ok && head != "des" {
			q.count = &n
		} else if v, err := strconv.Atoi(head); err == nil {
			q.count = &v
		} else if strings.HasSuffix(lastAnon(words), "s") && head != "un" && head != "une" && head != "a" && head != "an" {
			q.count = nil
		} else {
			q.count = &one
		}
		if len(words) > 0 && (head == "de" || head == "des") && f.lang == "fr" {
			q.count = nil
		}
	case outlets[fold]:
		q.speakerType = "outlet"
	case len(words) > 1 && (documentNouns[words[1]] || documentNouns[words[0]]):
		q.speakerType = "document"
	default:
		if isCap(name) && f.lang == "en" || isCap(name) && !indefinite[head] && !strings.HasPrefix(fold, "le ") && !strings.HasPrefix(fold, "la ") && !strings.HasPrefix(fold, "les ") && !strings.HasPrefix(fold, "l'") {
			q.speakerType = "person"
		} else {
			q.speakerType = "organization"
		}
	}
	for _, e := range affil {
		if e.ID == q.speakerID {
			continue
		}
		switch e.Type {
		case veille.TypeORG:
			q.affil, q.affilID = e.Name, e.ID
		default:
			if e.Country != "" {
				q.affil, q.affilID = f.countryName(e), e.Country
			}
		}
		break
	}
}

// roleFits reports whether an unnamed speaker ("un porte-parole du
// gouvernement malien") may be the person of role: every content word of
// the speaker phrase longer than three letters is in the role.
func (f *finder) roleFits(role, speaker string) bool {
	r := nlp.Fold(role)
	for _, w := range strings.Fields(speaker) {
		w = strings.Trim(w, ",.;:")
		if len(w) > 3 && !strings.Contains(r, w) && !indefinite[w] {
			return false
		}
	}
	return true
}

// roleAffiliation returns the entities named in a person's role text,
// found by their mentions.
func (f *finder) roleAffiliation(role string) []*veille.Entity {
	ix := f.entities()
	if out, ok := ix.affilOf[role]; ok {
		return out
	}
	out := f.roleAffiliationScan(role)
	ix.affilOf[role] = out
	return out
}

func (f *finder) roleAffiliationScan(role string) []*veille.Entity {
	r := nlp.Fold(role)
	var out []*veille.Entity
	for mi, m := range f.an.Mentions {
		if m.EntityID == "" || len(m.Text) < 3 || !strings.Contains(r, nlp.Fold(m.Text)) {
			continue
		}
		if e := f.entity(m.EntityID, mi); e != nil && e.Type != veille.TypePER {
			out = append(out, e)
			if e.Type == veille.TypeORG {
				return []*veille.Entity{e}
			}
		}
	}
	return out
}

func (f *finder) entity(id string, _ int) *veille.Entity {
	if i, ok := f.entities().byID[id]; ok {
		return &f.an.Entities[i]
	}
	return nil
}

// countryName names the country of e: the article's country entity with
// the same code when there is one, else the code.
func (f *finder) countryName(e *veille.Entity) string {
	if e.Type == veille.TypeGPE && e.ID == "iso3166:"+e.Country {
		return e.Name
	}
	if g := f.entity("iso3166:"+e.Country, -1); g != nil {
		return g.Name
	}
	return e.Country
}

func (f *finder) anonymous(words []string) bool {
	if len(words) == 0 {
		return false
	}
	for i, w := range words {
		w = strings.Trim(w, ",.;:")
		if anonNouns[w] {
			return i == 0 || indefinite[words[0]] || numbers[words[0]] > 0 || strings.HasSuffix(w, "s")
		}
		if i > 3 {
			break
		}
	}
	return words[0] == "un" && len(words) > 1 && roleWords[words[1]]
}

func lastAnon(words []string) string {
	for _, w := range words {
		if anonNouns[w] {
			return w
		}
	}
	return ""
}

// stripDeterminer drops a leading article: "La Russie" → "Russie",
// "l'ONU" → "ONU".
func stripDeterminer(s string) string {
	for _, d := range []string{"le ", "la ", "les ", "l'", "l’", "the "} {
		if len(s) > len(d) && strings.EqualFold(s[:len(d)], d) {
			return strings.TrimSpace(s[len(d):])
		}
	}
	return s
}

// frFronted are the first words of an adverbial phrase fronted before a
// French subject ("Malgré les démentis, des journalistes ont signalé…").
var frFronted = set("malgre", "sur", "au", "aux", "apres", "avant", "dans", "en", "pour", "lors", "depuis",
	"pendant", "face", "outre", "parmi", "contrairement", "alors", "ainsi", "toutefois", "cependant",
	"pourtant", "a", "par", "sous", "vers", "durant", "hier")

// dropFronted cuts an adverbial phrase fronted before the subject off a
// French speaker span: "Malgré les démentis du Kremlin, des journalistes"
// is "des journalistes". A span whose first word opens no such phrase
// ("Baba Cissé, porte-parole") is kept.
func (f *finder) dropFronted(sp veille.Span) veille.Span {
	s := f.text[sp.Start:sp.End]
	i := strings.LastIndex(s, ",")
	if i < 0 {
		return sp
	}
	first := s
	if j := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '\'' || r == '’' }); j >= 0 {
		first = s[:j]
	}
	if !frFronted[nlp.Fold(first)] {
		return sp
	}
	start, end := trimSpace(f.text, sp.Start+i+1, sp.End)
	if start >= end {
		return sp
	}
	return veille.Span{Start: start, End: end}
}
