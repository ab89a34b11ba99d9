package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
)

func (m *Main) stats(ctx context.Context, args []string) error {
	fs, dbPath := m.newFlags("stats", "[flags]", "  veille stats\n  veille stats --db other.db --json")
	jsonOut := fs.Bool("json", false, "print the statistics as JSON")
	if _, err := m.parse(fs, args); err != nil {
		return err
	}
	st, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *jsonOut {
		return json.NewEncoder(m.Stdout).Encode(s)
	}
	w := m.Stdout
	fmt.Fprintf(w, "store:     %s\narticles:  %d (%d earlier versions kept, %.1f MB of text)\nsources:   %d\naliases:   %d\n",
		*dbPath, s.Articles, s.Versions-s.Articles, float64(s.Bytes)/1e6, s.Sources, s.Aliases)
	printCounts := func(title string, m map[string]int, top int) {
		type kv struct {
			k string
			v int
		}
		var kvs []kv
		for k, v := range m {
			if k == "" {
				k = "(unknown)"
			}
			kvs = append(kvs, kv{k, v})
		}
		sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v || kvs[i].v == kvs[j].v && kvs[i].k < kvs[j].k })
		fmt.Fprintf(w, "%s\n", title)
		for i, e := range kvs {
			if i == top {
				fmt.Fprintf(w, "  … %d more\n", len(kvs)-top)
				break
			}
			fmt.Fprintf(w, "  %-40s %d\n", e.k, e.v)
		}
	}
	printCounts("by language:", s.ByLang, 20)
	printCounts("by format:", s.ByFormat, 20)
	printCounts("by outlet:", s.ByOutlet, 15)
	av := map[string]int{}
	for k, v := range s.Analysis {
		av[fmt.Sprintf("version %d", k)] = v
	}
	printCounts("by analysis version:", av, 10)
	return nil
}
