package main

import (
	"bytes"
	"testing"

	"chrono/model"
	"chrono/store"
)

// TestSeedOnlyAnEmptyStore: the default store is seeded with the example
// only when it holds no event. Another chrono may fill it between the
// browser finding no store and opening one (an import of thousands of
// events), and the example must not be mixed into that investigation.
func TestSeedOnlyAnEmptyStore(t *testing.T) {
	db := newDB(t)
	if r := chrono(t, db, "", "add", "--title", "a call"); r.code != 0 {
		t.Fatalf("add: %s", r.stderr)
	}
	if r := chrono(t, db, "", "rm", "a-call"); r.code != 0 {
		t.Fatalf("rm: %s", r.stderr)
	}
	if r := chrono(t, db, "", "add", "--title", "a meeting"); r.code != 0 {
		t.Fatalf("add: %s", r.stderr)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var stderr bytes.Buffer
	opts := &browseOptions{cli: &cli{stderr: &stderr}}
	greeting, err := opts.seed(s)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.Count(model.Query{}); err != nil || n != 1 {
		t.Errorf("the store holds %d events (%v) after seeding, want its 1", n, err)
	}
	if greeting != "" || stderr.Len() != 0 {
		t.Errorf("seeding a store with events said %q, %q", greeting, stderr.String())
	}

	// Nor is one whose only events are in the trash.
	trashed := newDB(t)
	chrono(t, trashed, "", "add", "--title", "a call")
	if r := chrono(t, trashed, "", "rm", "a-call"); r.code != 0 {
		t.Fatalf("rm: %s", r.stderr)
	}
	ts, err := store.Open(trashed, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	if greeting, err := opts.seed(ts); err != nil || greeting != "" {
		t.Errorf("seeding a store with an event in the trash: %q, %v", greeting, err)
	}
	if n, err := ts.Count(model.Query{}); err != nil || n != 0 {
		t.Errorf("the store with an event in the trash holds %d events (%v) after seeding, want none", n, err)
	}

	// An empty store is seeded.
	empty, err := store.Open(newDB(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	if _, err := opts.seed(empty); err != nil {
		t.Fatal(err)
	}
	if n, err := empty.Count(model.Query{}); err != nil || n != 13 {
		t.Errorf("the new store holds %d events (%v) after seeding, want the example's 13", n, err)
	}
}
