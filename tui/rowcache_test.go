package tui

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The rows kept between frames never change what is drawn: after each of
// a run of keys and messages that change rows (a move, marks, tags, the
// zone, a search, the focus, the terminal's colours), the screen is the
// one drawn with nothing kept.
func TestKeptRowsDrawAsNew(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	steps := []struct {
		name string
		do   func()
	}{
		{"j", func() { d.keys("j") }},
		{"space", func() { d.keys("space") }},
		{"a quick tag", func() { d.keys("1") }},
		{"the marks cleared", func() { d.keys("esc") }},
		{"the zone", func() { d.keys("Z") }},
		{"a search", func() { d.keys("/"); d.typeText("Lieu"); d.keys("enter") }},
		{"the pane's focus", func() { d.keys("tab") }},
		{"back to the list", func() { d.keys("tab") }},
		{"a light terminal", func() { d.send(tea.BackgroundColorMsg{Color: color.White}) }},
		{"G", func() { d.keys("G") }},
		{"undo", func() { d.keys("u") }},
	}
	for _, s := range steps {
		s.do()
		kept := d.m.render()
		d.browser().rows = rowCache{}
		if fresh := d.m.render(); kept != fresh {
			t.Errorf("after %s, the kept rows drew\n%s\nwhere drawn anew\n%s", s.name, kept, fresh)
		}
	}
}
