package date

import (
	"testing"
	"time"

	"github.com/veille/veille"
)

// TestCompose covers expressions made of a day and what completes it, and
// the periods and times read since version 4, in both languages where
// they apply. Sentences are invented.
func TestCompose(t *testing.T) {
	tests := []struct {
		lang, ref, text string
		want            string // text of the first expression
		value, until    string
		grain           string
	}{
		// a time of day after a day
		{"en", "2021-09-15", "The hearing moved to 3/14 at 5:30pm.", "3/14 at 5:30pm", "2022-03-14T17:30:00Z", "", "minute"},
		{"en", "2021-09-15", "They land Thursday at 9 GMT.", "Thursday at 9 GMT", "2021-09-16T09:00:00Z", "", "hour"},
		{"fr", "2021-09-15", "Le vote aura lieu jeudi à 9 UTC.", "jeudi à 9 UTC", "2021-09-16T09:00:00Z", "", "hour"},
		{"en", "2021-09-15", "Doors open at midnight on 2nd October.", "at midnight on 2nd October", "2021-10-02T00:00:00Z", "", "hour"},
		{"en", "2021-09-15", "They meet tonight at 9 o'clock.", "tonight at 9 o'clock", "2021-09-15T21:00:00Z", "", "hour"},
		{"en", "2021-09-15", "It opens at 7 o'clock.", "at 7 o'clock", "2021-09-15T07:00:00Z", "", "hour"},
		// a weekday after a written date
		{"en", "2021-09-15", "Polls close Oct 22, Fri, at noon.", "Oct 22, Fri", "2021-10-22", "", "day"},
		{"fr", "2021-09-15", "Départ le 22 octobre, vendredi.", "22 octobre, vendredi", "2021-10-22", "", "day"},
		// feasts moving with Easter
		{"en", "2021-09-15", "It reopens two days after Easter.", "two days after Easter", "2021-04-06", "", "day"},
		{"fr", "2021-09-15", "Fermé le lundi de Pâques 2024.", "lundi de Pâques 2024", "2024-04-01", "", "day"},
		{"en", "2021-09-15", "The pilgrims came for Pentecost 2019.", "Pentecost 2019", "2019-06-09", "", "day"},
		{"en", "2021-09-15", "It ends 2 years from today.", "2 years from today", "2023-09-15", "", "day"},
		{"fr", "2021-09-15", "Il rentre trois jours après Noël.", "trois jours après Noël", "2021-12-28", "", "day"},
		{"en", "2021-09-15", "The verdict comes in 3 days at 5pm.", "in 3 days at 5pm", "2021-09-18T17:00:00Z", "", "hour"},
		{"fr", "2021-09-15", "Le verdict tombera d'ici à la fin du mois.", "d'ici à la fin du mois", "2021-09-15", "2021-10-01", ""},
		// periods from the reference
		{"en", "2021-09-15", "A ruling is due within 3 weeks.", "within 3 weeks", "2021-09-15", "2021-10-06", ""},
		{"fr", "2021-09-15", "Une décision est attendue dans les 10 jours.", "dans les 10 jours", "2021-09-15", "2021-09-25", ""},
		{"en", "2021-09-15", "Pay by the end of next month.", "by the end of next month", "2021-09-15", "2021-11-01", ""},
		{"fr", "2021-09-15", "Il partira d'ici la fin de l'année.", "d'ici la fin de l'année", "2021-09-15", "2022-01", ""},
		{"en", "2021-09-15", "Schools stay shut for the rest of the week.", "rest of the week", "2021-09-15", "2021-09-20", "day"},
		{"fr", "2021-09-15", "Il pleuvra le reste de la semaine.", "reste de la semaine", "2021-09-15", "2021-09-20", "day"},
		{"en", "2021-09-15T10:00:00Z", "The last one hour was calm.", "The last one hour", "2021-09-15T09:00:00Z", "2021-09-15T10:00:00Z", "hour"},
		// parts of periods
		{"en", "2021-09-15", "Prices rise at the end of next month.", "at the end of next month", "2021-10-21", "2021-11-01", "day"},
		{"fr", "2021-09-15", "Le chantier finira fin de l'année prochaine.", "fin de l'année prochaine", "2022-09", "2023-01", "month"},
		{"fr", "2021-09-15", "Il est arrivé dans la matinée du 3 août.", "dans la matinée du 3 août", "2021-08-03T04:00:00Z", "2021-08-03T12:00:00Z", "hour"},
		{"en", "2021-09-15", "Shots were heard on the evening of August 3.", "the evening of August 3", "2021-08-03T18:00:00Z", "2021-08-04T00:00:00Z", "hour"},
		{"fr", "2021-09-15", "Il parlera plus tard dans la soirée.", "plus tard dans la soirée", "2021-09-15T18:00:00Z", "2021-09-16T00:00:00Z", "hour"},
		{"en", "2021-09-15", "He will speak later this evening.", "later this evening", "2021-09-15T18:00:00Z", "2021-09-16T00:00:00Z", "hour"},
		{"en", "2021-09-15", "They met last night.", "last night", "2021-09-14T18:00:00Z", "2021-09-15T00:00:00Z", "hour"},
		{"fr", "2021-09-15", "Rendez-vous la semaine du 4 octobre.", "la semaine du 4 octobre", "2021-10-04", "2021-10-11", "week"},
		{"en", "2021-09-15", "Talks are set for the week of October 3rd.", "the week of October 3rd", "2021-10-04", "2021-10-11", "week"},
		{"fr", "2021-09-15", "Fermé demain jusqu'à 16h.", "demain jusqu'à 16h", "2021-09-16T00:00:00Z", "2021-09-16T17:00:00Z", "hour"},
		{"en", "2021-09-15", "Closed tomorrow until 4pm.", "tomorrow until 4pm", "2021-09-16T00:00:00Z", "2021-09-16T17:00:00Z", "hour"},
		{"en", "2021-09-15", "The fair runs from the 3 to 5 May.", "from the 3 to 5 May", "2021-05-03", "2021-05-06", "day"},
		{"en", "2021-09-15", "It ran May third - fifth, 2010.", "May third - fifth, 2010", "2010-05-03", "2010-05-06", "day"},
		// times of day
		{"en", "2021-09-15", "The train left at 3:20p.", "at 3:20p", "2021-09-15T15:20:00Z", "", "minute"},
		{"fr", "2021-09-15", "RDV à 6.13 AM.", "à 6.13 AM", "2021-09-15T06:13:00Z", "", "minute"},
		{"fr", "2021-09-15", "Ouvert de 13-15h.", "de 13-15h", "2021-09-15T13:00:00Z", "2021-09-15T16:00:00Z", "hour"},
		{"fr", "2021-09-15", "Il est rentré à 5h du mat.", "à 5h du mat", "2021-09-15T05:00:00Z", "", "hour"},
		{"en", "2021-09-15", "The store opens 12-3am.", "12-3am", "2021-09-15T00:00:00Z", "2021-09-15T04:00:00Z", "hour"},
		{"en", "2021-09-15", "They met at four twenty.", "at four twenty", "2021-09-15T04:20:00Z", "", "minute"},
		{"en", "2021-09-15", "It starts nine forty-five pm.", "nine forty-five pm", "2021-09-15T21:45:00Z", "", "minute"},
		{"en", "2021-09-15", "Lunch is at 11 45.", "at 11 45", "2021-09-15T11:45:00Z", "", "minute"},
		{"en", "2021-09-15", "The shop closes at six p.m.", "at six p.m.", "2021-09-15T18:00:00Z", "", "hour"},
		{"en", "2021-09-15", "The concert is in the evening at nine.", "in the evening at nine", "2021-09-15T21:00:00Z", "", "hour"},
		{"fr", "2021-09-15", "Réunion après-midi à 4.", "après-midi à 4", "2021-09-15T16:00:00Z", "", "hour"},
		{"en", "2021-09-15", "The plane lands at 19h.", "at 19h", "2021-09-15T19:00:00Z", "", "minute"},
		// "next Friday" in English is the Friday of next week; "vendredi
		// prochain" the coming one
		{"en", "2021-09-15", "The vote is next Friday.", "next Friday", "2021-09-24", "", "day"},
		{"fr", "2021-09-15", "Le vote a lieu vendredi prochain.", "vendredi prochain", "2021-09-17", "", "day"},
		{"en", "2021-09-15", "Reports are due by EOD.", "by EOD", "2021-09-15", "2021-09-16", ""},
		{"fr", "2021-09-15", "Le concert a lieu ce vendredi soir à 20 heures.", "ce vendredi soir à 20 heures", "2021-09-17T20:00:00Z", "", "hour"},
		{"en", "2021-09-15", "He flies next Monday at 9am.", "next Monday at 9am", "2021-09-20T09:00:00Z", "", "hour"},
		{"fr", "2021-09-15", "Les travaux ont lieu la deuxième quinzaine d'octobre.", "la deuxième quinzaine d'octobre", "2021-10-15", "2021-11-01", "day"},
		{"fr", "2021-09-15", "Livraison la première quinzaine de mai 2022.", "la première quinzaine de mai 2022", "2022-05-01", "2022-05-15", "day"},
		{"en", "2021-09-15", "The law applies from November after next.", "November after next", "2022-11", "", "month"},
		{"en", "2021-09-15", "Valid 2021-10-01 08:00:00/2021-10-02 18:30:00 only.", "2021-10-01 08:00:00/2021-10-02 18:30:00", "2021-10-01T08:00:00Z", "2021-10-02T18:30:01Z", "second"},
		{"fr", "2021-09-15", "Rendez-vous le 2/10.", "le 2/10", "2021-10-02", "", "day"},
		{"en", "2021-09-15", "Riots broke out this morning.", "this morning", "2021-09-15T00:00:00Z", "2021-09-15T12:00:00Z", "hour"},
		{"fr", "2021-09-15", "Il est sorti ce matin.", "ce matin", "2021-09-15T04:00:00Z", "2021-09-15T12:00:00Z", "hour"},
		{"fr", "2021-09-15", "Le couvre-feu tombe ce soir à minuit.", "ce soir à minuit", "2021-09-16T00:00:00Z", "", "hour"},
		{"en", "2021-09-15", "Bars close tonight at 12.", "tonight at 12", "2021-09-16T00:00:00Z", "", "hour"},
		{"en", "2021-09-15", "Posted 28 Oct 2014 16:39:01 +0000 by the desk.", "28 Oct 2014 16:39:01 +0000", "2014-10-28T16:39:01Z", "", "second"},
		{"en", "2021-09-15", "The curfew runs from 10pm to 2am.", "from 10pm to 2am", "2021-09-15T22:00:00Z", "2021-09-16T03:00:00Z", "hour"},
		{"fr", "2021-09-15", "Le couvre-feu va de 22h à 2h.", "de 22h à 2h", "2021-09-15T22:00:00Z", "2021-09-16T03:00:00Z", "hour"},
		{"en", "2021-09-15", "Targets are set at the BOY.", "at the BOY", "2021-01", "2021-04", "month"},
	}
	for _, tt := range tests {
		ds := Find(tt.text, tt.lang, mustDate(t, tt.ref), Options{})
		if len(ds) == 0 {
			t.Errorf("%q: nothing found", tt.text)
			continue
		}
		d := ds[0]
		until := ""
		if !d.Until.IsZero() {
			until = d.Until.String()
		}
		if d.Text != tt.want || d.Value.String() != tt.value || until != tt.until || tt.grain != "" && d.Grain != tt.grain {
			t.Errorf("%q: got %q %s until %q grain %s; want %q %s until %q grain %s", tt.text, d.Text, d.Value.String(), until, d.Grain, tt.want, tt.value, tt.until, tt.grain)
		}
	}
}

// TestComposeOptions checks the conventions added for other parsers'
// test sets, and that the news reading leaves those expressions alone.
func TestComposeOptions(t *testing.T) {
	ref := mustDate(t, "2021-09-15T10:00:00Z")
	for _, tc := range []struct {
		lang, text string
		opt        Options
		want       string // Value of the first expression; "" when none
	}{
		{"fr", "la veille", Options{Anaphora: true}, "2021-09-14"},
		{"fr", "la veille", Options{}, ""},
		{"fr", "le lendemain", Options{Anaphora: true}, "2021-09-16"},
		{"fr", "le lendemain", Options{}, ""},
		{"fr", "la veille au soir", Options{Anaphora: true}, "2021-09-14T18:00:00Z"},
		{"en", "at the end of the following week", Options{Anaphora: true}, "2021-09-24"},
		{"en", "at the end of the following week", Options{}, ""},
		{"en", "3/4/2021", Options{DayFirst: true}, "2021-04-03"},
		{"en", "3/4/2021", Options{}, "2021-03-04"},
		{"en", "tomorrow", Options{Offsets: OffsetInstant}, "2021-09-16T10:00:00Z"},
		{"en", "tomorrow", Options{}, "2021-09-16"},
		{"en", "last night", Options{DayParts: DayPartHour}, "2021-09-14T00:00:00Z"},
		{"en", "maintenant", Options{Now: true}, ""},
		{"fr", "maintenant", Options{Now: true}, "2021-09-15T10:00:00Z"},
		// Duckling: an hour of a 12-hour clock already past is the
		// afternoon's
		{"en", "at 9:20", Options{Future: true}, "2021-09-15T21:20:00Z"},
		{"en", "at 9:20", Options{}, "2021-09-15T09:20:00Z"},
		{"en", "the next few days", Options{Few: true}, "2021-09-16"},
		{"en", "the next few days", Options{}, ""},
		// chrono's forward dates: a time already past is tomorrow's
		{"en", "at 9am", Options{Future: true, Offsets: OffsetInstant}, "2021-09-16T09:00:00Z"},
		{"en", "at 10:00", Options{Future: true}, "2021-09-15T10:00:00Z"},
	} {
		ds := Find(tc.text, tc.lang, ref, tc.opt)
		got := ""
		if len(ds) > 0 {
			got = ds[0].Value.String()
		}
		if got != tc.want {
			t.Errorf("%s %q %+v: got %+v, want %q", tc.lang, tc.text, tc.opt, ds, tc.want)
		}
	}
}

// TestComposeNoFalseDates lists text near the new constructions that holds
// no date.
func TestComposeNoFalseDates(t *testing.T) {
	ref := veille.Date{Time: time.Date(2021, 9, 15, 0, 0, 0, 0, time.UTC), Precision: veille.PrecisionDay}
	for _, tc := range []struct{ lang, text string }{
		{"en", "He bought an AM radio and one AM set."},
		{"en", "The rest of the team stayed; the rest of us left."},
		{"en", "He was killed by the end of the war."},
		{"fr", "Au soir de sa vie, il assurait la veille technologique."},
		{"fr", "Le lendemain de la fête, la veille des élections."},
		{"en", "They flew to Easter Island and the following year to Peru."},
		{"en", "The score was 3/4 at halftime, in a 7p shop."},
		{"en", "Twenty five people and ten thirty year olds came."},
		{"en", "He sat at 10 20 people tables."},
		{"en", "The following week he resigned; the day after he left."},
		{"fr", "Il a obtenu le 2/3 des voix et le 3/4 de la salle."},
		{"en", "His last night in the flat and the team's last night out were calm; the previous night too."},
	} {
		if ds := Find(tc.text, tc.lang, ref, Options{}); len(ds) > 0 {
			t.Errorf("%q: found %+v", tc.text, ds)
		}
	}
}

// TestSentenceYear checks that a day written without its year takes the
// year of a date written in full before it in the same sentence, and only
// there.
func TestSentenceYear(t *testing.T) {
	ref := veille.Date{Time: time.Date(2021, 9, 15, 0, 0, 0, 0, time.UTC), Precision: veille.PrecisionDay}
	for _, tc := range []struct{ lang, text, want string }{
		{"en", "Talks opened on Jan 4, 2016 and closed on Dec 20.", "2016-12-20"},
		{"fr", "Le procès a commencé le 4 janvier 2016 et fini le 20 décembre.", "2016-12-20"},
		{"en", "Talks opened on Jan 4, 2016. They resume on Dec 20.", "2021-12-20"},
	} {
		ds := Find(tc.text, tc.lang, ref, Options{})
		if len(ds) != 2 || ds[1].Value.String() != tc.want {
			t.Errorf("%q: got %+v, want the second date %s", tc.text, ds, tc.want)
		}
	}
}

// TestComposeBounds checks that a part of the day does not take in an
// indefinite night or an article read as an hour.
func TestComposeBounds(t *testing.T) {
	ref := veille.Date{Time: time.Date(2021, 9, 15, 0, 0, 0, 0, time.UTC), Precision: veille.PrecisionDay}
	for _, tc := range []struct{ lang, text, want string }{
		{"en", "One night at 2am he woke.", "at 2am"},
		{"en", "He spoke this afternoon at a press event.", "this afternoon"},
		{"fr", "Une nuit à 2h, il partit.", "à 2h"},
	} {
		ds := Find(tc.text, tc.lang, ref, Options{})
		if len(ds) != 1 || ds[0].Text != tc.want {
			t.Errorf("%q: got %+v, want only %q", tc.text, ds, tc.want)
		}
	}
}
