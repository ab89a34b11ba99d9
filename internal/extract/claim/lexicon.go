package claim

import (
	"bufio"
	"embed"
	"fmt"
	"strings"

	"github.com/veille/veille/internal/nlp"
)

//go:embed data/*.tsv
var dataFS embed.FS

// kind is what a cue says about a sentence.
type kind uint8

// Cue kinds, from the strongest certainty label down; report marks an
// attribution and neutral cancels one (the outlet citing itself) or an
// opinion cue (discourse markers such as « il faut noter »).
const (
	kindDenied kind = iota
	kindQuestioned
	kindHedged
	kindFuture
	kindOpinion
	kindReport
	kindNeutral
	numKinds
)

var kindNames = map[string]kind{
	"denied": kindDenied, "questioned": kindQuestioned, "hedged": kindHedged,
	"future": kindFuture, "opinion": kindOpinion, "report": kindReport, "neutral": kindNeutral,
}

// label returns the certainty label of a modality kind.
func (k kind) label() string {
	switch k {
	case kindDenied:
		return "denied"
	case kindQuestioned:
		return "questioned"
	case kindHedged:
		return "hedged"
	case kindFuture:
		return "future"
	case kindOpinion:
		return "opinion"
	case kindReport:
		return "reported"
	}
	return "asserted"
}

// pattern is one cue phrase: folded words, each exact or a prefix (a word
// written with a final *), or any word (_).
type pattern struct {
	kind  kind
	words []string
	pref  []bool
}

// lexicon holds the cue patterns of one language, indexed by their first
// word (exact first words) or kept apart (prefix and wildcard first words).
type lexicon struct {
	byFirst map[string][]*pattern
	other   []*pattern
}

// loadLexicon reads data/<lang>.tsv.
func loadLexicon(lang string) (*lexicon, error) {
	f, err := dataFS.Open("data/" + lang + ".tsv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lx := &lexicon{byFirst: map[string][]*pattern{}}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		label, phrase, ok := strings.Cut(line, "\t")
		k, known := kindNames[label]
		if !ok || !known {
			return nil, fmt.Errorf("claim: data/%s.tsv:%d: want LABEL<TAB>PHRASE with a known label", lang, n)
		}
		p := &pattern{kind: k}
		for _, w := range strings.Fields(phrase) {
			pref := strings.HasSuffix(w, "*")
			w = nlp.Fold(strings.TrimSuffix(w, "*"))
			p.words = append(p.words, w)
			p.pref = append(p.pref, pref)
		}
		if len(p.words) == 0 {
			continue
		}
		if p.pref[0] || p.words[0] == "_" {
			lx.other = append(lx.other, p)
		} else {
			lx.byFirst[p.words[0]] = append(lx.byFirst[p.words[0]], p)
		}
	}
	return lx, sc.Err()
}

// match reports whether p matches the folded words ws from i on, and the
// index after the match.
func (p *pattern) match(ws []string, i int) (int, bool) {
	j := i
	for k, w := range p.words {
		// Adverbs may stand inside a phrase: « a toutefois démenti ».
		for k > 0 && j < len(ws) && adverbs[ws[j]] && ws[j] != w {
			j++
		}
		if j >= len(ws) {
			return 0, false
		}
		got := ws[j]
		switch {
		case w == "_":
		case p.pref[k]:
			if !strings.HasPrefix(got, w) {
				return 0, false
			}
		case got != w:
			return 0, false
		}
		j++
	}
	return j, true
}

// adverbs are skipped inside cue phrases.
var adverbs = map[string]bool{
	"notamment": true, "egalement": true, "aussi": true, "deja": true, "toutefois": true,
	"ensuite": true, "pourtant": true, "donc": true, "encore": true, "ainsi": true, "alors": true,
	"cependant": true, "finalement": true, "neanmoins": true, "publiquement": true,
	"officiellement": true, "formellement": true, "fermement": true, "categoriquement": true,
	"also": true, "later": true, "however": true, "previously": true, "already": true,
}

// hit is one cue found: its kind and its token range [from, to).
type hit struct {
	kind     kind
	from, to int
}

// find returns every cue of lx in the folded words ws; overlapping hits of
// one kind keep the longest.
func (lx *lexicon) find(ws []string) []hit {
	var out []hit
	var reach [numKinds]int // the furthest end of the hits of each kind so far
	for i, w := range ws {
		best := [numKinds]int{}
		for _, p := range lx.byFirst[w] {
			if end, ok := p.match(ws, i); ok && end > best[p.kind] {
				best[p.kind] = end
			}
		}
		for _, p := range lx.other {
			if end, ok := p.match(ws, i); ok && end > best[p.kind] {
				best[p.kind] = end
			}
		}
		for k, end := range best {
			if end == 0 {
				continue
			}
			// Skip a hit inside a longer one of the same kind found
			// earlier: all start at or before i, so one reaching end
			// or further holds it.
			if end > reach[k] {
				out = append(out, hit{kind: kind(k), from: i, to: end})
				reach[k] = end
			}
		}
	}
	return out
}
