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

// TestSidesInTheZone: the accounts side by side show times in the zone
// Z chose, as the list does, and a time written without an offset says
// it is the local time where it happened.
func TestSidesInTheZone(t *testing.T) {
	const doc = `{"chrono": 1, "events": [
	  {"id": "meeting", "date": "2018-10-02T15:04:05+02:00", "title": "The meeting"},
	  {"id": "denial", "date": "2018-10-03T09:00:00", "title": "The denial",
	   "links": [{"rel": "disputes", "event": "meeting"}]}]}`
	s := storeOf(t, doc)
	d := newDriver(t, placed{s}, 120, 40)
	d.to("meeting")
	d.keys("Z", "C")
	screen := d.screen()
	for _, want := range []string{"2 Oct 2018 13:04:05 UTC", "3 Oct 2018 09:00:00 (local time there)"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the accounts do not show %q:\n%s", want, screen)
		}
	}
}
