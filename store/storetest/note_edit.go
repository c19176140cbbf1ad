package storetest

import (
	"testing"
	"time"

	"chrono/model"
)

// testEditNoteKeepsItsWriter: a note another person rewrites stays its
// writer's, as of when it was written, and says who edited it and when,
// as the store reads it back and as its journal entry records it; undoing
// the edit brings the note back exactly as it was, with no edit on it.
func testEditNoteKeepsItsWriter(t *testing.T, s *suite) {
	st := s.seeded(t)
	written := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	if _, err := st.Write(model.OpNote, "note saved", func(tx model.Tx) error {
		_, err := model.AddNoteTo(tx, "fbi-tip", model.Note{Text: "ask Tye", Author: "bo", At: written})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	was := StoredEvent(t, st, "fbi-tip")
	untouched := s.snapshot(t, st)

	edit := func(text string) model.Entry {
		t.Helper()
		e, err := st.Write(model.OpNote, "edited note 1 of fbi-tip", func(tx model.Tx) error {
			_, err := model.EditNote(tx, "fbi-tip", 1, text)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	entry := edit("ask Tye and Lieu")
	editor := st.Author()
	if editor == "" || editor == "bo" {
		t.Fatalf("the store's author is %q: the test needs another than the note's", editor)
	}
	want := model.Note{Text: "ask Tye and Lieu", Author: "bo", At: written, Edited: entry.At, EditedBy: editor}
	for _, read := range []struct {
		name string
		fn   func() (model.Event, error)
	}{
		{"Event", func() (model.Event, error) { return st.Event("fbi-tip") }},
		{"Detail", func() (model.Event, error) { d, err := st.Detail("fbi-tip"); return d.Event, err }},
	} {
		e, err := read.fn()
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Notes) != 1 || !sameNote(e.Notes[0], want) {
			t.Errorf("%s: notes %+v, want %+v", read.name, e.Notes, want)
		}
	}

	// The journal keeps the note whole on either side of the edit.
	entries, err := st.Journal(model.JournalQuery{Event: "fbi-tip", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].Seq != entry.Seq || len(entries[0].Events) != 1 {
		t.Fatalf("the journal's last entry for fbi-tip: %+v, want #%d", entries, entry.Seq)
	}
	c := entries[0].Events[0]
	if c.Before == nil || c.After == nil {
		t.Fatalf("the journal records the edit as %+v", c)
	}
	if len(c.Before.Notes) != 1 || len(c.After.Notes) != 1 || !sameNote(c.Before.Notes[0], was.Notes[0]) || !sameNote(c.After.Notes[0], want) {
		t.Errorf("the journal records the notes as %+v → %+v, want %+v → %+v", c.Before.Notes, c.After.Notes, was.Notes, want)
	}
	s.check(t, st)

	// The same text again changes nothing, and marks nothing edited.
	again := StoredEvent(t, st, "fbi-tip")
	edit("ask Tye and Lieu")
	if got := StoredEvent(t, st, "fbi-tip"); !SameEvent(got, again) {
		t.Errorf("an edit to the same text left %+v, want %+v", got.Notes, again.Notes)
	}

	if _, err := model.Revert(st, entry); err != nil {
		t.Fatal(err)
	}
	if got := StoredEvent(t, st, "fbi-tip"); !SameEvent(got, was) {
		t.Errorf("after the undo: notes %+v, want %+v", got.Notes, was.Notes)
	}
	s.assertUndone(t, st, untouched)
}

// sameNote reports whether a and b are equal as a store keeps them:
// times as instants.
func sameNote(a, b model.Note) bool {
	return SameEvent(model.Event{Notes: []model.Note{a}}, model.Event{Notes: []model.Note{b}})
}
