package amount

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/veille/veille"
)

// amountCase is one text and the amounts it should give, in order: text,
// kind, unit, value (and max for a range, 0 when none), bound.
type amountCase struct {
	lang, text string
	want       []wantAmount
}

type wantAmount struct {
	text, kind, unit string
	value, max       float64
	bound            string
	approx           bool
}

func checkAmounts(t *testing.T, cases []amountCase) {
	t.Helper()
	for _, c := range cases {
		got := Amounts(c.text, c.lang, veille.Date{}, nil)
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			g, w := got[i], c.want[i]
			mx := 0.0
			if g.Max != nil {
				mx = *g.Max
			}
			ok = g.Text == w.text && c.text[g.Start:g.End] == g.Text && g.Kind == w.kind && g.Unit == w.unit &&
				g.Value != nil && *g.Value == w.value && mx == w.max && g.Bound == w.bound && g.Approx == w.approx
		}
		if !ok {
			b, _ := json.Marshal(got)
			t.Errorf("%s %q: got %s, want %+v", c.lang, c.text, b, c.want)
		}
	}
}

// A number glued to C (Celsius) or F is a temperature, and "p.m." an
// hour: neither is a sum in cents.
func TestTemperaturesNotCents(t *testing.T) {
	checkAmounts(t, []amountCase{
		{"en", "It was 40C (104F) outside.", nil},
		{"en", "The temperature fell below -20C.", nil},
		{"en", "It was 38.4C in Rome, between 2 and 8C at night.", nil},
		{"en", "Polls close at 7 p.m. on Tuesday.", nil},
		{"fr", "Il faisait 40C dehors.", nil},
		{"en", "A stamp costs 43c.", []wantAmount{{"43c", "money", "USD", 0.43, 0, "", false}}},
		{"en", "It cost 20 ringgit and 43c.", []wantAmount{{"20 ringgit and 43c", "money", "MYR", 20.43, 0, "", false}}},
		{"fr", "Il gagne 265 934 F CFA.", []wantAmount{{"265 934 F CFA", "money", "XOF", 265934, 0, "", false}}},
	})
}

// A number in groups of three digits is read whole or not at all, never
// from its middle.
func TestSpacedNumberWholeOrNothing(t *testing.T) {
	checkAmounts(t, []amountCase{
		{"fr", "Le PIB est de 1 000 000 000 000 000 000 000 euros.", nil},
		{"fr", "Il a 9 999 999 999 999 999 999 999 euros.", nil},
		{"fr", "Il a 1 000 000 000 euros.", []wantAmount{{"1 000 000 000 euros", "money", "EUR", 1e9, 0, "", false}}},
		{"fr", "En 2019 500 personnes ont fui.", []wantAmount{{"500 personnes", "count", "personne", 500, 0, "", false}}},
	})
	// However long the run, nothing is read from it: the amounts found
	// stay at zero as the run grows.
	for _, n := range []int{8, 80, 8000} {
		s := "Il a 1 " + strings.Repeat("000 ", n) + "euros et 12 " + strings.Repeat("345 ", n) + "soldats."
		if got := Amounts(s, "fr", veille.Date{}, nil); len(got) != 0 {
			t.Errorf("%d groups: %d amounts, want none: %+v", n, len(got), got[0])
		}
	}
}

// "moins" (or "minus") before a count is no minus sign.
func TestMinusWordBeforeCount(t *testing.T) {
	checkAmounts(t, []amountCase{
		{"fr", "Pas moins 50 maisons ont brûlé.", []wantAmount{{"Pas moins 50 maisons", "count", "maison", 50, 0, "at_least", false}}},
		{"fr", "Il a perdu moins 3 points.", []wantAmount{{"3 points", "count", "point", 3, 0, "", false}}},
		{"fr", "Il y avait plus ou moins 50 maisons.", []wantAmount{{"plus ou moins 50 maisons", "count", "maison", 50, 0, "", true}}},
		{"fr", "au moins 50 maisons", []wantAmount{{"au moins 50 maisons", "count", "maison", 50, 0, "at_least", false}}},
		{"en", "Clinton was at negative 6 points.", []wantAmount{{"6 points", "count", "point", 6, 0, "", false}}},
		{"fr", "La perte atteint -3 %.", []wantAmount{{"-3 %", "percent", "", -3, 0, "", false}}},
	})
}

// The upper end's scale applies to a lower end without one; a range
// going down is no range.
func TestScaledRangeGoingDown(t *testing.T) {
	checkAmounts(t, []amountCase{
		{"fr", "Il a coûté de 5 à 2 millions d'euros.", []wantAmount{{"2 millions d'euros", "money", "EUR", 2e6, 0, "", false}}},
		{"en", "It cost from 9 to 2 million euros.", []wantAmount{{"2 million euros", "money", "EUR", 2e6, 0, "", false}}},
		{"en", "It cost from 9 to 12 million euros.", []wantAmount{{"from 9 to 12 million euros", "money", "EUR", 9e6, 12e6, "", false}}},
		{"fr", "Il coûte entre 2 et 3 milliards d'euros.", []wantAmount{{"entre 2 et 3 milliards d'euros", "money", "EUR", 2e9, 3e9, "", false}}},
		{"fr", "Il coûte entre 500 et 1 million d'euros.", []wantAmount{{"entre 500 et 1 million d'euros", "money", "EUR", 500, 1e6, "", false}}},
	})
}

// Powers and e-notation are read whole or not at all; a spaced multiplier
// before a currency scales the sum.
func TestPowersAndSpacedMultipliers(t *testing.T) {
	checkAmounts(t, []amountCase{
		{"en", "It cost 10^400 dollars.", nil},
		{"en", "It cost $1e308.", nil},
		{"en", "It cost 10^400 Rs.", nil},
		{"en", "It cost 2.5E-3 dollars.", nil},
		{"fr", "Il coûte 1e308 euros.", nil},
		{"fr", "Il a coûté 5 M€, 2,5 Md€, 3 k€, 5 M$ et 2 Mds €.", []wantAmount{
			{"5 M€", "money", "EUR", 5e6, 0, "", false},
			{"2,5 Md€", "money", "EUR", 2.5e9, 0, "", false},
			{"3 k€", "money", "EUR", 3000, 0, "", false},
			{"5 M$", "money", "USD", 5e6, 0, "", false},
			{"2 Mds €", "money", "EUR", 2e9, 0, "", false},
		}},
	})
}

// Zero-width and bidirectional format characters read as a space that
// adds nothing to the white space around them; spans stay byte offsets.
func TestInvisibleCharacters(t *testing.T) {
	checkAmounts(t, []amountCase{
		{"fr", "Il a coûté 5 millions\u2066 d'euros.", []wantAmount{{"5 millions\u2066 d'euros", "money", "EUR", 5e6, 0, "", false}}},
		{"fr", "Il a coûté 5\u200b000 euros.", []wantAmount{{"5\u200b000 euros", "money", "EUR", 5000, 0, "", false}}},
		{"fr", "\ufeff10 euros, puis \u202a20\u202c euros\u200f.", []wantAmount{
			{"10 euros", "money", "EUR", 10, 0, "", false},
			{"20\u202c euros", "money", "EUR", 20, 0, "", false},
		}},
		{"fr", "Il a coûté 5 millions d'\u200beuros.", []wantAmount{{"5 millions d'\u200beuros", "money", "EUR", 5e6, 0, "", false}}},
		{"en", "more\u200b than \u2067300\u2069 soldiers", []wantAmount{{"more\u200b than \u2067300\u2069 soldiers", "count", "soldier", 300, 0, "above", false}}},
	})
}

// A grouped number of whole millions takes "de" before its currency, as
// "millions" does.
func TestGroupedMillionsDe(t *testing.T) {
	checkAmounts(t, []amountCase{
		{"fr", "La dette atteint 2 500 000 000 000 de francs CFA.", []wantAmount{{"2 500 000 000 000 de francs CFA", "money", "XOF", 2.5e12, 0, "", false}}},
		{"fr", "Il a reçu 1 000 000 d'euros.", []wantAmount{{"1 000 000 d'euros", "money", "EUR", 1e6, 0, "", false}}},
		{"fr", "Il a reçu 1 500 d'euros.", nil},
	})
}
