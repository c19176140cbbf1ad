package csvfmt

import "strings"

// dropCRBeforeLF removes every carriage return that comes, alone or in a
// run, just before a line feed, and says how many it removed. CSV readers
// turn the CRLF that ends a line into LF, also inside a quoted cell, so a
// text cell can only keep the carriage returns that no LF follows. Write
// drops the others (and counts them); Read drops them too, so that what it
// returns writes back unchanged.
func dropCRBeforeLF(s string) (string, int) {
	if !strings.Contains(s, "\r\n") {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	dropped := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '\r' {
			b.WriteByte(s[i])
			continue
		}
		j := i
		for j < len(s) && s[j] == '\r' {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			dropped += j - i
		} else {
			b.WriteString(s[i:j])
		}
		i = j - 1
	}
	return b.String(), dropped
}
