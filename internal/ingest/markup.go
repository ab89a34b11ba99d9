package ingest

import (
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// MarkupToText turns an HTML fragment (a feed summary, a text field holding
// markup) into plain text: entities decoded, scripts and styles dropped,
// each block element (p, div, li, h1…, blockquote, tr) its own paragraph
// separated by a blank line, <br> a line break, other white space
// collapsed. A string without markup comes back with only its entities
// decoded.
func MarkupToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	var para strings.Builder
	skip := 0
	flush := func() {
		var lines []string
		for _, l := range strings.Split(para.String(), "\u2028") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				lines = append(lines, l)
			}
		}
		t := strings.Join(lines, "\n")
		para.Reset()
		if t == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(t)
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				flush()
				return b.String()
			}
			flush()
			return b.String()
		case html.TextToken:
			if skip == 0 {
				// Blank lines in the text itself also separate paragraphs.
				parts := blankLine.Split(string(z.Text()), -1)
				for i, p := range parts {
					if i > 0 {
						flush()
					}
					para.WriteString(p)
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if textSkipAtoms[a] && tt == html.StartTagToken && a != atom.Input && a != atom.Embed { // void elements have no end tag
				skip++
				continue
			}
			if a == atom.Br {
				// A line break inside a paragraph: keep words apart and
				// let two <br> make a paragraph.
				if strings.HasSuffix(strings.TrimRight(para.String(), " \t\n"), "\u2028") {
					p := strings.TrimSuffix(strings.TrimRight(para.String(), " \t\n"), "\u2028")
					para.Reset()
					para.WriteString(p)
					flush()
				} else {
					para.WriteString("\u2028")
				}
				continue
			}
			if a == atom.Img {
				continue
			}
			if textBlockAtoms[a] {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if textSkipAtoms[a] {
				if skip > 0 {
					skip--
				}
				continue
			}
			if textBlockAtoms[a] {
				flush()
			}
		}
	}
}
