package storetest

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

// testRevertPastUndoneChanges: later changes that were themselves undone
// leave the event as they found it, so they do not stand in the way of
// reverting an earlier change (the undo of a session that trashed an
// event, restored it and undid the restore); a later change still in
// effect does.
func testRevertPastUndoneChanges(t *testing.T, s *suite) {
	const id = "nso-denial"
	revertLast := func(t *testing.T, st model.Store) model.Entry {
		t.Helper()
		e, err := model.Revert(st, lastEntry(t, st))
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	retitle := func(t *testing.T, st model.Store, title string) model.Entry {
		t.Helper()
		e, err := st.Write(model.OpEdit, "retitled", func(tx model.Tx) error {
			_, err := model.UpdateEvent(tx, id, func(e *model.Event) error { e.Title = title; return nil })
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}

	t.Run("trash, restore, undo the restore, undo the trash", func(t *testing.T) {
		st := s.seeded(t)
		if _, _, err := (model.Trash{Events: []string{id}}).Apply(st); err != nil {
			t.Fatal(err)
		}
		trashed := lastEntry(t, st)
		if _, _, err := (model.Untrash{Events: []string{id}}).Apply(st); err != nil {
			t.Fatal(err)
		}
		revertLast(t, st)
		if _, err := model.Revert(st, trashed); err != nil {
			t.Fatalf("undo of the trash after a restore that was undone: %v", err)
		}
		StoredEvent(t, st, id) // back on the timeline
		s.check(t, st)
	})

	t.Run("an edit undone, redone and undone again", func(t *testing.T) {
		st := s.seeded(t)
		original := StoredEvent(t, st, id).Title
		first := retitle(t, st, "first")
		retitle(t, st, "second")
		revertLast(t, st) // undo
		revertLast(t, st) // redo
		revertLast(t, st) // undo again
		if _, err := model.Revert(st, first); err != nil {
			t.Fatalf("undo of an edit after a later one undone: %v", err)
		}
		if got := StoredEvent(t, st, id).Title; got != original {
			t.Errorf("title %q, want %q as before both edits", got, original)
		}
		s.check(t, st)
	})

	t.Run("an event added, tagged, the tag undone and redone as the browser does it", func(t *testing.T) {
		st := s.seeded(t)
		added, err := st.Write(model.OpAdd, "added", func(tx model.Tx) error {
			_, err := model.AddEvent(tx, model.Event{ID: "new-one", Title: "New one", Date: model.MustParseDate("2020")})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		_, undo, err := (model.Retag{Events: []string{"new-one"}, Add: []string{"x"}}).Apply(st)
		if err != nil {
			t.Fatal(err)
		}
		_, redo, err := undo.Apply(st) // undo the tag
		if err != nil {
			t.Fatal(err)
		}
		_, undoAgain, err := redo.Apply(st) // redo it
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := undoAgain.Apply(st); err != nil { // and undo it again
			t.Fatal(err)
		}
		if _, err := model.Revert(st, added); err != nil {
			t.Fatalf("undo of an add after a tag added, undone, redone and undone: %v", err)
		}
		if _, err := st.Event("new-one"); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("the added event after its add was undone: %v, want it in the trash", err)
		}
		s.check(t, st)
	})

	t.Run("a move of events to the trash, undone after another restored one", func(t *testing.T) {
		if s.h.Reopen == nil {
			t.Skip("the harness cannot reopen a store")
		}
		st := s.seeded(t)
		author := st.Author()
		ids := []string{id, "fbi-tip", "post-publishes"}
		if _, _, err := (model.Trash{Events: ids}).Apply(st); err != nil {
			t.Fatal(err)
		}
		trashed := lastEntry(t, st)
		other := s.h.Reopen(t, st, "someone-else")
		if _, _, err := (model.Untrash{Events: []string{"fbi-tip"}}).Apply(other); err != nil {
			t.Fatal(err)
		}
		if _, err := other.Write(model.OpEdit, "retitled", func(tx model.Tx) error {
			_, err := model.UpdateEvent(tx, "fbi-tip", func(e *model.Event) error { e.Title = "Theirs"; return nil })
			return err
		}); err != nil {
			t.Fatal(err)
		}
		st = s.h.Reopen(t, other, author)
		undid, err := model.Revert(st, trashed)
		if err != nil {
			t.Fatalf("undo of the trash after another restored one of its events: %v", err)
		}
		for _, e := range ids {
			StoredEvent(t, st, e) // each back on the timeline
		}
		if got := StoredEvent(t, st, "fbi-tip").Title; got != "Theirs" {
			t.Errorf("fbi-tip's title %q, want the other's edit kept", got)
		}
		if len(undid.Events) != 2 || slices.ContainsFunc(undid.Events, func(c model.EventChange) bool { return c.ID == "fbi-tip" }) {
			t.Errorf("the undo's entry lists %+v; want the two events it brought back", undid.Events)
		}
		s.check(t, st)
	})

	t.Run("a quote citing a new source, undone once another event cites it", func(t *testing.T) {
		st := s.seeded(t)
		other := "post-publishes"
		added, err := st.Write(model.OpQuote, "added a quote, citing a new source", func(tx model.Tx) error {
			if _, err := model.AddSource(tx, model.Source{ID: "shared-src", Publisher: "Shared Press"}); err != nil {
				return err
			}
			_, err := model.AddQuote(tx, id, model.Quote{Text: "Mine", Source: "shared-src"}, 0)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Write(model.OpQuote, "added another's quote", func(tx model.Tx) error {
			_, err := model.AddQuote(tx, other, model.Quote{Text: "Theirs", Source: "shared-src"}, 0)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		before := lastEntry(t, st)
		// Refused as a later change standing in the way, which the
		// browser's undo passes by, and nothing is changed: a source
		// kept would leave a redo to cite one that may go.
		_, err = model.Revert(st, added)
		if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "cited since by 1 event") {
			t.Fatalf("undo of a quote whose new source another event cites since: %v, want it refused as a conflict", err)
		}
		if got := lastEntry(t, st); got.Seq != before.Seq {
			t.Errorf("a refused undo wrote #%d", got.Seq)
		}
		if !slices.ContainsFunc(StoredEvent(t, st, id).Quotes, func(q model.Quote) bool { return q.Text == "Mine" }) {
			t.Errorf("a refused undo took the quote away")
		}
		s.check(t, st)
	})

	t.Run("trash, then empty the trash: the trashing cannot be undone", func(t *testing.T) {
		st := s.seeded(t)
		if _, _, err := (model.Trash{Events: []string{id}}).Apply(st); err != nil {
			t.Fatal(err)
		}
		trashed := lastEntry(t, st)
		if _, _, err := (model.Purge{Events: []string{id}}).Apply(st); err != nil {
			t.Fatal(err)
		}
		before := s.snapshot(t, st)
		_, err := model.Revert(st, trashed)
		var ce *model.ConflictError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), "for good") || strings.Contains(err.Error(), "revert those first") {
			t.Fatalf("undo of the trash after emptying it: %v; want a conflict saying the event is gone for good, not what to revert", err)
		}
		s.assertUnchanged(t, st, before)
	})

	t.Run("a later edit redone still stands in the way", func(t *testing.T) {
		st := s.seeded(t)
		first := retitle(t, st, "first")
		second := retitle(t, st, "second")
		revertLast(t, st) // undo
		revertLast(t, st) // redo
		before := s.snapshot(t, st)
		var ce *model.ConflictError
		if _, err := model.Revert(st, first); !errors.As(err, &ce) || len(ce.By) == 0 || ce.By[0].Seq != second.Seq {
			t.Fatalf("undo of an edit under a later one in effect: %v; want a conflict naming #%d first", err, second.Seq)
		}
		s.assertUnchanged(t, st, before)
	})
}
