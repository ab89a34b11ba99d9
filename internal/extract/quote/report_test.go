package quote_test

import (
	"testing"

	"github.com/veille/veille"
)

// quoted is a quotation reduced to what these tests compare.
type quoted struct{ content, speakerText string }

func quotations(an *veille.Analysis) []quoted {
	var out []quoted
	for _, q := range an.Quotations {
		out = append(out, quoted{q.Content, q.SpeakerText})
	}
	return out
}

// TestReportBoundaries checks where reports start and end and who makes
// them in sentences where several verbs could report.
func TestReportBoundaries(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []quoted // all the quotations, in order
	}{
		{"nested report is part of the outer one", "en",
			"The county clerk says an internal audit shows no ballots were lost.",
			[]quoted{{"an internal audit shows no ballots were lost", "The county clerk"}}},
		{"verb after to reports for the subject", "en",
			"The mayor has refused to disclose the contract.",
			[]quoted{{"the contract", "The mayor"}}},
		{"own clause after while ends the report", "en",
			"The poll said 40 percent back the levy, while the council said it would wait.",
			[]quoted{{"40 percent back the levy", "The poll"}, {"it would wait", "the council"}}},
		{"coordinated clause with its own reporting verb", "en",
			"The coach said the team was tired — and she noted that two players were hurt.",
			[]quoted{{"the team was tired", "The coach"}, {"that two players were hurt", "she"}}},
		{"incise with hearer and day", "en",
			"The bridge, the engineer told me on Friday, will reopen in May.",
			[]quoted{{"The bridge", "the engineer"}, {"will reopen in May", "the engineer"}}},
		{"incise with a time word holds the report after it", "en",
			"The truth, the senator said then, was that his rival had attacked his family.",
			[]quoted{{"The truth", "the senator"}, {"was that his rival had attacked his family", "the senator"}}},
		{"incise before a participle report", "en",
			"The bridge will reopen soon, the mayor said, adding that repairs were done.",
			[]quoted{{"The bridge will reopen soon", "the mayor"}, {"that repairs were done", "the mayor"}}},
		{"incise followed by a participle adjunct", "en",
			"The vote was close, the chairman announced, ending the meeting.",
			[]quoted{{"The vote was close", "the chairman"}}},
		{"unlisted verb in -ed before that and a clause", "en",
			"The goalkeeper groused that the pitch was too wet.",
			[]quoted{{"that the pitch was too wet", "The goalkeeper"}}},
		{"unlisted verb with a time phrase before that", "en",
			"Mayor Jane Roe blogged on Sunday that the library would close.",
			[]quoted{{"that the library would close", "Mayor Jane Roe"}}},
		{"plural noun before that is no verb", "en",
			"Local farmers that the drought hurt will get aid.",
			nil},
		{"adjective after a degree adverb is no verb", "en",
			"She was so relieved that the storm had passed.",
			nil},
		{"subordinate subject reports nothing", "en",
			"Before the panel decreed that the law was void, the polls had moved.",
			nil},
		{"relative that after an unlisted verb", "en",
			"He fixed that car which the council had sold.",
			nil},
		{"clause with its own speaker after a comma ends the report", "en",
			"The coach said that the team was tired, she later added on radio that two players were hurt.",
			[]quoted{{"that the team was tired", "The coach"}, {"that two players were hurt", "she"}}},
		{"fronted subordinate clause keeps its main clause", "en",
			"The coach said that although the team lost, she added new players.",
			[]quoted{{"that although the team lost, she added new players", "The coach"}}},
		{"impersonal passive report has no speaker", "en",
			"The union met on Friday. It was reported on Monday that the mill would close.",
			[]quoted{{"that the mill would close", ""}}},
		{"adverb between be and participle is still passive", "en",
			"It is widely believed that the mayor will resign.",
			[]quoted{{"that the mayor will resign", ""}}},
		{"weekday between subject and verb", "en",
			"Senator Jane Roe, D-Ore., Tuesday said that the bill would pass.",
			[]quoted{{"that the bill would pass", "Senator Jane Roe, D-Ore."}}},
		{"on and a weekday between subject and verb", "en",
			"The judge on Friday determined that the firm had caused losses.",
			[]quoted{{"that the firm had caused losses", "The judge"}}},
		{"second speaker after and ends the first report", "en",
			"Actress Jane Roe said the film was \"a gift\", and TV star John Doe said the ending was sad.",
			[]quoted{{"the film was \"a gift\"", "Actress Jane Roe"}, {"the ending was sad", "TV star John Doe"}}},
		{"coordinated clause inside quote marks does not end the report", "en",
			"The senator argued that if the plan passes \u201cwe will lose jobs, and we will see our towns empty\u201d and that he fears the worst.",
			[]quoted{{"that if the plan passes \u201cwe will lose jobs, and we will see our towns empty\u201d and that he fears the worst", "The senator"}}},
		{"object goes on after including", "en",
			"The minister condemned the invasion, including the seizure of the port.",
			[]quoted{{"the invasion, including the seizure of the port", "The minister"}}},
		{"number opens a report", "en",
			"The survey said 40 percent of renters had moved.",
			[]quoted{{"40 percent of renters had moved", "The survey"}}},
		{"modal between subject and verb", "en",
			"The new rules could suggest that prices will fall.",
			[]quoted{{"that prices will fall", "The new rules"}}},
		{"verb form after a possessive is a noun", "en",
			"Critics mocked the governor's tweets about the storm.",
			[]quoted{{"the governor's tweets about the storm", "Critics"}}},
		{"participle after the object speaks for the subject", "en",
			"The union issued a statement on Monday denouncing the new tariffs.",
			[]quoted{{"the new tariffs", "The union"}}},
		{"participle speaker after an opening adverb", "en",
			"Earlier, the council sent a letter opposing the plan.",
			[]quoted{{"the plan", "the council"}}},
		{"compared to reports nothing", "en",
			"The agency rated 30 percent of the claims as false, compared to 11 percent of the others.",
			nil},
		{"show up reports nothing", "en",
			"The witness did not show up at the hearing on Monday.",
			nil},
		{"inverted verb before an apposition", "fr",
			"La situation reste grave dans le nord du pays, explique Jeanne Martin, correspondante du journal à Lyon.",
			[]quoted{{"La situation reste grave dans le nord du pays", "Jeanne Martin"}}},
		{"inverted verb holds the report inside", "fr",
			"On s'attendait à ce que le ministre propose des solutions, explique Jeanne Martin, correspondante du journal.",
			[]quoted{{"On s'attendait à ce que le ministre propose des solutions", "Jeanne Martin"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quotations(analyze(tt.text, tt.lang))
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quotation %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestQuotationInsideQuotationKept checks that a quotation quoted inside
// another survives the reconciliation with the reports around it, and
// that its pronoun speaker is not the outer quotation's speaker.
func TestQuotationInsideQuotationKept(t *testing.T) {
	inner := "Je pars demain matin pour la capitale avec toute ma famille"
	an := analyze("« Il m'a dit : « "+inner+" », et il est parti », raconte Marie Dupont.", "fr")
	q := exactly(t, an, inner)
	if q.SpeakerText != "Il" || q.Speaker == "Marie Dupont" {
		t.Errorf("inner speaker = %q (%q), want Il, not the outer speaker", q.SpeakerText, q.Speaker)
	}
	an = analyze("Marie Dupont raconte : « Le maire nous a dit : « Nous reconstruirons le pont avant l'hiver. » Personne ne l'a cru. »", "fr")
	if q := exactly(t, an, "Nous reconstruirons le pont avant l'hiver."); q.SpeakerText != "Le maire" {
		t.Errorf("speaker = %q, want Le maire (nous is the object)", q.SpeakerText)
	}
}

// exactly returns the quotation whose content is content.
func exactly(t *testing.T, an *veille.Analysis, content string) veille.Quotation {
	t.Helper()
	for _, q := range an.Quotations {
		if q.Content == content {
			return q
		}
	}
	t.Fatalf("no quotation %q in %+v", content, an.Quotations)
	return veille.Quotation{}
}
