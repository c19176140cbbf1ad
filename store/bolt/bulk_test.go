package bolt

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"
)

// TestBulkImportMatchesTransaction imports the same files into two stores,
// one in a transaction and one by building a new file, and checks that
// they hold exactly the same keys and values, and the same results.
func TestBulkImportMatchesTransaction(t *testing.T) {
	// A tiny sort buffer, so that the records go through run files.
	defer func(n int) { sortMemory = n }(sortMemory)
	sortMemory = 512
	// The same time in both stores' journals.
	defer func(c func() time.Time) { clock = c }(clock)
	clock = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

	annotate := func(t *testing.T, s *Store) {
		if _, err := storetest.Retag(s, []string{"nso-denial", "fbi-tip"}, []string{"verify"}, []string{"denial"}); err != nil {
			t.Fatal(err)
		}
		if _, err := storetest.AddNote(s, "nso-denial", "check the statement's date", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		before func(t *testing.T, s *Store) // on a store with the example
		inputs func(t *testing.T) []model.Input
	}{
		{"into an empty store", nil, func(t *testing.T) []model.Input {
			return []model.Input{nativeInput("timeline.example.json", exampleDoc(t)), nativeInput("extra.json", []byte(extraDoc))}
		}},
		{"updates keep tags and notes", annotate, func(t *testing.T) []model.Input {
			return []model.Input{nativeInput("new.json", []byte(newEvents))}
		}},
		{"re-import changes nothing", annotate, func(t *testing.T) []model.Input {
			return []model.Input{nativeInput("timeline.example.json", exampleDoc(t))}
		}},
		{"a link dropped and one added", func(*testing.T, *Store) {}, func(t *testing.T) []model.Input {
			return []model.Input{nativeInput("links.json", []byte(`{"chrono": 1, "events": [
  {"id": "miller-contacts-lieu", "date": "2021", "title": "Miller takes his account to Rep. Ted Lieu", "links": []},
  {"id": "late-note", "date": "2017-08", "title": "A note on the call", "links": [{"rel": "follows", "event": "fbi-tip"}]}
]}`))}
		}},
		{"many linked groups, each moving an event", nil, func(t *testing.T) []model.Input {
			// Each pair's second event follows the first but is dated
			// before it, or within the first's year: placing moves it.
			var doc strings.Builder
			doc.WriteString(`{"chrono": 1, "events": [`)
			for i := range 775 {
				if i > 0 {
					doc.WriteString(",")
				}
				second := []string{"2017-02", "2017", "2018-01-01"}[i%3]
				fmt.Fprintf(&doc, `{"id": "a-%d", "date": "2017-06", "title": "First"},
  {"id": "b-%d", "date": %q, "title": "Second", "links": [{"rel": "follows", "event": "a-%d"}]}`, i, i, second, i)
			}
			doc.WriteString("]}")
			return []model.Input{nativeInput("groups.json", []byte(doc.String()))}
		}},
	}
	for _, tt := range tests {
		// Placing a group keeps its values up to a bound and reads the
		// rest again: with none kept, and some, the store is the same.
		for _, kept := range []int{maxGroupKept, 0, 64} {
			t.Run(fmt.Sprintf("%s, group values kept up to %d bytes", tt.name, kept), func(t *testing.T) {
				defer func(n int) { maxGroupKept = n }(maxGroupKept)
				maxGroupKept = kept
				stores := [2]*Store{newEmptyStore(t), newEmptyStore(t)}
				var results [2][]model.ImportResult
				for i, s := range stores {
					if tt.before != nil {
						importDocs(t, s, nativeInput("timeline.example.json", exampleDoc(t)))
						tt.before(t, s)
					}
					var err error
					results[i], err = s.Import(tt.inputs(t), model.ImportOptions{Bulk: i == 1})
					if err != nil {
						t.Fatalf("import (bulk %v): %v", i == 1, err)
					}
					checkInvariants(t, s)
				}
				if !reflect.DeepEqual(results[0], results[1]) {
					t.Errorf("results differ:\ntransaction %+v\nbulk        %+v", results[0], results[1])
				}
				assertUnchanged(t, stores[1], dumpOf(t, stores[0]))
				assertNoLeftovers(t, stores[1])
			})
		}
	}
}

func TestBulkImportIsAllOrNothing(t *testing.T) {
	defer func(n int) { sortMemory = n }(sortMemory)
	sortMemory = 512
	s := newStore(t)
	before := dumpOf(t, s)
	bad := `{"chrono": 1, "events": [{"id": "fine", "title": "Fine"}, {"id": "bad-date", "date": "2017-13", "title": "A bad month"}]}`
	_, err := s.Import([]model.Input{nativeInput("first.json", []byte(newEvents)), nativeInput("second.json", []byte(bad))}, model.ImportOptions{Bulk: true})
	if err == nil || !strings.Contains(err.Error(), "second.json") {
		t.Fatalf("import: %v", err)
	}
	assertUnchanged(t, s, before)
	assertNoLeftovers(t, s)

	res, err := s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, model.ImportOptions{Bulk: true, DryRun: true})
	if err != nil || len(res) != 1 || res[0].New != 2 || res[0].Updated != 1 {
		t.Errorf("dry run: %+v, %v", res, err)
	}
	assertUnchanged(t, s, before)
	assertNoLeftovers(t, s)
}

// assertNoLeftovers fails when an import left files beside the store.
func assertNoLeftovers(t *testing.T, s *Store) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(s.Location()))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != filepath.Base(s.Location()) {
			t.Errorf("left beside the store: %s", e.Name())
		}
	}
}
