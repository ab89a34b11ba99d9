package ingest

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// metaScanBytes bounds the part of a page searched for a <meta> charset
// declaration. The HTML standard says 1024 bytes, but news pages often put
// dozens of <link> and <script> tags before it.
const metaScanBytes = 64 << 10

// decodeHTML returns page as UTF-8 and the name of the encoding it was
// decoded from (a WHATWG label such as "utf-8" or "windows-1252").
//
// The encoding is chosen in this order:
//  1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE), which always wins;
//  2. the charset parameter of contentType (an HTTP Content-Type header
//     value; "" when there is none);
//  3. a <meta charset> or <meta http-equiv="Content-Type"> in the first
//     64 KB of the page;
//  4. UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the HTML
//     standard's default, a superset of ISO-8859-1).
//
// A declared single-byte charset (2 or 3) is overruled when the page is
// valid UTF-8 and holds non-ASCII bytes: servers and templates often label
// UTF-8 pages ISO-8859-1, while Latin-1 text is almost never valid UTF-8.
// The result is always valid UTF-8: undecodable bytes become U+FFFD.
func decodeHTML(page []byte, contentType string) ([]byte, string) {
	if bytes.HasPrefix(page, []byte("\xef\xbb\xbf")) {
		return bytes.ToValidUTF8(page[3:], []byte("\uFFFD")), "utf-8"
	}
	if bytes.HasPrefix(page, []byte("\xff\xfe")) {
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), page), "utf-16le"
	}
	if bytes.HasPrefix(page, []byte("\xfe\xff")) {
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), page), "utf-16be"
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	if label == "" || !knownCharset(label) {
		label = metaCharset(page[:min(len(page), metaScanBytes)])
	}
	var enc encoding.Encoding
	name := ""
	if label != "" {
		enc, name = charset.Lookup(label)
	}
	// A page declaring UTF-16 in ASCII-compatible bytes is UTF-8 (HTML
	// standard, "prescan"); so is an undeclared or mislabelled UTF-8 page.
	if enc == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") || (isSingleByte(name) && utf8.Valid(page) && hasHighBit(page)) {
		if utf8.Valid(page) || name == "utf-8" || strings.HasPrefix(name, "utf-16") {
			return bytes.ToValidUTF8(page, []byte("\uFFFD")), "utf-8"
		}
		enc, name = charset.Lookup("windows-1252")
	}
	return decodeWith(enc, page), name
}

// decodeWith decodes b with enc, replacing what cannot be decoded.
func decodeWith(enc encoding.Encoding, b []byte) []byte {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// The x/text decoders replace invalid input themselves; an error
		// here means a broken transformer: keep the bytes, made valid.
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD"))
}

// knownCharset reports whether label names an encoding the HTML standard
// knows.
func knownCharset(label string) bool {
	e, _ := charset.Lookup(label)
	return e != nil
}

// isSingleByte reports whether the WHATWG encoding name is a legacy
// single-byte encoding (ISO-8859-x, Windows-125x, KOI8, Macintosh…).
func isSingleByte(name string) bool {
	return strings.HasPrefix(name, "iso-8859-") || strings.HasPrefix(name, "windows-") ||
		strings.HasPrefix(name, "koi8-") || name == "macintosh" || name == "x-mac-cyrillic" || name == "ibm866"
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// metaCharset returns the charset a <meta> element of head declares, or "".
// It reads tags only, stops at <body>, and ignores declarations it does not
// know.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			var cs, httpEquiv, content string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(strings.TrimSpace(string(v)))
				case "content":
					content = string(v)
				}
			}
			if cs == "" && httpEquiv == "content-type" {
				if _, params, err := mime.ParseMediaType(content); err == nil {
					cs = params["charset"]
				} else if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					cs = strings.Trim(content[i+len("charset="):], ` "';`)
				}
			}
			if cs = strings.TrimSpace(cs); cs != "" && knownCharset(cs) {
				return cs
			}
		}
	}
}
