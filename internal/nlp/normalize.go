package nlp

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the form of an article text that veille stores and
// that every span points into: valid UTF-8 (each invalid byte replaced by
// U+FFFD — callers that can guess a legacy charset decode before), Unicode
// NFC, line ends "\n", control characters other than "\n" and "\t" removed,
// trailing spaces of lines and blank lines at both ends trimmed. Words,
// letters, punctuation and the paragraph structure are kept as written:
// typographic apostrophes stay typographic.
func Normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsAny(s, "\r\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.Map(func(r rune) rune {
			switch {
			case r == '\r' || r == '\f' || r == '\v':
				return '\n'
			case r == '\n' || r == '\t':
				return r
			case r < 0x20 || r == 0x7f:
				return -1
			}
			return r
		}, s)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	// Trim trailing spaces of lines without rebuilding clean texts.
	if strings.Contains(s, " \n") || strings.Contains(s, "\t\n") {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " \t")
		}
		s = strings.Join(lines, "\n")
	}
	return strings.Trim(s, " \t\n\u00a0\ufeff")
}

// CollapseSpace returns s with every run of white space (line breaks
// included) replaced by one space and the ends trimmed: the form of titles.
func CollapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
