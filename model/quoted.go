package model

import (
	"strings"
	"unicode/utf8"
)

// Quoted is text between quotation marks, as chrono shows a quote's
// words: a text that already opens and closes with marks of its own
// (“We will pay.”, copied with them from the page) gets none added, which
// would show them twice.
func Quoted(s string) string {
	if hasOwnMarks(s) {
		return s
	}
	return "“" + s + "”"
}

// hasOwnMarks reports whether s opens with a quotation mark and closes
// with one, in any of the ways languages write them.
func hasOwnMarks(s string) bool {
	first, n := utf8.DecodeRuneInString(s)
	last, m := utf8.DecodeLastRuneInString(s)
	return n+m <= len(s) && strings.ContainsRune(`"'“‘„‚«‹「『`, first) && strings.ContainsRune(`"'”’“‘»›」』`, last)
}
