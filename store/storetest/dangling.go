package storetest

import (
	"slices"
	"testing"

	"chrono/model"
)

// testDanglingLinksAreFound: after a purge no link names an event that
// is gone; links that do, as an older chrono's purges left them, on the
// timeline and in the trash, are found with their event and number; an
// edit that keeps one is not refused for it, and unlinking removes it.
func testDanglingLinksAreFound(t *testing.T, s *suite) {
	st := s.seeded(t)
	trashed := trashSome(t, st)
	if _, err := st.Write(model.OpPurge, "emptied the trash", func(tx model.Tx) error {
		_, err := model.PurgeEvents(tx, trashed[:2])
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if dangling, err := model.DanglingLinks(st); err != nil || len(dangling) != 0 {
		t.Errorf("DanglingLinks after the purge: %+v, %v; want none", dangling, err)
	}

	gone := model.Link{Rel: model.Related, Event: "purged-long-ago"}
	if _, err := st.Write(model.OpEdit, "an older purge", func(tx model.Tx) error {
		for _, id := range []string{"fbi-tip", "khashoggi-killed"} {
			e, err := tx.Event(id)
			if err != nil {
				return err
			}
			e.Links = append(slices.Clone(e.Links), gone)
			if err := tx.PutEvent(e); err != nil {
				return err
			}
		}
		_, err := model.DeleteEvents(tx, []string{"khashoggi-killed"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	dangling, err := model.DanglingLinks(st)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.DanglingLink{{From: "fbi-tip", N: 2, Link: gone}, {From: "khashoggi-killed", InTrash: true, N: 1, Link: gone}}
	if !slices.Equal(dangling, want) {
		t.Errorf("DanglingLinks = %+v, want %+v", dangling, want)
	}
	if _, err := st.Write(model.OpEdit, "retitled", func(tx model.Tx) error {
		_, err := model.UpdateEvent(tx, "fbi-tip", func(e *model.Event) error { e.Title += " (retitled)"; return nil })
		return err
	}); err != nil {
		t.Errorf("an edit of an event with a link to no event: %v", err)
	}
	if _, err := st.Write(model.OpLink, "unlinked", func(tx model.Tx) error {
		_, err := model.UnlinkEvents(tx, "fbi-tip", gone.Rel, gone.Event)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if dangling, err := model.DanglingLinks(st); err != nil || !slices.Equal(dangling, want[1:]) {
		t.Errorf("DanglingLinks after the unlink: %+v, %v; want %+v", dangling, err, want[1:])
	}
	s.check(t, st)
}
