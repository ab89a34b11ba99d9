package eval

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/extract/entity"
	"github.com/veille/veille/internal/nlp"
)

// accKm is the distance under which a resolved toponym counts as right.
const accKm = 161

// Skip reasons of the geo task.
const (
	skipGeoBadSpan  = "gold toponym span outside its text"
	skipGeoNoCoord  = "gold toponym without coordinates"
	skipGeoBadCoord = "gold coordinates impossible (not a number, or beyond ±90° latitude or ±180° longitude)"
)

// geoArticles is the root of the GeoWebNews, LGL, TR-News and GeoVirus
// XML files (EVAL.md, task "geo").
type geoArticles struct {
	XMLName  xml.Name     `xml:"articles"`
	Articles []geoArticle `xml:"article"`
}

type geoArticle struct {
	File      string        `xml:"file,attr"`
	DocID     string        `xml:"docid,attr"`
	Source    string        `xml:"source"`
	Text      string        `xml:"text"`
	Toponyms  []geoToponym  `xml:"toponyms>toponym"`
	Locations []geoLocation `xml:"locations>location"`
}

// geoToponym covers the GeoWebNews form (extractedName, geonamesID,
// latitude, longitude) and the LGL/TR-News form (phrase, gaztag).
type geoToponym struct {
	Start      string `xml:"start"`
	End        string `xml:"end"`
	Name       string `xml:"extractedName"`
	Phrase     string `xml:"phrase"`
	GeonamesID string `xml:"geonamesID"`
	Latitude   string `xml:"latitude"`
	Longitude  string `xml:"longitude"`
	Gaztag     *struct {
		ID  string `xml:"geonameid,attr"`
		Lat string `xml:"lat"`
		Lon string `xml:"lon"`
	} `xml:"gaztag"`
}

// geoLocation is the GeoVirus form.
type geoLocation struct {
	Name  string `xml:"name"`
	Start string `xml:"start"`
	End   string `xml:"end"`
	Lat   string `xml:"lat"`
	Lon   string `xml:"lon"`
}

// geoGold is one gold toponym in bytes of its article's text.
type geoGold struct {
	Span     veille.Span `json:"span"`
	Text     string      `json:"text"`
	ID       string      `json:"id,omitempty"`
	Lat, Lon *float64
}

// geoCounts accumulates the figures of one file or of all.
type geoCounts struct {
	coords, within, ids, exact  int
	gold, ours, goldHit, ourHit int
}

func (c *geoCounts) add(o geoCounts) {
	c.coords += o.coords
	c.within += o.within
	c.ids += o.ids
	c.exact += o.exact
	c.gold += o.gold
	c.ours += o.ours
	c.goldHit += o.goldHit
	c.ourHit += o.ourHit
}

func (c geoCounts) metrics() Metrics {
	var m Metrics
	m.Set("acc161", ratio(c.within, c.coords))
	m.Set("exact_id", ratio(c.exact, c.ids))
	m.Set("n_with_coords", float64(c.coords))
	p, r := ratio(c.ourHit, c.ours), ratio(c.goldHit, c.gold)
	m.Set("recognition_precision", p)
	m.Set("recognition_recall", r)
	m.Set("recognition_f1", f1(p, r))
	return m
}

// Geo scores toponym resolution with the gold spans given, as Mordecai3
// measures it (EVAL.md, task "geo"): for each gold toponym, the place we
// resolve at that span (our own mention overlapping it, else the gold
// phrase looked up in our gazetteer with the article's countries as
// context) is right when within 161 km of the gold coordinates
// (acc161, over entries with coordinates) and when its GeoNames ID is
// the gold's (exact_id, over entries with one). recognition_f1 compares
// our place spans with the gold's that have coordinates (any overlap;
// GeoWebNews also marks expressions such as "citizens" that name no
// place). Paths are XML files of
// GeoWebNews, LGL, TR-News or GeoVirus, or folders holding them
// (recognised by content); offsets in them are characters, and where
// they do not frame the toponym's own name (GeoVirus counts from 1; some
// TR-News offsets drift by a few characters) the name found nearest to
// them, within 10 characters, is the toponym (realign). N is the
// number of gold toponyms with coordinates.
func Geo(ctx context.Context, paths []string, withMisses bool) (*Report, error) {
	if len(paths) == 0 {
		return nil, errors.New("eval geo: no gold path given")
	}
	rep := NewReport("geo", paths, withMisses)
	rec := entity.New()
	var total geoCounts
	nfiles := 0
	var firstBad error // the first gold file that is not well-formed XML
	for _, p := range paths {
		var files []string
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(strings.ToLower(path), ".xml") {
				files = append(files, path)
			} else if !d.IsDir() && strings.HasSuffix(strings.ToLower(path), ".ann") {
				// GeoWebNews' BRAT copy holds the articles of its XML
				// file: scoring both would count them twice.
				rep.Skip("BRAT .ann file (the XML gold is scored)")
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("eval geo: %w", err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("eval geo: %w", err)
			}
			var doc geoArticles
			if err := xml.Unmarshal(b, &doc); err != nil || len(doc.Articles) == 0 {
				// A file that is not well-formed XML (truncated, not
				// XML at all) is counted and, when it was the only
				// one, named with its syntax error; well-formed XML of
				// another kind is not a geoparsing gold file.
				var se *xml.SyntaxError
				if errors.As(err, &se) {
					bad := fmt.Errorf("%s: XML syntax error on line %d: %s", f, se.Line, se.Msg)
					rep.Skip("unreadable gold file (" + bad.Error() + ")")
					if firstBad == nil {
						firstBad = bad
					}
				}
				continue
			}
			nfiles++
			name, _ := filepath.Rel(p, f)
			if name == "." || name == "" {
				name = filepath.Base(f)
			}
			var fc geoCounts
			for i, a := range doc.Articles {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				id := a.DocID
				if id == "" {
					id = a.File
				}
				if id == "" {
					id = strconv.Itoa(i)
				}
				fc.add(scoreGeoArticle(rec, a, name, id, rep))
			}
			rep.ByFile[name] = FileScore{N: fc.coords, Metrics: fc.metrics()}
			total.add(fc)
		}
	}
	if nfiles == 0 && firstBad != nil {
		return nil, fmt.Errorf("eval geo: %w", firstBad)
	}
	if nfiles == 0 {
		return nil, fmt.Errorf("eval geo: no GeoWebNews, LGL, TR-News or GeoVirus XML in %s (an <articles> root holding <article> elements)", strings.Join(paths, ", "))
	}
	rep.N = total.coords
	rep.Metrics = total.metrics()
	return rep, nil
}

func parseCoord(s string) *float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return nil
	}
	return &v
}

// coordsOK says whether gold coordinates, where given, are a place on
// Earth: finite, latitude within ±90°, longitude within ±180°.
func coordsOK(lat, lon *float64) bool {
	ok := func(v *float64, bound float64) bool {
		return v == nil || !math.IsNaN(*v) && *v >= -bound && *v <= bound
	}
	return ok(lat, 90) && ok(lon, 180)
}

// goldToponyms returns the article's gold toponyms in bytes.
func goldToponyms(a geoArticle, rep *Report) []geoGold {
	byteAt := runeOffsets(a.Text)
	conv := func(s, e string) (veille.Span, bool) {
		si, err1 := strconv.Atoi(strings.TrimSpace(s))
		ei, err2 := strconv.Atoi(strings.TrimSpace(e))
		if err1 != nil || err2 != nil || si < 0 || ei < si || ei >= len(byteAt) {
			return veille.Span{}, false
		}
		return veille.Span{Start: byteAt[si], End: byteAt[ei]}, true
	}
	var out []geoGold
	for _, t := range a.Toponyms {
		sp, ok := conv(t.Start, t.End)
		if !ok {
			rep.Skip(skipGeoBadSpan)
			continue
		}
		name := t.Phrase
		if name == "" {
			name = t.Name
		}
		sp = realign(a.Text, byteAt, sp, name)
		g := geoGold{Span: sp, Text: a.Text[sp.Start:sp.End], ID: strings.TrimSpace(t.GeonamesID),
			Lat: parseCoord(t.Latitude), Lon: parseCoord(t.Longitude)}
		if t.Gaztag != nil {
			g.ID, g.Lat, g.Lon = strings.TrimSpace(t.Gaztag.ID), parseCoord(t.Gaztag.Lat), parseCoord(t.Gaztag.Lon)
		}
		if !coordsOK(g.Lat, g.Lon) {
			rep.Skip(skipGeoBadCoord)
			continue
		}
		out = append(out, g)
	}
	for _, l := range a.Locations {
		sp, ok := conv(l.Start, l.End)
		if !ok {
			rep.Skip(skipGeoBadSpan)
			continue
		}
		sp = realign(a.Text, byteAt, sp, l.Name)
		g := geoGold{Span: sp, Text: a.Text[sp.Start:sp.End], Lat: parseCoord(l.Lat), Lon: parseCoord(l.Lon)}
		if !coordsOK(g.Lat, g.Lon) {
			rep.Skip(skipGeoBadCoord)
			continue
		}
		out = append(out, g)
	}
	return out
}

func scoreGeoArticle(rec *entity.Recognizer, a geoArticle, file, id string, rep *Report) geoCounts {
	var c geoCounts
	gold := goldToponyms(a, rep)
	seg := nlp.Segment(a.Text)
	units := append(append([]veille.Span(nil), seg.Sentences...), seg.Headings...)
	res := rec.Recognize(a.Text, units)
	overlap := func(x, y veille.Span) bool { return x.Start < y.End && y.Start < x.End }
	ours := res.Places
	c.ours = len(ours)
	for _, g := range gold {
		if g.Lat != nil {
			c.gold++
		}
	}
	for _, p := range ours {
		for _, g := range gold {
			if g.Lat != nil && overlap(p.Span, g.Span) {
				c.ourHit++
				break
			}
		}
	}
	for _, g := range gold {
		var got *veille.Place
		for k := range ours {
			if overlap(ours[k].Span, g.Span) {
				got = &ours[k]
				break
			}
		}
		if got != nil && g.Lat != nil {
			c.goldHit++
		}
		if got == nil {
			if p, ok := rec.Geocode(a.Text, g.Span, res); ok {
				got = &p
			}
		}
		if g.Lat == nil || g.Lon == nil {
			if g.ID == "" {
				rep.Skip(skipGeoNoCoord)
			}
		} else {
			c.coords++
			right := got != nil && entity.DistanceKm(*g.Lat, *g.Lon, got.Lat, got.Lon) <= accKm
			if right {
				c.within++
			} else {
				reason := "unresolved"
				var ours any
				if got != nil {
					reason = fmt.Sprintf("%.0f km away", entity.DistanceKm(*g.Lat, *g.Lon, got.Lat, got.Lon))
					ours = map[string]any{"id": got.ID, "name": got.Name, "lat": got.Lat, "lon": got.Lon}
				}
				rep.AddMiss(Miss{File: file, ID: id, Gold: map[string]any{"text": g.Text, "id": g.ID, "lat": *g.Lat, "lon": *g.Lon}, Ours: ours, Reason: reason})
			}
		}
		if g.ID != "" {
			c.ids++
			if got != nil && got.ID == "geonames:"+g.ID {
				c.exact++
			}
		}
	}
	return c
}

// realignChars is how far, in characters, realign looks for a toponym's
// own name around offsets that do not frame it.
const realignChars = 10

// realign returns the span of the toponym's name nearest to sp, within
// realignChars characters, when the gold's offsets do not frame its own
// name: GeoVirus counts offsets from 1, and a tenth of TR-News' toponyms
// drift by a few characters (whitespace the annotation tool counted
// otherwise). The name decides, as written in the gold; sp is returned
// unchanged when the name is empty or not found near it. byteAt maps
// character offsets to byte offsets of text (runeOffsets).
func realign(text string, byteAt []int, sp veille.Span, name string) veille.Span {
	name = strings.TrimSpace(name)
	if name == "" || text[sp.Start:sp.End] == name {
		return sp
	}
	// Character offset of sp.Start (byteAt is increasing).
	c := sort.SearchInts(byteAt, sp.Start)
	n := utf8.RuneCountInString(name)
	for d := 1; d <= realignChars; d++ {
		for _, s := range []int{c - d, c + d} {
			if s >= 0 && s+n < len(byteAt) && text[byteAt[s]:byteAt[s+n]] == name {
				return veille.Span{Start: byteAt[s], End: byteAt[s+n]}
			}
		}
	}
	return sp
}
