package eval

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/entity"
	"github.com/veille/veille/internal/nlp"
)

// nerScored are the types of the micro average (CoNLL-2003 style).
var nerScored = []string{"PER", "ORG", "LOC"}

// Skip reasons of the ner task.
const (
	skipNERTrue   = "FENEC line typed true (dropped)"
	skipNERNested = "nested gold mention (outermost kept)"
	skipNERBad    = "unreadable gold line"
)

// nerSpan is a typed byte span.
type nerSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Text  string `json:"text"`
}

// nerDoc is one gold document: its text as we rebuild or read it, the
// sentences to scan, and the gold mentions in bytes of text.
type nerDoc struct {
	file  string
	id    string
	text  string
	units []veille.Span
	gold  []nerSpan
	io    bool // IO tags: adjacent mentions of one type cannot be told apart
}

// NER scores entity recognition (EVAL.md, task "ner"): exact span and
// type, micro-averaged over PER, ORG and LOC; our GPE counts as LOC and
// NORP is not scored. Each path is a file or folder (searched
// recursively) in one of the formats recognised by content: CoNLL
// columns (token POS chunk NER, IOB2), BIO/IO token files (token TAG),
// HIPE TSV (coarse literal column) and FENEC .txt + .ann pairs. ByType
// holds precision, recall, F1 and support per gold type (types we never
// predict, such as MISC or TIME, get recall and support only); ByFile
// holds each gold file's figures. N is the number of gold mentions of
// the scored types.
func NER(ctx context.Context, paths []string, withMisses bool) (*Report, error) {
	if len(paths) == 0 {
		return nil, errors.New("eval ner: no gold path given")
	}
	rep := NewReport("ner", paths, withMisses)
	var docs []*nerDoc
	for _, p := range paths {
		ds, err := readNERPath(p, rep)
		if err != nil {
			return nil, err
		}
		docs = append(docs, ds...)
	}
	if len(docs) == 0 {
		if rep.firstProblem != "" {
			return nil, fmt.Errorf("eval ner: no gold document in %s: %s", strings.Join(paths, ", "), rep.firstProblem)
		}
		return nil, fmt.Errorf("eval ner: no gold document in %s (CoNLL columns, BIO/IO token lines, HIPE TSV, or FENEC .txt with its .ann)", strings.Join(paths, ", "))
	}
	rec := entity.New()
	langs := nerLangs(docs)
	total := newPRF()
	files := map[string]*prf{}
	var order []string
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ours := nerOurs(rec, d, langs[d.file])
		f := files[d.file]
		if f == nil {
			f = newPRF()
			files[d.file] = f
			order = append(order, d.file)
		}
		for _, m := range scoreNER(d.gold, ours) {
			total.add(m.typ, m.outcome)
			f.add(m.typ, m.outcome)
			if m.outcome != tp && withMisses && (slices.Contains(nerScored, m.typ)) {
				var g, o any
				reason := "missed"
				if m.outcome == fn {
					g = m.span
				} else {
					o, reason = m.span, "spurious"
				}
				rep.AddMiss(Miss{File: d.file, ID: d.id, Gold: g, Ours: o, Reason: reason + " " + m.typ})
			}
		}
	}
	rep.N = total.support(nerScored...)
	if rep.N == 0 {
		return nil, fmt.Errorf("eval ner: no PER, ORG or LOC gold mention in %s%s", strings.Join(paths, ", "), skipSummary(rep))
	}
	rep.Metrics = total.micro(nerScored)
	for _, t := range total.types() {
		rep.ByType[t] = total.typeMetrics(t)
	}
	for _, name := range order {
		f := files[name]
		rep.ByFile[name] = FileScore{N: f.support(nerScored...), Metrics: f.micro(nerScored)}
	}
	return rep, nil
}

// nerLangs returns the language of each gold file: the one most of its
// documents seem written in (entity.GuessLang), "" when none shows.
func nerLangs(docs []*nerDoc) map[string]string {
	votes := map[string]map[string]int{}
	for _, d := range docs {
		if votes[d.file] == nil {
			votes[d.file] = map[string]int{}
		}
		votes[d.file][entity.GuessLang(d.text, d.units)]++
	}
	out := map[string]string{}
	for f, v := range votes {
		best := 0
		for _, l := range []string{"en", "fr"} {
			if v[l] > best {
				out[f], best = l, v[l]
			}
		}
	}
	return out
}

// nerOurs runs the recogniser over a gold document, in the language of
// its file when the document alone does not tell (a results table), and
// maps our types to the gold's: GPE → LOC; NORP is dropped.
func nerOurs(rec *entity.Recognizer, d *nerDoc, fileLang string) []nerSpan {
	lang := entity.GuessLang(d.text, d.units)
	if lang == "" {
		lang = fileLang
	}
	r := rec.RecognizeLang(d.text, d.units, lang)
	var out []nerSpan
	for _, m := range r.Mentions {
		t := m.Type
		switch t {
		case veille.TypeGPE:
			t = "LOC"
		case veille.TypeNORP:
			continue
		}
		if n := len(out); d.io && n > 0 && out[n-1].Type == t && strings.TrimSpace(d.text[out[n-1].End:m.Start]) == "" {
			out[n-1].End = m.End
			out[n-1].Text = d.text[out[n-1].Start:m.End]
			continue
		}
		out = append(out, nerSpan{Start: m.Start, End: m.End, Type: t, Text: m.Text})
	}
	return out
}

type outcome int

const (
	tp outcome = iota
	fp
	fn
)

type scored struct {
	typ     string
	outcome outcome
	span    nerSpan
}

// scoreNER matches exact span and type.
func scoreNER(gold, ours []nerSpan) []scored {
	key := func(s nerSpan) string { return strconv.Itoa(s.Start) + ":" + strconv.Itoa(s.End) + ":" + s.Type }
	g := map[string]bool{}
	for _, s := range gold {
		g[key(s)] = true
	}
	o := map[string]bool{}
	var out []scored
	for _, s := range ours {
		o[key(s)] = true
		if g[key(s)] {
			out = append(out, scored{s.Type, tp, s})
		} else {
			out = append(out, scored{s.Type, fp, s})
		}
	}
	for _, s := range gold {
		if !o[key(s)] {
			out = append(out, scored{s.Type, fn, s})
		}
	}
	return out
}

// prf counts true positives, false positives and false negatives by type.
type prf struct{ n map[string]*[3]int }

func newPRF() *prf { return &prf{n: map[string]*[3]int{}} }

func (p *prf) add(typ string, o outcome) {
	c := p.n[typ]
	if c == nil {
		c = &[3]int{}
		p.n[typ] = c
	}
	c[o]++
}

func (p *prf) support(types ...string) int {
	n := 0
	for _, t := range types {
		if c := p.n[t]; c != nil {
			n += c[tp] + c[fn]
		}
	}
	return n
}

func (p *prf) types() []string {
	var ts []string
	for t, c := range p.n {
		if c[tp]+c[fn] > 0 || slices.Contains(nerScored, t) {
			ts = append(ts, t)
		}
	}
	sort.Strings(ts)
	return ts
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if math.IsNaN(p) || math.IsNaN(r) {
		return math.NaN()
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (p *prf) micro(types []string) Metrics {
	var s [3]int
	for _, t := range types {
		if c := p.n[t]; c != nil {
			for i := range s {
				s[i] += c[i]
			}
		}
	}
	var m Metrics
	pr, rc := ratio(s[tp], s[tp]+s[fp]), ratio(s[tp], s[tp]+s[fn])
	m.Set("precision", pr)
	m.Set("recall", rc)
	m.Set("f1", f1(pr, rc))
	return m
}

func (p *prf) typeMetrics(t string) Metrics {
	c := p.n[t]
	var m Metrics
	rc := ratio(c[tp], c[tp]+c[fn])
	m.Set("recall", rc)
	if c[tp]+c[fp] > 0 {
		pr := ratio(c[tp], c[tp]+c[fp])
		m.Set("precision", pr)
		m.Set("f1", f1(pr, rc))
	}
	m.Set("support", float64(c[tp]+c[fn]))
	return m
}

// readNERPath reads every gold document under p.
func readNERPath(p string, rep *Report) ([]*nerDoc, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("eval ner: %w", err)
	}
	if !info.IsDir() {
		return readNERFile(p, filepath.Base(p), rep)
	}
	var docs []*nerDoc
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(p, path)
		ds, err := readNERFile(path, filepath.ToSlash(rel), rep)
		docs = append(docs, ds...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("eval ner: %w", err)
	}
	return docs, nil
}

// readNERFile reads one gold file, recognised by content; files in no
// known format (README, .txt of a FENEC pair…) give nothing.
func readNERFile(path, name string, rep *Report) ([]*nerDoc, error) {
	if strings.HasSuffix(path, ".ann") {
		txt := strings.TrimSuffix(path, ".ann") + ".txt"
		if _, err := os.Stat(txt); err == nil {
			d, err := readFENEC(txt, path, strings.TrimSuffix(name, ".ann"), rep)
			if err != nil {
				return nil, err
			}
			return []*nerDoc{d}, nil
		}
		// A FENEC annotation file alone cannot be scored: its offsets
		// point into the .txt.
		why := fmt.Sprintf("%s has no %s beside it", filepath.Base(path), filepath.Base(txt))
		rep.Skip("FENEC .ann without its .txt")
		if rep.firstProblem == "" {
			rep.firstProblem = why
		}
		return nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	head := string(b[:min(len(b), 4096)])
	switch {
	case strings.HasPrefix(head, "TOKEN\tNE-COARSE-LIT"):
		return readHIPE(string(b), name, rep), nil
	case strings.HasPrefix(head, "-DOCSTART-") || columnsLook(head, 4):
		return readColumns(string(b), name, false), nil
	case columnsLook(head, 2):
		return readColumns(string(b), name, true), nil
	}
	return nil, nil
}

// columnsLook reports whether the first lines of head have n
// space-separated columns ending in an IOB tag.
func columnsLook(head string, n int) bool {
	lines := strings.Split(head, "\n")
	good := 0
	for i, l := range lines {
		if i == len(lines)-1 || i > 20 {
			break
		}
		if l == "" {
			continue
		}
		f := strings.Fields(l)
		if len(f) != n {
			return false
		}
		t := f[n-1]
		if t != "O" && !strings.HasPrefix(t, "B-") && !strings.HasPrefix(t, "I-") {
			return false
		}
		good++
	}
	return good > 0
}

// goldType maps a gold label to ours: PERS and pers → PER, loc → LOC…
func goldType(t string) string {
	t = strings.ToUpper(t)
	switch t {
	case "PERS":
		return "PER"
	}
	return t
}

// tokenDoc builds a document from tokens: words joined by one space
// (none after a NoSpaceAfter token), one sentence per unit.
type tokenDoc struct {
	b          strings.Builder
	units      []veille.Span
	unitStart  int
	gold       []nerSpan
	open       *nerSpan
	noSpace    bool
	io         bool
	sentTokens int
}

func (t *tokenDoc) token(tok, tag string, noSpaceAfter bool) {
	if t.b.Len() > 0 && !t.noSpace {
		t.b.WriteByte(' ')
	}
	start := t.b.Len()
	t.b.WriteString(tok)
	end := t.b.Len()
	t.noSpace = noSpaceAfter
	t.sentTokens++
	typ, begin := "", false
	switch {
	case strings.HasPrefix(tag, "B-"):
		typ, begin = goldType(tag[2:]), true
	case strings.HasPrefix(tag, "I-"):
		typ = goldType(tag[2:])
	}
	if t.open != nil && (typ == "" || begin || typ != t.open.Type) {
		t.closeSpan()
	}
	if typ == "" {
		return
	}
	if t.open == nil {
		t.open = &nerSpan{Start: start, Type: typ}
	}
	t.open.End = end
}

func (t *tokenDoc) closeSpan() {
	if t.open != nil {
		t.gold = append(t.gold, *t.open)
		t.open = nil
	}
}

func (t *tokenDoc) endSentence() {
	if t.sentTokens > 0 {
		t.closeSpan()
		t.units = append(t.units, veille.Span{Start: t.unitStart, End: t.b.Len()})
		t.b.WriteByte('\n')
		t.unitStart = t.b.Len()
		t.noSpace = true
		t.sentTokens = 0
	}
}

func (t *tokenDoc) doc(file, id string) *nerDoc {
	t.endSentence()
	text := t.b.String()
	for i := range t.gold {
		t.gold[i].Text = text[t.gold[i].Start:t.gold[i].End]
	}
	return &nerDoc{file: file, id: id, text: text, units: t.units, gold: t.gold, io: t.io}
}

// readColumns reads CoNLL (tag in the last of four columns; blank lines
// between sentences, -DOCSTART- between documents) or IO token files
// (token TAG, no sentence breaks: a sentence ends after . ! or ?).
func readColumns(s, file string, io bool) []*nerDoc {
	var docs []*nerDoc
	cur := &tokenDoc{io: io}
	n := 0
	flush := func() {
		if cur.b.Len() > 0 {
			n++
			docs = append(docs, cur.doc(file, "doc"+strconv.Itoa(n)))
		}
		cur = &tokenDoc{io: io}
	}
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			cur.endSentence()
		case f[0] == "-DOCSTART-":
			flush()
		default:
			cur.token(f[0], f[len(f)-1], false)
			if io && (f[0] == "." || f[0] == "!" || f[0] == "?") {
				cur.endSentence()
			}
		}
	}
	flush()
	return docs
}

// readHIPE reads a HIPE-2022 TSV file: one document per
// "# hipe2022:document_id" comment, the coarse literal column, spacing
// from NoSpaceAfter and sentences from EndOfSentence.
func readHIPE(s, file string, rep *Report) []*nerDoc {
	var docs []*nerDoc
	cur := &tokenDoc{}
	id := ""
	flush := func() {
		if cur.b.Len() > 0 {
			docs = append(docs, cur.doc(file, id))
		}
		cur = &tokenDoc{}
	}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case strings.HasPrefix(line, "TOKEN\t"), line == "":
			continue
		case strings.HasPrefix(line, "#"):
			if v, ok := strings.CutPrefix(line, "# hipe2022:document_id = "); ok {
				flush()
				id = strings.TrimSpace(v)
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 10 {
			rep.Skip(skipNERBad)
			continue
		}
		misc := f[9]
		cur.token(f[0], f[1], strings.Contains(misc, "NoSpaceAfter"))
		if strings.Contains(misc, "EndOfSentence") {
			cur.endSentence()
		}
	}
	flush()
	return docs
}

// readFENEC reads a FENEC .txt with its .ann: TYPE start end surface n,
// offsets in characters of the .txt; "true" lines are dropped and nested
// mentions give way to the outermost.
func readFENEC(txtPath, annPath, name string, rep *Report) (*nerDoc, error) {
	tb, err := os.ReadFile(txtPath)
	if err != nil {
		return nil, err
	}
	ab, err := os.ReadFile(annPath)
	if err != nil {
		return nil, err
	}
	text := string(tb)
	byteAt, unitAt := runeOffsets(text), utf16Offsets(text)
	var gold []nerSpan
	for _, line := range strings.Split(string(ab), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			rep.Skip(skipNERBad)
			continue
		}
		if f[0] == "true" {
			rep.Skip(skipNERTrue)
			continue
		}
		s, err1 := strconv.Atoi(f[1])
		e, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			rep.Skip(skipNERBad)
			continue
		}
		if why := checkSpan(s, e, len(byteAt)-1); why != "" {
			rep.Skip(why)
			continue
		}
		gs := nerSpan{Start: byteAt[s], End: byteAt[e], Type: goldType(f[0])}
		// Some documents (the tweets) count UTF-16 code units, as
		// JavaScript does: an emoji counts twice. The surface form, when
		// given, tells which.
		if len(f) > 3 && !sameSurface(text[gs.Start:gs.End], f[3]) && e < len(unitAt) && unitAt[s] >= 0 && unitAt[e] >= 0 &&
			sameSurface(text[unitAt[s]:unitAt[e]], f[3]) {
			gs.Start, gs.End = unitAt[s], unitAt[e]
		}
		gs.Text = text[gs.Start:gs.End]
		gold = append(gold, gs)
	}
	var outer []nerSpan
	for i, g := range gold {
		nested := false
		for j, h := range gold {
			if i != j && h.Start <= g.Start && g.End <= h.End && (h.End-h.Start > g.End-g.Start || j < i) {
				nested = true
				break
			}
		}
		if nested {
			rep.Skip(skipNERNested)
			continue
		}
		outer = append(outer, g)
	}
	seg := nlp.Segment(text)
	units := append(slices.Clone(seg.Sentences), seg.Headings...)
	return &nerDoc{file: name, id: name, text: text, units: units, gold: outer}, nil
}

// utf16Offsets maps each UTF-16 code unit index of s (and len) to its
// byte offset; -1 for the second unit of a surrogate pair.
func utf16Offsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i, r := range s {
		out = append(out, i)
		if r > 0xFFFF {
			out = append(out, -1)
		}
	}
	return append(out, len(s))
}

// sameSurface reports whether a span of the text reads as the surface
// form of an annotation, whose tokens FENEC separates by spaces ("M . B"
// for "M. B").
func sameSurface(span, surface string) bool {
	drop := func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}
	return strings.Map(drop, span) == strings.Map(drop, surface)
}

// runeOffsets maps each code point index of s (and len) to its byte
// offset.
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}
