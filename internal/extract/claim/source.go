package claim

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// attribute finds, for each sentence, whether it is attributed and to
// whom: by a quotation of the quotations stage when one covers it, else by
// its attribution cue (selon X, X a déclaré, a dit X…), else by quote
// marks, in which case the source comes from the sentence of the same
// quotation that names the speaker.
func attribute(in Input, sents []*sentence) {
	pronoun := make([]bool, len(sents))
	quotations := newQuotationIndex(in.Quotations)
	for i, s := range sents {
		for k, h := range s.hits {
			if h.kind == kindReport {
				s.report = k
				break
			}
		}
		if q, ok := quotations.quotationFor(s.span); ok && !s.selfCited {
			s.attrib = true
			s.source, s.via, s.qid = q.Speaker, q.Via, q.ID
			if s.source == "" {
				s.source = q.SpeakerText
			}
			if q.CueSpan != nil && q.CueSpan.In(len(in.Text)) && q.CueSpan.Len() > 0 {
				s.qcue, s.srcCue = *q.CueSpan, *q.CueSpan
			} else if s.qopen < 0 {
				s.qopen = openingMark(in.Text, q.ContentSpan.Start)
			}
		}
		if s.report >= 0 {
			s.attrib = true
			if s.source == "" || bogusSpeaker(s.source) {
				var p bool
				s.source, s.via, p = sourceFromCue(in.Text, s, s.hits[s.report])
				pronoun[i] = p
				h := s.hits[s.report]
				s.srcCue = veille.Span{Start: s.toks[h.from].Start, End: s.toks[h.to-1].End}
			}
		}
		if stanceSubject(in.Text, s) {
			pronoun[i] = true
		}
		if s.quoted >= 0.5 {
			s.attrib = true
		}
	}
	// Sentences inside a multi-sentence quotation take the speaker named
	// in a later sentence of the quotation, or in the one before.
	for i, s := range sents {
		if !s.attrib || s.source != "" && !pronoun[i] {
			continue
		}
		if s.source == "" {
			for j := i + 1; j < len(sents) && j <= i+4 && sents[j-1].quoted >= 0.3; j++ {
				if sents[j].source != "" && !pronoun[j] {
					s.source, s.via = sents[j].source, sents[j].via
					break
				}
				if sents[j].quoted < 0.3 {
					break
				}
			}
		}
		if s.source == "" || pronoun[i] {
			for j := i - 1; j >= 0 && j >= i-4; j-- {
				if sents[j].source != "" && !pronoun[j] {
					s.source, s.via = sents[j].source, sents[j].via
					pronoun[i] = false
					break
				}
			}
		}
	}
}

// quotationIndex finds the quotations overlapping a span in time
// logarithmic in their number: the quotations sorted by content start,
// over which a segment tree keeps the greatest content end of each range.
type quotationIndex struct {
	qs     []veille.Quotation
	order  []int // indices into qs, by ContentSpan.Start
	maxEnd []int // segment tree over order: greatest ContentSpan.End
	size   int
}

func newQuotationIndex(qs []veille.Quotation) *quotationIndex {
	x := &quotationIndex{qs: qs, order: make([]int, len(qs))}
	for i := range qs {
		x.order[i] = i
	}
	sort.SliceStable(x.order, func(a, b int) bool {
		return qs[x.order[a]].ContentSpan.Start < qs[x.order[b]].ContentSpan.Start
	})
	x.size = 1
	for x.size < len(qs) {
		x.size *= 2
	}
	x.maxEnd = make([]int, 2*x.size)
	for i := range x.maxEnd {
		x.maxEnd[i] = math.MinInt
	}
	for k, i := range x.order {
		x.maxEnd[x.size+k] = qs[i].ContentSpan.End
	}
	for n := x.size - 1; n >= 1; n-- {
		x.maxEnd[n] = max(x.maxEnd[2*n], x.maxEnd[2*n+1])
	}
	return x
}

// overlapping calls f with the index in qs of every quotation whose
// content starts before sp.End and ends after sp.Start.
func (x *quotationIndex) overlapping(sp veille.Span, f func(i int)) {
	if len(x.qs) == 0 {
		return
	}
	// Only the quotations starting before sp.End: a prefix of order.
	upto := sort.Search(len(x.order), func(k int) bool { return x.qs[x.order[k]].ContentSpan.Start >= sp.End })
	var walk func(n, lo, hi int)
	walk = func(n, lo, hi int) {
		if lo >= upto || x.maxEnd[n] <= sp.Start {
			return
		}
		if hi-lo == 1 {
			f(x.order[lo])
			return
		}
		mid := (lo + hi) / 2
		walk(2*n, lo, mid)
		walk(2*n+1, mid, hi)
	}
	walk(1, 0, x.size)
}

// quotationFor returns the quotation covering most of sp, if it covers at
// least half of it or has its cue inside sp (the earliest in qs on a tie).
func (x *quotationIndex) quotationFor(sp veille.Span) (veille.Quotation, bool) {
	best, bestOv := -1, 0
	x.overlapping(sp, func(i int) {
		q := x.qs[i]
		ov := min(q.ContentSpan.End, sp.End) - max(q.ContentSpan.Start, sp.Start)
		if ov <= 0 {
			return
		}
		cueIn := q.CueSpan != nil && q.CueSpan.Start >= sp.Start && q.CueSpan.End <= sp.End
		if 2*ov < sp.Len() && !cueIn {
			return
		}
		if q.Cue == "" && q.Speaker == "" && q.SpeakerText == "" {
			return // nobody speaks: not an attribution
		}
		if ov > bestOv || ov == bestOv && i < best {
			best, bestOv = i, ov
		}
	})
	if best < 0 {
		return veille.Quotation{}, false
	}
	return x.qs[best], true
}

// agencies are outlets that appear as intermediaries of a source chain.
var agencies = map[string]string{
	"reuters": "Reuters", "afp": "AFP", "l'afp": "AFP", "ap": "AP", "associated press": "AP",
	"bloomberg": "Bloomberg", "rfi": "RFI", "tass": "TASS", "xinhua": "Xinhua", "dpa": "DPA",
	"anadolu": "Anadolu", "efe": "EFE", "ansa": "ANSA", "rt": "RT", "sputnik": "Sputnik",
	"al jazeera": "Al Jazeera", "cnn": "CNN", "france 24": "France 24", "jeune afrique": "Jeune Afrique",
}

// stopNP ends a noun phrase read after a cue.
var stopNP = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "«": true, "»": true, "\"": true, "“": true, "”": true,
	"(": true, ")": true, "!": true, "?": true, "—": true, "–": true,
	"lors": true, "dans": true, "a": true, "au": true, "aux": true, "sur": true, "que": true, "qu'": true,
	"qui": true, "lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true,
	"samedi": true, "dimanche": true, "hier": true, "pendant": true, "apres": true, "avant": true,
	"on": true, "in": true, "at": true, "that": true, "to": true, "who": true, "during": true,
}

// participles after which « par X » names the intermediary.
var viaParticiples = map[string]bool{
	"citees": true, "cites": true, "citee": true, "cite": true, "interrogees": true, "interroges": true,
	"interrogee": true, "interroge": true, "contactees": true, "contactes": true, "contacte": true,
	"contactee": true, "quoted": true, "cited": true, "interviewed": true,
}

// sourceFromCue reads the source named around the attribution cue h, and
// the intermediary of the chain when one is named; pronoun is set when the
// source is only a pronoun (« a-t-il dit »), to be resolved from context.
func sourceFromCue(text string, s *sentence, h hit) (source, via string, pronoun bool) {
	w := s.words
	first := w[h.from]
	last := w[h.to-1]
	var from, to int
	switch {
	case first == "selon" || first == "d'" || first == "according" || first == "de":
		if h.to < len(w) && (w[h.to] == "lesquels" || w[h.to] == "lesquelles" || w[h.to] == "laquelle" || w[h.to] == "lequel") || last == "lesquels" || last == "lesquelles" || last == "laquelle" || last == "lequel" {
			return "", "", false
		}
		from = h.to
		if first == "de" {
			from = h.to - 1 // « sources » is part of the source
		}
		to = npEnd(w, from, true)
	case strings.Contains(last, "-t-") || strings.HasSuffix(last, "-il") || strings.HasSuffix(last, "-elle") ||
		strings.HasSuffix(last, "-ils") || strings.HasSuffix(last, "-elles"):
		return "", viaAfter(w, h.to, text, s), true
	default:
		before := h.from > 0 && isPunct(w[h.from-1])
		if !before && h.from > 0 {
			// Preposed subject, past adverbs, auxiliaries and incises.
			if f, t, ok := subjectSpan(w, h.from); ok {
				from, to = f, t
			}
		}
		if from >= to {
			from = h.to
			to = npEnd(w, from, false)
			// « a dit le porte-parole, Baba Cissé »: the name in apposition.
			if to+1 < len(w) && w[to] == "," {
				e := to + 1
				for e < len(w) && !isPunct(w[e]) && isUpperStart(text[s.toks[e].Start:s.toks[e].End]) {
					e++
				}
				if e > to+1 && (e == len(w) || isPunct(w[e])) {
					from, to = to+1, e
				}
			}
		}
	}
	if from >= to {
		return "", viaAfter(w, h.to, text, s), false
	}
	source = text[s.toks[from].Start:s.toks[to-1].End]
	// « Quatre sources interrogées par Reuters »: source and intermediary.
	for k := from; k < to-2; k++ {
		if viaParticiples[w[k]] && (w[k+1] == "par" || w[k+1] == "by") {
			via = agencyOrText(text, s, k+2, min(to, npEnd(w, k+2, true)))
			source = text[s.toks[from].Start:s.toks[k-1].End]
			break
		}
	}
	if a, ok := agencies[nlp.Fold(source)]; ok {
		return a, "", false
	}
	if via == "" {
		via = viaAfter(w, h.to, text, s)
	}
	if source == "il" || source == "elle" || source == "ils" || source == "elles" || source == "qui" ||
		source == "he" || source == "she" || source == "they" {
		return "", via, true
	}
	return source, via, false
}

// leadWords are skipped at the start of a preposed subject.
var leadWords = map[string]bool{
	"et": true, "mais": true, "alors": true, "cependant": true, "pourtant": true, "donc": true,
	"ainsi": true, "enfin": true, "and": true, "but": true,
}

// npEnd returns the end of the noun phrase starting at from.
func npEnd(w []string, from int, long bool) int {
	limit := 10
	if long {
		limit = 14
	}
	to := from
	for to < len(w) && to-from < limit && (!stopNP[w[to]] || w[to] == "." && to > from && titleAbbrevs[w[to-1]]) {
		to++
	}
	return to
}

// titleAbbrevs are the abbreviated titles whose full stop does not end a
// name: « selon M. Mudibo », "according to Gen. Smith".
var titleAbbrevs = map[string]bool{"m": true, "mme": true, "mlle": true, "mm": true, "dr": true, "pr": true,
	"me": true, "mgr": true, "mr": true, "mrs": true, "ms": true, "gen": true, "col": true, "lt": true,
	"sgt": true, "capt": true, "sen": true, "rep": true, "gov": true, "prof": true, "st": true}

// viaAfter finds « à Reuters », « à l'AFP », « told Reuters » after a cue.
func viaAfter(w []string, i int, text string, s *sentence) string {
	for k := i; k < min(len(w), i+4); k++ {
		if w[k] == "a" || w[k] == "told" || w[k] == "to" {
			for j := k + 1; j < min(len(w), k+4); j++ {
				key := w[j]
				if j+1 < len(w) {
					if a, ok := agencies[key+" "+w[j+1]]; ok {
						return a
					}
				}
				if a, ok := agencies[key]; ok {
					return a
				}
				if key != "l'" && key != "la" && key != "le" {
					break
				}
			}
		}
	}
	return ""
}

func agencyOrText(text string, s *sentence, from, to int) string {
	if from >= to {
		return ""
	}
	t := text[s.toks[from].Start:s.toks[to-1].End]
	if a, ok := agencies[nlp.Fold(t)]; ok {
		return a
	}
	return t
}

func isPunct(w string) bool {
	if w == "" {
		return true
	}
	for _, r := range w {
		if r == '\'' || r == '-' {
			return false
		}
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 && !strings.ContainsRune("«»“”„‹›—–…", r))
	}
	return false
}

// openingMark returns the offset of the quote mark that opens a quotation
// whose content starts at i (spaces between them skipped), -1 when none.
func openingMark(text string, i int) int {
	for i > 0 && i <= len(text) {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == ' ' || r == '\u00a0' || r == '\u202f':
			i -= n
			continue
		case strings.ContainsRune("«“„‹\"»”›", r):
			return i - n
		}
		break
	}
	return -1
}
