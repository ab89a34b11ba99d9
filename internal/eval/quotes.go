package eval

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract"
	"github.com/veille/veille/internal/nlp"
)

// Quotes scores the quotations extractor (../shared/EVAL.md, task
// "quotes") on quotes-claims-fr JSONL files and PolNeAR folders (a folder
// holding text/ and attributions/; when a text has several annotation
// files, the first in sorted order is used and the others are counted as
// skipped). Figures: content_exact_f1 and content_overlap_f1 (with their
// precision and recall) overall and under "direct" and "indirect"
// (indirect and mixed together), and speaker_acc over all gold
// quotations that name a speaker. shared resolves quotes-claims-fr's
// corpus_file.
func Quotes(ctx context.Context, paths []string, withMisses bool, shared string) (*Report, error) {
	rep := NewReport("quotes", paths, withMisses)
	p := extract.Default()
	var tot quoteTally
	for _, path := range paths {
		docs, err := quoteGold(path, shared, rep)
		if err != nil {
			return nil, err
		}
		byFile := map[string]*quoteTally{}
		var order []string
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			an := p.Analyze(&veille.Article{Text: d.text, Lang: d.lang, Published: d.pub})
			ft := byFile[d.file]
			if ft == nil {
				ft = &quoteTally{}
				byFile[d.file] = ft
				order = append(order, d.file)
			}
			scoreQuotes(rep, d, an.Quotations, &tot, ft)
		}
		for _, f := range order {
			ft := byFile[f]
			rep.ByFile[f] = FileScore{N: ft.all.gold, Metrics: ft.metrics()}
		}
	}
	if tot.all.gold == 0 {
		return nil, nothingScorable("quotes", paths, rep, "no quotes-claims quotation, no PolNeAR attribution")
	}
	rep.N = tot.all.gold
	rep.Metrics = tot.metrics()
	for _, k := range []string{"direct", "indirect"} {
		m := tot.kind(k).prf()
		m.Set("support", float64(tot.kind(k).gold))
		rep.ByType[k] = m
	}
	return rep, nil
}

// goldQuote is one gold quotation, spans in bytes.
type goldQuote struct {
	Kind        string      `json:"kind"`
	Content     string      `json:"content"`
	Span        veille.Span `json:"content_span"`
	SpeakerText string      `json:"speaker_text"`
	SpeakerSpan veille.Span `json:"speaker_text_span"`
	Speaker     string      `json:"speaker"`
	// Frags are the pieces of a discontinuous content (BRAT fragments,
	// e.g. a quotation interrupted by "he said"); Span joins them.
	Frags []veille.Span `json:"-"`
}

type quoteDoc struct {
	file, id, lang string
	text           string
	pub            veille.Date
	quotes         []goldQuote
}

// quoteGold reads the gold documents under path.
func quoteGold(path, shared string, rep *Report) ([]quoteDoc, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		if isDir(filepath.Join(path, "text")) && isDir(filepath.Join(path, "attributions")) {
			return polnearDocs(path, rep)
		}
		var out []quoteDoc
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			sub := filepath.Join(path, e.Name())
			if e.IsDir() || strings.HasSuffix(e.Name(), ".jsonl") {
				ds, err := quoteGold(sub, shared, rep)
				if err != nil {
					return nil, err
				}
				out = append(out, ds...)
			}
		}
		return out, nil
	}
	return qcQuoteDocs(path, shared, rep)
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// qcQuoteDocs reads a quotes-claims-fr file; spans are code points. A
// row that cannot be read, and a quotation whose content_span does not
// frame a piece of its text, are skipped and counted; a speaker span
// that does not is dropped (the speaker's name still counts) and
// counted.
func qcQuoteDocs(path, shared string, rep *Report) ([]quoteDoc, error) {
	var out []quoteDoc
	err := readRows(rep, path, func(line []byte) error {
		var a struct {
			ArticleID  string `json:"article_id"`
			CorpusFile string `json:"corpus_file"`
			Quotes     []struct {
				Kind        string   `json:"kind"`
				Content     string   `json:"content"`
				ContentSpan goldSpan `json:"content_span"`
				SpeakerText string   `json:"speaker_text"`
				SpeakerSpan goldSpan `json:"speaker_text_span"`
				Speaker     string   `json:"speaker"`
			} `json:"quotes"`
		}
		if err := json.Unmarshal(line, &a); err != nil {
			return err
		}
		if a.Quotes == nil {
			rep.Skip("record without quotes")
			return nil
		}
		text, pub, ok := goldArticle(rep, path, shared, a.ArticleID, a.CorpusFile)
		if !ok {
			return nil
		}
		off := amtRuneOffsets(text)
		nr := utf8.RuneCountInString(text)
		d := quoteDoc{file: path, id: a.ArticleID, lang: "fr", text: text, pub: pub}
		for _, q := range a.Quotes {
			if why := q.ContentSpan.check(nr); why != "" {
				rep.Skip(why)
				continue
			}
			g := goldQuote{Kind: q.Kind, Content: q.Content, SpeakerText: q.SpeakerText, Speaker: q.Speaker,
				Span: veille.Span{Start: off(q.ContentSpan.Start), End: off(q.ContentSpan.End)}}
			if q.SpeakerSpan.Set {
				if why := q.SpeakerSpan.check(nr); why != "" {
					rep.Skip("speaker_text_span dropped: " + why)
				} else {
					g.SpeakerSpan = veille.Span{Start: off(q.SpeakerSpan.Start), End: off(q.SpeakerSpan.End)}
				}
			}
			d.quotes = append(d.quotes, g)
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

// polnearDocs reads a PolNeAR folder: text/NAME.txt and
// attributions/NAME_ANNOTATOR.ann (BRAT standoff, code point offsets).
func polnearDocs(dir string, rep *Report) ([]quoteDoc, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(anns)
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	var out []quoteDoc
	for _, t := range texts {
		base := strings.TrimSuffix(filepath.Base(t), ".txt")
		var mine []string
		for _, a := range anns {
			if strings.HasPrefix(filepath.Base(a), base+"_") {
				mine = append(mine, a)
			}
		}
		if len(mine) == 0 {
			rep.Skip("PolNeAR text without annotation")
			continue
		}
		for range mine[1:] {
			rep.Skip("PolNeAR annotation file not first in sorted order")
		}
		b, err := os.ReadFile(t)
		if err != nil {
			return nil, err
		}
		ab, err := os.ReadFile(mine[0])
		if err != nil {
			return nil, err
		}
		text := string(b)
		d := quoteDoc{file: dir, id: filepath.Base(mine[0]), lang: "en", text: text}
		d.quotes = parseBrat(text, string(ab), rep)
		out = append(out, d)
	}
	return out, nil
}

// parseBrat turns the Attribution events of a BRAT file into gold
// quotations; the kind is read from the quote marks around the content.
func parseBrat(text, ann string, rep *Report) []goldQuote {
	off := amtRuneOffsets(text)
	nr := utf8.RuneCountInString(text)
	spans := map[string]veille.Span{}
	frags := map[string][]veille.Span{}
	var events [][]string
	for line := range strings.SplitSeq(ann, "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			continue
		}
		switch line[0] {
		case 'T':
			f := strings.Fields(strings.ReplaceAll(cols[1], ";", " "))
			if len(f) < 3 {
				continue
			}
			s, e, ok := math.MaxInt, -1, true
			var pieces []veille.Span
			for i, x := range f[1:] {
				v, err := strconv.Atoi(x)
				if err != nil {
					ok = false
					break
				}
				s, e = min(s, v), max(e, v)
				if i%2 == 0 {
					pieces = append(pieces, veille.Span{Start: off(v)})
				} else {
					pieces[len(pieces)-1].End = off(v)
				}
			}
			if !ok || e < s {
				continue
			}
			if s < 0 || e > nr {
				rep.Skip(skipSpanOutside)
				continue
			}
			spans[cols[0]] = veille.Span{Start: off(s), End: off(e)}
			if pieces = joinAdjacent(text, pieces); len(pieces) > 1 {
				frags[cols[0]] = pieces
			}
		case 'E':
			events = append(events, strings.Fields(cols[1]))
		}
	}
	var out []goldQuote
	for _, ev := range events {
		if len(ev) == 0 || !strings.HasPrefix(ev[0], "Attribution") {
			continue
		}
		var g goldQuote
		found := false
		for _, arg := range ev[1:] {
			role, id, _ := strings.Cut(arg, ":")
			sp, ok := spans[id]
			if !ok {
				continue
			}
			switch role {
			case "Content":
				g.Span, g.Frags, found = sp, frags[id], true
			case "Source":
				g.SpeakerSpan = sp
				g.SpeakerText = text[sp.Start:sp.End]
				g.Speaker = g.SpeakerText
			}
		}
		if !found {
			rep.Skip("PolNeAR attribution without content")
			continue
		}
		g.Content = text[g.Span.Start:g.Span.End]
		g.Kind = markedKind(text, g.Span)
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// joinAdjacent joins the BRAT fragments that only spaces or quote marks
// separate: such a content reads as one stretch of text (EVAL.md
// compares contents after trimming quote marks and spaces).
func joinAdjacent(text string, ps []veille.Span) []veille.Span {
	if len(ps) < 2 {
		return ps
	}
	out := ps[:1:1]
	for _, p := range ps[1:] {
		last := &out[len(out)-1]
		if p.Start >= last.End && strings.TrimFunc(text[last.End:p.Start], func(r rune) bool { return unicode.IsSpace(r) || isQuoteMark(r) }) == "" {
			last.End = p.End
			continue
		}
		out = append(out, p)
	}
	return out
}

// markedKind says whether span is a direct quotation (quote marks around
// it or at its ends), mixed (marks inside) or indirect.
func markedKind(text string, s veille.Span) string {
	t := trimQuoteSpan(text, s)
	before, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text[:t.Start], unicode.IsSpace))
	inner := text[t.Start:t.End]
	switch {
	case t != s && isQuoteMark(firstRuneOf(text[s.Start:s.End])), isQuoteMark(before):
		return "direct"
	case strings.ContainsAny(inner, "“”\"«»"):
		return "mixed"
	}
	return "indirect"
}

func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isQuoteMark(r rune) bool { return strings.ContainsRune("«»“”\"„‹›‘’'", r) }

// trimQuoteSpan trims quote marks and spaces from both ends of s.
func trimQuoteSpan(text string, s veille.Span) veille.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !isQuoteMark(r) && !unicode.IsSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !isQuoteMark(r) && !unicode.IsSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}

// quoteCounts are the figures of one kind of quotation.
type quoteCounts struct {
	gold, ours, exactG, exactO, overG, overO int
}

func (c *quoteCounts) add(o quoteCounts) {
	c.gold += o.gold
	c.ours += o.ours
	c.exactG += o.exactG
	c.exactO += o.exactO
	c.overG += o.overG
	c.overO += o.overO
}

func (c quoteCounts) prf() Metrics {
	var m Metrics
	set := func(name string, foundO, foundG int) {
		p, r := ratio(foundO, c.ours), ratio(foundG, c.gold)
		m.Set(name+"_precision", p)
		m.Set(name+"_recall", r)
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		if math.IsNaN(p) || math.IsNaN(r) {
			f = math.NaN()
		}
		m.Set(name+"_f1", f)
	}
	set("content_exact", c.exactO, c.exactG)
	set("content_overlap", c.overO, c.overG)
	return m
}

type quoteTally struct {
	all                 quoteCounts
	byKind              map[string]*quoteCounts
	speakerN, speakerOK int
}

func (t *quoteTally) kind(k string) *quoteCounts {
	if t.byKind == nil {
		t.byKind = map[string]*quoteCounts{}
	}
	if t.byKind[k] == nil {
		t.byKind[k] = &quoteCounts{}
	}
	return t.byKind[k]
}

func (t *quoteTally) metrics() Metrics {
	m := t.all.prf()
	m.Set("speaker_acc", ratio(t.speakerOK, t.speakerN))
	m.Set("n_speaker", float64(t.speakerN))
	for _, k := range []string{"direct", "indirect"} {
		m.SetSub(k, t.kind(k).prf())
	}
	return m
}

func kindGroup(k string) string {
	if k == "direct" {
		return "direct"
	}
	return "indirect"
}

// scoreQuotes matches one document's gold and our quotations and adds to
// tot and file.
func scoreQuotes(rep *Report, d quoteDoc, ours []veille.Quotation, tot, file *quoteTally) {
	gs := make([]veille.Span, len(d.quotes))
	for i, g := range d.quotes {
		gs[i] = trimQuoteSpan(d.text, g.Span)
	}
	ospans := make([]veille.Span, len(ours))
	for i, o := range ours {
		ospans[i] = trimQuoteSpan(d.text, o.ContentSpan)
	}
	// Exact: one to one on equal spans. A discontinuous gold content (a
	// quotation interrupted by its cue, one running over paragraphs) is
	// also found when our quotations equal its fragments, one each; those
	// pieces all count as found.
	exactG, exactO := map[int]bool{}, map[int]bool{}
	pieces := map[int][]int{} // gold → our pieces matching its fragments
	for gi := range gs {
		for oi := range ospans {
			if !exactO[oi] && gs[gi] == ospans[oi] {
				exactG[gi], exactO[oi] = true, true
				break
			}
		}
		if exactG[gi] || len(d.quotes[gi].Frags) < 2 {
			continue
		}
		var mine []int
		for _, fr := range d.quotes[gi].Frags {
			fr = trimQuoteSpan(d.text, fr)
			for oi := range ospans {
				if !exactO[oi] && !slices.Contains(mine, oi) && ospans[oi] == fr {
					mine = append(mine, oi)
					break
				}
			}
		}
		if len(mine) == len(d.quotes[gi].Frags) {
			exactG[gi] = true
			for _, oi := range mine {
				exactO[oi] = true
			}
			pieces[gi] = mine
		}
	}
	// Overlap: one to one, largest overlap first.
	type pair struct{ g, o, ov int }
	var pairs []pair
	for gi := range gs {
		for oi := range ospans {
			if ov := min(gs[gi].End, ospans[oi].End) - max(gs[gi].Start, ospans[oi].Start); ov > 0 {
				pairs = append(pairs, pair{gi, oi, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].ov > pairs[j].ov })
	overG, overO := map[int]int{}, map[int]bool{}
	for gi, mine := range pieces {
		overG[gi] = mine[0]
		for _, oi := range mine {
			overO[oi] = true
		}
	}
	for _, p := range pairs {
		if _, ok := overG[p.g]; ok || overO[p.o] {
			continue
		}
		overG[p.g], overO[p.o] = p.o, true
	}
	for _, t := range []*quoteTally{tot, file} {
		for oi, o := range ours {
			k := kindGroup(o.Kind)
			c := quoteCounts{ours: 1}
			if exactO[oi] {
				c.exactO = 1
			}
			if overO[oi] {
				c.overO = 1
			}
			t.all.add(c)
			t.kind(k).add(c)
		}
	}
	for gi, g := range d.quotes {
		k := kindGroup(g.Kind)
		c := quoteCounts{gold: 1}
		if exactG[gi] {
			c.exactG = 1
		}
		oi, matched := overG[gi]
		if matched {
			c.overG = 1
		}
		hasSpeaker := g.SpeakerSpan.End > g.SpeakerSpan.Start || g.Speaker != ""
		spOK := false
		if hasSpeaker && matched {
			cands := append([]int{oi}, pieces[gi]...)
			for _, fr := range g.Frags {
				// Our pieces of an interrupted quotation: the piece
				// before the cue carries the speaker.
				fr = trimQuoteSpan(d.text, fr)
				for oj, os := range ospans {
					if min(fr.End, os.End) > max(fr.Start, os.Start) {
						cands = append(cands, oj)
					}
				}
			}
			for _, oi := range cands {
				o := ours[oi]
				if o.SpeakerSpan != nil && g.SpeakerSpan.End > g.SpeakerSpan.Start &&
					min(o.SpeakerSpan.End, g.SpeakerSpan.End) > max(o.SpeakerSpan.Start, g.SpeakerSpan.Start) {
					spOK = true
				}
				if g.Speaker != "" && speakerKey(o.Speaker) == speakerKey(g.Speaker) {
					spOK = true
				}
			}
		}
		for _, t := range []*quoteTally{tot, file} {
			t.all.add(c)
			t.kind(k).add(c)
			if hasSpeaker {
				t.speakerN++
				if spOK {
					t.speakerOK++
				}
			}
		}
		if !hasSpeaker {
			rep.Skip("gold quotation without speaker (not in speaker_acc)")
		}
		var ov any
		if matched {
			ov = quoteView(ours[oi])
		}
		switch {
		case !matched:
			rep.AddMiss(Miss{File: d.file, ID: d.id, Gold: goldView(g), Reason: "missed (" + g.Kind + ")"})
		case !exactG[gi]:
			rep.AddMiss(Miss{File: d.file, ID: d.id, Gold: goldView(g), Ours: ov, Reason: "content boundaries differ (" + g.Kind + ")"})
		case hasSpeaker && !spOK:
			rep.AddMiss(Miss{File: d.file, ID: d.id, Gold: goldView(g), Ours: ov, Reason: "wrong speaker"})
		}
	}
	for oi, o := range ours {
		if !overO[oi] {
			rep.AddMiss(Miss{File: d.file, ID: d.id, Ours: quoteView(o), Reason: "spurious (" + o.Kind + ")"})
		}
	}
}

func goldView(g goldQuote) map[string]any {
	return map[string]any{"kind": g.Kind, "content": g.Content, "speaker_text": g.SpeakerText, "speaker": g.Speaker}
}

func quoteView(o veille.Quotation) map[string]any {
	return map[string]any{"kind": o.Kind, "content": o.Content, "cue": o.Cue, "speaker_text": o.SpeakerText, "speaker": o.Speaker}
}

// speakerKey compares speakers ignoring case, accents and spaces.
func speakerKey(s string) string {
	return strings.Join(strings.Fields(nlp.Fold(s)), "")
}
