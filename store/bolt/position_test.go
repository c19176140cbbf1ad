package bolt

import (
	"testing"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// TestPosition: the index position gives every event is its place in
// the timeline, whichever end of its month it is nearer: 20,000
// synthetic events, thousands to a busy month, with open starts,
// undated events and linked groups among them.
func TestPosition(t *testing.T) {
	if testing.Short() {
		t.Skip("20,000 events: not under -short")
	}
	const n = 20_000
	s := newSynthStore(t, n)
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := bucketsOf(tx)
		i := 0
		c := b.events.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if got := position(b, k); got != i {
				t.Fatalf("event %d of the timeline (%s): position %d", i, model.OrderKeyID(k), got)
			}
			i++
		}
		if i != n {
			t.Fatalf("%d events stored; want %d", i, n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
