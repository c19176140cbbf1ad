package bolt

import (
	"bytes"
	"fmt"

	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// placeInOrder (5 to 6) stores every event under the key of the
// chronology's order instead of its earliest instant and id: each event
// under its own order key, the tags index and the ids index following it,
// the events counted by the month their key leads with; then the linked
// groups are placed (order.go). The counts by the stated date's months
// stay as they are: the dates did not change. It rewrites the events
// bucket in the opening transaction, so it takes memory of the order of
// the store's size, once.
func placeInOrder(tx *bbolt.Tx) error {
	b := bucketsOf(tx)
	type rekey struct {
		old, order []byte
		tags       []string
	}
	// Counted afresh: a store of schema 5 has none of these counts, and
	// one whose version was set back has them already.
	prefix := counterOrder.prefix()
	c := b.counts.Cursor()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := b.counts.Delete(k); err != nil {
			return err
		}
	}
	var moves []rekey
	err := b.events.ForEach(func(old, v []byte) error {
		e, err := stored.Decode(v)
		if err != nil {
			return fmt.Errorf("event at %q: %w", old, err)
		}
		moves = append(moves, rekey{bytes.Clone(old), model.OrderKey(&e), e.Tags})
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range moves {
		v := bytes.Clone(b.events.Get(m.old))
		if err := b.events.Delete(m.old); err != nil {
			return err
		}
		if err := b.events.Put(m.order, v); err != nil {
			return err
		}
		id := []byte(model.OrderKeyID(m.order))
		if err := b.ids.Put(id, m.order); err != nil {
			return err
		}
		for _, t := range m.tags {
			if err := b.tags.Delete(tagKey(t, m.old)); err != nil {
				return err
			}
			if err := b.tags.Put(tagKey(t, m.order), nil); err != nil {
				return err
			}
		}
		if err := bump(b.counts, orderCountKey(orderPeriodOfKey(m.order)), 1); err != nil {
			return err
		}
	}
	return b.settleAll()
}
