package ingest

import (
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// blockAtoms are elements that start a new paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Table: true, atom.Tr: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Pre: true, atom.Hr: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Aside: true, atom.Main: true, atom.Nav: true,
}

// skipAtoms are elements whose content is not text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Head: true,
}

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
			if skipAtoms[a] && tt == html.StartTagToken {
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
			if blockAtoms[a] {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipAtoms[a] {
				if skip > 0 {
					skip--
				}
				continue
			}
			if blockAtoms[a] {
				flush()
			}
		}
	}
}
