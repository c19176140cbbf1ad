package bolt

import (
	"bytes"
	"fmt"

	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// boundTitles (7 to 8) stores each event whose title is longer than an
// order key now holds (model.OrderTitleBytes) under the key that holds
// that much of it, in the same place, with the index entries that hold
// the key (move). It reads the keys from the ids index, where each is
// the value of its event's id, and only the events whose key changes:
// at most those of titles past a kilobyte.
func boundTitles(tx *bbolt.Tx) error {
	b := bucketsOf(tx)
	type rekeyed struct{ old, order []byte }
	var moves []rekeyed
	c := b.ids.Cursor()
	n := 0
	for id, order := c.First(); id != nil; id, order = c.Next() {
		if n++; n%releaseEvery == 0 {
			// The index's pages read so far (130 MB at a million
			// events). Nothing is written before the walk ends, so the
			// file is not remapped meanwhile.
			release(tx)
		}
		if len(order) <= model.OrderTitleBytes {
			continue // too short to hold a title that long
		}
		if bound, changed, ok := model.BoundOrderKey(order); ok && changed {
			moves = append(moves, rekeyed{bytes.Clone(order), bound})
		}
	}
	for _, m := range moves {
		e, err := stored.Decode(b.events.Get(m.old))
		if err != nil {
			return fmt.Errorf("event at %q: %w", m.old, err)
		}
		if err := b.move(&e, m.old, m.order); err != nil {
			return err
		}
	}
	return nil
}
