// Package wordwrap lays text out in lines of a terminal's width, breaking
// at spaces only.
package wordwrap

import "strings"

// Lines lays s, which may be styled (SGR, OSC 8), out in lines of at
// most width cells, breaking at spaces only: an event id, a URL or any
// hyphenated word is never split at its hyphen, so that what shows can
// be read and copied whole. A word is cut only where it alone is wider
// than a line, and then starts a line of its own. The text's own line
// breaks, the spaces that indent a line and those within it are kept;
// the spaces where a line breaks are dropped. Sequences stay whole, in
// the line of the text they style.
//
// measure gives a word's width in cells, and cut breaks a word too wide
// for any line into lines of at most width cells, as the terminal's
// measure of the caller has it (ansi.Method's StringWidth and Hardwrap).
func Lines(s string, width int, measure func(string) int, cut func(string, int) string) []string {
	if width <= 0 {
		return nil
	}
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, line(l, width, measure, cut)...)
	}
	return out
}

// line wraps one line of text without line breaks (see Lines).
func line(s string, width int, measure func(string) int, cut func(string, int) string) []string {
	var out []string
	cur, curW := "", 0
	for s != "" {
		spaces := len(s) - len(strings.TrimLeft(s, " "))
		gap, rest := s[:spaces], s[spaces:]
		end := wordEnd(rest)
		word := rest[:end]
		s = rest[end:]
		if word == "" {
			// Spaces that end the line: kept as far as they fit.
			cur += gap[:min(len(gap), max(width-curW, 0))]
			break
		}
		ww := measure(word)
		switch {
		case curW+len(gap)+ww <= width:
			cur += gap + word
			curW += len(gap) + ww
			continue
		case cur != "":
			out = append(out, cur)
		}
		cur, curW = word, ww
		if ww > width {
			// Too wide for any line: cut where the width forces it.
			parts := strings.Split(cut(word, width), "\n")
			out = append(out, parts[:len(parts)-1]...)
			cur = parts[len(parts)-1]
			curW = measure(cur)
		}
	}
	return append(out, cur)
}

// wordEnd is where the word that starts s ends: at the first space that
// is not inside an escape sequence (a link's address may hold one), or at
// the end of s.
func wordEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			return i
		case 0x1b:
			i = sequenceEnd(s, i) - 1
		}
	}
	return len(s)
}

// sequenceEnd is where the escape sequence that starts at s[i] ends: a
// CSI at its final byte, an OSC at its terminator (ST or BEL), any other
// after the byte that follows ESC.
func sequenceEnd(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		for j := i + 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
		return len(s)
	case ']':
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	return i + 2
}
