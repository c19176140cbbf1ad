package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"chrono/model"
	"chrono/model/wordwrap"
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

// TestNoticesKeepTheirCommandsWhole: a notice that names a command says
// it whole on one line at any width it fits, where it broke between
// chrono and the command at some.
func TestNoticesKeepTheirCommandsWhole(t *testing.T) {
	st := NewStyles(true)
	tests := []struct{ name, text, command string }{
		{"chain break", chainBreakNotice(&model.ChainBreak{Seq: 12, Fault: "its hash is not the one entry #13 holds"}), "chrono verify --journal"},
		{"damage", damageOf(faultAt(0x7f0000001000), "/srv/investigations/interception.db"), "chrono check --store"},
		{"damage export", damageOf(faultAt(0x7f0000001000), "/srv/investigations/interception.db"), "chrono export -o FILE"},
	}
	for _, tt := range tests {
		for w := 30; w <= 120; w++ {
			if lines := st.wrapMessage("✗ "+tt.text, w); !lineHas(strings.Join(lines, "\n"), tt.command) {
				t.Errorf("%s at %d columns: %q broken:\n%s", tt.name, w, tt.command, strings.Join(lines, "\n"))
				break
			}
		}
	}
}

// TestNoticesOfTheStoreKeepTheirCommandsWhole: a notice from the store,
// which names a command as the command line's errors do, has it marked
// by the browser's Options.Commands and kept whole on a line, where at
// 80 columns it broke between chrono and the command.
func TestNoticesOfTheStoreKeepTheirCommandsWhole(t *testing.T) {
	const command = "chrono revert 14"
	marks := func(s string) string { return strings.ReplaceAll(s, command, wordwrap.Keep(command)) }
	d := newDriverWith(t, exampleStore(t), 80, 24, Options{Commands: marks})
	d.send(statusMsg{text: "#12 was taken back already, by #14 imported by ana: nothing to revert; " + command + " brings it back", err: true})
	if !lineHas(d.screen(), command) {
		t.Errorf("the command is broken over lines:\n%s", d.screen())
	}
}
