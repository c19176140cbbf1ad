package tui

import "testing"

// TestNoteCancelSaysWhatHappened: esc on a note says what became of it:
// nothing when nothing was typed, "unchanged" for a note edited back to
// what it was, "discarded" once words typed are given up (a second esc).
func TestNoteCancelSaysWhatHappened(t *testing.T) {
	s := notedStore(t)
	d := newDriver(t, s, 120, 40)
	d.to("fbi-tip")

	d.keys("a", "esc")
	if d.openDialog() != nil || d.status() != "" {
		t.Errorf("esc on an empty new note: dialog %v, status %q; want it closed, nothing said", d.openDialog() != nil, d.status())
	}

	d.keys("a")
	d.typeText("words")
	d.keys("esc")
	if d.openDialog() == nil {
		t.Fatal("esc on typed words closed the note at once")
	}
	d.keys("esc")
	if d.openDialog() != nil || d.status() != "note discarded" {
		t.Errorf("second esc: status %q, want note discarded", d.status())
	}

	toNote(t, d, 1)
	d.keys("e", "esc")
	if d.openDialog() != nil || d.status() != "note unchanged" {
		t.Errorf("esc on a note opened and left as it was: status %q, want note unchanged", d.status())
	}
}

// TestNoteEmptiedSaysHowToRemoveIt: a note emptied and saved is left as
// it was, and the status says how to remove it; it said "note
// unchanged", as if the emptying had not been seen.
func TestNoteEmptiedSaysHowToRemoveIt(t *testing.T) {
	d := newDriver(t, notedStore(t), 120, 40)
	d.to("fbi-tip")
	toNote(t, d, 1)
	d.keys("e", "ctrl+a", "ctrl+k")
	for range 200 {
		d.keys("backspace")
	}
	d.keys("ctrl+s")
	if d.openDialog() != nil || d.status() != "note left as it was: a note is not saved empty; x on it removes it" {
		t.Errorf("a note emptied and saved: status %q", d.status())
	}
}
