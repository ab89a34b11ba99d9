package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/ingest"
)

// bodyMissBelow is the body_f1 under which a page's body is listed among
// the misses.
const bodyMissBelow = 0.9

// Skip reasons of the ingest task.
const (
	skipNoDate    = "no expected date (date_acc only)"
	skipNoTitle   = "no expected title (title_acc only)"
	skipBadDate   = "unreadable expected date (date_acc only)"
	skipNoHTML    = "html file unreadable"
	skipBadRecord = "gold line not a fundus record"
)

// fundusPage is one line of a fundus gold JSONL: the expected extraction of
// one HTML page.
type fundusPage struct {
	ID       string `json:"id"`
	URL      string `json:"url"`
	Outlet   string `json:"outlet"`
	Date     string `json:"date"`
	Language string `json:"language"`
	Title    string `json:"title"`
	Text     string `json:"text"`
	HTMLFile string `json:"html_file"`
}

// Ingest scores veille's HTML reader on fundus gold pages (EVAL.md, task
// "ingest"). Each path is a fundus JSONL file or a folder holding one or
// more (searched recursively); both are recognised by content: JSON
// objects with "html_file", "title" and "text" fields, whatever the file
// is called. Each page's html_file (relative to its JSONL, gzipped or not)
// goes through ingest.ExtractHTML with the gold URL as page URL, and is
// scored with:
//
//   - title_acc: our title equals the expected one after white space is
//     collapsed (pages without an expected title are skipped for it);
//   - date_acc: our date falls on the same calendar day as the expected
//     one, in the expected date's own UTC offset (a day-only date, or a
//     time of day written without an offset, is compared as written);
//     pages without an expected date are skipped for it and counted;
//   - body_f1: F1 of the multisets of lower-cased Unicode word tokens
//     (runs of letters, marks and digits) of our text and the expected
//     one, averaged over pages; a page where we find no article scores 0
//     on all three.
//
// ByType holds the same figures per gold language ("en", "fr") with their
// support; ByFile holds each page's own, keyed by its html_file (prefixed
// with the gold file when several are pooled). With withMisses, Misses
// lists every wrong title and date and every body under 0.9 F1 (the
// expected paragraphs we lost and the paragraphs we added).
//
// It returns an error when a path cannot be read, holds no fundus JSONL,
// or holds no page that could be scored.
func Ingest(ctx context.Context, paths []string, withMisses bool) (*Report, error) {
	if len(paths) == 0 {
		return nil, errors.New("eval ingest: no gold path given")
	}
	rep := NewReport("ingest", paths, withMisses)
	var golds []string
	seen := map[string]bool{}
	for _, p := range paths {
		files, err := findFundusJSONL(p)
		if err != nil {
			return nil, fmt.Errorf("eval ingest: %w", err)
		}
		for _, f := range files {
			// A folder and its own JSONL given together count once.
			abs, err := filepath.Abs(f)
			if err != nil {
				abs = f
			}
			if !seen[abs] {
				seen[abs] = true
				golds = append(golds, f)
			}
		}
	}
	var all, dated, titled score
	byLang := map[string]*langScore{}
	for _, gold := range golds {
		pages, bad, err := readFundusJSONL(gold)
		if err != nil {
			return nil, fmt.Errorf("eval ingest: %w", err)
		}
		for _, why := range bad {
			rep.Skip(why)
		}
		for _, pg := range pages {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			file := pg.HTMLFile
			if len(golds) > 1 {
				file = filepath.Join(gold, pg.HTMLFile)
			}
			page, err := readPage(filepath.Join(filepath.Dir(gold), filepath.FromSlash(pg.HTMLFile)))
			if err != nil {
				rep.Skip(skipNoHTML)
				rep.AddMiss(Miss{File: file, ID: pg.ID, Gold: pg.HTMLFile, Reason: "html file unreadable: " + err.Error()})
				continue
			}
			ps := scorePage(rep, file, pg, page)
			rep.N++
			all.body += ps.body
			ls := byLang[pg.Language]
			if ls == nil {
				ls = &langScore{}
				byLang[pg.Language] = ls
			}
			ls.n++
			ls.body += ps.body
			m := Metrics{}
			m.Set("body_f1", ps.body)
			if ps.titleScored {
				titled.n++
				ls.titled.n++
				titled.hits += b2f(ps.title)
				ls.titled.hits += b2f(ps.title)
				m.Set("title_acc", b2f(ps.title))
			}
			if ps.dateScored {
				dated.n++
				ls.dated.n++
				dated.hits += b2f(ps.date)
				ls.dated.hits += b2f(ps.date)
				m.Set("date_acc", b2f(ps.date))
			}
			rep.ByFile[file] = FileScore{N: 1, Metrics: m}
		}
	}
	if rep.N == 0 {
		return nil, fmt.Errorf("eval ingest: %s: nothing scorable (no HTML page of the gold could be read)%s", strings.Join(paths, ", "), skipSummary(rep))
	}
	rep.Metrics = ingestMetrics(rep.N, all.body, titled, dated)
	for lang, ls := range byLang {
		if lang == "" {
			lang = "unknown"
		}
		m := ingestMetrics(ls.n, ls.body, ls.titled, ls.dated)
		m.Set("support", float64(ls.n))
		rep.ByType[lang] = m
	}
	return rep, nil
}

// score accumulates hits over scored items (or a sum of F1 in body).
type score struct {
	n    int
	hits float64
	body float64
}

type langScore struct {
	n             int
	body          float64
	titled, dated score
}

func ingestMetrics(n int, bodySum float64, titled, dated score) Metrics {
	m := Metrics{}
	m.Set("body_f1", bodySum/float64(n))
	if titled.n > 0 {
		m.Set("title_acc", titled.hits/float64(titled.n))
	}
	if dated.n > 0 {
		m.Set("date_acc", dated.hits/float64(dated.n))
	}
	return m
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// pageScore is one page's result.
type pageScore struct {
	title, titleScored bool
	date, dateScored   bool
	body               float64
}

// scorePage extracts one page and scores it against pg, counting skips
// and adding misses to rep.
func scorePage(rep *Report, file string, pg fundusPage, page []byte) pageScore {
	var ps pageScore
	rec, err := ingest.ExtractHTML(page, pg.URL, "")
	if err != nil {
		reason := "no article found"
		if !errors.Is(err, ingest.ErrNoArticle) {
			reason = "extraction failed: " + err.Error()
		}
		rec = &ingest.Record{}
		rep.AddMiss(Miss{File: file, ID: pg.ID, Gold: pg.Title, Ours: nil, Reason: reason})
	}

	if collapse(pg.Title) == "" {
		rep.Skip(skipNoTitle)
	} else {
		ps.titleScored = true
		ps.title = collapse(rec.Title) == collapse(pg.Title)
		if !ps.title && err == nil {
			reason := "title differs"
			if collapse(rec.Title) == "" {
				reason = "no title found"
			}
			rep.AddMiss(Miss{File: file, ID: pg.ID, Gold: collapse(pg.Title), Ours: collapse(rec.Title), Reason: reason})
		}
	}

	switch gd, ok := parseDateZone(pg.Date); {
	case strings.TrimSpace(pg.Date) == "":
		rep.Skip(skipNoDate)
	case !ok:
		rep.Skip(skipBadDate)
	default:
		ps.dateScored = true
		ps.date = sameDay(gd, rec.Date)
		if !ps.date && err == nil {
			reason := "different day"
			if rec.Date == "" {
				reason = "no date found"
			}
			rep.AddMiss(Miss{File: file, ID: pg.ID, Gold: pg.Date, Ours: rec.Date, Reason: reason})
		}
	}

	ps.body = bodyF1(pg.Text, rec.Text)
	if ps.body < bodyMissBelow && err == nil {
		lost, added := paragraphDiff(pg.Text, rec.Text, 3)
		rep.AddMiss(Miss{File: file, ID: pg.ID, Gold: lost, Ours: added,
			Reason: fmt.Sprintf("body_f1 %.3f (gold: paragraphs we lost; ours: paragraphs we added)", ps.body)})
	}
	return ps
}

// zonedDate is a gold or extracted date with its own UTC offset kept.
// floating marks a time of day written without an offset (local time of
// an unknown place).
type zonedDate struct {
	t                  time.Time
	hasClock, floating bool
}

// zoneLayouts are the date forms read with their offset kept, whether
// they carry a time of day, and whether they lack an offset.
var zoneLayouts = []struct {
	layout          string
	clock, floating bool
}{
	{time.RFC3339Nano, true, false},
	{"2006-01-02 15:04:05.999999999Z07:00", true, false},
	{"2006-01-02T15:04:05.999999999Z0700", true, false},
	{"2006-01-02 15:04:05.999999999Z0700", true, false},
	{"2006-01-02T15:04:05.999999999", true, true},
	{"2006-01-02 15:04:05.999999999", true, true},
	{"2006-01-02T15:04", true, true},
	{"2006-01-02 15:04", true, true},
	{"2006-01-02", false, false},
}

// parseDateZone reads s keeping its UTC offset; it falls back to
// veille.ParseDate (instants in UTC) for the other forms that reads.
func parseDateZone(s string) (zonedDate, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return zonedDate{}, false
	}
	for _, l := range zoneLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return zonedDate{t: t, hasClock: l.clock, floating: l.floating}, true
		}
	}
	d, err := veille.ParseDate(s)
	if err != nil || d.IsZero() || d.Precision == veille.PrecisionYear || d.Precision == veille.PrecisionMonth {
		return zonedDate{}, false
	}
	return zonedDate{t: d.Time, hasClock: d.Precision == veille.PrecisionInstant}, true
}

// sameDay reports whether ours (a Record.Date) falls on gold's calendar
// day: an instant of ours is moved into gold's offset first; a day-only
// date, a time of day without an offset, or any date of ours when gold
// gives no instant, is compared as written.
func sameDay(gold zonedDate, ours string) bool {
	o, ok := parseDateZone(ours)
	if !ok {
		return false
	}
	const day = "2006-01-02"
	want := gold.t.Format(day)
	if o.hasClock && gold.hasClock && !o.floating && !gold.floating {
		return o.t.In(gold.t.Location()).Format(day) == want
	}
	return o.t.Format(day) == want
}

// wordTokens counts the lower-cased word tokens of s: maximal runs of
// Unicode letters, marks and digits.
func wordTokens(s string) map[string]int {
	m := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r)
	}) {
		m[w]++
	}
	return m
}

// bodyF1 is the F1 of the multiset overlap of the word tokens of gold and
// ours: 1 when both are empty, 0 when only one is.
func bodyF1(gold, ours string) float64 {
	g, o := wordTokens(gold), wordTokens(ours)
	var ng, no, overlap int
	for w, c := range g {
		ng += c
		overlap += min(c, o[w])
	}
	for _, c := range o {
		no += c
	}
	if ng == 0 && no == 0 {
		return 1
	}
	if overlap == 0 {
		return 0
	}
	p, r := float64(overlap)/float64(no), float64(overlap)/float64(ng)
	return 2 * p * r / (p + r)
}

// paragraphDiff returns up to max paragraphs of gold missing from ours and
// of ours missing from gold (compared with white space collapsed), each cut
// to 200 characters.
func paragraphDiff(gold, ours string, max int) (lost, added []string) {
	split := func(s string) ([]string, map[string]bool) {
		var list []string
		set := map[string]bool{}
		for _, p := range strings.Split(s, "\n\n") {
			if p = collapse(p); p != "" {
				list = append(list, p)
				set[p] = true
			}
		}
		return list, set
	}
	gl, gset := split(gold)
	ol, oset := split(ours)
	cut := func(s string) string {
		if r := []rune(s); len(r) > 200 {
			return string(r[:199]) + "…"
		}
		return s
	}
	lost, added = []string{}, []string{}
	for _, p := range gl {
		if !oset[p] && len(lost) < max {
			lost = append(lost, cut(p))
		}
	}
	for _, p := range ol {
		if !gset[p] && len(added) < max {
			added = append(added, cut(p))
		}
	}
	return lost, added
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// findFundusJSONL returns the fundus gold files at path: path itself when
// it is one, or those under it (recursively, hidden folders skipped). A
// file is a fundus gold when its first JSON line is an object with
// "html_file", "title" and "text".
func findFundusJSONL(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		ok, unreadable, err := isFundusJSONL(path)
		if err != nil {
			return nil, err
		}
		if !ok && unreadable != "" {
			return nil, fmt.Errorf("no readable gold line: %s", unreadable)
		}
		if !ok {
			return nil, fmt.Errorf("%s: not a fundus gold file (JSON lines with html_file, title and text)", path)
		}
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".jsonl" && ext != ".ndjson" && ext != ".json" {
			return nil
		}
		if ok, _, _ := isFundusJSONL(p); ok {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no fundus gold file in this folder (JSON lines with html_file, title and text)", path)
	}
	return out, nil
}

// isFundusJSONL reports whether the first readable line of the file is a
// fundus gold record; when no line can be read, unreadable says why
// ("file:line: why" of the first).
func isFundusJSONL(path string) (ok bool, unreadable string, err error) {
	err = eachLine(path, func(line []byte, n int) error {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(line, &m); err != nil {
			if unreadable == "" {
				unreadable = fmt.Sprintf("%s:%d: %s", path, n, jsonProblem(err))
			}
			return nil
		}
		_, a := m["html_file"]
		_, b := m["title"]
		_, c := m["text"]
		ok, unreadable = a && b && c, ""
		return errStop
	})
	if err == errStop {
		err = nil
	}
	return ok, unreadable, err
}

// readFundusJSONL reads every record of a fundus gold file; bad holds
// the skip reason of each line that is not a record with an html_file
// (an unreadable row names its file and line).
func readFundusJSONL(path string) (pages []fundusPage, bad []string, err error) {
	err = eachLine(path, func(line []byte, n int) error {
		var pg fundusPage
		switch err := json.Unmarshal(line, &pg); {
		case err != nil:
			bad = append(bad, unreadableRow(path, n, err))
		case pg.HTMLFile == "":
			bad = append(bad, skipBadRecord)
		default:
			pages = append(pages, pg)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return pages, bad, nil
}

// readPage reads an HTML file, gunzipping it when it starts with the gzip
// magic number.
func readPage(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		defer zr.Close()
		if b, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
	}
	return b, nil
}
