package lexicon

import (
	"runtime"
	"testing"
)

func TestTowns(t *testing.T) {
	lx := Default()
	ts := lx.TownsNamed(Key("Dunshaughlin"))
	if len(ts) != 1 || ts[0].ID != 2964472 || ts[0].Country != "IE" || ts[0].Lat < 53 || ts[0].Lat > 54 {
		t.Errorf("Dunshaughlin: %+v", ts)
	}
	if es := lx.Names(Key("Dunshaughlin")); len(es) != 0 {
		t.Errorf("a town of towns.tsv among Names: %+v", es)
	}
	// No town of Cities is listed again.
	ids := map[int]bool{}
	for _, c := range lx.Cities {
		ids[c.ID] = true
	}
	for _, c := range lx.towns().list {
		if ids[c.ID] {
			t.Fatalf("%d %s is in both cities.tsv and towns.tsv", c.ID, c.Name)
		}
	}
}

func TestTownsMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tw := loadTowns()
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("towns: %d towns, %d names; heap %.1f MB", len(tw.list), len(tw.named), mb)
	if mb > 60 {
		t.Errorf("towns take %.1f MB, limit 60", mb)
	}
	runtime.KeepAlive(tw)
}

// TestDemonymPairs checks that a field naming two demonyms at once
// ("Bosnian, Herzegovinian") gives each.
func TestDemonymPairs(t *testing.T) {
	lx := Default()
	for _, name := range []string{"Bosnian", "Herzegovinian"} {
		found := false
		for _, e := range lx.Names(Key(name)) {
			found = found || e.Kind == KindDemonym && lx.Countries[e.Index].Code == "BA"
		}
		if !found {
			t.Errorf("%s: not a demonym of BA: %v", name, lx.Names(Key(name)))
		}
	}
}
