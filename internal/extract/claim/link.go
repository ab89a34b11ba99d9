package claim

import (
	"sort"
	"strings"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// link fills Denies and Confirms. A denial or a confirmation bears on the
// earlier claims that are not yet settled (hedged, future or reported)
// and come from another source: those sharing at least two content words
// with it, or, when a denial names nothing of its own (« Ce sont des
// rumeurs »), every such claim made by a named source. A warning by
// another source (« a prévenu », warned) is a stance, never a target.
//
// The unsettled claims are indexed by content word as they go by, so that
// a denial only visits the claims sharing a word with it, not all those
// before it.
func link(in Input, cs []veille.Claim) {
	settles := make([]bool, len(cs))
	anySettles := false
	for i := range cs {
		c := &cs[i]
		if c.Certainty == veille.CertaintyDenied || confirms(c.Cues) {
			settles[i], anySettles = true, true
		}
	}
	if !anySettles {
		return
	}
	holding := map[string][]int{} // content word → unsettled claims with it, in order
	var sourced []int             // unsettled claims with a source, in order
	count := map[int]int{}
	for i := range cs {
		c := &cs[i]
		var words map[string]bool
		if settles[i] {
			words = contentWords(in.Text, *c)
			confirm := c.Certainty != veille.CertaintyDenied
			clear(count)
			var shared []int
			for w := range words {
				for _, j := range holding[w] {
					count[j]++
					if count[j] == 2 {
						shared = append(shared, j)
					}
				}
			}
			sort.Ints(shared)
			var ids []string
			for _, j := range shared {
				if t := &cs[j]; (t.Source == "" || !strings.EqualFold(t.Source, c.Source)) && !warning(t.Cues) {
					ids = append(ids, t.ID)
				}
			}
			if len(ids) == 0 && !confirm && unspecific(c.Cues) {
				for _, j := range sourced {
					if !strings.EqualFold(cs[j].Source, c.Source) && !warning(cs[j].Cues) {
						ids = append(ids, cs[j].ID)
					}
				}
			}
			if confirm {
				c.Confirms = ids
			} else {
				c.Denies = ids
			}
		}
		switch c.Certainty {
		case veille.CertaintyHedged, veille.CertaintyFuture, veille.CertaintyReported:
		default:
			continue
		}
		if words == nil {
			words = contentWords(in.Text, *c)
		}
		for w := range words {
			holding[w] = append(holding[w], i)
		}
		if c.Source != "" {
			sourced = append(sourced, i)
		}
	}
}

// unspecific reports whether a denial cue names no claim of its own: a
// rumour, « c'est faux », a fake.
func unspecific(cues []string) bool {
	for _, c := range cues {
		f := nlp.Fold(c)
		for _, w := range []string{"rumeur", "rumor", "rumour", "faux", "fausse", "false", "fake", "mensonge", "infonde", "untrue"} {
			if strings.Contains(f, w) {
				return true
			}
		}
	}
	return false
}

// warning reports whether a claim is a warning or a judgement of its
// source (« a prévenu », « a mis en garde », warned): a stance, not a
// report of facts that a denial could reject.
func warning(cues []string) bool {
	for _, c := range cues {
		f := nlp.Fold(c)
		for _, w := range []string{"prevenu", "previent", "averti", "mis en garde", "met en garde", "alerte", "warn", "caution"} {
			if strings.Contains(f, w) {
				return true
			}
		}
	}
	return false
}

func confirms(cues []string) bool {
	for _, c := range cues {
		f := nlp.Fold(c)
		if strings.Contains(f, "confirm") && !strings.Contains(f, "pas") && !strings.Contains(f, "not") {
			return true
		}
	}
	return false
}

// contentWords returns the folded words of at least five letters of a
// claim, cue words and common function words left out.
func contentWords(text string, c veille.Claim) map[string]bool {
	cue := map[string]bool{}
	for _, s := range c.Cues {
		for _, t := range nlp.Tokenize(s, 0, len(s)) {
			cue[nlp.Fold(t.Text(s))] = true
		}
	}
	out := map[string]bool{}
	for _, t := range nlp.Tokenize(text, c.Span.Start, c.Span.End) {
		if t.Kind != nlp.Word || t.End-t.Start < 5 {
			continue
		}
		w := nlp.Fold(t.Text(text))
		if cue[w] || functionWords[w] {
			continue
		}
		out[strings.TrimSuffix(w, "s")] = true
	}
	return out
}

var functionWords = map[string]bool{
	"selon": true, "apres": true, "avant": true, "depuis": true, "pendant": true, "entre": true,
	"leurs": true, "cette": true, "celui": true, "celle": true, "ceux": true, "elles": true, "notre": true,
	"votre": true, "autre": true, "autres": true, "aussi": true, "encore": true, "toute": true, "toutes": true,
	"about": true, "after": true, "their": true, "there": true, "which": true, "would": true, "these": true,
	"those": true, "other": true, "where": true, "while": true,
}
