package tui

import (
	"strings"
	"testing"
)

// TestFooterKeepsHelpAndQuit checks that the footer ends with the keys
// that open the help and quit at every width that has room for them,
// however many of the screen's own keys it must leave out.
func TestFooterKeepsHelpAndQuit(t *testing.T) {
	s := exampleStore(t)
	for _, w := range []int{160, 100, 80, 60, 40, 30, 20} {
		d := newDriver(t, s, w, 24)
		for _, pane := range [][]string{nil, {"enter"}} {
			d.keys(pane...)
			lines := strings.Split(d.screen(), "\n")
			footer := strings.TrimRight(lines[len(lines)-1], " ")
			if !strings.HasSuffix(footer, "? help • q quit") {
				t.Errorf("%d columns, keys %q: footer %q does not end with ? help • q quit", w, pane, footer)
			}
		}
	}
}

// TestFooterOnAPushedScreen checks that a screen over the browser, where
// q goes back, does not offer q to quit.
func TestFooterOnAPushedScreen(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("S")
	lines := strings.Split(d.screen(), "\n")
	footer := strings.TrimRight(lines[len(lines)-1], " ")
	if !strings.HasSuffix(footer, "esc/q back • ? help") {
		t.Errorf("footer %q: want it to end with esc/q back • ? help", footer)
	}
}
