package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
)

// Segmentation is the layout of a normalised text.
type Segmentation struct {
	Paragraphs []veille.Span // every paragraph, headings included, in order
	Headings   []veille.Span // paragraphs that are intertitles
	Sentences  []veille.Span // sentences of the non-heading paragraphs
}

// Segment splits text into paragraphs, headings and sentences.
//
// Paragraphs are separated by blank lines. A text with no blank line at all
// but several lines (wire copy, flattened pages) is split at line breaks
// that follow sentence-final punctuation or precede an indented line.
//
// A heading (intertitle) is a paragraph of one line standing between blank
// lines, of at most ten words, starting with a capital letter or a digit,
// with no final punctuation and no quotation mark: "La France passe à
// l’offensive". Headings are not sentences.
func Segment(text string) Segmentation {
	var seg Segmentation
	paras, blankBefore, blankAfter := paragraphs(text)
	for i, p := range paras {
		seg.Paragraphs = append(seg.Paragraphs, p)
		if blankBefore[i] && blankAfter[i] && isHeading(text[p.Start:p.End]) {
			seg.Headings = append(seg.Headings, p)
			continue
		}
		seg.Sentences = append(seg.Sentences, Sentences(text, p)...)
	}
	return seg
}

// paragraphs returns the paragraph spans (trimmed) and whether each is
// preceded and followed by a blank line.
func paragraphs(text string) (spans []veille.Span, before, after []bool) {
	hasBlank := strings.Contains(text, "\n\n") || strings.Contains(text, "\n \n")
	type block struct {
		s, e  int
		blank bool // separated from the previous block by a blank line
	}
	var blocks []block
	start := 0
	blankPending := false
	lines := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '\n' {
			continue
		}
		line := text[start:i]
		lines++
		if strings.TrimSpace(line) == "" {
			blankPending = true
		} else {
			split := len(blocks) == 0 || blankPending
			if !split && !hasBlank {
				prev := strings.TrimRight(text[blocks[len(blocks)-1].s:blocks[len(blocks)-1].e], " \t")
				split = endsSentence(prev) || strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "\t")
			}
			if split {
				blocks = append(blocks, block{s: start, e: i, blank: blankPending})
			} else {
				blocks[len(blocks)-1].e = i
			}
			blankPending = false
		}
		start = i + 1
	}
	for k, b := range blocks {
		s, e := trimSpan(text, b.s, b.e)
		if s >= e {
			continue
		}
		spans = append(spans, veille.Span{Start: s, End: e})
		before = append(before, b.blank)
		after = append(after, k+1 < len(blocks) && blocks[k+1].blank)
	}
	return spans, before, after
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:»\"”’)", r)
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

const quoteMarks = "«»\"“”„‹›"

func isHeading(p string) bool {
	if strings.ContainsRune(p, '\n') || strings.ContainsAny(p, quoteMarks) {
		return false
	}
	if n := len(strings.Fields(p)); n == 0 || n > 10 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".!?…,;:", last)
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "dr": true, "pr": true, "me": true,
	"st": true, "ste": true, "mr": true, "mrs": true, "ms": true, "prof": true, "gen": true, "gén": true,
	"col": true, "lt": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "jr": true, "sr": true,
	"etc": false, "cf": true, "vs": true, "no": true, "nos": true, "art": true, "av": true, "bd": true,
	"jan": true, "feb": true, "fév": true, "mar": true, "apr": true, "avr": true, "jun": true, "jul": true, "juil": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "déc": true,
	"inc": true, "ltd": true, "corp": true, "co": true, "p": true, "pp": true, "vol": true, "ed": true,
}

// Sentences splits the paragraph span p of text into sentences. A sentence
// ends at ".", "!", "?" or "…" (closing quotes and brackets right after
// stay with it) followed by white space and a capital letter, a digit or an
// opening quote (two apostrophes in a row count as one); not after an
// abbreviation (M., Mme, Dr., U.S.) or a single capital initial, and never
// inside a number ("9,15", "2.500").
func Sentences(text string, p veille.Span) []veille.Span {
	var out []veille.Span
	start := p.Start
	i := p.Start
	for i < p.End {
		r, n := utf8.DecodeRuneInString(text[i:p.End])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		end := i + n
		// Runs of punctuation ("?!", "...").
		for end < p.End && strings.ContainsRune(".!?…", rune(text[end])) {
			end++
		}
		// Closing quotes and brackets stay with the sentence.
		for end < p.End {
			c, m := utf8.DecodeRuneInString(text[end:p.End])
			closing := strings.ContainsRune("»\"”)]’›", c)
			if !closing && (c == '\u00a0' || c == '\u202f' || c == ' ') && peek(text, end+m, p.End) == '»' {
				closing = true
			}
			if c == '\'' && peek(text, end+1, p.End) == '\'' {
				m, closing = 2, true // the New York Times' ''…''
			}
			if closing {
				end += m
				continue
			}
			break
		}
		if r == '.' && !dotEnds(text, p.Start, i) {
			i = end
			continue
		}
		// Next non-space must start a new sentence.
		j := end
		sawSpace := false
		for j < p.End {
			c, m := utf8.DecodeRuneInString(text[j:p.End])
			if !unicode.IsSpace(c) {
				break
			}
			sawSpace = true
			j += m
		}
		if j >= p.End {
			break
		}
		c, _ := utf8.DecodeRuneInString(text[j:p.End])
		opening := strings.ContainsRune("«\"“„‹(—–-", c) || c == '\'' && peek(text, j+1, p.End) == '\''
		if sawSpace && (unicode.IsUpper(c) || unicode.IsDigit(c) || opening) {
			if s, e := trimSpan(text, start, end); s < e {
				out = append(out, veille.Span{Start: s, End: e})
			}
			start = j
		}
		i = end
	}
	if s, e := trimSpan(text, start, p.End); s < e {
		out = append(out, veille.Span{Start: s, End: e})
	}
	return out
}

func peek(text string, i, end int) rune {
	if i >= end {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return r
}

// dotEnds reports whether the dot at text[dot] can end a sentence: not
// after an abbreviation, an initial or inside an acronym with dots.
func dotEnds(text string, from, dot int) bool {
	w := dot
	for w > from {
		r, n := utf8.DecodeLastRuneInString(text[from:w])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w -= n
	}
	word := text[w:dot]
	if word == "" {
		return true
	}
	if strings.Contains(word, ".") { // U.S. , a.m.
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return !unicode.IsUpper(r)
	}
	return !abbreviations[strings.ToLower(word)]
}
