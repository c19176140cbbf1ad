package tui

import (
	"strings"
	"testing"
)

// TestTrashFooterKeepsItsKeys: the trash's footer offers each of its
// keys, undo and redo with them, at 80 columns as at 160, naming them
// short where the line is short. At 80, it left out redo ("…") while the
// status line said "U to redo".
func TestTrashFooterKeepsItsKeys(t *testing.T) {
	for _, c := range []struct {
		w, h int
		want string
	}{
		{80, 24, "↓/j down • r restore • X empty trash • esc/q back • u undo • U redo • ? help"},
		{160, 45, "↓/j down • r/enter restore • X empty the trash • esc/q back • u undo • U/ctrl+r redo • ? help"},
	} {
		d := newDriver(t, exampleStore(t), c.w, c.h)
		// Two events to the trash, one restored and the restore undone:
		// both undo and redo are offered.
		d.keys("d", "y", "d", "y", "D", "r", "u")
		if !strings.Contains(d.status(), "U to redo") {
			t.Fatalf("%dx%d: status %q, want the undone restore", c.w, c.h, d.status())
		}
		lines := strings.Split(d.screen(), "\n")
		if foot := strings.TrimRight(lines[len(lines)-1], " "); foot != c.want {
			t.Errorf("%dx%d: footer\n%q\nwant\n%q", c.w, c.h, foot, c.want)
		}
	}
}
