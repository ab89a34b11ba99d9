package date

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/veille/veille"
)

func mustDate(tb testing.TB, s string) veille.Date {
	tb.Helper()
	d, err := veille.ParseDate(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestFind(t *testing.T) {
	tests := []struct {
		lang, ref, text string
		want            string // text of the first expression
		kind, value     string
		grain, dur      string
		bound, until    string
	}{
		{"fr", "2021-09", "présents depuis plus d’une décennie", "depuis plus d’une décennie", "duration", "", "", "P10Y", "above", ""},
		{"fr", "2021-09-15", "Depuis plus d'une décennie, rien.", "Depuis plus d'une décennie", "duration", "", "", "P10Y", "above", ""},
		{"en", "2021-09-15", "He was jailed for three years.", "for three years", "duration", "", "", "P3Y", "", ""},
		{"fr", "2021-09-15", "Il est arrivé le 15 septembre 2021.", "15 septembre 2021", "absolute", "2021-09-15", "day", "", "", ""},
		{"en", "2021-10-02", "On Sept. 15 the army left.", "Sept. 15", "partial", "2021-09-15", "day", "", "", ""},
		{"en", "2021-10-02", "Filed 2021-09-15 in court.", "2021-09-15", "absolute", "2021-09-15", "day", "", "", ""},
		{"fr", "2021-10-02", "Il était là en septembre.", "septembre", "partial", "2021-09", "month", "", "", ""},
		{"fr", "2022-10-02", "Il était là en 2021.", "2021", "absolute", "2021", "year", "", "", ""},
		{"fr", "2021-09-15", "Il est parti hier.", "hier", "relative", "2021-09-14", "day", "", "", ""},
		{"fr", "2021-09", "Il est parti hier.", "hier", "relative", "2021-09", "day", "", "", ""},
		{"fr", "2021-09-15", "mardi dernier, il pleuvait", "mardi dernier", "relative", "2021-09-14", "day", "", "", ""},
		{"en", "2021-09-15", "It happened last week.", "last week", "relative", "2021-09-06", "week", "", "", "2021-09-13"},
		{"fr", "2021-09-15", "Il y a trois jours, l'armée…", "Il y a trois jours", "relative", "2021-09-12", "day", "", "", ""},
		{"fr", "2024-05-15T09:30:00Z", "Les travaux reprendront dans trois mois", "dans trois mois", "relative", "2024-08", "month", "", "", ""},
		{"fr", "2024-05-15T09:30:00Z", "déplacées depuis 2019.", "depuis 2019", "absolute", "2019", "year", "", "", "2024-05-16"},
		{"fr", "2013-02-12", "du 13 au 15 juillet", "13 au 15 juillet", "partial", "2013-07-13", "day", "", "", "2013-07-16"},
		{"en", "2021-09-15", "Aug. 9, 2012 at 2:57 p.m.", "Aug. 9, 2012 at 2:57 p.m.", "absolute", "2012-08-09T14:57:00Z", "minute", "", "", ""},
		{"fr", "2021-09-15", "Le 22 janvier 2015 à 14h40, ", "22 janvier 2015 à 14h40", "absolute", "2015-01-22T14:40:00Z", "minute", "", "", ""},
		{"en", "", "Yesterday it rained.", "Yesterday", "relative", "", "day", "", "", ""},
		{"fr", "2021-09-15", "Il arrivera en début de matinée.", "en début de matinée", "relative", "2021-09-15T07:00:00Z", "hour", "", "", "2021-09-15T09:00:00Z"},
		{"fr", "2021-09-15", "La réunion a lieu de 9h30 à 11h jeudi.", "de 9h30 à 11h jeudi", "relative", "2021-09-16T09:30:00Z", "minute", "", "", "2021-09-16T11:01:00Z"},
		{"fr", "2021-09-15", "Rendez-vous à midi moins cinq.", "à midi moins cinq", "relative", "2021-09-15T11:55:00Z", "minute", "", "", ""},
		{"en", "2021-09-15", "We meet at a quarter past noon.", "at a quarter past noon", "relative", "2021-09-15T12:15:00Z", "minute", "", "", ""},
		{"en", "2021-09-15", "The vote is the first tuesday of november.", "the first tuesday of november", "absolute", "2021-11-02", "day", "", "", ""},
		{"fr", "2021-09-15", "La fête a lieu le dernier week-end de septembre.", "le dernier week-end de septembre", "absolute", "2021-09-24T18:00:00Z", "hour", "", "", "2021-09-27T00:00:00Z"},
		{"fr", "2021-12-01", "Il rentre pour Noël.", "Noël", "partial", "2021-12-25", "day", "", "", ""},
		{"fr", "2021-09-15", "Cet été, la sécheresse a duré.", "Cet été", "relative", "2021-06-21", "day", "", "", "2021-09-24"},
		{"fr", "2021-09-15", "Le vote a eu lieu le 13.", "le 13", "partial", "2021-09-13", "day", "", "", ""},
		{"fr", "2021-09-15", "Signé le 20 02 2014 à Dakar.", "20 02 2014", "absolute", "2014-02-20", "day", "", "", ""},
		{"en", "2021-09-15T10:00:00Z", "It started half an hour ago.", "half an hour ago", "relative", "2021-09-15T09:30:00Z", "minute", "", "", ""},
		{"en", "2021-09-15", "Prices rose at the end of next week.", "at the end of next week", "relative", "2021-09-24", "day", "", "", "2021-09-27"},
		{"fr", "2021-09-15", "Il viendra deux semaines après lundi prochain.", "deux semaines après lundi prochain", "relative", "2021-10-04", "day", "", "", ""},
		{"en", "2021-09-15", "Prices rose between January and June.", "between January and June", "partial", "2021-01", "month", "", "", "2021-07"},
		{"en", "2021-09-15", "It ran from December to March 2020.", "from December to March 2020", "absolute", "2019-12", "month", "", "", "2020-04"},
		{"en", "2021-09-15", "Flights from October to February were cut.", "from October to February", "partial", "2021-10", "month", "", "", "2022-03"},
		{"fr", "2021-09-15", "Les prix ont monté entre mars et juin 2020.", "entre mars et juin 2020", "absolute", "2020-03", "month", "", "", "2020-07"},
		{"en", "2021-09-15T10:00:00Z", "It landed 1 day 3 hours ago.", "1 day 3 hours ago", "relative", "2021-09-14T07:00:00Z", "hour", "", "", ""},
		{"en", "2021-09-15T10:00:00Z", "The rocket lifts off in 2 hours and 30 minutes.", "in 2 hours and 30 minutes", "relative", "2021-09-15T12:30:00Z", "minute", "", "", ""},
		{"en", "2021-09-15T10:00:00Z", "The shuttle leaves in 3/4 hour.", "in 3/4 hour", "relative", "2021-09-15T10:45:00Z", "minute", "", "", ""},
		{"en", "2021-09-15", "The talks resume at eight tonight.", "eight tonight", "relative", "2021-09-15T20:00:00Z", "hour", "", "", ""},
		{"en", "2021-09-15", "Polls close at 9 tomorrow evening.", "9 tomorrow evening", "relative", "2021-09-16T21:00:00Z", "hour", "", "", ""},
		{"en", "2021-09-15", "The vote is 3 fridays from now.", "3 fridays from now", "relative", "2021-10-01", "day", "", "", ""},
		{"en", "2021-09-15", "It opened 2 thursdays ago.", "2 thursdays ago", "relative", "2021-09-02", "day", "", "", ""},
	}
	for _, tt := range tests {
		var ref veille.Date
		if tt.ref != "" {
			ref = mustDate(t, tt.ref)
		}
		ds := Find(tt.text, tt.lang, ref, Options{})
		if len(ds) == 0 {
			t.Errorf("%q: nothing found", tt.text)
			continue
		}
		d := ds[0]
		if d.Text != tt.want || tt.text[d.Start:d.End] != d.Text {
			t.Errorf("%q: text %q [%d:%d], want %q", tt.text, d.Text, d.Start, d.End, tt.want)
		}
		got := ""
		if !d.Value.IsZero() {
			got = d.Value.String()
		}
		until := ""
		if !d.Until.IsZero() {
			until = d.Until.String()
		}
		if d.Kind != tt.kind || got != tt.value || (tt.grain != "" && d.Grain != tt.grain) || d.Duration != tt.dur || d.Bound != tt.bound || until != tt.until {
			t.Errorf("%q: got kind %s value %q grain %s duration %s bound %s until %s; want %s %q %s %s %s %s",
				tt.text, d.Kind, got, d.Grain, d.Duration, d.Bound, until, tt.kind, tt.value, tt.grain, tt.dur, tt.bound, tt.until)
		}
	}
}

// TestOptions checks the conventions of other parsers' test sets.
func TestOptions(t *testing.T) {
	ref := mustDate(t, "2013-02-12T04:30:00Z")
	zone := time.FixedZone("UTC-2", -2*3600)
	for _, tc := range []struct {
		text string
		opt  Options
		want string // Value
	}{
		{"this afternoon", Options{DayParts: DayPartHour}, "2013-02-12T15:00:00Z"},
		{"tomorrow morning", Options{DayParts: DayPartHour}, "2013-02-13T06:00:00Z"},
		{"this afternoon", Options{}, "2013-02-12T12:00:00Z"},
		{"upcoming two days", Options{NthUpcoming: true}, "2013-02-14"},
		{"upcoming two days", Options{}, "2013-02-13"},
		{"Thursday 8:00 GMT", Options{Zone: zone}, "2013-02-14T06:00:00Z"},
		{"Thursday 8:00 GMT", Options{}, "2013-02-14T08:00:00Z"},
		{"in a few hours", Options{Few: true, Offsets: OffsetInstant}, "2013-02-12T07:30:00Z"},
		{"+15 minutes", Options{Offsets: OffsetInstant}, "2013-02-12T04:45:00Z"},
	} {
		ds := Find(tc.text, "en", ref, tc.opt)
		if len(ds) == 0 || ds[0].Value.String() != tc.want {
			t.Errorf("%q %+v: got %+v, want %s", tc.text, tc.opt, ds, tc.want)
		}
	}
	for _, text := range []string{"in a few hours", "+15 minutes"} {
		if ds := Find(text, "en", ref, Options{}); len(ds) > 0 {
			t.Errorf("%q: found %+v in the news reading", text, ds)
		}
	}
}

// TestNoFalseDates lists text that holds no date.
func TestNoFalseDates(t *testing.T) {
	ref := mustDate(t, "2021-09-15")
	for _, tc := range []struct{ lang, text string }{
		{"en", "I may be here. May the force be with you. Theresa may become PM."},
		{"en", "Version 1.1.3 costs $1,194.09 and 35.49"},
		{"fr", "Il a vu 2000 soldats et la mer."},
		{"fr", "Un jour, il viendra."},
		{"en", "The score was 3-1 and 2012-14 was odd."},
		{"fr", "Appelez le 01 23 45 67 89 ou le 06 12 34 56 78."},
		{"fr", "Il a terminé le 3e et son équipe le 16e, à 2 points."},
		{"fr", "Le match s'est fini sur 7 - 8 et il reste 12 à 15 places."},
		{"fr", "Elle a passé le quart de sa vie au Mali et la moitié en France."},
		{"en", "The 24 hostages and the 3 ships were released; the 2 sides met."},
		{"en", "He ran the first mile of the race and half of the second."},
		{"en", "Between 30 and 40 people, from 3 to 6 of them children, were hurt."},
		{"fr", "Entre 30 et 40 personnes, dont 3 à 6 enfants, ont été blessées."},
		{"en", "A quarter of the voters and half the members left."},
		{"fr", "Le premier ministre et le dernier président du parti."},
		{"fr", "Noël Mamère, Marie-Noël et le Père Noël ont été vus; il a été élu."},
		{"en", "Spring water, a winter coat and the fall of the regime."},
		{"fr", "Il a fini 12 02 et le 20 02 2014 15 de la liste."},
		{"en", "Radio 4 at 14 stations; ages between 15 and 24; the age of 13-14."},
		{"en", "He was elected in a by-election and re-elected the following year."},
		{"en", "An office Christmas party, late-night talks and early morning raids."},
		{"en", "It took one-quarter to one-third of the budget, within the 10% band."},
		{"fr", "Les 20 % les plus riches et les 3 premiers ont gagné de 13 à 18 points."},
		{"en", "Shares rose +15 points and the index fell -3 percent; the margin is 1/4 of sales."},
		{"en", "He met eight tonight-show hosts and five afternoon guests."},
		{"en", "Fridays from now on are off; Thursdays back then were busy."},
		{"en", "In a few words, a couple of friends and a HR manager met in an SEC office."},
		{"en", "Between 2 and 3 people, from May and her team, were hired by the firm."},
		{"fr", "Entre Mai et ses amis, il reste de la place."},
		{"en", "Sales were up +1 day-on-day and 1/2 of the staff left."},
	} {
		if ds := Find(tc.text, tc.lang, ref, Options{}); len(ds) > 0 {
			t.Errorf("%q: found %+v", tc.text, ds)
		}
	}
}

func TestLexicons(t *testing.T) {
	for _, l := range Langs {
		if lexiconFor(l) == nil {
			t.Fatalf("no lexicon for %s", l)
		}
	}
	if lexiconFor("de") != nil {
		t.Error("lexicon for de")
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"depuis plus d’une décennie", "le 15 septembre 2021 à 15h30", "Sept. 15, 2021 at 2:57 p.m.",
		"il y a trois jours", "2021-09-15T08:30:00+02:00", "du 13 au 15 juillet", "8h10m00", "1230pm",
		"10 - 22 August 2012", "'96", "\xff\xfe", "lundi de la semaine prochaine", "1.2.3.4",
	} {
		f.Add(s)
	}
	refs := []veille.Date{{}, mustDate(f, "2021-09"), mustDate(f, "2021"), mustDate(f, "2021-09-15T08:30:00Z")}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range Langs {
			for _, ref := range refs {
				prev := 0
				for _, d := range Find(s, lang, ref, Options{}) {
					if d.Start < prev || !d.Span.In(len(s)) || d.Start >= d.End || s[d.Start:d.End] != d.Text {
						t.Fatalf("%q: bad span %+v", s, d)
					}
					prev = d.End
				}
			}
		}
	})
}

// corpusTexts reads the texts of ../shared/corpus, skipping when absent.
func corpusTexts(tb testing.TB) (texts, langs []string, size int) {
	files, _ := filepath.Glob("../../../../shared/corpus/*/*.jsonl")
	if len(files) == 0 {
		tb.Skip("../shared/corpus not found")
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var r struct {
				Text     string `json:"text"`
				Lang     string `json:"lang"`
				Language string `json:"language"`
			}
			if json.Unmarshal(sc.Bytes(), &r) != nil || r.Text == "" {
				continue
			}
			l := r.Lang
			if l == "" {
				l = r.Language
			}
			if l != "fr" {
				l = "en"
			}
			texts, langs = append(texts, r.Text), append(langs, l)
			size += len(r.Text)
		}
		fh.Close()
	}
	return texts, langs, size
}

// BenchmarkFindCorpus measures Find over the shared corpus; MB/s is text
// throughput on one core.
func BenchmarkFindCorpus(b *testing.B) {
	texts, langs, size := corpusTexts(b)
	ref := mustDate(b, "2021-09-15")
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i, t := range texts {
			Find(t, langs[i], ref, Options{})
		}
	}
}
