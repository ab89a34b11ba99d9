package quote_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract"
	"github.com/veille/veille/internal/extract/quote"
	"github.com/veille/veille/internal/nlp"
)

func analyze(text, lang string) *veille.Analysis {
	return extract.Default().Analyze(&veille.Article{Text: text, Lang: lang})
}

func find(t *testing.T, an *veille.Analysis, content string) veille.Quotation {
	t.Helper()
	for _, q := range an.Quotations {
		if strings.Contains(q.Content, content) {
			return q
		}
	}
	t.Fatalf("no quotation holding %q in %+v", content, an.Quotations)
	return veille.Quotation{}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, lang, text string
		content          string // exact content wanted
		kind, cue        string
		speakerText      string
		speakerType      string
		count            int // 0: null
		via              string
	}{
		{"guillemets after", "fr", "« Le pont sera rouvert lundi », a déclaré le maire de la ville.",
			"Le pont sera rouvert lundi", "direct", "a déclaré", "le maire de la ville", "organization", 1, ""},
		{"no-break spaces", "fr", "«\u00a0Nous resterons\u00a0», a-t-il ajouté.",
			"Nous resterons", "direct", "a-t-il ajouté", "il", "", 0, ""},
		{"before colon", "fr", "Le ministre a déclaré : « La route est coupée depuis mardi. »",
			"La route est coupée depuis mardi.", "direct", "a déclaré", "Le ministre", "organization", 1, ""},
		{"anonymous count via", "fr", "Trois sources citées par l'AFP ont affirmé que le convoi avait été attaqué.",
			"le convoi avait été attaqué", "indirect", "ont affirmé", "Trois sources citées par l'AFP", "anonymous", 3, "AFP"},
		{"selon lead", "fr", "Selon des témoins, les soldats ont quitté la ville.",
			"les soldats ont quitté la ville", "indirect", "Selon", "des témoins", "anonymous", 0, ""},
		{"selon trailing", "fr", "Le port restera fermé jusqu'à jeudi, selon la capitainerie.",
			"Le port restera fermé jusqu'à jeudi", "indirect", "selon", "la capitainerie", "organization", 1, ""},
		{"reversed guillemets", "fr", "Le porte-parole a précisé qu' »aucun accord n'a été signé« .",
			"aucun accord n'a été signé", "direct", "a précisé", "Le porte-parole", "organization", 1, ""},
		{"adverb in inverted cue", "fr", "« Les digues tiendront », a ensuite précisé la préfète.",
			"Les digues tiendront", "direct", "a ensuite précisé", "la préfète", "", 1, ""},
		{"infinitive after de", "fr", "Le syndicat a proposé de suspendre la grève pendant les fêtes.",
			"suspendre la grève pendant les fêtes", "indirect", "a proposé", "Le syndicat", "", 1, ""},
		{"parler de", "fr", "La ministre a parlé de négligence grave.",
			"négligence grave", "indirect", "a parlé", "La ministre", "", 1, ""},
		{"object after indirect object", "fr", "La mairie recommande aux riverains l'achat de sacs de sable.",
			"l'achat de sacs de sable", "indirect", "recommande", "La mairie", "", 1, ""},
		{"que after indirect object", "fr", "Le préfet a déclaré à la radio locale France Bleu que le pont restait fermé.",
			"le pont restait fermé", "indirect", "a déclaré", "Le préfet", "", 1, ""},
		{"participle apposition cut", "fr", "La commune a annoncé qu'elle quittait le syndicat des eaux, créé en 1990 pour gérer le captage.",
			"elle quittait le syndicat des eaux", "indirect", "a annoncé", "La commune", "", 1, ""},
		{"declarative infinitive", "fr", "Le maire a déclaré vouloir rouvrir l'école du village, la jugeant indispensable.",
			"vouloir rouvrir l'école du village", "indirect", "a déclaré", "Le maire", "", 1, ""},
		{"inverted before relative", "fr", "Trois cents familles ont été relogées, selon la Croix-Rouge, qui fait état de besoins croissants.",
			"Trois cents familles ont été relogées", "indirect", "selon", "la Croix-Rouge", "", 1, ""},
		{"inverted after semicolon", "fr", "Le maire a visité le chantier ; les travaux avancent bien, a déclaré Paul Martin.",
			"les travaux avancent bien", "indirect", "a déclaré", "Paul Martin", "", 1, ""},
		{"selon lesquels", "fr", "Le ministre a répondu aux propos du syndicat selon lesquels les salaires stagnent.",
			"les salaires stagnent", "indirect", "selon lesquels", "syndicat", "", 1, ""},
		{"english said after", "en", "\u201cWe will win this state,\u201d the campaign manager said.",
			"We will win this state,", "direct", "said", "the campaign manager", "organization", 1, ""},
		{"english told", "en", "Two officials told Reuters that the talks had stalled.",
			"that the talks had stalled", "indirect", "told", "Two officials", "anonymous", 2, "Reuters"},
		{"english according", "en", "According to the report, turnout fell sharply.",
			"turnout fell sharply", "indirect", "According to", "the report", "document", 1, ""},
		{"english bare clause", "en", "The senator argued the bill would raise prices.",
			"the bill would raise prices", "indirect", "argued", "The senator", "", 1, ""},
		{"english called for", "en", "The mayor called for a full inquiry into the fire.",
			"a full inquiry into the fire", "indirect", "called for", "The mayor", "", 1, ""},
		{"english pledged to", "en", "The governor pledged to cut property taxes.",
			"to cut property taxes", "indirect", "pledged", "The governor", "", 1, ""},
		{"signature dash", "en", "\u201cHe never answers a question.\u201d \u2015 Jane Porter\n\nNext paragraph.",
			"He never answers a question.", "direct", "\u2015", "Jane Porter", "", 1, ""},
		{"signature before a line break", "en", "\u201cHe never answers.\u201d \u2015 Jane Porter\n\u201cNor do I.\u201d \u2015 Al Roe.",
			"He never answers.", "direct", "\u2015", "Jane Porter", "", 1, ""},
		{"title with a period", "en", "\u201cThis is a sad day,\u201d said Rep. Jo Ann Hale.",
			"This is a sad day,", "direct", "said", "Rep. Jo Ann Hale", "", 1, ""},
		{"doubled apostrophes", "en", "''The bridge will open in May,'' the engineer said.",
			"The bridge will open in May,", "direct", "said", "the engineer", "", 1, ""},
		{"time before that", "en", "The council noted on Friday that the budget was balanced.",
			"that the budget was balanced", "indirect", "noted", "The council", "", 1, ""},
		{"said and a determined clause", "en", "Mr. Hale said his firm has hired ten engineers.",
			"his firm has hired ten engineers", "indirect", "said", "Mr. Hale", "", 1, ""},
		{"said after its content", "en", "The plant closed in 2009, and the jobs went with it, said one former worker.",
			"The plant closed in 2009, and the jobs went with it", "indirect", "said", "one former worker", "", 1, ""},
		{"cue between commas", "en", "Back in Ohio, the mayor said, the river rose overnight.",
			"the river rose overnight", "indirect", "said", "the mayor", "", 1, ""},
		{"transcript label", "en", "\"WALLACE: Do you really see those two as equal?\"",
			"Do you really see those two as equal?", "direct", ":", "WALLACE", "", 1, ""},
		{"stance verb and its object", "en", "The senator attacked the new budget plan.",
			"the new budget plan", "indirect", "attacked", "The senator", "", 1, ""},
		{"particle in the cue", "en", "The mayor worried about the rising rents.",
			"the rising rents", "indirect", "worried about", "The mayor", "", 1, ""},
		{"object and infinitive", "en", "The governor urged voters to stay home on Sunday.",
			"voters to stay home on Sunday", "indirect", "urged", "The governor", "", 1, ""},
		{"progressive cue", "en", "The union is demanding higher wages for drivers.",
			"higher wages for drivers", "indirect", "is demanding", "The union", "", 1, ""},
		{"adverb before the verb", "en", "The coach has sharply criticized the referees.",
			"the referees", "indirect", "has sharply criticized", "The coach", "", 1, ""},
		{"coordinated verb ends the report", "en", "The minister said the bridge was safe and promised quick repairs.",
			"the bridge was safe", "indirect", "said", "The minister", "", 1, ""},
		{"participle takes the sentence's subject", "en", "He visited the plant on Monday, adding that jobs would return.",
			"that jobs would return", "indirect", "adding", "He", "", 0, ""},
		{"quotation introduced by that", "en", "The mayor said that \u201cthe bridge is safe.\u201d",
			"that \u201cthe bridge is safe.\u201d", "mixed", "said", "The mayor", "", 1, ""},
		{"subject of the verb before to", "en", "The protesters continued to call for an inquiry.",
			"an inquiry", "indirect", "call for", "The protesters", "", 1, ""},
		{"phrasal verb", "en", "The auditor pointed out that the fund was empty.",
			"that the fund was empty", "indirect", "pointed out", "The auditor", "", 1, ""},
		{"titled speaker between commas", "en", "Clean water, Mr. Doe often says, is the scarcest resource we have.",
			"is the scarcest resource we have", "indirect", "says", "Mr. Doe", "", 1, ""},
		{"object report before a participle's", "en", "The senator mocked the complaint, saying it was petty.",
			"the complaint", "indirect", "mocked", "The senator", "", 1, ""},
		{"bare plural subject after a clause verb", "en", "Many voters believe prices are too high.",
			"prices are too high", "indirect", "believe", "Many voters", "", 0, ""},
		{"object then particle", "en", "The host asked Mayor Diaz about the budget gap.",
			"the budget gap", "indirect", "asked", "The host", "", 1, ""},
		{"headline label", "en", "Governor Reed: We Will Not Close the Plant\n\nThe plant employs 400 people.",
			"We Will Not Close the Plant", "indirect", ":", "Governor Reed", "", 1, ""},
		{"relative clause after the name", "en", "Jane Roe, who chairs the panel, said the plan would fail.",
			"the plan would fail", "indirect", "said", "Jane Roe", "", 1, ""},
		{"closing cue over a report", "en", "Most voters would see their taxes rise, according to the study.",
			"Most voters would see their taxes rise", "indirect", "according to", "the study", "", 1, ""},
		{"object ends at its comma", "en", "The senator criticized the plan, calling it a waste of money.",
			"the plan", "indirect", "criticized", "The senator", "", 1, ""},
		{"object ends before a date", "en", "The union endorsed the mayor on Thursday.",
			"the mayor", "indirect", "endorsed", "The union", "", 1, ""},
		{"object ends at a coordinated finite verb", "en", "The anchor declined the assignment and has since left the network.",
			"the assignment", "indirect", "declined", "The anchor", "", 1, ""},
		{"quotation closed after its comma ends the report", "en", "The court ruled the claim \u201ctrue,\u201d but the judges added a warning.",
			"the claim \u201ctrue,\u201d", "mixed", "ruled", "The court", "", 1, ""},
		{"participle takes a noun phrase subject", "en", "The group issued a statement on Friday, welcoming the new funding for schools.",
			"the new funding for schools", "indirect", "welcoming", "The group", "", 0, ""},
		{"parenthesized party after the name", "en", "\u201cWe will not wait,\u201d Rep. Jane Roe (D-Ore.) said Friday.",
			"We will not wait,", "direct", "said", "Rep. Jane Roe (D-Ore.)", "", 0, ""},
		{"hearers then a pronoun subject", "en", "She told the panel he was wrong about the budget.",
			"he was wrong about the budget", "indirect", "told", "She", "", 0, ""},
		{"passive of belief", "en", "The vote is expected to be close in the northern counties.",
			"The vote is expected to be close in the northern counties", "indirect", "is expected", "", "", 0, ""},
		{"words leading into a quotation", "en", "The country \u201chas changed for the better,\u201d the governor said.",
			"The country \u201chas changed for the better,\u201d", "mixed", "said", "the governor", "", 0, ""},
		{"closing cue then when", "en", "Turnout will be high this year, two officials said on Friday.",
			"Turnout will be high this year", "indirect", "said", "two officials", "", 0, ""},
		{"according to a long source", "en", "Turnout fell in the northern towns, according to a survey released last week by the state.",
			"Turnout fell in the northern towns", "indirect", "according to", "a survey released last week by the state", "", 0, ""},
		{"non-restrictive relative stays in the report", "en", "The agency said the cap was reached in May, which forced a pause in new visas.",
			"the cap was reached in May, which forced a pause in new visas", "indirect", "said", "The agency", "", 0, ""},
		{"straight mark closing after a space", "en", "\"We never liked the word 'outreach,' \" he told the group.",
			"We never liked the word 'outreach,'", "direct", "told", "he", "", 0, ""},
		{"name and apposition before the verb", "en", "\u201cThe rule is unfair to every plant in the state,\u201d Jane Roe, the attorney general of Ohio, said at a rally.",
			"The rule is unfair to every plant in the state,", "direct", "said", "Jane Roe, the attorney general of Ohio", "", 0, ""},
		{"place phrase before that", "en", "The mayor said at a meeting in Dayton, Ohio, that the bridge would reopen.",
			"that the bridge would reopen", "indirect", "said", "The mayor", "", 0, ""},
		{"conjunction left out of a closing cue's report", "en", "But the river rose overnight in the valley, according to the county.",
			"the river rose overnight in the valley", "indirect", "according to", "the county", "", 0, ""},
		{"cue between commas after two words", "en", "Clean water, Mr. Doe says, is scarce in the valley.",
			"Clean water", "indirect", "says", "Mr. Doe", "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := analyze(tt.text, tt.lang)
			q := find(t, an, tt.content)
			if q.Content != tt.content || q.Kind != tt.kind || q.Cue != tt.cue || q.SpeakerText != tt.speakerText || q.Via != tt.via {
				t.Errorf("got content %q kind %s cue %q speaker %q via %q\nwant content %q kind %s cue %q speaker %q via %q",
					q.Content, q.Kind, q.Cue, q.SpeakerText, q.Via, tt.content, tt.kind, tt.cue, tt.speakerText, tt.via)
			}
			if tt.speakerType != "" && q.SpeakerType != tt.speakerType {
				t.Errorf("speaker type %q, want %q", q.SpeakerType, tt.speakerType)
			}
			if tt.speakerType != "" && (tt.count == 0) != (q.SpeakerCount == nil) || q.SpeakerCount != nil && tt.count != 0 && *q.SpeakerCount != tt.count {
				t.Errorf("speaker count %v, want %d", q.SpeakerCount, tt.count)
			}
			if tt.text[q.ContentSpan.Start:q.ContentSpan.End] != q.Content {
				t.Errorf("content span %v does not hold the content", q.ContentSpan)
			}
		})
	}
}

func TestRelativePronounSpeaksForItsAntecedent(t *testing.T) {
	an := analyze("The agency hired Tom Reed, who said the dam was unsafe.", "en")
	q := find(t, an, "the dam was unsafe")
	if q.SpeakerText != "who" || q.Speaker != "Tom Reed" {
		t.Errorf("speaker %q (%q), want who → Tom Reed", q.SpeakerText, q.Speaker)
	}
}

func TestNounCue(t *testing.T) {
	an := analyze("Little came of the mayor's claim that the vote was rigged.", "en")
	for _, q := range an.Quotations {
		if q.Cue == "claim" {
			if q.Content != "that the vote was rigged" || q.SpeakerText != "the mayor's" {
				t.Errorf("got %q by %q, want \"that the vote was rigged\" by \"the mayor's\"", q.Content, q.SpeakerText)
			}
			return
		}
	}
	t.Errorf("no quotation cued by \"claim\" in %+v", an.Quotations)
}

func TestLineLabelIsNotASpeaker(t *testing.T) {
	an := analyze("Update: The road reopened on Monday after the storm.", "en")
	if len(an.Quotations) != 0 {
		t.Errorf("got %+v, want none", an.Quotations)
	}
}

func TestClauseAfterCommaIsNotASpeaker(t *testing.T) {
	an := analyze("Ann Cole, a former aide, said members will help him raise money.", "en")
	for _, q := range an.Quotations {
		if strings.Contains(q.SpeakerText, "members") {
			t.Errorf("a clause read as a speaker: %+v", q)
		}
	}
}

func TestPassiveIsNotACue(t *testing.T) {
	an := analyze("The plan was criticized by several economists.", "en")
	for _, q := range an.Quotations {
		if q.Cue == "criticized" {
			t.Errorf("passive verb taken as a cue: %+v", q)
		}
	}
}

func TestScareQuotesAreNotQuotations(t *testing.T) {
	an := analyze("L'opération « Barkhane » a pris fin en novembre.", "fr")
	if len(an.Quotations) != 0 {
		t.Errorf("got %+v, want none", an.Quotations)
	}
}

func TestPronounTakesPreviousSpeaker(t *testing.T) {
	an := analyze("« Le marché est ouvert », a déclaré Awa Traoré. « Nous attendons les camions », a-t-elle ajouté.", "fr")
	q := find(t, an, "Nous attendons")
	if q.SpeakerText != "elle" || !strings.Contains(q.Speaker, "Traoré") {
		t.Errorf("speaker %q (%q), want elle → Awa Traoré", q.SpeakerText, q.Speaker)
	}
}

func TestCueSharedAcrossInterruptedQuotation(t *testing.T) {
	an := analyze("\"We are not there yet,\" Ms. Lane said. \"But we will be.\"", "en")
	q := find(t, an, "But we will be.")
	if q.SpeakerText != "Ms. Lane" || q.Cue != "said" {
		t.Errorf("speaker %q cue %q, want Ms. Lane and said", q.SpeakerText, q.Cue)
	}
}

func TestParticipleSharesTheSentenceSpeaker(t *testing.T) {
	an := analyze("\u201cThe deals were a mistake,\u201d Senator Ray Hale said in a statement, adding that the rules would change.", "en")
	q := find(t, an, "the rules would change")
	if q.SpeakerText != "Senator Ray Hale" || q.Cue != "adding" {
		t.Errorf("speaker %q cue %q, want Senator Ray Hale and adding", q.SpeakerText, q.Cue)
	}
}

func TestIncise(t *testing.T) {
	an := analyze("« Le marché est ouvert », a déclaré Awa Traoré. Les camions sont arrivés à l'aube, dit-elle, malgré les pluies de la nuit.", "fr")
	for _, c := range []string{"Les camions sont arrivés à l'aube", "malgré les pluies de la nuit"} {
		q := find(t, an, c)
		if q.Content != c || q.SpeakerText != "elle" || !strings.Contains(q.Speaker, "Traoré") {
			t.Errorf("got %q by %q (%q), want %q by elle → Awa Traoré", q.Content, q.SpeakerText, q.Speaker, c)
		}
	}
}

func TestOutletCitingItselfIsNotAQuotation(t *testing.T) {
	an := analyze("Selon nos informations, le convoi a quitté la ville samedi.", "fr")
	if len(an.Quotations) != 0 {
		t.Errorf("got %+v, want none", an.Quotations)
	}
}

func TestCallerSpeaksForUncuedQuotation(t *testing.T) {
	an := analyze("Des centaines de personnes ont marché pour « défendre les services publics dans les campagnes » à l'appel de plusieurs syndicats.", "fr")
	q := find(t, an, "défendre les services publics")
	if q.SpeakerText != "plusieurs syndicats" || q.Cue != "" {
		t.Errorf("speaker %q cue %q, want plusieurs syndicats and no cue", q.SpeakerText, q.Cue)
	}
}

// TestSeed checks the goals on the seed article.
func TestSeed(t *testing.T) {
	matches, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "seed", "*.txt"))
	if len(matches) == 0 {
		t.Skip("../shared/seed not found")
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if rest, ok := strings.CutPrefix(text, " date "); ok {
		_, text, _ = strings.Cut(rest, " ")
	}
	an := analyze(text, "fr")
	q := find(t, an, "Une intervention du groupe Wagner serait donc incompatible")
	if q.SpeakerType != "anonymous" || q.SpeakerCount == nil || *q.SpeakerCount != 1 || q.AffiliationID != "FR" || q.Cue != "a prévenu" {
		t.Errorf("French source: %+v", q)
	}
	for _, c := range []string{"L’opinion publique malienne est favorable", "aucune décision n’a été prise sur la nature de cette coopération", "Ce sont des rumeurs. Les officiels ne commentent pas les rumeurs"} {
		q := find(t, an, c)
		if q.Speaker != "Baba Cissé" || q.SpeakerID == "" {
			t.Errorf("%q: speaker %q (%s), want Baba Cissé", c, q.Speaker, q.SpeakerID)
		}
	}
	if q := find(t, an, "aucune décision"); q.Content != "aucune décision n’a été prise sur la nature de cette coopération" {
		t.Errorf("reversed guillemets: content %q", q.Content)
	}
	if q := find(t, an, "Ce sont des rumeurs"); q.Content != "Ce sont des rumeurs. Les officiels ne commentent pas les rumeurs" {
		t.Errorf("missing opening mark: content %q", q.Content)
	}
	q = find(t, an, "le groupe Wagner serait payé six milliards")
	if q.Kind != "indirect" || q.SpeakerCount == nil || *q.SpeakerCount != 4 || q.Via != "Reuters" || q.SpeakerType != "anonymous" {
		t.Errorf("four sources: %+v", q)
	}
	q = find(t, an, "l’accord sera conclu avec la société militaire privée russe Wagner")
	if q.Via != "Reuters" || !strings.Contains(q.Speaker, "sources diplomatiques") {
		t.Errorf("diplomatic sources: %+v", q)
	}
	q = find(t, an, "trois gisements miniers")
	if q.Via != "Reuters" || q.SpeakerCount == nil || *q.SpeakerCount != 1 || !strings.Contains(q.Speaker, "sources") {
		t.Errorf("une des sources: %+v", q)
	}
}

func seg(text string) quote.Input {
	s := nlp.Segment(text)
	return quote.Input{Text: text, Lang: "fr", Paragraphs: s.Paragraphs, Sentences: s.Sentences}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"« Le pont sera rouvert lundi », a déclaré le maire.",
		"Il a assuré qu' »aucune décision n'a été prise« . Ce sont des rumeurs », a dit le porte-parole, Baba Cissé",
		"\"open only", "close only”, he said.", "« « »» ,", "Selon , .", "a-t-il", "De sources, ,",
		"„Gut“, sagte er.", "‹ x › dit-il",
	} {
		f.Add(s, "fr")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		if !utf8.ValidString(text) {
			return
		}
		in := seg(text)
		in.Lang = lang
		for _, q := range quote.Find(in, nil) {
			for _, sp := range []*veille.Span{&q.ContentSpan, q.CueSpan, q.SpeakerSpan} {
				if sp != nil && !sp.In(len(text)) {
					t.Fatalf("span %v out of [0, %d] in %+v", *sp, len(text), q)
				}
			}
			if text[q.ContentSpan.Start:q.ContentSpan.End] != q.Content {
				t.Fatalf("content %q does not match its span", q.Content)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	matches, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "seed", "*.txt"))
	text := strings.Repeat("« Le pont sera rouvert lundi », a déclaré le maire de la ville. Selon des témoins, les soldats ont quitté la ville. Trois sources citées par l'AFP ont affirmé que le convoi avait été attaqué. Le marché a rouvert.\n\n", 40)
	if len(matches) > 0 {
		if s, err := os.ReadFile(matches[0]); err == nil {
			text = strings.Repeat(string(s)+"\n\n", 10)
		}
	}
	an := analyze(text, "fr")
	in := seg(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		quote.Find(in, an)
	}
}

// BenchmarkFindEnglish runs Find on an English paragraph repeated, after
// the stages before quotes.
func BenchmarkFindEnglish(b *testing.B) {
	text := strings.Repeat("\u201cWe will win this state,\u201d the campaign manager said. The senator, who chairs the panel, argued the bill would raise prices and called for a full inquiry. Two officials told Reuters that the talks had stalled, according to the report. Her claims that the vote was rigged drew criticism of the party.\n\n", 200)
	an := analyze(text, "en")
	s := nlp.Segment(text)
	in := quote.Input{Text: text, Lang: "en", Paragraphs: s.Paragraphs, Sentences: s.Sentences}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		quote.Find(in, an)
	}
}

// BenchmarkFindLong runs Find on one French sentence repeated n times, after
// the stages before quotes; the ratio between the sizes shows how Find
// scales with the article's length.
func BenchmarkFindLong(b *testing.B) {
	var before []extract.Extractor
	for _, e := range extract.Default().Extractors() {
		if e.Name() == "quotes" {
			break
		}
		before = append(before, e)
	}
	for _, n := range []int{2000, 16000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			text := strings.Repeat("Le Mali a dit que la Russie aurait payé 3 milliards de francs CFA. ", n)
			an := extract.New(before...).Analyze(&veille.Article{Text: text, Lang: "fr"})
			in := seg(text)
			b.SetBytes(int64(len(text)))
			b.ResetTimer()
			for b.Loop() {
				quote.Find(in, an)
			}
		})
	}
}

func TestEnglishColonIntroducesNextParagraph(t *testing.T) {
	an := analyze("Smith continued:\n\n\"The roads are closed. We will reopen them next week.\"\n\nThe storm moved east.", "en")
	q := find(t, an, "The roads are closed.")
	if q.SpeakerText != "Smith" || q.Cue != "continued" {
		t.Errorf("speaker %q cue %q, want Smith, continued", q.SpeakerText, q.Cue)
	}
}

func TestEnglishTitlesAreNotQuotations(t *testing.T) {
	an := analyze("He said on \u201cMeet the Press\u201d that taxes would rise.", "en")
	for _, q := range an.Quotations {
		if strings.Contains(q.Content, "Meet the Press") {
			t.Errorf("a show's title read as a quotation: %+v", q)
		}
	}
	find(t, an, "that taxes would rise")
}

func TestToldWithoutClauseIsNotAReport(t *testing.T) {
	an := analyze("The mayor told The Daily Star on Monday.", "en")
	if len(an.Quotations) != 0 {
		t.Errorf("got %+v, want none", an.Quotations)
	}
}

func TestNameWordIsNotACue(t *testing.T) {
	an := analyze("He doubted the United States intelligence agencies on the matter.", "en")
	for _, q := range an.Quotations {
		if q.Cue == "States" {
			t.Errorf("a name's word taken as a cue: %+v", q)
		}
	}
}

func TestEnglishReportEndsBeforeMissedSentenceBreak(t *testing.T) {
	an := analyze("The minister argues there is little point in a reply to the threats. ''We must not overreact to campaign talk,'' he told me.", "en")
	q := find(t, an, "there is little point")
	if q.Content != "there is little point in a reply to the threats" {
		t.Errorf("content %q runs past its sentence", q.Content)
	}
	d := find(t, an, "We must not overreact")
	if d.Kind != "direct" || d.SpeakerText != "he" {
		t.Errorf("got %+v, want a direct quotation by he", d)
	}
}

func TestNewsLabelIsNotASpeaker(t *testing.T) {
	an := analyze("The Latest: Governor urges residents to leave the coast before the storm\n\nThe storm reached the coast at noon.", "en")
	for _, q := range an.Quotations {
		if q.Cue == ":" {
			t.Errorf("a news label read as a speaker: %+v", q)
		}
	}
}

// nested returns depth opening marks, words, depth closing marks and a
// cue: "« « oui » », a dit Jean.".
func nested(lang string, depth int) string {
	if lang == "en" {
		return strings.Repeat("\u201c ", depth) + "yes " + strings.Repeat("\u201d ", depth) + "said John."
	}
	return strings.Repeat("« ", depth) + "oui " + strings.Repeat("» ", depth) + "a dit Jean."
}

// TestNestedMarksGrowLinearly checks that quote marks nested many levels
// deep give as many quotations and as much content at 1000 levels as at
// 10, relative to the text: every level used to be a quotation holding
// the whole text inside it.
func TestNestedMarksGrowLinearly(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		for _, depth := range []int{10, 100, 1000} {
			text := nested(lang, depth)
			in := seg(text)
			in.Lang = lang
			qs := quote.Find(in, nil)
			bytes := 0
			for _, q := range qs {
				bytes += len(q.Content)
			}
			if len(qs) > 2 || bytes > 2*len(text) {
				t.Errorf("%s, %d levels: %d quotations, %d content bytes for a %d-byte text", lang, depth, len(qs), bytes, len(text))
			}
		}
	}
}

func TestUnclosedQuotationStartsAfterItsMarks(t *testing.T) {
	text := "Le ministre a déclaré : « « « nous partirons demain avec les camions"
	qs := quote.Find(seg(text), nil)
	if len(qs) != 1 || qs[0].Content != "nous partirons demain avec les camions" || text[qs[0].ContentSpan.Start:qs[0].ContentSpan.End] != qs[0].Content {
		t.Errorf("got %+v, want one quotation: nous partirons demain avec les camions", qs)
	}
}

func TestSpeakerStartsWithNoConjunctionOrInitial(t *testing.T) {
	for _, tt := range []struct{ lang, text, content, speaker string }{
		{"fr", "« Le pont est fermé depuis hier », a. a déclaré que la route reste ouverte.", "la route reste ouverte", ""},
		{"fr", "Le maire a parlé, et le préfet a déclaré que la route est coupée.", "la route est coupée", "le préfet"},
		{"en", "The mayor spoke, and the governor said the road was closed.", "the road was closed", "the governor"},
		{"fr", "Jean Roux et Marie Blanc ont déclaré que la route est coupée.", "la route est coupée", "Jean Roux et Marie Blanc"},
	} {
		q := find(t, analyze(tt.text, tt.lang), tt.content)
		if q.SpeakerText != tt.speaker {
			t.Errorf("%s: speaker %q, want %q", tt.text, q.SpeakerText, tt.speaker)
		}
	}
}

// BenchmarkFindNested runs Find on quote marks nested n levels deep; the
// time per byte should not grow with n.
func BenchmarkFindNested(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			text := nested("fr", n)
			in := seg(text)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				quote.Find(in, nil)
			}
		})
	}
}

// TestFrontedPhraseNotSpeaker checks that an adverbial phrase fronted
// before a French subject stays out of the speaker.
func TestFrontedPhraseNotSpeaker(t *testing.T) {
	for text, want := range map[string]string{
		"Malgré les démentis du ministère, des journalistes ont signalé que la mine avait fermé.": "des journalistes",
		"Sur le terrain, les observateurs ont affirmé que le scrutin était truqué.":               "les observateurs",
	} {
		got := []string{}
		for _, q := range analyze(text, "fr").Quotations {
			got = append(got, q.SpeakerText)
		}
		if !slices.Contains(got, want) {
			t.Errorf("%q: speakers %q, want %q among them", text, got, want)
		}
	}
}

// TestOneClosingMarkForTwo checks that a quotation holding another, both
// closed by one straight mark before a speech cue, ends there instead of
// running to the end of the paragraph.
func TestOneClosingMarkForTwo(t *testing.T) {
	text := `Le ministre a parlé longuement. "Quand on nous interroge, nous répondons : "non, merci !" a réagi le président Jean Roux. ` +
		`Puis la séance a repris et les députés ont voté le budget sans débat. Le texte part au Sénat.`
	an := analyze(text, "fr")
	q := find(t, an, "Quand on nous interroge")
	if strings.Contains(q.Content, "séance") || !strings.HasSuffix(q.Content, "merci !") {
		t.Errorf("content %q runs past its closing mark", q.Content)
	}
	if !strings.Contains(q.SpeakerText, "Jean Roux") {
		t.Errorf("speaker %q, want Jean Roux", q.SpeakerText)
	}
}

// TestInvertedVerbBeforeColon checks "…, déclare X : « … »": the speaker
// named after an inverted verb, up to the colon that opens the quotation.
func TestInvertedVerbBeforeColon(t *testing.T) {
	text := `Le port a rouvert, selon le ministère. Mais les pêcheurs restent inquiets, déclare Jeanne Roux de Radio Sahel : "je pense que la saison sera perdue pour beaucoup de familles."`
	q := find(t, analyze(text, "fr"), "je pense")
	if !strings.HasPrefix(q.SpeakerText, "Jeanne Roux") || q.Cue != "déclare" {
		t.Errorf("speaker %q cue %q, want Jeanne Roux and déclare", q.SpeakerText, q.Cue)
	}
}

// French speakers behind an incise, a stressed pronoun and a fronted
// adverbial: the subject before « , qui …, » or « , cependant, », the
// last speaker for « Selon lui », nobody for « Pour l'instant ».
func TestFrenchSpeakerIncises(t *testing.T) {
	text := "La Russie, qui soutient la junte, a toujours nié ces allégations. Le Niger, cependant, a démenti ces faits. " +
		"« Le pays est divisé », explique M. Petit. Selon lui, la crise va durer. " +
		"Pour l'instant, la paix promise par la junte se fait attendre."
	an := analyze(text, "fr")
	for content, speaker := range map[string]string{"ces allégations": "La Russie", "ces faits": "Le Niger", "la crise va durer": "Petit"} {
		if q := find(t, an, content); q.Speaker != speaker {
			t.Errorf("%q: speaker %q, want %q", content, q.Speaker, speaker)
		}
	}
	for _, q := range an.Quotations {
		if strings.Contains(q.Content, "la paix promise") {
			t.Errorf("« Pour l'instant, … » read as a quotation of %q", q.Speaker)
		}
	}
}

// The speaker of a quotation that its sentence goes on after is not
// sought in the next sentence.
func TestSpeakerNotFromNextSentence(t *testing.T) {
	an := analyze(`Smith said "hi" in Paris. Jones said "bye" in Lyon.`, "en")
	for content, speaker := range map[string]string{"hi": "Smith", "bye": "Jones"} {
		if q := find(t, an, content); q.Speaker != speaker {
			t.Errorf("%q: speaker %q (%q), want %q", content, q.Speaker, q.SpeakerText, speaker)
		}
	}
	// A quotation that ends its sentence belongs to the cue before it,
	// else takes the speaker after it.
	an = analyze(`Smith said: "We will stay." Jones disagreed.`, "en")
	if q := find(t, an, "We will stay"); q.Speaker != "Smith" {
		t.Errorf("speaker %q, want Smith", q.Speaker)
	}
	an = analyze(`"We will win." Jones said on Monday.`, "en")
	if q := find(t, an, "We will win"); q.Speaker != "Jones" {
		t.Errorf("speaker %q, want Jones", q.Speaker)
	}
}

// A possessor in the speaker phrase is not the speaker: "Boris Johnson's
// spokesman said" is the spokesman's.
func TestPossessorIsNoSpeaker(t *testing.T) {
	an := analyze("Prime Minister Jane Doyle's spokesman said the position had not changed.", "en")
	if q := find(t, an, "the position had not changed"); q.Speaker == "Jane Doyle" || !strings.Contains(q.Speaker, "spokesman") {
		t.Errorf("speaker %q, want the spokesman", q.Speaker)
	}
}

// A source's request not to be named is no statement of it; the source
// and its via stay those of what it told.
func TestAnonymityIsNoQuotation(t *testing.T) {
	an := analyze("A source close to the talks, who asked not to be named, told Reuters the deal was dead.", "en")
	for _, q := range an.Quotations {
		if strings.Contains(q.Content, "named") {
			t.Errorf("anonymity read as a quotation: %+v", q)
		}
	}
	q := find(t, an, "the deal was dead")
	if q.Speaker != "A source close to the talks" || q.Via != "Reuters" {
		t.Errorf("speaker %q via %q", q.Speaker, q.Via)
	}
	if len(an.Claims) != 1 || an.Claims[0].Source != "A source close to the talks" {
		t.Errorf("claims %+v", an.Claims)
	}
}
