package main

import (
	"fmt"
	"regexp"
	"strings"

	"chrono/model/wordwrap"

	"github.com/charmbracelet/x/ansi"
)

// errorText is what chrono says of an error, msg (already safe for the
// terminal), in a terminal of width columns: wrapped at its spaces,
// with a date example, a command and a quoted value whole on a line
// (wordwrap.Message), where the terminal's own wrapping cuts a line
// anywhere, inside a word or an example; a problem at its place goes on
// under its text (wrappedProblem). To a pipe or a file (width 0) each
// line is as written, for whatever reads it.
func errorText(msg string, width int) string {
	s := "chrono: " + msg
	if width <= 0 {
		return wordwrap.Plain(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = wrappedProblem(l, width)
	}
	return strings.Join(lines, "\n")
}

// place is where a problem is, which begins a line of an error: a
// file's path and the line (and column) in it, as an import refused
// says each problem ("notes.json:6:23: "), after what chrono says first.
// The path may hold a colon (C:\notes.json, /mnt/case:2021/notes.json)
// but for one before a space, which ends what a message says first
// ("reading notes.json: line 3:4: " names no path).
var place = regexp.MustCompile(`^(chrono: )?[^ :](?:[^:]|:[^ ])*:[0-9]+(:[0-9]+)?: `)

// wrappedProblem is a line of an error, l, wrapped to width: a problem
// at its place goes on under its text, past the place, so that each of
// an import's problems reads apart from the next and its place stands
// out at the margin. A place wider than half the line leaves the text
// too little room beside it: the text goes on the lines under it.
func wrappedProblem(l string, width int) string {
	at := place.FindString(l)
	if at == "" {
		return wrapped(l, width)
	}
	hang, lead := ansi.StringWidth(at), at
	if hang > width/2 {
		// The place on a line of its own, the text under it.
		hang = problemIndent
		lead = wrapped(strings.TrimSuffix(at, " "), width) + "\n" + strings.Repeat(" ", hang)
	}
	text := strings.Split(wrapped(l[len(at):], width-hang), "\n")
	for j, t := range text {
		switch {
		case j == 0:
			text[j] = lead + t
		case t != "":
			text[j] = strings.Repeat(" ", hang) + t
		}
	}
	return strings.Join(text, "\n")
}

// problemIndent is what the text of a problem whose place is too wide
// to go on beside it goes on under.
const problemIndent = 4

// tell says s, a line, on stderr: wrapped to the terminal's width there
// and the commands it names kept whole, as an error is; as written to a
// pipe or a file.
func (c *cli) tell(s string) {
	fmt.Fprintln(c.stderr, wrapped(c.keptCommands(s), c.errWidth))
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
