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
