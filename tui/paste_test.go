package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestPastedLineBreaks: a line break in a paste is a line break however
// the terminal sends it, and a space in an input of one line; words on
// either side of it never run together.
func TestPastedLineBreaks(t *testing.T) {
	for _, tc := range []struct {
		in                string
		multiline, single string
	}{
		{"First line\rsecond line\r\rnew paragraph", "First line\nsecond line\n\nnew paragraph", "First line second line  new paragraph"},
		{"one\r\ntwo", "one\ntwo", "one two"},
		{"one\ntwo", "one\ntwo", "one two"},
		{"a\ttab", "a\ttab", "a tab"},
		{"no break", "no break", "no break"},
		{"bell\a and \x1b[31mred", "bell and red", "bell and red"},
	} {
		for multiline, want := range map[bool]string{true: tc.multiline, false: tc.single} {
			got := cleanInput(tea.PasteMsg{Content: tc.in}, multiline).(tea.PasteMsg).Content
			if got != want {
				t.Errorf("%q pasted (multiline %v): %q, want %q", tc.in, multiline, got, want)
			}
		}
	}
}

// TestPastedNoteKeepsItsLines: a note pasted with CR line ends, as many
// terminals paste, is saved with its lines.
func TestPastedNoteKeepsItsLines(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	id := d.selected()
	d.keys("a")
	d.send(tea.PasteMsg{Content: "First line of the note\rsecond line"})
	d.keys("ctrl+s")
	notes := event(t, s, id).Notes
	if len(notes) == 0 || notes[len(notes)-1].Text != "First line of the note\nsecond line" {
		t.Errorf("notes %+v; want the pasted one with its two lines", notes)
	}
}
