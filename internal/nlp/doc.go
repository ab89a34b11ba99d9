// Package nlp holds veille's text primitives: the normalisation applied to
// every article text before it is stored, and its segmentation into
// paragraphs, headings (intertitles) and sentences. Every span is a
// veille.Span of byte offsets into the normalised text.
//
//	text := nlp.Normalize(raw)
//	seg := nlp.Segment(text)
//	for _, s := range seg.Sentences { fmt.Println(text[s.Start:s.End]) }
package nlp
