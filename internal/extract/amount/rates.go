package amount

import "github.com/veille/veille"

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
// to euros whatever the date.
func convert(value float64, code string, d veille.Date) (eur, usd *float64) {
	toEUR := func() (float64, bool) { // euros per unit
		if peg, ok := eurPegs[code]; ok {
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
		v := value * r
		eur = &v
	}
	if code == "USD" {
		v := value
		usd = &v
	} else if peg, ok := eurPegs[code]; ok {
		if e, ok := perUSD("EUR", d); ok {
			v := value / peg / e
			usd = &v
		}
	} else if c, ok := perUSD(code, d); ok {
		v := value / c
		usd = &v
	}
	return eur, usd
}
