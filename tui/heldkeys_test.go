package tui

import (
	"testing"
	"time"

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

// TestKeysWaitForTheBrowserToOpen: a key pressed before the browser has
// read where the journal stands (and so before it has any row) waits,
// and then acts on the rows that come, rather than reading the store
// beside the browser's first read or doing nothing.
func TestKeysWaitForTheBrowserToOpen(t *testing.T) {
	d := &driver{t: t, m: New(exampleStore(t), Options{Now: func() time.Time { return noted }})}
	d.m.ctx.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	opening := d.m.Init()
	d.drop = func(msg tea.Msg) bool { _, late := msg.(heldExpiredMsg); return late } // the store answers in time
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	d.keys("j")
	d.run(opening)
	if got := d.selected(); got != "khashoggi-killed" {
		t.Errorf("j pressed as the browser opened left %q selected; want the second event, khashoggi-killed", got)
	}
}
