package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/veille/veille/internal/store"
)

// httpError is an error with the status and message the client sees.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) error {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...)}
}

// statusOf maps an error to its HTTP status and the message the client
// sees: the one table of error kinds to statuses. Unexpected errors are
// 500 with a generic message (the detail goes to the log).
func statusOf(err error) (int, string) {
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.Is(err, store.ErrBadQuery):
		return http.StatusBadRequest, badQuery(err)
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "no article with this ID, URL or source id"
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", mbe.Limit)
	}
	return http.StatusInternalServerError, "internal error"
}

// badQuery returns the reason a query was refused, without the prefixes
// of the layers it went through ("sqlite: search: store: bad query: ").
func badQuery(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, store.ErrBadQuery.Error()+": "); i >= 0 {
		msg = msg[i+len(store.ErrBadQuery.Error())+2:]
	}
	return msg
}

// apiError is the JSON body of every API error.
type apiError struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

// api adapts a handler that returns an error to http.Handler, writing
// errors as JSON.
func (s *Server) api(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// page adapts a page handler, writing errors as an HTML page.
func (s *Server) page(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			status, msg := statusOf(err)
			s.logFailure(r, status, err)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(status)
			_ = s.tmpl.render(w, "error", errorPage{Title: http.StatusText(status), Status: status, Message: msg})
		}
	})
}

// fail writes err as a JSON error.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	s.logFailure(r, status, err)
	var body apiError
	body.Error.Status, body.Error.Message = status, msg
	writeJSON(w, status, body)
}

func (s *Server) logFailure(r *http.Request, status int, err error) {
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.log.Log(r.Context(), level, "request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
}

// writeJSON writes v as the JSON response body.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	_ = enc.Encode(v)
}
