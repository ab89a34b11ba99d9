package lexicon

import "testing"

// TestKeyFilter checks that the filter in front of Names and Continues
// lets every key of the maps through, and stops most other keys.
func TestKeyFilter(t *testing.T) {
	lx := Default()
	for k, es := range lx.names {
		if got := lx.Names(k); len(got) != len(es) {
			t.Fatalf("Names(%q): %d entries, want %d", k, len(got), len(es))
		}
	}
	for k := range lx.prefixes {
		if !lx.Continues(k) {
			t.Fatalf("Continues(%q) is false", k)
		}
		if es, more := lx.Lookup(k); len(es) == 0 && !more || len(es) > 0 && more {
			t.Fatalf("Lookup(%q): %d entries, continues %v", k, len(es), more)
		}
	}
	for _, k := range []string{"france", "new", "zqzqzq"} {
		es, more := lx.Lookup(k)
		if len(es) != len(lx.Names(k)) || more != (len(es) == 0 && lx.Continues(k)) {
			t.Errorf("Lookup(%q): %d entries, continues %v; Names gives %d, Continues %v", k, len(es), more, len(lx.Names(k)), lx.Continues(k))
		}
	}
	passed := 0
	const n = 20000
	for i := range n {
		if lx.keys.may(lx, "zq"+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676))) {
			passed++
		}
	}
	if passed > n/10 {
		t.Errorf("%d of %d absent keys pass the filter", passed, n)
	}
}
