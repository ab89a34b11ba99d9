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
	"time"
	"unicode/utf16"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/date"
)

// Skip reasons of the dates task.
const (
	skipDatesNotTime      = "duckling row of another dimension"
	skipDatesUnstructured = "unstructured or null expectation"
	skipDatesNoRef        = "chrono row without a literal ref_date"
	skipDatesNoComponent  = "chrono row without a numeric component"
	skipDatesLang         = "language not fr or en"
	skipDatesTranslation  = "dateparser translation or detection row"
	skipDatesUnknownRow   = "not a Duckling, chrono or dateparser row"
	skipDatesBadGrain     = "duckling grain unknown"
	skipDatesImpossible   = "impossible gold date"
	skipDatesBadComponent = "impossible chrono component"
	skipDatesBadIndex     = "chrono index outside its text"
)

// duckRef is the reference time of Duckling's corpus (testContext): Tuesday
// 2013-02-12 04:30:00, its zone left aside.
var duckRef = veille.Date{Time: time.Date(2013, 2, 12, 4, 30, 0, 0, time.UTC), Precision: veille.PrecisionInstant}

// duckDiffRef is the reference time of Duckling's diffCorpus binding:
// Friday 2013-02-15 04:30:00.
var duckDiffRef = veille.Date{Time: time.Date(2013, 2, 15, 4, 30, 0, 0, time.UTC), Precision: veille.PrecisionInstant}

// duckZone is the zone of Duckling's reference time (UTC−2).
var duckZone = time.FixedZone("UTC-2", -2*3600)

// dateparserNow is the "now" of dateparser rows that give no relative base:
// the day their expected values imply (Tuesday 2012-11-13).
var dateparserNow = veille.Date{Time: time.Date(2012, 11, 13, 0, 0, 0, 0, time.UTC), Precision: veille.PrecisionInstant}

// Dates scores package date on Duckling time rows, chrono rows and
// dateparser rows (EVAL.md, task "dates"). Each path is a JSONL file or a
// folder of them (searched recursively); each line is recognised by its
// fields: Duckling ("dimension", "expected"), chrono ("parser",
// "expected"), dateparser ("test_function", "args").
//
//   - Duckling Time rows are resolved against 2013-02-12T04:30:00
//     (2013-02-15 for the diffCorpus binding) with Duckling's
//     conventions: the Future option, finer offsets, "upcoming N units"
//     as the Nth unit, zone names converted to UTC−2, "a few" as three,
//     "now" as the reference instant, "la veille", "le lendemain" from
//     the reference day.
//     A row is right when the expression covering most of the phrase has
//     the expected grain and start (and, for intervals, end). Rows whose
//     expectation is null are skipped and counted.
//   - chrono rows are resolved against their literal ref_date with
//     chrono's conventions (offsets moving the reference instant, one
//     fixed hour per part of the day, "a few" as three, "now" read), and
//     with the Future option when the row's options ask for forwardDate,
//     DayFirst for the British parser (chrono.en.GB);
//     right when every numeric start component (year, month, day, hour,
//     minute, second, weekday) equals ours, for the expression at the
//     expected index (UTF-16) or else the first one. A day of 1 against
//     our month is the day chrono implies for a month written alone.
//   - dateparser parse rows: right when our date equals the expected
//     datetime at our precision (a day must have a midnight expectation);
//     search rows: right when we find the expected dates, no more.
//
// Metrics: "exact" (right / scored), pooled and per file; ByType splits
// by source and language ("duckling/fr", "chrono/en"…).
func Dates(ctx context.Context, paths []string, withMisses bool) (*Report, error) {
	if len(paths) == 0 {
		return nil, errors.New("eval dates: no gold path given")
	}
	rep := NewReport("dates", paths, withMisses)
	var files []string
	seen := map[string]bool{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("eval dates: %w", err)
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".jsonl") {
				if abs, _ := filepath.Abs(path); !seen[abs] {
					seen[abs] = true
					files = append(files, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("eval dates: %w", err)
		}
	}
	sort.Strings(files)
	type tally struct{ n, right int }
	byType := map[string]*tally{}
	for _, f := range files {
		rows, err := readJSONLRows(f)
		if err != nil {
			return nil, fmt.Errorf("eval dates: %w", err)
		}
		var ft tally
		name := filepath.Base(f)
		for _, raw := range rows {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			res := scoreDateRow(raw.raw)
			if res.skip == "" && res.unreadable != nil {
				res.skip = unreadableRow(f, raw.line, res.unreadable)
			}
			if res.skip != "" {
				rep.Skip(res.skip)
				continue
			}
			ft.n++
			tt := byType[res.typ]
			if tt == nil {
				tt = &tally{}
				byType[res.typ] = tt
			}
			tt.n++
			if res.right {
				ft.right++
				tt.right++
			} else {
				rep.AddMiss(Miss{File: name, ID: res.id, Gold: res.gold, Ours: res.ours, Reason: res.reason})
			}
		}
		if ft.n > 0 {
			m := Metrics{}
			m.Set("exact", float64(ft.right)/float64(ft.n))
			rep.ByFile[name] = FileScore{N: ft.n, Metrics: m}
			rep.N += ft.n
		}
	}
	if rep.N == 0 {
		return nil, nothingScorable("dates", paths, rep, "no Duckling time, chrono or dateparser row")
	}
	var right int
	for k, t := range byType {
		right += t.right
		m := Metrics{}
		m.Set("exact", float64(t.right)/float64(t.n))
		m.Set("support", float64(t.n))
		rep.ByType[k] = m
	}
	rep.Metrics.Set("exact", float64(right)/float64(rep.N))
	return rep, nil
}

// jsonlRow is one non-blank line of a JSONL file and its number.
type jsonlRow struct {
	raw  json.RawMessage
	line int
}

func readJSONLRows(path string) ([]jsonlRow, error) {
	var rows []jsonlRow
	err := eachLine(path, func(line []byte, n int) error {
		rows = append(rows, jsonlRow{raw: json.RawMessage(bytes.TrimSpace(line)), line: n})
		return nil
	})
	return rows, err
}

// dateRow is the result of scoring one gold row.
type dateRow struct {
	skip       string
	typ, id    string
	right      bool
	gold, ours any
	reason     string
	// unreadable is why the row could not be read at all; Dates turns
	// it into a skip reason naming the file and line.
	unreadable error
}

// goldRow holds the fields of the three gold formats.
type goldRow struct {
	// Duckling
	Dimension string          `json:"dimension"`
	Locale    string          `json:"locale"`
	Text      string          `json:"text"`
	Source    string          `json:"source"`
	Expected  json.RawMessage `json:"expected"`
	Binding   string          `json:"binding"`
	// chrono
	Parser     string `json:"parser"`
	OptionsRaw string `json:"options_raw"`
	RefDate    *struct {
		Local string `json:"local"`
	} `json:"ref_date"`
	// dateparser
	TestFunction string                     `json:"test_function"`
	Args         []json.RawMessage          `json:"args"`
	Kwargs       map[string]json.RawMessage `json:"kwargs"`
	Languages    []string                   `json:"languages"`
}

func scoreDateRow(raw json.RawMessage) dateRow {
	var g goldRow
	if err := json.Unmarshal(raw, &g); err != nil {
		return dateRow{unreadable: err}
	}
	switch {
	case g.Dimension != "":
		return scoreDuckling(g)
	case g.Parser != "":
		return scoreChrono(g)
	case g.TestFunction != "":
		return scoreDateparser(g)
	}
	return dateRow{skip: skipDatesUnknownRow}
}

// longest returns the expression covering most of the text.
func longest(ds []veille.DateExpr) *veille.DateExpr {
	var best *veille.DateExpr
	for i := range ds {
		if best == nil || ds[i].Len() > best.Len() {
			best = &ds[i]
		}
	}
	return best
}

// oursView is how a miss shows our expression.
func oursView(d *veille.DateExpr) any {
	if d == nil {
		return nil
	}
	v := map[string]any{"text": d.Text, "kind": d.Kind}
	if !d.Value.IsZero() {
		v["value"] = d.Value.String()
	}
	if d.Grain != "" {
		v["grain"] = d.Grain
	}
	if !d.Until.IsZero() {
		v["until"] = d.Until.String()
	}
	if d.Duration != "" {
		v["duration"] = d.Duration
	}
	return v
}

var duckGrains = map[string]string{
	"Second": "second", "Minute": "minute", "Hour": "hour", "Day": "day",
	"Week": "week", "Month": "month", "Quarter": "quarter", "Year": "year",
}

// atGrain writes t as far as grain: "2013", "2013-02", "2013-02-12",
// "2013-02-12T04", "2013-02-12T04:30", "2013-02-12T04:30:00".
func atGrain(t time.Time, grain string) string {
	switch grain {
	case "year":
		return t.Format("2006")
	case "month", "quarter":
		return t.Format("2006-01")
	case "day", "week":
		return t.Format("2006-01-02")
	case "hour":
		return t.Format("2006-01-02T15")
	case "minute":
		return t.Format("2006-01-02T15:04")
	}
	return t.Format("2006-01-02T15:04:05")
}

// duckAtGrain cuts a Duckling value ("2013-01-00T00:00:00") to grain.
func duckAtGrain(v, grain string) string {
	n := map[string]int{"year": 4, "month": 7, "quarter": 7, "day": 10, "week": 10, "hour": 13, "minute": 16}[grain]
	if n == 0 || n > len(v) {
		return v
	}
	return v[:n]
}

// duckValueOK says whether a Duckling value ("2013-02-12T04:30:00.000-02:00")
// is a possible date: month and day may be 00 (not given), the rest in
// range.
func duckValueOK(v string) bool {
	var y, mo, d, h, mi, sec int
	if n, _ := fmt.Sscanf(v, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec); n != 6 {
		return false
	}
	return mo >= 0 && mo <= 12 && d >= 0 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 60
}

func scoreDuckling(g goldRow) dateRow {
	if g.Dimension != "Time" {
		return dateRow{skip: skipDatesNotTime}
	}
	var exp struct {
		Kind  string `json:"kind"`
		Value string `json:"value"`
		From  string `json:"from"`
		To    string `json:"to"`
		Grain string `json:"grain"`
	}
	if len(g.Expected) == 0 || string(g.Expected) == "null" || json.Unmarshal(g.Expected, &exp) != nil || (exp.Kind != "datetime" && exp.Kind != "interval") {
		return dateRow{skip: skipDatesUnstructured}
	}
	grain, ok := duckGrains[exp.Grain]
	if !ok {
		return dateRow{skip: skipDatesBadGrain}
	}
	vals := []string{exp.Value}
	if exp.Kind == "interval" {
		vals = []string{exp.From, exp.To}
	}
	for _, v := range vals {
		if !duckValueOK(v) {
			return dateRow{skip: skipDatesImpossible}
		}
	}
	lang := strings.ToLower(g.Locale)
	res := dateRow{typ: "duckling/" + lang, id: g.Source + " " + g.Text, gold: json.RawMessage(g.Expected)}
	ref := duckRef
	if g.Binding == "diffCorpus" {
		ref = duckDiffRef
	}
	ds := date.Find(g.Text, lang, ref, date.Options{Future: true, Offsets: date.OffsetFiner, NthUpcoming: true, Zone: duckZone, Few: true, Now: true, Anaphora: true})
	d := longest(ds)
	res.ours = oursView(d)
	switch {
	case d == nil:
		res.reason = "no date found"
	case d.Value.IsZero():
		res.reason = "found, not resolved (" + d.Kind + ")"
	case d.Len() < len(strings.TrimSpace(g.Text))*2/3:
		res.reason = "only part of the phrase read"
	case exp.Kind == "datetime":
		switch {
		case d.Grain != grain:
			res.reason = "wrong grain"
		case atGrain(d.Value.Time, grain) != duckAtGrain(exp.Value, grain):
			res.reason = "wrong date"
		default:
			res.right = true
		}
	default:
		switch {
		case d.Until.IsZero():
			res.reason = "interval read as a point"
		case atGrain(d.Value.Time, grain) != duckAtGrain(exp.From, grain):
			res.reason = "wrong interval start"
		case atGrain(d.Until.Time, grain) != duckAtGrain(exp.To, grain):
			res.reason = "wrong interval end"
		default:
			res.right = true
		}
	}
	return res
}

// chronoRange bounds each chrono start component a date can have.
var chronoRange = map[string][2]float64{
	"year": {-1e6, 1e6}, "month": {1, 12}, "day": {1, 31}, "hour": {0, 23},
	"minute": {0, 59}, "second": {0, 60}, "weekday": {0, 6},
}

func scoreChrono(g goldRow) dateRow {
	var exp struct {
		Index *int                       `json:"index"`
		Text  any                        `json:"text"`
		Start map[string]json.RawMessage `json:"start_components"`
	}
	if len(g.Expected) == 0 || json.Unmarshal(g.Expected, &exp) != nil {
		return dateRow{skip: skipDatesNoComponent}
	}
	if g.RefDate == nil || g.RefDate.Local == "" {
		return dateRow{skip: skipDatesNoRef}
	}
	comps := map[string]int{}
	for _, k := range []string{"year", "month", "day", "hour", "minute", "second", "weekday"} {
		raw, ok := exp.Start[k]
		if !ok {
			continue
		}
		var f float64
		if json.Unmarshal(raw, &f) != nil {
			continue // an expression ({"expr": …}) or null: ignored
		}
		r := chronoRange[k]
		if f != math.Trunc(f) || f < r[0] || f > r[1] {
			return dateRow{skip: skipDatesBadComponent}
		}
		comps[k] = int(f)
	}
	if len(comps) == 0 {
		return dateRow{skip: skipDatesNoComponent}
	}
	ref, err := time.Parse("2006-01-02T15:04:05.000", g.RefDate.Local)
	if err != nil {
		return dateRow{skip: skipDatesNoRef}
	}
	lang := "en"
	if strings.HasSuffix(g.Parser, ".fr") || strings.Contains(g.Source, "/fr/") {
		lang = "fr"
	}
	res := dateRow{typ: "chrono/" + lang, id: g.Source, gold: map[string]any{"text": g.Text, "ref": g.RefDate.Local, "start": comps}}
	ds := date.Find(g.Text, lang, veille.Date{Time: ref, Precision: veille.PrecisionInstant}, date.Options{Offsets: date.OffsetInstant, DayParts: date.DayPartHour, Few: true, Now: true, Future: forwardDate(g.OptionsRaw), DayFirst: g.Parser == "chrono.en.GB"})
	if exp.Index != nil && (*exp.Index < 0 || *exp.Index > len(utf16.Encode([]rune(g.Text)))) {
		return dateRow{skip: skipDatesBadIndex}
	}
	var d *veille.DateExpr
	if exp.Index != nil {
		at := utf16ToByte(g.Text, *exp.Index)
		for i := range ds {
			if ds[i].Start <= at+8 && ds[i].End > at {
				d = &ds[i]
				break
			}
		}
	}
	if d == nil && len(ds) > 0 {
		d = &ds[0]
	}
	res.ours = oursView(d)
	if d == nil {
		res.reason = "no date found"
		return res
	}
	if d.Value.IsZero() {
		res.reason = "found, not resolved (" + d.Kind + ")"
		return res
	}
	t, p := d.Value.Time, d.Value.Precision
	rank := map[veille.Precision]int{veille.PrecisionYear: 1, veille.PrecisionMonth: 2, veille.PrecisionDay: 3, veille.PrecisionInstant: 4}[p]
	need := map[string]int{"year": 1, "month": 2, "day": 3, "weekday": 3, "hour": 4, "minute": 4, "second": 4}
	got := map[string]int{"year": t.Year(), "month": int(t.Month()), "day": t.Day(), "weekday": int(t.Weekday()), "hour": t.Hour(), "minute": t.Minute(), "second": t.Second()}
	for _, k := range []string{"year", "month", "day", "weekday", "hour", "minute", "second"} {
		v, ok := comps[k]
		if !ok {
			continue
		}
		if rank < need[k] && !(k == "day" && rank == 2 && v == 1) {
			// chrono implies the first day of a month written alone
			// ("in Jan" has day 1), which is our value's day too
			res.reason = "too coarse: no " + k
			return res
		}
		if got[k] != v {
			res.reason = "wrong " + k
			return res
		}
	}
	res.right = true
	return res
}

// forwardDate says whether a chrono row's options ask for the future
// reading of dates without a year or a day ("forwardDate: true").
func forwardDate(opts string) bool {
	opts = strings.Join(strings.Fields(opts), "")
	return strings.Contains(opts, "forwardDate:true")
}

// utf16ToByte converts a UTF-16 index into s to a byte offset.
func utf16ToByte(s string, idx int) int {
	n := 0
	for i, r := range s {
		if n >= idx {
			return i
		}
		n += len(utf16.Encode([]rune{r}))
	}
	return len(s)
}

type dpDate struct {
	Datetime string `json:"datetime"`
}

func scoreDateparser(g goldRow) dateRow {
	lang := ""
	for _, l := range g.Languages {
		if l == "fr" || l == "en" {
			lang = l
			break
		}
	}
	if lang == "" {
		return dateRow{skip: skipDatesLang}
	}
	id := g.TestFunction
	switch g.TestFunction {
	case "test_translation", "test_freshness_translation", "test_split", "test_detection":
		return dateRow{skip: skipDatesTranslation}
	}
	ref := dateparserNow
	if raw, ok := g.Kwargs["settings"]; ok {
		var s struct {
			Base *dpDate `json:"RELATIVE_BASE"`
		}
		if json.Unmarshal(raw, &s) == nil && s.Base != nil {
			if t, err := time.Parse("2006-01-02T15:04:05", s.Base.Datetime); err == nil {
				ref = veille.Date{Time: t, Precision: veille.PrecisionInstant}
			}
		}
	}
	var text string
	var want []struct {
		text string
		when string
	}
	search := false
	str := func(raw json.RawMessage) string { var s string; _ = json.Unmarshal(raw, &s); return s }
	pairs := func(raw json.RawMessage) {
		var ps [][]json.RawMessage
		_ = json.Unmarshal(raw, &ps)
		for _, p := range ps {
			if len(p) == 2 {
				var d dpDate
				_ = json.Unmarshal(p[1], &d)
				want = append(want, struct{ text, when string }{str(p[0]), d.Datetime})
			}
		}
	}
	switch {
	case g.TestFunction == "test_search_date_string" && len(g.Args) >= 2:
		text, search = str(g.Args[1]), true
		want = append(want, struct{ text, when string }{text, ""})
	case strings.HasPrefix(g.TestFunction, "test_search") || g.TestFunction == "test_relative_base_setting" || g.TestFunction == "test_splitting_of_not_parsed":
		if len(g.Args) < 3 {
			return dateRow{skip: skipDatesUnstructured}
		}
		text, search = str(g.Args[1]), true
		pairs(g.Args[2])
	case g.Kwargs["text"] != nil:
		text, search = str(g.Kwargs["text"]), true
		pairs(g.Kwargs["expected"])
	case len(g.Args) >= 2:
		text = str(g.Args[0])
		var d dpDate
		_ = json.Unmarshal(g.Args[1], &d)
		want = append(want, struct{ text, when string }{text, d.Datetime})
	case len(g.Args) == 1 && g.Kwargs["expected"] != nil:
		text = str(g.Args[0])
		var d dpDate
		_ = json.Unmarshal(g.Kwargs["expected"], &d)
		want = append(want, struct{ text, when string }{text, d.Datetime})
	default:
		return dateRow{skip: skipDatesUnstructured}
	}
	if text == "" {
		return dateRow{skip: skipDatesUnstructured}
	}
	for _, w := range want {
		if w.when != "" && !dpDateOK(w.when) {
			return dateRow{skip: skipDatesImpossible}
		}
	}
	var goldView []string
	for _, w := range want {
		goldView = append(goldView, w.text+" = "+w.when)
	}
	res := dateRow{typ: "dateparser/" + lang, id: id + " " + text, gold: goldView}
	ds := date.Find(text, lang, ref, date.Options{})
	var ours []any
	for i := range ds {
		ours = append(ours, oursView(&ds[i]))
	}
	res.ours = ours
	if !search {
		d := longest(ds)
		switch {
		case d == nil:
			res.reason = "no date found"
		case !sameDP(d, want[0].when):
			res.reason = "wrong date"
		default:
			res.right = true
		}
		return res
	}
	if len(ds) != len(want) {
		res.reason = fmt.Sprintf("found %d dates, want %d", len(ds), len(want))
		return res
	}
	for i, w := range want {
		if w.when != "" && !sameDP(&ds[i], w.when) {
			res.reason = "wrong date"
			return res
		}
		if w.when == "" && strings.TrimSpace(ds[i].Text) != strings.TrimSpace(w.text) {
			res.reason = "date read only in part"
			return res
		}
	}
	res.right = true
	return res
}

// dpDateOK says whether a dateparser datetime ("2012-11-13T00:00:00",
// fractional seconds allowed) is a possible date.
func dpDateOK(when string) bool {
	if i := strings.IndexByte(when, '.'); i > 0 {
		when = when[:i]
	}
	_, err := time.Parse("2006-01-02T15:04:05", when)
	return err == nil
}

// sameDP compares our date with a dateparser datetime at our precision; a
// date without time must match a midnight expectation.
func sameDP(d *veille.DateExpr, when string) bool {
	if d.Value.IsZero() {
		return false
	}
	if i := strings.IndexByte(when, '.'); i > 0 {
		when = when[:i]
	}
	t, err := time.Parse("2006-01-02T15:04:05", when)
	if err != nil {
		return false
	}
	switch d.Value.Precision {
	case veille.PrecisionInstant:
		return d.Value.Time.Format("2006-01-02T15:04:05") == t.Format("2006-01-02T15:04:05")
	case veille.PrecisionDay:
		return d.Value.Time.Format("2006-01-02") == t.Format("2006-01-02") && t.Hour() == 0 && t.Minute() == 0
	}
	return false
}
