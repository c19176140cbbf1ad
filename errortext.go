package main

import (
	"fmt"
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
func errorText(msg string, width int) string { return wrapped("chrono: "+msg, width) }

// tell says s, a line, on stderr: wrapped to the terminal's width there
// and the commands it names kept whole, as an error is; as written to a
// pipe or a file.
func (c *cli) tell(s string) {
	fmt.Fprintln(c.stderr, wrapped(keepCommands(c.commands, s), c.errWidth))
}

// wrapped is what chrono says, s (already safe for the terminal), in a
// terminal of width columns: wrapped at its spaces (wordwrap.Message), a
// line's indent kept on the lines it continues on, so that what it
// names (an id, a hash, a date) is read and copied whole where the
// terminal would cut it; as written when width is 0.
func wrapped(s string, width int) string { return wrappedHanging(s, width, 0) }

// wrappedHanging is wrapped, a line without an indent going on under
// hang columns: the lines of a listing whose first line is a heading
// (chrono log's "#12 …") go on under its text.
func wrappedHanging(s string, width, hang int) string {
	if width <= 0 {
		return wordwrap.Plain(s)
	}
	var out []string
	for _, l := range strings.Split(s, "\n") {
		indent := l[:len(l)-len(strings.TrimLeft(l, " "))]
		first, rest := indent, indent
		if indent == "" {
			rest = strings.Repeat(" ", hang)
		}
		if len(rest) > width/2 {
			first, rest = "", ""
		}
		for i, w := range wordwrap.Message(strings.TrimLeft(l, " "), width-len(rest), ansi.StringWidth, func(w string, n int) string {
			return ansi.Hardwrap(w, n, false)
		}) {
			switch {
			case i == 0:
				w = first + w
			case w != "":
				w = rest + w
			}
			out = append(out, w)
		}
	}
	return strings.Join(out, "\n")
}
