package main

import (
	"context"
	"fmt"
)

func (m *Main) eval(ctx context.Context, args []string) error {
	fmt.Fprintln(m.Stderr, "veille eval: not wired yet")
	return errUsage
}
