package amount

import (
	"strconv"
	"strings"
	"testing"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// BenchmarkAmountsScaling shows how the stage scales with the length of
// an article: the time per op should grow about eightfold from n=2000 to
// n=16000 sentences, each with a franc CFA sum and a CFA country.
func BenchmarkAmountsScaling(b *testing.B) {
	d, _ := veille.ParseDate("2021-09")
	for _, n := range []int{2000, 16000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			text := strings.Repeat("Le Mali a dit que la Russie aurait payé 3 milliards de francs CFA (environ 4,6 millions d'euros). ", n)
			sents := nlp.Segment(text).Sentences
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Amounts(text, "fr", d, sents)
			}
		})
	}
}
