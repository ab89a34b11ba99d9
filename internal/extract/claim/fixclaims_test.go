package claim

import (
	"slices"
	"strings"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// claimWith returns the claim of cs whose text contains s.
func claimWith(t *testing.T, cs []veille.Claim, s string) veille.Claim {
	t.Helper()
	for _, c := range cs {
		if strings.Contains(c.Text, s) {
			return c
		}
	}
	t.Fatalf("no claim holds %q", s)
	return veille.Claim{}
}

// The source of a denial or stance verb is its subject, past adverbs,
// auxiliaries and incises, with its complements.
func TestDenialSourceIsSubject(t *testing.T) {
	tests := []struct{ lang, text, cue, want string }{
		{"fr", "La Bolivie, qui soutient la junte du Kivu, a toujours nié ces allégations.", "nié", "La Bolivie"},
		{"fr", "Le Togo, cependant, a toujours nié ces faits.", "nié", "Le Togo"},
		{"fr", "Le directeur régional en charge des forêts a démenti mardi, à Kindia, la vente d'une concession.", "démenti", "Le directeur régional en charge des forêts"},
		{"fr", "Le Ghana nie la présence de mercenaires dans le pays, et l'observatoire Veritas déclare que les violences ont doublé.", "nie", "Le Ghana"},
		{"en", "The Treasury believes that the deficit will narrow.", "believes", "The Treasury"},
		{"en", "The harbour authority has also flatly denied the closure of the port.", "denied", "The harbour authority"},
		{"en", "However, the singer often downplayed the scale of her success.", "downplayed", "the singer"},
		{"en", "A council spokesperson said the mayor welcomed the decision.", "said", "A council spokesperson"},
	}
	for _, tt := range tests {
		cs := classify(tt.lang, tt.text)
		if len(cs) != 1 {
			t.Fatalf("%q: got %d claims", tt.text, len(cs))
		}
		c := cs[0]
		if c.Source != tt.want {
			t.Errorf("%q: source %q, want %q", tt.text, c.Source, tt.want)
		}
		if !slices.Contains(c.Cues, tt.cue) {
			t.Errorf("%q: cues %q, want %q among them", tt.text, c.Cues, tt.cue)
		}
	}
	// A quotation whose speaker is no noun phrase (« a toujours ») gives
	// way to the subject; one whose cue is another verb of the sentence
	// does not decide the denial's source.
	text := "Le Ghana nie la présence de mercenaires, et Veritas déclare que les violences ont doublé."
	cue := strings.Index(text, "déclare")
	q := veille.Quotation{ID: "q1", Kind: "indirect", Cue: "déclare", CueSpan: &veille.Span{Start: cue, End: cue + len("déclare")},
		ContentSpan: veille.Span{Start: cue + len("déclare que "), End: len(text) - 1}, Speaker: "Veritas"}
	seg := nlp.Segment(text)
	cs := testClassifier.Claims(Input{Text: text, Lang: "fr", Sentences: seg.Sentences, Quotations: []veille.Quotation{q}})
	if c := cs[0]; c.Source != "Le Ghana" || slices.Contains(c.Cues, "déclare") || c.QuotationID != "" {
		t.Errorf("two-source denial: got source %q cues %q quotation %q", c.Source, c.Cues, c.QuotationID)
	}
	text = "La Bolivie a toujours nié ces faits."
	cue = strings.Index(text, "nié")
	q = veille.Quotation{ID: "q1", Kind: "indirect", Cue: "nié", CueSpan: &veille.Span{Start: cue, End: cue + len("nié")},
		ContentSpan: veille.Span{Start: cue + len("nié "), End: len(text) - 1}, Speaker: "a toujours", SpeakerText: "a toujours"}
	seg = nlp.Segment(text)
	cs = testClassifier.Claims(Input{Text: text, Lang: "fr", Sentences: seg.Sentences, Quotations: []veille.Quotation{q}})
	if c := cs[0]; c.Source != "La Bolivie" {
		t.Errorf("bogus speaker: got source %q", c.Source)
	}
	// Not a subject: infinitives, nouns after a determiner, participles
	// without auxiliary, passives.
	for _, text := range []string{
		"Les deux pays ont présenté leur demande d'adhésion au traité.",
		"Lire aussi : un fermier condamné par la justice du district.",
		"Son ex-mari a été condamné à payer une pension.",
		"Les États-Unis devraient demander l'extradition des suspects.",
		"Les proches ont du mal à faire face aux exigences du traitement.",
		"Il est tombé malade et est parti avant d'avoir accepté par écrit la demande.",
	} {
		for _, c := range classify("fr", text) {
			if c.Source != "" {
				t.Errorf("%q: source %q, want none", text, c.Source)
			}
		}
	}
	for _, text := range []string{
		"But those demands have already been rejected by the council.",
		"The singer was heavily criticised for the show.",
		"Tougher measures would be warmly welcomed.",
		"Harness Your Hopes is a song recorded in 1997.",
		"The run ended with a first-time shot denied by the keeper.",
		"All I ever wanted was to sing.",
		"Both firms did not admit or deny the charges.",
	} {
		for _, c := range classify("en", text) {
			if c.Source != "" {
				t.Errorf("%q: source %q, want none", text, c.Source)
			}
		}
	}
}

// Refusing to comment is questioned (gold README: refusing to confirm),
// not a denial of the rumour it names.
func TestRefusalToComment(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{"fr", "Les responsables ne commentent pas les rumeurs."},
		{"fr", "La société a refusé de commenter les rumeurs de faillite."},
		{"en", "The ministry declined to comment on the rumours."},
	} {
		cs := classify(tt.lang, tt.text)
		if got := strongest(cs); got != "questioned" {
			t.Errorf("%q: got %s, want questioned", tt.text, got)
		}
	}
	if got := strongest(classify("fr", "Ce sont des rumeurs.")); got != "denied" {
		t.Errorf("a rumour called so is still denied, got %s", got)
	}
}

// A denial with nothing of its own bears on the hedged claims of other
// sources, never on another source's warning.
func TestDenialSkipsWarnings(t *testing.T) {
	text := "Selon l'agence Kora, le cartel serait payé dix millions par mois. " +
		"« Un tel accord serait dangereux pour la région », a prévenu un diplomate européen. " +
		"« Ce sont des rumeurs », a dit le porte-parole, Ali Sow."
	cs := classify("fr", text)
	deal := claimWith(t, cs, "cartel")
	warn := claimWith(t, cs, "dangereux")
	den := claimWith(t, cs, "rumeurs")
	if den.Certainty != "denied" || !slices.Contains(den.Denies, deal.ID) || slices.Contains(den.Denies, warn.ID) {
		t.Errorf("denial %s denies %v; want %s and not %s", den.Certainty, den.Denies, deal.ID, warn.ID)
	}
}

// Feed and navigation boilerplate states nothing checkable: no claim.
func TestBoilerplateIsNoClaim(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{"en", "The bridge reopened on Monday. Continue reading..."},
		{"en", "The bridge reopened on Monday. Read more"},
		{"en", "The bridge reopened on Monday. Click here to subscribe."},
		{"en", "The bridge reopened on Monday. Subscribe to our newsletter!"},
		{"fr", "Le pont a rouvert lundi. Lire la suite"},
	} {
		cs := classify(tt.lang, tt.text)
		if len(cs) != 1 || !strings.HasPrefix(cs[0].Text, "The bridge") && !strings.HasPrefix(cs[0].Text, "Le pont") {
			var got []string
			for _, c := range cs {
				got = append(got, c.Text)
			}
			t.Errorf("%q: got claims %q, want only the first sentence", tt.text, got)
		}
	}
	// A sentence glued after « Lire aussi : » stays; the bare link does not.
	if cs := classify("fr", "Lire aussi : Le Togo rejette les accusations."); len(cs) != 1 {
		t.Errorf("glued sentence dropped")
	}
	if cs := classify("fr", "Le pont a rouvert. Lire aussi :"); len(cs) != 1 {
		t.Errorf("bare « Lire aussi : » kept: %d claims", len(cs))
	}
	// A real sentence that merely starts like boilerplate stays.
	if cs := classify("en", "Read more carefully, the report shows that the dam leaked for three years before anyone noticed it."); len(cs) != 1 {
		t.Errorf("long sentence dropped")
	}
}

// The chain of a claim in the outlet's own voice is the outlet alone;
// without an outlet there is no chain.
func TestOutletVoiceChain(t *testing.T) {
	text := "Le pont a rouvert lundi. Le maire a déclaré que la route était coupée."
	seg := nlp.Segment(text)
	cs := testClassifier.Claims(Input{Text: text, Lang: "fr", Sentences: seg.Sentences, Outlet: "La Gazette"})
	if c := cs[0]; c.Source != "" || !slices.Equal(c.Chain, []string{"La Gazette"}) {
		t.Errorf("outlet voice: source %q chain %q", c.Source, c.Chain)
	}
	if c := cs[1]; !slices.Equal(c.Chain, []string{"Le maire", "La Gazette"}) {
		t.Errorf("attributed: chain %q", c.Chain)
	}
	cs = testClassifier.Claims(Input{Text: text, Lang: "fr", Sentences: seg.Sentences})
	if c := cs[0]; c.Chain != nil {
		t.Errorf("no outlet: chain %q, want none", c.Chain)
	}
}

// Every label but asserted carries the cue that decided it: an English
// participle of accusation, the cue of the quotation that carries the
// sentence, or the quote mark that opened it.
func TestReportedHasCues(t *testing.T) {
	cs := classify("en", "Investors have piled on the pressure, accusing firms of being bloated.")
	if c := cs[0]; c.Certainty != "reported" || !slices.Equal(c.Cues, []string{"accusing"}) {
		t.Errorf("accusing: %s %q", c.Certainty, c.Cues)
	}
	// A middle sentence of a quotation whose marks the quote finder lost
	// (nested marks): the quotation's opening mark is its cue.
	text := "La porte-parole a nuancé les chiffres. « On a vu 26 cas de « vraie » fraude. Et on récupère souvent l'argent. Le reste est perdu »."
	start := strings.Index(text, "On a vu")
	q := veille.Quotation{ID: "q1", Kind: "direct", ContentSpan: veille.Span{Start: start, End: strings.LastIndex(text, " »")}, Speaker: "la porte-parole"}
	seg := nlp.Segment(text)
	cs = testClassifier.Claims(Input{Text: text, Lang: "fr", Sentences: seg.Sentences, Quotations: []veille.Quotation{q}})
	for _, c := range cs {
		if c.Certainty != veille.CertaintyAsserted && len(c.Cues) == 0 {
			t.Errorf("%q: %s without cue", c.Text, c.Certainty)
		}
		if len(c.Cues) != len(c.CueSpans) {
			t.Errorf("%q: %d cues, %d spans", c.Text, len(c.Cues), len(c.CueSpans))
		}
		for i, sp := range c.CueSpans {
			if text[sp.Start:sp.End] != c.Cues[i] {
				t.Errorf("cue %q at %v", c.Cues[i], sp)
			}
		}
	}
	// A quotation with neither cue nor mark: the outlet's voice.
	text = "Le maire a parlé hier. La route est coupée depuis lundi."
	start = strings.Index(text, "La route")
	q = veille.Quotation{ID: "q1", Kind: "indirect", ContentSpan: veille.Span{Start: start, End: len(text) - 1}, Speaker: "Le maire"}
	seg = nlp.Segment(text)
	cs = testClassifier.Claims(Input{Text: text, Lang: "fr", Sentences: seg.Sentences, Quotations: []veille.Quotation{q}})
	if c := claimWith(t, cs, "La route"); c.Certainty != "asserted" || c.Source != "" {
		t.Errorf("no cue at all: %s %q", c.Certainty, c.Source)
	}
}

// A modal claim carried by a quotation lists the quotation's cue after
// its modality cue.
func TestModalQuotationCue(t *testing.T) {
	text := "The Treasury believes that inflation will ease."
	cue := strings.Index(text, "believes")
	q := veille.Quotation{ID: "q1", Kind: "indirect", Cue: "believes", CueSpan: &veille.Span{Start: cue, End: cue + len("believes")},
		ContentSpan: veille.Span{Start: cue + len("believes that "), End: len(text) - 1}, Speaker: "the Treasury"}
	seg := nlp.Segment(text)
	cs := testClassifier.Claims(Input{Text: text, Lang: "en", Sentences: seg.Sentences, Quotations: []veille.Quotation{q}})
	if c := cs[0]; c.Certainty != "future" || !slices.Equal(c.Cues, []string{"will", "believes"}) || c.Source != "the Treasury" {
		t.Errorf("got %s %q %q", c.Certainty, c.Cues, c.Source)
	}
}

// A quotation cue that overlaps the modality cue is not listed twice.
func TestNoOverlappingCues(t *testing.T) {
	text := "Le ministre des mines a démenti mardi l'octroi d'une mine."
	cue := strings.Index(text, "a démenti")
	q := veille.Quotation{ID: "q1", Kind: "indirect", Cue: "a démenti", CueSpan: &veille.Span{Start: cue, End: cue + len("a démenti")},
		ContentSpan: veille.Span{Start: strings.Index(text, "l'octroi"), End: len(text) - 1}, Speaker: "Le ministre des mines"}
	seg := nlp.Segment(text)
	cs := testClassifier.Claims(Input{Text: text, Lang: "fr", Sentences: seg.Sentences, Quotations: []veille.Quotation{q}})
	if c := cs[0]; len(c.Cues) != 1 {
		t.Errorf("got cues %q", c.Cues)
	}
}

// Sources and chain entries have their white space as one plain space,
// the rule FORMATS.md gives for text comparison (content hash).
func TestChainPlainSpaces(t *testing.T) {
	text := "Le\u00a0porte-parole de\u00a0la\u00a0mairie a déclaré que la route était coupée."
	seg := nlp.Segment(text)
	cs := testClassifier.Claims(Input{Text: text, Lang: "fr", Sentences: seg.Sentences, Outlet: "La\u00a0Gazette"})
	c := cs[0]
	if c.Source != "Le porte-parole de la mairie" || !slices.Equal(c.Chain, []string{"Le porte-parole de la mairie", "La Gazette"}) {
		t.Errorf("got source %q chain %q", c.Source, c.Chain)
	}
}

// The source is the whole name after an abbreviated title ("M. Keita"),
// and the antecedent of a relative clause before the verb, not the clause.
func TestSourceName(t *testing.T) {
	tests := []struct{ lang, text, want string }{
		{"fr", "Le port a rouvert, selon M. Keita.", "M. Keita"},
		{"en", "The port reopened, according to Gen. Okafor.", "Gen. Okafor"},
		{"fr", "Les maires qui l'ont reçu ont souligné leur désir de coopérer.", "Les maires"},
		{"en", "The governors who met him said the talks had gone well.", "The governors"},
	}
	for _, tt := range tests {
		cs := classify(tt.lang, tt.text)
		if len(cs) != 1 || cs[0].Source != tt.want {
			t.Errorf("%q: %+v, want one claim sourced %q", tt.text, cs, tt.want)
		}
	}
}

// Words that only look like cues: the month May and the name May are no
// modal; a denial inside an opening concession does not deny the main
// clause.
func TestFalseCues(t *testing.T) {
	tests := []struct{ lang, text, want string }{
		{"en", "The fund was paid by the ministry between May 2019 and May 2020.", veille.CertaintyAsserted},
		{"en", "Prime Minister Theresa May opened the bridge on Friday.", veille.CertaintyAsserted},
		{"en", "May 5 was the hottest day of the year.", veille.CertaintyAsserted},
		{"en", "May the talks resume?", veille.CertaintyQuestioned},
		{"en", "The talks may resume next week.", veille.CertaintyHedged},
		{"fr", "Malgré les démentis de la mairie, les habitants ont vu les camions.", veille.CertaintyAsserted},
		{"en", "Despite denials from the ministry, the convoy crossed the border.", veille.CertaintyAsserted},
		{"fr", "La mairie a démenti la présence des camions.", veille.CertaintyDenied},
		{"en", "Will Harper opened the new bridge on Friday.", veille.CertaintyAsserted},
		{"en", "May Lindqvist won the final in straight sets.", veille.CertaintyAsserted},
		{"en", "The bridge will open on Friday.", veille.CertaintyFuture},
		{"en", "Northern Towns Will Welcome The Refugees Next Year.", veille.CertaintyFuture},
		{"en", "The company did not deny the report.", veille.CertaintyAsserted},
		{"fr", "La société n'a pas démenti l'information.", veille.CertaintyAsserted},
		{"fr", "La société ne dément pas l'information.", veille.CertaintyAsserted},
		{"en", "Nobody denied the report.", veille.CertaintyAsserted},
	}
	for _, tt := range tests {
		cs := classify(tt.lang, tt.text)
		if len(cs) != 1 || cs[0].Certainty != tt.want {
			t.Errorf("%q: got %+v, want one claim %s", tt.text, cs, tt.want)
		}
	}
}

// The footer that blogging software adds to feed items states nothing.
func TestFeedFooterIsNoClaim(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{"en", "The post Floods Cut the Northern Road appeared first on The Daily Courier."},
		{"fr", "L'article Les crues coupent la route du nord est apparu en premier sur Le Courrier."},
	} {
		if cs := classify(tt.lang, tt.text); len(cs) != 0 {
			t.Errorf("%q: got %d claims, want none", tt.text, len(cs))
		}
	}
}

// A semicolon inside quote marks does not cut the sentence into clauses.
func TestNoClauseCutInsideQuotes(t *testing.T) {
	for _, tt := range []struct{ lang, text string }{
		{"en", "\"Yes; no,\" said Paul."},
		{"fr", "« Oui ; non », a dit Paul."},
		{"fr", "« Oui; non », a dit Paul."},
	} {
		if cs := classify(tt.lang, tt.text); len(cs) != 1 {
			t.Errorf("%q: %d claims, want 1", tt.text, len(cs))
		}
	}
	if cs := classify("fr", "Le pont sera rouvert lundi ; la route restera fermée."); len(cs) != 2 {
		t.Errorf("a semicolon outside quote marks: %d claims, want 2", len(cs))
	}
}
