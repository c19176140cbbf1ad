package sshd

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/tui"
)

// TestPickerOfManyFitsTheTerminal: a directory of 30 investigations on
// a terminal of 24 rows: the picker shows as many as fit around the
// cursor, says how many more there are, and keeps the keys' hint on
// screen, wherever the cursor goes.
func TestPickerOfManyFitsTheTerminal(t *testing.T) {
	m := &sessionModel{}
	for i := range 30 {
		m.invs = append(m.invs, Investigation{Name: fmt.Sprintf("case%02d", i+1)})
		m.roles = append(m.roles, tui.RoleRead)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, c := range []struct {
		downs int
		want  []string
	}{
		{0, []string{"> case01", "↓ 12 more"}},
		{25, []string{"> case26", "↑ 12 more"}},
		{29, []string{"> case30", "↑ 12 more"}},
	} {
		m.cur = 0
		for range c.downs {
			m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		}
		view := m.View().Content
		lines := strings.Split(strings.TrimSuffix(view, "\n"), "\n")
		if len(lines) > 24 || !strings.Contains(view, "enter open") {
			t.Errorf("after %d downs the picker takes %d lines, or lost its hint:\n%s", c.downs, len(lines), view)
		}
		for _, w := range c.want {
			if !strings.Contains(view, w) {
				t.Errorf("after %d downs the picker lacks %q:\n%s", c.downs, w, view)
			}
		}
	}
}

// TestPickerShowsNoTerminalControls: a store's file name is shown, not
// obeyed: an escape in it reaches no one's terminal, in the picker or
// in the refusal of a command that names no investigation.
func TestPickerShowsNoTerminalControls(t *testing.T) {
	m := &sessionModel{
		invs:  []Investigation{{Name: "esc\x1b[31mred"}, {Name: "zz"}},
		roles: []tui.Role{tui.RoleRead, tui.RoleRead},
	}
	if view := m.View().Content; strings.Contains(view, "\x1b") || !strings.Contains(view, "esc") {
		t.Errorf("the picker shows %q", view)
	}
}
