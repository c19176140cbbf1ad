package main

import (
	"strings"

	"chrono/model/wordwrap"

	"github.com/charmbracelet/x/ansi"
)

// errorText is what chrono says of an error, msg (already safe for the
// terminal), in a terminal of width columns: wrapped at its spaces,
// with a date example, a command and a quoted value whole on a line
// (wordwrap.Message), where the terminal's own wrapping cuts a line
// anywhere, inside a word or an example. To a pipe or a file (width 0)
// each line is as written, for whatever reads it.
func errorText(msg string, width int) string {
	s := "chrono: " + msg
	if width <= 0 {
		return wordwrap.Plain(s)
	}
	return strings.Join(wordwrap.Message(s, width, ansi.StringWidth, func(w string, n int) string {
		return ansi.Hardwrap(w, n, false)
	}), "\n")
}
