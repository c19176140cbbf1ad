package listing

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrap lays text out in lines of at most width cells (no fewer than 10),
// breaking at spaces only: an event id, a URL or any hyphenated word is
// never split at its hyphen, so that what shows can be read and copied
// whole. A word is cut only where it alone is wider than a line, and
// then starts a line of its own. The text's own line breaks, the spaces
// that indent a line and those within it are kept; the spaces where a
// line breaks are dropped.
func wrap(s string, width int) string {
	width = max(width, 10)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = wrapLine(l, width)
	}
	return strings.Join(lines, "\n")
}

// wrapLine wraps one line of text without line breaks (see wrap).
func wrapLine(s string, width int) string {
	var out []string
	cur, curW := "", 0
	for s != "" {
		spaces := len(s) - len(strings.TrimLeft(s, " "))
		gap, rest := s[:spaces], s[spaces:]
		end := strings.IndexByte(rest, ' ')
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		s = rest[end:]
		if word == "" {
			// Spaces that end the line: kept as far as they fit.
			cur += gap[:min(len(gap), max(width-curW, 0))]
			break
		}
		ww := ansi.StringWidth(word)
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
			parts := strings.Split(ansi.Hardwrap(word, width, false), "\n")
			out = append(out, parts[:len(parts)-1]...)
			cur = parts[len(parts)-1]
			curW = ansi.StringWidth(cur)
		}
	}
	return strings.Join(append(out, cur), "\n")
}
