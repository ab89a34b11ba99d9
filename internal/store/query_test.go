package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	w := func(toks ...string) Term { return Term{Tokens: toks} }
	x := func(toks ...string) Term { return Term{Tokens: toks, Exact: true} }
	all := func(gs ...Group) []Group { return gs }
	for _, tc := range []struct {
		in   string
		want Query
	}{
		{"wagner", Query{All: all(Group{w("wagner")})}},
		{"  Wagner   Mali ", Query{All: all(Group{w("wagner")}, Group{w("mali")})}},
		{`"groupe Wagner"`, Query{All: all(Group{x("groupe", "wagner")})}},
		{`wagner OR africa corps`, Query{All: all(Group{w("wagner"), w("africa")}, Group{w("corps")})}},
		{`a OR b OR "c d"`, Query{All: all(Group{w("a"), w("b"), x("c", "d")})}},
		{`wagner -russie`, Query{All: all(Group{w("wagner")}), Not: []Term{w("russie")}}},
		{`wagner -"armée russe"`, Query{All: all(Group{w("wagner")}), Not: []Term{x("armée", "russe")}}},
		{`wagner --russie`, Query{All: all(Group{w("wagner")}), Not: []Term{w("russie")}}},
		{`wagner - "armée"`, Query{All: all(Group{w("wagner")}, Group{x("armée")})}},
		// Apostrophes and hyphens split words into phrases.
		{`l’accord`, Query{All: all(Group{w("l", "accord")})}},
		{`l'accord`, Query{All: all(Group{w("l", "accord")})}},
		{`Wagner-group`, Query{All: all(Group{w("wagner", "group")})}},
		{`-l’accord mali`, Query{All: all(Group{w("mali")}), Not: []Term{w("l", "accord")}}},
		{`aujourd’hui`, Query{All: all(Group{w("aujourd", "hui")})}},
		// FTS5 syntax is plain text.
		{`wag* AND NEAR(x y) NOT z`, Query{All: all(Group{w("wag")}, Group{w("near", "x")}, Group{w("y")}), Not: []Term{w("z")}}},
		{`wagner NOT "groupe russe" and not`, Query{All: all(Group{w("wagner")}, Group{w("and")}, Group{w("not")}), Not: []Term{x("groupe", "russe")}}},
		{`title:mali`, Query{All: all(Group{w("title", "mali")})}},
		{`(mali OR niger)`, Query{All: all(Group{w("mali"), w("niger")})}},
		{`^mali +niger {x}`, Query{All: all(Group{w("mali")}, Group{w("niger")}, Group{w("x")})}},
		{`mali * : ( )`, Query{All: all(Group{w("mali")})}},
		// Dangling and misplaced OR.
		{`OR mali`, Query{All: all(Group{w("mali")})}},
		{`mali OR`, Query{All: all(Group{w("mali")})}},
		{`mali OR OR niger`, Query{All: all(Group{w("mali"), w("niger")})}},
		{`mali OR * OR niger`, Query{All: all(Group{w("mali"), w("niger")})}},
		{`mali OR -niger OR tchad`, Query{All: all(Group{w("mali")}, Group{w("tchad")}), Not: []Term{w("niger")}}},
		{`mali or niger`, Query{All: all(Group{w("mali")}, Group{w("or")}, Group{w("niger")})}},
		// Quotes.
		{`"unbalanced phrase`, Query{All: all(Group{x("unbalanced", "phrase")})}},
		{`« accord de paix »`, Query{All: all(Group{x("accord", "de", "paix")})}},
		{`“peace deal” mali`, Query{All: all(Group{x("peace", "deal")}, Group{w("mali")})}},
		{`a"b c"d`, Query{All: all(Group{w("a")}, Group{x("b", "c")}, Group{w("d")})}},
		{`"" mali ""`, Query{All: all(Group{w("mali")})}},
		{`"l’accord"`, Query{All: all(Group{x("l", "accord")})}},
		// Letters of any script, digits, accents.
		{`Décennie 2021 Москва 北京`, Query{All: all(Group{w("décennie")}, Group{w("2021")}, Group{w("москва")}, Group{w("北京")})}},
		{"e\u0301te\u0301", Query{All: all(Group{w("e\u0301te\u0301")})}},
		{`10,8 millions`, Query{All: all(Group{w("10", "8")}, Group{w("millions")})}},
	} {
		got, err := ParseQuery(tc.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseQuery(%q)\n got %#v\nwant %#v", tc.in, got, tc.want)
		}
		back, err := ParseQuery(got.String())
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Errorf("ParseQuery(%q).String() = %q does not parse back: %#v, %v", tc.in, got.String(), back, err)
		}
	}
}

func TestParseQueryErrors(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{"", "empty query"},
		{"   \t\n", "empty query"},
		{"OR", "empty query"},
		{"-wagner", "only excluded words"},
		{`-wagner -"groupe armé"`, "only excluded words"},
		{`-wagner OR -mali`, "only excluded words"},
		{"* : ( ) - --", "no letter or digit"},
		{"\u0301 \u0302", "no letter or digit"},
		{`"" «»`, "no letter or digit"},
		{strings.Repeat("mot ", MaxQueryTerms+1), "more than 64"},
	} {
		_, err := ParseQuery(tc.in)
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("ParseQuery(%q) error = %v, want ErrBadQuery", tc.in, err)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseQuery(%q) error = %q, want it to say %q", tc.in, err, tc.msg)
		}
	}
}

func TestQueryString(t *testing.T) {
	q, err := ParseQuery(`Wagner OR « africa corps » l’accord -russie -"armée rouge"`)
	if err != nil {
		t.Fatal(err)
	}
	const want = `wagner OR "africa corps" l-accord -russie -"armée rouge"`
	if got := q.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		`wagner`, `"groupe wagner" -russie`, `a OR b`, `l’accord`, `Wagner-group`,
		`wag* NEAR(a b) : ( )`, `"unbalanced`, `-`, `-"x"`, `« a » „b“`, "e\u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("ParseQuery(%q): error %v does not wrap ErrBadQuery", s, err)
			}
			return
		}
		if len(q.All) == 0 {
			t.Fatalf("ParseQuery(%q): no positive group and no error", s)
		}
		for _, g := range q.All {
			for _, term := range g {
				checkTerm(t, s, term)
			}
		}
		for _, term := range q.Not {
			checkTerm(t, s, term)
		}
		back, err := ParseQuery(q.String())
		if err != nil || !reflect.DeepEqual(back, q) {
			t.Fatalf("ParseQuery(%q).String() = %q parses to %#v, %v", s, q.String(), back, err)
		}
	})
}

func checkTerm(t *testing.T, s string, term Term) {
	t.Helper()
	if len(term.Tokens) == 0 {
		t.Fatalf("ParseQuery(%q): empty term", s)
	}
	for _, tok := range term.Tokens {
		for _, r := range tok {
			if !isTokenRune(r) {
				t.Fatalf("ParseQuery(%q): token %q holds %q", s, tok, r)
			}
		}
	}
}
