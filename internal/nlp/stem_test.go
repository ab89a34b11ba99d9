package nlp

import (
	"strings"
	"sync"
	"testing"
)

func TestStem(t *testing.T) {
	for _, tc := range []struct {
		lang, a, b string
		same       bool
	}{
		{"fr", "mercenaires", "mercenaire", true},
		{"fr", "Mercenaires", "mercenaire", true},
		{"fr", "décennie", "décennies", true},
		{"fr", "accords", "accord", true},
		{"fr", "Russie", "russes", true},
		{"fr", "mercenaire", "mer", false},
		{"en", "wars", "war", true},
		{"en", "Decades", "decade", true},
		{"en", "mercenaries", "mercenary", true},
		{"en", "war", "ward", false},
	} {
		sa, sb := Stem(tc.lang, tc.a), Stem(tc.lang, tc.b)
		if (sa == sb) != tc.same {
			t.Errorf("Stem(%q, %q) = %q, Stem(%q, %q) = %q; want same = %v", tc.lang, tc.a, sa, tc.lang, tc.b, sb, tc.same)
		}
	}
	for _, tc := range []struct{ lang, word, want string }{
		{"fr", "décennie", "décen"},
		{"fr", "DÉCENNIE", "décen"},
		{"fr", "les", "le"},        // plural article
		{"fr", "sont", "sont"},     // stop word
		{"en", "having", "having"}, // stop word
		{"fr", "l", "l"},           // too short
		{"fr", "2021", "2021"},     // digits
		{"fr", "G7s", "g7s"},       // digits
		{"en", "wars", "war"},
		{"de", "Kriege", "kriege"}, // no stemmer: lowercased
		{"", "Wagner", "wagner"},
	} {
		if got := Stem(tc.lang, tc.word); got != tc.want {
			t.Errorf("Stem(%q, %q) = %q, want %q", tc.lang, tc.word, got, tc.want)
		}
	}
}

func TestStemText(t *testing.T) {
	for _, tc := range []struct{ lang, text, want string }{
		{"fr", "", ""},
		{"fr", " \n…« » ", ""},
		{"fr", "Les mercenaires de l’accord", "le mercenair de l accord"},
		{"fr", "l'accord", "l accord"},
		{"fr", "Une DÉCENNIE de guerres", "une décen de guerr"},
		{"en", "Wagner-group wars, 2021.", "wagner group war 2021"},
		{"en", "e\u0301te\u0301 x", "e\u0301te\u0301 x"}, // combining marks stay in the word
		{"de", "Die Kriege", "die kriege"},
		{"", "Über_alles", "über alles"},
	} {
		if got := StemText(tc.lang, tc.text); got != tc.want {
			t.Errorf("StemText(%q, %q) = %q, want %q", tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestStemTextMatchesStem checks that StemText stems each word as Stem
// does, including words that take the cache's byte path (upper case).
func TestStemTextMatchesStem(t *testing.T) {
	words := strings.Fields(strings.NewReplacer(",", " ", ".", " ", "’", " ", "-", " ", "«", " ", "»", " ").Replace(benchText))
	for _, lang := range []string{"fr", "en", "it"} {
		want := make([]string, len(words))
		for i, w := range words {
			want[i] = Stem(lang, w)
		}
		if got := StemText(lang, benchText); got != strings.Join(want, " ") {
			t.Errorf("%s: StemText differs from Stem word by word:\n got %q\nwant %q", lang, got, strings.Join(want, " "))
		}
	}
}

func TestStemTextConcurrent(t *testing.T) {
	want := StemText("fr", benchText)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := StemText("fr", benchText); got != want {
					t.Error("concurrent StemText differs")
					return
				}
			}
		})
	}
	wg.Wait()
}

// benchText is an invented French news paragraph.
const benchText = `Les autorités de transition ont annoncé mardi la signature d’un accord de coopération militaire avec Moscou, une décision qui intervient après plus d’une décennie de présence française dans la région. Selon plusieurs sources diplomatiques, quelque mille mercenaires seraient déjà déployés dans le centre du pays, où ils assureraient la formation des forces locales. Le gouvernement dément toute présence de combattants étrangers et évoque des « instructeurs ». Paris, de son côté, juge cette coopération « incompatible » avec la poursuite de son engagement. Les ONG de défense des droits humains s’inquiètent d’exactions signalées à Moura en 2022, où des dizaines de civils auraient été tués. Un porte-parole de l’ONU a demandé une enquête indépendante. Le coût de l’opération est estimé à 10,8 millions de dollars par mois, d’après un rapport publié jeudi.`

func BenchmarkStemText(b *testing.B) {
	text := strings.Repeat(benchText+"\n\n", 5) // about 4.6 kB, a typical article
	b.Run("fr", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			StemText("fr", text)
		}
	})
	b.Run("en", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			StemText("en", text)
		}
	})
	b.Run("uncached", func(b *testing.B) {
		words := strings.Fields(text)
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			for _, w := range words {
				stemSnowball("fr", strings.ToLower(w))
			}
		}
	})
}
