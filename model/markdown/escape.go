package markdown

import (
	"strings"

	"chrono/model/termtext"
)

// inline escapes one line of text so that Markdown shows its characters
// and nothing else: every character that can begin emphasis, code, a
// link, raw HTML, a heading, a table cell or an extension's markup gets a
// backslash, which CommonMark allows before any ASCII punctuation.
func inline(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '$', '^', '{', '}':
			b.WriteByte('\\')
		case '&':
			if entityAt(s[i:]) { // "&amp;" would show as "&"
				b.WriteByte('\\')
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// entityAt reports whether s begins with something Markdown reads as an
// HTML entity or character reference: &name; &#123; &#x1F;.
func entityAt(s string) bool {
	i := 1
	hex := false
	if i < len(s) && s[i] == '#' {
		i++
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			hex = true
			i++
		}
	}
	start := i
	for i < len(s) && (isDigit(s[i]) || isLetter(s[i]) && (start == 1 || hex)) {
		i++
	}
	return i > start && i < len(s) && s[i] == ';'
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// line escapes a line that begins a line of the output (after any
// blockquote or list prefix), where more can start a block: a list item
// (- + 1. 1)), a setext heading underline (= -), a definition (:).
// Leading and trailing spaces and tabs are dropped, as Markdown drops them
// from a paragraph's lines, so that none can start a code block.
func line(s string) string {
	s = inline(strings.Trim(s, " \t"))
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=', ':':
		return `\` + s
	}
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// code writes untrusted s as a code span on one line: its text shown
// exactly, in a fence of backticks longer than any run inside it.
func code(s string) string {
	s = termtext.Line(s)
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.Trim(s, " ") != "" {
		s = " " + s + " " // CommonMark strips one space from each end
	}
	return fence + s + fence
}
