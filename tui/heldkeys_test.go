package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestKeysWaitForTheRowsOfAJump: g asks the store for the first rows; a
// key pressed before they come acts on the event g lands on, not on the
// one the cursor left, and the keys are taken in the order pressed.
func TestKeysWaitForTheRowsOfAJump(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("j", "j")
	left := d.selected()
	// g's window held back, as a slow store would: a then comes first.
	var window tea.Cmd
	_, window = d.m.Update(keyPress("g"))
	d.drop = func(msg tea.Msg) bool { _, late := msg.(heldExpiredMsg); return late } // the rows come in time
	d.keys("a")
	if f := d.openDialog(); f != nil {
		t.Fatalf("a opened %T on %s before g's rows came", f, left)
	}
	d.run(window)
	n, ok := d.openDialog().(*noteEditor)
	if !ok {
		t.Fatalf("after g's rows came, a opened %T", d.openDialog())
	}
	if first := d.selected(); n.id != first || n.id == left {
		t.Errorf("the note is on %s; g selected %s, the cursor left %s", n.id, first, left)
	}
}
