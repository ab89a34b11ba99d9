package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract"
)

// claimLabels are the certainty labels, strongest first.
var claimLabels = []string{
	veille.CertaintyDenied, veille.CertaintyQuestioned, veille.CertaintyHedged, veille.CertaintyFuture,
	veille.CertaintyOpinion, veille.CertaintyReported, veille.CertaintyAsserted,
}

func claimRank(label string) int {
	for i, l := range claimLabels {
		if l == label {
			return i
		}
	}
	return len(claimLabels)
}

// qcClaimsArticle is one record of quotes-claims-fr with its sentences.
type qcClaimsArticle struct {
	ArticleID  string       `json:"article_id"`
	CorpusFile string       `json:"corpus_file"`
	Sentences  []qcSentence `json:"sentences"`
}

type qcSentence struct {
	Text         string   `json:"text"`
	Span         goldSpan `json:"span"`
	Certainty    string   `json:"certainty"`
	CertaintyAlt string   `json:"certainty_alt"`
	Cues         []string `json:"cues"`
	Source       string   `json:"source"`
	Boilerplate  bool     `json:"boilerplate"`
}

// Claims scores sentence certainty (../shared/EVAL.md, task "claims") on
// quotes-claims-fr files: the whole pipeline runs over each article, and
// our label for a gold sentence is the strongest among our claims that
// overlap it ("asserted" when none). Boilerplate sentences are skipped.
// Metrics: accuracy_strict (against certainty), accuracy_lenient (either
// certainty or certainty_alt); by_type holds, per gold label, precision,
// recall, f1 and support (strict), and the confusion row as n_<our
// label> counts. shared resolves the articles' corpus_file.
func Claims(ctx context.Context, paths []string, withMisses bool, shared string) (*Report, error) {
	rep := NewReport("claims", paths, withMisses)
	pipe := extract.Default()
	var files []string
	for _, p := range paths {
		fs, err := jsonlFiles(p)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	conf := map[string]map[string]int{} // gold → ours → count
	strict, lenient := 0, 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		fn, fs, fl := 0, 0, 0
		err := readRows(rep, f, func(line []byte) error {
			var a qcClaimsArticle
			if err := json.Unmarshal(line, &a); err != nil {
				return err
			}
			if len(a.Sentences) == 0 {
				return nil
			}
			text, pub, ok := goldArticle(rep, f, shared, a.ArticleID, a.CorpusFile)
			if !ok {
				return nil
			}
			an := pipe.Analyze(&veille.Article{Text: text, Lang: "fr", Published: pub})
			toByte := amtRuneOffsets(text)
			nr := utf8.RuneCountInString(text)
			for _, g := range a.Sentences {
				if g.Boilerplate {
					rep.Skip("boilerplate sentence")
					continue
				}
				if why := g.Span.check(nr); why != "" {
					rep.Skip(why)
					continue
				}
				if claimRank(g.Certainty) == len(claimLabels) {
					rep.Skip(fmt.Sprintf("gold certainty not a label (%q)", g.Certainty))
					continue
				}
				sp := veille.Span{Start: toByte(g.Span.Start), End: toByte(g.Span.End)}
				ours := veille.CertaintyAsserted
				var cues []string
				for _, c := range an.Claims {
					if min(c.Span.End, sp.End) > max(c.Span.Start, sp.Start) && claimRank(c.Certainty) < claimRank(ours) {
						ours, cues = c.Certainty, c.Cues
					}
				}
				if conf[g.Certainty] == nil {
					conf[g.Certainty] = map[string]int{}
				}
				conf[g.Certainty][ours]++
				fn++
				if ours == g.Certainty {
					fs++
				}
				if ours == g.Certainty || ours == g.CertaintyAlt && g.CertaintyAlt != "" {
					fl++
				} else {
					rep.AddMiss(Miss{File: f, ID: a.ArticleID,
						Gold:   fmt.Sprintf("%s %q: %s", g.Certainty, strings.Join(g.Cues, "|"), g.Text),
						Ours:   fmt.Sprintf("%s %q", ours, strings.Join(cues, "|")),
						Reason: "wrong certainty"})
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if fn > 0 {
			m := Metrics{}
			m.Set("accuracy_strict", float64(fs)/float64(fn))
			m.Set("accuracy_lenient", float64(fl)/float64(fn))
			rep.ByFile[f] = FileScore{N: fn, Metrics: m}
			rep.N += fn
			strict += fs
			lenient += fl
		}
	}
	if rep.N == 0 {
		return nil, nothingScorable("claims", paths, rep, "no quotes-claims sentence")
	}
	rep.Metrics.Set("accuracy_strict", float64(strict)/float64(rep.N))
	rep.Metrics.Set("accuracy_lenient", float64(lenient)/float64(rep.N))
	for _, l := range claimLabels {
		tp, gold, ours := conf[l][l], 0, 0
		m := Metrics{}
		for _, o := range claimLabels {
			gold += conf[l][o]
			ours += conf[o][l]
			m.Set("n_"+o, float64(conf[l][o]))
		}
		if gold == 0 && ours == 0 {
			continue
		}
		p, r := amtRatio(tp, ours), amtRatio(tp, gold)
		m.Set("precision", p)
		m.Set("recall", r)
		if p+r > 0 {
			m.Set("f1", 2*p*r/(p+r))
		} else {
			m.Set("f1", 0)
		}
		m.Set("support", float64(gold))
		rep.ByType[l] = m
	}
	return rep, nil
}
