package main

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/veille/veille"
)

// Version is veille's version, set at build time with
// -ldflags "-X main.Version=…"; otherwise the VCS revision when known.
var Version = "dev"

func versionString() string {
	v := Version
	if bi, ok := debug.ReadBuildInfo(); ok && v == "dev" {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v = "dev-" + s.Value[:12]
			}
		}
	}
	return fmt.Sprintf("%s (analysis version %d)", v, veille.AnalysisVersion)
}

func (m *Main) version(ctx context.Context, args []string) error {
	fs, _ := m.newFlags("version", "", "  veille version")
	if _, err := m.parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "veille %s\n", versionString())
	return nil
}
