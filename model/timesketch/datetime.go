package timesketch

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
	"time"

	"chrono/model"
)

// notISO is what a datetime that is not ISO 8601 gets told.
const notISO = "not an ISO 8601 date and time: write it as 2017-08-14 or 2017-08-14T15:04:05+00:00"

// parseDatetime reads an ISO 8601 datetime as a date at the precision
// written: 2017-08-14 is a day, 2017-08-14T15:04:05.5+02:00 a second with
// its fraction and offset, and a time without an offset is local time.
// It accepts the spellings Timesketch files use (a space for the T, a
// comma for the decimal point, +0200 for +02:00) and writes them as EDTF;
// -00:00, "UTC known, local offset unknown", becomes Z. The error is a
// message without the datetime.
//
// It reads too what Timesketch's importer, and the tools whose output
// it takes, write otherwise: a zone named after the time ("10:15:30
// UTC", "GMT"), ISO 8601's basic format (20210304T101530Z), an e-mail's
// or HTTP date (Thu, 04 Mar 2021 10:15:30 GMT), and a time to the
// minute, read at second 00, which noSeconds says, to be counted.
func parseDatetime(s string) (d model.Date, msg string, noSeconds bool) {
	s = strings.TrimSpace(s)
	for _, name := range [...]string{" UTC", " GMT", "UTC", "GMT", " Z"} {
		// Only after a date and time of ISO 8601's, with no offset.
		if rest, ok := cutSuffixFold(s, name); ok && len(rest) >= len("20060102T1504") && allDigits(rest[:4]) && !strings.ContainsAny(rest[len("2006-01-02"):], "+-Zz") {
			s = rest + "Z"
			break
		}
	}
	if extended, ok := basicISO(s); ok {
		s = extended
	}
	d, msg, noSeconds = extendedISO(s)
	if msg == notISO {
		for _, layout := range [...]string{time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST"} {
			// In UTC, not the host's zone: time.Parse would take a name
			// the host's zone uses (EST in New York) as its offset, so a
			// file would read otherwise on a host in another zone.
			if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
				if _, offset := t.Zone(); offset != 0 || strings.HasSuffix(layout, "-0700") || isUTCName(s) {
					return extendedISO(t.Format("2006-01-02T15:04:05Z07:00"))
				}
			}
		}
	}
	return d, msg, noSeconds
}

// isUTCName reports whether a date written with a zone's name ends in
// one of UTC's (UTC, GMT, UT, Z): time.ParseInLocation takes any other
// name it does not know as an offset of zero, which it is not.
func isUTCName(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	switch strings.ToUpper(s[i+1:]) {
	case "UTC", "GMT", "UT", "Z":
		return true
	}
	return false
}

// cutSuffixFold is strings.CutSuffix, ignoring ASCII case.
func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

// basicISO rewrites ISO 8601's basic format, without separators
// (20210304T101530Z, 20210304T101530.5+0200), in the extended one.
func basicISO(s string) (string, bool) {
	if len(s) < len("20060102T150405") || (s[8] != 'T' && s[8] != 't') || !allDigits(s[:8]) || !allDigits(s[9:15]) {
		return "", false
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:8] + "T" + s[9:11] + ":" + s[11:13] + ":" + s[13:], true
}

// extendedISO reads ISO 8601's extended format, as parseDatetime says.
func extendedISO(s string) (d model.Date, msg string, noSeconds bool) {
	var b strings.Builder
	b.Grow(len(s) + 1) // EDTF is as long, or one longer: +0200 is +02:00
	i := 0
	digits := func(n int) bool {
		if i+n > len(s) {
			return false
		}
		for k := range n {
			if c := s[i+k]; c < '0' || c > '9' {
				return false
			}
		}
		b.WriteString(s[i : i+n])
		i += n
		return true
	}
	accept := func(c byte) bool {
		if i < len(s) && s[i] == c {
			b.WriteByte(c)
			i++
			return true
		}
		return false
	}
	if !digits(4) {
		return model.Date{}, notISO, false
	}
	day := false
	if accept('-') {
		if !digits(2) {
			return model.Date{}, notISO, false
		}
		if accept('-') {
			if !digits(2) {
				return model.Date{}, notISO, false
			}
			day = true
		}
	}
	if day && i < len(s) && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') {
		b.WriteByte('T')
		i++
		if !digits(2) || !accept(':') || !digits(2) {
			return model.Date{}, notISO, false
		}
		if accept(':') {
			if !digits(2) {
				return model.Date{}, notISO, false
			}
		} else {
			b.WriteString(":00")
			noSeconds = true
		}
		if i < len(s) && (s[i] == '.' || s[i] == ',') && !noSeconds {
			b.WriteByte('.')
			i++
			start := i
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			b.WriteString(s[start:i])
		}
		if msg := zone(&b, s, &i); msg != "" {
			return model.Date{}, msg, false
		}
	}
	if i != len(s) {
		return model.Date{}, notISO, false
	}
	d, err := model.ParseDate(b.String())
	if err != nil {
		var de *model.DateError
		if errors.As(err, &de) {
			return model.Date{}, de.Msg, false
		}
		return model.Date{}, err.Error(), false
	}
	return d, "", noSeconds
}

// zone copies an offset from UTC at s[*i:] to b in EDTF's spelling.
func zone(b *strings.Builder, s string, i *int) string {
	if *i == len(s) {
		return "" // local time
	}
	switch c := s[*i]; c {
	case 'Z', 'z':
		b.WriteByte('Z')
		*i++
		return ""
	case '+', '-':
		rest := s[*i+1:]
		var hh, mm string
		switch {
		case len(rest) == 2:
			hh = rest
		case len(rest) == 4:
			hh, mm = rest[:2], rest[2:]
		case len(rest) == 5 && rest[2] == ':':
			hh, mm = rest[:2], rest[3:]
		default:
			return "an offset from UTC is written Z, ±hh:mm, ±hhmm or ±hh"
		}
		if !allDigits(hh) || !allDigits(mm) {
			return "an offset from UTC is written Z, ±hh:mm, ±hhmm or ±hh"
		}
		*i = len(s)
		if c == '-' && strings.Trim(hh+mm, "0") == "" {
			b.WriteByte('Z')
			return ""
		}
		b.WriteByte(c)
		b.WriteString(hh)
		if mm != "" {
			b.WriteByte(':')
			b.WriteString(mm)
		}
	}
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseTimestamp reads Timesketch's timestamp, a whole number of units
// since 1970-01-01T00:00:00Z (see timestampUnit). A whole number written
// as a float (1502723045000000.0, 1.502723045e15), as Python writes a
// float, is read too, exactly; why says what is wrong with any other.
func parseTimestamp(s string) (n int64, why string) {
	s = strings.TrimSpace(s)
	n, err := strconv.ParseInt(s, 10, 64)
	if err == nil {
		return n, ""
	}
	var r big.Rat
	if len(s) > maxFloatStamp {
		// big.Rat reads a number in time that grows with the square of
		// its digits: a hostile file's would stall the import.
		return 0, "beyond any time a timestamp of 64 bits holds (or written with more digits than one needs)"
	}
	if !floatSyntax(s) {
		return 0, "want whole microseconds since 1970-01-01T00:00:00Z, like 1502723045000000"
	}
	if _, ok := r.SetString(s); !ok {
		return 0, "want whole microseconds since 1970-01-01T00:00:00Z, like 1502723045000000"
	}
	if !r.IsInt() {
		return 0, "a timestamp is a whole number (of microseconds since 1970-01-01T00:00:00Z, or of the unit its size says), not one with a fraction: write the time as datetime to give a finer one"
	}
	if !r.Num().IsInt64() {
		return 0, "beyond any time a timestamp of 64 bits holds"
	}
	return r.Num().Int64(), ""
}

// maxFloatStamp is the longest a timestamp written as a float may be:
// nineteen digits, a sign, a point, thirty zeros after it and an exponent
// take fewer.
const maxFloatStamp = 64

// floatSyntax reports whether s is a JSON number with a fraction or an
// exponent of at most two digits: any timestamp of 64 bits is written so,
// and a larger exponent would have big.Rat build a number of any size.
func floatSyntax(s string) bool {
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	if hasExp {
		exp = strings.TrimPrefix(strings.TrimPrefix(exp, "+"), "-")
		if exp == "" || len(exp) > 2 || !allDigits(exp) {
			return false
		}
	}
	mant = strings.TrimPrefix(mant, "-")
	whole, frac, _ := strings.Cut(mant, ".")
	return whole != "" && allDigits(whole) && allDigits(frac)
}

// appendDigits appends n, which is not negative, in width digits,
// zero-padded.
func appendDigits(b []byte, n, width int) []byte {
	start := len(b)
	for range width {
		b = append(b, '0')
	}
	for i := len(b) - 1; i >= start && n > 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return b
}

// earliest returns the first instant of d for Timesketch: as RFC 3339 in
// the offset of d's own time of day (+00:00 when it has none), and in
// microseconds. ok is false when the start is open or unknown, or outside
// the years 1–9999, which RFC 3339 cannot write; why says which loss.
func earliest(d model.Date) (datetime string, us int64, why model.Loss, ok bool) {
	start, ok := d.Start()
	if !ok {
		return "", 0, OpenStart, false
	}
	sec, nsec := start.Earliest().Unix()
	offset := 0
	if start.HasOffset() {
		y, mo, day, h, mi, s, _ := start.Parts()
		local := time.Date(int(y), time.Month(mo), day, h, mi, s, 0, time.UTC).Unix()
		offset = int(local - sec)
	}
	t := time.Unix(sec, int64(nsec)).In(time.FixedZone("", offset))
	if t.Year() < 1 || t.Year() > 9999 {
		return "", 0, OutOfRange, false
	}
	// Fractions as Python, Timesketch's language, writes them: none, or
	// six digits; nine when there are nanoseconds.
	layout := "2006-01-02T15:04:05-07:00"
	switch {
	case nsec%1000 != 0:
		layout = "2006-01-02T15:04:05.000000000-07:00"
	case nsec != 0:
		layout = "2006-01-02T15:04:05.000000-07:00"
	}
	return t.Format(layout), sec*1e6 + int64(nsec/1000), model.Loss{}, true
}

// noTime reports whether a datetime is 0000-00-00, with a time or not:
// what Plaso's outputs write for an event that has no time (timestamp 0).
// No calendar has a month or day 0, so it cannot be a date.
func noTime(dt string) bool {
	dt = strings.TrimSpace(dt)
	rest, ok := strings.CutPrefix(dt, "0000-00-00")
	return ok && (rest == "" || rest[0] == 'T' || rest[0] == ' ')
}
