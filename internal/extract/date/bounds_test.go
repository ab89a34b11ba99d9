package date

import (
	"strings"
	"testing"
	"time"

	"github.com/veille/veille"
)

// findAll returns the expressions of text against ref.
func findAll(t *testing.T, lang, ref, text string) []veille.DateExpr {
	t.Helper()
	var r veille.Date
	if ref != "" {
		r = mustDate(t, ref)
	}
	return Find(text, lang, r, Options{})
}

// TestFindValuesParse: every value and end Find writes is a date
// veille.ParseDate reads back (years 1000 to 9999), whatever the offset
// or the reference; an expression that would leave that range stays
// unresolved.
func TestFindValuesParse(t *testing.T) {
	inputs := []struct{ lang, ref, text string }{
		{"fr", "2021-09-15", "La ville a été fondée il y a 2000 ans, les pyramides il y a 4500 ans."},
		{"en", "2021-09-15", "It was built 4500 years ago and will stand 999999999 years from now."},
		{"fr", "2021-09-15", "dans 8000 ans, dans 9223372036854775808 jours, il y a 3000 siècles"},
		{"fr", "2021-09-15T10:00:00Z", "il y a 9223372036854775807 secondes, il y a 999999999 heures, dans 999999999 minutes"},
		{"en", "2021-09-15T10:00:00Z", "in 999999999 hours, 999999999 minutes ago, in 1.5 hours, 12345678901234567890 days ago"},
		{"fr", "1000-01-01", "Hier, l'an dernier, il y a trois mois, la semaine dernière, mardi dernier, le mois dernier, le 31 décembre."},
		{"fr", "9999-12-31", "Demain, l'an prochain, dans trois mois, la semaine prochaine, mardi prochain, le 1er janvier, à 24h00."},
		{"fr", "2021-09-15", "le 15 septembre -44, 31/12/9999 à 24h00, en 999, le 1er janvier 10000"},
		{"en", "9999-12-31T12:00:00Z", "The market closes at 23:00 GMT, Dec 31 at 11:30 pm GMT."},
		{"en", "1000-01-01T12:00:00Z", "It opened at 01:00 GMT, Jan 1 at 0:30 am GMT."},
		{"en", "2021-09-15", "From Jan 1, 9999 to Dec 31, 9999 at 24:00, the next 9000 years, the last 5000 years"},
	}
	opts := []Options{{}, {Future: true, Offsets: OffsetFiner}, {Offsets: OffsetInstant, Few: true}, {Zone: time.FixedZone("X", -12*3600)}, {Zone: time.FixedZone("Y", 14*3600)}}
	for _, in := range inputs {
		for _, opt := range opts {
			ds := Find(in.text, in.lang, mustDate(t, in.ref), opt)
			if len(ds) == 0 {
				t.Errorf("%q: nothing found", in.text)
			}
			for _, d := range ds {
				for _, v := range []veille.Date{d.Value, d.Until} {
					if _, err := veille.ParseDate(v.String()); err != nil {
						t.Errorf("%q: %q has value %q until %q: %v", in.text, d.Text, d.Value, d.Until, err)
					}
				}
				if d.Value.IsZero() && d.Precision != "" {
					t.Errorf("%q: %q has precision %q without a value", in.text, d.Text, d.Precision)
				}
			}
		}
	}
}

// TestFindHugeCounts: a count too long to read, or large enough to
// overflow a duration, gives no date rather than a wrapped one.
func TestFindHugeCounts(t *testing.T) {
	for _, text := range []string{
		"il y a 9223372036854775807 secondes",
		"dans 9223372036854775808 jours",
		"il y a 999999999 heures",
		"il y a 999999999 minutes",
	} {
		for _, d := range findAll(t, "fr", "2021-09-15T10:00:00Z", text) {
			if !d.Value.IsZero() {
				t.Errorf("%q: %q resolved to %q", text, d.Text, d.Value)
			}
		}
	}
	// a large count that stays in range still resolves, exactly
	for _, tt := range []struct{ text, value string }{
		{"il y a 100000 heures", "2010-04-19T18:00:00Z"},
		{"dans 999999999 minutes", "3923-01-12T20:39:00Z"},
	} {
		ds := findAll(t, "fr", "2021-09-15T10:00:00Z", tt.text)
		if len(ds) != 1 || ds[0].Value.String() != tt.value {
			t.Errorf("%s: %+v, want %s", tt.text, ds, tt.value)
		}
	}
}

// TestFindNotInsideNumber: no date starts inside a number written with
// thousands separators, and "N last year" is not "the last N years".
func TestFindNotInsideNumber(t *testing.T) {
	tests := []struct{ text, want, value string }{
		{"Production rose to 18,651 from 16,673 last year.", "last year", "2020"},
		{"The city was founded 1,541 years ago.", "", ""},
		{"Sales were 5,873,904 last week.", "last week", "2021-09-06"},
		{"It grew by 1,5 years ago.", "", ""},
		{"Profit was 673 last year.", "last year", "2020"},
	}
	for _, tt := range tests {
		ds := findAll(t, "en", "2021-09-15", tt.text)
		if tt.want == "" {
			if len(ds) != 0 {
				t.Errorf("%q: found %q", tt.text, ds[0].Text)
			}
			continue
		}
		if len(ds) != 1 || ds[0].Text != tt.want || ds[0].Value.String() != tt.value {
			t.Errorf("%q: got %+v, want %q = %s", tt.text, ds, tt.want, tt.value)
		}
	}
}

// TestFindYearPeriod: Reuters' "in 1986 qtr" and "1986 year" are a year,
// not 1986 quarters or years from now.
func TestFindYearPeriod(t *testing.T) {
	for _, text := range []string{"Net loss in 1986 qtr was 5 mln dlrs.", "Profit in 1986 year rose.", "Le bénéfice de 1986 an."} {
		for _, d := range findAll(t, "en", "2023-05-28", text) {
			if !d.Value.IsZero() && d.Value.String() != "1986" {
				t.Errorf("%q: %q resolved to %q", text, d.Text, d.Value)
			}
		}
	}
}

// TestFindBeforeChrist: a year before Christ is no year of veille's
// calendar.
func TestFindBeforeChrist(t *testing.T) {
	for _, in := range []struct{ lang, text string }{
		{"fr", "Il est mort vers 1372 avant J.-C. en Égypte."},
		{"fr", "La ville fut fondée en 1500 av. J.-C., puis détruite."},
		{"fr", "en 1200 avant notre ère"},
		{"fr", "en 1300 avant Jésus-Christ"},
		{"en", "The city was founded in 1500 BC."},
		{"en", "in 1500 B.C. and 1600 b.c. and 1648 BCE"},
	} {
		if ds := findAll(t, in.lang, "2021-09-15", in.text); len(ds) != 0 {
			t.Errorf("%q: found %q = %q", in.text, ds[0].Text, ds[0].Value)
		}
	}
	// after Christ it is a year
	ds := findAll(t, "fr", "2021-09-15", "en 1500 après J.-C.")
	if len(ds) != 1 || ds[0].Value.String() != "1500" {
		t.Errorf("en 1500 après J.-C.: %+v", ds)
	}
}

// TestFindMilitaryTime: four digits with a zone, or in "the 1400
// deadline", are a time of day, not a year.
func TestFindMilitaryTime(t *testing.T) {
	for _, text := range []string{"Trading halted between 1000 EST and 1030 EST.", "Bids are due by the 1400 deadline."} {
		for _, d := range findAll(t, "en", "2021-09-15", text) {
			if d.Grain == "year" {
				t.Errorf("%q: %q read as the year %q", text, d.Text, d.Value)
			}
		}
	}
	for _, tt := range []struct{ text, value string }{
		{"He won the 1990 election.", "1990"},
		{"It followed the 1648 Peace of Westphalia.", "1648"},
	} {
		ds := findAll(t, "en", "2021-09-15", tt.text)
		if len(ds) != 1 || ds[0].Value.String() != tt.value {
			t.Errorf("%q: %+v, want %s", tt.text, ds, tt.value)
		}
	}
}

// TestFindMidnight24: 24:00 is the midnight that ends the day: the next
// day's 00:00.
func TestFindMidnight24(t *testing.T) {
	for _, tt := range []struct{ lang, text, want, value string }{
		{"fr", "Le couvre-feu commence le 20 septembre à 24 h 00.", "20 septembre à 24 h 00", "2021-09-21T00:00:00Z"},
		{"fr", "La réunion finit à 24h.", "à 24h", "2021-09-16T00:00:00Z"},
		{"en", "It ends at 24:00.", "at 24:00", "2021-09-16T00:00:00Z"},
		{"en", "The deadline is September 20 at 24:00.", "September 20 at 24:00", "2021-09-21T00:00:00Z"},
		{"fr", "Il part à 0h00.", "à 0h00", "2021-09-15T00:00:00Z"},
	} {
		ds := findAll(t, tt.lang, "2021-09-15", tt.text)
		if len(ds) != 1 || ds[0].Text != tt.want || ds[0].Value.String() != tt.value {
			t.Errorf("%q: %+v, want %q = %s", tt.text, ds, tt.want, tt.value)
		}
	}
}

// TestFindWeekdayFullStop: a weekday keeps a full stop only when it is
// the abbreviation's.
func TestFindWeekdayFullStop(t *testing.T) {
	for _, tt := range []struct{ lang, text, want string }{
		{"fr", "Il est venu dimanche. Il repart.", "dimanche"},
		{"fr", "Il partira lundi.", "lundi"},
		{"en", "He came on Sunday. Then he left.", "Sunday"},
		{"en", "The vote is Thurs. Sept. 16.", "Thurs. Sept. 16"},
		{"fr", "Réunion lun. 20 septembre.", "lun. 20 septembre"},
	} {
		ds := findAll(t, tt.lang, "2021-09-15", tt.text)
		if len(ds) == 0 || ds[0].Text != tt.want {
			t.Errorf("%q: %+v, want %q", tt.text, ds, tt.want)
		}
		for _, d := range ds {
			if strings.HasSuffix(d.Text, "i.") || strings.HasSuffix(d.Text, "y.") || strings.HasSuffix(d.Text, "che.") {
				t.Errorf("%q: %q swallows the full stop", tt.text, d.Text)
			}
		}
	}
}

// TestFindNegativeCount: a count written with a minus sign is no offset
// ("dans -5 jours" is not in five days).
func TestFindNegativeCount(t *testing.T) {
	for _, in := range []struct{ lang, text string }{
		{"fr", "Il arrive dans -5 jours."},
		{"fr", "C'était il y a -3 ans."},
		{"en", "It lands in -3 days."},
		{"en", "It left -5 days ago."},
	} {
		for _, d := range findAll(t, in.lang, "2021-09-15", in.text) {
			if !d.Value.IsZero() || d.Duration != "" {
				t.Errorf("%q: %q = %q %s", in.text, d.Text, d.Value, d.Duration)
			}
		}
	}
	ds := findAll(t, "fr", "2021-09-15", "dans 5 jours")
	if len(ds) != 1 || ds[0].Value.String() != "2021-09-20" {
		t.Errorf("dans 5 jours: %+v", ds)
	}
}
