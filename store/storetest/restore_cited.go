package storetest

import (
	"slices"
	"testing"

	"chrono/model"
)

// testRestoreBringsBackCitedSources: an event restored from the trash
// brings back the sources it cites that were removed meanwhile, as the
// undo of the import that brought both removes them. It came back
// citing a source the store no longer had: check passed, and its export
// did not import back.
func testRestoreBringsBackCitedSources(t *testing.T, s *suite) {
	st := s.empty(t)
	Import(t, st, NativeInput("timeline.example.json", ExampleDoc(t)))
	if _, err := model.Undo(st); err != nil {
		t.Fatal(err)
	}
	if hasSource(t, st, "wapo") {
		t.Fatal("the undo of the import left its source wapo; the test needs one it removes")
	}
	if _, _, err := (model.Untrash{Events: []string{"nso-mobileum-call"}}).Apply(st); err != nil {
		t.Fatalf("restore: %v", err)
	}
	e := StoredEvent(t, st, "nso-mobileum-call")
	for _, q := range e.Quotes {
		if q.Source != "" && !hasSource(t, st, q.Source) {
			t.Errorf("restored event %s cites source %q, which the store lacks", e.ID, q.Source)
		}
	}
	restored := lastEntry(t, st)
	if len(restored.Sources) == 0 || restored.Sources[0].Before != nil || restored.Sources[0].After == nil {
		t.Errorf("the restore's entry records sources %+v; want the source it brought back, added", restored.Sources)
	}
	s.check(t, st)

	// Undone and done again, both ways round.
	if _, err := model.Undo(st); err != nil {
		t.Fatalf("undo of the restore: %v", err)
	}
	if _, err := model.Revert(st, lastEntry(t, st)); err != nil {
		t.Fatalf("redo of the restore: %v", err)
	}
	if !hasSource(t, st, "wapo") {
		t.Error("after the redo of the restore, the store lacks source wapo")
	}
	s.check(t, st)
}

// hasSource reports whether st holds the source id.
func hasSource(t *testing.T, st model.Store, id string) bool {
	t.Helper()
	srcs, err := st.Sources()
	if err != nil {
		t.Fatal(err)
	}
	return slices.ContainsFunc(srcs, func(s model.Source) bool { return s.ID == id })
}
