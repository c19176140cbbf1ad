package storetest

import (
	"strings"
	"testing"

	"chrono/model"
)

// testAnySnapshot: a store says in one read whether some source has a
// snapshot, as Snapshots lists them: none before one is kept, none once
// an undo withdraws it, and one kept of a later source past a source
// whose only snapshot was withdrawn.
func testAnySnapshot(t *testing.T, s *suite) {
	st := s.seeded(t)
	a, ok := st.(model.AnySnapshotReader)
	if !ok {
		t.Fatalf("%T cannot say in one read whether a source has a snapshot", st)
	}
	says := func(when string, want bool) {
		t.Helper()
		if got, err := a.AnySnapshot(); err != nil || got != want {
			t.Errorf("%s: AnySnapshot %v, %v; want %v", when, got, err, want)
		}
	}
	put := func(source string) {
		t.Helper()
		snap := model.Snapshot{Source: source, MediaType: model.MediaText, Origin: "stdin"}
		if _, err := st.Write(model.OpSnapshot, "kept a snapshot", func(tx model.Tx) error {
			return tx.PutSnapshot(&snap, strings.NewReader("plain"), nil)
		}); err != nil {
			t.Fatal(err)
		}
	}
	says("with no snapshot", false)
	put("occupy-democrats")
	says("with one kept", true)
	if _, err := model.Undo(st); err != nil {
		t.Fatal(err)
	}
	says("with the one withdrawn by an undo", false)
	put("wapo") // after occupy-democrats in the order of ids
	says("with one kept after one withdrawn", true)
}
