package extract

import (
	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/date"
)

// dates adapts date.Extractor, which cannot import this package (Default
// imports it), to Extractor.
type dates struct{ date.Extractor }

// Extract implements Extractor: dates resolved against the publication date.
func (d dates) Extract(doc *Document, an *veille.Analysis) {
	d.ExtractText(doc.Text, doc.Lang, doc.Article.Published, an)
}
