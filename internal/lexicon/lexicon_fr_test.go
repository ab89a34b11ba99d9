package lexicon

import "testing"

func TestFrench(t *testing.T) {
	cases := []struct {
		w          string
		want, none FrWord
	}{
		{"Mozart", FrSurname, FrCommon},
		{"Thaddée", FrFirst, FrCommon},
		{"Dieu", FrProper, 0},
		{"État", FrCommon, 0},
		{"Républiques", FrCommon, 0},
		{"cherchent", FrCommon, 0},
		{"Grandes", FrCommon, 0},
		{"Plumqwert", 0, FrCommon | FrSurname | FrFirst | FrProper},
	}
	for _, w := range []string{"Gateway", "fringe"} {
		if !English(w) {
			t.Errorf("English(%q) = false", w)
		}
	}
	for _, w := range []string{"Paris", "maison", "Plumqwert"} {
		if English(w) {
			t.Errorf("English(%q) = true", w)
		}
	}
	for _, c := range cases {
		got := French(c.w)
		if got&c.want != c.want || got&c.none != 0 {
			t.Errorf("French(%q) = %04b, want bits %04b and not %04b", c.w, got, c.want, c.none)
		}
	}
}
