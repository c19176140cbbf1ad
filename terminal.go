package main

import (
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"
)

// interactive reports whether chrono talks to a person at a terminal.
func (c *cli) interactive() bool {
	in, ok1 := c.stdin.(*os.File)
	out, ok2 := c.stdout.(*os.File)
	return ok1 && ok2 && term.IsTerminal(in.Fd()) && term.IsTerminal(out.Fd())
}

// stdoutIsTerminal reports whether output goes to a person's screen.
func (c *cli) stdoutIsTerminal() bool {
	f, ok := c.stdout.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// stderrIsTerminal reports whether progress can be drawn in place.
func (c *cli) stderrIsTerminal() bool {
	f, ok := c.stderr.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// terminalWidth is the width of the terminal output goes to, or 0 when
// it goes to a pipe or a file, whose lines are never cut.
func (c *cli) terminalWidth() int { return c.outWidth }

// fileWidth is the width of the terminal f is, or 0 when it is none.
func fileWidth(f *os.File) int {
	if !term.IsTerminal(f.Fd()) {
		return 0
	}
	w, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return w
}

// stdinIsTerminal reports whether what is read from stdin is typed.
func (c *cli) stdinIsTerminal() bool {
	f, ok := c.stdin.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// askTyped says, when stdin is a terminal, that what is to be read from
// it is typed there and how to end it: a command reading it waits
// otherwise without a word.
func (c *cli) askTyped(what string) {
	if c.stdinIsTerminal() {
		fmt.Fprintf(c.stderr, "type %s, then ctrl+d on a line of its own (ctrl+c gives up)\n", what)
	}
}
