package store

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search (see ParseQuery): an article matches when every
// group of All matches and no term of Not does.
type Query struct {
	All []Group // at least one
	Not []Term
}

// Group is a disjunction: it matches when one of its terms does.
type Group []Term

// Term is a word or a phrase, as the tokens SQLite's unicode61 tokenizer
// would make of it: lowercased runs of letters, numbers and combining marks.
// A term of several tokens matches them in sequence.
type Term struct {
	Tokens []string
	// Exact is set for phrases typed in quotes: they match the words as
	// written (case and diacritics aside). A bare word also matches its
	// inflections ("mercenaire" finds "mercenaires").
	Exact bool
}

// MaxQueryTerms bounds the number of words and phrases in one query.
const MaxQueryTerms = 64

// ParseQuery parses the user search syntax:
//
//	wagner mali          both words (AND)
//	"groupe wagner"      a phrase, matched as written
//	wagner OR africa     either (OR binds tighter than AND; it must be upper case)
//	wagner -russie       without russie; -"a phrase" too
//	wagner NOT russie    the same (upper case NOT negates the next term)
//	wagner AND mali      the same as wagner mali (upper case AND is implied)
//
// A query that would be left with nothing to search for by reading AND and
// NOT as operators ("AND", "NOT wagner") reads them as words.
//
// Anything else is read leniently and never makes an invalid query: words
// are split into tokens as SQLite's unicode61 tokenizer splits them, so
// punctuation (apostrophes, hyphens, "*", ":", parentheses) separates tokens
// and a word typed with it becomes a phrase ("l’accord" → l accord,
// "Wagner-group" → wagner group); a word with no letter or digit is ignored;
// an unbalanced quote runs to the end; typographic quotes (“…”, «…», „…“)
// work as "…"; an OR with nothing positive on one side is dropped; NEAR and
// lower-case and/or/not are plain words.
//
// It returns an error wrapping ErrBadQuery when nothing is left to search:
// an empty query, one with only negations, or one with no letter or digit;
// and when the query has more than MaxQueryTerms terms.
func ParseQuery(s string) (Query, error) {
	q, err := parseQuery(s, true)
	if err != nil {
		// "AND" or "NOT wagner" alone: the operators were meant as words.
		if q2, err2 := parseQuery(s, false); err2 == nil {
			return q2, nil
		}
	}
	return q, err
}

// parseQuery parses s; keywords says whether upper-case AND and NOT are
// operators.
func parseQuery(s string, keywords bool) (Query, error) {
	var q Query
	orPending := false // an OR follows the last positive term
	lastPos := false   // the last term kept was positive
	nterms, dropped := 0, false
	for _, lx := range lexQuery(s, keywords) {
		if lx.or {
			orPending = lastPos
			continue
		}
		toks := queryTokens(lx.text)
		if len(toks) == 0 {
			dropped = true
			continue
		}
		nterms++
		if nterms > MaxQueryTerms {
			return Query{}, fmt.Errorf("%w: more than %d words and phrases", ErrBadQuery, MaxQueryTerms)
		}
		t := Term{Tokens: toks, Exact: lx.quoted}
		switch {
		case lx.not:
			q.Not = append(q.Not, t)
			lastPos = false
		case orPending:
			q.All[len(q.All)-1] = append(q.All[len(q.All)-1], t)
			lastPos = true
		default:
			q.All = append(q.All, Group{t})
			lastPos = true
		}
		orPending = false
	}
	if len(q.All) == 0 {
		switch {
		case len(q.Not) > 0:
			return Query{}, fmt.Errorf("%w: only excluded words (-word); add a word to search for", ErrBadQuery)
		case dropped:
			return Query{}, fmt.Errorf("%w: no letter or digit to search for in %q", ErrBadQuery, s)
		default:
			return Query{}, fmt.Errorf("%w: empty query", ErrBadQuery)
		}
	}
	return q, nil
}

// String returns the query in the syntax ParseQuery reads, such that
// ParseQuery(q.String()) gives q back: a bare term of several tokens is
// written with hyphens ("wagner-group"), an exact one in quotes.
func (q Query) String() string {
	var b strings.Builder
	for i, g := range q.All {
		if i > 0 {
			b.WriteByte(' ')
		}
		for j, t := range g {
			if j > 0 {
				b.WriteString(" OR ")
			}
			t.write(&b)
		}
	}
	for _, t := range q.Not {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('-')
		t.write(&b)
	}
	return b.String()
}

func (t Term) write(b *strings.Builder) {
	if t.Exact {
		b.WriteByte('"')
		b.WriteString(strings.Join(t.Tokens, " "))
		b.WriteByte('"')
		return
	}
	b.WriteString(strings.Join(t.Tokens, "-"))
}

// queryLexeme is one unit of the query syntax: a bare word, a quoted
// phrase, or the OR operator.
type queryLexeme struct {
	text   string
	quoted bool
	not    bool
	or     bool
}

// isQueryQuote reports whether r opens or closes a phrase.
func isQueryQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// lexQuery splits s into lexemes at white space and quotes.
func lexQuery(s string, keywords bool) []queryLexeme {
	var out []queryLexeme
	not := false     // the next quote is negated
	notNext := false // a NOT negates the next word or phrase
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			not = notNext
			i += n
		case isQueryQuote(r):
			j := i + n
			end := strings.IndexFunc(s[j:], isQueryQuote)
			lx := queryLexeme{quoted: true, not: not}
			if end < 0 {
				lx.text, i = s[j:], len(s)
			} else {
				_, m := utf8.DecodeRuneInString(s[j+end:])
				lx.text, i = s[j:j+end], j+end+m
			}
			out = append(out, lx)
			not, notNext = false, false
		default:
			j := i + strings.IndexFunc(s[i:], func(r rune) bool { return unicode.IsSpace(r) || isQueryQuote(r) })
			if j < i {
				j = len(s)
			}
			word := s[i:j]
			i = j
			switch {
			case word == "OR":
				out = append(out, queryLexeme{or: true})
			case word == "AND" && keywords:
				// implied between terms
			case word == "NOT" && keywords:
				notNext = true
				continue
			case strings.TrimLeft(word, "-") == "":
				// Hyphens alone negate a quote glued to them: -"a phrase".
				if j < len(s) {
					r, _ := utf8.DecodeRuneInString(s[j:])
					not = isQueryQuote(r)
				}
			case word[0] == '-':
				out = append(out, queryLexeme{text: strings.TrimLeft(word, "-"), not: true})
			default:
				out = append(out, queryLexeme{text: word, not: notNext})
			}
			notNext = false
		}
	}
	return out
}

// queryTokens splits s as SQLite's unicode61 tokenizer does, lowercased.
func queryTokens(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		j, marksOnly := i, true
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isTokenRune(r) {
				break
			}
			marksOnly = marksOnly && unicode.IsMark(r)
			j += n
		}
		if j > i {
			if !marksOnly { // diacritics alone index as nothing
				toks = append(toks, strings.ToLower(s[i:j]))
			}
			i = j
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return toks
}

// isTokenRune reports whether r belongs to a token: a letter, a number, a
// combining mark or a private-use character. SQLite's unicode61 keeps the
// categories "L* N* Co" and the combining diacritics it removes; where its
// older Unicode tables disagree, it splits a quoted token further, which
// still matches what it indexed.
func isTokenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r)
}
