package tui

import (
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// toNote selects note n (from 0) of the event in the sources pane.
func toNote(t *testing.T, d *driver, n int) {
	t.Helper()
	d.keys("tab")
	for range 30 {
		if i, ok := d.sources().note(); ok && i == n {
			return
		}
		d.keys("j")
	}
	t.Fatalf("note %d not reached", n+1)
}

// notedStore is the example with three notes on fbi-tip, by another.
func notedStore(t *testing.T) model.Store {
	t.Helper()
	s := exampleStore(t)
	for i, text := range []string{"NOTE-A", "NOTE-B", "NOTE-C"} {
		if _, _, err := (model.AddNote{ID: "fbi-tip", Text: text, At: time.Unix(int64(1700000000+i), 0), Author: "cli"}).Apply(s); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func noteTexts(t *testing.T, s model.Store) []string {
	var out []string
	for _, n := range event(t, s, "fbi-tip").Notes {
		out = append(out, n.Text)
	}
	return out
}

// TestNoteEditAfterAnEarlierNoteWentAway: another session deletes a
// note before the one being edited; the save revises the note edited,
// now one up, not the note that took its number.
func TestNoteEditAfterAnEarlierNoteWentAway(t *testing.T) {
	s := notedStore(t)
	d := newDriver(t, s, 160, 45)
	d.to("fbi-tip")
	toNote(t, d, 1)
	d.keys("e")
	d.typeText(" rewritten")
	if _, _, err := (model.DropNote{ID: "fbi-tip", N: 1}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("ctrl+s")
	if got := strings.Join(noteTexts(t, s), "|"); got != "NOTE-B rewritten|NOTE-C" {
		t.Errorf("notes %q: the edit fell on another note", got)
	}
}

// TestNoteEditOfANoteGoneKeepsTheWords: another session deletes the note
// being edited; the save is refused, and the editor opens again on the
// words typed, saying why, to save them as a new note.
func TestNoteEditOfANoteGoneKeepsTheWords(t *testing.T) {
	s := notedStore(t)
	d := newDriver(t, s, 160, 45)
	d.to("fbi-tip")
	toNote(t, d, 1)
	d.keys("e")
	d.typeText(" and more")
	if _, _, err := (model.DropNote{ID: "fbi-tip", N: 2}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("ctrl+s")
	ed, open := d.openDialog().(*noteEditor)
	if !open || !strings.Contains(ed.text(), "and more") || !strings.Contains(d.screen(), "note 2 was edited or deleted meanwhile") {
		t.Fatalf("the words typed are not kept: dialog %T, screen\n%s", d.openDialog(), d.screen())
	}
	if got := strings.Join(noteTexts(t, s), "|"); got != "NOTE-A|NOTE-C" {
		t.Errorf("notes %q: the refused edit changed one", got)
	}
	d.keys("ctrl+s")
	if got := noteTexts(t, s); len(got) != 3 || !strings.HasSuffix(got[2], "and more") {
		t.Errorf("saved again: notes %q, want the words as a new note", got)
	}
}

// TestEventFormKeepsWhatWasTypedWhenRefused: a save refused for another
// reason than a conflict (here the event put in the trash meanwhile)
// opens the form again on what was typed, saying why; once the event is
// restored, saving it again takes it.
func TestEventFormKeepsWhatWasTypedWhenRefused(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	id := d.selected()
	d.keys("E", "tab", "tab", "tab")
	d.typeText(" (typed)")
	if _, _, err := (model.Trash{Events: []string{id}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("ctrl+s")
	f, open := d.openDialog().(*eventForm)
	if !open || !strings.HasSuffix(f.value(fieldTitle), " (typed)") || !strings.Contains(d.screen(), "not saved") {
		t.Fatalf("the form did not open again on what was typed: %T\n%s", d.openDialog(), d.screen())
	}
	if _, _, err := (model.Untrash{Events: []string{id}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("ctrl+s")
	if got := event(t, s, id).Title; !strings.HasSuffix(got, " (typed)") {
		t.Errorf("saved again once restored: title %q", got)
	}
}

// TestNoteOnAnEventTrashedMeanwhile: a note typed on an event another
// session moved to the trash meanwhile is refused, and opens again on
// what was typed, saying that the event is in the trash and that saving
// again restores it: which it does, then saves the note, each undone
// on its own. The advice was to open the trash with D, which the note's
// editor took as a letter typed: the note could only be dropped.
func TestNoteOnAnEventTrashedMeanwhile(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.to("fbi-tip")
	d.keys("a")
	d.typeText("Ask Mobileum for the minutes.")
	if _, _, err := (model.Trash{Events: []string{"fbi-tip"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("ctrl+s")
	ed, ok := d.openDialog().(*noteEditor)
	if !ok || !ed.inTrash || ed.text() != "Ask Mobileum for the minutes." {
		t.Fatalf("after the refused save: %T, status %q", d.openDialog(), d.status())
	}
	said := strings.Join(strings.Fields(d.screen()), " ")
	if !strings.Contains(said, "✗ not saved: the event went to the trash meanwhile: ctrl+s restores it and saves the note, esc drops the note") ||
		!strings.Contains(d.status(), "note not saved: its event went to the trash meanwhile") {
		t.Errorf("the refusal says:\n%s\nstatus %q", d.screen(), d.status())
	}
	d.keys("ctrl+s")
	if d.openDialog() != nil || d.statusErr() {
		t.Fatalf("saving again: %T, status %q", d.openDialog(), d.status())
	}
	if got := noteTexts(t, s); len(got) != 1 || got[0] != "Ask Mobileum for the minutes." {
		t.Fatalf("the restored event's notes: %q", got)
	}
	d.keys("u")
	if got := noteTexts(t, s); len(got) != 0 {
		t.Errorf("undo left the notes %q", got)
	}
	d.keys("u")
	if _, err := s.Event("fbi-tip"); err == nil {
		t.Error("the second undo left the event restored")
	}
}

// TestAnnotateRoleNoteOnATrashedEventRestoresNothing: restoring from the
// trash needs the edit role. A note typed by the annotate role on an
// event another session trashed meanwhile offered ctrl+s to restore it
// and save the note, and did restore it. The note is kept; saving it
// again, once someone who may has restored the event, saves it alone.
func TestAnnotateRoleNoteOnATrashedEventRestoresNothing(t *testing.T) {
	s := exampleStore(t)
	d := newDriverWith(t, s, 80, 24, Options{Now: func() time.Time { return noted }, Role: RoleAnnotate})
	d.to("fbi-tip")
	d.keys("a")
	d.typeText("Ask Mobileum for the minutes.")
	if _, _, err := (model.Trash{Events: []string{"fbi-tip"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("ctrl+s")
	ed, ok := d.openDialog().(*noteEditor)
	if !ok || ed.text() != "Ask Mobileum for the minutes." {
		t.Fatalf("after the refused save: %T, status %q", d.openDialog(), d.status())
	}
	said := strings.Join(strings.Fields(d.screen()), " ")
	if strings.Contains(said, "restores it") || !strings.Contains(said, "restoring it needs the edit role") {
		t.Errorf("the refusal offers the annotate role a restore:\n%s", d.screen())
	}
	d.keys("ctrl+s")
	if _, err := s.Event("fbi-tip"); err == nil {
		t.Fatal("the annotate role restored the event from the trash")
	}
	if ed, ok := d.openDialog().(*noteEditor); !ok || ed.text() != "Ask Mobileum for the minutes." {
		t.Fatalf("saving again while in the trash: %T, status %q", d.openDialog(), d.status())
	}
	if _, _, err := (model.Untrash{Events: []string{"fbi-tip"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("ctrl+s")
	if got := noteTexts(t, s); len(got) != 1 || got[0] != "Ask Mobileum for the minutes." {
		t.Fatalf("once restored, the notes: %q (dialog %T, status %q)", got, d.openDialog(), d.status())
	}
}

// TestARefusedFormSaysItKeepsWhatWasTyped: a save refused for another
// reason than a change meanwhile (the event in the trash, the store
// unreachable) opens the form again on what was typed; the status line
// said the change was undone on screen, as if it were lost.
func TestARefusedFormSaysItKeepsWhatWasTyped(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"event form", []string{"E", "tab", "tab", "tab"}},
		{"quote form", []string{"enter", "e", "tab"}},
		{"investigation title", []string{"I"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := exampleStore(t)
			d := newDriver(t, s, 120, 40)
			id := d.selected()
			d.keys(tc.keys...)
			d.typeText(" (typed)")
			if tc.name != "investigation title" {
				if _, _, err := (model.Trash{Events: []string{id}}).Apply(s); err != nil {
					t.Fatal(err)
				}
			} else {
				if _, _, err := (model.Retitle{Header: model.Header{Title: "Another's title"}}).Apply(s); err != nil {
					t.Fatal(err)
				}
			}
			d.keys("ctrl+s")
			if d.openDialog() == nil {
				t.Fatalf("the form did not open again; status %q", d.status())
			}
			if st := d.status(); strings.Contains(st, "undone on screen") || strings.Contains(st, "D opens") {
				t.Errorf("the status says %q while the form keeps what was typed", st)
			}
			// Nor does the form advise D, which it would take as typed.
			if tc.name == "quote form" && (strings.Contains(d.screen(), "D opens") || !strings.Contains(d.screen(), "went to the trash meanwhile")) {
				t.Errorf("the quote form says:\n%s", d.screen())
			}
		})
	}
}

// TestEventFormOnAnEventGoneForGoodSaysSo: the form of an event another
// process put in the trash and emptied it of said only "no such event",
// and every ctrl+s said it again: nothing said that the event was gone
// for good, nor what to do.
func TestEventFormOnAnEventGoneForGoodSaysSo(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	id := d.selected()
	d.keys("E", "tab", "tab", "tab")
	d.typeText(" (typed)")
	for _, e := range []model.Edit{model.Trash{Events: []string{id}}, model.Purge{Events: []string{id}}} {
		if _, _, err := e.Apply(s); err != nil {
			t.Fatal(err)
		}
	}
	d.keys("ctrl+s")
	f, open := d.openDialog().(*eventForm)
	if !open || !strings.HasSuffix(f.value(fieldTitle), " (typed)") {
		t.Fatalf("the form did not open again on what was typed: %T\n%s", d.openDialog(), d.screen())
	}
	said := strings.Join(strings.Fields(d.screen()), " ")
	if !strings.Contains(said, "no longer in the store") || !strings.Contains(said, "esc") {
		t.Errorf("the form does not say the event is gone for good, and what to do:\n%s", d.screen())
	}
}
