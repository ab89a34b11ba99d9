package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/amount"
	"github.com/veille/veille/internal/nlp"
)

// Amounts scores the amounts extractor (../shared/EVAL.md, task
// "amounts") on Duckling numeral, ordinal and amount-of-money rows (key
// "exact") and on the amounts of quotes-claims-fr ("precision", "recall",
// "f1", "value_acc", "unit_acc"). paths are files or folders; inside a
// folder, every .jsonl file of either kind is read (Duckling files of
// other dimensions are skipped and counted). shared resolves the
// quotes-claims articles' corpus_file.
func Amounts(ctx context.Context, paths []string, withMisses bool, shared string) (*Report, error) {
	rep := NewReport("amounts", paths, withMisses)
	var files []string
	for _, p := range paths {
		fs, err := jsonlFiles(p)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	var duck duckScore
	var qc qcScore
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		kind, err := sniffAmountsGold(rep, f)
		if err != nil {
			return nil, err
		}
		switch kind {
		case "":
			// empty, or no readable row: counted by sniffAmountsGold
		case "duckling":
			if err := duck.file(rep, f); err != nil {
				return nil, err
			}
		case "quotes-claims":
			if err := qc.file(rep, f, shared); err != nil {
				return nil, err
			}
		default:
			rep.Skip("not an amounts gold file")
		}
	}
	if rep.N == 0 {
		return nil, nothingScorable("amounts", paths, rep, "no Duckling numeral, ordinal or money row, no quotes-claims amount")
	}
	if duck.n > 0 {
		rep.Metrics.Set("exact", float64(duck.right)/float64(duck.n))
		for dim, s := range duck.byDim {
			m := Metrics{}
			m.Set("exact", float64(s[0])/float64(s[1]))
			m.Set("support", float64(s[1]))
			rep.ByType[dim] = m
		}
	}
	if qc.gold > 0 {
		qc.metrics(&rep.Metrics)
		for kind, s := range qc.byKind {
			m := Metrics{}
			s.metrics(&m)
			m.Set("support", float64(s.gold))
			rep.ByType[kind] = m
		}
	}
	return rep, nil
}

// jsonlFiles returns path itself, or the .jsonl files under it.
func jsonlFiles(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != path && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".jsonl") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// sniffAmountsGold tells a Duckling file from a quotes-claims one by the
// keys of its first readable record ("other" for a record of neither).
// A file with no readable record gives "" and counts why as skipped:
// each unreadable row, or an empty file.
func sniffAmountsGold(rep *Report, path string) (string, error) {
	var kind string
	var bad []string
	err := eachLine(path, func(line []byte, n int) error {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(line, &m); err != nil || m == nil {
			if err == nil {
				err = errors.New("want an object, got null")
			}
			bad = append(bad, unreadableRow(path, n, err))
			return nil
		}
		kind = "other"
		if _, ok := m["expected_hs"]; ok {
			kind = "duckling"
		} else if _, ok := m["amounts"]; ok {
			kind = "quotes-claims"
		}
		return errStop
	})
	if err != nil && err != errStop {
		return "", err
	}
	if kind == "" {
		for _, b := range bad {
			rep.Skip(b)
		}
		if len(bad) == 0 {
			rep.Skip("empty gold file")
		}
	}
	return kind, nil
}

// errStop stops eachLine early.
var errStop = errors.New("stop")

// readJSONL calls fn with each non-blank line of the JSONL file at path;
// fn's error stops the reading, returned as "file:line: why". Scorers
// that count unreadable rows and go on use readRows.
func readJSONL(path string, fn func([]byte) error) error {
	return eachLine(path, func(line []byte, n int) error {
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %s", path, n, jsonProblem(err))
		}
		return nil
	})
}

// duckRow is one row of a Duckling corpus file.
type duckRow struct {
	Text      string          `json:"text"`
	Dimension string          `json:"dimension"`
	Locale    string          `json:"locale"`
	Expected  *duckExpected   `json:"-"`
	RawExp    json.RawMessage `json:"expected"`
	Negative  bool            `json:"negative"`
	Source    string          `json:"source"`
}

type duckExpected struct {
	Kind  string   `json:"kind"`
	Value *float64 `json:"value"`
	Unit  string   `json:"unit"`
	From  *float64 `json:"from"`
	To    *float64 `json:"to"`
}

type duckScore struct {
	n, right int
	byDim    map[string]*[2]int
}

var duckDims = map[string]string{"Numeral": "numeral", "Ordinal": "ordinal", "AmountOfMoney": "amount-of-money"}

func (d *duckScore) file(rep *Report, path string) error {
	if d.byDim == nil {
		d.byDim = map[string]*[2]int{}
	}
	n, right := 0, 0
	err := readRows(rep, path, func(line []byte) error {
		var r duckRow
		if err := json.Unmarshal(line, &r); err != nil {
			return err
		}
		dim, ok := duckDims[r.Dimension]
		if !ok {
			rep.Skip("dimension " + r.Dimension + " is not an amount")
			return nil
		}
		if strings.TrimSpace(r.Text) == "" {
			rep.Skip("gold phrase empty")
			return nil
		}
		if len(r.RawExp) > 0 && string(r.RawExp) != "null" {
			// Time rows carry other shapes; only amounts are read.
			if err := json.Unmarshal(r.RawExp, &r.Expected); err != nil {
				return err
			}
		}
		if !r.Negative && r.Expected == nil {
			rep.Skip("expected value not structured")
			return nil
		}
		lang := strings.ToLower(r.Locale)
		if len(lang) > 2 {
			lang = lang[:2]
		}
		ok, best := duckRight(r, dim, lang)
		var ours any
		if best != nil {
			ours = map[string]any{"text": r.Text[best.Start:best.End], "found": best}
		}
		n++
		s := d.byDim[dim]
		if s == nil {
			s = &[2]int{}
			d.byDim[dim] = s
		}
		s[1]++
		if ok {
			right++
			s[0]++
			return nil
		}
		reason := "wrong value or unit"
		switch {
		case r.Negative:
			reason = "negative phrase found"
		case ours == nil:
			reason = "nothing found"
		}
		rep.AddMiss(Miss{File: path, ID: r.Source, Gold: map[string]any{"text": r.Text, "expected": r.Expected}, Ours: ours, Reason: reason})
		return nil
	})
	if err != nil {
		return err
	}
	rep.N += n
	d.n += n
	d.right += right
	if n > 0 {
		m := Metrics{}
		m.Set("exact", float64(right)/float64(n))
		rep.ByFile[path] = FileScore{N: n, Metrics: m}
	}
	return nil
}

// duckRight scores one row: the longest match of the row's kind over the
// phrase must carry the expected value (and unit, bound or range).
func duckRight(r duckRow, dim, lang string) (bool, *amount.Match) {
	ms := amount.Scan(r.Text, lang)
	var best *amount.Match
	for i := range ms {
		m := &ms[i]
		switch dim {
		case "ordinal":
			if m.Kind != amount.KindOrdinal {
				continue
			}
		case "numeral":
			if m.Kind == amount.KindOrdinal || m.Vague {
				continue
			}
		case "amount-of-money":
			if m.Kind != amount.KindMoney && !(m.Kind == amount.KindNumber && (r.Expected == nil || r.Expected.Unit == "Unnamed")) {
				continue
			}
		}
		if best == nil || m.End-m.Start > best.End-best.Start {
			best = m
		}
	}
	if r.Negative {
		return best == nil, best
	}
	if best == nil {
		return false, nil
	}
	e := r.Expected
	switch e.Kind {
	case "numeral", "ordinal":
		return e.Value != nil && same(best.Value, *e.Value) && !best.Range, best
	case "simple":
		return e.Value != nil && !best.Range && best.Bound == "" && moneyEqual(best, e.Unit, *e.Value), best
	case "interval":
		return e.From != nil && e.To != nil && best.Range && moneyEqual(best, e.Unit, *e.From) && unitOK(best.Unit, e.Unit) && same(best.Max, *e.To), best
	case "above":
		return e.Value != nil && (best.Bound == "above" || best.Bound == "at_least") && moneyEqual(best, e.Unit, *e.Value), best
	case "under":
		return e.Value != nil && (best.Bound == "below" || best.Bound == "at_most") && moneyEqual(best, e.Unit, *e.Value), best
	}
	return false, best
}

func same(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// moneyEqual compares value and unit as EVAL.md says: Duckling's unit
// families accept several ISO codes; "Cent" compares value×100.
func moneyEqual(m *amount.Match, unit string, v float64) bool {
	if unit == "Cent" {
		return m.Unit != "" && same(m.Value*100, v)
	}
	return unitOK(m.Unit, unit) && same(m.Value, v)
}

var duckFamilies = map[string]string{
	"Dollar": "USD CAD AUD NZD HKD SGD TWD JMD BBD BSD BZD BMD FJD GYD LRD NAD SBD SRD TTD XCD KYD BND ZWL",
	"Pound":  "GBP EGP LBP SDG SSP SYP FKP GIP SHP",
	"Riyal":  "SAR QAR OMR",
	"Rial":   "IRR OMR YER",
}

func unitOK(ours, gold string) bool {
	switch gold {
	case "Unnamed", "":
		return ours == ""
	}
	if fam, ok := duckFamilies[gold]; ok {
		return ours != "" && strings.Contains(fam, ours)
	}
	return ours == gold
}

// qcArticle is one record of quotes-claims-fr with its amounts.
type qcArticle struct {
	ArticleID  string     `json:"article_id"`
	CorpusFile string     `json:"corpus_file"`
	Amounts    []qcAmount `json:"amounts"`
}

type qcAmount struct {
	Text   string   `json:"text"`
	Span   goldSpan `json:"span"`
	Value  *float64 `json:"value"`
	Unit   string   `json:"unit"`
	Approx bool     `json:"approx"`
	Period string   `json:"period"`
}

type qcScore struct {
	gold, ours, matched, valueOK, unitOK int
	byKind                               map[string]*qcScore
}

func (s *qcScore) metrics(m *Metrics) {
	p, r := amtRatio(s.matched, s.ours), amtRatio(s.matched, s.gold)
	m.Set("precision", p)
	m.Set("recall", r)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	m.Set("f1", f)
	m.Set("value_acc", amtRatio(s.valueOK, s.matched))
	m.Set("unit_acc", amtRatio(s.unitOK, s.matched))
}

func amtRatio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

func (s *qcScore) kind(k string) *qcScore {
	if s.byKind == nil {
		s.byKind = map[string]*qcScore{}
	}
	if s.byKind[k] == nil {
		s.byKind[k] = &qcScore{}
	}
	return s.byKind[k]
}

func (s *qcScore) file(rep *Report, path, shared string) error {
	var fileScore qcScore
	err := readRows(rep, path, func(line []byte) error {
		var a qcArticle
		if err := json.Unmarshal(line, &a); err != nil {
			return err
		}
		if len(a.Amounts) == 0 {
			return nil
		}
		text, pub, ok := goldArticle(rep, path, shared, a.ArticleID, a.CorpusFile)
		if !ok {
			return nil
		}
		// A gold span that does not frame a piece of the text is skipped
		// and counted, never scored as a miss.
		nr := utf8.RuneCountInString(text)
		kept := a.Amounts[:0]
		for _, g := range a.Amounts {
			if why := g.Span.check(nr); why != "" {
				rep.Skip(why)
				continue
			}
			kept = append(kept, g)
		}
		if a.Amounts = kept; len(kept) == 0 {
			return nil
		}
		seg := nlp.Segment(text)
		ours := amount.Amounts(text, "fr", pub, seg.Sentences)
		var mine []veille.Amount
		for _, o := range ours {
			if o.Kind == amount.KindMoney || o.Kind == amount.KindCount {
				mine = append(mine, o)
			}
		}
		scoreArticle(rep, path, a, text, mine, s, &fileScore)
		return nil
	})
	if err != nil {
		return err
	}
	if fileScore.gold > 0 {
		m := Metrics{}
		fileScore.metrics(&m)
		rep.ByFile[path] = FileScore{N: fileScore.gold, Metrics: m}
		rep.N += fileScore.gold
	}
	return nil
}

// scoreArticle matches gold and our amounts one to one by overlap (the
// largest overlap first) and counts.
func scoreArticle(rep *Report, path string, a qcArticle, text string, ours []veille.Amount, tot, file *qcScore) {
	runeToByte := amtRuneOffsets(text)
	type pair struct{ g, o, ov int }
	var pairs []pair
	gspans := make([]veille.Span, len(a.Amounts))
	for gi, g := range a.Amounts {
		gspans[gi] = veille.Span{Start: runeToByte(g.Span.Start), End: runeToByte(g.Span.End)}
		for oi, o := range ours {
			ov := min(gspans[gi].End, o.End) - max(gspans[gi].Start, o.Start)
			if ov > 0 {
				pairs = append(pairs, pair{gi, oi, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].ov > pairs[j].ov })
	gm, om := map[int]int{}, map[int]bool{}
	for _, p := range pairs {
		if _, ok := gm[p.g]; ok || om[p.o] {
			continue
		}
		gm[p.g] = p.o
		om[p.o] = true
	}
	goldKind := func(g qcAmount) string {
		if len(g.Unit) == 3 && strings.ToUpper(g.Unit) == g.Unit || g.Unit == "" {
			return "money"
		}
		return "count"
	}
	for _, sc := range []*qcScore{tot, file} {
		sc.ours += len(ours)
	}
	for gi, g := range a.Amounts {
		k := goldKind(g)
		for _, sc := range []*qcScore{tot, file, tot.kind(k)} {
			sc.gold++
		}
		oi, ok := gm[gi]
		if !ok {
			rep.AddMiss(Miss{File: path, ID: a.ArticleID, Gold: g, Reason: "missed"})
			continue
		}
		o := ours[oi]
		vOK := g.Value == nil && o.Value == nil || g.Value != nil && o.Value != nil && same(*g.Value, *o.Value)
		uOK := g.Unit == o.Unit
		for _, sc := range []*qcScore{tot, file, tot.kind(k)} {
			sc.matched++
			if vOK {
				sc.valueOK++
			}
			if uOK {
				sc.unitOK++
			}
		}
		if !vOK || !uOK {
			reason := "wrong value"
			if vOK {
				reason = "wrong unit"
			} else if !uOK {
				reason = "wrong value and unit"
			}
			rep.AddMiss(Miss{File: path, ID: a.ArticleID, Gold: g, Ours: o, Reason: reason})
		}
	}
	for oi, o := range ours {
		if !om[oi] {
			tot.kind(o.Kind).ours++
			rep.AddMiss(Miss{File: path, ID: a.ArticleID, Ours: o, Reason: "spurious (no gold amount overlaps)"})
		} else {
			// Attribute matched ours to the gold kind they matched.
			for gi, x := range gm {
				if x == oi {
					tot.kind(goldKind(a.Amounts[gi])).ours++
				}
			}
		}
	}
}

// runeOffsets returns a function from code point offsets of text to byte
// offsets.
func amtRuneOffsets(text string) func(int) int {
	idx := make([]int, 0, len(text)+1)
	for i := range text {
		idx = append(idx, i)
	}
	idx = append(idx, len(text))
	return func(r int) int {
		if r < 0 {
			return 0
		}
		if r >= len(idx) {
			return len(text)
		}
		return idx[r]
	}
}

// goldArticle loads the article a gold record of file names; when it
// cannot, it counts the record as skipped, lists it as a miss and returns
// false. The report remembers the first article not found, so that a
// gold set none of whose articles is found says so (nothingScorable).
func goldArticle(rep *Report, file, shared, id, corpusFile string) (string, veille.Date, bool) {
	rep.sharedDir = shared
	text, pub, err := loadArticle(shared, id, corpusFile)
	if err != nil {
		rep.Skip(skipArticle)
		if rep.missingArticle == "" {
			rep.missingArticle = err.Error()
		}
		rep.AddMiss(Miss{File: file, ID: id, Reason: "article text not found: " + err.Error()})
		return "", veille.Date{}, false
	}
	rep.foundArticles++
	return text, pub, true
}

// loadArticle finds an article's text and date: "seed" is the seed file
// (its text after the " date YYYY-MM " header), otherwise the record of
// corpus_file (a path inside shared) whose id is id.
func loadArticle(shared, id, corpusFile string) (string, veille.Date, error) {
	if id == "seed" {
		matches, _ := filepath.Glob(filepath.Join(shared, "seed", "*.txt"))
		if len(matches) == 0 {
			return "", veille.Date{}, fmt.Errorf("no seed file %s", filepath.Join(shared, "seed", "*.txt"))
		}
		b, err := os.ReadFile(matches[0])
		if err != nil {
			return "", veille.Date{}, err
		}
		s := string(b)
		var pub veille.Date
		if rest, ok := strings.CutPrefix(s, " date "); ok {
			if d, text, ok := strings.Cut(rest, " "); ok {
				pub, _ = veille.ParseDate(d)
				s = text
			}
		}
		return s, pub, nil
	}
	switch {
	case corpusFile == "":
		return "", veille.Date{}, fmt.Errorf("article %s names no corpus_file", id)
	case !filepath.IsLocal(filepath.FromSlash(corpusFile)):
		return "", veille.Date{}, fmt.Errorf("corpus_file %s is not a path inside --shared", corpusFile)
	}
	path := filepath.Join(shared, filepath.FromSlash(corpusFile))
	if _, err := os.Stat(path); err != nil {
		return "", veille.Date{}, fmt.Errorf("%s: no such file", path)
	}
	var text string
	var pub veille.Date
	found := false
	err := eachLine(path, func(line []byte, _ int) error {
		if found || !bytes.Contains(line, []byte(id)) {
			return nil
		}
		var rec map[string]any
		if json.Unmarshal(line, &rec) != nil {
			return nil
		}
		if fmt.Sprint(rec["id"]) != id {
			return nil
		}
		text, _ = rec["text"].(string)
		for _, k := range []string{"date", "published"} {
			if s, ok := rec[k].(string); ok {
				if d, err := veille.ParseDate(s); err == nil {
					pub = d
					break
				}
			}
		}
		found = true
		return nil
	})
	if err != nil {
		return "", veille.Date{}, err
	}
	if !found {
		return "", veille.Date{}, fmt.Errorf("%s has no record %s", path, id)
	}
	return text, pub, nil
}
