package veille

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// MarshalJSON writes the date as Date.String: "2021", "2021-09",
// "2021-09-15" or an RFC 3339 instant.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads what MarshalJSON writes; "" is the zero Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ErrBadDate is returned by ParseDate for a string it does not understand.
var ErrBadDate = fmt.Errorf("veille: unrecognised date")

// dateLayouts are tried in order by ParseDate, with the precision each gives.
var dateLayouts = []struct {
	layout string
	prec   Precision
}{
	{time.RFC3339Nano, PrecisionInstant},
	{"2006-01-02T15:04:05Z0700", PrecisionInstant},
	{"2006-01-02 15:04:05Z07:00", PrecisionInstant},
	{"2006-01-02 15:04:05-0700", PrecisionInstant},
	{"2006-01-02T15:04:05", PrecisionInstant},
	{"2006-01-02T15:04", PrecisionInstant},
	{"2006-01-02 15:04:05", PrecisionInstant},
	{"2006-01-02 15:04", PrecisionInstant},
	{time.RFC1123Z, PrecisionInstant},
	{time.RFC1123, PrecisionInstant},
	{"Mon, 2 Jan 2006 15:04:05 -0700", PrecisionInstant},
	{"Mon, 2 Jan 2006 15:04:05 MST", PrecisionInstant},
	{"2006-01-02", PrecisionDay},
	{"2006/01/02", PrecisionDay},
	{"20060102", PrecisionDay},
	{"2006-01", PrecisionMonth},
	{"2006/01", PrecisionMonth},
	{"2006", PrecisionYear},
}

// ParseDate parses the date forms found in article metadata: ISO 8601 and
// RFC 3339 at any precision ("2021", "2021-09", "2021-09-15",
// "2021-09-15T08:30:00+02:00", "2023-01-01 07:00:40+00:00") and RFC 1123.
// Instants keep the UTC offset they were written with (so their calendar
// day stays the publisher's); partial dates start their period at
// midnight UTC. "" gives the zero Date and no error; anything else it cannot
// read returns an error wrapping ErrBadDate.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1000 || t.Year() > 9999 {
			break
		}
		if l.prec != PrecisionInstant {
			t = t.UTC()
		}
		return Date{Time: t, Precision: l.prec}, nil
	}
	return Date{}, fmt.Errorf("%w: %q", ErrBadDate, s)
}
