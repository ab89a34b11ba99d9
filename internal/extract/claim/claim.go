// Package claim finds the claims of an article — one per sentence, or one
// per clause when a sentence joins clauses of different certainty — with
// their certainty, the cues that decided it, their source and source chain,
// their polarity, and which claims deny or confirm which.
//
// The certainty labels and their precedence (denied > questioned > hedged >
// future > opinion > reported > asserted) are those of the quotes-claims-fr
// gold set. Cues come from embedded lists (data/fr.tsv, data/en.tsv), plus
// French morphology: the conditional (serait, aurait, pourrait…) and the
// futur simple (sera, se rendront…). Quotations found by an earlier stage
// give sources when present; without them, attribution is found from cues
// (selon, d'après, a déclaré, said…) and from quote marks.
//
//	c := claim.New()
//	claims := c.Claims(claim.Input{Text: text, Lang: "fr", Sentences: seg.Sentences})
//
// Claims is pure: text in, values with byte spans out.
package claim

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// Input is what Claims reads. Spans are byte offsets into Text.
type Input struct {
	Text string
	Lang string // "fr" or "en"; other languages get no claims
	// Sentences are the sentences to classify (headings excluded: they
	// are never claims).
	Sentences []veille.Span
	// Quotations found by the quotations stage, if it ran; they give the
	// source of the sentences they cover.
	Quotations []veille.Quotation
	// Outlet ends every source chain when not "".
	Outlet string
}

// Classifier labels sentences. It is safe for concurrent use.
type Classifier struct {
	lex map[string]*lexicon
}

// Langs lists the languages Claims covers.
var Langs = []string{"fr", "en"}

// New returns a classifier over the embedded cue lists.
func New() *Classifier {
	c := &Classifier{lex: map[string]*lexicon{}}
	for _, l := range Langs {
		lx, err := loadLexicon(l)
		if err != nil {
			panic(err) // embedded data: a broken file is a build bug
		}
		c.lex[l] = lx
	}
	return c
}

// sentence is the working state of one sentence.
type sentence struct {
	span   veille.Span
	toks   []nlp.Token
	words  []string // folded tokens, punctuation as itself
	hits   []hit
	quoted float64 // share of the sentence's bytes inside quote marks
	qmark  int     // byte offset of the first quote mark, -1 when none
	source string
	via    string
	qid    string
	attrib bool // attributed to a source (cue, quote marks or quotation)
	// selfCited is set when the outlet cites itself (« selon nos
	// informations »): no quotation attributes the sentence then.
	selfCited bool
	report    int // index in hits of the attribution cue, -1 when none
	// srcCue is the span of the cue that gave the source (the quotation's
	// cue or the attribution cue), zero when none.
	srcCue veille.Span
	// qcue is the cue of the quotation covering the sentence, when it has
	// one: a reported sentence without a cue of its own cites it.
	qcue veille.Span
	// qopen is the offset of the opening mark of the quote region the
	// sentence starts in, -1 when none.
	qopen int
	// stance is the token range of the denial or stance verb whose subject
	// gave the source (« The Treasury believes »), to <= 0 when none.
	stance clause
}

// Claims returns the claims of in, in text order, with IDs "c1", "c2"….
func (c *Classifier) Claims(in Input) []veille.Claim {
	lx := c.lex[in.Lang]
	if lx == nil {
		return nil
	}
	regions := quoteRegions(in.Text)
	sents := make([]*sentence, 0, len(in.Sentences))
	for _, sp := range in.Sentences {
		if !sp.In(len(in.Text)) || sp.Len() == 0 {
			continue
		}
		s := &sentence{span: sp, qmark: -1, qopen: -1, report: -1}
		s.toks = nlp.Tokenize(in.Text, sp.Start, sp.End)
		s.words = make([]string, len(s.toks))
		for i, t := range s.toks {
			s.words[i] = nlp.Fold(in.Text[t.Start:t.End])
		}
		s.hits = lx.find(s.words)
		if in.Lang == "fr" {
			s.hits = append(s.hits, frenchMorphology(in.Text, s)...)
		}
		if in.Lang == "en" {
			s.hits = monthMay(in.Text, s)
		}
		s.hits = notDenied(s.words, concessive(s.words, s.hits))
		for _, h := range s.hits {
			if h.kind == kindNeutral && (s.words[h.from] == "selon" || s.words[h.from] == "d'") {
				s.selfCited = true
			}
		}
		if boilerplate(s.words) {
			continue // navigation or feed boilerplate: no claim
		}
		s.hits = refusals(s.words, subordinate(s.words, neutralise(s.hits)))
		if q := lastRune(in.Text[sp.Start:sp.End]); q == '?' {
			n := len(s.toks)
			s.hits = append(s.hits, hit{kind: kindQuestioned, from: n - 1, to: n})
		}
		s.quoted, s.qmark, s.qopen = coverage(in.Text, sp, regions)
		sents = append(sents, s)
	}
	attribute(in, sents)
	var out []veille.Claim
	for i, s := range sents {
		for _, cl := range clauses(s) {
			out = append(out, build(in, s, cl, i))
		}
	}
	for i := range out {
		out[i].ID = "c" + strconv.Itoa(i+1)
	}
	link(in, out)
	return out
}

// neutralise drops the hits that a neutral cue covers (« selon nos
// informations » is the outlet itself; « il faut noter » recommends
// nothing).
func neutralise(hs []hit) []hit {
	var neutral []hit
	for _, h := range hs {
		if h.kind == kindNeutral {
			neutral = append(neutral, h)
		}
	}
	if len(neutral) == 0 {
		return hs
	}
	out := hs[:0]
	for _, h := range hs {
		drop := h.kind == kindNeutral
		for _, n := range neutral {
			if h.from < n.to && n.from < h.to {
				drop = true
			}
		}
		if !drop {
			out = append(out, h)
		}
	}
	return out
}

// subordinate drops the opinion cues of relative and purpose clauses
// (« des manifestants qui exigent… », « pour dénoncer… ») and the future
// cues in the complement of an opinion verb (« espère que ces précédents
// encourageront… »): opinion and future are judged on the main claim.
func subordinate(ws []string, hs []hit) []hit {
	// A future cue is in an opinion's complement when a « que » stands
	// between the end of some opinion cue before it and the cue: with
	// m the earliest end of an opinion cue, when a « que » stands in
	// [m, h.from). queBefore[i] counts the « que » before word i, so the
	// check is linear in the sentence whatever its number of cues.
	m := len(ws)
	for _, o := range hs {
		if o.kind == kindOpinion {
			m = min(m, o.to)
		}
	}
	var queBefore []int
	if m < len(ws) {
		queBefore = make([]int, len(ws)+1)
		for i, w := range ws {
			queBefore[i+1] = queBefore[i]
			if w == "que" || w == "qu'" {
				queBefore[i+1]++
			}
		}
	}
	out := hs[:0]
	for _, h := range hs {
		drop := false
		switch h.kind {
		case kindOpinion:
			for j := h.from - 1; j >= max(0, h.from-3); j-- {
				if ws[j] == "qui" || ws[j] == "pour" || ws[j] == "who" {
					drop = true
				}
				if isPunct(ws[j]) && ws[j] != "«" && ws[j] != "\"" {
					break
				}
			}
		case kindFuture:
			drop = m < h.from && queBefore[h.from]-queBefore[m] > 0
		}
		if !drop {
			out = append(out, h)
		}
	}
	return out
}

// monthMay drops the modal cue "may" where the word is the month or a
// name: written "May" inside the sentence ("between May 2022 and May
// 2023", "Theresa May said"), or before a number at its start ("May 5
// was…").
func monthMay(text string, s *sentence) []hit {
	out := s.hits[:0]
	title := -1 // titleCased(text, s.toks) once computed: 0 or 1
	for _, h := range s.hits {
		if h.kind == kindHedged && h.to == h.from+1 && s.words[h.from] == "may" {
			t := s.toks[h.from]
			next := ""
			if h.from+1 < len(s.toks) {
				next = s.words[h.from+1]
			}
			if text[t.Start] == 'M' && (h.from > 0 || next != "" && next[0] >= '0' && next[0] <= '9') {
				continue
			}
		}
		// "Will Smith said", "May Jones said": a first name before a
		// capitalised word, not a modal.
		if (h.kind == kindHedged || h.kind == kindFuture) && h.to == h.from+1 && (s.words[h.from] == "may" || s.words[h.from] == "will") && h.from+1 < len(s.toks) {
			if t, n := s.toks[h.from], s.toks[h.from+1]; n.Kind == nlp.Word && n.Start > t.End && unicode.IsUpper(firstRuneOf(text[t.Start:])) && unicode.IsUpper(firstRuneOf(text[n.Start:])) && text[n.Start:n.End] != "I" {
				if title < 0 {
					title = 0
					if titleCased(text, s.toks) {
						title = 1
					}
				}
				if title == 0 {
					continue
				}
			}
		}
		out = append(out, h)
	}
	return out
}

// titleCased reports whether most words of a sentence of four words or
// more are capitalised, as in headlines ("Cape Breton Will Welcome
// Refugees"), where a capitalised modal is still a modal.
func titleCased(text string, toks []nlp.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.Kind != nlp.Word {
			continue
		}
		words++
		if unicode.IsUpper(firstRuneOf(text[t.Start:])) {
			caps++
		}
	}
	return words >= 4 && caps*10 > words*6
}

func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// notDenied drops a denial cue that is itself negated ("did not deny the
// report", « n'a pas démenti »): not denying is no denial.
func notDenied(ws []string, hs []hit) []hit {
	out := hs[:0]
	for _, h := range hs {
		if h.kind == kindDenied {
			neg := false
			for j := h.from - 1; j >= max(0, h.from-3); j-- {
				if w := ws[j]; w == "not" || strings.HasSuffix(w, "n't") || w == "never" || w == "pas" || w == "jamais" || w == "nobody" || w == "personne" && j == 0 {
					neg = true
				}
			}
			// « ne dément pas », « n'a jamais nié »: the negation
			// around a French verb.
			if h.from > 0 && (ws[h.from-1] == "ne" || ws[h.from-1] == "n'") {
				for j := h.to; j < min(len(ws), h.to+2); j++ {
					if ws[j] == "pas" || ws[j] == "jamais" || ws[j] == "plus" || ws[j] == "nullement" {
						neg = true
					}
				}
			}
			if neg {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// concessive drops the denial and doubt cues of a concession that opens
// the sentence and ends at a comma (« Malgré les démentis du Kremlin, des
// journalistes ont signalé… », "Despite denials by Moscow, reporters
// found…"): the main clause asserts what the concession's denial
// concerns; it is not itself denied.
func concessive(ws []string, hs []hit) []hit {
	n := 0
	switch {
	case len(ws) > 1 && (ws[0] == "malgre" || ws[0] == "despite"):
		n = 1
	case len(ws) > 3 && (ws[0] == "en" && ws[1] == "depit" || ws[0] == "in" && ws[1] == "spite" && ws[2] == "of"):
		n = 2
	default:
		return hs
	}
	comma := -1
	for i := n; i < len(ws); i++ {
		if ws[i] == "," {
			comma = i
			break
		}
	}
	if comma < 0 {
		return hs
	}
	out := hs[:0]
	for _, h := range hs {
		if (h.kind == kindDenied || h.kind == kindQuestioned) && h.to <= comma {
			continue
		}
		out = append(out, h)
	}
	return out
}

func lastRune(s string) rune {
	s = strings.TrimRight(s, " \u00a0\u202f»\"”’)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// clause is a token range of a sentence.
type clause struct{ from, to int }

// clauses splits a sentence where « et » or « ; » joins a clause carried by
// a modal or future verb to the one before it («l'accord sera conclu … et
// pourrait porter sur …»), so that each gets its own certainty. Most
// sentences are one clause.
func clauses(s *sentence) []clause {
	var cuts []int
	depth, straight := 0, false // inside quote marks: no cut ("Yes; no," said Paul)
	for i, w := range s.words {
		switch w {
		case "«", "“":
			depth++
		case "»", "”":
			depth = max(0, depth-1)
		case "\"":
			straight = !straight
		}
		if i == 0 || i+1 >= len(s.words) || depth > 0 || straight {
			continue
		}
		if w == ";" || w == "et" && clauseVerbs[s.words[i+1]] {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) == 0 {
		return []clause{{0, len(s.toks)}}
	}
	var out []clause
	from := 0
	for _, c := range cuts {
		if c > from {
			out = append(out, clause{from, c})
		}
		from = c
		if s.words[c] == ";" {
			from = c + 1
		}
	}
	if from < len(s.toks) {
		out = append(out, clause{from, len(s.toks)})
	}
	return out
}

var clauseVerbs = map[string]bool{
	"pourrait": true, "pourraient": true, "devrait": true, "devraient": true, "serait": true,
	"seraient": true, "aurait": true, "auraient": true, "sera": true, "seront": true, "va": true,
	"vont": true, "pourra": true, "pourront": true,
}

// build makes the claim of clause cl of sentence s.
func build(in Input, s *sentence, cl clause, idx int) veille.Claim {
	start := s.toks[cl.from].Start
	end := s.toks[cl.to-1].End
	if cl.from == 0 {
		start = s.span.Start
	}
	if cl.to == len(s.toks) {
		end = s.span.End
	}
	best := numKinds
	bestHit := -1
	for i, h := range s.hits {
		if h.kind >= kindReport || h.from < cl.from || h.from >= cl.to {
			continue
		}
		if h.kind < best {
			best, bestHit = h.kind, i
		}
	}
	label := veille.CertaintyAsserted
	if best < kindReport {
		label = best.label()
	} else if s.attrib {
		label = veille.CertaintyReported
	}
	c := veille.Claim{
		Text:      in.Text[start:end],
		Span:      veille.Span{Start: start, End: end},
		Certainty: label,
		Negated:   negated(s.words[cl.from:cl.to], in.Lang),
		Cues:      []string{},
	}
	addCue := func(from, to int) {
		sp := veille.Span{Start: s.toks[from].Start, End: s.toks[to-1].End}
		for _, x := range c.CueSpans {
			if x == sp {
				return
			}
		}
		c.Cues = append(c.Cues, in.Text[sp.Start:sp.End])
		c.CueSpans = append(c.CueSpans, sp)
	}
	if bestHit >= 0 {
		h := s.hits[bestHit]
		addCue(h.from, h.to)
	}
	via := ""
	if s.attrib {
		c.Source = oneSpace(s.source)
		c.QuotationID = s.qid
		via = oneSpace(s.via)
		mark := func(at int) {
			_, n := utf8.DecodeRuneInString(in.Text[at:])
			sp := veille.Span{Start: at, End: at + n}
			c.Cues = append(c.Cues, in.Text[sp.Start:sp.End])
			c.CueSpans = append(c.CueSpans, sp)
		}
		switch {
		case s.report >= 0:
			h := s.hits[s.report]
			addCue(h.from, h.to)
		case label != veille.CertaintyReported:
		case s.qmark >= 0:
			mark(s.qmark)
		case s.qcue.Len() > 0:
			// The cue of the quotation that carries the sentence, said
			// before or after it (« accusing… », a later « a-t-il dit »).
			c.Cues = append(c.Cues, in.Text[s.qcue.Start:s.qcue.End])
			c.CueSpans = append(c.CueSpans, s.qcue)
		case s.qopen >= 0:
			mark(s.qopen)
		case s.stance.to > 0:
		default:
			// Nothing in the text reports it: the outlet's own voice.
			label, c.Certainty = veille.CertaintyAsserted, veille.CertaintyAsserted
			c.Source, c.QuotationID, via = "", "", ""
		}
	}
	if s.attrib && s.report < 0 && label != veille.CertaintyAsserted {
		switch {
		case s.stance.to > 0:
			addCue(s.stance.from, s.stance.to)
		case s.qcue.Len() > 0 && s.qcue.Start >= start && s.qcue.End <= end &&
			!slices.ContainsFunc(c.CueSpans, func(x veille.Span) bool { return x.Start < s.qcue.End && s.qcue.Start < x.End }):
			// The attribution cue of the quotation, after the modality cue.
			c.Cues = append(c.Cues, in.Text[s.qcue.Start:s.qcue.End])
			c.CueSpans = append(c.CueSpans, s.qcue)
		}
	}
	// The chain, nearest source first, ends at the outlet; a claim in the
	// outlet's own voice has a chain reduced to the outlet (none when the
	// outlet is unknown). White space is one plain space, as in Source.
	if c.Source != "" {
		c.Chain = append(c.Chain, c.Source)
	}
	if via != "" && !strings.EqualFold(via, c.Source) {
		c.Chain = append(c.Chain, via)
	}
	if o := oneSpace(in.Outlet); o != "" && (len(c.Chain) == 0 || !strings.EqualFold(o, c.Chain[len(c.Chain)-1])) {
		c.Chain = append(c.Chain, o)
	}
	if label == veille.CertaintyAsserted {
		c.Cues, c.CueSpans = []string{}, nil
	}
	return c
}

// negated reports whether the words carry a grammatical negation.
func negated(ws []string, lang string) bool {
	for i, w := range ws {
		switch lang {
		case "fr":
			if w == "ne" || w == "n'" {
				for _, x := range ws[i+1 : min(len(ws), i+5)] {
					switch x {
					case "pas", "plus", "jamais", "aucun", "aucune", "rien", "guere", "personne", "nullement":
						return true
					}
				}
			}
		case "en":
			switch w {
			case "not", "never", "no", "n't", "nobody", "nothing":
				return true
			}
			if strings.HasSuffix(w, "n't") {
				return true
			}
		}
	}
	return false
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
