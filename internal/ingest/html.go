package ingest

import (
	"context"
	"io"
)

// readHTML reads one HTML page: main text, title, date, author, site name.
// PLACEHOLDER: replaced by the HTML reader.
func readHTML(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	return emit(Result{Origin: name, Err: inputError(name, ErrUnsupportedFormat)})
}
