package main

import (
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
