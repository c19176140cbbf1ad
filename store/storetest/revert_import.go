package storetest

import (
	"errors"
	"slices"
	"testing"

	"chrono/model"
)

// testRevertImportKeepsLaterFields: an import's entry keeps only what it
// replaced, yet reverting it puts back only the fields it changed,
// keeping a later change to another field, and is refused, naming the
// change, only when a later one changed the same field.
func testRevertImportKeepsLaterFields(t *testing.T, s *suite) {
	st := s.seeded(t)
	original := StoredEvent(t, st, "nso-denial")
	Import(t, st, NativeInput("new.json", []byte(NewEvents)))
	imported := lastEntry(t, st)
	if got := StoredEvent(t, st, "nso-denial").Title; got == original.Title {
		t.Fatalf("the import left the title %q; the test needs one it changes", got)
	}
	if _, err := Retag(st, []string{"nso-denial"}, []string{"later"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := model.Revert(st, imported); err != nil {
		t.Fatalf("revert of the import after a later change to the tags alone: %v", err)
	}
	got := StoredEvent(t, st, "nso-denial")
	if got.Title != original.Title || !slices.Contains(got.Tags, "later") {
		t.Errorf("after the revert: title %q, tags %q; want the title before the import (%q) and the later tag kept", got.Title, got.Tags, original.Title)
	}

	s.check(t, st)

	st = s.seeded(t)
	Import(t, st, NativeInput("new.json", []byte(NewEvents)))
	imported = lastEntry(t, st)
	edited, err := Retitle(st, "nso-denial", "a title of the investigator's")
	if err != nil {
		t.Fatal(err)
	}
	before := s.snapshot(t, st)
	var ce *model.ConflictError
	if _, err := model.Revert(st, imported); !errors.As(err, &ce) || ce.ID != "nso-denial" || len(ce.By) != 1 || ce.By[0].Seq != edited.Seq {
		t.Fatalf("revert of the import after a later edit of the same title: %v; want a conflict naming #%d", err, edited.Seq)
	}
	s.assertUnchanged(t, st, before)
	s.check(t, st)
}
