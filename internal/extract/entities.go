package extract

import (
	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/entity"
)

// Entities finds persons, organizations, countries, nationalities and
// places (package entity) and fills Analysis.Entities, Mentions and
// Places. It covers French and English. It lives here rather than in
// package entity so that entity need not import extract (Default imports
// it).
type Entities struct{ r *entity.Recognizer }

// NewEntities returns the entities stage over the embedded lexicon.
func NewEntities() Entities { return Entities{r: entity.New()} }

// Name implements Extractor.
func (Entities) Name() string { return "entities" }

// Version implements Extractor.
func (Entities) Version() int { return 4 }

// Langs implements Extractor: French and English.
func (Entities) Langs() []string { return []string{"fr", "en"} }

// Extract implements Extractor: sentences and headings are scanned.
func (e Entities) Extract(doc *Document, an *veille.Analysis) {
	units := append(append([]veille.Span(nil), doc.Sentences...), doc.Headings...)
	e.r.ApplyLang(doc.Text, units, doc.Lang, an)
}
