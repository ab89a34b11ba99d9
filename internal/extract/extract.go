// Package extract runs veille's extractors over an article and assembles
// their findings into a veille.Analysis. Extractors are pure: text in,
// values with byte spans out; nothing below this package touches a
// database, a queue or the network.
//
//	p := extract.Default()
//	an := p.Analyze(article) // an.Version == veille.AnalysisVersion
//
// The extractors that run are listed in one place, Default, in the order
// they run; later ones may read what earlier ones put in the Analysis.
package extract

import (
	"fmt"
	"slices"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/amount"
	"github.com/veille/veille/internal/nlp"
)

// Document is what extractors read: the article, its text and its
// segmentation. Extractors must not modify it.
type Document struct {
	Article *veille.Article
	Text    string // == Article.Text
	Lang    string // ISO 639-1, "" when unknown
	nlp.Segmentation
}

// Extractor finds one kind of thing in a document and records it in the
// Analysis.
type Extractor interface {
	// Name is the extractor's stable name ("structure", "entities"…).
	Name() string
	// Version grows when the extractor's output changes.
	Version() int
	// Langs lists the ISO 639-1 languages it covers; nil means all.
	Langs() []string
	// Extract adds its findings to an. Spans are byte offsets into doc.Text.
	Extract(doc *Document, an *veille.Analysis)
}

// Pipeline runs extractors in order.
type Pipeline struct {
	extractors []Extractor
}

// New returns a pipeline running the given extractors in order.
func New(ex ...Extractor) *Pipeline { return &Pipeline{extractors: ex} }

// Default returns the pipeline of every extractor veille ships, in the
// order they run. This is the one list of extractors.
func Default() *Pipeline {
	return New(
		Structure{},
		NewEntities(),
		dates{},
		amount.Stage[*Document]{In: func(d *Document) amount.Input {
			return amount.Input{Text: d.Text, Lang: d.Lang, Published: d.Article.Published, Sentences: d.Sentences}
		}},
		quotes{},
		NewClaims(),
	)
}

// Extractors returns the pipeline's extractors, in order.
func (p *Pipeline) Extractors() []Extractor { return slices.Clone(p.extractors) }

// Analyze runs the pipeline over a. Extractors that do not cover the
// article's language are recorded as skipped with the reason, so an
// article in an uncovered language still gets an Analysis saying so.
func (p *Pipeline) Analyze(a *veille.Article) *veille.Analysis {
	doc := &Document{Article: a, Text: a.Text, Lang: a.Lang, Segmentation: nlp.Segment(a.Text)}
	an := &veille.Analysis{Version: veille.AnalysisVersion, Lang: a.Lang, Extractors: []veille.ExtractorRun{}}
	for _, e := range p.extractors {
		run := veille.ExtractorRun{Name: e.Name(), Version: e.Version()}
		if langs := e.Langs(); langs != nil && !slices.Contains(langs, a.Lang) {
			if a.Lang == "" {
				run.Skipped = "language unknown"
			} else {
				run.Skipped = "language " + a.Lang + " not covered"
			}
			an.Extractors = append(an.Extractors, run)
			continue
		}
		run.Skipped = extractSafely(e, doc, an)
		an.Extractors = append(an.Extractors, run)
	}
	return an
}

// extractSafely runs e over doc. An extractor that panics on an article
// (a bug) loses only its own findings: an is restored to what it held
// before, and the returned reason ("failed: …") is recorded, so that one
// article never stops an ingest and the others' findings stay.
func extractSafely(e Extractor, doc *Document, an *veille.Analysis) (failed string) {
	// Extractors append to the slices of an and may edit the elements
	// of earlier ones (claims set amounts' certainty): keep copies.
	saved := *an
	saved.Extractors = slices.Clone(an.Extractors)
	saved.Entities, saved.Mentions, saved.Places = slices.Clone(an.Entities), slices.Clone(an.Mentions), slices.Clone(an.Places)
	saved.Dates, saved.Amounts = slices.Clone(an.Dates), slices.Clone(an.Amounts)
	saved.Quotations, saved.Claims = slices.Clone(an.Quotations), slices.Clone(an.Claims)
	defer func() {
		if r := recover(); r != nil {
			*an = saved
			failed = fmt.Sprintf("failed: %v", r)
		}
	}()
	e.Extract(doc, an)
	return ""
}

// Structure records paragraphs, headings (intertitles, never claims) and
// sentences. It covers every language.
type Structure struct{}

// Name implements Extractor.
func (Structure) Name() string { return "structure" }

// Version implements Extractor.
func (Structure) Version() int { return 1 }

// Langs implements Extractor: all languages.
func (Structure) Langs() []string { return nil }

// Extract implements Extractor.
func (Structure) Extract(doc *Document, an *veille.Analysis) {
	an.Paragraphs = doc.Paragraphs
	an.Headings = doc.Headings
	an.Sentences = doc.Sentences
}
