package veille

// AnalysisVersion is the version of the Analysis shape and of the set of
// extractors that fill it. It grows by one whenever an extractor is added or
// changes its output, so that `veille reanalyze --since N` can find the
// articles analysed by older code.
const AnalysisVersion = 6

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// In reports whether the span lies within a text of n bytes.
func (s Span) In(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Analysis is what the extractors found in one article. Every Span points into
// the Article.Text it was computed from, in bytes. Sections an extractor does
// not fill stay empty; Extractors lists which ones ran, so an empty section
// can be told from one that was never computed.
//
// The JSON form is specified in docs/analysis.schema.json and described field
// by field in docs/FORMATS.md.
type Analysis struct {
	Version    int            `json:"version"`
	Lang       string         `json:"lang,omitempty"` // ISO 639-1 the extractors assumed
	Extractors []ExtractorRun `json:"extractors"`

	Paragraphs []Span `json:"paragraphs,omitempty"`
	Headings   []Span `json:"headings,omitempty"`  // intertitles: not sentences, never claims
	Sentences  []Span `json:"sentences,omitempty"` // headings excluded

	Entities   []Entity    `json:"entities,omitempty"`
	Mentions   []Mention   `json:"mentions,omitempty"`
	Places     []Place     `json:"places,omitempty"`
	Amounts    []Amount    `json:"amounts,omitempty"`
	Dates      []DateExpr  `json:"dates,omitempty"`
	Quotations []Quotation `json:"quotations,omitempty"`
	Claims     []Claim     `json:"claims,omitempty"`
	Themes     []Theme     `json:"themes,omitempty"`
	Tone       *Tone       `json:"tone,omitempty"`
}

// ExtractorRun records one extractor that ran over the article.
type ExtractorRun struct {
	Name    string `json:"name"`
	Version int    `json:"version"`
	// Skipped says why the extractor produced nothing: on purpose (for
	// example "language de not covered"), or because it failed on this
	// article ("failed: …", a bug worth reporting with the input); ""
	// when it ran.
	Skipped string `json:"skipped,omitempty"`
}

// Ran reports whether the named extractor ran (and was not skipped).
func (a *Analysis) Ran(name string) bool {
	for _, e := range a.Extractors {
		if e.Name == name && e.Skipped == "" {
			return true
		}
	}
	return false
}

// Entity types, as in OntoNotes and CoNLL.
const (
	TypePER  = "PER"  // person
	TypeORG  = "ORG"  // organization
	TypeLOC  = "LOC"  // place that is not a political unit (river, region by geography)
	TypeGPE  = "GPE"  // country, region or city acting as a political unit
	TypeNORP = "NORP" // nationality, religious or political group ("malien", "Russian")
)

// Entity is one real-world referent, with every mention of it in the
// article listed in Mentions (indexes into Analysis.Mentions).
type Entity struct {
	ID       string   `json:"id"`                // canonical, with its scheme: "iso3166:ML", "geonames:2460596", "veille:org/wagner"
	Type     string   `json:"type"`              // PER, ORG, LOC, GPE or NORP
	Name     string   `json:"name"`              // canonical name
	Country  string   `json:"country,omitempty"` // ISO 3166-1 alpha-2, for countries, places and nationalities
	Mentions []int    `json:"mentions"`
	Lat      *float64 `json:"lat,omitempty"` // WGS 84 degrees; nil when unknown (0 is a valid coordinate)
	Lon      *float64 `json:"lon,omitempty"`
	// Role is the function or title the article gives a person
	// ("porte-parole du gouvernement malien"); "" when none.
	Role string `json:"role,omitempty"`
}

// Mention is one span of text naming an entity.
type Mention struct {
	Span
	Text     string `json:"text"`
	Type     string `json:"type"`
	EntityID string `json:"entity_id,omitempty"`
}

// Place is a geocoded location mentioned in the article.
type Place struct {
	Span
	Text         string  `json:"text"`
	ID           string  `json:"id"` // "geonames:N" or "iso3166:XX"
	Name         string  `json:"name"`
	Country      string  `json:"country,omitempty"`       // ISO 3166-1 alpha-2
	FeatureClass string  `json:"feature_class,omitempty"` // GeoNames: A (country, region), P (populated place)…
	Lat          float64 `json:"lat"`                     // WGS 84 degrees
	Lon          float64 `json:"lon"`
}

// Amount is a sum of money or a count of people or things.
type Amount struct {
	Span
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Kind      string   `json:"kind"`                // "money", "count", "percent"
	Value     *float64 `json:"value"`               // in units (money: the currency's major unit); null when vague
	Unit      string   `json:"unit,omitempty"`      // ISO 4217 code for money; the counted noun's lemma for counts
	Approx    bool     `json:"approx,omitempty"`    // environ, près de, un millier…
	Bound     string   `json:"bound,omitempty"`     // "above", "below", "at_least", "at_most" or ""
	Vague     bool     `json:"vague,omitempty"`     // "plusieurs millions": no value, only Magnitude
	Magnitude int      `json:"magnitude,omitempty"` // power of ten when vague
	Period    string   `json:"period,omitempty"`    // "day", "week", "month", "year" for a rate
	EUR       *float64 `json:"eur,omitempty"`       // value converted at the article's date
	USD       *float64 `json:"usd,omitempty"`
	SameAs    string   `json:"same_as,omitempty"` // ID of a stated equivalent amount
	// Max is the upper end of a range ("entre 300 et 400"); Value is then
	// the lower end.
	Max *float64 `json:"max,omitempty"`
	// EURMax and USDMax are Max converted like EUR and USD; set exactly
	// when those are and Max is.
	EURMax *float64 `json:"eur_max,omitempty"`
	USDMax *float64 `json:"usd_max,omitempty"`
	// UnitBasis says how an ambiguous currency was resolved: for francs
	// CFA "sentence:ML" or "article:ML" (the country that chose XOF or
	// XAF) or "default" (XOF, no country of either zone named).
	UnitBasis string `json:"unit_basis,omitempty"`
	// Mismatch is set when the amount and its SameAs differ by more than
	// 5% once converted to euros.
	Mismatch bool `json:"mismatch,omitempty"`
	// PartOf is the ID of the count this one is a share of ("trois
	// gisements, deux d'or et un de magnésium": two parts of the three),
	// with Qualifier the words that set the share apart ("or").
	PartOf    string `json:"part_of,omitempty"`
	Qualifier string `json:"qualifier,omitempty"`
	// Certainty is the certainty of the innermost claim whose span holds
	// the amount: a count in the conditional ("aurait fait 266 morts") is
	// hedged. Set by the claims extractor; "" when no claim covers it.
	Certainty string `json:"certainty,omitempty"`
}

// DateExpr is a date or duration written in the text, resolved against the
// article's publication date. A relative date is never more precise than
// the publication date allows: "hier" in an article dated 2021-09 has Grain
// "day" but Value 2021-09 at month Precision, so a Precision coarser than
// Grain says the publication date could not pin the date down.
type DateExpr struct {
	Span
	Text      string    `json:"text"`
	Kind      string    `json:"kind"` // "absolute", "partial", "relative", "duration"
	Value     Date      `json:"value,omitzero"`
	Precision Precision `json:"precision,omitempty"`
	// Grain is the unit the expression names: "year", "quarter", "month",
	// "week", "day", "hour", "minute" or "second"; "" for durations.
	Grain string `json:"grain,omitempty"`
	// Until is the exclusive end of a range: a written one ("du 13 au 15
	// juillet": 2013-07-16), a period since a date ("depuis 2019": the day
	// after publication), or a week or quarter.
	Until    Date   `json:"until,omitzero"`
	Duration string `json:"duration,omitempty"` // ISO 8601 duration for kind "duration" ("P10Y")
	Bound    string `json:"bound,omitempty"`    // "above", "below", "at_least", "approx" for "plus d'une décennie"
}

// Quotation is speech reported with its content. Field names follow the
// quotes-claims-fr gold set, but every span is in bytes of Article.Text.
type Quotation struct {
	ID            string `json:"id"`
	Kind          string `json:"kind"` // "direct", "indirect" or "mixed"
	Content       string `json:"content"`
	ContentSpan   Span   `json:"content_span"`
	Cue           string `json:"cue"`
	CueSpan       *Span  `json:"cue_span"`
	SpeakerText   string `json:"speaker_text"`
	SpeakerSpan   *Span  `json:"speaker_text_span"`
	Speaker       string `json:"speaker"`
	SpeakerID     string `json:"speaker_id,omitempty"`   // entity ID when the speaker is known
	SpeakerType   string `json:"speaker_type,omitempty"` // person, organization, anonymous, document, outlet
	SpeakerCount  *int   `json:"speaker_count"`
	Affiliation   string `json:"affiliation"`
	AffiliationID string `json:"affiliation_id,omitempty"` // "ML", "iso3166:ML" or an organization entity ID
	Via           string `json:"via"`
}

// Certainty labels of a claim, from the strongest in precedence.
const (
	CertaintyDenied     = "denied"
	CertaintyQuestioned = "questioned"
	CertaintyHedged     = "hedged"
	CertaintyFuture     = "future"
	CertaintyOpinion    = "opinion"
	CertaintyReported   = "reported"
	CertaintyAsserted   = "asserted"
)

// Claim is a clause stating a checkable fact (or an opinion), with who says
// it and how firmly.
type Claim struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Span      Span     `json:"span"`
	Certainty string   `json:"certainty"`
	Negated   bool     `json:"negated,omitempty"`
	Cues      []string `json:"cues"`
	CueSpans  []Span   `json:"cue_spans,omitempty"`
	Source    string   `json:"source"` // speaker the claim is attributed to; "" for the outlet
	// Chain is the source chain, nearest source first, ending at the outlet:
	// ["diplomatic sources", "Reuters", "<outlet>"].
	Chain       []string `json:"chain,omitempty"`
	QuotationID string   `json:"quotation_id,omitempty"`
	Denies      []string `json:"denies,omitempty"`   // IDs of claims this one denies
	Confirms    []string `json:"confirms,omitempty"` // IDs of claims this one confirms
}

// Theme is a topic the article is about.
type Theme struct {
	Code  string  `json:"code"`  // e.g. "MILITARY", "MERCENARIES"
	Score float64 `json:"score"` // 0..1
	Spans []Span  `json:"spans,omitempty"`
}

// Tone is the article's overall polarity, GKG-style.
type Tone struct {
	Tone     float64 `json:"tone"`     // positive minus negative, per 100 words
	Positive float64 `json:"positive"` // percent of words
	Negative float64 `json:"negative"` // percent of words
	Words    int     `json:"words"`
}
