// Package eval scores veille against gold data sets, one task at a time
// (ingest, ner, geo, amounts, dates, quotes, claims), and reports the
// figures in one shape, the Report, for people (WriteTable) and scripts
// (JSON, as ../shared/EVAL.md defines it).
//
//	rep, err := eval.Ingest(ctx, []string{"../shared/eval/ingest-fundus-extraction"}, false)
//	if err != nil { … } // unreadable gold, or nothing scorable in it
//	rep.Version = version
//	rep.WriteTable(os.Stdout)          // or json.NewEncoder(os.Stdout).Encode(rep)
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
)

// Report is the result of one `veille eval TASK` run. Its JSON form is
// exactly the object EVAL.md specifies, keys in this order:
//
//	{"task": "ingest", "version": "…", "gold": ["<path>", …], "n": 53,
//	 "skipped": {"<reason>": 2}, "metrics": {"title_acc": 0.9, …},
//	 "by_type": {"<type>": {…, "support": 12}}, "by_file": {"<file>": {"n": 1, "metrics": {…}}},
//	 "misses": [{"file": …, "id": …, "gold": …, "ours": …, "reason": …}]}
//
// "skipped", "by_type" and "by_file" are written as {} when empty;
// "misses" is written only when Misses is not nil (asked for with
// --misses), as [] when nothing was missed.
type Report struct {
	// Task is the task name: "ingest", "ner", "geo", "amounts", "dates",
	// "quotes" or "claims".
	Task string
	// Version is veille's version. Scorers leave it empty; the command,
	// which knows the build, sets it before writing the report.
	Version string
	// Gold lists the gold paths scored, as given.
	Gold []string
	// N is the number of gold items scored (pages, mentions, rows: each
	// task says which).
	N int
	// Skipped counts the gold items left out of N, by reason.
	Skipped map[string]int
	// Metrics hold the figures over all gold files pooled.
	Metrics Metrics
	// ByType holds per-type or per-label figures, each with a "support".
	ByType map[string]Metrics
	// ByFile holds each gold file's own figures.
	ByFile map[string]FileScore
	// Misses lists gold items we got wrong; nil when not asked for.
	Misses []Miss

	// sharedDir, missingArticle (the first article text not found) and
	// foundArticles let a scorer say why nothing was scorable.
	sharedDir      string
	missingArticle string
	foundArticles  int
	// firstProblem is the first gold file left out, and why (a FENEC
	// .ann without its .txt), for the error when nothing is scorable.
	firstProblem string
}

// FileScore is one gold file's entry in Report.ByFile.
type FileScore struct {
	N       int     `json:"n"`
	Metrics Metrics `json:"metrics"`
}

// Miss is one gold item we got wrong, for --misses. Gold and Ours hold
// whatever shows the difference best for the task (a title, a span and its
// type, a date); Reason says what is wrong in a few words.
type Miss struct {
	File   string `json:"file,omitempty"`
	ID     string `json:"id,omitempty"`
	Gold   any    `json:"gold"`
	Ours   any    `json:"ours"`
	Reason string `json:"reason"`
}

// NewReport returns an empty Report for task over the gold paths, with its
// maps made; Misses is made (non-nil) when withMisses is set.
func NewReport(task string, gold []string, withMisses bool) *Report {
	r := &Report{
		Task:    task,
		Gold:    slices.Clone(gold),
		Skipped: map[string]int{},
		ByType:  map[string]Metrics{},
		ByFile:  map[string]FileScore{},
	}
	if withMisses {
		r.Misses = []Miss{}
	}
	return r
}

// Skip counts one gold item left out for reason.
func (r *Report) Skip(reason string) {
	if r.Skipped == nil {
		r.Skipped = map[string]int{}
	}
	r.Skipped[reason]++
}

// AddMiss appends m when misses were asked for (Misses not nil).
func (r *Report) AddMiss(m Miss) {
	if r.Misses != nil {
		r.Misses = append(r.Misses, m)
	}
}

// reportJSON fixes the key order and names of Report's JSON form.
type reportJSON struct {
	Task    string               `json:"task"`
	Version string               `json:"version"`
	Gold    []string             `json:"gold"`
	N       int                  `json:"n"`
	Skipped map[string]int       `json:"skipped"`
	Metrics Metrics              `json:"metrics"`
	ByType  map[string]Metrics   `json:"by_type"`
	ByFile  map[string]FileScore `json:"by_file"`
	Misses  *[]Miss              `json:"misses,omitempty"`
}

// MarshalJSON writes the report as EVAL.md specifies (see Report).
func (r Report) MarshalJSON() ([]byte, error) {
	j := reportJSON{
		Task: r.Task, Version: r.Version, Gold: r.Gold, N: r.N,
		Skipped: r.Skipped, Metrics: r.Metrics, ByType: r.ByType, ByFile: r.ByFile,
	}
	if j.Gold == nil {
		j.Gold = []string{}
	}
	if j.Skipped == nil {
		j.Skipped = map[string]int{}
	}
	if j.ByType == nil {
		j.ByType = map[string]Metrics{}
	}
	if j.ByFile == nil {
		j.ByFile = map[string]FileScore{}
	}
	if r.Misses != nil {
		j.Misses = &r.Misses
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Report) UnmarshalJSON(b []byte) error {
	var j reportJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Report{
		Task: j.Task, Version: j.Version, Gold: j.Gold, N: j.N,
		Skipped: j.Skipped, Metrics: j.Metrics, ByType: j.ByType, ByFile: j.ByFile,
	}
	if j.Misses != nil {
		r.Misses = *j.Misses
	}
	return nil
}

// Metrics are named figures (scores in [0, 1], counts such as "support"),
// and named subsets scored the same way (the quotes task's "direct" and
// "indirect"). In JSON both sit in one object, a subset as a nested object:
// {"f1": 0.8, "direct": {"content_exact_f1": 0.7}}. A NaN or infinite
// value is written as null.
type Metrics struct {
	Values map[string]float64
	Sub    map[string]Metrics
}

// Set sets the figure name to v.
func (m *Metrics) Set(name string, v float64) {
	if m.Values == nil {
		m.Values = map[string]float64{}
	}
	m.Values[name] = v
}

// SetSub sets the subset name to s.
func (m *Metrics) SetSub(name string, s Metrics) {
	if m.Sub == nil {
		m.Sub = map[string]Metrics{}
	}
	m.Sub[name] = s
}

// Get returns the figure name and whether it is set.
func (m Metrics) Get(name string) (float64, bool) {
	v, ok := m.Values[name]
	return v, ok
}

// MarshalJSON writes figures and subsets as one object, keys sorted.
func (m Metrics) MarshalJSON() ([]byte, error) {
	obj := make(map[string]any, len(m.Values)+len(m.Sub))
	for k, v := range m.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			obj[k] = nil
		} else {
			obj[k] = v
		}
	}
	for k, s := range m.Sub {
		if _, dup := obj[k]; dup {
			return nil, fmt.Errorf("eval: metrics: %q is both a figure and a subset", k)
		}
		obj[k] = s
	}
	return json.Marshal(obj)
}

// UnmarshalJSON reads numbers as figures (null as NaN) and objects as
// subsets.
func (m *Metrics) UnmarshalJSON(b []byte) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return err
	}
	*m = Metrics{}
	for k, raw := range obj {
		t := strings.TrimSpace(string(raw))
		switch {
		case strings.HasPrefix(t, "{"):
			var s Metrics
			if err := json.Unmarshal(raw, &s); err != nil {
				return err
			}
			m.SetSub(k, s)
		case t == "null":
			m.Set(k, math.NaN())
		default:
			var v float64
			if err := json.Unmarshal(raw, &v); err != nil {
				return fmt.Errorf("eval: metrics: %q: %w", k, err)
			}
			m.Set(k, v)
		}
	}
	return nil
}

// flat returns the figures with subsets spelled "sub.name", sorted by name.
func (m Metrics) flat() [][2]string {
	var out [][2]string
	for k, v := range m.Values {
		out = append(out, [2]string{k, formatValue(k, v)})
	}
	for sk, s := range m.Sub {
		for _, kv := range s.flat() {
			out = append(out, [2]string{sk + "." + kv[0], kv[1]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// formatValue writes counts ("support", "n", "n_…") as integers and
// other figures with three decimals.
func formatValue(name string, v float64) string {
	count := name == "support" || name == "n" || strings.HasPrefix(name, "n_")
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "-"
	case count && v == math.Trunc(v):
		return fmt.Sprintf("%.0f", v)
	default:
		return fmt.Sprintf("%.3f", v)
	}
}

// maxTableMisses bounds the misses listed by WriteTable; the JSON form
// lists them all.
const maxTableMisses = 50

// WriteTable writes the report for people: a header (task, version, gold,
// n, skipped), the pooled metrics, then per-type and per-file tables (one
// column per figure), then at most 50 misses with their reasons.
func (r *Report) WriteTable(w io.Writer) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "veille eval %s", r.Task)
	if r.Version != "" {
		fmt.Fprintf(ew, " (veille %s)", r.Version)
	}
	fmt.Fprintf(ew, "\ngold: %s\nn: %d\n", strings.Join(r.Gold, ", "), r.N)
	if len(r.Skipped) > 0 {
		fmt.Fprintln(ew, "skipped:")
		for _, k := range sortedKeys(r.Skipped) {
			fmt.Fprintf(ew, "  %-40s %d\n", k, r.Skipped[k])
		}
	}
	fmt.Fprintln(ew)
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "metric\tvalue")
	for _, kv := range r.Metrics.flat() {
		fmt.Fprintf(tw, "%s\t%s\n", kv[0], kv[1])
	}
	tw.Flush()
	writeGrid(ew, "type", r.ByType, nil)
	files := make(map[string]Metrics, len(r.ByFile))
	ns := make(map[string]int, len(r.ByFile))
	for k, f := range r.ByFile {
		files[k], ns[k] = f.Metrics, f.N
	}
	writeGrid(ew, "file", files, ns)
	if len(r.Misses) > 0 {
		fmt.Fprintf(ew, "\nmisses (%d):\n", len(r.Misses))
		for i, m := range r.Misses {
			if i == maxTableMisses {
				fmt.Fprintf(ew, "  … %d more (use --json)\n", len(r.Misses)-i)
				break
			}
			where := strings.TrimSpace(m.File + " " + m.ID)
			fmt.Fprintf(ew, "  %s: %s\n    gold: %s\n    ours: %s\n", where, m.Reason, short(m.Gold), short(m.Ours))
		}
	}
	return ew.err
}

// writeGrid writes one row per key and one column per figure name; ns,
// when not nil, adds an "n" column.
func writeGrid(w io.Writer, label string, rows map[string]Metrics, ns map[string]int) {
	if len(rows) == 0 {
		return
	}
	colSet := map[string]bool{}
	for _, m := range rows {
		for _, kv := range m.flat() {
			colSet[kv[0]] = true
		}
	}
	cols := sortedKeys(colSet)
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, label, "\t")
	if ns != nil {
		fmt.Fprint(tw, "n\t")
	}
	fmt.Fprintln(tw, strings.Join(cols, "\t")+"\t")
	for _, k := range sortedKeys(rows) {
		vals := map[string]string{}
		for _, kv := range rows[k].flat() {
			vals[kv[0]] = kv[1]
		}
		fmt.Fprint(tw, k, "\t")
		if ns != nil {
			fmt.Fprint(tw, ns[k], "\t")
		}
		for _, c := range cols {
			v := vals[c]
			if v == "" {
				v = "-"
			}
			fmt.Fprint(tw, v, "\t")
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// short renders a miss's gold or ours value on one line of at most 160
// characters.
func short(v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		return "(none)"
	case string:
		s = x
	default:
		b, err := json.Marshal(x)
		if err != nil {
			s = fmt.Sprint(x)
		} else {
			s = string(b)
		}
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return `""`
	}
	if r := []rune(s); len(r) > 160 {
		s = string(r[:159]) + "…"
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// errWriter remembers the first write error so that WriteTable can return
// it after many small writes.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
