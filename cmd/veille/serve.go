package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/veille/veille/internal/web"
)

const serveExamples = `  veille serve                                   # http://127.0.0.1:8080/
  veille serve --addr 127.0.0.1:9000 --db news.db
  VEILLE_TOKEN=s3cret veille serve --addr 0.0.0.0:8080 --host veille.lan`

func (m *Main) serve(ctx context.Context, args []string) error {
	fs, dbPath := m.newFlags("serve", "[flags]", serveExamples+`

Serves the web UI and the JSON API (/api/v1, documented at
/api/v1/openapi.json) from the store. It binds to loopback by default.
Writes (POST /api/v1/articles) need --token when one is set; on an address
beyond loopback they are refused unless a token is set. Requests naming
this server by a DNS name other than localhost must be allowed with --host.`)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` (host:port; port 0 picks a free one)")
	token := fs.String("token", m.Getenv("VEILLE_TOKEN"), "bearer `token` required for writes (env VEILLE_TOKEN)")
	hosts := fs.String("host", "", "comma-separated DNS `names` clients may use for this server besides localhost")
	maxUpload := fs.Int64("max-upload-bytes", 32<<20, "largest ingest request body, in `bytes`")
	pos, err := m.parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fmt.Fprintf(m.Stderr, "veille serve: unexpected argument %q\n", pos[0])
		return errUsage
	}
	st, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	loopback := isLoopback(ln.Addr())
	log := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	var names []string
	for _, h := range strings.Split(*hosts, ",") {
		if h = strings.TrimSpace(h); h != "" {
			names = append(names, h)
		}
	}
	srv := web.New(st, web.Options{Token: *token, AllowWrites: loopback, Hosts: names, MaxUploadBytes: *maxUpload, Logger: log})
	hs := srv.HTTPServer(ln.Addr().String())

	url := "http://" + ln.Addr().String() + "/"
	if a, ok := ln.Addr().(*net.TCPAddr); ok && a.IP.IsLoopback() && a.IP.To4() != nil {
		url = fmt.Sprintf("http://127.0.0.1:%d/", a.Port)
	}
	fmt.Fprintf(m.Stderr, "veille serve: %s (store %s; Ctrl-C to stop)\n", url, *dbPath)
	switch {
	case !loopback && *token == "":
		fmt.Fprintln(m.Stderr, "veille serve: listening beyond loopback without a token: writes are disabled (set --token or VEILLE_TOKEN)")
	case !loopback:
		fmt.Fprintln(m.Stderr, "veille serve: listening beyond loopback: writes need the token")
	}

	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// isLoopback reports whether a listener's address accepts loopback
// connections only.
func isLoopback(a net.Addr) bool {
	t, ok := a.(*net.TCPAddr)
	return ok && t.IP.IsLoopback()
}
