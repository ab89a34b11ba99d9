package extract

import (
	"sort"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/claim"
)

// Claims finds the claims of the article with their certainty, cues,
// source chain and denies/confirms links (package claim). It runs after
// the quotations stage, whose quotations, when present, give the sources.
// It lives here rather than in package claim so that claim need not import
// extract (Default imports it).
type Claims struct{ c *claim.Classifier }

// NewClaims returns the claims stage over the embedded cue lists.
func NewClaims() Claims { return Claims{c: claim.New()} }

// Name implements Extractor.
func (Claims) Name() string { return "claims" }

// Version implements Extractor: 3 since boilerplate sentences make no
// claim, unattributed claims carry the outlet chain and reported claims
// always carry a cue.
func (Claims) Version() int { return 4 }

// Langs implements Extractor: French and English.
func (Claims) Langs() []string { return claim.Langs }

// Extract implements Extractor: sentences only, since headings are never
// claims.
func (e Claims) Extract(doc *Document, an *veille.Analysis) {
	an.Claims = e.c.Claims(claim.Input{
		Text:       doc.Text,
		Lang:       doc.Lang,
		Sentences:  doc.Sentences,
		Quotations: an.Quotations,
		Outlet:     doc.Article.Outlet,
	})
	amountCertainty(an)
}

// amountCertainty gives each amount the certainty of the narrowest claim
// whose span holds it, so that "aurait fait 266 morts" is a hedged count.
func amountCertainty(an *veille.Analysis) {
	cs := an.Claims
	// Claims come in text order, their ends too: the claims holding an
	// amount are then a run, found by binary search. Otherwise, scan.
	ordered := true
	for j := 1; j < len(cs); j++ {
		if cs[j].Span.Start < cs[j-1].Span.Start || cs[j].Span.End < cs[j-1].Span.End {
			ordered = false
			break
		}
	}
	for i := range an.Amounts {
		a := &an.Amounts[i]
		lo, hi := 0, len(cs)
		if ordered {
			hi = sort.Search(len(cs), func(j int) bool { return cs[j].Span.Start > a.Start })
			lo = sort.Search(hi, func(j int) bool { return cs[j].Span.End >= a.End })
		}
		best := -1
		for j := lo; j < hi; j++ {
			c := cs[j]
			if c.Span.Start <= a.Start && a.End <= c.Span.End &&
				(best < 0 || c.Span.Len() < cs[best].Span.Len()) {
				best = j
			}
		}
		if best >= 0 {
			a.Certainty = cs[best].Certainty
		}
	}
}
