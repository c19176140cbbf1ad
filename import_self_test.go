package main

import (
	"strings"
	"testing"

	"chrono/store"
)

// TestImportOfItself: a store given to its own import is refused for
// what it is, not as a store in use by another process, and a pipe from
// a chrono reading the store into its own import says how to do it.
func TestImportOfItself(t *testing.T) {
	db := newDB(t)
	chrono(t, db, "", "import", "timeline.example.json")
	r := chrono(t, db, "", "import", db)
	if r.code != 1 || !strings.Contains(r.stderr, "is the store this import writes to") || strings.Contains(r.stderr, "in use") {
		t.Errorf("import of the store into itself: %+v", r)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r = chrono(t, db, `{"chrono":1,"events":[]}`, "import", "-")
	if r.code != 1 || !strings.Contains(r.stderr, "in use by another chrono process") || !strings.Contains(r.stderr, "chrono export -o FILE") {
		t.Errorf("import of stdin while the store is held: %+v", r)
	}
}
