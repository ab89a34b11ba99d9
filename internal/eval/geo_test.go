package eval

import (
	"context"
	"os"
	"testing"
)

func TestGeoFormats(t *testing.T) {
	dir := t.TempDir()
	// Offsets in characters: "é" is one character and two bytes.
	writeFile(t, dir, "gwn.xml", `<?xml version='1.0' encoding='utf-8'?>
<articles><article file="0"><text>Arrivé à Moscow, then Bamako.</text><toponyms>
<toponym><extractedName>Moscow</extractedName><start>9</start><end>15</end><geonamesID>524901</geonamesID><latitude>55.75222</latitude><longitude>37.61556</longitude></toponym>
<toponym><extractedName>Bamako</extractedName><start>22</start><end>28</end><geonamesID /></toponym>
</toponyms></article></articles>`)
	writeFile(t, dir, "lgl.xml", `<?xml version='1.0' encoding='utf-8'?>
<articles><article docid="1"><text>Mali's army</text><toponyms><toponym><start>0</start><end>4</end><phrase>Mali</phrase>
<gaztag geonameid="2453866"><name>Mali</name><lat>17</lat><lon>-4</lon></gaztag></toponym></toponyms></article></articles>`)
	writeFile(t, dir, "virus.xml", `<?xml version='1.0' encoding='utf-8'?>
<articles><article><text>Cases in Zorglub.</text><locations><location><name>Zorglub</name><start>9</start><end>16</end><lat>1</lat><lon>2</lon></location></locations></article></articles>`)
	// GeoVirus counts from 1: the name stands one character before.
	writeFile(t, dir, "virus1.xml", `<?xml version='1.0' encoding='utf-8'?>
<articles><article><text>Cases in Bamako.</text><locations><location><name>Bamako</name><start>10</start><end>16</end><lat>12.65</lat><lon>-8</lon></location></locations></article></articles>`)
	// Offsets drifting by a few characters: the phrase decides.
	writeFile(t, dir, "drift.xml", `<?xml version='1.0' encoding='utf-8'?>
<articles><article docid="2"><text>Rain  fell on Bamako.</text><toponyms><toponym><start>11</start><end>17</end><phrase>Bamako</phrase>
<gaztag geonameid="2460596"><name>Bamako</name><lat>12.65</lat><lon>-8</lon></gaztag></toponym></toponyms></article></articles>`)
	rep, err := Geo(context.Background(), []string{dir}, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"virus1.xml", "drift.xml"} {
		if a, _ := rep.ByFile[f].Metrics.Get("acc161"); a != 1 {
			t.Errorf("%s: offsets off the name: acc161 = %v, want 1; misses %+v", f, a, rep.Misses)
		}
		rep.N -= rep.ByFile[f].N
	}
	if rep.N != 3 {
		t.Errorf("N = %d, want 3", rep.N)
	}
	if a, _ := rep.Metrics.Get("acc161"); a < 0.79 || a > 0.81 {
		t.Errorf("acc161 = %v, want 4/5; misses %+v", a, rep.Misses)
	}
	if len(rep.Misses) != 1 || rep.Misses[0].Reason != "unresolved" {
		t.Errorf("misses = %+v", rep.Misses)
	}
	if _, err := Geo(context.Background(), []string{t.TempDir()}, false); err == nil {
		t.Error("no error on a folder without gold")
	}
}

func TestGeoShared(t *testing.T) {
	path := "../../../shared/eval/geo-gritta-en"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("gold not found at %s (it lives beside the repository in ../shared/eval)", path)
	}
	rep, err := Geo(context.Background(), []string{path}, false)
	if err != nil {
		t.Fatal(err)
	}
	gwn := rep.ByFile["GWN.dev-even-positions.xml"].Metrics
	a, _ := gwn.Get("acc161")
	t.Logf("GeoWebNews acc161 %.3f", a)
	if a < 0.84 {
		t.Errorf("GeoWebNews acc161 %.3f under the floor 0.84", a)
	}
	if r, _ := gwn.Get("recognition_f1"); r < 0.72 {
		t.Errorf("GeoWebNews recognition_f1 %.3f under the floor 0.72", r)
	}
}
