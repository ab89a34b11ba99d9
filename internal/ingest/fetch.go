package ingest

import (
	"context"
)

// ReadURL fetches a feed or a page and reads it. PLACEHOLDER.
func ReadURL(ctx context.Context, url string, opts Options, emit Emit) error {
	return emit(Result{Origin: url, Err: inputError(url, ErrUnsupportedFormat)})
}
