package bolt

import (
	"errors"
	"slices"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"
)

// While a bulk import builds the new file, other processes read the store
// as it was; writers are kept out until the new file is in place.
func TestBulkImportLetsReadersIn(t *testing.T) {
	s := newStore(t)
	before, err := s.Count(model.Query{})
	if err != nil {
		t.Fatal(err)
	}
	var looked bool
	progress := func(model.ImportProgress) {
		if looked {
			return
		}
		looked = true
		r, err := Open(s.path, Options{ReadOnly: true, Timeout: 50 * time.Millisecond})
		if err != nil {
			t.Errorf("a reader during the import: %v", err)
		} else {
			if n, err := r.Count(model.Query{}); err != nil || n != before {
				t.Errorf("a reader during the import counts %d, %v; want %d", n, err, before)
			}
			r.Close()
		}
		if w, err := Open(s.path, Options{Timeout: 50 * time.Millisecond}); !errors.Is(err, model.ErrInUse) {
			t.Errorf("a writer during the import: %v, want model.ErrInUse", err)
			if err == nil {
				w.Close()
			}
		}
	}
	if _, err := s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, model.ImportOptions{Bulk: true, Progress: progress}); err != nil {
		t.Fatal(err)
	}
	if !looked {
		t.Fatal("the import reported no progress")
	}
	after, err := s.Count(model.Query{})
	if err != nil || after <= before {
		t.Errorf("after the import: %d events, %v; want more than %d", after, err, before)
	}
	// The store is written to again once the import is done.
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"after-import"}, nil); err != nil {
		t.Errorf("a write after the import: %v", err)
	}
}

// A writer that takes the store in the instant the import trades its
// write lock for a shared one has changed what the import read: the
// import is refused, and the write kept.
func TestBulkImportRefusedWhenWrittenAsItBegins(t *testing.T) {
	s := newStore(t)
	defer func(f func()) { betweenLocks = f }(betweenLocks)
	betweenLocks = func() {
		w, err := Open(s.path, Options{Timeout: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if _, err := storetest.Retag(w, []string{"fbi-tip"}, []string{"meanwhile"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, model.ImportOptions{Bulk: true})
	if !errors.Is(err, model.ErrConflict) {
		t.Fatalf("import: %v, want model.ErrConflict", err)
	}
	s.Close()
	r := openAt(t, s.path, Options{ReadOnly: true})
	e, err := r.Event("fbi-tip")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(e.Tags, "meanwhile") {
		t.Errorf("the write made meanwhile is lost: tags %q", e.Tags)
	}
	if _, err := r.Event("hearing-held"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("an event of the refused import: %v, want model.ErrNotFound", err)
	}
	assertNoLeftovers(t, r)
}

// A second bulk import that takes the store in the instant the first
// trades its lock, and trades its own, changes what the first read: the
// first is refused, and the second's events are kept.
func TestTwoBulkImportsOneRefused(t *testing.T) {
	s := newStore(t)
	defer func(f func()) { betweenLocks = f }(betweenLocks)
	building, release := make(chan struct{}), make(chan struct{})
	second := make(chan error, 1)
	betweenLocks = func() {
		betweenLocks = func() {}
		go func() {
			w, err := Open(s.path, Options{Timeout: 50 * time.Millisecond})
			if err != nil {
				second <- err
				close(building)
				return
			}
			defer w.Close()
			once := false
			_, err = w.Import([]model.Input{nativeInput("b.json", []byte(`{"chrono": 1, "events": [{"id": "b-only", "date": "2023-01-01", "title": "B's event"}]}`))},
				model.ImportOptions{Bulk: true, Progress: func(model.ImportProgress) {
					if !once {
						once = true
						close(building)
						<-release
					}
				}})
			second <- err
		}()
		<-building
	}
	_, err := s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, model.ImportOptions{Bulk: true})
	close(release)
	if err2 := <-second; err2 != nil {
		t.Fatalf("the second import: %v", err2)
	}
	if !errors.Is(err, model.ErrConflict) {
		t.Errorf("the first import: %v, want model.ErrConflict", err)
	}
	s.Close()
	r := openAt(t, s.path, Options{ReadOnly: true})
	if _, err := r.Event("b-only"); err != nil {
		t.Errorf("the second import's event: %v", err)
	}
}

// After a bulk import that ends without its new file (refused), the
// store is written to as before.
func TestWritesAfterARefusedBulkImport(t *testing.T) {
	s := newStore(t)
	bad := `{"chrono": 1, "events": [{"id": "x", "date": "2023-01-01", "title": "X", "links": [{"rel": "follows", "event": "nowhere"}]}]}`
	if _, err := s.Import([]model.Input{nativeInput("bad.json", []byte(bad))}, model.ImportOptions{Bulk: true}); err == nil {
		t.Fatal("a link to nowhere imported")
	}
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"after"}, nil); err != nil {
		t.Errorf("a write after the refused import: %v", err)
	}
	if _, err := s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, model.ImportOptions{Bulk: true}); err != nil {
		t.Errorf("a bulk import after the refused one: %v", err)
	}
	checkInvariants(t, s)
}

// A reader let in during the build of an import that is then refused
// may hold the store as the import ends: the write lock comes back at
// the next write, once the reader is gone, not the Store read-only for
// good.
func TestAReaderDuringARefusedImportKeepsNoOneFromWriting(t *testing.T) {
	s := newStore(t)
	defer func(f func()) { betweenLocks = f }(betweenLocks)
	var r *Store
	betweenLocks = func() {
		var err error
		if r, err = Open(s.path, Options{ReadOnly: true}); err != nil {
			t.Fatal(err)
		}
	}
	bad := `{"chrono": 1, "events": [{"id": "x", "date": "2023-01-01", "title": "X", "links": [{"rel": "follows", "event": "nowhere"}]}]}`
	if _, err := s.Import([]model.Input{nativeInput("bad.json", []byte(bad))}, model.ImportOptions{Bulk: true}); err == nil {
		t.Fatal("a link to nowhere imported")
	}
	r.Close()
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"after"}, nil); err != nil {
		t.Errorf("a write once the reader is gone: %v", err)
	}
}

// A refused import's Store taken back onto the file another import put
// in place reads that file: its kept counts are not the old file's.
func TestTakenBackOntoAnotherImportsFile(t *testing.T) {
	s := newStore(t)
	// A file built by an import starts its transaction ids again: the
	// other import's file will be at the same one as this, and only the
	// file tells their counts apart.
	if _, err := s.Import([]model.Input{nativeInput("new.json", []byte(newEvents))}, model.ImportOptions{Bulk: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"after"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Facets(model.FacetTags); err != nil { // kept in the cache
		t.Fatal(err)
	}
	defer func(f func()) { betweenLocks = f }(betweenLocks)
	betweenLocks = func() {
		betweenLocks = func() {}
		w, err := Open(s.path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		if _, err := w.Import([]model.Input{nativeInput("b.json", []byte(`{"chrono": 1, "events": [{"id": "b-only", "date": "2023-01-01", "title": "B", "tags": ["zzz-b"]}]}`))}, model.ImportOptions{Bulk: true}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Import([]model.Input{nativeInput("c.json", []byte(`{"chrono": 1, "events": [{"id": "c-only", "date": "2023-01-01", "title": "C"}]}`))}, model.ImportOptions{Bulk: true}); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("the import: %v, want model.ErrConflict", err)
	}
	tags, err := s.Facets(model.FacetTags)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(tags, func(f model.Facet) bool { return f.Name == "zzz-b" }) {
		t.Errorf("the tags read lack the other import's zzz-b: %v", tags)
	}
	if _, err := storetest.Retag(s, []string{"b-only"}, []string{"checked"}, nil); err != nil {
		t.Errorf("a write on the other import's file: %v", err)
	}
	checkInvariants(t, s)
}
