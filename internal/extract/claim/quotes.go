package claim

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
)

// quoteRegions returns the spans of text inside quote marks, marks
// included. It tolerates the broken forms real text has: reversed
// guillemets (» … «), and a closing mark whose opening was lost, which
// closes a region starting at the paragraph or at the previous region's
// end. A paragraph break ends any open region.
func quoteRegions(text string) []veille.Span {
	var out []veille.Span
	open := -1 // start of the open region, -1 when none
	closer := rune(0)
	boundary := 0 // where an unopened region may start
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' && i+1 < len(text) && (text[i+1] == '\n' || text[i+1] == '\r') {
			if open >= 0 {
				out = append(out, veille.Span{Start: open, End: i})
				open = -1
			}
			boundary = i + 1
			i += n
			continue
		}
		switch r {
		case '«', '“', '„', '‹', '"', '»', '”', '›':
			nextC, _ := utf8.DecodeRuneInString(text[min(len(text), i+n):])
			switch {
			case open >= 0 && (r == closer || r == '"' || r == '»' || r == '”' ||
				r == '«' && !unicode.IsLetter(nextSolid(text, i+n))):
				out = append(out, veille.Span{Start: open, End: i + n})
				open = -1
				boundary = i + n
			case open < 0 && (r == '«' || r == '“' || r == '„' || r == '‹' || r == '"' && unicode.IsLetter(nextSolid(text, i+n)) || r == '»' && unicode.IsLetter(nextC)):
				open = i
				switch r {
				case '«':
					closer = '»'
				case '“', '„':
					closer = '”'
				case '‹':
					closer = '›'
				case '»':
					closer = '«'
				default:
					closer = '"'
				}
			case open < 0 && (r == '»' || r == '”' || r == '"'):
				if i > boundary {
					out = append(out, veille.Span{Start: boundary, End: i + n})
				}
				boundary = i + n
			}
		}
		i += n
	}
	if open >= 0 {
		end := len(text)
		out = append(out, veille.Span{Start: open, End: end})
	}
	return out
}

// nextSolid returns the first rune at or after i that is not a space.
func nextSolid(text string, i int) rune {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return r
		}
		i += n
	}
	return 0
}

// coverage returns the share of sp's bytes inside quote regions, the
// offset of the first quote mark in sp (-1 when none) and the offset of
// the opening mark of the region sp starts in, when that region opened
// before sp with a mark (-1 otherwise).
func coverage(text string, sp veille.Span, regions []veille.Span) (float64, int, int) {
	in := 0
	open := -1
	// Regions are disjoint and in text order: skip those ending before sp.
	first := sort.Search(len(regions), func(i int) bool { return regions[i].End > sp.Start })
	if first < len(regions) && regions[first].Start < sp.Start {
		switch r, _ := utf8.DecodeRuneInString(text[regions[first].Start:]); r {
		case '«', '“', '„', '‹', '"', '»', '”', '›':
			open = regions[first].Start
		}
	}
	for _, r := range regions[first:] {
		if r.Start >= sp.End {
			break
		}
		in += min(r.End, sp.End) - max(r.Start, sp.Start)
	}
	mark := -1
	for i, r := range text[sp.Start:sp.End] {
		switch r {
		case '«', '“', '„', '‹', '"', '»', '”', '›':
			mark = sp.Start + i
		}
		if mark >= 0 {
			break
		}
	}
	return float64(in) / float64(sp.Len()), mark, open
}
