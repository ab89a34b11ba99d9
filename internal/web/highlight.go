package web

import (
	"cmp"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille"
)

// mark is one highlighted span of an article's text: whatever an
// extractor found (a sentence, a mention, an amount, a quotation, a
// claim…). Rendering knows nothing of the kinds: each mark becomes a
// <span> with its classes, so a new extractor's findings show up once
// marksOf lists them.
type mark struct {
	veille.Span
	Class  string // CSS classes, e.g. "hl amount"
	Anchor string // element id, "" for none; the side panel links to it
	Tip    string // shown on hover and focus
	n      int    // index of the mark in the page, set by renderBlocks
}

// item is one entry of the side panel.
type item struct {
	Text   string // the span's text, or the entity's name
	Detail string
	Anchor string   // first occurrence
	More   []string // anchors of the other occurrences
	Page   string   // URL of a page about it, "" for none
}

// section is one titled list of the side panel; empty ones are not shown.
type section struct {
	Title string
	Class string // CSS class of its marks, for the legend swatch
	Items []item
}

// token keeps class names to letters, digits and dashes.
func token(s string) string {
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, s)
}

// spanText returns text[sp] when sp is a valid span of text on rune
// boundaries.
func spanText(text string, sp veille.Span) (string, bool) {
	if !sp.In(len(text)) || sp.Len() == 0 {
		return "", false
	}
	if sp.Start < len(text) && !utf8.RuneStart(text[sp.Start]) || sp.End < len(text) && !utf8.RuneStart(text[sp.End]) {
		return "", false
	}
	return text[sp.Start:sp.End], true
}

// fmtFloat writes f with at most two decimals and thin-space thousands:
// 6000000000 → "6 000 000 000", 9146941.0342 → "9 146 941.03".
func fmtFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i > 3 {
		s = strconv.FormatFloat(f, 'f', 2, 64)
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// group merges the items of a section that share a key (an entity or a
// place ID) into one, keeping the first occurrence's place in the list.
func group(sec *section, keys []string) {
	var out []item
	at := map[string]int{}
	for i, it := range sec.Items {
		k := keys[i]
		if j, ok := at[k]; ok && k != "" {
			out[j].More = append(out[j].More, it.Anchor)
			continue
		}
		at[k] = len(out)
		out = append(out, it)
	}
	sec.Items = out
}

// marksOf lists the marks of an analysis over text, and the side panel
// sections, in reading order. Invalid spans are left out.
func marksOf(text string, an *veille.Analysis) ([]mark, []section) {
	if an == nil {
		return nil, nil
	}
	var marks []mark
	var secs []section
	add := func(sec *section, sp veille.Span, class, anchor, tip, detail string) {
		t, ok := spanText(text, sp)
		if !ok {
			return
		}
		marks = append(marks, mark{Span: sp, Class: class, Anchor: anchor, Tip: tip})
		if sec != nil {
			sec.Items = append(sec.Items, item{Text: t, Detail: detail, Anchor: anchor})
		}
	}
	for i, sp := range an.Sentences {
		add(nil, sp, "s", "s"+strconv.Itoa(i+1), "", "")
	}

	entities := section{Title: "Entities", Class: "ent"}
	names := map[string]veille.Entity{}
	for _, e := range an.Entities {
		names[e.ID] = e
	}
	var keys []string
	for i, m := range an.Mentions {
		tip, detail, key := m.Type, m.Type, m.Type+" "+m.Text
		if e, ok := names[m.EntityID]; ok {
			tip = e.Name + " · " + m.Type
			if e.Role != "" {
				tip += " · " + e.Role
				detail = e.Role + " · " + m.Type
			}
			key = e.ID
		}
		n := len(entities.Items)
		add(&entities, m.Span, "hl ent ent-"+token(m.Type), "m"+strconv.Itoa(i+1), tip, detail)
		if len(entities.Items) > n {
			keys = append(keys, key)
			if e, ok := names[m.EntityID]; ok && e.Name != "" {
				entities.Items[n].Text = e.Name
				entities.Items[n].Page = entityURL(e.ID)
			}
		}
	}
	group(&entities, keys)

	places := section{Title: "Places", Class: "place"}
	keys = nil
	for i, p := range an.Places {
		d := strings.TrimSpace(p.Name + " " + p.Country)
		n := len(places.Items)
		add(&places, p.Span, "hl place", "p"+strconv.Itoa(i+1), d, p.Country)
		if len(places.Items) > n {
			keys = append(keys, p.ID+" "+p.Name)
			if p.Name != "" {
				places.Items[n].Text = p.Name
			}
		}
	}
	group(&places, keys)

	amounts := section{Title: "Amounts", Class: "amount"}
	for i, a := range an.Amounts {
		var d []string
		if a.Approx {
			d = append(d, "≈")
		}
		if a.Bound != "" {
			d = append(d, a.Bound)
		}
		if a.Value != nil && a.Max != nil {
			d = append(d, fmtFloat(*a.Value)+"–"+fmtFloat(*a.Max))
		} else if a.Value != nil {
			d = append(d, fmtFloat(*a.Value))
		} else if a.Vague && a.Magnitude > 0 {
			d = append(d, fmt.Sprintf("~10^%d", a.Magnitude))
		}
		if a.Unit != "" {
			d = append(d, a.Unit)
		}
		if a.Period != "" {
			d = append(d, "per "+a.Period)
		}
		if a.EUR != nil && a.Unit != "EUR" {
			d = append(d, "(≈ "+fmtFloat(*a.EUR)+" EUR)")
		}
		s := strings.Join(d, " ")
		add(&amounts, a.Span, "hl amount", "a"+strconv.Itoa(i+1), a.Kind+": "+s, s)
	}

	dates := section{Title: "Dates", Class: "date"}
	for i, d := range an.Dates {
		v := d.Value.String()
		if d.Duration != "" {
			v = d.Duration
		}
		add(&dates, d.Span, "hl date", "d"+strconv.Itoa(i+1), d.Kind+" "+v, v)
	}

	quotes := section{Title: "Quotations", Class: "quote"}
	for i, q := range an.Quotations {
		who := q.Speaker
		if who == "" {
			who = q.SpeakerText
		}
		if who == "" {
			who = "unknown speaker"
		}
		anchor := "q" + strconv.Itoa(i+1)
		add(&quotes, q.ContentSpan, "hl quote quote-"+token(q.Kind), anchor, "said by "+who, who+" ("+q.Kind+")")
		if q.SpeakerSpan != nil {
			add(nil, *q.SpeakerSpan, "hl speaker", anchor+"s", "speaker of "+anchor, "")
		}
		if q.CueSpan != nil {
			add(nil, *q.CueSpan, "hl cue", "", "", "")
		}
	}

	claims := section{Title: "Claims", Class: "claim"}
	for i, c := range an.Claims {
		tip := c.Certainty
		if c.Source != "" {
			tip += " · source: " + c.Source
		}
		add(&claims, c.Span, "hl claim claim-"+token(c.Certainty), "c"+strconv.Itoa(i+1), tip, tip)
		for _, cs := range c.CueSpans {
			add(nil, cs, "hl cue", "", "", "")
		}
	}
	for _, s := range []section{entities, places, amounts, dates, quotes, claims} {
		if len(s.Items) > 0 {
			secs = append(secs, s)
		}
	}
	return marks, secs
}

// block is a paragraph or heading of the article, rendered.
type block struct {
	Heading bool
	Anchor  string // id of a heading
	HTML    template.HTML
}

// renderBlocks renders text as its paragraphs (headings as such) with the
// marks nested inside, and returns the outline section that lists the
// headings. Marks that cross each other are split so that the HTML stays
// well formed; a split mark keeps its anchor on its first part.
func renderBlocks(text string, an *veille.Analysis, marks []mark) ([]block, section) {
	var paras []veille.Span
	heads := map[veille.Span]bool{}
	if an != nil {
		for _, p := range an.Paragraphs {
			if _, ok := spanText(text, p); ok {
				paras = append(paras, p)
			}
		}
		for _, h := range an.Headings {
			heads[h] = true
		}
	}
	if len(paras) == 0 {
		paras = []veille.Span{{Start: 0, End: len(text)}}
	}
	ms := slices.Clone(marks)
	slices.SortStableFunc(ms, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	for i := range ms {
		ms[i].n = i
	}
	opened := make([]bool, len(ms))
	var blocks []block
	outline := section{Title: "Outline", Class: "outline"}
	for _, p := range paras {
		var in []mark
		for _, m := range ms {
			s, e := max(m.Start, p.Start), min(m.End, p.End)
			if s < e {
				m.Start, m.End = s, e
				in = append(in, m)
			}
		}
		b := block{Heading: heads[p], HTML: template.HTML(renderInline(text, p, in, opened))}
		if b.Heading {
			b.Anchor = "h" + strconv.Itoa(len(outline.Items)+1)
			outline.Items = append(outline.Items, item{Text: text[p.Start:p.End], Anchor: b.Anchor})
		}
		blocks = append(blocks, b)
	}
	return blocks, outline
}

// renderInline renders text[p] with marks (clipped to p, sorted by start,
// then longest first) as nested spans. Only the first part of a mark split
// across crossings or paragraphs carries its anchor and tip: opened[m.n]
// records that it was written.
func renderInline(text string, p veille.Span, marks []mark, opened []bool) string {
	cuts := []int{p.Start, p.End}
	for _, m := range marks {
		cuts = append(cuts, m.Start, m.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var b strings.Builder
	var stack []*mark
	next := 0 // next mark to open
	open := func(m *mark) {
		b.WriteString(`<span class="`)
		b.WriteString(template.HTMLEscapeString(m.Class))
		b.WriteByte('"')
		if !opened[m.n] {
			opened[m.n] = true
			if m.Anchor != "" {
				b.WriteString(` id="` + template.HTMLEscapeString(m.Anchor) + `"`)
			}
			if m.Tip != "" {
				b.WriteString(` data-tip="` + template.HTMLEscapeString(m.Tip) + `" tabindex="0"`)
			}
		}
		b.WriteByte('>')
	}
	for ci, pos := range cuts {
		// Close every mark that ends here, and those opened inside it.
		low := -1
		for i, m := range stack {
			if m.End <= pos {
				low = i
				break
			}
		}
		var reopen []*mark
		if low >= 0 {
			for i := len(stack) - 1; i >= low; i-- {
				b.WriteString("</span>")
				if stack[i].End > pos {
					reopen = append([]*mark{stack[i]}, reopen...)
				}
			}
			stack = stack[:low]
		}
		for _, m := range reopen {
			open(m)
			stack = append(stack, m)
		}
		for next < len(marks) && marks[next].Start == pos {
			m := &marks[next]
			next++
			if m.End <= pos {
				continue
			}
			open(m)
			stack = append(stack, m)
		}
		if ci+1 < len(cuts) {
			b.WriteString(template.HTMLEscapeString(text[pos:cuts[ci+1]]))
		}
	}
	for range stack {
		b.WriteString("</span>")
	}
	return b.String()
}
