package tui

import (
	"strings"
	"testing"
)

// TestSourcesFooterKeepsItsKeys: the sources screen's footer offers each
// key that acts (remove, open, its events, undo and redo) at 80 columns
// as at 160, naming them short where the line is short. At 80 it left
// out x, o, f and redo ("…") while the status line said "U to redo".
func TestSourcesFooterKeepsItsKeys(t *testing.T) {
	for _, c := range []struct {
		w, h int
		want string
	}{
		{80, 24, "a add • e edit • x remove • q back • o open • f events • u/U undo/redo • ? help"},
		{160, 45, "↑/k up • a/A add a source • e/enter edit • x remove • esc/q back • o open source • f its events • u undo • U/ctrl+r redo • ? help"},
	} {
		d := newDriver(t, exampleStore(t), c.w, c.h)
		// A source nothing cites, added, removed and the removal undone:
		// x, undo and redo are all offered.
		addGuardian(d)
		d.keys("x", "y", "u")
		if !strings.Contains(d.status(), "U to redo") {
			t.Fatalf("%dx%d: status %q, want the undone removal", c.w, c.h, d.status())
		}
		lines := strings.Split(d.screen(), "\n")
		if foot := strings.TrimRight(lines[len(lines)-1], " "); foot != c.want {
			t.Errorf("%dx%d: footer\n%q\nwant\n%q", c.w, c.h, foot, c.want)
		}
	}
}
