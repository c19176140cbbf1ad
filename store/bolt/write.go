package bolt

import (
	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// buckets are the buckets of one transaction.
type buckets struct {
	tx                                              *bbolt.Tx
	meta, events, ids, tags, links, sources, counts *bbolt.Bucket
	trash, journal, history, snapshots              *bbolt.Bucket
	// linking is nil in a store of schema 9 read as it is (schema.go).
	linking *bbolt.Bucket
	// regroup holds, in a write transaction, the events whose linked
	// group must be placed again before it ends (order.go).
	regroup map[string]bool
	// keys is the store's cache of queries' candidate keys (linked.go),
	// and ident its file's; nil where there is none.
	keys  *keyCache
	ident string
	// trees reads the store's file for lookups all over it (pread.go);
	// nil in a write transaction, whose pages are not yet in the file.
	trees *fileTrees
}

func bucketsOf(tx *bbolt.Tx) buckets {
	b := buckets{tx: tx}
	if tx.Writable() {
		b.regroup = map[string]bool{}
	}
	for _, bk := range allBuckets {
		*bk.in(&b) = tx.Bucket(bk.name)
	}
	return b
}

// event returns the stored event with an id, its order key and its value.
func (b buckets) event(id string) (model.Event, []byte, error) {
	order := b.value(b.ids, []byte(id))
	if order == nil {
		return model.Event{}, nil, &model.Missing{Kind: model.MissingEvent, ID: id}
	}
	v := b.value(b.events, order)
	if v == nil {
		return model.Event{}, nil, stored.Unreadablef("event %q: the ids index has it, the events bucket has not (chrono check --store lists all such)", id)
	}
	e, err := stored.Decode(v)
	return e, order, err
}

// put writes e, which must not be stored yet, with its indexes and
// counts, under its own order key; should it be in a linked group, the
// group is placed again when the transaction settles (order.go).
func (b buckets) put(e *model.Event) error {
	b.mark(e)
	order := model.OrderKey(e)
	if err := b.events.Put(order, stored.Encode(nil, e)); err != nil {
		return err
	}
	if err := b.ids.Put([]byte(e.ID), order); err != nil {
		return err
	}
	return b.index(e, order, 1)
}

// remove deletes a stored event, its indexes and counts.
func (b buckets) remove(e *model.Event, order []byte) error {
	b.mark(e)
	if err := b.events.Delete(order); err != nil {
		return err
	}
	if err := b.ids.Delete([]byte(e.ID)); err != nil {
		return err
	}
	return b.index(e, order, -1)
}

// index adds (delta 1) or removes (delta -1) an event's index entries and
// counts.
func (b buckets) index(e *model.Event, order []byte, delta int) error {
	err := indexEntries(e, order, func(bk bucket, key []byte) error {
		if delta > 0 {
			return (*bk.in(&b)).Put(key, nil)
		}
		return (*bk.in(&b)).Delete(key)
	})
	if err != nil {
		return err
	}
	return counters(e, order, func(c counter) error { return bump(b.counts, c.key(), delta) })
}

// replace swaps a stored event for a new version of it.
func (b buckets) replace(old *model.Event, oldOrder []byte, e *model.Event) error {
	if err := b.remove(old, oldOrder); err != nil {
		return err
	}
	return b.put(e)
}

// value returns the value at key in bucket, nil when there is none: by
// pread in a read transaction (pread.go), where events looked up one by
// one all over the file (the targets of links, as an export checks them)
// would each fault pages in; through bbolt in a write transaction.
func (b buckets) value(bucket *bbolt.Bucket, key []byte) []byte {
	if b.trees != nil {
		return b.trees.get(bucket, key)
	}
	return bucket.Get(key)
}

// trees reads the store's file during a read transaction (pread.go);
// nil during a write transaction, whose pages are not all in the file
// yet, and for a page size no store has.
func (s *Store) trees(tx *bbolt.Tx) *fileTrees {
	size := s.db.Info().PageSize
	if tx.Writable() || s.file == nil || size < minPageSize {
		return nil
	}
	return &fileTrees{file: s.file, tx: tx, size: size, cache: &s.pages}
}

func (s *Store) view(fn func(b buckets) error) error {
	return s.guarded(func() error {
		return s.db.View(func(tx *bbolt.Tx) error {
			b := bucketsOf(tx)
			b.keys, b.ident = s.keys, s.ident
			b.trees = s.trees(tx)
			return fn(b)
		})
	})
}
