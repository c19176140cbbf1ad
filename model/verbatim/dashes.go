package verbatim

import (
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// dashNames are the dashes a quote and its source may write for one
// another, which look alike in most fonts and which no rule equates: a
// diff names them, or "5-10" against "5–10" would show two words a reader
// cannot tell apart.
var dashNames = map[rune]string{
	'-':      "HYPHEN-MINUS",
	'\u2010': "HYPHEN",
	'\u2011': "NON-BREAKING HYPHEN",
	'\u2012': "FIGURE DASH",
	'\u2013': "EN DASH",
	'\u2014': "EM DASH",
	'\u2015': "HORIZONTAL BAR",
	'\u2212': "MINUS SIGN",
	'\uFE58': "SMALL EM DASH",
	'\uFE63': "SMALL HYPHEN-MINUS",
	'\uFF0D': "FULLWIDTH HYPHEN-MINUS",
}

// isDash reports whether r is one of dashNames.
func isDash(r rune) bool { _, ok := dashNames[r]; return ok }

// joins reports whether r, between the word characters prev and next,
// is inside a word: an apostrophe or a hyphen ("so‑called" with any
// hyphen), or a dash between digits ("5–10"). A dash between words is
// punctuation ("said—and"), a word of its own in a diff.
func joins(prev, r, next rune) bool {
	switch r {
	case '\'', '-', '\u2010', '\u2011', '\uFE63', '\uFF0D':
		return true
	case '\u2012', '\u2013', '\u2212':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

// dashesApart says how quote and text differ when they differ only in
// which dashes they write ("" when they differ otherwise, or not): the
// first pair of dashes that differ, named.
func dashesApart(quote, text string) string {
	if quote == text || utf8.RuneCountInString(quote) != utf8.RuneCountInString(text) {
		return ""
	}
	var first string
	for quote != "" {
		q, qn := utf8.DecodeRuneInString(quote)
		t, tn := utf8.DecodeRuneInString(text)
		quote, text = quote[qn:], text[tn:]
		switch {
		case q == t:
		case isDash(q) && isDash(t):
			if first == "" {
				first = fmt.Sprintf("the text's %c is U+%04X %s, the quote's %c U+%04X %s", t, t, dashNames[t], q, q, dashNames[q])
			}
		default:
			return ""
		}
	}
	return first
}

// dashNote is the note DiffString writes after the words the text has
// in place of the quote's, when a word of one differs from the other's
// in the same place only in its dashes (the others may differ
// otherwise: "the so-called" against "The so‑called").
func dashNote(removed, added string) string {
	rs, as := strings.Split(removed, " "), strings.Split(added, " ")
	if len(rs) != len(as) {
		return ""
	}
	for i := range rs {
		if apart := dashesApart(rs[i], as[i]); apart != "" {
			return " (" + apart + ")"
		}
	}
	return ""
}

// dashParts yields the parts of w between its dashes, with the offset of
// each in w.
func dashParts(w string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		start := 0
		for i, r := range w {
			if !isDash(r) {
				continue
			}
			if i > start && !yield(w[start:i], start) {
				return
			}
			start = i + utf8.RuneLen(r)
		}
		if start < len(w) {
			yield(w[start:], start)
		}
	}
}
