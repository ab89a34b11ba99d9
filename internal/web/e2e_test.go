package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/veille/veille/internal/extract"
	"github.com/veille/veille/internal/pipeline"
	"github.com/veille/veille/internal/store"
)

// shared is the shared corpus beside the repository.
const shared = "../../../shared"

// mustIngest runs paths through the ingest pipeline, with p's extractors,
// into st.
func mustIngest(tb testing.TB, st pipeline.Putter, p *extract.Pipeline, paths ...string) pipeline.Summary {
	tb.Helper()
	opts := pipeline.DefaultOptions()
	sum, err := pipeline.Ingest(context.Background(), st, p, paths, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

// needShared skips the test when ../shared is absent.
func needShared(tb testing.TB, sub string) string {
	tb.Helper()
	p := filepath.Join(shared, sub)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s absent (%v): the shared corpus is not beside the repository", p, err)
	}
	return p
}

// seedID returns the ID of the seed article in st.
func seedID(tb testing.TB, st Store) string {
	tb.Helper()
	hits, err := st.Search(context.Background(), store.SearchQuery{Text: `"six milliards de francs CFA"`, Limit: 1})
	if err != nil || len(hits) == 0 {
		tb.Fatalf("seed article not found: %v", err)
	}
	return hits[0].ID
}

// browser returns the path of a Chromium to drive, skipping the test when
// there is none, except under CI=true where a missing browser fails it.
func browser(t *testing.T) string {
	t.Helper()
	cands := []string{os.Getenv("VEILLE_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "headless-shell"}
	for _, c := range cands {
		if c == "" {
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	msg := "no Chromium found (install Debian's chromium package, or set VEILLE_CHROMIUM)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// TestBrowser drives a real headless Chromium through the UI: ingest the
// seed, search "Wagner" from the home page, open the seed article, check
// its highlights, and save screenshots (desktop and phone width).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	seed := needShared(t, "seed")
	exe := browser(t)

	st := mustStore(t)
	if sum := mustIngest(t, st, extract.Default(), seed); sum.Read == 0 {
		t.Fatalf("seed: %v", sum)
	}
	id := seedID(t, st)
	_, an, err := st.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	h := *hostile
	evil := mustPut(t, st, &h, nil)
	ts := httptest.NewServer(New(st, Options{}))
	defer ts.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // root in CI containers
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	type c = chromedp.CSS
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(expr string) any {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return v
	}
	shoot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		save(t, name, png)
	}

	run("home", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(c(`#q`)),
		// "/" focuses the search box (keyboard use).
		chromedp.KeyEvent("/"))
	if f := eval(`document.activeElement && document.activeElement.id`); f != "q" {
		t.Errorf(`"/" focused %v, want the search box`, f)
	}
	run("search", chromedp.SendKeys(c(`#q`), "Wagner"), chromedp.Submit(c(`#q`)), chromedp.WaitVisible(c(`ol.hits`)))
	link := articleURL(id)
	hrefs := fmt.Sprint(eval(`Array.from(document.querySelectorAll("a.ht")).map(a => a.getAttribute("href")).join(" ")`))
	if !slices.Contains(strings.Fields(hrefs), link) {
		t.Fatalf("seed article %s not among the results %q", link, hrefs)
	}

	run("open article", chromedp.Click(c(`a.ht[href="`+link+`"]`)), chromedp.WaitVisible(c(`article.text`)))
	text, err := chromedp.Run(ctx, chromedp.Text(c(`article.text`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "six milliards de francs CFA") {
		t.Errorf("article text lacks the amount:\n%s", text)
	}
	shoot("veille-e2e-article.png")

	// Whatever the extractors found is highlighted in place: the amount
	// and the quotation speakers of the analysis are elements of the page.
	amounts := fmt.Sprint(eval(`Array.from(document.querySelectorAll(".amount")).map(e => e.textContent).join("|")`))
	speakers := fmt.Sprint(eval(`document.querySelectorAll(".speaker").length`))
	if len(an.Amounts) == 0 {
		t.Logf("the analysis holds no amount yet (extractors: %v): amount highlight not checked", an.Extractors)
	} else if !strings.Contains(amounts, "six milliards") {
		t.Errorf("highlighted amounts %q lack six milliards de francs CFA", amounts)
	}
	if len(an.Quotations) == 0 {
		t.Logf("the analysis holds no quotation yet: speaker highlight not checked")
	} else if speakers == "0" {
		t.Errorf("no speaker highlighted, analysis has %d quotations", len(an.Quotations))
	}

	// Phone width: no horizontal scrolling.
	run("phone", chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(c(`article.text`)))
	if w, ok := eval(`document.documentElement.scrollWidth`).(float64); !ok || w > 390 {
		t.Errorf("phone width: page is %v px wide, want ≤ 390", w)
	}
	// Every tooltip, shown by focus as by hover, stays within the width.
	if w, ok := eval(`(() => {
		let w = document.documentElement.scrollWidth;
		for (const e of document.querySelectorAll(".hl[data-tip]")) {
			e.focus();
			w = Math.max(w, document.documentElement.scrollWidth);
		}
		document.activeElement.blur();
		return w;
	})()`).(float64); !ok || w > 390 {
		t.Errorf("phone width with a tooltip shown: page is %v px wide, want ≤ 390", w)
	}
	shoot("veille-e2e-article-phone.png")

	// The map of the places named in the articles about Wagner.
	run("map", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(ts.URL+"/map?q=Wagner"), chromedp.WaitVisible(c(`.map img`)))
	dots, _ := eval(`document.querySelectorAll(".map circle").length`).(float64)
	located := 0
	for _, p := range an.Places {
		if p.Lat != 0 || p.Lon != 0 {
			located++
		}
	}
	if located > 0 && dots == 0 {
		t.Errorf("map: no dot, the seed names %d located places", located)
	}
	t.Logf("map: %v dots", dots)
	shoot("veille-e2e-map.png")

	// A stored article full of script runs none of it.
	run("hostile article", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(ts.URL+articleURL(evil)),
		chromedp.WaitVisible(c(`article.text`)), chromedp.Sleep(200*time.Millisecond))
	if p := eval(`window.pwned === undefined`); p != true {
		t.Error("a script stored in an article ran")
	}
}

// save writes a screenshot to $VEILLE_E2E_OUT (default: the temporary
// directory) and logs where.
func save(t *testing.T, name string, png []byte) {
	dir := os.Getenv("VEILLE_E2E_OUT")
	if dir == "" {
		dir = os.TempDir()
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Errorf("save screenshot: %v", err)
		return
	}
	t.Logf("screenshot: %s (%d bytes)", p, len(png))
}

// TestSeedPageWeight checks that the seed's article page, with its style
// sheet and script, stays under 200 KB.
func TestSeedPageWeight(t *testing.T) {
	seed := needShared(t, "seed")
	st := mustStore(t)
	mustIngest(t, st, extract.Default(), seed)
	ts := httptest.NewServer(New(st, Options{}))
	defer ts.Close()
	total := 0
	paths := []string{articleURL(seedID(t, st)), "/static/style.css", "/static/app.js"}
	for i := 0; i < len(paths); i++ {
		code, body, _ := get(t, ts, paths[i])
		if code != 200 {
			t.Fatalf("%s: %d", paths[i], code)
		}
		total += len(body)
		if i == 0 && strings.Contains(body, `src="/static/world.svg"`) {
			paths = append(paths, "/static/world.svg")
		}
	}
	t.Logf("seed article page: %d bytes with %s", total, strings.Join(paths[1:], ", "))
	if total > 200<<10 {
		t.Errorf("seed article page weighs %d bytes, want < 200 KB", total)
	}
}
