package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
)

// TestSidesScreens compares the accounts of the example's call side by
// side (the Post's and Miller's account, and Tye's statement, against
// NSO's denial) with testdata/TestSidesScreens/*.golden at 120×40 and
// 80×24; the -nocolor screens keep the styles a monochrome terminal
// (NO_COLOR) shows, which must tell the focused side without colour.
func TestSidesScreens(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		nocolor bool
	}{
		{"call", []string{"C"}, false},
		{"call-nocolor", []string{"C"}, true},
		{"call-right-scrolled", []string{"C", "tab", "j", "j", "j"}, false},
		{"call-left-bottom", []string{"C", "G"}, false},
		{"from-pane", []string{"enter", "j", "C"}, false},
		{"no-accounts", []string{"j", "j", "C"}, false},
	}
	for _, tt := range tests {
		for _, size := range [][2]int{{120, 40}, {80, 24}} {
			t.Run(tt.name+"-"+sizeName(size), func(t *testing.T) {
				d := newDriver(t, placed{exampleStore(t)}, size[0], size[1])
				d.keys(tt.keys...)
				out := d.m.View().Content
				checkSize(t, out, size[0], size[1])
				if !tt.nocolor {
					golden.RequireEqual(t, d.screen())
					return
				}
				var b strings.Builder
				w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ASCII}
				if _, err := w.WriteString(out); err != nil {
					t.Fatal(err)
				}
				golden.RequireEqual(t, b.String())
			})
		}
	}
}

// TestSidesWheel: the wheel scrolls the side under the pointer, and that
// side takes the keys.
func TestSidesWheel(t *testing.T) {
	d := newDriver(t, placed{exampleStore(t)}, 80, 16) // both sides taller than the screen
	d.keys("C")
	s := d.m.top().(*sidesScreen)
	d.send(tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelDown})
	if s.focus != sideFor || s.top[sideFor] != wheelStep {
		t.Errorf("wheel over the left side: focus %d, tops %v", s.focus, s.top)
	}
	d.send(tea.MouseWheelMsg{X: 60, Y: 10, Button: tea.MouseWheelDown})
	if s.focus != sideAgainst || s.top[sideAgainst] != wheelStep || s.top[sideFor] != wheelStep {
		t.Errorf("wheel over the right side: focus %d, tops %v", s.focus, s.top)
	}
}
