package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/encoding/charmap"

	"github.com/veille/veille"
)

// latin1 encodes s in ISO-8859-1 (windows-1252).
func latin1(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// encodeIn encodes s in the 8-bit charmap cm.
func encodeIn(t testing.TB, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const longText = "The regional bloc met for a second day. Ministers discussed the timetable of the transition, " +
	"the reopening of the borders and the fate of the detained president, whose family asked for access. " +
	"Diplomats said the talks would resume next week in the capital, and that sanctions would stay in force " +
	"until a date for elections was set. Observers noted that the junta had named a civilian prime minister, " +
	"a former finance minister, and that several parties had been suspended. Trade unions called for calm. " +
	"Aid groups warned that the closure of the borders was already raising food prices in the markets. " +
	"Late in the evening, a joint statement called on all sides to keep the dialogue open and to free detainees."

const rss2Feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Le Quotidien du Sahel</title>
  <link>https://sahel.example/</link>
  <language>fr-FR</language>
  <item>
    <title>Réunion à Niamey</title>
    <link>https://sahel.example/niamey</link>
    <guid isPermaLink="false">sahel-1</guid>
    <pubDate>Tue, 01 Aug 2023 10:30:00 +0000</pubDate>
    <dc:creator>Aïcha Diallo</dc:creator>
    <description>Résumé court.</description>
    <content:encoded><![CDATA[<p>` + longText + `</p>]]></content:encoded>
  </item>
  <item>
    <title>Second article</title>
    <link>https://sahel.example/second</link>
    <guid>https://sahel.example/second</guid>
    <dc:language>en</dc:language>
    <description>` + longText + `</description>
  </item>
  <item>
    <title>Brève</title>
    <link>https://sahel.example/breve</link>
    <description>Un &lt;b&gt;court&lt;/b&gt; résumé de la brève.</description>
  </item>
</channel>
</rss>`

// resultsOfFeed reads data with the feed reader.
func resultsOfFeed(t testing.TB, name string, data []byte, opts Options) []Result {
	t.Helper()
	var out []Result
	if err := readFeed(context.Background(), name, bytes.NewReader(data), opts, func(r Result) error {
		out = append(out, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestFeedRSS2(t *testing.T) {
	recs, skips, fails := split(resultsOfBytes(t, "sahel.rss", []byte(rss2Feed), DefaultOptions()))
	if len(fails)+len(skips) > 0 || len(recs) != 3 {
		t.Fatalf("records %d, skips %q, failures %q", len(recs), skips, fails)
	}
	r := recs[0]
	want := Record{Origin: "sahel.rss#0", Format: veille.FormatFeed, SourceID: "sahel-1", URL: "https://sahel.example/niamey",
		Outlet: "Le Quotidien du Sahel", Date: "2023-08-01T10:30:00Z", Lang: "fr-FR", Title: "Réunion à Niamey", Author: "Aïcha Diallo",
		Text: "<p>" + longText + "</p>", TextIsHTML: true}
	if *r != want {
		t.Errorf("item 0:\n got %+v\nwant %+v", *r, want)
	}
	if recs[1].Lang != "en" || recs[1].SourceID != "https://sahel.example/second" || recs[1].TextIsHTML || recs[1].Warning != "" {
		t.Errorf("item 1: %+v", recs[1])
	}
	if recs[2].Origin != "sahel.rss#2" || recs[2].Warning != warnSummaryNotFetched || !recs[2].TextIsHTML {
		t.Errorf("item 2 (summary only): %+v", recs[2])
	}
}

func TestFeedFormats(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      Record
	}{
		{"atom.xml", `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Nachrichten</title>
  <id>urn:uuid:feed</id>
  <entry>
    <title>Gespräche in Niamey</title>
    <id>urn:uuid:entry-1</id>
    <link rel="alternate" href="https://news.example/de/1"/>
    <updated>2023-08-02T09:00:00+02:00</updated>
    <author><name>Jürgen Schmidt</name></author>
    <summary>Kurz.</summary>
    <content type="html">&lt;p&gt;` + longText + `&lt;/p&gt;</content>
  </entry>
</feed>`, Record{SourceID: "urn:uuid:entry-1", URL: "https://news.example/de/1", Outlet: "Nachrichten", Date: "2023-08-02T07:00:00Z",
			Lang: "de", Title: "Gespräche in Niamey", Author: "Jürgen Schmidt", Text: "<p>" + longText + "</p>", TextIsHTML: true}},
		{"feed.json", `{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Nouvelles", "language": "fr",
  "items": [{"id": "j-1", "url": "https://news.example/j/1", "title": "Élection", "language": "wo",
    "content_text": "` + longText + `", "date_published": "2023-08-03T08:00:00Z", "authors": [{"name": "Ndèye Sarr"}]}]}`,
			Record{SourceID: "j-1", URL: "https://news.example/j/1", Outlet: "JSON Nouvelles", Date: "2023-08-03T08:00:00Z",
				Lang: "wo", Title: "Élection", Author: "Ndèye Sarr", Text: longText}},
		{"news.rdf", `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Ticker</title><link>https://rdf.example/</link><dc:language>de</dc:language></channel>
  <item rdf:about="https://rdf.example/1">
    <title>Übernahme</title>
    <link>https://rdf.example/1</link>
    <description>` + longText + `</description>
    <dc:date>2023-08-04T06:00:00Z</dc:date>
    <dc:creator>Anna Weiß</dc:creator>
  </item>
</rdf:RDF>`, Record{URL: "https://rdf.example/1", Outlet: "RDF Ticker", Date: "2023-08-04T06:00:00Z", Lang: "de",
			Title: "Übernahme", Author: "Anna Weiß", Text: longText}},
		{"old.rss", `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Vieux flux</title><language>fr</language>
  <item><title>Ancien</title><link>https://old.example/1</link><description>` + longText + `</description></item>
</channel></rss>`, Record{URL: "https://old.example/1", Outlet: "Vieux flux", Lang: "fr", Title: "Ancien", Text: longText}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs, skips, fails := split(resultsOfBytes(t, tc.name, []byte(tc.doc), DefaultOptions()))
			if len(fails)+len(skips) > 0 || len(recs) != 1 {
				t.Fatalf("records %d, skips %q, failures %q", len(recs), skips, fails)
			}
			want := tc.want
			want.Origin, want.Format = tc.name+"#0", veille.FormatFeed
			if *recs[0] != want {
				t.Errorf("\n got %+v\nwant %+v", *recs[0], want)
			}
		})
	}
}

func TestFeedEncodings(t *testing.T) {
	item := func(title string) string {
		return `<rss version="2.0"><channel><title>Flux</title><item><title>` + title +
			`</title><link>https://x.example/1</link><description>` + longText + `</description></item></channel></rss>`
	}
	for _, tc := range []struct {
		name        string
		doc         []byte
		httpCharset string
		want        string
	}{
		{"Latin-1 without declaration", latin1(t, item("Élection présidentielle à Bamako")), "", "Élection présidentielle à Bamako"},
		{"Latin-1 declared UTF-8", append([]byte(`<?xml version="1.0" encoding="utf-8"?>`), latin1(t, item("Jürgen à Anaïs"))...), "", "Jürgen à Anaïs"},
		{"UTF-8 declared ISO-8859-1", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?>` + item("Café ∑ Ωmega")), "", "Café ∑ Ωmega"},
		{"windows-1252 declared", append([]byte(`<?xml version="1.0" encoding="windows-1252"?>`), latin1(t, item("Prix : 5 € – “citation”"))...), "", "Prix : 5 € – “citation”"},
		{"windows-1251 declared", append([]byte(`<?xml version="1.0" encoding="windows-1251"?>`), encodeIn(t, charmap.Windows1251, item("Новости Бамако"))...), "", "Новости Бамако"},
		{"KOI8-R declared", append([]byte(`<?xml version='1.0' encoding='KOI8-R'?>`), encodeIn(t, charmap.KOI8R, item("Ёжик в тумане"))...), "", "Ёжик в тумане"},
		{"HTTP charset over the declaration", append([]byte(`<?xml version="1.0" encoding="iso-8859-1"?>`), encodeIn(t, charmap.Windows1251, item("Привет"))...), "windows-1251", "Привет"},
		{"unknown label, UTF-8 bytes", []byte(`<?xml version="1.0" encoding="no-such-charset"?>` + item("Café")), "", "Café"},
		{"UTF-8 with a stray byte", []byte(item("Café à Niamey, été \xff")), "", "Café à Niamey, été \uFFFD"},
		{"UTF-8 byte order mark", []byte("\xef\xbb\xbf" + item("Café")), "", "Café"},
		{"control characters", []byte(item("Caf\x10é\x00")), "", "Café"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []Result
			err := readFeedDoc(context.Background(), "enc.xml", bytes.NewReader(tc.doc), tc.httpCharset, DefaultOptions(), func(r Result) error {
				got = append(got, r)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			recs, skips, fails := split(got)
			if len(recs) != 1 {
				t.Fatalf("records %d, skips %q, failures %q", len(recs), skips, fails)
			}
			if recs[0].Title != tc.want {
				t.Errorf("title %q, want %q", recs[0].Title, tc.want)
			}
		})
	}
}

func TestFeedUTF16(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Flux</title><item><title>Été</title><link>https://x.example/</link></item></channel></rss>`
	le := []byte{0xff, 0xfe}
	for _, r := range doc {
		le = append(le, byte(r), byte(r>>8))
	}
	recs, _, fails := split(resultsOfFeed(t, "utf16.xml", le, DefaultOptions()))
	if len(recs) != 1 || recs[0].Title != "Été" {
		t.Fatalf("records %+v, failures %q", recs, fails)
	}
}

func TestFeedSkipsAndFailures(t *testing.T) {
	for _, tc := range []struct {
		name, doc, skip, fail string
	}{
		{"empty.rss", `<rss version="2.0"><channel><title>Rien</title></channel></rss>`, "feed has no items", ""},
		{"empty.atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>Rien</title></feed>`, "feed has no items", ""},
		{"empty.json", `{"version": "https://jsonfeed.org/version/1", "title": "Rien", "items": []}`, "feed has no items", ""},
		{"note.xml", `<?xml version="1.0"?><note><to>Anaïs</to></note>`, "not a feed (XML whose root element is <note>)", ""},
		{"page.xml", `<!DOCTYPE html><html><body><p>Bonjour</p></body></html>`, "not a feed (an HTML page)", ""},
		{"data.json", `{"title": "no version"}`, "not a feed (JSON without a JSON Feed version)", ""},
		{"words.rss", `just words`, "not a feed (neither XML nor JSON)", ""},
		{"truncated.rss", `<rss version="2.0"><channel><title>Coupé</title><item><title>Début`, "", "truncated.rss: broken XML in RSS feed"},
		{"garbled.rss", `<rss version="2.0"><channel><item><title>x</title><<</item></channel></rss>`, "", "garbled.rss: broken XML in RSS feed"},
		{"prolog-only.xml", `<?xml version="1.0"?><!-- nothing -->`, "", "prolog-only.xml: broken XML: no root element"},
		{"broken.json", `{"version": "https://jsonfeed.org/version/1", "items": [`, "", "broken.json: broken JSON feed"},
		{"blank.rss", "  \n ", "", "blank.rss: empty input"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs, skips, fails := split(resultsOfFeed(t, tc.name, []byte(tc.doc), DefaultOptions()))
			if len(recs) != 0 {
				t.Errorf("records %+v", recs)
			}
			if tc.skip != "" && (len(skips) != 1 || skips[0] != tc.skip || len(fails) != 0) {
				t.Errorf("skips %q, failures %q; want skip %q", skips, fails, tc.skip)
			}
			if tc.fail != "" && (len(fails) != 1 || !strings.HasPrefix(fails[0], tc.fail) || len(skips) != 0) {
				t.Errorf("skips %q, failures %q; want failure %q…", skips, fails, tc.fail)
			}
		})
	}
	// An empty item is skipped alone; its neighbours are read.
	doc := `<rss version="2.0"><channel><title>F</title><item><title>Un</title></item><item><title> </title><link></link></item><item><title>Trois</title></item></channel></rss>`
	recs, skips, fails := split(resultsOfFeed(t, "holes.rss", []byte(doc), DefaultOptions()))
	if len(recs) != 2 || len(fails) != 0 || len(skips) != 1 || skips[0] != "feed item has neither text nor title" {
		t.Errorf("records %d, skips %q, failures %q", len(recs), skips, fails)
	}
}

// TestFeedEntityBomb checks that entity definitions are never expanded:
// encoding/xml, which gofeed uses, keeps unknown entity references as
// text, so neither billion laughs nor quadratic blow-up costs time or
// memory.
func TestFeedEntityBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>` + "\n" + `<!DOCTYPE rss [` + "\n" + `<!ENTITY lol0 "lol">` + "\n")
	for i := 1; i <= 9; i++ {
		b.WriteString(`<!ENTITY lol` + string(rune('0'+i)) + ` "` + strings.Repeat("&lol"+string(rune('0'+i-1))+";", 10) + `">` + "\n")
	}
	b.WriteString(`<!ENTITY big "` + strings.Repeat("x", 50000) + `">` + "\n]>\n")
	b.WriteString(`<rss version="2.0"><channel><title>&lol9;</title><item><title>Bomb &lol9;</title><link>https://x.example/</link><description>`)
	b.WriteString(strings.Repeat("&big;", 20000))
	b.WriteString(`</description></item></channel></rss>`)
	doc := []byte(b.String())

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	recs, skips, fails := split(resultsOfFeed(t, "bomb.rss", doc, DefaultOptions()))
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)

	if elapsed > 5*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("allocated %d MB for a %d KB document", alloc>>20, len(doc)>>10)
	}
	for _, r := range recs {
		if len(r.Title) > 64 || len(r.Outlet) > 64 || len(r.Text) > len(doc) {
			t.Errorf("entities expanded: title %d bytes, outlet %d, text %d", len(r.Title), len(r.Outlet), len(r.Text))
		}
		t.Logf("title %q, outlet %q", r.Title, r.Outlet)
	}
	if len(recs)+len(skips)+len(fails) != 1 {
		t.Errorf("records %d, skips %q, failures %q", len(recs), skips, fails)
	}
}

func TestFeedHugeDocument(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxRecordBytes = 1 << 10
	doc := `<rss version="2.0"><channel><title>F</title><item><title>x</title><description>` + strings.Repeat("a", 8<<10) + `</description></item></channel></rss>`
	_, _, fails := split(resultsOfFeed(t, "huge.rss", []byte(doc), opts))
	if len(fails) != 1 || !strings.Contains(fails[0], ErrTooLarge.Error()) {
		t.Errorf("failures %q", fails)
	}
}

// mojibake reports text that was decoded in the wrong character set: UTF-8
// read as Latin-1 ("Ã©", "â€™", Cyrillic as "Ð…"), replacement
// characters, C1 controls.
func mojibake(s string) bool {
	if strings.ContainsRune(s, '\uFFFD') {
		return true
	}
	rs := []rune(s)
	for i, r := range rs {
		if r >= 0x80 && r <= 0x9f {
			return true
		}
		if i+1 < len(rs) && (r == 'Ã' || r == 'Â' || r == 'Ð' || r == 'Ñ' || r == 'â' || r == 'Ø' || r == 'Ù' || r == 'Ú' || r == 'Û') &&
			((rs[i+1] >= 0x80 && rs[i+1] <= 0xbf) || rs[i+1] == '€' || rs[i+1] == '‚' || rs[i+1] == '©' || rs[i+1] == '¨' || rs[i+1] == '§') {
			return true
		}
	}
	return false
}

// hasScript reports whether s holds a letter of the Unicode script tab.
func hasScript(s string, tab *unicode.RangeTable) bool {
	for _, r := range s {
		if unicode.Is(tab, r) {
			return true
		}
	}
	return false
}

// TestFeedMinifluxRealWorld reads the real feeds and encoding fixtures of
// miniflux's test data (in shared/, never copied here): every file reads
// without failure, accents come out right (no mojibake, the expected
// script), and files holding no items are skips with a reason.
func TestFeedMinifluxRealWorld(t *testing.T) {
	dir := "../../../shared/corpus/feeds-realworld-miniflux"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("miniflux feeds not found (%v): run from a work tree beside shared/", err)
	}
	type want struct {
		records int
		skip    string              // the skip of the file, if any
		script  *unicode.RangeTable // a script the titles must use
		letters string              // one of these must appear in the titles or texts
	}
	for s, want := range map[string]bool{"été": false, "Ã©tÃ©": true, "â€™": true, "ÐŸÑ€Ð¸": true, "Caf\uFFFD": true, "Москва": false} {
		if mojibake(s) != want {
			t.Fatalf("mojibake(%q) = %v", s, !want)
		}
	}
	latin := unicode.Latin
	wants := map[string]want{
		"encoding/testdata/invalid-prolog.xml":                {records: 1, letters: "é"},
		"encoding/testdata/iso-8859-1.xml":                    {skip: "feed has no items"},
		"encoding/testdata/koi8r.xml":                         {records: 2, script: unicode.Cyrillic, letters: "Ёё"},
		"encoding/testdata/utf8-incorrect-prolog.xml":         {records: 1, letters: "é"},
		"encoding/testdata/utf8.xml":                          {records: 1, letters: "é"},
		"encoding/testdata/windows-1252-incorrect-prolog.xml": {skip: "feed has no items"},
		"encoding/testdata/windows-1252.xml":                  {skip: "feed has no items"},
		"encoding/testdata/iso-8859-1.html":                   {skip: ErrNoArticle.Error()},
		"encoding/testdata/iso-8859-1-meta-after-1024.html":   {skip: ErrNoArticle.Error()},
		"encoding/testdata/utf8.html":                         {skip: ErrNoArticle.Error()},
		"encoding/testdata/utf8-meta-after-1024.html":         {skip: ErrNoArticle.Error()},
		"parser/testdata/encoding_ISO-8859-1.xml":             {records: 40, script: latin, letters: "äöüÄÖÜß"},
		"parser/testdata/encoding_WINDOWS-1251.xml":           {records: 50, script: unicode.Cyrillic},
		"parser/testdata/large_atom.xml":                      {records: 25, script: latin},
		"parser/testdata/large_rss.xml":                       {records: 25, script: latin},
		"parser/testdata/no_encoding_ISO-8859-1.xml":          {records: 9, skip: "feed item has neither text nor title", script: latin, letters: "éèàç"},
		"parser/testdata/rdf_UTF8.xml":                        {records: 60, script: latin, letters: "äöüß"},
		"parser/testdata/small_atom.xml":                      {records: 20, script: latin},
		"parser/testdata/urdu_UTF8.xml":                       {records: 26, script: unicode.Arabic},
		"xml/testdata/iso88591.xml":                           {skip: "not a feed (XML whose root element is <note>)"},
		"xml/testdata/iso88591_utf8_mismatch.xml":             {skip: "not a feed (XML whose root element is <note>)"},
		"xml/testdata/koi8r.xml":                              {records: 2, script: unicode.Cyrillic, letters: "Ёё"},
	}
	got := map[string][]Result{}
	root := filepath.Join(dir, "internal", "reader")
	err := Walk(context.Background(), []string{root}, DefaultOptions(), func(r Result) error {
		rel, _ := filepath.Rel(root, r.Origin)
		if i := strings.LastIndexByte(rel, '#'); i >= 0 {
			rel = rel[:i]
		}
		got[filepath.ToSlash(rel)] = append(got[filepath.ToSlash(rel)], r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range got {
		if _, ok := wants[name]; !ok {
			t.Errorf("%s: not expected (%d results)", name, len(got[name]))
		}
	}
	for name, w := range wants {
		recs, skips, fails := split(got[name])
		checkUTF8(t, recs)
		if len(fails) > 0 {
			t.Errorf("%s: failures %q", name, fails)
		}
		if len(recs) != w.records {
			t.Errorf("%s: %d records, want %d", name, len(recs), w.records)
		}
		if (w.skip == "") != (len(skips) == 0) || (w.skip != "" && (len(skips) != 1 || skips[0] != w.skip)) {
			t.Errorf("%s: skips %q, want %q", name, skips, w.skip)
		}
		var all strings.Builder
		for _, r := range recs {
			for _, s := range []string{r.Title, r.Text, r.Outlet, r.Author} {
				if mojibake(s) {
					t.Errorf("%s: mojibake in %q", r.Origin, s)
				}
				all.WriteString(s)
			}
			if r.Format != veille.FormatFeed {
				t.Errorf("%s: format %q", r.Origin, r.Format)
			}
		}
		if w.script != nil {
			for _, r := range recs {
				if r.Title != "" && !hasScript(r.Title, w.script) && w.script != latin {
					t.Errorf("%s: title %q is not in the expected script", r.Origin, r.Title)
				}
			}
		}
		if w.letters != "" && !strings.ContainsAny(all.String(), w.letters) {
			t.Errorf("%s: none of %q in the items", name, w.letters)
		}
	}

	// The fixtures without items still decode: their channel titles.
	for name, title := range map[string]string{
		"encoding/testdata/iso-8859-1.xml":                    "Café",
		"encoding/testdata/windows-1252.xml":                  "Euro €",
		"encoding/testdata/windows-1252-incorrect-prolog.xml": "Euro €",
	} {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		feed, _, _, err := parseFeed(b, "")
		if err != nil || feed.Title != title {
			t.Errorf("%s: channel title %q (%v), want %q", name, feed.Title, err, title)
		}
	}
	// And the bare XML notes, Latin-1 with a true or a lying declaration.
	for _, name := range []string{"xml/testdata/iso88591.xml", "xml/testdata/iso88591_utf8_mismatch.xml"} {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if s := string(xmlToUTF8(b, "")); !strings.Contains(s, "ï") || !strings.Contains(s, "ü") || mojibake(s) {
			t.Errorf("%s: decoded as %q", name, s)
		}
	}
}

func FuzzReadFeed(f *testing.F) {
	f.Add([]byte(rss2Feed))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>É</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry></feed>`))
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": 1, "content_html": "<p>\u00e9</p>", "url": "https://x.example/"}]}`))
	f.Add(latin1(f, `<?xml version="1.0" encoding="utf-8"?><rss><channel><item><title>Café</title></item></channel></rss>`))
	f.Add([]byte(`<?xml version="1.0" encoding="koi8-r"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item><title>` + "\xf0\xd2\xc9" + `</title></item></rdf:RDF>`))
	f.Add([]byte(`<!DOCTYPE rss [<!ENTITY a "&b;&b;"><!ENTITY b "&a;">]><rss><channel><item><title>&a;</title></item></channel></rss>`))
	f.Add([]byte("\xff\xfe<\x00r\x00s\x00s\x00>\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := DefaultOptions()
		opts.MaxRecordBytes = 1 << 16
		var recs []*Record
		_ = readFeed(context.Background(), "fuzz.xml", bytes.NewReader(data), opts, func(r Result) error {
			if r.Record != nil {
				recs = append(recs, r.Record)
			}
			return nil
		})
		checkUTF8(t, recs)
	})
}
