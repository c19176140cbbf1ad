package storetest

import (
	"slices"
	"testing"

	"chrono/model"
)

// withoutLinksTo returns copies of events without their links to the
// events ids names.
func withoutLinksTo(events []model.Event, ids ...string) []model.Event {
	out := make([]model.Event, len(events))
	for i, e := range events {
		e = e.Clone()
		e.Links = slices.DeleteFunc(e.Links, func(l model.Link) bool { return slices.Contains(ids, l.Event) })
		out[i] = e
	}
	return out
}

// trashSome moves the fixture's nso-denial, lieu-criminal-referral and
// post-publishes to the trash, which events on the timeline link to,
// and returns their ids.
func trashSome(t *testing.T, st model.Store) []string {
	t.Helper()
	trashed := []string{"nso-denial", "lieu-criminal-referral", "post-publishes"}
	if _, err := st.Write(model.OpDelete, "deleted", func(tx model.Tx) error {
		_, err := model.DeleteEvents(tx, trashed)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return trashed
}

// testPurgeRemovesLinksToIt: a link names an event on the timeline or in
// the trash. Purging an event removes the links events on the timeline
// make to it, in the purge's journal entry, and keeps their links to
// events still in the trash; a revert of the purge is refused whole.
func testPurgeRemovesLinksToIt(t *testing.T, s *suite) {
	st := s.seeded(t)
	original := FixtureEvents(t)
	trashed := trashSome(t, st)

	// Purging two of the three removes the links to those two, and keeps
	// lieu-interview's, no-comment-from-doj's and tye-statement's to
	// post-publishes, still in the trash.
	purgedIDs := trashed[:2]
	var purged model.Purged
	entry, err := st.Write(model.OpPurge, "emptied the trash", func(tx model.Tx) (err error) {
		purged, err = model.PurgeEvents(tx, purgedIDs)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Unlinked{
		{From: "lieu-interview", Link: model.Link{Rel: model.Follows, Event: "lieu-criminal-referral"}},
		{From: "no-comment-from-doj", Link: model.Link{Rel: model.Related, Event: "lieu-criminal-referral"}},
		{From: "nso-mobileum-call", Link: model.Link{Rel: model.DisputedBy, Event: "nso-denial"}},
	}
	if !slices.Equal(purged.Unlinked, want) || purged.Holders() != 3 {
		t.Errorf("PurgeEvents unlinked %+v, want %+v", purged.Unlinked, want)
	}
	var changes []model.EventChange
	for _, e := range original {
		switch {
		case slices.Contains(purgedIDs, e.ID):
			// The trash keeps the event as it was deleted.
			changes = append(changes, model.EventChange{ID: e.ID, From: model.InTrash, To: model.Absent, Before: &e})
		case slices.ContainsFunc(want, func(u model.Unlinked) bool { return u.From == e.ID }):
			after := withoutLinksTo([]model.Event{e}, purgedIDs...)[0]
			changes = append(changes, model.EventChange{ID: e.ID, From: model.OnTimeline, To: model.OnTimeline, Before: &e, After: &after})
		}
	}
	checkChanges(t, entry.Events, changes)
	if entry.Author != st.Author() || entry.Op != model.OpPurge {
		t.Errorf("the purge's entry: %s by %q", entry.Op, entry.Author)
	}
	onTimeline := slices.DeleteFunc(withoutLinksTo(original, purgedIDs...), func(e model.Event) bool { return slices.Contains(trashed, e.ID) })
	s.checkViews(t, st, onTimeline)
	if in, err := st.IncomingLinks(purgedIDs); err != nil || len(in[purgedIDs[0]])+len(in[purgedIDs[1]]) != 0 {
		t.Errorf("IncomingLinks of the purged events: %+v, %v; want none", in, err)
	}

	// A purge cannot be undone, the links it removed included.
	before := s.snapshot(t, st)
	if _, err := model.Undo(st); err == nil {
		t.Error("the purge was undone")
	}
	s.assertUnchanged(t, st, before)

	// The event left in the trash comes back with the links to it.
	if _, err := st.Write(model.OpRestore, "restored", func(tx model.Tx) error {
		return model.RestoreEvents(tx, trashed[2:])
	}); err != nil {
		t.Fatal(err)
	}
	restored := slices.DeleteFunc(withoutLinksTo(original, purgedIDs...), func(e model.Event) bool { return slices.Contains(purgedIDs, e.ID) })
	s.checkViews(t, st, restored)
}
