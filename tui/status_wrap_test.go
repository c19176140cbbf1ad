package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestStatusKeepsACommandWhole: at 80 columns, the status line gives the
// command that keeps a snapshot whole on one line, where it broke before
// FILE.
func TestStatusKeepsACommandWhole(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("tab", "s") // the first quote, whose source has no snapshot
	if !d.statusErr() {
		t.Fatalf("status %q: want the source's missing snapshot", d.status())
	}
	if !lineHas(d.screen(), "chrono source attach wapo FILE") {
		t.Errorf("the command is broken over lines:\n%s", d.screen())
	}
	golden.RequireEqual(t, d.screen())
}

// lineHas reports whether one line of screen holds s.
func lineHas(screen, s string) bool {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}
