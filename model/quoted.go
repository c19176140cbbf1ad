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

// markPairs are the quotation marks that open and close a quotation, as
// languages write them: English, German (two ways), French, Swedish,
// Danish, Japanese.
var markPairs = map[rune]string{'“': "”", '"': `"`, '‘': "’", '\'': "'", '„': "“”", '‚': "‘’", '«': "»", '‹': "›", '”': "”", '»': "«»", '「': "」", '『': "』"}

// QuoteCloses is the marks that close a quotation first opens, and
// whether first opens one.
func QuoteCloses(first rune) (string, bool) {
	closers, ok := markPairs[first]
	return closers, ok
}

// hasOwnMarks reports whether s is one quotation in its own marks: it
// opens with a mark and closes with one of its pair, and the closing mark
// is not found between them (`"Pay" is what he said, not "give"` is two
// quotations and the words between them).
func hasOwnMarks(s string) bool {
	first, n := utf8.DecodeRuneInString(s)
	last, m := utf8.DecodeLastRuneInString(s)
	closers, ok := markPairs[first]
	if !ok || n+m > len(s) || !strings.ContainsRune(closers, last) {
		return false
	}
	return !strings.ContainsRune(s[n:len(s)-m], last)
}
