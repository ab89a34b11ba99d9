package extract

import (
	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/quote"
)

// quotes adapts quote.Extractor, which cannot import this package (Default
// imports it), to Extractor. It runs after the entities stage, whose
// persons, roles and organizations resolve speakers.
type quotes struct{ quote.Extractor }

// Extract implements Extractor: quotations with speakers and sources.
func (q quotes) Extract(doc *Document, an *veille.Analysis) {
	q.Apply(quote.Input{Text: doc.Text, Lang: doc.Lang, Paragraphs: doc.Paragraphs, Sentences: doc.Sentences}, an)
}
