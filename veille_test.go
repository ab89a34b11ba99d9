package veille

import "testing"

func TestNormalizeLang(t *testing.T) {
	for in, want := range map[string]string{
		"fr": "fr", "FR": "fr", "en-US": "en", "en_GB": "en", "fra": "fr", "French": "fr",
		" de ; q=0.8": "de", "xx-YY-zz": "", "xx": "", "zz": "", "": "", "banana": "", "f": "",
	} {
		if got := NormalizeLang(in); got != want {
			t.Errorf("NormalizeLang(%q) = %q, want %q", in, got, want)
		}
	}
}
