package tui

import (
	"testing"
)

// TestKeysPressedWhileAChangeIsReadAgainCount: another session's change
// reads the window again; a key pressed before the new window arrives
// still moves the cursor, rather than the cursor going back to where it
// was when the change came.
func TestKeysPressedWhileAChangeIsReadAgainCount(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 30)
	first := d.selected()
	// What a new version of the store leads to: the window asked again.
	_, reread := d.m.Update(storeChangedMsg{})
	d.keys("j")
	moved := d.selected()
	if moved == first {
		t.Fatal("j did not move the cursor")
	}
	d.run(reread)
	if got := d.selected(); got != moved {
		t.Errorf("the window read again put the cursor on %q; j had moved it to %q", got, moved)
	}
}
