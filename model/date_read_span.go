package model

import (
	"strconv"
	"strings"
)

// humanYearSpan reads, lower-cased, a span of years as chrono labels a
// year with unspecified digits: "2000–2099" (20XX), "2020–2011 bce"
// (-201X), "900–999 ce" (09XX). It answers the EDTF year with its X
// digits, which is how an interval's end written so ("2000–2099 – 2100–
// 2199") reads: an end is one date, not an interval. Only a span that is
// exactly such a year is read; "2017–2019" is not one date.
func humanYearSpan(s string) (string, bool) {
	bce, ce := false, false
	for _, era := range []string{" bce", " bc", " b.c."} {
		if rest, ok := strings.CutSuffix(s, era); ok {
			s, bce = rest, true
			break
		}
	}
	for _, era := range []string{" ce", " ad", " a.d."} {
		if rest, ok := strings.CutSuffix(s, era); ok && !bce {
			s, ce = rest, true
			break
		}
	}
	from, to, ok := strings.Cut(s, "–")
	if year, ok := eraCrossingSpan(from, to, ce); ok {
		return year, true
	}
	if !ok || from == "" || to == "" || !allDigits(from) || !allDigits(to) || len(from) > 4 || len(to) > 4 {
		return "", false
	}
	a, _ := strconv.ParseInt(from, 10, 64)
	b, _ := strconv.ParseInt(to, 10, 64)
	// The magnitudes whose last digits are unspecified: the years of
	// the common era, or the astronomical years' before it (2020–2011 BCE
	// is -2019 to -2010, -201X).
	first, last := a, b
	if bce {
		first, last = b-1, a-1
	}
	if !bce && (first == 0 || !ce && first < 1000) { // the common era has no year 0; "999" alone is too often no year
		return "", false
	}
	for _, x := range []struct {
		digits int
		span   int64
	}{{1, 10}, {2, 100}} {
		if first < 0 || first%x.span != 0 || last != first+x.span-1 {
			continue
		}
		digits := appendPadded(nil, first, 4)
		for k := range x.digits {
			digits[len(digits)-1-k] = 'X'
		}
		if bce {
			return "-" + string(digits), true
		}
		return string(digits), true
	}
	return "", false
}

// eraCrossingSpan reads the two spans of years that run from one era
// into the other, as chrono labels them: "1 bce–9 ce" (000X) and "1 bce–
// 99 ce" (00XX), cut at the dash, the common era's mark (ce) cut from the
// end.
func eraCrossingSpan(from, to string, ce bool) (string, bool) {
	if !ce {
		return "", false
	}
	for _, era := range []string{" bce", " bc", " b.c."} {
		if rest, ok := strings.CutSuffix(from, era); ok && rest == "1" {
			switch to {
			case "9":
				return "000X", true
			case "99":
				return "00XX", true
			}
		}
	}
	return "", false
}

// cutSpanQualifier takes from a span written with an unspaced dash,
// "c. 2020–2011 bce?", lower-cased and cut at the dash, the "c." before
// it and the "?" after it, and answers them as an EDTF qualifier for
// both ends. chrono labels a year with unspecified digits so, -201X%
// as "c. 2020–2011 BCE?", and the qualifier is the whole year's: read
// on the end it is written beside, it would leave the other end sure.
// An end that is not known ("2017–?") keeps its "?", and ends qualified
// each on its own ("c. 2017–c. 2019?") keep theirs.
func cutSpanQualifier(first, second string) (string, string, string) {
	first, second = strings.TrimSpace(first), strings.TrimSpace(second)
	if first == "?" || second == "?" || strings.HasSuffix(first, "?") {
		return first, second, ""
	}
	for _, prefix := range approximatePrefixes {
		if strings.HasPrefix(second, prefix) {
			return first, second, ""
		}
	}
	approximate, uncertain := false, false
	for _, prefix := range approximatePrefixes {
		if rest, ok := strings.CutPrefix(first, prefix); ok {
			first, approximate = rest, true
			break
		}
	}
	if rest, ok := strings.CutSuffix(second, "?"); ok {
		second, uncertain = rest, true
	}
	return first, second, qualifierEDTF(approximate, uncertain)
}

// qualify adds an EDTF qualifier to a date written as EDTF, with any it
// already has: "2019~" qualified "?" is "2019%".
func qualify(edtf, qualifier string) string {
	if qualifier == "" || edtf == "" {
		return edtf
	}
	approximate := strings.ContainsAny(qualifier, "~%")
	uncertain := strings.ContainsAny(qualifier, "?%")
	switch edtf[len(edtf)-1] {
	case '~':
		approximate = true
	case '?':
		uncertain = true
	case '%':
		approximate, uncertain = true, true
	default:
		return edtf + qualifier
	}
	return edtf[:len(edtf)-1] + qualifierEDTF(approximate, uncertain)
}

// qualifierEDTF writes what qualifies a date as EDTF does.
func qualifierEDTF(approximate, uncertain bool) string {
	switch {
	case approximate && uncertain:
		return "%"
	case approximate:
		return "~"
	case uncertain:
		return "?"
	}
	return ""
}
