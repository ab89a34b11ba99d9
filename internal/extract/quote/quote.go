// Package quote finds quotations — direct (between quote marks, broken
// marks included) and indirect ("X a déclaré que …", "selon X, …", "X said
// …") — with their reporting cue, speaker, anonymous-source count,
// affiliation and source chain (via), in French and English.
//
//	qs := quote.Find(quote.Input{Text: text, Lang: "fr", Paragraphs: ps, Sentences: ss}, an)
//
// Find reads the entities already in an (persons with roles,
// organizations, nationalities) to resolve speakers; it is pure: text in,
// quotations with byte spans out.
package quote

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// Extractor is the quotations stage: Name, Version and Langs for the
// pipeline (package extract adapts it), Apply to run it.
type Extractor struct{}

// Name is the stage's stable name.
func (Extractor) Name() string { return "quotes" }

// Version grows when the output changes.
func (Extractor) Version() int { return 4 }

// Langs lists the languages covered: French and English.
func (Extractor) Langs() []string { return []string{"fr", "en"} }

// Input is what Find reads: the text, its language and its segmentation.
type Input struct {
	Text       string
	Lang       string
	Paragraphs []veille.Span
	Sentences  []veille.Span
}

// Apply sets an.Quotations to what Find returns.
func (Extractor) Apply(in Input, an *veille.Analysis) {
	an.Quotations = Find(in, an)
}

// Find returns the quotations of in.Text in text order. an may be nil;
// when given, its entities and mentions resolve speakers.
func Find(in Input, an *veille.Analysis) []veille.Quotation {
	lx := lexicons[in.Lang]
	if lx == nil {
		lx = lexicons["en"]
		if in.Lang != "en" && in.Lang != "" {
			return nil
		}
	}
	f := &finder{text: in.Text, lang: in.Lang, lx: lx, an: an, sents: in.Sentences, sentsOK: orderedSpans(in.Sentences)}
	if an != nil {
		f.ments = newMentionIndex(an.Mentions)
	}
	if f.lang == "" {
		f.lang = "en"
	}
	paras := in.Paragraphs
	if len(paras) == 0 && len(in.Text) > 0 {
		paras = []veille.Span{{Start: 0, End: len(in.Text)}}
	}
	for _, p := range paras {
		first := len(f.out)
		f.direct(p)
		f.shareCue(first)
	}
	f.nd = len(f.out)
	f.directs = newSpanIndex(f.out)
	for _, s := range in.Sentences {
		f.indirect(s)
	}
	f.merge()
	if f.lang == "en" {
		f.dropNested()
	}
	f.leadIns()
	for _, q := range f.out {
		q.spk = f.trimSpeaker(q.spk)
	}
	slices.SortStableFunc(f.out, func(a, b *quote) int { return a.content.Start - b.content.Start })
	var prev, before *quote // the last quotations with a speaker
	res := make([]veille.Quotation, 0, len(f.out))
	for i, q := range f.out {
		p := prev
		if p != nil && p.content.Start <= q.content.Start && q.content.End <= p.content.End {
			// A quotation quoted inside another: "« Il m'a dit « … »
			// », raconte X." is not X's; its pronoun looks further back.
			p = before
		}
		f.resolve(q, p)
		if q.speakerText != "" || q.speaker != "" {
			prev, before = q, prev
		}
		if q.speakerType == "anonymous" && strings.Contains(nlp.Fold(q.speaker), "source") {
			f.anon = append(f.anon, i)
		}
		res = append(res, q.quotation(f.text, fmt.Sprintf("q%d", i+1)))
	}
	return res
}

// quote is a quotation being built.
type quote struct {
	kind        string
	content     veille.Span
	cue         veille.Span // zero when none
	spk         veille.Span // speaker text; zero when none
	speakerText string
	speaker     string
	speakerID   string
	speakerType string
	count       *int
	affil       string
	affilID     string
	via         string
	inherit     bool        // no speaker of its own: takes the previous one's
	marks       veille.Span // a direct quotation's marks, opening to closing
	ante        veille.Span // the antecedent of a relative pronoun speaker
	drop        bool
	lead        int // where the words leading into an English quotation start, when leads (enMixedStart)
	leads       bool
}

func (q *quote) quotation(text, id string) veille.Quotation {
	out := veille.Quotation{
		ID: id, Kind: q.kind, Content: text[q.content.Start:q.content.End], ContentSpan: q.content,
		Speaker: q.speaker, SpeakerID: q.speakerID, SpeakerType: q.speakerType, SpeakerCount: q.count,
		Affiliation: q.affil, AffiliationID: q.affilID, Via: q.via,
	}
	if q.cue.End > q.cue.Start {
		c := q.cue
		out.CueSpan, out.Cue = &c, text[c.Start:c.End]
	}
	if q.spk.End > q.spk.Start {
		s := q.spk
		out.SpeakerSpan, out.SpeakerText = &s, text[s.Start:s.End]
	}
	return out
}

type finder struct {
	text  string
	lang  string
	lx    *lexicon
	an    *veille.Analysis
	sents []veille.Span
	out   []*quote

	sentsOK   bool         // sents sorted and disjoint
	nd        int          // f.out[:nd] are the direct quotations
	directs   *spanIndex   // f.out[:nd] by span
	sentFirst int          // len(f.out) when the current sentence's search began
	ments     mentionIndex // how an.Mentions is ordered
	ents      *entityIndex // an.Entities by ID; nil until needed
	anon      []int        // resolved quotations of anonymous sources, by position in f.out
	wc        wordCache    // the current sentence's folded words

	para    veille.Span // the paragraph direct is reading; zero after
	ptoks   []nlp.Token // its tokens, cut once when first needed (tokens)
	ptoksOK bool
}

// mark is one quote mark and whether it opens or closes.
type mark struct {
	pos, end int
	open     bool
}

func isSpace(r rune) bool {
	return r == utf8.RuneError || unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0'
}

// marks lists the quote marks of text[p.Start:p.End] with their role,
// read from the characters around them so that reversed guillemets
// (qu' »aucune … coopération« .) are told apart.
func (f *finder) marks(p veille.Span) []mark {
	t := f.text
	var ms []mark
	straightOpen := false // the last straight mark opened
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(t[i:p.End])
		if r == '\'' && i+1 < p.End && t[i+1] == '\'' {
			r, n = '"', 2 // the New York Times' ''…''
		}
		switch r {
		case '«', '»', '‹', '›', '“', '”', '„', '"':
		default:
			i += n
			continue
		}
		var prev, next rune = ' ', ' '
		if i > p.Start {
			prev, _ = utf8.DecodeLastRuneInString(t[p.Start:i])
		}
		if i+n < p.End {
			next, _ = utf8.DecodeRuneInString(t[i+n : p.End])
		}
		prevOpen := isSpace(prev) || strings.ContainsRune("([{—–-'’", prev)
		nextWord := unicode.IsLetter(next) || unicode.IsDigit(next)
		nextClose := isSpace(next) || strings.ContainsRune(".,;:!?)]…", next)
		m := mark{pos: i, end: i + n}
		ok := true
		switch r {
		case '«', '‹':
			m.open = !(!isSpace(prev) && !prevOpen && nextClose)
		case '»', '›':
			m.open = prevOpen && nextWord
		case '„':
			m.open = true
		case '“':
			m.open = !(!prevOpen && nextClose)
		case '”':
			m.open = prevOpen && nextWord
		case '"':
			switch {
			case prevOpen && !isSpace(next):
				m.open = true
			case !isSpace(prev):
				m.open = false
			case straightOpen:
				m.open = false // "the term 'outreach,' " closes
			default:
				ok = false
			}
			if ok {
				straightOpen = m.open
			}
		}
		if ok {
			ms = append(ms, m)
		}
		i += n
	}
	return ms
}

// maxNesting is how many levels of quotations within quotations direct
// keeps: the outermost quotation and those quoted inside it ("« Il a dit
// « non » »"). Deeper levels repeat the text of the levels around them,
// which would make the output grow with the square of the nesting.
const maxNesting = 2

// direct finds the quotations between marks in paragraph p.
func (f *finder) direct(p veille.Span) {
	f.para, f.ptoks, f.ptoksOK = p, nil, false
	defer func() { f.para, f.ptoks, f.ptoksOK = veille.Span{}, nil, false }()
	ms := f.marks(p)
	// First match the marks: a pair for every closing mark whose opening
	// is on the stack, a lone closing mark otherwise, in text order.
	type found struct {
		o, m  mark
		lone  bool // m closes a quotation without opening mark, from o.end
		depth int  // how many matched pairs hold this one
	}
	var fs []found
	var stack []mark
	lastEnd := p.Start
	for _, m := range ms {
		if m.open {
			stack = append(stack, m)
			continue
		}
		if len(stack) > 0 {
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			fs = append(fs, found{o: o, m: m})
			if len(stack) == 0 {
				lastEnd = m.end
			}
			continue
		}
		// A closing mark without its opening: the quotation starts after
		// the previous one, or at the paragraph's start.
		start := lastEnd
		for start < m.pos {
			r, n := utf8.DecodeRuneInString(f.text[start:])
			if !isSpace(r) && !strings.ContainsRune(".,;:", r) {
				break
			}
			start += n
		}
		fs = append(fs, found{o: mark{pos: start, end: start}, m: m, lone: true})
		lastEnd = m.end
	}
	// The depth of each pair among the matched pairs (unclosed openings
	// left on the stack do not count): pairs by opening, with the
	// closings of those still open around them.
	var pairs []int
	for i := range fs {
		if !fs[i].lone {
			pairs = append(pairs, i)
		}
	}
	slices.SortFunc(pairs, func(a, b int) int { return fs[a].o.pos - fs[b].o.pos })
	var around []int // the pairs holding the current one, outermost first
	for _, i := range pairs {
		for len(around) > 0 && fs[around[len(around)-1]].m.pos <= fs[i].o.pos {
			around = around[:len(around)-1]
		}
		fs[i].depth = len(around)
		if len(around) > 0 {
			// Marks doubled around the whole of the quotation holding
			// them ("« « Non » »") open no quotation of their own.
			out := fs[around[len(around)-1]]
			s1, e1 := trimSpace(f.text, out.o.end, fs[i].o.pos)
			s2, e2 := trimSpace(f.text, fs[i].m.end, out.m.pos)
			if s1 == e1 && s2 == e2 {
				fs[i].depth = maxNesting
			}
		}
		around = append(around, i)
	}
	for _, q := range fs {
		if q.depth < maxNesting {
			f.addDirect(q.o.end, q.m.pos, q.o.pos, q.m.end, p)
		}
	}
	// Openings without their closing mark run to the paragraph's end; the
	// content starts after the opening marks that follow the first one.
	// A quotation inside it whose closing mark a speech cue follows
	// closes both: in `"Quand on nous interroge, nous répondons : "non !"
	// a réagi le président.` the writer typed one closing mark for two.
	if len(stack) > 0 {
		o := stack[0]
		cs := o.end
		for _, m := range stack[1:] {
			if s, e := trimSpace(f.text, cs, m.pos); s < e {
				break
			}
			cs = m.end
		}
		ce, oe := p.End, p.End
		for _, q := range fs {
			if !q.lone && q.o.pos > o.pos && f.cueAfter(&quote{}, q.m.end, p.End, false) {
				ce, oe = q.m.pos, q.m.end
				break
			}
		}
		f.addDirect(cs, ce, o.pos, oe, p)
	}
}

// tokens returns the tokens lying within text[from:to]: cut from the
// paragraph direct is reading, tokenized once, when the range is in it;
// tokenized afresh otherwise. The result must not be appended to.
func (f *finder) tokens(from, to int) []nlp.Token {
	if from < f.para.Start || to > f.para.End || from >= to {
		return nlp.Tokenize(f.text, from, to)
	}
	if !f.ptoksOK {
		f.ptoks, f.ptoksOK = nlp.Tokenize(f.text, f.para.Start, f.para.End), true
	}
	ts := f.ptoks
	i := sort.Search(len(ts), func(i int) bool { return ts[i].Start >= from })
	j := i + sort.Search(len(ts)-i, func(k int) bool { return ts[i+k].End > to })
	return ts[i:j:j]
}

// addDirect records the quotation text[cs:ce] whose marks span [os, oe).
func (f *finder) addDirect(cs, ce, os, oe int, p veille.Span) {
	cs, ce = trimSpace(f.text, cs, ce)
	if ce <= cs {
		return
	}
	q := &quote{kind: "direct", content: veille.Span{Start: cs, End: ce}, marks: veille.Span{Start: os, End: oe}}
	// A transcript's speaker label: "WALLACE: Governor, …".
	if n := speakerLabel(f.text[cs:ce]); n > 0 {
		q.spk = veille.Span{Start: cs, End: cs + n}
		q.cue = veille.Span{Start: cs + n, End: cs + n + 1}
		q.content.Start, _ = trimSpace(f.text, cs+n+1, ce)
		if q.content.Start < ce {
			f.out = append(f.out, q)
		}
		return
	}
	if f.lang == "en" && f.enTitle(cs, ce, os) {
		return // "said on “Fox News Sunday”": a title, not a quotation
	}
	limit := f.afterLimit(oe, p.End)
	found := false
	if f.lang == "en" && limit == p.End && f.endsSentence(oe) {
		// `Smith said: "We will stay." Jones disagreed.`: a quotation
		// that ends its sentence belongs to the cue before it in that
		// sentence when there is one.
		var b quote = *q
		if f.cueBefore(&b, f.sentenceStart(os, p.Start), os) && b.spk.End > b.spk.Start {
			before := strings.TrimRightFunc(f.text[b.cue.End:os], isSpace)
			if before == "" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, ",") {
				*q, found = b, true
			}
		}
	}
	if !found {
		found = f.cueAfter(q, oe, limit, false)
	}
	if found && f.lang == "en" {
		f.enMixedStart(q, os)
	}
	if !found && f.lang == "en" && strings.TrimFunc(f.text[p.Start:os], isSpace) == "" {
		// A quotation opening its paragraph after one that ends with a
		// colon: "Smith continued:".
		prev := strings.TrimRightFunc(f.text[:p.Start], isSpace)
		if strings.HasSuffix(prev, ":") && f.cueBefore(q, f.sentenceStart(len(prev)-1, max(0, len(prev)-400)), len(prev)) {
			found = true
		}
	}
	if !found && f.cueBefore(q, f.sentenceStart(os, p.Start), os) {
		found = true
		if f.lang == "en" {
			// "said that “…”", "described it as “…”": the content
			// starts at the word that introduces the quotation.
			before := strings.TrimRightFunc(f.text[q.cue.End:os], isSpace)
			for _, w := range []string{"that", "as"} {
				if strings.HasSuffix(before, " "+w) && len(before) > len(w) {
					q.content = veille.Span{Start: q.cue.End + len(before) - len(w), End: oe}
					q.kind = "mixed"
					break
				}
			}
		}
	}
	if !found {
		words := len(f.tokens(cs, ce))
		last, _ := utf8.DecodeLastRuneInString(f.text[cs:ce])
		if words < 6 && !strings.ContainsRune(".!?…", last) {
			return // a term in quote marks, not a quotation
		}
		q.inherit = true
	}
	f.out = append(f.out, q)
}

// trimSpeaker cuts from the start of a speaker span what cannot open
// one: a conjunction ("and the army", "et le ministre") and a lone
// lower-case letter with its period ("a. a déclaré"). It returns a zero
// span when nothing is left.
func (f *finder) trimSpeaker(sp veille.Span) veille.Span {
	for sp.End > sp.Start {
		toks := nlp.Tokenize(f.text, sp.Start, min(sp.End, sp.Start+40))
		if len(toks) == 0 {
			return veille.Span{}
		}
		t := toks[0]
		if t.Kind != nlp.Word {
			break
		}
		next := len(toks) > 1
		if w := f.word(t); w == "and" || w == "but" || w == "et" || w == "mais" {
			if !next {
				return veille.Span{}
			}
			sp.Start = toks[1].Start
			continue
		}
		if r, n := utf8.DecodeRuneInString(t.Text(f.text)); n == t.End-t.Start && unicode.IsLower(r) && next && toks[1].Text(f.text) == "." && toks[1].Start == t.End {
			if len(toks) < 3 {
				return veille.Span{}
			}
			sp.Start = toks[2].Start
			continue
		}
		break
	}
	return sp
}

func trimSpace(t string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(t[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(t[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

func (f *finder) sentenceStart(pos, floor int) int {
	if f.sentsOK {
		// The last sentence starting at or before pos is the only one
		// that can hold it.
		i := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].Start > pos }) - 1
		if i >= 0 && pos < f.sents[i].End {
			return max(f.sents[i].Start, floor)
		}
		return floor
	}
	for _, s := range f.sents {
		if s.Start <= pos && pos < s.End {
			return max(s.Start, floor)
		}
	}
	return floor
}

// afterLimit returns where the search for a cue after a quotation that
// closes at oe stops: the end of the sentence holding the closing mark
// when words of that sentence follow it (`Smith said "hi" in Paris.
// Jones said …`: Jones is no speaker of "hi"), else to. A quotation
// that ends its sentence (`"We won." Jones said.`) looks on to the
// next one.
func (f *finder) afterLimit(oe, to int) int {
	if !f.sentsOK {
		return to
	}
	i := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].Start > oe-1 }) - 1
	if i < 0 || oe-1 >= f.sents[i].End || f.sents[i].End >= to {
		return to
	}
	rest := f.text[oe:f.sents[i].End]
	if strings.IndexFunc(rest, unicode.IsLetter) < 0 {
		return to // nothing but punctuation after the mark in its sentence
	}
	return f.sents[i].End
}

// endsSentence reports whether the quotation closing at oe ends its
// sentence: only punctuation follows it there.
func (f *finder) endsSentence(oe int) bool {
	if !f.sentsOK {
		return false
	}
	i := sort.Search(len(f.sents), func(i int) bool { return f.sents[i].Start > oe-1 }) - 1
	if i < 0 || oe-1 >= f.sents[i].End {
		return false
	}
	return strings.IndexFunc(f.text[oe:f.sents[i].End], unicode.IsLetter) < 0
}

// word returns the folded token text.
func (f *finder) word(t nlp.Token) string {
	c := &f.wc
	if n := len(c.toks); n > 0 && t.Start >= c.toks[0].Start && t.Start <= c.toks[n-1].Start {
		i := sort.Search(n, func(i int) bool { return c.toks[i].Start >= t.Start })
		if i < n && c.toks[i] == t {
			if c.words[i] == "" {
				c.words[i] = nlp.Fold(t.Text(f.text))
			}
			return c.words[i]
		}
	}
	return nlp.Fold(t.Text(f.text))
}

// wordCache keeps the folded words of the sentence being read, which
// the passes over it fold many times.
type wordCache struct {
	toks  []nlp.Token
	words []string // "" until folded
}

func (c *wordCache) reset(toks []nlp.Token) {
	c.toks = toks
	c.words = slices.Grow(c.words[:0], len(toks))[:len(toks)]
	clear(c.words)
}

func (f *finder) isVerb(t nlp.Token) bool {
	if t.Kind != nlp.Word {
		return false
	}
	_, ok := f.lx.verbs[f.word(t)]
	return ok
}

// splitInverted splits "a-t-il", "dit-elle", "ajoute-t-on" into the verb
// part and the pronoun's span.
func (f *finder) splitInverted(t nlp.Token) (head string, pron veille.Span, ok bool) {
	w := t.Text(f.text)
	i := strings.LastIndexAny(w, "-‑")
	if i <= 0 {
		return "", veille.Span{}, false
	}
	_, n := utf8.DecodeRuneInString(w[i:])
	p := nlp.Fold(w[i+n:])
	if !pronouns[p] {
		return "", veille.Span{}, false
	}
	h := nlp.Fold(w[:i])
	h = strings.TrimSuffix(strings.TrimSuffix(h, "-t"), "-")
	return h, veille.Span{Start: t.Start + i + n, End: t.End}, true
}

// cueAfter reads a reporting verb and its speaker right after a
// quotation (", a déclaré X", ", a-t-il dit", ", said X", "X said").
// toEnd asks the speaker phrase to end the clause.
func (f *finder) cueAfter(q *quote, from, to int, toEnd bool) bool {
	return f.cueAfterToks(q, nlp.Tokenize(f.text, from, min(to, from+400)), toEnd)
}

// cueAfterToks is cueAfter on the tokens of text[from:to], already cut.
func (f *finder) cueAfterToks(q *quote, toks []nlp.Token, toEnd bool) bool {
	i := 0
	dash := -1
	for i < len(toks) && toks[i].Kind == nlp.Punct && strings.ContainsRune(",—–-―", firstRune(toks[i].Text(f.text))) && i < 2 {
		if firstRune(toks[i].Text(f.text)) != ',' {
			dash = i
		}
		i++
	}
	if i >= len(toks) || toks[i].Kind != nlp.Word {
		return false
	}
	// A signature: "“…” ― Esther Tapia" at the end of its line.
	if dash >= 0 && !toEnd && isCap(toks[i].Text(f.text)) && f.nameRunsToEnd(toks, i) {
		k := i
		for k+1 < len(toks) && toks[k+1].Kind == nlp.Word && (isCap(toks[k+1].Text(f.text)) || particle(f.word(toks[k+1]))) {
			k++
		}
		if k+1 == len(toks) || strings.ContainsRune(f.text[toks[k].End:toks[k+1].Start], '\n') || strings.ContainsRune(".", firstRune(toks[k+1].Text(f.text))) {
			q.cue = veille.Span{Start: toks[dash].Start, End: toks[dash].End}
			q.spk = veille.Span{Start: toks[i].Start, End: toks[k].End}
			return true
		}
	}
	t := toks[i]
	w := f.word(t)
	if f.lang == "fr" {
		if w == "selon" || w == "d'apres" || (w == "d'" && i+1 < len(toks) && f.word(toks[i+1]) == "apres") {
			j := i + 1
			if w == "d'" {
				j++
			}
			q.cue = veille.Span{Start: t.Start, End: toks[j-1].End}
			return f.speakerForward(q, toks, j, toEnd)
		}
		if head, pron, ok := f.splitInverted(t); ok {
			if frAux[head] && i+1 < len(toks) && f.isVerb(toks[i+1]) {
				q.cue = veille.Span{Start: t.Start, End: toks[i+1].End}
				q.spk = pron
				return true
			}
			if _, ok := f.lx.verbs[head]; ok {
				q.cue = veille.Span{Start: t.Start, End: toks[i].End}
				q.spk = pron
				return true
			}
			return false
		}
		if (w == "a" || w == "à") && i+3 < len(toks) && f.word(toks[i+1]) == "l'" && f.word(toks[i+2]) == "appel" {
			// "… » à l'appel d'une dizaine d'associations": who called
			// for it speaks, but no reporting word introduces it.
			j := i + 3
			if w := f.word(toks[j]); (w == "de" || w == "d'") && j+1 < len(toks) {
				j++
			}
			return f.speakerForward(q, toks, j, toEnd)
		}
		if frAux[w] {
			// "a déclaré X", "a ensuite précisé X".
			j := i + 1
			for j < len(toks)-1 && j < i+3 && adverbs[f.word(toks[j])] {
				j++
			}
			if j < len(toks) && f.isVerb(toks[j]) {
				q.cue = veille.Span{Start: t.Start, End: toks[j].End}
				return f.speakerForward(q, toks, j+1, toEnd)
			}
		}
		if f.isVerb(t) {
			q.cue = veille.Span{Start: t.Start, End: t.End}
			return f.speakerForward(q, toks, i+1, toEnd)
		}
		return false
	}
	// English.
	if w == "according" && i+1 < len(toks) && f.word(toks[i+1]) == "to" {
		q.cue = veille.Span{Start: t.Start, End: toks[i+1].End}
		return f.speakerForward(q, toks, i+2, toEnd)
	}
	if f.isVerb(t) {
		if f.enNotReporting(toks, i) {
			return false // "“…,” compared with …"
		}
		q.cue = veille.Span{Start: t.Start, End: t.End}
		return f.speakerForward(q, toks, i+1, toEnd)
	}
	// "X said": a short subject, then the verb.
	if w == "and" || w == "but" || w == "or" || w == "then" || w == "as" || w == "while" || w == "so" || w == "yet" {
		return false // "… and said": a coordinated verb, not a subject
	}
	reach := i + 10
	for j := i; j < len(toks) && j < reach; j++ {
		if toks[j].Kind == nlp.Punct && toks[j].Text(f.text) == "(" && j > i && reach < i+18 {
			reach += 6 // "Rep. Jane Roe (D-Wis.) said"
		}
		if toks[j].Kind == nlp.Punct && toks[j].Text(f.text) == "," && j > i+1 && isCap(toks[i].Text(f.text)) {
			// "Jane Roe, the attorney general of Ohio, said": a name
			// and its apposition.
			reach = max(reach, i+24)
			continue
		}
		if toks[j].Kind == nlp.Punct && !strings.ContainsRune("'’-.()", firstRune(toks[j].Text(f.text))) {
			return false
		}
		if j > i && f.isVerb(toks[j]) {
			k := j
			for k > i && enAux[f.word(toks[k-1])] {
				k--
			}
			if k == i {
				return false
			}
			e := k - 1
			if toks[e].Text(f.text) == "," {
				e-- // the apposition's closing comma
			}
			q.cue = veille.Span{Start: toks[k].Start, End: toks[j].End}
			q.spk = veille.Span{Start: toks[i].Start, End: toks[e].End}
			if f.word(toks[j]) == "told" && j+1 < len(toks) {
				f.viaAt(q, toks, j+1)
			}
			return true
		}
	}
	return false
}

// speakerForward reads the speaker phrase starting at toks[i].
func (f *finder) speakerForward(q *quote, toks []nlp.Token, i int, toEnd bool) bool {
	stop := enStop
	if f.lang == "fr" {
		stop = frStop
	}
	j := i
	end := -1
	limit := 16
	if f.lang == "fr" {
		limit = 24 // "le président du mouvement … (MBDHP), Jean Dupont"
	}
	if toEnd {
		limit = 30
	}
	depth := 0 // inside parentheses: "Rep. Jane Roe (D-N.C.)"
	for j < len(toks) && j < i+limit {
		t := toks[j]
		w := f.word(t)
		if t.Kind == nlp.Punct {
			r := firstRune(t.Text(f.text))
			switch {
			case r == '(':
				depth++
			case r == ')' && depth > 0:
				depth--
			}
			if depth > 0 && r != '(' {
				j++
				continue
			}
			if r == ',' && end >= 0 && j+1 < len(toks) && isCap(toks[j+1].Text(f.text)) && f.nameRunsToEnd(toks, j+1) {
				// Apposition of a name: "le porte-parole, Baba Cissé".
				k := j + 1
				for k < len(toks) && toks[k].Kind == nlp.Word && (isCap(toks[k].Text(f.text)) || particle(f.word(toks[k]))) {
					end = k
					k++
				}
				j = k
				break
			}
			if r == '\'' || r == '’' || r == '-' || r == '(' || r == ')' {
				if r == ')' {
					end = j
				}
				j++
				continue
			}
			if r == '.' && end == j-1 && j+1 < len(toks) && abbreviation(toks[j-1].Text(f.text)) && isCap(toks[j+1].Text(f.text)) {
				j++ // "Rep. Jane Doe", "G.K. Butterfield"
				continue
			}
			break
		}
		if j > i && stop[w] && w == "et" && f.lang == "fr" && j+1 < len(toks) && (particle(f.word(toks[j+1])) || f.word(toks[j+1]) == "des" || f.word(toks[j+1]) == "d'") {
			// "des droits de l'homme et des peuples": a complement.
			end = j
			j++
			continue
		}
		if j > i && stop[w] {
			if (w == "a" || w == "à" || w == "au" || w == "to") && j+1 < len(toks) {
				f.viaAt(q, toks, j+1)
			}
			if !toEnd || q.via != "" {
				break
			}
		}
		if j == i && f.isVerb(t) && f.lang == "fr" {
			break
		}
		end = j
		j++
	}
	if end < i {
		return false
	}
	// "citées par Reuters", "cited by Reuters".
	q.spk = veille.Span{Start: toks[i].Start, End: toks[end].End}
	return true
}

// nameRunsToEnd reports whether capitalized words from toks[i] run to the
// end of the clause.
func (f *finder) nameRunsToEnd(toks []nlp.Token, i int) bool {
	k := i
	for k < len(toks) && toks[k].Kind == nlp.Word && (isCap(toks[k].Text(f.text)) || particle(f.word(toks[k]))) {
		k++
	}
	if k == i || k-i > 5 {
		return false
	}
	if k == len(toks) || strings.ContainsRune(f.text[toks[k-1].End:toks[k].Start], '\n') {
		return true
	}
	r := firstRune(toks[k].Text(f.text))
	return strings.ContainsRune(".;!?,\n", r)
}

func particle(w string) bool {
	return w == "de" || w == "du" || w == "van" || w == "von" || w == "al" || w == "ben" || w == "el"
}

// viaAt records an outlet named at toks[i] ("à Reuters", "à l'AFP",
// "told Reuters") as the quotation's via.
func (f *finder) viaAt(q *quote, toks []nlp.Token, i int) {
	for i < len(toks) && (f.word(toks[i]) == "l'" || f.word(toks[i]) == "la" || f.word(toks[i]) == "the") {
		i++
	}
	best := ""
	var name strings.Builder
	for k := i; k < len(toks) && k < i+4 && toks[k].Kind == nlp.Word; k++ {
		if name.Len() > 0 {
			name.WriteByte(' ')
		}
		name.WriteString(f.word(toks[k]))
		if outlets[name.String()] {
			best = f.text[toks[i].Start:toks[k].End]
		}
	}
	if best != "" && !strings.EqualFold(best, "BBC") {
		q.via = best
	}
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// cueBefore reads the reporting clause in text[from:to] before a
// quotation: "X a déclaré : «", "selon X, «", "X said: “", "a-t-il
// ajouté : «", "tout en assurant qu' »".
func (f *finder) cueBefore(q *quote, from, to int) bool {
	toks := f.tokens(from, to)
	n := len(toks)
	// Trailing ":" "," "que" "qu'" "that".
	k := n
	for k > 0 {
		t := toks[k-1]
		w := f.word(t)
		if t.Kind == nlp.Punct && strings.ContainsRune(":,—–-'’", firstRune(t.Text(f.text))) || w == "que" || w == "qu'" || w == "qu" || w == "that" {
			k--
			continue
		}
		break
	}
	if k == n && n > 0 && toks[n-1].Kind == nlp.Punct {
		return false
	}
	// "selon X," right before.
	for j := k - 1; j >= 0 && j >= k-12; j-- {
		w := f.word(toks[j])
		if w == "selon" || w == "d'apres" || w == "according" {
			s := j + 1
			if w == "according" {
				s++
			}
			if s < k {
				q.cue = veille.Span{Start: toks[j].Start, End: toks[s-1].End}
				q.spk = veille.Span{Start: toks[s].Start, End: toks[k-1].End}
				return true
			}
		}
	}
	// The verb among the last few words.
	for v := k - 1; v >= 0 && v >= k-9; v-- {
		t := toks[v]
		if t.Kind != nlp.Word {
			if v < k-4 {
				break
			}
		} else if v < k-4 && !(f.lang == "en" && (lemmaOf(f, t) == "tell" || lemmaOf(f, t) == "ask")) {
			continue // beyond four words, only "told his radio audience on Monday, “…”"
		}
		if head, pron, ok := f.splitInverted(t); ok {
			if _, isV := f.lx.verbs[head]; isV || frAux[head] {
				e := t.End
				if v+1 < k && f.isVerb(toks[v+1]) {
					e = toks[v+1].End
				}
				q.cue = veille.Span{Start: t.Start, End: e}
				q.spk = pron
				return true
			}
		}
		if !f.isVerb(t) {
			continue
		}
		c := v
		for c > 0 && (frAux[f.word(toks[c-1])] && f.lang == "fr" || enAux[f.word(toks[c-1])] && f.lang == "en") {
			c--
		}
		q.cue = veille.Span{Start: toks[c].Start, End: t.End}
		f.subjectBackward(q, toks, c)
		if q.spk.End == 0 {
			f.sentenceSubject(q, toks, c)
		}
		if q.spk.End == 0 {
			q.inherit = true
		}
		return true
	}
	// "…, déclare Jeanne Roux de Radio Sahel : « … »": an inverted verb,
	// then the speaker's name up to the colon.
	if k < n && k > 1 && toks[k].Text(f.text) == ":" {
		for v := k - 2; v >= 0 && v >= k-10 && toks[v].Kind == nlp.Word; v-- {
			if f.isVerb(toks[v]) && isCap(toks[v+1].Text(f.text)) {
				q.cue = veille.Span{Start: toks[v].Start, End: toks[v].End}
				q.spk = veille.Span{Start: toks[v+1].Start, End: toks[k-1].End}
				return true
			}
		}
	}
	// "Smith made the following comment: “…”": a colon after a clause
	// whose subject speaks.
	if f.lang == "en" && k > 1 && k < n && toks[k].Text(f.text) == ":" {
		f.sentenceSubject(q, toks, k)
		if q.spk.End > 0 {
			q.cue = veille.Span{Start: toks[k].Start, End: toks[k].End}
			return true
		}
	}
	return false
}

// subjectBackward reads the subject phrase ending before toks[c]: back to
// the clause's start, keeping a name in apposition ("Le ministre …, Jean-Yves
// Le Drian, a déclaré") and a description after a name ("Timor Goksel,
// aujourd'hui professeur …, a indiqué").
func (f *finder) subjectBackward(q *quote, toks []nlp.Token, c int) {
	if f.lang == "en" && c >= 3 && f.word(toks[c-1]) == "to" && toks[c-2].Kind == nlp.Word && !isCap(toks[c-2].Text(f.text)) && enControl[f.word(toks[c-2])] {
		// "X refused to pledge", "X continued to call for": the
		// subject of the verb before "to".
		c -= 2
	}
	e := c - 1
	for e >= 0 {
		w := f.word(toks[e])
		if adverbs[w] || w == "ne" || w == "n'" || w == "se" || w == "s'" || w == "est" || frAux[w] && f.lang == "fr" || f.lang == "en" && (enAux[w] || enBe[w] || enModals[w] || weekdays[w] || w == "not" || strings.HasSuffix(w, "n't") || len(w) > 4 && strings.HasSuffix(w, "ly") && !isCap(toks[e].Text(f.text))) {
			e--
			if f.lang == "en" && weekdays[w] && e > 0 && (f.word(toks[e]) == "on" || f.word(toks[e]) == "last" || f.word(toks[e]) == "this") {
				e-- // "The judge on Friday said"
			}
			continue
		}
		if f.lang == "fr" && e > 0 && (frObjectClitics[w] || (w == "nous" || w == "vous") && e+1 < len(toks) && frThirdAux[f.word(toks[e+1])]) {
			e-- // "Il m'a dit", "Le maire nous a dit": the object
			continue
		}
		if e >= 2 && (w == "cote" && f.word(toks[e-2]) == "de" || w == "part" && f.word(toks[e-2]) == "pour") {
			e -= 3
			continue
		}
		break
	}
	if f.lang == "fr" && e >= 0 && frSubjects[f.word(toks[e])] {
		// "Je prie et je leur dis": a subject pronoun is the whole
		// subject.
		q.spk = veille.Span{Start: toks[e].Start, End: toks[e].End}
		return
	}
	// Segments between commas, back to the clause's start.
	type seg struct{ s, e int }
	var segs []seg
	end := e
	s := e
	for ; s >= 0 && s > e-30; s-- {
		t := toks[s]
		w := f.word(t)
		if t.Kind == nlp.Punct {
			r := firstRune(t.Text(f.text))
			if r == ',' {
				if end > s {
					segs = append(segs, seg{s + 1, end})
				}
				end = s - 1
				continue
			}
			if strings.ContainsRune("'’-.()", r) {
				continue
			}
			break
		}
		if w == "et" && s == end || w == "mais" || w == "que" || w == "qu'" || w == "and" && s == end || w == "but" || w == "that" || w == "tout" || w == "en" && s == e || f.lang == "en" && (enSubordinators[w] || enWh[w] && w != "who") {
			break
		}
	}
	if end > s {
		segs = append(segs, seg{s + 1, end})
	}
	if len(segs) == 0 {
		return
	}
	first := segs[0]
	if f.word(toks[first.e]) == "en" || f.word(toks[first.e]) == "tout" {
		return
	}
	if w := f.word(toks[first.s]); (w == "et" || w == "and") && first.s < first.e {
		// "X a parlé, et le préfet a déclaré": the conjunction opens the
		// subject's clause; what comes before is another clause.
		first.s++
		segs = segs[:1]
	}
	// "Le Niger, cependant, a démenti": an adverb between commas is an
	// incise; the subject is before it.
	for len(segs) > 1 && f.allAdverbs(toks[first.s:first.e+1]) {
		segs = segs[1:]
		first = segs[0]
	}
	if len(segs) > 1 && (f.lang == "en" && enRelatives[f.word(toks[first.s])] || f.lang == "fr" && frRelatives[f.word(toks[first.s])]) {
		if first.e == first.s {
			// "Jane Doe, who said": the relative speaks for its
			// antecedent, the noun phrase closing the segment before,
			// which resolves it.
			a := segs[1].e
			for a > segs[1].s && toks[a-1].Kind == nlp.Word && (isCap(toks[a-1].Text(f.text)) || particle(f.word(toks[a-1]))) && isCap(toks[a].Text(f.text)) {
				a--
			}
			for d := a; !isCap(toks[a].Text(f.text)) && d > segs[1].s && d > a-4; d-- {
				if w := f.word(toks[d-1]); determiners[w] || w == "a" || w == "an" {
					a = d - 1
					break
				}
			}
			q.spk = veille.Span{Start: toks[first.s].Start, End: toks[first.e].End}
			q.ante = veille.Span{Start: toks[a].Start, End: toks[segs[1].e].End}
			return
		}
		// "Jane Doe, who was there, said": the antecedent.
		first, segs = segs[1], segs[1:]
	}
	from := first.s
	if len(segs) > 1 {
		prev := segs[1]
		head := f.word(toks[prev.s])
		if isCap(toks[first.s].Text(f.text)) && (indefinite[head] || determiners[head]) || !isCap(toks[first.s].Text(f.text)) && !determiners[f.word(toks[first.s])] && isCap(toks[prev.s].Text(f.text)) || f.lang == "en" && partyTag(f.text[toks[first.s].Start:toks[first.e].End]) {
			from = prev.s // "Jane Roe, D-Ore., said": the name and its tag
		}
	}
	if strings.HasSuffix(f.word(toks[c]), "ant") || strings.HasSuffix(f.word(toks[c]), "ing") {
		return // a participle: its subject is elsewhere
	}
	q.spk = veille.Span{Start: toks[from].Start, End: toks[first.e].End}
}

// allAdverbs reports whether every token is a word of adverbs: "cependant",
// "however".
func (f *finder) allAdverbs(toks []nlp.Token) bool {
	for _, t := range toks {
		if w := f.word(t); t.Kind != nlp.Word || !adverbs[w] && w != "however" && w != "meanwhile" && w != "pour" && w != "sa" && w != "part" {
			return false
		}
	}
	return len(toks) > 0
}

// partyTag reports whether s is a US party-and-state tag after a
// politician's name: "D-Ore.", "R-Ky", "I-Vt.".
func partyTag(s string) bool {
	s = strings.TrimSuffix(s, ".")
	if len(s) < 4 || len(s) > 8 || !strings.ContainsRune("DRI", rune(s[0])) || s[1] != '-' || s[2] < 'A' || s[2] > 'Z' {
		return false
	}
	for _, r := range s[3:] {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// sentenceSubject takes the sentence's first noun phrase as the subject
// of a coordinated reporting verb ("X a condamné ces propos, et a déclaré
// que …"): the words from the start up to the first auxiliary or verb.
func (f *finder) sentenceSubject(q *quote, toks []nlp.Token, c int) {
	w := nlp.Fold(f.text[toks[c].Start:toks[c].End])
	if strings.HasSuffix(w, "ant") || strings.HasSuffix(w, "ing") && (f.lang != "en" || c == 0 || toks[c-1].Text(f.text) != "," && !f.enNounBefore(toks, c)) {
		// A participle takes the subject of its sentence only in
		// English, after a comma or a noun it follows: "X said …,
		// adding that …", "X issued a statement denouncing …".
		return
	}
	e, from := -1, 0
	if w0 := f.word(toks[0]); f.lang == "en" && c > 0 && (prepositions[w0] || enSubordinators[w0] || enFronts[w0] || len(w0) > 5 && strings.HasSuffix(w0, "ing")) {
		// "In his speech, Graham urged …": after the opening phrase.
		for j := 1; j < c && j < 10; j++ {
			if toks[j].Text(f.text) == "," {
				from = j + 1
				break
			}
		}
		if from == 0 {
			return
		}
	}
	for j := from; j < c && j < from+15; j++ {
		t := toks[j]
		w := f.word(t)
		if t.Kind == nlp.Punct && !strings.ContainsRune("'’-.()", firstRune(t.Text(f.text))) {
			break
		}
		if frAux[w] && f.lang == "fr" || enAux[w] && f.lang == "en" || f.isVerb(t) || w == "est" || w == "sont" || w == "se" || w == "s'" || w == "is" || w == "was" || f.lang == "en" && j > from && f.enPredicate(t) {
			if e >= 0 {
				q.spk = veille.Span{Start: toks[from].Start, End: toks[e].End}
			}
			return
		}
		e = j
	}
	if f.lang == "en" && strings.HasSuffix(w, "ing") {
		f.leadingName(q, toks, c)
	}
}

// enNounBefore reports whether the word before toks[c] ends a noun
// phrase that a participle may follow: "issued a statement denouncing
// …" (the statement's issuer speaks), not "is calling" or "by saying".
func (f *finder) enNounBefore(toks []nlp.Token, c int) bool {
	p := toks[c-1]
	w := f.word(p)
	return p.Kind == nlp.Word && (!enStop[w] || weekdays[w]) && !prepositions[w] && !enAux[w] && !enBe[w] && !determiners[w] && !enSubject[w] && !f.isVerb(p) && !f.enAdverb(p)
}

// leadingName takes as the speaker of an English participle ("…,
// saying …") the pronoun or name that opens its sentence: "He", "Donald
// Trump", "Sen. Jane Roe".
func (f *finder) leadingName(q *quote, toks []nlp.Token, c int) {
	if c == 0 || toks[0].Kind != nlp.Word {
		return
	}
	w := f.word(toks[0])
	if enSubject[w] && w != "there" && w != "this" && w != "it" {
		q.spk = veille.Span{Start: toks[0].Start, End: toks[0].End}
		return
	}
	if !isCap(toks[0].Text(f.text)) || prepositions[w] || determiners[w] || enSubordinators[w] || indefinite[w] {
		return
	}
	e := 0
	for e+1 < c && e < 5 && (toks[e+1].Kind == nlp.Word && (isCap(toks[e+1].Text(f.text)) || particle(f.word(toks[e+1]))) || toks[e+1].Text(f.text) == ".") {
		e++
	}
	if toks[e].Kind != nlp.Word || e+1 < c && toks[e+1].Kind == nlp.Punct && toks[e+1].Text(f.text) != "," {
		return
	}
	q.spk = veille.Span{Start: toks[0].Start, End: toks[e].End}
}

// speakerLabel returns the length of a transcript's speaker label at the
// start of s ("WALLACE:", "MR. TRUMP:"): upper-case words and a colon;
// 0 when none.
func speakerLabel(s string) int {
	letters := 0
	for i, r := range s {
		switch {
		case r == ':':
			if letters >= 2 {
				return i
			}
			return 0
		case unicode.IsUpper(r):
			letters++
		case r == ' ' || r == '.' || r == '\'' || r == '’' || r == '-':
		default:
			return 0
		}
		if i > 30 {
			return 0
		}
	}
	return 0
}

// shareCue gives the direct quotations of f.out[first:] that continue a
// quotation cut by its own cue the same cue and speaker: in “A,” she
// said. “B.” the cue stands between A and B and reports both, as an
// incise does.
func (f *finder) shareCue(first int) {
	for i := first + 1; i < len(f.out); i++ {
		a, b := f.out[i-1], f.out[i]
		if a.kind == "direct" && b.kind == "direct" && b.inherit && a.spk.End > a.spk.Start &&
			a.cue.Start >= a.marks.End && b.marks.Start >= a.cue.End && f.cueGap(a.cue.End, b.marks.Start) {
			b.cue, b.spk, b.inherit = a.cue, a.spk, false
		}
	}
}

// cueGap reports whether text[s:e], from the end of a cue to the next
// quotation, only ends the cue's clause: short, ending in punctuation,
// with no line break, quote mark or second reporting verb.
func (f *finder) cueGap(s, e int) bool {
	if e-s > 120 {
		return false
	}
	g := strings.TrimRightFunc(f.text[s:e], isSpace)
	if g == "" || strings.ContainsAny(g, "\n«»“”\"„") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(g)
	if !strings.ContainsRune(".,:;—–", last) {
		return false
	}
	for _, t := range nlp.Tokenize(f.text, s, s+len(g)) {
		if f.isVerb(t) {
			return false
		}
	}
	return true
}

// abbreviation reports whether w, before a period, is a title or an
// initial: one to four letters starting with a capital ("Rep", "Dr",
// "G").
func abbreviation(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 1 && n <= 4 && isCap(w) && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// enPredicate reports whether t, a lower-case English word after a
// sentence's first word, looks like its finite verb: a form of "be" or
// "have", a modal, a regular past ("issued") or a common irregular one
// ("gave", "spoke").
func (f *finder) enPredicate(t nlp.Token) bool {
	if t.Kind != nlp.Word || isCap(t.Text(f.text)) {
		return false
	}
	w := f.word(t)
	return enFinite[w] || enBe[w] || enPast[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}

// enTitle reports whether the English text[cs:ce], in quote marks opening
// at os, is the title of a show, a book or a film rather than a
// quotation: at most eight words, all capitalized but short function
// words, after a preposition, "the", a possessive or a noun or verb that
// names a work ("on “Meet the Press”", "CNN's “State of the Union”",
// "the book “Crippled America”", "titled “A Call to Arms”").
func (f *finder) enTitle(cs, ce, os int) bool {
	words := 0
	for _, t := range f.tokens(cs, ce) {
		if t.Kind != nlp.Word {
			continue
		}
		words++
		if words > 8 {
			return false
		}
		if w := f.word(t); !isCap(t.Text(f.text)) && !(enTitleSmall[w] && words > 1) {
			return false
		}
	}
	if words == 0 || words > 8 {
		return false
	}
	before := strings.TrimRightFunc(f.text[max(0, os-20):os], isSpace)
	i := strings.LastIndexFunc(before, func(r rune) bool { return isSpace(r) || isQuoteMark(r) })
	w := strings.ToLower(before[i+1:])
	return prepositions[w] || w == "the" || enWorkWords[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// leadIns makes the direct quotations with lead-in words (enMixedStart)
// mixed ones from those words, unless another quotation holds them.
func (f *finder) leadIns() {
	var others []*quote // the reports from the sentences, by start
	for _, o := range f.out {
		if o.kind != "direct" {
			others = append(others, o)
		}
	}
	slices.SortStableFunc(others, func(a, b *quote) int { return a.content.Start - b.content.Start })
	for _, q := range f.out {
		if !q.leads || q.kind != "direct" {
			continue
		}
		// A report holding the lead-in starts in its sentence, at most
		// 200 bytes before it (enMixedStart).
		taken := false
		i := sort.Search(len(others), func(i int) bool { return others[i].content.Start >= q.lead-200 })
		for ; i < len(others) && others[i].content.Start < q.marks.Start; i++ {
			if others[i].content.End > q.lead {
				taken = true
				break
			}
		}
		if !taken {
			q.content = veille.Span{Start: q.lead, End: q.marks.End}
			q.kind = "mixed"
		}
	}
}

// enMixedStart makes q, an English quotation whose cue follows it, a
// mixed one when the sentence's own words lead into its opening mark:
// "The country “has made dramatic changes,” she said." reports from "The
// country". The words before must hold no quote mark, no reporting verb
// and no line break, and not end a clause (".", ":", ";").
func (f *finder) enMixedStart(q *quote, os int) {
	from := f.sentenceStart(os, 0)
	if from >= os || os-from > 200 {
		return
	}
	lead := f.text[from:os]
	if strings.ContainsAny(lead, "\n«»“”\"„:;") || strings.Contains(lead, "''") {
		return
	}
	toks := nlp.Tokenize(f.text, from, os)
	words := 0
	for _, t := range toks {
		if t.Kind == nlp.Word {
			words++
			if f.isVerb(t) {
				return
			}
		}
	}
	if words == 0 || words > 15 || toks[len(toks)-1].Kind != nlp.Word && toks[len(toks)-1].Text(f.text) != "," {
		return
	}
	q.lead, q.leads = toks[0].Start, true
}
