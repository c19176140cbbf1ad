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
			prev := make([]byte, hashSize)
			want := uint64(1)
			for e, err := range entries {
				if err != nil {
					return err
				}
				if e.Seq != want {
					return fmt.Errorf("journal entry #%d follows #%d: the journal to restore has a gap", e.Seq, want-1)
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
						return err
					}
					v := []byte(nil)
					if added {
						v = historyAdded
					}
					if err := b.history.Put(historyKey(c.ID, e.Seq), v); err != nil {
						return err
					}
				}
				v, err := l.encode(&e, prev)
				if err != nil {
					return err
				}
				if err := b.journal.Put(seqKey(e.Seq), v); err != nil {
					return err
				}
				prev = entryHash(v)
			}
			for t, err := range trashed {
				if err != nil {
					return err
				}
				v, err := encodeTrashed(&t)
				if err != nil {
					return err
				}
				if err := b.trash.Put([]byte(t.Event.ID), v); err != nil {
					return err
				}
			}
			return nil
		})
	}))
}
