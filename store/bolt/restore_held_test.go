package bolt

import (
	"slices"
	"testing"

	"chrono/model"
)

// TestRestoredEventsPutInOrderAtTheCommit: events brought back from the
// trash in one write (the undo of a deletion, the redo of an import)
// have their keys held back and put in key order as the write commits,
// as an import's new events do, rather than each put moving along the
// keys of a page that grows until the commit. The write reads them all
// the while: as events, as present, as linking to others, and as moved
// again; and the store is whole after it.
func TestRestoredEventsPutInOrderAtTheCommit(t *testing.T) {
	s := newStore(t)
	var all []model.Event
	for e, err := range s.Events(model.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, e)
	}
	var ids []string
	linker, target := "", ""
	for _, e := range all {
		ids = append(ids, e.ID)
		if linker == "" && len(e.Links) > 0 {
			linker, target = e.ID, e.Links[0].Event
		}
	}
	if linker == "" || len(ids) < 3 {
		t.Fatalf("the fixture has %d events, none linking to another", len(ids))
	}
	slices.Sort(ids)
	if _, err := s.Write(model.OpDelete, "trashed", func(tx model.Tx) error {
		for _, id := range ids {
			if err := tx.TrashEvent(id); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	again := ids[len(ids)-1] // trashed again in the write that restores it
	if _, err := s.Write(model.OpRestore, "restored", func(tx model.Tx) error {
		for _, id := range ids {
			if err := tx.RestoreEvent(id); err != nil {
				return err
			}
		}
		wt := tx.(*writeTx)
		for _, id := range ids {
			if wt.b.ids.Get([]byte(id)) != nil {
				t.Errorf("event %q put in the store as it was restored, before the others: its keys come in no order", id)
			}
			if e, err := tx.Event(id); err != nil || e.ID != id {
				t.Errorf("event %q restored, read in the write: %+v, %v", id, e, err)
			}
			if ok, err := tx.HasEvent(id); err != nil || !ok {
				t.Errorf("event %q restored: HasEvent = %v, %v", id, ok, err)
			}
		}
		in, err := tx.Backlinks(target)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(in, func(i model.Incoming) bool { return i.From == linker }) {
			t.Errorf("backlinks of %q in the write: %+v, want %q's link", target, in, linker)
		}
		return tx.TrashEvent(again)
	}); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, s)
	for _, id := range ids {
		_, err := s.Event(id)
		if id == again {
			if err == nil {
				t.Errorf("event %q trashed again in the write is on the timeline", id)
			}
			continue
		}
		if err != nil {
			t.Errorf("event %q after the restore: %v", id, err)
		}
	}
}
