package claim

import (
	"strconv"
	"strings"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// benchInput repeats a reported, hedged sentence n times, with the
// indirect quotation the quotations stage finds in each, and a denial
// every denyEvery sentences (none when 0).
func benchInput(n, denyEvery int) Input {
	const (
		said   = "Le Mali a dit que la Russie aurait payé 3 milliards de francs CFA. "
		denial = "Ce sont des rumeurs, a répondu Moscou. "
	)
	var b strings.Builder
	var qs []veille.Quotation
	for i := range n {
		if denyEvery > 0 && i%denyEvery == denyEvery-1 {
			b.WriteString(denial)
			continue
		}
		at := b.Len()
		b.WriteString(said)
		cue := veille.Span{Start: at + 8, End: at + 13}
		who := veille.Span{Start: at, End: at + 7}
		qs = append(qs, veille.Quotation{
			ID: "q" + strconv.Itoa(len(qs)+1), Kind: "indirect",
			Content:     said[18 : len(said)-2],
			ContentSpan: veille.Span{Start: at + 18, End: at + len(said) - 2},
			Cue:         "a dit", CueSpan: &cue,
			SpeakerText: "Le Mali", SpeakerSpan: &who, Speaker: "Le Mali",
		})
	}
	text := b.String()
	return Input{Text: text, Lang: "fr", Sentences: nlp.Segment(text).Sentences, Quotations: qs}
}

// BenchmarkClaimsScaling shows how Claims scales: the time per op should grow
// about eightfold from n=2000 to n=16000.
func BenchmarkClaimsScaling(b *testing.B) {
	for _, n := range []int{2000, 16000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			in := benchInput(n, 0)
			b.SetBytes(int64(len(in.Text)))
			for b.Loop() {
				testClassifier.Claims(in)
			}
		})
	}
}
