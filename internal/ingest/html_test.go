package ingest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/veille/veille"
)

// All pages below are invented for these tests.

// ferryPage is an article page with the usual furniture around two
// paragraphs: navigation, a cookie banner, an advertisement label, a
// share bar, related links and a footer.
const ferryPage = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Island ferry returns after winter repairs | The Harbour Courier</title>
<meta property="og:site_name" content="The Harbour Courier">
<meta property="og:title" content="Island ferry returns after winter repairs">
<meta property="article:published_time" content="2023-03-14T07:45:00+00:00">
<meta name="author" content="Morwenna Tregear">
<link rel="canonical" href="/news/island-ferry-returns">
</head>
<body>
<div id="cookie-banner"><p>We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies and similar technologies.</p><button>Accept</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main>
<article class="story">
<h1>Island ferry returns after winter repairs</h1>
<p class="byline">By Morwenna Tregear</p>
<div class="story-body">
<p>The small passenger ferry linking Pellow Island to the mainland sailed again on Tuesday morning after four months in dry dock, carrying thirty-one passengers and a crate of early daffodils on its first crossing of the season.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>Engineers replaced both propeller shafts and rebuilt the wheelhouse, which had been damaged by a storm in November. The harbour master said the timetable would return to six daily crossings from the first of April.</p>
</div>
<div class="share-tools"><a href="#">Share on social media</a> <a href="#">Email</a></div>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Harbour wall appeal reaches target</a></li><li><a href="/b">Lifeboat crew honoured</a></li></ul></aside>
</main>
<footer class="site-footer"><p>© 2023 The Harbour Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>`

const ferryPara1 = "The small passenger ferry linking Pellow Island to the mainland sailed again on Tuesday morning after four months in dry dock, carrying thirty-one passengers and a crate of early daffodils on its first crossing of the season."
const ferryPara2 = "Engineers replaced both propeller shafts and rebuilt the wheelhouse, which had been damaged by a storm in November. The harbour master said the timetable would return to six daily crossings from the first of April."

// readHTMLOnce runs readHTML on page and returns what it emitted.
func readHTMLOnce(t *testing.T, name string, page []byte, opts Options) []Result {
	t.Helper()
	var out []Result
	err := readHTML(context.Background(), name, bytes.NewReader(page), opts, func(r Result) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatalf("readHTML: %v", err)
	}
	if len(out) != 1 {
		t.Fatalf("readHTML emitted %d results, want 1: %+v", len(out), out)
	}
	return out
}

func TestReadHTMLArticle(t *testing.T) {
	res := readHTMLOnce(t, "https://courier.example/news/island-ferry-returns?utm_source=x", []byte(ferryPage), DefaultOptions())[0]
	if res.Err != nil || res.Skip != "" {
		t.Fatalf("want a record, got err=%v skip=%q", res.Err, res.Skip)
	}
	rec := res.Record
	if got, want := rec.Text, ferryPara1+"\n\n"+ferryPara2; got != want {
		t.Errorf("text:\n%q\nwant:\n%q", got, want)
	}
	for _, junk := range []string{"cookies", "Advertisement", "Home", "Share", "Related", "All rights reserved", "Morwenna"} {
		if strings.Contains(rec.Text, junk) {
			t.Errorf("text keeps boilerplate %q", junk)
		}
	}
	checks := []struct{ field, got, want string }{
		{"Title", rec.Title, "Island ferry returns after winter repairs"},
		{"Date", rec.Date, "2023-03-14T07:45:00+00:00"},
		{"Author", rec.Author, "Morwenna Tregear"},
		{"Outlet", rec.Outlet, "The Harbour Courier"},
		{"Lang", rec.Lang, "en-GB"},
		{"URL", rec.URL, "https://courier.example/news/island-ferry-returns"},
		{"Origin", rec.Origin, "https://courier.example/news/island-ferry-returns?utm_source=x"},
		{"Format", string(rec.Format), string(veille.FormatHTML)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if rec.TextIsHTML {
		t.Error("TextIsHTML set on extracted plain text")
	}
	if d, err := veille.ParseDate(rec.Date); err != nil || d.Precision != veille.PrecisionInstant {
		t.Errorf("veille.ParseDate(%q) = %v, %v", rec.Date, d, err)
	}
}

// TestReadStreamHTML checks that a .html file reaches readHTML through the
// sniffing dispatcher and that a file name is not taken for a URL.
func TestReadStreamHTML(t *testing.T) {
	var got []Result
	err := ReadStream(context.Background(), "pages/ferry.html", strings.NewReader(ferryPage), DefaultOptions(), func(r Result) error {
		got = append(got, r)
		return nil
	})
	if err != nil || len(got) != 1 || got[0].Record == nil {
		t.Fatalf("ReadStream: err=%v results=%+v", err, got)
	}
	if r := got[0].Record; r.Origin != "pages/ferry.html" || r.URL != "" {
		t.Errorf("Origin=%q URL=%q: a relative canonical with no page URL gives no URL", r.Origin, r.URL)
	}
}

func TestReadHTMLNoArticle(t *testing.T) {
	pages := map[string]string{
		"index": `<html><head><title>The Harbour Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<ul class="teasers">
<li><a href="/a">Island ferry returns after winter repairs on the mainland route</a></li>
<li><a href="/b">Harbour wall appeal reaches its target after a year of fundraising</a></li>
<li><a href="/c">Lifeboat crew honoured for rescue of three fishermen off the point</a></li>
<li><a href="/d">School choir wins county competition for the second year running</a></li>
<li><a href="/e">New bakery opens on the quay with queues round the corner</a></li>
</ul><footer>© The Harbour Courier</footer></body></html>`,
		"error": `<!doctype html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The page you asked for does not exist.</p><p><a href="/">Back to the front page</a></p></body></html>`,
		"empty": `<html><head><title>Loading</title></head><body><div id="app"></div><script>render()</script></body></html>`,
	}
	for name, page := range pages {
		res := readHTMLOnce(t, name+".html", []byte(page), DefaultOptions())[0]
		if res.Skip != "no article in page" || res.Err != nil || res.Record != nil {
			t.Errorf("%s: want skip %q, got %+v", name, "no article in page", res)
		}
	}
	if _, err := ExtractHTML([]byte(pages["error"]), "", ""); !errors.Is(err, ErrNoArticle) {
		t.Errorf("ExtractHTML on an error page: err = %v, want ErrNoArticle", err)
	}
}

func TestReadHTMLTooLarge(t *testing.T) {
	opts := DefaultOptions()
	opts.MaxRecordBytes = 1000
	res := readHTMLOnce(t, "big/ferry.html", []byte(ferryPage), opts)[0]
	if !errors.Is(res.Err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", res.Err)
	}
	if !strings.Contains(res.Err.Error(), "big/ferry.html") || res.Origin != "big/ferry.html" {
		t.Errorf("failure does not name the input: %v (origin %q)", res.Err, res.Origin)
	}
}

// latin1Page is an invented French article in ISO-8859-1.
const latin1Page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Fête de la châtaigne à Saint-Étienne-de-Mûrs</title></head><body><article>
<h1>Fête de la châtaigne à Saint-Étienne-de-Mûrs</h1>
<p>La fête de la châtaigne a réuni près de deux mille visiteurs dimanche dans le village, où les producteurs ont vendu leurs récoltes grillées, en crème ou en farine, malgré une météo capricieuse.</p>
<p>« C'était notre plus belle édition », a déclaré la présidente du comité des fêtes, qui espère déjà accueillir davantage d'exposants l'année prochaine sur la place de l'église.</p>
</article></body></html>`

func TestReadHTMLLatin1(t *testing.T) {
	page, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(latin1Page))
	if err != nil {
		t.Fatal(err)
	}
	if utf8.Valid(page) {
		t.Fatal("test page should not be valid UTF-8")
	}
	res := readHTMLOnce(t, "chataigne.html", page, DefaultOptions())[0]
	if res.Record == nil {
		t.Fatalf("want a record, got %+v", res)
	}
	rec := res.Record
	if rec.Title != "Fête de la châtaigne à Saint-Étienne-de-Mûrs" {
		t.Errorf("title = %q", rec.Title)
	}
	for _, w := range []string{"fête de la châtaigne a réuni", "récoltes grillées", "« C'était notre plus belle édition »", "l'église."} {
		if !strings.Contains(rec.Text, w) {
			t.Errorf("text lacks %q:\n%s", w, rec.Text)
		}
	}
	if n := strings.Count(rec.Text, "\n\n"); n != 1 {
		t.Errorf("want two paragraphs, got %d breaks:\n%s", n, rec.Text)
	}
}

// TestExtractHTMLMetadata checks JSON-LD metadata, several authors, a
// heading and <br><br> as paragraph breaks, and site-name removal.
func TestExtractHTMLMetadata(t *testing.T) {
	page := `<html><head>
<title>Orchard cooperative doubles cider output - Valley Gazette</title>
<meta property="og:url" content="https://gazette.example/orchard">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Valley Gazette"},
 {"@type":["NewsArticle"],"headline":"Orchard cooperative doubles cider output",
  "datePublished":"2022-10-05T18:20:00-04:00",
  "author":[{"@type":"Person","name":"Ada Pennock"},{"@type":"Person","name":"Tomas Reyes"}],
  "publisher":{"@type":"Organization","name":"Valley Gazette"},"inLanguage":"en-US"}]}
</script></head><body><div class="content">
<p>The orchard cooperative in Bramley Vale pressed twice as much cider this autumn as last year, thanks to a mild spring and the arrival of a second press bought with a regional grant.</p>
<h2>A new press</h2>
<p>Members said the new press, installed in August, can handle four tonnes of apples a day.<br>It runs on solar power from the barn roof.<br><br>The cooperative now plans to open a small shop at the farm gate before Christmas, selling juice, cider and vinegar.</p>
</div></body></html>`
	rec, err := ExtractHTML([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"The orchard cooperative in Bramley Vale pressed twice as much cider this autumn as last year, thanks to a mild spring and the arrival of a second press bought with a regional grant.",
		"A new press",
		"Members said the new press, installed in August, can handle four tonnes of apples a day.\nIt runs on solar power from the barn roof.",
		"The cooperative now plans to open a small shop at the farm gate before Christmas, selling juice, cider and vinegar.",
	}
	if got := strings.Split(rec.Text, "\n\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs:\n%q\nwant:\n%q", got, want)
	}
	checks := []struct{ field, got, want string }{
		{"Title", rec.Title, "Orchard cooperative doubles cider output"},
		{"Date", rec.Date, "2022-10-05T18:20:00-04:00"},
		{"Author", rec.Author, "Ada Pennock, Tomas Reyes"},
		{"Outlet", rec.Outlet, "Valley Gazette"},
		{"Lang", rec.Lang, "en-US"},
		{"URL", rec.URL, "https://gazette.example/orchard"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

func TestHTMLStripSiteName(t *testing.T) {
	for _, c := range []struct{ title, outlet, url, want string }{
		{"Harbour wall saved | The Harbour Courier", "The Harbour Courier", "", "Harbour wall saved"},
		{"Harbour wall saved - Harbour Courier", "The Harbour Courier", "", "Harbour wall saved"},
		{"Courier | Harbour wall saved", "", "https://www.courier.example/x", "Harbour wall saved"},
		{"Courier: Harbour wall saved", "", "https://www.courier.example/x", "Courier: Harbour wall saved"},
		{"Harbour wall saved | Courier", "", "https://courier.example/x", "Harbour wall saved"},
		// A dash inside the headline stays when what follows is not the site.
		{"Storm hits coast - then clears by noon", "The Harbour Courier", "https://courier.example/x", "Storm hits coast - then clears by noon"},
		{"Plain title", "", "", "Plain title"},
	} {
		if got := stripSiteName(c.title, c.outlet, c.url); got != c.want {
			t.Errorf("stripSiteName(%q, %q, %q) = %q, want %q", c.title, c.outlet, c.url, got, c.want)
		}
	}
}

func TestHTMLNormDate(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2024-08-28T10:00:23.000Z", "2024-08-28T10:00:23.000Z"},
		{"2024-08-28", "2024-08-28"},
		{"August 28, 2024", "2024-08-28"},
		{"Wed Aug 28 2024 10:00:23 GMT+0000", "2024-08-28T10:00:23Z"},
		{"not a date", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"", ""},
	} {
		got := normDate(c.in)
		if got != c.want {
			t.Errorf("normDate(%q) = %q, want %q", c.in, got, c.want)
		}
		if got != "" {
			if _, err := veille.ParseDate(got); err != nil {
				t.Errorf("normDate(%q) = %q, which veille.ParseDate rejects: %v", c.in, got, err)
			}
		}
	}
}

func TestHTMLAdLabel(t *testing.T) {
	for _, s := range []string{"Advertisement", "ADVERTISEMENT", "Publicité", "Story continues below advertisement", "Skip to Content", "Getty Images", "(Image credit: Harbour Courier)"} {
		if !adLabel.MatchString(s) {
			t.Errorf("%q should be dropped", s)
		}
	}
	for _, s := range []string{"Advertisement revenue fell by a third last year.", "Ad hoc committee meets", "Credit unions grew in 2023, the report said, as members moved their savings."} {
		if adLabel.MatchString(s) {
			t.Errorf("%q should be kept", s)
		}
	}
}

// TestExtractHTMLArticleBodyFallback: when readability finds a fraction of
// the text the page's JSON-LD articleBody holds, the latter is used.
func TestExtractHTMLArticleBodyFallback(t *testing.T) {
	long := strings.Repeat("The river festival drew boats from every village along the estuary, and the judges praised the painted hulls. ", 12)
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"River festival","articleBody":"` +
		long + `\nA second paragraph closes the story with the date of next year's festival."}</script></head><body>
<div class="teaser"><p>The river festival drew boats from every village along the estuary, and the judges praised the painted hulls this year.</p></div>
</body></html>`
	rec, err := ExtractHTML([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(rec.Text, "\n\nA second paragraph closes the story with the date of next year's festival.") {
		t.Errorf("articleBody not used:\n%s", rec.Text)
	}
}

// FuzzReadHTML: readHTML never panics, emits exactly one result with exactly
// one of Record, Skip or Err set, and every record field is valid UTF-8.
func FuzzReadHTML(f *testing.F) {
	seeds := []string{
		ferryPage,
		latin1Page,
		"",
		"<html>",
		"<html><body><p>" + strings.Repeat("word ", 50) + "</p></body></html>",
		`<html><head><meta charset="shift_jis"></head><body><p>` + strings.Repeat("\x82\xa0\x82\xa2 ", 40) + `</p></body></html>`,
		`<html><head><script type="application/ld+json">{"@type":"Article","headline":"\u00e9","author":[1,{"name":null}],"datePublished":["x"]}</script></head><body><p>` + strings.Repeat("a b ", 30) + `</p></body></html>`,
		"\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00",
		"<html><body>" + strings.Repeat("<div>", 300) + strings.Repeat("deep text ", 40) + "</body></html>",
		"<html><body><p>caf\xe9 \xc3\x28 invalid \xed\xa0\x80 bytes " + strings.Repeat("mot ", 40) + "</p></body></html>",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	opts := DefaultOptions()
	opts.MaxRecordBytes = 1 << 20
	f.Fuzz(func(t *testing.T, page []byte) {
		var results []Result
		err := readHTML(context.Background(), "fuzz.html", bytes.NewReader(page), opts, func(r Result) error {
			results = append(results, r)
			return nil
		})
		if err != nil {
			t.Fatalf("readHTML returned %v", err)
		}
		if len(results) != 1 {
			t.Fatalf("%d results", len(results))
		}
		r := results[0]
		set := 0
		for _, b := range []bool{r.Record != nil, r.Skip != "", r.Err != nil} {
			if b {
				set++
			}
		}
		if set != 1 {
			t.Fatalf("want exactly one of Record, Skip, Err: %+v", r)
		}
		if rec := r.Record; rec != nil {
			for name, s := range map[string]string{"Title": rec.Title, "Text": rec.Text, "Date": rec.Date, "Author": rec.Author,
				"Outlet": rec.Outlet, "Lang": rec.Lang, "URL": rec.URL, "Origin": rec.Origin, "SourceID": rec.SourceID} {
				if !utf8.ValidString(s) {
					t.Errorf("%s is not valid UTF-8: %q", name, s)
				}
			}
			if strings.TrimSpace(rec.Text) == "" {
				t.Error("record with empty text")
			}
		}
	})
}
