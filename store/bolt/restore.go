package bolt

import (
	"fmt"
	"iter"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// RestoreHistory gives a store just built from another store's content
// (a backup of an investigation kept elsewhere) that store's journal and
// trash, in one write transaction: the journal the build began (the
// import that made it) and its history keys are replaced by entries, in
// their order and under their numbers, each chained anew in this store's
// form, and the trash holds trashed. An event an import added is
// recorded as added (from absent to the timeline, with no copy), as
// this store's imports record it.
func (s *Store) RestoreHistory(entries iter.Seq2[model.Entry, error], trashed iter.Seq2[model.Trashed, error]) error {
	return noRoom(s.path, s.guarded(func() error {
		return s.update(func(tx *bbolt.Tx) error {
			b := bucketsOf(tx)
			for _, bk := range []bucket{bucketJournal, bucketHistory, bucketTrash} {
				if err := tx.DeleteBucket(bk.name); err != nil {
					return err
				}
				nb, err := tx.CreateBucket(bk.name)
				if err != nil {
					return err
				}
				*bk.in(&b) = nb
			}
			if _, err := putJournal(b, entries); err != nil {
				return err
			}
			_, err := putTrash(b, trashed)
			return err
		})
	}))
}

// Restore implements model.Restorer: the content goes in through the
// domain's transaction as a Write's would, the trash and the journal
// straight into their buckets, and nothing of the restore itself is
// journaled. A bbolt store restored from a bbolt store holds the same
// journal bytes, so the same chain head.
func (s *Store) Restore(from model.Reader) (model.Restored, error) {
	var n model.Restored
	err := noRoom(s.path, s.guarded(func() error {
		return s.update(func(tx *bbolt.Tx) error {
			n = model.Restored{}
			b := bucketsOf(tx)
			if countOf(b.counts, keyTotal) > 0 || !empty(b.sources) || !empty(b.trash) || !empty(b.journal) {
				return fmt.Errorf("%s: %w: a backup is restored whole only into a new store", s.path, model.ErrNotEmpty)
			}
			t := &writeTx{b: b, author: s.author, now: clock().UTC().Round(0),
				events: map[string]*model.EventChange{}, sources: map[string]*model.SourceChange{}}
			if err := model.RestoreContent(t, from, &n); err != nil {
				return err
			}
			if err := b.settle(); err != nil {
				return err
			}
			var err error
			if n.Trashed, err = putTrash(b, trashOf(from)); err != nil {
				return err
			}
			n.Entries, err = putJournal(b, model.JournalOf(from))
			return err
		})
	}))
	return n, err
}

// Restore is Store.Restore.
func (s *Shared) Restore(from model.Reader) (model.Restored, error) {
	return alone(s, s.author, func(st *Store) (model.Restored, error) { return st.Restore(from) })
}

var (
	_ model.Restorer = (*Store)(nil)
	_ model.Restorer = (*Shared)(nil)
)

// empty reports whether a bucket holds no key.
func empty(b *bbolt.Bucket) bool {
	k, _ := b.Cursor().First()
	return k == nil
}

// trashOf is from's trash, an event at a time.
func trashOf(from model.Reader) iter.Seq2[model.Trashed, error] {
	return func(yield func(model.Trashed, error) bool) {
		trashed, err := from.Trash()
		if err != nil {
			yield(model.Trashed{}, err)
			return
		}
		for _, t := range trashed {
			if !yield(t, nil) {
				return
			}
		}
	}
}

// putTrash puts trashed events into the trash, and counts them.
func putTrash(b buckets, trashed iter.Seq2[model.Trashed, error]) (int, error) {
	n := 0
	for t, err := range trashed {
		if err != nil {
			return n, err
		}
		if b.ids.Get([]byte(t.Event.ID)) != nil {
			return n, fmt.Errorf("event %q is both on the timeline and in the trash: %w", t.Event.ID, model.ErrDamaged)
		}
		v, err := encodeTrashed(&t)
		if err != nil {
			return n, err
		}
		if err := b.trash.Put([]byte(t.Event.ID), v); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// putJournal appends entries, numbered from 1 without a gap, to an empty
// journal, each chained to the one before in this store's form, with
// their history keys; it returns how many there were.
func putJournal(b buckets, entries iter.Seq2[model.Entry, error]) (uint64, error) {
	prev := make([]byte, hashSize)
	want := uint64(1)
	for e, err := range entries {
		if err != nil {
			return want - 1, err
		}
		if e.Seq != want {
			return want - 1, fmt.Errorf("journal entry #%d follows #%d: the journal to restore has a gap", e.Seq, want-1)
		}
		want++
		var l changeLog
		for i := range e.Events {
			c := &e.Events[i]
			added := c.Before == nil && c.After == nil && c.From == model.Absent && c.To == model.OnTimeline
			var err error
			if added {
				err = l.added(c.ID)
			} else {
				err = l.change(c)
			}
			if err != nil {
				return want - 1, err
			}
			v := []byte(nil)
			if added {
				v = historyAdded
			}
			if err := b.history.Put(historyKey(c.ID, e.Seq), v); err != nil {
				return want - 1, err
			}
		}
		v, err := l.encode(&e, prev)
		if err != nil {
			return want - 1, err
		}
		if err := b.journal.Put(seqKey(e.Seq), v); err != nil {
			return want - 1, err
		}
		prev = entryHash(v)
	}
	return want - 1, nil
}
