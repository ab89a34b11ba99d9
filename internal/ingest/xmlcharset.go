package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Character sets of feeds.
//
// Feeds lie about their encoding: some declare ISO-8859-1 and hold UTF-8,
// some hold Latin-1 bytes with no declaration at all, some declare a label
// no decoder knows. Like miniflux (internal/reader/encoding), the rule is
// that bytes which are valid UTF-8 are UTF-8, whatever the declaration says;
// only other bytes are decoded, from the HTTP charset, else the declared
// encoding, else windows-1252 (the superset of Latin-1 that browsers use for
// undeclared Western pages). Unlike miniflux, undeclared and mis-declared
// legacy bytes are decoded rather than dropped.

// xmlToUTF8 returns the XML document b as UTF-8, its XML declaration
// rewritten without an encoding so that no parser decodes it a second time,
// and the characters XML forbids (C0 controls other than tab, newline and
// carriage return; U+FFFE, U+FFFF) removed. httpCharset is the charset
// parameter of the HTTP Content-Type, or "".
func xmlToUTF8(b []byte, httpCharset string) []byte {
	b = fromUTF16(b)
	declared := ""
	start, end := xmlDeclaration(b)
	if end > start {
		declared = declAttr(b[start:end], "encoding")
	}
	b = toUTF8(b, httpCharset, declared)
	if start, end = xmlDeclaration(b); end > start {
		b = append(append(append([]byte{}, b[:start]...), `<?xml version="1.0"?>`...), b[end:]...)
	}
	return dropInvalidXMLChars(b)
}

// textToUTF8 returns b, a text document such as a JSON feed, as UTF-8: a
// byte order mark is removed and invalid UTF-8 is decoded from label, else
// windows-1252 (see toUTF8).
func textToUTF8(b []byte, label string) []byte {
	return toUTF8(fromUTF16(b), label, "")
}

// toUTF8 decodes b to UTF-8. Valid UTF-8 is returned as it is (minus a byte
// order mark). Otherwise the first of the labels that names a known
// non-UTF-8 encoding decodes it; when none does, bytes that are mostly UTF-8
// with a few stray bytes are repaired (stray bytes become U+FFFD), and other
// bytes are decoded as windows-1252.
func toUTF8(b []byte, labels ...string) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return b
	}
	var enc encoding.Encoding
	for _, l := range labels {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		e, name := charset.Lookup(l)
		if e != nil && name != "utf-8" && name != "replacement" {
			enc = e
			break
		}
	}
	if enc == nil {
		if mostlyUTF8(b) {
			return bytes.ToValidUTF8(b, []byte("\uFFFD"))
		}
		enc = charmap.Windows1252
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return out
}

// mostlyUTF8 reports whether b holds more valid multi-byte UTF-8 sequences
// than stray bytes: UTF-8 text with a few damaged characters, not text in a
// legacy 8-bit encoding (where high bytes rarely form valid sequences).
func mostlyUTF8(b []byte) bool {
	valid, invalid := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			valid++
		}
		b = b[n:]
	}
	return valid > invalid
}

// fromUTF16 decodes a document in UTF-16, recognised by its byte order mark
// or by a leading "<" encoded in two bytes; other input is returned as is.
func fromUTF16(b []byte) []byte {
	var e encoding.Encoding
	switch {
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}), bytes.HasPrefix(b, []byte{0, '<', 0}):
		e = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}), bytes.HasPrefix(b, []byte{'<', 0, '?', 0}):
		e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	default:
		return b
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return b
	}
	return out
}

// xmlDeclaration returns the byte range of the XML declaration
// ("<?xml … ?>") when the document opens with one after white space and a
// UTF-8 byte order mark, else (0, 0). A declaration not closed within 4 KB
// is not one.
func xmlDeclaration(b []byte) (start, end int) {
	t := bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	off := len(b) - len(t)
	for len(t) > 0 && (t[0] == ' ' || t[0] == '\t' || t[0] == '\r' || t[0] == '\n') {
		t = t[1:]
		off++
	}
	if len(t) < 6 || !bytes.Equal(t[:5], []byte("<?xml")) || !isXMLSpace(t[5]) {
		return 0, 0
	}
	i := bytes.Index(t[:min(len(t), 4096)], []byte("?>"))
	if i < 0 {
		return 0, 0
	}
	return off, off + i + 2
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// declAttr returns the value of the pseudo-attribute name in an XML
// declaration (encoding="ISO-8859-1" → "ISO-8859-1"), or "".
func declAttr(decl []byte, name string) string {
	i := bytes.Index(decl, []byte(name))
	if i < 0 {
		return ""
	}
	v := bytes.TrimLeft(decl[i+len(name):], " \t\r\n")
	if len(v) == 0 || v[0] != '=' {
		return ""
	}
	v = bytes.TrimLeft(v[1:], " \t\r\n")
	if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
		return ""
	}
	j := bytes.IndexByte(v[1:], v[0])
	if j < 0 {
		return ""
	}
	return string(v[1 : j+1])
}

// dropInvalidXMLChars removes the characters that encoding/xml rejects: C0
// controls other than tab, newline and carriage return, and U+FFFE and
// U+FFFF. b must be valid UTF-8; it is changed in place when needed.
func dropInvalidXMLChars(b []byte) []byte {
	if !bytes.ContainsFunc(b, notXMLChar) {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if !notXMLChar(r) {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

func notXMLChar(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
}
