package ingest

import (
	"context"
	"io"
)

// readWARC reads a WARC file: one record per HTML response holding an article.
// PLACEHOLDER: replaced by the WARC reader.
func readWARC(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	return emit(Result{Origin: name, Err: inputError(name, ErrUnsupportedFormat)})
}

// readARC reads an ARC file. PLACEHOLDER.
func readARC(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	return emit(Result{Origin: name, Err: inputError(name, ErrUnsupportedFormat)})
}
