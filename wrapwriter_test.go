package main

import (
	"testing"

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
	golden.RequireEqual(t, transcriptAt80(t, db, false, steps))
}
