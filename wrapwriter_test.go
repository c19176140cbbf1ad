package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// TestSaidAt80: what chrono says on stdout at a terminal of 80 columns
// (the snapshot it kept, the events it moved to the trash, verify's
// and check's reports) is wrapped at its spaces, so that a hash or an id is read and
// copied whole rather than cut by the terminal's edge, and an indented
// line goes on under its indent.
func TestSaidAt80(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	steps := [][]string{
		{"source", "attach", "wapo", "testdata/import/notes.txt"},
		{"rm", "fbi-tip"},
		{"verify"},
		{"import", "testdata/check/contradictions.json"},
		{"check", "--chronology"},
	}
	var b strings.Builder
	for _, args := range steps {
		stdout, _, code := at80(t, db, args...)
		for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
			if ansi.StringWidth(l) > 80 {
				t.Errorf("chrono %s: a line of %d columns: %q", strings.Join(args, " "), ansi.StringWidth(l), l)
			}
		}
		fmt.Fprintf(&b, "$ chrono %s\n%s[exit %d]\n\n", strings.Join(args, " "), stdout, code)
	}
	golden.RequireEqual(t, b.String())
}
