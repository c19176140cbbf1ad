package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestWheelScrollsDialog: over a dialog that scrolls, a wheel notch
// scrolls it as the list scrolls, wheelStep lines, the same as that many
// presses of j or k, and over a picker it moves the cursor as many rows
// as the arrows; a click still does nothing there.
func TestWheelScrollsDialog(t *testing.T) {
	down := tea.MouseWheelMsg{X: 20, Y: 10, Button: tea.MouseWheelDown}
	up := tea.MouseWheelMsg{X: 20, Y: 10, Button: tea.MouseWheelUp}
	lines := func(k string) []string { return strings.Fields(strings.Repeat(k+" ", wheelStep)) }

	t.Run("help", func(t *testing.T) {
		d := newDriver(t, exampleStore(t), 80, 24)
		d.keys("?")
		top := d.screen()
		d.keys(lines("j")...)
		want := d.screen()
		d.keys("g")
		d.send(down)
		if got := d.screen(); got != want {
			t.Errorf("the wheel down on the help, want as %d× j:\n%s\nwant:\n%s", wheelStep, got, want)
		}
		d.send(tea.MouseClickMsg{X: 20, Y: 10, Button: tea.MouseLeft})
		if d.openDialog() == nil || d.screen() != want {
			t.Errorf("a click on the help changed it:\n%s", d.screen())
		}
		d.send(up)
		if got := d.screen(); got != top {
			t.Errorf("the wheel up does not scroll the help back:\n%s", got)
		}
	})
	t.Run("source view", func(t *testing.T) {
		d := newDriver(t, quotesStore(t, false), 120, 30)
		d.keys("enter", "j", "s")
		if _, ok := d.openDialog().(*sourceView); !ok {
			t.Fatalf("s opened %T, status %q", d.openDialog(), d.status())
		}
		at := d.screen()
		d.keys(lines("k")...)
		want := d.screen()
		if want == at {
			t.Fatal("k does not scroll the source view")
		}
		d.keys("enter")
		d.send(up)
		if got := d.screen(); got != want {
			t.Errorf("the wheel up on the source view, want as %d× k:\n%s\nwant:\n%s", wheelStep, got, want)
		}
		d.send(down)
		if got := d.screen(); got != at {
			t.Errorf("the wheel down does not scroll the source view back:\n%s", got)
		}
	})
	// A picker, opened as its keys open it, with more rows than a notch.
	pickers := []struct {
		name string
		open func(d *driver)
	}{
		{"tag picker", func(d *driver) { d.keys("f") }},
		{"link picker", func(d *driver) { d.keys("L"); d.typeText("NSO") }},
	}
	for _, pk := range pickers {
		t.Run(pk.name, func(t *testing.T) {
			d := newDriver(t, exampleStore(t), 120, 40)
			pk.open(d)
			cur := func() int {
				switch p := d.openDialog().(type) {
				case *picker:
					return p.cur
				case *linkPicker:
					if len(p.found) <= wheelStep {
						t.Fatalf("the link picker offers %d events: the test needs more than %d", len(p.found), wheelStep)
					}
					return p.cur
				}
				t.Fatalf("opened %T", d.openDialog())
				return 0
			}
			top, at := d.screen(), cur()
			d.keys(lines("down")...)
			want, wantAt := d.screen(), cur()
			if wantAt != at+wheelStep {
				t.Fatalf("%d× down moved the cursor from %d to %d", wheelStep, at, wantAt)
			}
			d.keys(lines("up")...)
			d.send(down)
			if got := d.screen(); cur() != wantAt || got != want {
				t.Errorf("the wheel down on the %s: cursor %d, want %d as %d× down:\n%s\nwant:\n%s", pk.name, cur(), wantAt, wheelStep, got, want)
			}
			d.send(tea.MouseClickMsg{X: 20, Y: 10, Button: tea.MouseLeft})
			if d.openDialog() == nil || d.screen() != want {
				t.Errorf("a click on the %s changed it:\n%s", pk.name, d.screen())
			}
			d.send(up)
			if got := d.screen(); cur() != at || got != top {
				t.Errorf("the wheel up does not move the %s's cursor back: %d, want %d:\n%s", pk.name, cur(), at, got)
			}
		})
	}
}
