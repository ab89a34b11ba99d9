package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/veille/veille"
)

// resultsOfURL reads url with ReadURL and returns every result.
func resultsOfURL(t testing.TB, url string, opts Options) []Result {
	t.Helper()
	var out []Result
	if err := ReadURL(context.Background(), url, opts, func(r Result) error {
		out = append(out, r)
		return nil
	}); err != nil {
		t.Fatalf("ReadURL(%s) returned %v", url, err)
	}
	return out
}

// testOptions are DefaultOptions with a short client timeout.
func testOptions() Options {
	opts := DefaultOptions()
	opts.Client = &http.Client{Timeout: 2 * time.Second}
	opts.UserAgent = "veille-test/1"
	return opts
}

func TestReadURLFeed(t *testing.T) {
	body, err := charmap.Windows1251.NewEncoder().Bytes([]byte(
		`<rss version="2.0"><channel><title>Лента</title><item><title>Новости дня</title><link>https://x.example/1</link>` +
			`<description>` + longText + `</description></item></channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	var ua atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "text/xml; charset=windows-1251")
		_, _ = w.Write(body)
	}))
	defer srv.Close()

	recs, skips, fails := split(resultsOfURL(t, srv.URL+"/feed", testOptions()))
	if len(recs) != 1 || len(skips)+len(fails) > 0 {
		t.Fatalf("records %d, skips %q, failures %q", len(recs), skips, fails)
	}
	if recs[0].Title != "Новости дня" || recs[0].Outlet != "Лента" || recs[0].Origin != srv.URL+"/feed#0" {
		t.Errorf("record %+v", recs[0])
	}
	if ua.Load() != "veille-test/1" {
		t.Errorf("User-Agent %q", ua.Load())
	}
}

func TestReadURLDispatch(t *testing.T) {
	fakeExtractor(t)
	page := "<!doctype html><html lang=\"en\"><head><title>Talks resume in Niamey</title></head><body><article><h1>Talks resume in Niamey</h1>" +
		strings.Repeat("<p>"+longText+"</p>", 2) + "</article></body></html>"
	warc := sampleWARC(t, true)
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/feed-as-html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><content>`+longText+`</content></entry></feed>`)
	})
	mux.HandleFunc("/not-a-feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<html><body>moved</body></html>`)
	})
	mux.HandleFunc("/crawl.warc.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/warc")
		_, _ = w.Write(warc)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	recs, _, fails := split(resultsOfURL(t, srv.URL+"/page", testOptions()))
	if len(recs) != 1 || len(fails) != 0 || recs[0].Format != veille.FormatHTML || recs[0].Origin != srv.URL+"/page" {
		t.Errorf("page: records %+v, failures %q", recs, fails)
	}
	recs, _, fails = split(resultsOfURL(t, srv.URL+"/feed-as-html", testOptions()))
	if len(recs) != 1 || len(fails) != 0 || recs[0].Format != veille.FormatFeed {
		t.Errorf("feed served as HTML: records %+v, failures %q", recs, fails)
	}
	_, skips, fails := split(resultsOfURL(t, srv.URL+"/not-a-feed", testOptions()))
	if len(skips) != 1 || skips[0] != "not a feed (an HTML page)" || len(fails) != 0 {
		t.Errorf("HTML served as RSS: skips %q, failures %q", skips, fails)
	}
	recs, skips, fails = split(resultsOfURL(t, srv.URL+"/crawl.warc.gz", testOptions()))
	if len(recs) != 2 || len(skips) != 1 || len(fails) != 0 || recs[0].Format != veille.FormatWARC {
		t.Errorf("WARC: records %d, skips %q, failures %q", len(recs), skips, fails)
	}
}

func TestReadURLFailures(t *testing.T) {
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, strings.Repeat("x", 4<<10))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		for range 8 {
			fmt.Fprint(w, strings.Repeat("x", 1<<10))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(release)

	opts := testOptions()
	opts.MaxRecordBytes = 512 // feeds up to 2 KB
	opts.Client.Timeout = 200 * time.Millisecond
	for path, want := range map[string]string{
		"/missing":     "/missing: HTTP 404 Not Found",
		"/big":         "/big: " + ErrTooLarge.Error(),
		"/big-chunked": "/big-chunked: " + ErrTooLarge.Error(),
		"/slow":        "/slow: timed out",
	} {
		_, _, fails := split(resultsOfURL(t, srv.URL+path, opts))
		if len(fails) != 1 || !strings.HasPrefix(fails[0], srv.URL+want) {
			t.Errorf("%s: failures %q, want %q…", path, fails, srv.URL+want)
		}
	}
}

func TestFeedFetchMissing(t *testing.T) {
	fakeExtractor(t)
	release := make(chan struct{})
	var inFlight, maxInFlight atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/ok/", func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><head><title>Page %s</title></head><body><article>%s %s</article></body></html>", r.URL.Path, longText, longText)
	})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body><article>%s</article></body></html>", strings.Repeat(longText, 20))
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	mux.HandleFunc("/nothing", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><nav>menu</nav></body></html>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(release)

	links := []string{"/ok/1", "/gone", "/ok/2", "/slow", "/big", "/pdf", "/nothing", "/ok/3", "/ok/4", "/ok/5", "/ok/6", "/ok/7"}
	var feed strings.Builder
	feed.WriteString(`<rss version="2.0"><channel><title>Résumés</title>`)
	for i, l := range links {
		fmt.Fprintf(&feed, `<item><title>Item %d</title><link>%s%s</link><description>Résumé %d.</description><pubDate>Tue, 01 Aug 2023 10:00:00 GMT</pubDate></item>`, i, srv.URL, l, i)
	}
	feed.WriteString(`<item><title>Full</title><link>` + srv.URL + `/never</link><description>` + longText + `</description></item>`)
	feed.WriteString(`</channel></rss>`)

	opts := testOptions()
	opts.Fetch = FetchMissing
	opts.FetchConcurrency = 3
	opts.MaxRecordBytes = 4 << 10
	opts.Client.Timeout = 300 * time.Millisecond
	recs, skips, fails := split(resultsOfFeed(t, "summaries.rss", []byte(feed.String()), opts))
	if len(recs) != len(links)+1 || len(skips)+len(fails) > 0 {
		t.Fatalf("records %d, skips %q, failures %q", len(recs), skips, fails)
	}
	for i, r := range recs {
		if r.Origin != fmt.Sprintf("summaries.rss#%d", i) {
			t.Fatalf("record %d has origin %s: feed order lost", i, r.Origin)
		}
	}
	wantWarn := map[string]string{
		"/gone":    warnSummaryFetchFail + "HTTP 404 Not Found",
		"/slow":    warnSummaryFetchFail + "timed out",
		"/big":     warnSummaryFetchFail + ErrTooLarge.Error(),
		"/pdf":     warnSummaryFetchFail + "page is not HTML (application/pdf)",
		"/nothing": warnSummaryFetchFail + "no article in the page",
	}
	for i, l := range links {
		r := recs[i]
		if w, ok := wantWarn[l]; ok {
			if !strings.HasPrefix(r.Warning, w) || !strings.HasPrefix(r.Text, "Résumé") {
				t.Errorf("%s: warning %q, text %.20q; want the summary and warning %q…", l, r.Warning, r.Text, w)
			}
			continue
		}
		if r.Warning != "" || !strings.Contains(r.Text, "regional bloc") || r.Title != fmt.Sprintf("Item %d", i) ||
			r.Date != "2023-08-01T10:00:00Z" || r.URL != srv.URL+l {
			t.Errorf("%s: %+v", l, r)
		}
	}
	if last := recs[len(recs)-1]; last.Warning != "" || last.Text != longText {
		t.Errorf("full item: %+v", last)
	}
	if m := maxInFlight.Load(); m > 3 || m < 2 {
		t.Errorf("at most %d pages fetched at once, want 2 or 3", m)
	}
}

func TestFeedFetchStopsWithEmit(t *testing.T) {
	fakeExtractor(t)
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		time.Sleep(10 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body><article>%s %s</article></body></html>", longText, longText)
	}))
	defer srv.Close()
	var feed strings.Builder
	feed.WriteString(`<rss version="2.0"><channel><title>F</title>`)
	for i := range 50 {
		fmt.Fprintf(&feed, `<item><title>%d</title><link>%s/%d</link></item>`, i, srv.URL, i)
	}
	feed.WriteString(`</channel></rss>`)
	opts := testOptions()
	opts.Fetch = FetchMissing
	opts.FetchConcurrency = 2
	stop := errors.New("stop")
	var mu sync.Mutex
	n := 0
	err := readFeed(context.Background(), "stop.rss", strings.NewReader(feed.String()), opts, func(r Result) error {
		mu.Lock()
		defer mu.Unlock()
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("err %v after %d results", err, n)
	}
	if s := served.Load(); s > 10 {
		t.Errorf("%d pages fetched after emit stopped the read", s)
	}
}
