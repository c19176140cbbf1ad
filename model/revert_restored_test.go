package model

import (
	"errors"
	"testing"
)

// TestUndoOfATrashingSomeoneRestoredPart: an undo of a move of several
// events to the trash, after another person brought one of them back,
// brings back the others; the one already back stays as they left it.
// Before, the undo was refused, naming the restore.
func TestUndoOfATrashingSomeoneRestoredPart(t *testing.T) {
	w := newMemWriter(Event{ID: "a", Title: "A"}, Event{ID: "b", Title: "B"}, Event{ID: "c", Title: "C"})
	_, undo, err := Trash{Events: []string{"a", "b", "c"}}.Apply(w)
	if err != nil {
		t.Fatal(err)
	}
	w.author = "bob"
	if _, _, err := (Untrash{Events: []string{"b"}}).Apply(w); err != nil {
		t.Fatal(err)
	}
	if _, _, err := (EventEdit{ID: "b", Op: OpEdit, Say: "retitled", Edit: func(e *Event) error { e.Title = "B, by Bob"; return nil }}).Apply(w); err != nil {
		t.Fatal(err)
	}
	w.author = "ana"
	changes, _, err := undo.Apply(w)
	if err != nil {
		t.Fatalf("undo: %v", err)
	}
	for _, id := range []string{"a", "b", "c"} {
		if _, ok := w.events[id]; !ok {
			t.Errorf("%s not on the timeline after the undo", id)
		}
	}
	if got := w.events["b"].Title; got != "B, by Bob" {
		t.Errorf("b's title %q, want Bob's", got)
	}
	if len(changes) != 2 {
		t.Errorf("the undo changed %d events, want 2 (a and c)", len(changes))
	}
}

// TestUndoOfATrashingTrashedAgain: an event brought back and moved to
// the trash again by another person stands in the undo's way, naming
// that move: it is theirs to take back.
func TestUndoOfATrashingTrashedAgain(t *testing.T) {
	w := newMemWriter(Event{ID: "a", Title: "A"}, Event{ID: "b", Title: "B"})
	_, undo, err := Trash{Events: []string{"a", "b"}}.Apply(w)
	if err != nil {
		t.Fatal(err)
	}
	w.author = "bob"
	if _, _, err := (Untrash{Events: []string{"b"}}).Apply(w); err != nil {
		t.Fatal(err)
	}
	if _, _, err := (Trash{Events: []string{"b"}}).Apply(w); err != nil {
		t.Fatal(err)
	}
	w.author = "ana"
	_, _, err = undo.Apply(w)
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.ID != "b" {
		t.Fatalf("undo: %v, want a conflict on b", err)
	}
}
