package tui

import (
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestEditingAnothersNote: cy edits a note bo wrote. The note stays bo's,
// as of when bo wrote it, and the pane says cy edited it; u takes the
// edit back, mark and all.
func TestEditingAnothersNote(t *testing.T) {
	s := exampleStoreBy(t, "cy")
	written := time.Date(2026, 12, 3, 10, 0, 0, 0, time.Local)
	if _, err := s.Write(model.OpNote, "note saved", func(tx model.Tx) error {
		_, err := model.AddNoteTo(tx, "fbi-tip", model.Note{Text: "Ask Tye for the tip's date.", Author: "bo", At: written})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	was := event(t, s, "fbi-tip").Notes
	d := newDriver(t, placed{s}, 120, 40)
	d.to("fbi-tip")
	d.keys("enter", "G")
	if _, ok := d.sources().note(); !ok {
		t.Fatalf("no note selected:\n%s", d.screen())
	}
	pane := func() string { return strings.Join(strings.Fields(strings.Join(paneText(d), " ")), " ") }
	if !strings.Contains(pane(), "— bo, 3 Dec 2026") || strings.Contains(pane(), "edited by") {
		t.Fatalf("the note does not say bo wrote it:\n%s", d.screen())
	}
	d.keys("e", "end")
	d.typeText(" And Lieu's.")
	d.keys("ctrl+s")
	notes := event(t, s, "fbi-tip").Notes
	if len(notes) != 1 {
		t.Fatalf("notes after the edit %+v; status %q", notes, d.status())
	}
	n := notes[0]
	if n.Text != "Ask Tye for the tip's date. And Lieu's." || n.Author != "bo" || !n.At.Equal(written) || n.EditedBy != "cy" || n.Edited.IsZero() {
		t.Errorf("the note edited by cy is stored as %+v; want bo's, as written, edited by cy", n)
	}
	if want := "— bo, 3 Dec 2026 · edited by cy, " + n.Edited.Local().Format("2 Jan 2006"); !strings.Contains(pane(), want) {
		t.Errorf("the pane does not say %q:\n%s", want, d.screen())
	}
	d.keys("u")
	if got := event(t, s, "fbi-tip"); len(got.Notes) != 1 || !model.SameEvent(&model.Event{Notes: got.Notes}, &model.Event{Notes: was}) {
		t.Errorf("after the undo: notes %+v, want %+v", got.Notes, was)
	}
	if strings.Contains(pane(), "edited by") || !strings.Contains(pane(), "— bo, 3 Dec 2026") {
		t.Errorf("after the undo the pane still says the note was edited:\n%s", d.screen())
	}
}
