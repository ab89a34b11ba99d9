package lexicon

import (
	"runtime"
	"testing"
)

func TestNames(t *testing.T) {
	lx := Default()
	cases := []struct {
		name string
		kind Kind
		want string // country code, or city name
	}{
		{"le Mali", 0, ""},
		{"Mali", KindCountry, "ML"},
		{"malienne", KindDemonym, "ML"},
		{"Malian", KindDemonym, "ML"},
		{"Russie", KindCountry, "RU"},
		{"russes", KindDemonym, "RU"},
		{"Centrafrique", KindCountry, "CF"},
		{"Central African Republic", KindCountry, "CF"},
		{"République centrafricaine", KindCountry, "CF"},
		{"Etats-Unis", KindCountry, "US"},
		{"États-Unis", KindCountry, "US"},
		{"U.S.", KindCountry, "US"},
		{"Côte d’Ivoire", KindCountry, "CI"},
		{"Arabie saoudite", KindCountry, "SA"},
		{"Moscou", KindCity, "Moscow"},
		{"Londres", KindCity, "London"},
		{"Pékin", KindCity, "Beijing"},
		{"Bamako", KindCity, "Bamako"},
		{"Abu Dhabi", KindCity, "Abu Dhabi"},
	}
	for _, c := range cases {
		es := lx.Names(Key(c.name))
		if c.kind == 0 {
			if len(es) != 0 {
				t.Errorf("%q: got %v, want nothing", c.name, es)
			}
			continue
		}
		found := false
		for _, e := range es {
			if e.Kind != c.kind {
				continue
			}
			switch e.Kind {
			case KindCountry, KindDemonym:
				found = found || lx.Countries[e.Index].Code == c.want
			case KindCity:
				found = found || lx.Cities[e.Index].Name == c.want
			}
		}
		if !found {
			t.Errorf("%q: got %v, want kind %d %s", c.name, es, c.kind, c.want)
		}
	}
	if !lx.Is(Key("porte-parole"), ClassRole) || !lx.Is(Key("Selon"), ClassFunc) {
		t.Error("word classes missing")
	}
	if !lx.FirstName("John") {
		t.Error("first name John missing")
	}
}

func TestMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	lx, err := load()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("lexicon: %d countries, %d cities, %d orgs, %d names; heap %.1f MB", len(lx.Countries), len(lx.Cities), len(lx.Orgs), len(lx.names), mb)
	if mb > 150 {
		t.Errorf("lexicon takes %.1f MB, limit 150", mb)
	}
	runtime.KeepAlive(lx)
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMinor(t *testing.T) {
	lx := Default()
	for name, want := range map[string]bool{"Estissac": true, "Bamako": false, "Moscou": false} {
		es := lx.Names(Key(name))
		if len(es) == 0 {
			t.Errorf("%s: not in the gazetteer", name)
			continue
		}
		if es[0].Minor != want {
			t.Errorf("%s: Minor = %v, want %v", name, es[0].Minor, want)
		}
	}
}
