package ingest

import (
	"context"
	"io"
)

// readFeed reads an RSS, Atom or JSON Feed document: one record per item.
// PLACEHOLDER: replaced by the feed reader.
func readFeed(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	return emit(Result{Origin: name, Err: inputError(name, ErrUnsupportedFormat)})
}
