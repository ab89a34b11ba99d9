package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"reflect"
	"sort"
	"strings"
)

// Skip reasons shared by the tasks that read gold spans or JSONL rows.
const (
	skipSpanOutside  = "gold span outside its text"
	skipSpanReversed = "gold span reversed or empty"
	skipSpanShape    = "gold span not two integer offsets"
	skipArticle      = "article text not found"
)

// goldSpan is a gold [start, end] pair as a JSON file gives it. Anything
// but two integers (null, one element, strings, fractions) decodes
// without error into a span that is not Valid, so that the row's other
// fields are still read and the span alone is skipped.
type goldSpan struct {
	Start, End int
	// Set says the field was present and not null.
	Set bool
	// Valid says the field held exactly two integers.
	Valid bool
}

// UnmarshalJSON reads [start, end].
func (g *goldSpan) UnmarshalJSON(b []byte) error {
	*g = goldSpan{}
	if t := bytes.TrimSpace(b); len(t) == 0 || string(t) == "null" {
		return nil
	}
	g.Set = true
	var v []json.Number
	if json.Unmarshal(b, &v) != nil || len(v) != 2 {
		return nil
	}
	s, err1 := v[0].Int64()
	e, err2 := v[1].Int64()
	if err1 != nil || err2 != nil || s < math.MinInt32 || s > math.MaxInt32 || e < math.MinInt32 || e > math.MaxInt32 {
		return nil
	}
	g.Start, g.End, g.Valid = int(s), int(e), true
	return nil
}

// MarshalJSON writes [start, end], or null when the span is not valid.
func (g goldSpan) MarshalJSON() ([]byte, error) {
	if !g.Valid {
		return []byte("null"), nil
	}
	return json.Marshal([2]int{g.Start, g.End})
}

// check returns why the span cannot be scored against a text of n units
// (code points, UTF-16 units: the gold's own unit), or "" when it can.
func (g goldSpan) check(n int) string {
	switch {
	case !g.Valid:
		return skipSpanShape
	case g.Start < 0 || g.End > n:
		return skipSpanOutside
	case g.Start >= g.End:
		return skipSpanReversed
	}
	return ""
}

// checkSpan is goldSpan.check on plain offsets.
func checkSpan(start, end, n int) string {
	return goldSpan{Start: start, End: end, Valid: true}.check(n)
}

// eachLine calls fn with each non-blank line of the file at path and its
// 1-based number; fn's error stops the reading and is returned as is.
func eachLine(path string, fn func(line []byte, n int) error) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for i, line := range bytes.Split(b, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := fn(line, i+1); err != nil {
			return err
		}
	}
	return nil
}

// readRows reads the JSONL gold file at path, one row per non-blank
// line. A row fn cannot read (it returns an error: bad JSON, a field of
// the wrong type) is counted under skipped as "unreadable gold row
// (file:line: why)" and reading goes on: a truncated last line leaves
// the other rows scored. Only a file that cannot be read is an error.
func readRows(rep *Report, path string, fn func(line []byte) error) error {
	return eachLine(path, func(line []byte, n int) error {
		if err := fn(line); err != nil {
			rep.Skip(unreadableRow(path, n, err))
		}
		return nil
	})
}

// unreadableRow is the skip reason of a gold row that cannot be read.
func unreadableRow(path string, line int, err error) string {
	return fmt.Sprintf("unreadable gold row (%s:%d: %s)", path, line, jsonProblem(err))
}

// jsonProblem says what is wrong with a JSON value in a few words: a
// syntax error as encoding/json words it, a type error as "field X: want
// a number, got a string" (never the Go type).
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err.Error()
	}
	got, want := te.Value, jsonKind(te.Type)
	switch {
	case got == "array" || got == "object":
		got = "an " + got
	case strings.HasPrefix(got, "number ") && want == "a number":
		got = "a number out of range (" + strings.TrimPrefix(got, "number ") + ")"
	case strings.HasPrefix(got, "number "):
		got = "the number " + strings.TrimPrefix(got, "number ") // a fraction, or too large
	case got != "":
		got = "a " + got
	}
	if te.Field == "" {
		return fmt.Sprintf("want %s, got %s", want, got)
	}
	return fmt.Sprintf("field %s: want %s, got %s", te.Field, want, got)
}

// jsonKind names the JSON value a Go type reads.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "another value"
}

// nothingScorable is the error of a gold set that gives nothing to
// score: what was looked for (want), and why the rows were left out —
// the article texts not found under shared (naming the first missing
// one) when that is why, else the skip reasons counted.
func nothingScorable(task string, paths []string, rep *Report, want string) error {
	where := strings.Join(paths, ", ")
	if rep.missingArticle != "" && rep.foundArticles == 0 {
		return fmt.Errorf("eval %s: %s: nothing scorable: the article texts were not found under --shared %s (first missing: %s)",
			task, where, rep.sharedDir, rep.missingArticle)
	}
	return errors.New(fmt.Sprintf("eval %s: %s: nothing scorable (%s)", task, where, want) + skipSummary(rep))
}

// skipSummary is "; skipped: 3 × reason; …" for the three reasons
// counted most, or "" when nothing was skipped.
func skipSummary(rep *Report) string {
	if len(rep.Skipped) == 0 {
		return ""
	}
	reasons := sortedKeys(rep.Skipped)
	sort.SliceStable(reasons, func(i, j int) bool { return rep.Skipped[reasons[i]] > rep.Skipped[reasons[j]] })
	var parts []string
	for i, r := range reasons {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("%d more reasons", len(reasons)-i))
			break
		}
		parts = append(parts, fmt.Sprintf("%d × %s", rep.Skipped[r], r))
	}
	return "; skipped: " + strings.Join(parts, "; ")
}
