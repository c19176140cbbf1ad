package bolt

import (
	"reflect"
	"testing"

	"chrono/model"
)

// TestLinkedKeysFollowWrites: the linked events' keys kept for a version
// of the store are read again once a write changes the links, whether
// this store or another handle on the file wrote it.
func TestLinkedKeysFollowWrites(t *testing.T) {
	s := newStore(t)
	q := model.Query{Linked: []model.Rel{model.DisputedBy}}
	count := func() int {
		t.Helper()
		n, err := s.Count(q)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	if again := count(); again != before {
		t.Fatalf("the same version counted %d, then %d", before, again)
	}
	if _, err := s.Write(model.OpLink, "link", func(tx model.Tx) error {
		_, err := model.LinkEvents(tx, "tye-statement", model.Disputes, "khashoggi-killed")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if after := count(); after != before+1 {
		t.Errorf("after a dispute was linked, %d events disputed; want %d", after, before+1)
	}
	w, err := s.Window(q, model.Position{}, false, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range w.Rows {
		found = found || r.Event.ID == "khashoggi-killed"
	}
	if !found || w.Start != 0 {
		t.Errorf("the window of disputed events (from %d) does not hold the newly disputed one", w.Start)
	}
}

// TestLinkedKeysKeptAcrossOpenings: a Shared store keeps the linked
// events' keys across the openings of its file while it is unchanged,
// and reads them again once another handle wrote.
func TestLinkedKeysKeptAcrossOpenings(t *testing.T) {
	path := storeFile(t)
	sh := NewShared(path, Options{})
	defer sh.Close()
	q := model.Query{Linked: []model.Rel{model.DisputedBy}}
	before, err := sh.Count(q)
	if err != nil {
		t.Fatal(err)
	}
	sh.Release()
	keys := func() uintptr {
		sh.keys.mu.Lock()
		defer sh.keys.mu.Unlock()
		return reflect.ValueOf(sh.keys.byName["links "+string(model.DisputedBy)]).Pointer()
	}
	kept := keys()
	if before == 0 || kept == 0 {
		t.Fatalf("%d events disputed, and no keys kept: the test needs some", before)
	}
	if again, err := sh.Count(q); err != nil || again != before {
		t.Fatalf("counted %d (%v) after opening the file again; %d before", again, err, before)
	}
	if keys() != kept {
		t.Error("opening the unchanged file again worked the keys out again")
	}
	sh.Release()
	other := openAt(t, path, Options{})
	if _, err := other.Write(model.OpLink, "link", func(tx model.Tx) error {
		_, err := model.LinkEvents(tx, "tye-statement", model.Disputes, "khashoggi-killed")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if after, err := sh.Count(q); err != nil || after != before+1 {
		t.Errorf("after another handle linked a dispute, %d disputed (%v); want %d", after, err, before+1)
	}
}

// TestIDKeysKeptForTheSameIDs: the keys kept for a query by ids answer
// only the same ids at the same version of the store.
func TestIDKeysKeptForTheSameIDs(t *testing.T) {
	s := newStore(t)
	for _, tt := range []struct {
		ids  []string
		want int
	}{
		{[]string{"fbi-tip", "khashoggi-killed"}, 2},
		{[]string{"fbi-tip", "khashoggi-killed"}, 2},
		{[]string{"fbi-tip"}, 1},
		{[]string{"fbi-tip", "fbi-tip", "not-an-event"}, 1},
		{nil, 0},
	} {
		n, err := s.Count(model.Query{ByID: true, IDs: tt.ids})
		if err != nil || n != tt.want {
			t.Errorf("Count by ids %q = %d (%v); want %d", tt.ids, n, err, tt.want)
		}
	}
}
