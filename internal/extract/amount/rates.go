package amount

import (
	"math"

	"github.com/veille/veille"
)

//go:generate go run gen_rates.go -dir package -version 1.250929.1

// rateMonth is one row of rateTable.
type rateMonth struct {
	year, month int
	perUSD      []float64 // by rateCodes; 0 when unknown
}

// eurPegs are currencies at a fixed parity to the euro: units per euro.
// XOF and XAF: 655.957 since 1999 (the French franc's 100 CFA = 1 FRF);
// KMF 491.96775; CVE 110.265; BAM 1.95583 (a currency board at the Deutsche
// Mark's conversion rate).
var eurPegs = map[string]float64{"EUR": 1, "XOF": 655.957, "XAF": 655.957, "KMF": 491.96775, "CVE": 110.265, "BAM": 1.95583}

// euroLegacy are the currencies the euro replaced, at their irrevocable
// conversion rate (units per euro, fixed by Council Regulation (EC)
// 2866/98 and its amendments for each later member; the ECU one for one
// by Regulation (EC) 1103/97), from the day that rate took effect (year,
// month). Before it the rate floated: an article dated earlier
// gets no conversion.
var euroLegacy = map[string]struct {
	perEUR      float64
	year, month int
}{
	"ATS": {13.7603, 1999, 1}, "BEF": {40.3399, 1999, 1}, "DEM": {1.95583, 1999, 1},
	"ESP": {166.386, 1999, 1}, "FIM": {5.94573, 1999, 1}, "FRF": {6.55957, 1999, 1},
	"IEP": {0.787564, 1999, 1}, "ITL": {1936.27, 1999, 1}, "LUF": {40.3399, 1999, 1},
	"NLG": {2.20371, 1999, 1}, "PTE": {200.482, 1999, 1}, "GRD": {340.750, 2001, 1},
	"SIT": {239.640, 2007, 1}, "CYP": {0.585274, 2008, 1}, "MTL": {0.429300, 2008, 1},
	"SKK": {30.1260, 2009, 1}, "EEK": {15.6466, 2011, 1}, "LVL": {0.702804, 2014, 1},
	"LTL": {3.45280, 2015, 1}, "HRK": {7.53450, 2023, 1},
	"XEU": {1, 1999, 1}, // the ECU, replaced one for one
}

// pegAt returns the units of code per euro when that is fixed at date d:
// the pegs whatever the date, a currency the euro replaced once its rate
// was fixed (never for an undated article).
func pegAt(code string, d veille.Date) (float64, bool) {
	if peg, ok := eurPegs[code]; ok {
		return peg, true
	}
	l, ok := euroLegacy[code]
	if !ok || d.IsZero() {
		return 0, false
	}
	y, m := d.Time.Year(), int(d.Time.Month())
	if d.Precision == veille.PrecisionYear {
		m = 12 // a year-only date allows the rate if its last month does
	}
	if y < l.year || y == l.year && m < l.month {
		return 0, false
	}
	return l.perEUR, true
}

// rateIndex returns the column of code in rateTable, -1 when absent.
// Amounts in an article published after the table's last month (or
// undated) convert only between the euro and its pegs.
func rateIndex(code string) int {
	for i, c := range rateCodes {
		if c == code {
			return i
		}
	}
	return -1
}

// perUSD returns units of code per US dollar at date d (its month, or the
// average of its year when only the year is known), false when unknown.
func perUSD(code string, d veille.Date) (float64, bool) {
	if code == "USD" {
		return 1, true
	}
	k := rateIndex(code)
	if k < 0 || d.IsZero() {
		return 0, false
	}
	y, m := d.Time.Year(), int(d.Time.Month())
	yearOnly := d.Precision == veille.PrecisionYear
	sum, n := 0.0, 0
	for _, row := range rateTable {
		if row.year != y || !yearOnly && row.month != m {
			continue
		}
		if v := row.perUSD[k]; v > 0 {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// convert returns value in euros and in dollars at date d; each is nil when
// it cannot be computed without inventing a rate. Pegs to the euro convert
// to euros whatever the date, the currencies the euro replaced from the
// day their rate was fixed (euroLegacy).
func convert(value float64, code string, d veille.Date) (eur, usd *float64) {
	toEUR := func() (float64, bool) { // euros per unit
		if peg, ok := pegAt(code, d); ok {
			return 1 / peg, true
		}
		c, ok1 := perUSD(code, d)
		e, ok2 := perUSD("EUR", d)
		if !ok1 || !ok2 {
			return 0, false
		}
		return e / c, true
	}
	if r, ok := toEUR(); ok {
		eur = cents(value * r)
	}
	if code == "USD" {
		usd = cents(value)
	} else if peg, ok := pegAt(code, d); ok {
		if e, ok := perUSD("EUR", d); ok {
			usd = cents(value / peg / e)
		}
	} else if c, ok := perUSD(code, d); ok {
		usd = cents(value / c)
	}
	return eur, usd
}

// cents rounds v to the hundredth (a converted sum is no more precise
// than its rate); sums of 10^13 or more are kept as computed, as a float
// holds no cents there.
func cents(v float64) *float64 {
	if math.Abs(v) < 1e13 {
		v = math.Round(v*100) / 100
	}
	return &v
}
