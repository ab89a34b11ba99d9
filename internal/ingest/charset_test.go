package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeHTMLCharset(t *testing.T) {
	latin1 := func(s string) string {
		b, err := charmap.ISO8859_1.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cp1251 := func(s string) string {
		b, err := charmap.Windows1251.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().String("東京の天気")
	if err != nil {
		t.Fatal(err)
	}
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<p>Ça va à Zürich</p>")
	if err != nil {
		t.Fatal(err)
	}
	longHead := "<html><head>" + strings.Repeat(`<link rel="preload" href="/static/app.js">`, 60)
	for _, c := range []struct {
		name, page, contentType string
		want, wantName          string
	}{
		{"utf-8 BOM", "\xef\xbb\xbf<p>café</p>", "", "<p>café</p>", "utf-8"},
		{"utf-16 BOM", utf16le, "", "<p>Ça va à Zürich</p>", "utf-16le"},
		{"header charset", "<p>" + cp1251("Привет") + "</p>", "text/html; charset=windows-1251", "<p>Привет</p>", "windows-1251"},
		{"meta charset", `<meta charset="iso-8859-1"><p>` + latin1("déjà vu") + "</p>", "", `<meta charset="iso-8859-1"><p>déjà vu</p>`, "windows-1252"},
		{"meta http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>` + sjis + "</p>", "",
			`<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>東京の天気</p>`, "shift_jis"},
		// Past the first 1024 bytes, where x/net/html/charset stops looking.
		{"late meta", longHead + `<meta charset="latin1"></head><p>` + latin1("né à Montréal") + "</p>", "",
			longHead + `<meta charset="latin1"></head><p>né à Montréal</p>`, "windows-1252"},
		{"mislabelled utf-8", `<meta charset="iso-8859-1"><p>né à Montréal</p>`, "", `<meta charset="iso-8859-1"><p>né à Montréal</p>`, "utf-8"},
		{"mislabelled utf-8 header", `<p>né à Montréal</p>`, "text/html; charset=ISO-8859-1", `<p>né à Montréal</p>`, "utf-8"},
		{"undeclared utf-8", `<p>né à Montréal</p>`, "", `<p>né à Montréal</p>`, "utf-8"},
		{"undeclared legacy", "<p>\x93quoted\x94 caf\xe9</p>", "", "<p>“quoted” café</p>", "windows-1252"},
		{"unknown label", `<meta charset="klingon"><p>plain</p>`, "", `<meta charset="klingon"><p>plain</p>`, "utf-8"},
		{"broken utf-8", `<meta charset="utf-8"><p>caf` + "\xe9" + ` and caf` + "é" + `</p>`, "", `<meta charset="utf-8"><p>caf` + "\uFFFD" + ` and café</p>`, "utf-8"},
		{"utf-16 declared in ascii", `<meta charset="utf-16"><p>café</p>`, "", `<meta charset="utf-16"><p>café</p>`, "utf-8"},
	} {
		got, name := decodeHTML([]byte(c.page), c.contentType)
		if string(got) != c.want || name != c.wantName {
			t.Errorf("%s: got %q (%s), want %q (%s)", c.name, got, name, c.want, c.wantName)
		}
		if !utf8.Valid(got) {
			t.Errorf("%s: result is not valid UTF-8", c.name)
		}
	}
}
