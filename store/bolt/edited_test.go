package bolt

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestReimportReadsEachEntryOnce: finding what the last import left of
// each event reads an entry that touched many of them once, not once an
// event: a re-import after a redo of an import, or after a change made
// to many events at once, costs about what the import did, not the
// square of it.
func TestReimportReadsEachEntryOnce(t *testing.T) {
	const n = 600
	doc := func(version int) model.Input {
		var b strings.Builder
		b.WriteString(`{"chrono": 1, "events": [`)
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"id": "e%04d", "date": "2020-01-01", "title": "Event %d, version %d", "summary": "%s"}`,
				i, i, version, strings.Repeat("a summary long enough to weigh ", 4))
		}
		b.WriteString("]}")
		return nativeInput(fmt.Sprintf("v%d.json", version), []byte(b.String()))
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("e%04d", i)
	}
	// allocated is how many bytes f allocates.
	allocated := func(f func()) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	tests := []struct {
		name string
		then func(t *testing.T, s *Store) // what follows importing v1 and v2
	}{
		{"after a redo of the import", func(t *testing.T, s *Store) {
			for range 2 { // undo, then redo
				if _, err := model.Undo(s); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"after a tag put on every event at once", func(t *testing.T, s *Store) {
			if _, err := storetest.Retag(s, ids, []string{"all"}, nil); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			importDocs(t, s, doc(1))
			var imported uint64
			for _, bulk := range []bool{false, true} {
				imported = max(imported, allocated(func() {
					if _, err := s.Import([]model.Input{doc(2)}, model.ImportOptions{DryRun: true, Bulk: bulk}); err != nil {
						t.Fatal(err)
					}
				}))
			}
			importDocs(t, s, doc(2))
			tt.then(t, s)
			for _, bulk := range []bool{false, true} {
				again := allocated(func() {
					if _, err := s.Import([]model.Input{doc(2)}, model.ImportOptions{DryRun: true, Bulk: bulk}); err != nil {
						t.Fatal(err)
					}
				})
				if again > 10*imported {
					t.Errorf("bulk %v: the re-import allocated %d bytes, the import that updated every event %d", bulk, again, imported)
				}
			}
		})
	}
}

// TestReimportInBulkKeepsEditsOnALargerStore: with a history too large
// to lie inside its parent's page, read from the file rather than
// through bbolt, a bulk re-import of the same file still finds the
// events edited in chrono since, and keeps their edits, while the
// others, last changed by the import, are unchanged.
func TestReimportInBulkKeepsEditsOnALargerStore(t *testing.T) {
	const n = 600
	var b strings.Builder
	b.WriteString(`{"chrono": 1, "events": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "e%04d", "date": "2020-01-01", "title": "Event %d"}`, i, i)
	}
	b.WriteString("]}")
	doc := nativeInput("v1.json", []byte(b.String()))
	s := newStore(t)
	importDocs(t, s, doc)
	if err := s.view(func(b buckets) error {
		if b.history.Root() == 0 || b.trees == nil {
			t.Fatal("the history lies inside its parent's page: the test wants it on pages of its own, read by pread")
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := storetest.Retitle(s, "e0100", "The investigator's title"); err != nil {
		t.Fatal(err)
	}
	if _, err := storetest.Retag(s, []string{"e0200"}, []string{"checked"}, nil); err != nil {
		t.Fatal(err)
	}
	res, err := s.Import([]model.Input{doc}, model.ImportOptions{Bulk: true})
	if err != nil {
		t.Fatal(err)
	}
	if r := res[0]; r.Updated != 0 || r.Unchanged != n || r.KeptEdits != 1 {
		t.Errorf("result %+v: want %d unchanged, the retitled event's edit kept", r, n)
	}
	for id, want := range map[string]func(e model.Event) bool{
		"e0100": func(e model.Event) bool { return e.Title == "The investigator's title" },
		"e0200": func(e model.Event) bool { return slices.Contains(e.Tags, "checked") },
	} {
		e, err := s.Event(id)
		if err != nil || !want(e) {
			t.Errorf("%s after the re-import: %+v (%v)", id, e, err)
		}
	}
}
