package storetest

import (
	"reflect"
	"strings"
	"testing"

	"chrono/model"
)

// testAllSnapshots: a store lists every source's snapshots in one read,
// as Snapshots lists each source's: none before one is kept, each
// source's oldest first, and none an undo withdrew.
func testAllSnapshots(t *testing.T, s *suite) {
	st := s.seeded(t)
	a, ok := st.(model.AllSnapshotsReader)
	if !ok {
		t.Fatalf("%T cannot list every source's snapshots in one read", st)
	}
	lists := func(when string, want map[string]int) {
		t.Helper()
		got, err := a.AllSnapshots()
		if err != nil {
			t.Fatalf("%s: AllSnapshots: %v", when, err)
		}
		each := map[string][]model.Snapshot{}
		counts := map[string]int{}
		sources, err := st.Sources()
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range sources {
			snaps, err := st.Snapshots(src.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(snaps) > 0 {
				each[src.ID], counts[src.ID] = snaps, len(snaps)
			}
		}
		if !reflect.DeepEqual(counts, want) {
			t.Fatalf("%s: Snapshots lists %v; the test wants %v", when, counts, want)
		}
		if len(got) != len(each) || (len(got) > 0 && !reflect.DeepEqual(got, each)) {
			t.Errorf("%s: AllSnapshots lists\n%+v\nwhere Snapshots lists\n%+v", when, got, each)
		}
	}
	put := func(source, text string) {
		t.Helper()
		snap := model.Snapshot{Source: source, MediaType: model.MediaText, Origin: "stdin"}
		if _, err := st.Write(model.OpSnapshot, "kept a snapshot", func(tx model.Tx) error {
			return tx.PutSnapshot(&snap, strings.NewReader(text), nil)
		}); err != nil {
			t.Fatal(err)
		}
	}
	lists("with no snapshot", map[string]int{})
	put("wapo", "first")
	put("occupy-democrats", "plain")
	put("wapo", "second")
	lists("with three kept", map[string]int{"wapo": 2, "occupy-democrats": 1})
	if _, err := model.Undo(st); err != nil {
		t.Fatal(err)
	}
	lists("with wapo's second withdrawn by an undo", map[string]int{"wapo": 1, "occupy-democrats": 1})
}
