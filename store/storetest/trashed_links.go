package storetest

import (
	"bytes"
	"errors"
	"iter"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/native"
)

// testCopyLeavesOutLinksToTheTrash: the timeline written out as an
// export writes it, with events in the trash that events on the timeline
// link to, imports into an empty store once the links to the trash are
// left out, counted; with them, it does not.
func testCopyLeavesOutLinksToTheTrash(t *testing.T, s *suite) {
	st := s.seeded(t)
	trashed := trashSome(t, st)
	trash, err := st.Trash()
	if err != nil {
		t.Fatal(err)
	}
	export := func(events iter.Seq2[model.Event, error]) []byte { return writeNative(t, st, events) }
	var lost model.Losses
	doc := export(model.WithoutTrashedLinks(st.Events(model.Query{}), trash, &lost))
	// nso-mobileum-call's to nso-denial, lieu-interview's and
	// no-comment-from-doj's to lieu-criminal-referral and post-publishes,
	// tye-statement's to post-publishes.
	if n := lost.Count(model.LostTrashedLink); n != 6 {
		t.Errorf("the export left out %d links to the trash, want 6", n)
	}
	copied := s.empty(t)
	Import(t, copied, NativeInput("export.json", doc))
	onTimeline := slices.DeleteFunc(FixtureEvents(t), func(e model.Event) bool { return slices.Contains(trashed, e.ID) })
	s.checkViews(t, copied, withoutLinksTo(onTimeline, trashed...))
	// The store keeps the links, for the events may be restored.
	s.checkViews(t, st, onTimeline)

	_, err = s.empty(t).Import([]model.Input{NativeInput("export.json", export(st.Events(model.Query{})))}, model.ImportOptions{})
	if !errors.Is(err, model.ErrNoLinkedEvent) {
		t.Errorf("import of the links to the trash: %v, want ErrNoLinkedEvent", err)
	}
}

// testImportedLinkToTheTrash: an import whose event links to an event in
// the trash is refused, changing nothing, saying that the event is in the
// trash and how to restore it, not that there is no such event (whose
// advice, to import that event too, an event in the trash refuses).
func testImportedLinkToTheTrash(t *testing.T, s *suite) {
	st := s.seeded(t)
	trashSome(t, st)
	doc := []byte(`{"chrono": 1, "events": [{"id": "new-event", "title": "A new event", "links": [{"rel": "follows", "event": "nso-denial"}]}]}`)
	_, err := st.Import([]model.Input{NativeInput("link.json", doc)}, model.ImportOptions{})
	if !errors.Is(err, model.ErrLinkedInTrash) || errors.Is(err, model.ErrNoLinkedEvent) ||
		!strings.Contains(err.Error(), `link #1: event "nso-denial": in the trash: restore it first (chrono restore nso-denial)`) {
		t.Fatalf("import of a link to the trash: %v", err)
	}
	if _, err := st.Event("new-event"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("the refused import left its event: %v", err)
	}
}

// testReimportKeepsLinksToTheTrash: the timeline's export imported back
// into its store, or merged into it from a copy of the store, leaves the
// links to events in the trash as they are. No file holds such a link,
// so the file's links said nothing of them; they were cut, silently but
// for a count of links "left out".
func testReimportKeepsLinksToTheTrash(t *testing.T, s *suite) {
	for _, opts := range []model.ImportOptions{{}, {Bulk: true}, {Replace: true}} {
		st := s.seeded(t)
		trashed := trashSome(t, st)
		trash, err := st.Trash()
		if err != nil {
			t.Fatal(err)
		}
		var lost model.Losses
		doc := writeNative(t, st, model.WithoutTrashedLinks(st.Events(model.Query{}), trash, &lost))
		if _, err := st.Import([]model.Input{NativeInput("export.json", doc)}, opts); err != nil {
			t.Fatalf("%+v: %v", opts, err)
		}
		onTimeline := slices.DeleteFunc(FixtureEvents(t), func(e model.Event) bool { return slices.Contains(trashed, e.ID) })
		s.checkViews(t, st, onTimeline)
		if opts.Replace {
			continue
		}
		// The events restored, the same file imported again says
		// nothing new of the links: they stay.
		if _, _, err := (model.Untrash{Events: trashed}).Apply(st); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Import([]model.Input{NativeInput("export.json", doc)}, opts); err != nil {
			t.Fatalf("%+v, again: %v", opts, err)
		}
		s.checkViews(t, st, FixtureEvents(t))
	}
}

// writeNative writes events of st as chrono JSON, with st's header and
// sources.
func writeNative(t *testing.T, st model.Store, events iter.Seq2[model.Event, error]) []byte {
	t.Helper()
	var doc bytes.Buffer
	h, err := st.Header()
	if err != nil {
		t.Fatal(err)
	}
	sources, err := st.Sources()
	if err != nil {
		t.Fatal(err)
	}
	if err := native.Write(&doc, h, sources, events); err != nil {
		t.Fatal(err)
	}
	return doc.Bytes()
}
