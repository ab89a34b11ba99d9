package amount

import (
	"math"
	"testing"

	"github.com/veille/veille"
)

// countsIn returns the counts of text as lemma → value, failing on a
// repeated lemma.
func countsIn(t *testing.T, text, lang string) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for _, a := range Amounts(text, lang, veille.Date{}, nil) {
		if a.Kind != KindCount {
			continue
		}
		v := math.NaN()
		if a.Value != nil {
			v = *a.Value
		}
		out[a.Unit] = v
	}
	return out
}

// TestNotCounts: generic nouns, pronoun-like "one", names, labels and
// ratios are not counts; the real count of each sentence stays.
func TestNotCounts(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		want       map[string]float64 // the counts, exactly
	}{
		{"en", "One thing is clear: four clerks quit.", map[string]float64{"clerk": 4}},
		{"en", "They helped one another, and two wardens left.", map[string]float64{"warden": 2}},
		{"en", "One said it was over; three porters agreed.", map[string]float64{"porter": 3}},
		{"en", "One fears the worst for the seven sailors.", map[string]float64{"sailor": 7}},
		{"en", "She dropped one set, then the club signed two pilots.", map[string]float64{"set": 1, "pilot": 2}},
		{"en", "No-one else came; five cooks stayed.", map[string]float64{"cook": 5}},
		{"en", "The number one albums sold well; four singers left.", map[string]float64{"singer": 4}},
		{"en", "He has type 1 diabetes and nine cousins.", map[string]float64{"cousin": 9}},
		{"en", "He met the Formula 1 champion and six drivers.", map[string]float64{"driver": 6}},
		{"en", "A chart of FTSE 100 companies showed 12 firms.", map[string]float64{"firm": 12}},
		{"en", "He won the Six Nations with 30 players.", map[string]float64{"player": 30}},
		{"en", "He met one Reddit user and four moderators.", map[string]float64{"moderator": 4}},
		{"en", "One in 10 students skipped; 8 per 100,000 children fell ill; 40 tutors left.", map[string]float64{"tutor": 40}},
		{"en", "He played five fruitless games and two serious matches.", map[string]float64{"game": 5, "match": 2}},
		{"en", "Net zero must be met, with zero deaths.", map[string]float64{"death": 0}},
		{"en", "She saw one calling it a hoax and one building.", map[string]float64{"building": 1}},
		{"en", "They treated Covid-19 patients and 15 nurses.", map[string]float64{"nurse": 15}},
		{"en", "Thousands of small business owners met 20 bankers.", map[string]float64{"banker": 20}},
		{"en", "He met one male protester.", map[string]float64{"protester": 1}},
		{"en", "As one channel put it, three types of drone flew.", map[string]float64{"channel": 1, "type": 3}},
		{"fr", "Des milliers d'entre eux sont venus avec 12 tracteurs.", map[string]float64{"tracteur": 12}},
		{"fr", "Il joue en Ligue 1 avec 25 coéquipiers.", map[string]float64{"coéquipier": 25}},
		{"fr", "Le taux est de 8 pour 100 000 habitants, selon 14 médecins.", map[string]float64{"médecin": 14}},
	} {
		got := countsIn(t, c.text, c.lang)
		if len(got) != len(c.want) {
			t.Errorf("%q: counts %v, want %v", c.text, got, c.want)
			continue
		}
		for k, v := range c.want {
			if g, ok := got[k]; !ok || g != v {
				t.Errorf("%q: counts %v, want %v", c.text, got, c.want)
				break
			}
		}
	}
}

// TestElidedCountOnlyAfterItsCount: a bare number counts the noun of the
// count before it only when no other amount comes between, and never as a
// factor ("multiplié par") or in a ratio.
func TestElidedCountOnlyAfterItsCount(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		elided     bool
	}{
		{"fr", "Il y avait 5 000 soldats, puis environ 3 000.", true},
		{"fr", "Il y avait 5 000 soldats et 2 millions d'euros, puis environ 3 000.", false},
		{"fr", "Il y avait 5 000 soldats ; le prix a été multiplié par près de cinq.", false},
		{"en", "There were 5,000 troops; nearly one in 10 deserted.", false},
	} {
		n := 0
		for _, a := range Amounts(c.text, c.lang, veille.Date{}, nil) {
			if a.Kind == KindCount && a.Unit != "" {
				n++
			}
		}
		if got := n == 2; got != c.elided {
			t.Errorf("%q: %d counts with a noun, want elided count %v", c.text, n, c.elided)
		}
	}
}

// TestShortCurrencyForms: case-sensitive short forms before or after the
// number, the rupee chosen from the country, and forms that look like a
// currency but are not one.
func TestShortCurrencyForms(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		unit       string // "" when no money at all
		value      float64
	}{
		{"en", "The fee is Rs 500 now.", "INR", 500},
		{"en", "The fee is Rs. 5,000 now.", "INR", 5000},
		{"en", "The fee is Rs5,000 now.", "INR", 5000},
		{"en", "The fee is ₹450 now.", "INR", 450},
		{"en", "The fee is INR 450 now.", "INR", 450},
		{"en", "A ticket costs Ksh 100.", "KES", 100},
		{"en", "A ticket costs KSh 2,500.", "KES", 2500},
		{"en", "A loaf costs N500 today.", "NGN", 500},
		{"en", "A loaf costs N1.5m today.", "NGN", 1.5e6},
		{"en", "A meal costs R 200 in Durban.", "ZAR", 200},
		{"en", "A meal costs R$ 30 in Recife.", "BRL", 30},
		{"en", "It cost 900 DM then.", "DEM", 900},
		{"fr", "Il coûtait 100 000 FF à l'époque.", "FRF", 100000},
		{"fr", "Il coûtait 3 millions de francs français.", "FRF", 3e6},
		{"fr", "Il coûtait 2 000 pesetas.", "ESP", 2000},
		{"en", "It cost 20 billion lire.", "ITL", 2e10},
		{"en", "It cost 400 Dutch guilders.", "NLG", 400},
		{"en", "Wear N95 masks on the R2 road.", "", 0},
		{"en", "The R 5 model and the N 500 route.", "", 0},
	} {
		var money []veille.Amount
		for _, a := range Amounts(c.text, c.lang, veille.Date{}, nil) {
			if a.Kind == KindMoney {
				money = append(money, a)
			}
		}
		if c.unit == "" {
			if len(money) != 0 {
				t.Errorf("%q: money %+v, want none", c.text, money)
			}
			continue
		}
		if len(money) != 1 || money[0].Unit != c.unit || money[0].Value == nil || *money[0].Value != c.value {
			t.Errorf("%q: money %+v, want %v %s", c.text, money, c.value, c.unit)
		}
	}
}

func TestRupeeFromCountry(t *testing.T) {
	d, _ := veille.ParseDate("2020-06")
	for _, c := range []struct {
		text, unit, basis string
	}{
		{"Farmers in Pakistan paid Rs 800 a bag.", "PKR", "sentence:PK"},
		{"Buses in Colombo cost 40 rupees.", "LKR", "sentence:LK"},
		{"The toll is 90 rupees.", "INR", "default"},
		{"The toll is 90 Indian rupees, in Pakistan.", "INR", ""},
	} {
		text := c.text
		as := Amounts(text, "en", d, []veille.Span{{Start: 0, End: len(text)}})
		if len(as) != 1 || as[0].Unit != c.unit || as[0].UnitBasis != c.basis {
			t.Errorf("%q: %+v, want %s (%q)", text, as, c.unit, c.basis)
			continue
		}
		if as[0].EUR == nil || as[0].USD == nil {
			t.Errorf("%q: no conversion in %s at %v", text, c.unit, d)
		}
	}
}

// TestLegacyEuroCurrencies: the currencies the euro replaced convert at
// their fixed rate once it took effect, not before, not undated.
func TestLegacyEuroCurrencies(t *testing.T) {
	at := func(s string) veille.Date { d, _ := veille.ParseDate(s); return d }
	for _, c := range []struct {
		text, lang string
		date       veille.Date
		eur        float64 // 0: no conversion
	}{
		{"Il coûtait 655 957 francs français.", "fr", at("2004-05"), 100000},
		{"It cost 1,955.83 Deutsche Marks.", "en", at("2010"), 1000},
		{"It cost 1,936,270 lire.", "en", at("1999-01"), 1000},
		{"It cost 34,075 drachmas.", "en", at("2002-03"), 100},
		{"It cost 250 million ECUs.", "en", at("1999-02"), 250e6},
		{"It cost 34,075 drachmas.", "en", at("2000-03"), 0},
		{"It cost 1,955.83 Deutsche Marks.", "en", at("1987-06"), 0},
		{"It cost 1,955.83 Deutsche Marks.", "en", veille.Date{}, 0},
	} {
		as := Amounts(c.text, c.lang, c.date, nil)
		if len(as) != 1 {
			t.Errorf("%q: %+v, want one amount", c.text, as)
			continue
		}
		switch {
		case c.eur == 0 && as[0].EUR != nil:
			t.Errorf("%q at %v: eur %v, want none", c.text, c.date, *as[0].EUR)
		case c.eur != 0 && (as[0].EUR == nil || math.Abs(*as[0].EUR-c.eur) > 1e-6*c.eur):
			t.Errorf("%q at %v: eur %v, want %v", c.text, c.date, as[0].EUR, c.eur)
		case c.eur != 0 && as[0].USD == nil:
			t.Errorf("%q at %v: no usd", c.text, c.date)
		}
	}
}
