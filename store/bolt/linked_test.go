package bolt

import (
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
