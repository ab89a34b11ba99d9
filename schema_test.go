package veille

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The JSON shape of `veille analyze` is documented twice: as a JSON Schema in
// docs/analysis.schema.json and as tables in docs/FORMATS.md. The tests below
// keep both in step with the Go types, without a third-party schema library:
//
//   - TestSchemaMatchesGoTypes walks Article and Analysis by reflection and
//     compares every JSON field (name, type, omitempty) with the schema;
//   - TestSchemaFormatsTables checks that FORMATS.md has a table row for
//     every property of the schema;
//   - TestSchemaEnumsMatchConstants compares the schema's enums with the Go
//     constants that define them (entity types, certainty labels, precisions,
//     input formats);
//   - TestSchemaExample decodes the worked example of FORMATS.md into the Go
//     types, checks that it fills every Go field, marshals it and validates
//     the result against the schema with the small validator below.
//
// Adding a Go field without documenting it therefore fails at least the
// first and the last of them.

const (
	schemaFile  = "docs/analysis.schema.json"
	formatsFile = "docs/FORMATS.md"
	// exampleMarker precedes the fenced JSON block of the worked example in
	// FORMATS.md.
	exampleMarker = "<!-- example: analyze line -->"
)

// analyzeLine is one line of `veille analyze` (and `veille show --json`)
// output, as cmd/veille's articleLine writes it; values rather than pointers,
// since neither half is ever null.
type analyzeLine struct {
	Article  Article  `json:"article"`
	Analysis Analysis `json:"analysis"`
}

type schema = map[string]any

// decodeJSON decodes b keeping numbers as json.Number.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data after JSON value")
	}
	return v, nil
}

func loadSchema(tb testing.TB) schema {
	tb.Helper()
	b, err := os.ReadFile(schemaFile)
	if err != nil {
		tb.Fatal(err)
	}
	v, err := decodeJSON(b)
	if err != nil {
		tb.Fatalf("%s: %v", schemaFile, err)
	}
	s, ok := v.(schema)
	if !ok {
		tb.Fatalf("%s: not an object", schemaFile)
	}
	return s
}

func defsOf(tb testing.TB, root schema) map[string]any {
	tb.Helper()
	defs, ok := root["$defs"].(map[string]any)
	if !ok {
		tb.Fatalf("%s: no $defs", schemaFile)
	}
	return defs
}

// refName returns the $defs name that s refers to, or "".
func refName(s schema) string {
	ref, _ := s["$ref"].(string)
	return strings.TrimPrefix(ref, "#/$defs/")
}

// typesOf returns the "type" keyword of s as a list.
func typesOf(s schema) []string {
	switch t := s["type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			if str, ok := x.(string); ok {
				out = append(out, str)
			}
		}
		return out
	}
	return nil
}

func stringList(v any) []string {
	l, _ := v.([]any)
	var out []string
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// Go types against the schema.

// jsonField is one field of a struct as encoding/json writes it.
type jsonField struct {
	name   string
	goName string
	typ    reflect.Type
	omit   bool // omitempty or omitzero: may be absent
	span   bool // comes from an embedded Span
}

// jsonFields lists the JSON fields of struct type t, flattening embedded
// structs without a tag name the way encoding/json does.
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				inner := jsonFields(ft)
				for i := range inner {
					inner[i].goName = f.Name + "." + inner[i].goName
					inner[i].span = inner[i].span || ft == reflect.TypeFor[Span]()
				}
				out = append(out, inner...)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		omit := false
		for o := range strings.SplitSeq(opts, ",") {
			if o == "omitempty" || o == "omitzero" {
				omit = true
			}
		}
		out = append(out, jsonField{name: name, goName: f.Name, typ: f.Type, omit: omit})
	}
	return out
}

// isSpanType reports whether t is Span, *Span or []Span.
func isSpanType(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t == reflect.TypeFor[Span]()
}

type goSchemaChecker struct {
	t       *testing.T
	defs    map[string]any
	reached map[string]bool
	visited map[reflect.Type]bool
}

func (c *goSchemaChecker) def(path, name string) schema {
	d, ok := c.defs[name].(schema)
	if !ok {
		c.t.Errorf("%s: no $defs/%s in %s", path, name, schemaFile)
		return nil
	}
	c.reached[name] = true
	return d
}

// checkObject compares the JSON fields of Go type t with object schema s
// (named name in messages).
func (c *goSchemaChecker) checkObject(name string, s schema, t reflect.Type) {
	props, _ := s["properties"].(map[string]any)
	if props == nil {
		c.t.Errorf("%s: schema has no properties", name)
		return
	}
	if !slices.Equal(typesOf(s), []string{"object"}) {
		c.t.Errorf("%s: schema type %v, want object", name, typesOf(s))
	}
	if s["additionalProperties"] != false {
		c.t.Errorf("%s: schema must set additionalProperties: false", name)
	}
	required := map[string]bool{}
	for _, r := range stringList(s["required"]) {
		required[r] = true
		if _, ok := props[r]; !ok {
			c.t.Errorf("%s: required %q is not a property", name, r)
		}
	}
	seen := map[string]bool{}
	for _, f := range jsonFields(t) {
		path := fmt.Sprintf("%s.%s (json %q)", t.Name(), f.goName, f.name)
		seen[f.name] = true
		p, ok := props[f.name].(schema)
		if !ok {
			c.t.Errorf("%s: missing from %s properties in %s", path, name, schemaFile)
			continue
		}
		desc, _ := p["description"].(string)
		if strings.TrimSpace(desc) == "" {
			c.t.Errorf("%s: property has no description", path)
		}
		if (f.span || isSpanType(f.typ) || t == reflect.TypeFor[Span]()) &&
			!(strings.Contains(strings.ToLower(desc), "byte offset") && strings.Contains(desc, "Article.Text") && strings.Contains(desc, "half-open")) {
			c.t.Errorf("%s: a span's description must say \"half-open\" and \"byte offset(s) into Article.Text\": %q", path, desc)
		}
		switch {
		case f.omit && required[f.name]:
			c.t.Errorf("%s: required in the schema but omitempty/omitzero in Go", path)
		case !f.omit && !required[f.name]:
			c.t.Errorf("%s: always written by Go (no omitempty) but not required in the schema", path)
		}
		c.checkType(path, f.typ, p, f.omit)
	}
	for p := range props {
		if !seen[p] {
			c.t.Errorf("%s: schema property %q is not a JSON field of the Go type %v", name, p, t)
		}
	}
}

// allowsNull reports whether s accepts null, and returns s without that
// alternative.
func allowsNull(s schema) (bool, schema) {
	if anyOf, ok := s["anyOf"].([]any); ok {
		var rest []schema
		null := false
		for _, a := range anyOf {
			as, _ := a.(schema)
			if slices.Equal(typesOf(as), []string{"null"}) {
				null = true
			} else {
				rest = append(rest, as)
			}
		}
		if null && len(rest) == 1 {
			return true, rest[0]
		}
		return null, s
	}
	ts := typesOf(s)
	if !slices.Contains(ts, "null") {
		return false, s
	}
	out := schema{}
	for k, v := range s {
		out[k] = v
	}
	var keep []any
	for _, x := range ts {
		if x != "null" {
			keep = append(keep, x)
		}
	}
	if len(keep) == 1 {
		out["type"] = keep[0]
	} else {
		out["type"] = keep
	}
	return true, out
}

var (
	typeDate = reflect.TypeFor[Date]()
	typeTime = reflect.TypeFor[time.Time]()
)

// checkType compares Go type t with property schema s.
func (c *goSchemaChecker) checkType(path string, t reflect.Type, s schema, omit bool) {
	null, s := allowsNull(s)
	if t.Kind() == reflect.Pointer {
		if !omit && !null {
			c.t.Errorf("%s: Go writes null for a nil pointer, but the schema does not allow null", path)
		}
		if omit && null {
			c.t.Errorf("%s: omitempty pointer is never written as null, but the schema allows null", path)
		}
		t = t.Elem()
	} else if null {
		c.t.Errorf("%s: the schema allows null, but Go never writes null here", path)
	}
	want := func(types ...string) {
		if got := typesOf(s); !slices.Equal(got, types) {
			c.t.Errorf("%s: schema type %v, want %v for Go %v", path, got, types, t)
		}
	}
	switch {
	case t == typeDate:
		if refName(s) != "Date" {
			c.t.Errorf("%s: a veille.Date must be {\"$ref\": \"#/$defs/Date\"}", path)
			return
		}
		if d := c.def(path, "Date"); d != nil && !slices.Equal(typesOf(d), []string{"string"}) {
			c.t.Errorf("$defs/Date: type %v, want string", typesOf(d))
		}
	case t == typeTime:
		want("string")
		if s["format"] != "date-time" {
			c.t.Errorf("%s: a time.Time must have format date-time", path)
		}
	case t.Kind() == reflect.Struct:
		if refName(s) != t.Name() {
			c.t.Errorf("%s: want {\"$ref\": \"#/$defs/%s\"}, got %v", path, t.Name(), s["$ref"])
			return
		}
		d := c.def(path, t.Name())
		if d != nil && !c.visited[t] {
			c.visited[t] = true
			c.checkObject("$defs/"+t.Name(), d, t)
		}
	case t.Kind() == reflect.Slice:
		want("array")
		items, ok := s["items"].(schema)
		if !ok {
			c.t.Errorf("%s: array without items", path)
			return
		}
		c.checkType(path+"[]", t.Elem(), items, false)
	default:
		if name := refName(s); name != "" {
			s = c.def(path, name)
			if s == nil {
				return
			}
		} else if t.PkgPath() == typeDate.PkgPath() {
			c.t.Errorf("%s: named type %v should be {\"$ref\": \"#/$defs/%s\"}", path, t, t.Name())
		}
		switch t.Kind() {
		case reflect.String:
			want("string")
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			want("integer")
		case reflect.Float32, reflect.Float64:
			want("number")
		case reflect.Bool:
			want("boolean")
		default:
			c.t.Errorf("%s: Go kind %v not handled by this test; extend checkType", path, t.Kind())
		}
	}
}

func TestSchemaMatchesGoTypes(t *testing.T) {
	root := loadSchema(t)
	c := &goSchemaChecker{t: t, defs: defsOf(t, root), reached: map[string]bool{}, visited: map[reflect.Type]bool{}}
	c.checkObject("the analyze line", root, reflect.TypeFor[analyzeLine]())
	var unreached []string
	for name := range c.defs {
		if !c.reached[name] {
			unreached = append(unreached, name)
		}
	}
	slices.Sort(unreached)
	for _, name := range unreached {
		t.Errorf("$defs/%s is not used by any Go field", name)
	}
}

func TestSchemaVersion(t *testing.T) {
	root := loadSchema(t)
	v, ok := root["version"].(json.Number)
	if !ok || v.String() != strconv.Itoa(AnalysisVersion) {
		t.Errorf("%s: top-level version %v, want veille.AnalysisVersion = %d", schemaFile, root["version"], AnalysisVersion)
	}
	if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("%s: $schema %v, want draft 2020-12", schemaFile, root["$schema"])
	}
}

// ---------------------------------------------------------------------------
// Enums against Go constants.

// stringConsts returns the string constants declared in the package's
// non-test files, by name, and the declared type of each ("" when untyped).
func stringConsts(tb testing.TB) (values map[string]string, types map[string]string) {
	tb.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		tb.Fatal(err)
	}
	values, types = map[string]string{}, map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			tb.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				typ := ""
				if id, ok := vs.Type.(*ast.Ident); ok {
					typ = id.Name
				}
				for i, n := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						tb.Fatal(err)
					}
					values[n.Name], types[n.Name] = s, typ
				}
			}
		}
	}
	return values, types
}

func TestSchemaEnumsMatchConstants(t *testing.T) {
	defs := defsOf(t, loadSchema(t))
	prop := func(def, name string) schema {
		d, _ := defs[def].(schema)
		props, _ := d["properties"].(map[string]any)
		p, _ := props[name].(schema)
		if p == nil {
			t.Fatalf("no $defs/%s/properties/%s", def, name)
		}
		return p
	}
	values, types := stringConsts(t)
	collect := func(match func(name, typ string) bool) []string {
		var out []string
		for n, v := range values {
			if match(n, types[n]) && v != "" {
				out = append(out, v)
			}
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		what   string
		schema schema
		consts []string
	}{
		{"Entity.type vs Type* constants", prop("Entity", "type"),
			collect(func(n, typ string) bool { return typ == "" && strings.HasPrefix(n, "Type") })},
		{"Mention.type vs Type* constants", prop("Mention", "type"),
			collect(func(n, typ string) bool { return typ == "" && strings.HasPrefix(n, "Type") })},
		{"Claim.certainty vs Certainty* constants", prop("Claim", "certainty"),
			collect(func(n, _ string) bool { return strings.HasPrefix(n, "Certainty") })},
		{"$defs/Precision vs Precision constants", defs["Precision"].(schema),
			collect(func(_, typ string) bool { return typ == "Precision" })},
		{"$defs/Format vs Format constants", defs["Format"].(schema),
			collect(func(_, typ string) bool { return typ == "Format" })},
	} {
		enum := stringList(tc.schema["enum"])
		slices.Sort(enum)
		if len(tc.consts) == 0 {
			t.Errorf("%s: found no Go constants", tc.what)
		}
		if !slices.Equal(enum, tc.consts) {
			t.Errorf("%s: schema enum %q, Go constants %q", tc.what, enum, tc.consts)
		}
	}
}

// ---------------------------------------------------------------------------
// FORMATS.md against the schema.

var tableRow = regexp.MustCompile("^\\|\\s*`([a-z_]+)`\\s*\\|([^|]*)\\|([^|]*)\\|")

// formatsSections returns, for each "### Name" heading of FORMATS.md, the
// first column (a field name in backquotes) and the third column (required:
// "yes" or not) of the table rows under it.
func formatsSections(tb testing.TB) map[string]map[string]bool {
	tb.Helper()
	b, err := os.ReadFile(formatsFile)
	if err != nil {
		tb.Fatal(err)
	}
	sections := map[string]map[string]bool{}
	var cur map[string]bool
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			cur = nil
			if name, ok := strings.CutPrefix(line, "### "); ok {
				cur = map[string]bool{}
				sections[strings.Trim(strings.TrimSpace(name), "`")] = cur
			}
			continue
		}
		// An escaped pipe (`Span \| null`) does not end a cell.
		line = strings.ReplaceAll(line, `\|`, "/")
		if m := tableRow.FindStringSubmatch(line); m != nil && cur != nil {
			cur[m[1]] = strings.TrimSpace(m[3]) == "yes"
		}
	}
	return sections
}

func TestSchemaFormatsTables(t *testing.T) {
	root := loadSchema(t)
	sections := formatsSections(t)
	objects := map[string]schema{"Line": root}
	for name, d := range defsOf(t, root) {
		objects[name] = d.(schema)
	}
	for name, s := range objects {
		rows, ok := sections[name]
		if !ok {
			t.Errorf("%s: no \"### %s\" section", formatsFile, name)
			continue
		}
		props, _ := s["properties"].(map[string]any)
		required := stringList(s["required"])
		for p := range props {
			req, ok := rows[p]
			if !ok {
				t.Errorf("%s, section %s: no table row for field `%s`", formatsFile, name, p)
				continue
			}
			if req != slices.Contains(required, p) {
				t.Errorf("%s, section %s: field `%s` required column says %v, schema says %v", formatsFile, name, p, req, !req)
			}
		}
		for r := range rows {
			if _, ok := props[r]; !ok {
				t.Errorf("%s, section %s: row `%s` is not in the schema", formatsFile, name, r)
			}
		}
	}
}

// ---------------------------------------------------------------------------
// A small JSON Schema validator: exactly the keywords analysis.schema.json
// uses. Unknown keywords are an error, so that the schema cannot rely on a
// keyword this test would silently ignore.

var annotationKeywords = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "title": true, "description": true,
	"format": true, "version": true, "$comment": true, "examples": true,
}

type validator struct {
	root schema
	errs []string
}

func (v *validator) errorf(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

func jsonType(x any) string {
	switch x := x.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if _, err := x.Int64(); err == nil {
			return "integer"
		}
		if f, err := x.Float64(); err == nil && f == float64(int64(f)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", x)
}

func number(x any) (float64, bool) {
	n, ok := x.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := n.Float64()
	return f, err == nil
}

func sameJSON(a, b any) bool {
	if fa, ok := number(a); ok {
		fb, ok := number(b)
		return ok && fa == fb
	}
	return reflect.DeepEqual(a, b)
}

func (v *validator) validate(s schema, x any, path string) {
	for k := range s {
		switch k {
		case "type", "properties", "required", "enum", "items", "$ref", "minimum", "maximum",
			"pattern", "additionalProperties", "anyOf":
		default:
			if !annotationKeywords[k] {
				v.errorf(path, "schema keyword %q not supported by this validator", k)
			}
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		defs, _ := v.root["$defs"].(map[string]any)
		d, found := defs[name].(schema)
		if !ok || !found {
			v.errorf(path, "unresolvable $ref %q", ref)
			return
		}
		v.validate(d, x, path)
	}
	if anyOf, ok := s["anyOf"].([]any); ok {
		match := false
		for _, a := range anyOf {
			sub := &validator{root: v.root}
			sub.validate(a.(schema), x, path)
			if len(sub.errs) == 0 {
				match = true
				break
			}
		}
		if !match {
			v.errorf(path, "matches no alternative of anyOf")
		}
	}
	if types := typesOf(s); types != nil {
		got := jsonType(x)
		if !slices.Contains(types, got) && !(got == "integer" && slices.Contains(types, "number")) {
			v.errorf(path, "type %s, want %v", got, types)
			return
		}
	}
	if enum, ok := s["enum"].([]any); ok {
		if !slices.ContainsFunc(enum, func(e any) bool { return sameJSON(e, x) }) {
			v.errorf(path, "%v not in enum %v", x, enum)
		}
	}
	if f, ok := number(x); ok {
		if m, ok := number(s["minimum"]); ok && f < m {
			v.errorf(path, "%v below minimum %v", f, m)
		}
		if m, ok := number(s["maximum"]); ok && f > m {
			v.errorf(path, "%v above maximum %v", f, m)
		}
	}
	if p, ok := s["pattern"].(string); ok {
		if str, ok := x.(string); ok && !regexp.MustCompile(p).MatchString(str) {
			v.errorf(path, "%q does not match %s", str, p)
		}
	}
	if obj, ok := x.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range stringList(s["required"]) {
			if _, ok := obj[r]; !ok {
				v.errorf(path, "missing required property %q", r)
			}
		}
		for k, val := range obj {
			if ps, ok := props[k].(schema); ok {
				v.validate(ps, val, path+"."+k)
			} else if s["additionalProperties"] == false {
				v.errorf(path, "property %q not allowed", k)
			}
		}
	}
	if arr, ok := x.([]any); ok {
		if items, ok := s["items"].(schema); ok {
			for i, e := range arr {
				v.validate(items, e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
}

func validateJSON(root schema, b []byte) []string {
	x, err := decodeJSON(b)
	if err != nil {
		return []string{err.Error()}
	}
	v := &validator{root: root}
	v.validate(root, x, "$")
	return v.errs
}

// setPath sets (or, when del, deletes) the value at path in a decoded JSON
// document; path elements are object keys (string) and array indexes (int).
func setPath(tb testing.TB, doc any, path []any, val any, del bool) {
	tb.Helper()
	for i, p := range path {
		last := i == len(path)-1
		switch k := p.(type) {
		case string:
			obj, ok := doc.(map[string]any)
			if !ok {
				tb.Fatalf("setPath %v: %v is not an object", path, path[:i])
			}
			if last {
				if del {
					delete(obj, k)
				} else {
					obj[k] = val
				}
				return
			}
			doc = obj[k]
		case int:
			arr, ok := doc.([]any)
			if !ok || k >= len(arr) {
				tb.Fatalf("setPath %v: no index %d at %v", path, k, path[:i])
			}
			if last {
				arr[k] = val
				return
			}
			doc = arr[k]
		}
	}
}

// TestSchemaValidator checks that the validator rejects what it should and
// accepts what it should, so that TestSchemaExample passing means something.
func TestSchemaValidator(t *testing.T) {
	root := loadSchema(t)
	good := exampleJSON(t)
	if errs := validateJSON(root, good); len(errs) > 0 {
		t.Fatalf("example does not validate:\n%s", strings.Join(errs, "\n"))
	}
	n := func(s string) json.Number { return json.Number(s) }
	for _, tc := range []struct {
		name  string
		path  []any
		val   any
		del   bool
		valid bool
	}{
		{name: "missing required", path: []any{"article", "hash"}, del: true},
		{name: "unknown property", path: []any{"article", "writer"}, val: "X"},
		{name: "bad enum", path: []any{"analysis", "claims", 0, "certainty"}, val: "rumoured"},
		{name: "bad type", path: []any{"analysis", "version"}, val: "1"},
		{name: "not an integer", path: []any{"analysis", "tone", "words"}, val: n("99.5")},
		{name: "below minimum", path: []any{"analysis", "sentences", 0, "start"}, val: n("-1")},
		{name: "above maximum", path: []any{"analysis", "themes", 0, "score"}, val: n("1.5")},
		{name: "bad pattern", path: []any{"analysis", "dates", 0, "value"}, val: "août 2024"},
		{name: "null not allowed", path: []any{"analysis", "quotations", 0, "content_span"}, val: nil},
		{name: "anyOf, no branch", path: []any{"analysis", "quotations", 0, "cue_span"}, val: map[string]any{"start": n("1")}},
		{name: "array items", path: []any{"analysis", "claims", 0, "cues"}, val: []any{"x", n("3")}},
		{name: "type behind $ref", path: []any{"analysis", "tone"}, val: "high"},
		{name: "anyOf, null branch", path: []any{"analysis", "quotations", 0, "cue_span"}, val: nil, valid: true},
		{name: "nullable type", path: []any{"analysis", "amounts", 0, "value"}, val: nil, valid: true},
		{name: "integer is a number", path: []any{"analysis", "themes", 0, "score"}, val: n("1"), valid: true},
		{name: "optional omitted", path: []any{"article", "author"}, del: true, valid: true},
	} {
		doc, err := decodeJSON(good)
		if err != nil {
			t.Fatal(err)
		}
		setPath(t, doc, tc.path, tc.val, tc.del)
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		errs := validateJSON(root, b)
		if tc.valid && len(errs) > 0 {
			t.Errorf("%s: validator rejected a valid document: %v", tc.name, errs)
		}
		if !tc.valid && len(errs) == 0 {
			t.Errorf("%s: validator accepted an invalid document", tc.name)
		}
	}
}

// ---------------------------------------------------------------------------
// The worked example of FORMATS.md.

// exampleJSON returns the fenced JSON block that follows exampleMarker in
// FORMATS.md.
func exampleJSON(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile(formatsFile)
	if err != nil {
		tb.Fatal(err)
	}
	_, after, ok := bytes.Cut(b, []byte(exampleMarker))
	if !ok {
		tb.Fatalf("%s: no %q", formatsFile, exampleMarker)
	}
	_, after, ok = bytes.Cut(after, []byte("```json\n"))
	if !ok {
		tb.Fatalf("%s: no ```json block after %q", formatsFile, exampleMarker)
	}
	block, _, ok := bytes.Cut(after, []byte("\n```"))
	if !ok {
		tb.Fatalf("%s: unterminated ```json block", formatsFile)
	}
	return block
}

// fieldCoverage records, for every struct field reachable from a value,
// whether some instance of it is not zero.
type fieldCoverage map[string]bool

func (fc fieldCoverage) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fc.walk(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			fc.walk(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == typeDate || v.Type() == typeTime {
			return
		}
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			fv := v.Field(i)
			key := t.Name() + "." + f.Name
			set := !fv.IsZero()
			if fv.Kind() == reflect.Slice {
				set = fv.Len() > 0
			}
			fc[key] = fc[key] || set
			fc.walk(fv)
		}
	}
}

func TestSchemaExample(t *testing.T) {
	root := loadSchema(t)
	block := exampleJSON(t)

	// The example decodes into the Go types with no field left over...
	var line analyzeLine
	dec := json.NewDecoder(bytes.NewReader(block))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&line); err != nil {
		t.Fatalf("%s example: %v", formatsFile, err)
	}

	// ...and sets every Go field somewhere, so that a new field must be shown
	// in the example, and so validated below.
	fc := fieldCoverage{}
	fc.walk(reflect.ValueOf(line))
	var unset []string
	for k, set := range fc {
		if !set {
			unset = append(unset, k)
		}
	}
	slices.Sort(unset)
	for _, k := range unset {
		t.Errorf("%s example: %s is zero or empty everywhere; show it in the example (and document it)", formatsFile, k)
	}

	// What Go writes for it validates against the schema...
	out, err := json.Marshal(line)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range validateJSON(root, out) {
		t.Errorf("marshalled example: %s", e)
	}

	// ...and is what the example shows (no field Go would omit or add).
	var want, got any
	if err := json.Unmarshal(block, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want, got) {
		var pretty bytes.Buffer
		json.Indent(&pretty, out, "", "  ")
		t.Errorf("%s example differs from what Go marshals; Go writes:\n%s", formatsFile, pretty.String())
	}

	checkExampleSemantics(t, &line.Article, &line.Analysis)
}

// checkExampleSemantics checks what the schema cannot: that the example's
// IDs, hash and spans agree with its text.
func checkExampleSemantics(t *testing.T, a *Article, an *Analysis) {
	if a.Hash != ContentHash(a.Text) {
		t.Errorf("example: hash %s, ContentHash(text) = %s", a.Hash, ContentHash(a.Text))
	}
	if id := ArticleID(a.URL, a.Hash); a.ID != id {
		t.Errorf("example: id %s, ArticleID(url, hash) = %s", a.ID, id)
	}
	if an.Version != AnalysisVersion {
		t.Errorf("example: analysis version %d, AnalysisVersion = %d", an.Version, AnalysisVersion)
	}
	text := a.Text
	const anyText = "\x00" // span checks bounds only
	span := func(what string, s Span, want string) {
		t.Helper()
		if !s.In(len(text)) || !utf8.RuneStart(text[min(s.Start, len(text)-1)]) ||
			(s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Errorf("example: %s: span %v out of text or off a code point boundary", what, s)
			return
		}
		if want != anyText && text[s.Start:s.End] != want {
			t.Errorf("example: %s: span %v is %q, want %q", what, s, text[s.Start:s.End], want)
		}
	}
	opt := func(what string, s *Span, want string) {
		t.Helper()
		if (s == nil) != (want == "") {
			t.Errorf("example: %s: span %v for text %q (null exactly when the text is \"\")", what, s, want)
		} else if s != nil {
			span(what, *s, want)
		}
	}
	for _, l := range []struct {
		name  string
		spans []Span
	}{{"paragraphs", an.Paragraphs}, {"headings", an.Headings}, {"sentences", an.Sentences}} {
		for i, s := range l.spans {
			span(fmt.Sprintf("%s[%d]", l.name, i), s, anyText)
		}
	}
	for i, m := range an.Mentions {
		span(fmt.Sprintf("mentions[%d]", i), m.Span, m.Text)
	}
	for i, e := range an.Entities {
		for _, m := range e.Mentions {
			if m < 0 || m >= len(an.Mentions) || an.Mentions[m].EntityID != e.ID {
				t.Errorf("example: entities[%d].mentions: %d is not a mention of %s", i, m, e.ID)
			}
		}
	}
	for i, p := range an.Places {
		span(fmt.Sprintf("places[%d]", i), p.Span, p.Text)
	}
	for i, x := range an.Amounts {
		span(fmt.Sprintf("amounts[%d]", i), x.Span, x.Text)
	}
	for i, d := range an.Dates {
		span(fmt.Sprintf("dates[%d]", i), d.Span, d.Text)
		if !d.Value.IsZero() && d.Value.Precision != d.Precision {
			t.Errorf("example: dates[%d]: precision %q, value %q has %q", i, d.Precision, d.Value, d.Value.Precision)
		}
	}
	quotes := map[string]bool{}
	for i, q := range an.Quotations {
		quotes[q.ID] = true
		span(fmt.Sprintf("quotations[%d].content_span", i), q.ContentSpan, q.Content)
		opt(fmt.Sprintf("quotations[%d].cue_span", i), q.CueSpan, q.Cue)
		opt(fmt.Sprintf("quotations[%d].speaker_text_span", i), q.SpeakerSpan, q.SpeakerText)
	}
	claims := map[string]bool{}
	for _, c := range an.Claims {
		claims[c.ID] = true
	}
	for i, c := range an.Claims {
		span(fmt.Sprintf("claims[%d].span", i), c.Span, c.Text)
		if len(c.CueSpans) != 0 && len(c.CueSpans) != len(c.Cues) {
			t.Errorf("example: claims[%d]: %d cue_spans for %d cues", i, len(c.CueSpans), len(c.Cues))
		}
		for j, s := range c.CueSpans {
			if j < len(c.Cues) {
				span(fmt.Sprintf("claims[%d].cue_spans[%d]", i, j), s, c.Cues[j])
			}
		}
		if c.QuotationID != "" && !quotes[c.QuotationID] {
			t.Errorf("example: claims[%d]: no quotation %q", i, c.QuotationID)
		}
		for _, id := range slices.Concat(c.Denies, c.Confirms) {
			if !claims[id] {
				t.Errorf("example: claims[%d]: no claim %q", i, id)
			}
		}
	}
	for i, th := range an.Themes {
		for j, s := range th.Spans {
			span(fmt.Sprintf("themes[%d].spans[%d]", i, j), s, anyText)
		}
	}
}
