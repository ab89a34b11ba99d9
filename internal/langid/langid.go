// Package langid identifies the language of an article text, for articles
// whose metadata does not say it. It wraps github.com/abadojack/whatlanggo
// (trigram profiles of 84 languages, ~3 MB of binary), chosen over
// lingua-go (+126 MB of binary) because articles are long: on the corpus,
// whose languages are known, it is right on nearly every article (see
// langid_test.go, which measures it).
//
//	lang, conf := langid.Detect(text) // "fr", 0.97
package langid

import (
	"strings"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// sampleBytes bounds the text looked at: a few paragraphs decide the
// language of a long article, and detection cost grows with length.
const sampleBytes = 1024

// options restricts detection to the languages news is commonly
// published in: on short texts (feed summaries) the full set of 84 profiles
// confuses English with Afrikaans, Danish or Tagalog.
var options = whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}}

func init() {
	want := map[string]bool{}
	for _, c := range []string{"en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "ar", "fa", "tr", "pl",
		"zh", "ja", "ko", "hi", "ur", "bn", "sw", "ha", "yo", "am", "so", "id", "ro", "sv", "da", "nb", "el", "he",
		"cs", "hu", "fi", "vi", "th"} {
		want[c] = true
	}
	for l := whatlanggo.Lang(0); l < 200; l++ {
		if want[l.Iso6391()] {
			options.Whitelist[l] = true
		}
	}
}

// MinConfidence is the confidence below which Detect reports no language.
const MinConfidence = 0.01

// Detect returns the ISO 639-1 code of text's language and the detector's
// confidence in [0, 1]; "" when the text is too short or the detector is
// unsure (confidence below MinConfidence).
func Detect(text string) (string, float64) {
	if len(text) > sampleBytes {
		cut := sampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if utf8.RuneCountInString(text) < 12 {
		return "", 0
	}
	info := whatlanggo.DetectWithOptions(strings.ToLower(text), options)
	code := info.Lang.Iso6391()
	conf := info.Confidence
	// whatlanggo's confidence turns negative on long texts; its answer is
	// still its best. Bound it to [0, 1].
	conf = max(0, min(1, conf))
	if code == "" || (conf < MinConfidence && len(text) < 200) {
		return "", conf
	}
	return code, conf
}
