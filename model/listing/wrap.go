package listing

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"chrono/model/wordwrap"
)

// wrap lays text out in lines of at most width cells (no fewer than 10),
// breaking at spaces only (wordwrap.Lines): an event id or any
// hyphenated word is never split at its hyphen.
func wrap(s string, width int) string {
	return strings.Join(wordwrap.Lines(s, max(width, 10), ansi.StringWidth, func(w string, n int) string {
		return ansi.Hardwrap(w, n, false)
	}), "\n")
}
