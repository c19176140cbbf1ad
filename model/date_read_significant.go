package model

import "strings"

// cutSignificant reads the words chrono writes after a year given to
// significant digits, lower-cased: "1950 (to 2 significant digits)" is
// the year "1950" and "S2", as EDTF writes them (1950S2). Whether the
// digits suit the year is ParseDate's to say.
func cutSignificant(s string) (year, sig string, ok bool) {
	for _, suffix := range []string{" significant digits)", " significant digit)"} {
		rest, found := strings.CutSuffix(s, suffix)
		if !found {
			continue
		}
		i := strings.LastIndex(rest, " (to ")
		if i < 0 {
			return "", "", false
		}
		n := strings.TrimSpace(rest[i+len(" (to "):])
		if n == "" || !allDigits(n) {
			return "", "", false
		}
		return strings.TrimSpace(rest[:i]), "S" + n, true
	}
	return "", "", false
}
