package storetest

import (
	"reflect"
	"strings"
	"testing"

	"chrono/model"
)

// testJournalHeadsOnly: the journal read HeadsOnly gives each entry as a
// whole read gives it, with the snapshots it kept or withdrew, but none
// of its events, Touched saying how many it touched: an import's of
// many, an edit's of one, and an attach's and its undo's of none.
func testJournalHeadsOnly(t *testing.T, s *suite) {
	st := s.seeded(t)
	e := StoredEvent(t, st, "fbi-tip")
	after := e
	after.Tags = append(after.Tags, "heads")
	if _, _, err := (model.SaveEvent{Base: &e, Event: after}).Apply(st); err != nil {
		t.Fatal(err)
	}
	snap := model.Snapshot{Source: "wapo", MediaType: model.MediaText, Origin: "stdin"}
	if _, err := st.Write(model.OpSnapshot, "kept a snapshot", func(tx model.Tx) error {
		return tx.PutSnapshot(&snap, strings.NewReader("plain"), nil)
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := model.Undo(st); err != nil {
		t.Fatal(err)
	}
	whole, err := st.Journal(model.JournalQuery{})
	if err != nil {
		t.Fatal(err)
	}
	heads, err := st.Journal(model.JournalQuery{HeadsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(heads) != len(whole) || len(whole) != 4 {
		t.Fatalf("%d entries read HeadsOnly, %d whole; want 4 each", len(heads), len(whole))
	}
	for i, w := range whole {
		want := w
		want.Events, want.Touched = nil, len(w.Events)
		if got := heads[i]; !reflect.DeepEqual(got, want) {
			t.Errorf("entry #%d read HeadsOnly:\n%+v\nwant\n%+v", w.Seq, got, want)
		}
	}
	if len(heads[0].Snapshots) != 1 || !heads[0].Snapshots[0].Withdrawn || len(heads[1].Snapshots) != 1 || heads[1].Snapshots[0].Withdrawn {
		t.Errorf("the snapshots of the undo and the attach, read HeadsOnly: %+v, %+v", heads[0].Snapshots, heads[1].Snapshots)
	}
}
