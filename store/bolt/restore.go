package bolt

import (
	"bytes"
	"fmt"
	"iter"

	"chrono/model"
	"chrono/model/journalform"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// RestoreHistory gives a store just built from another store's content
// (a backup of an investigation kept elsewhere) that store's journal and
// trash, in one write transaction: the journal the build began (the
// import that made it) and its history keys are replaced by entries, in
// their order and under their numbers, each stored as it was there, so
// with the same hashes, and the trash holds trashed. A chain that breaks
// is kept as found, and the report says where (journalform.CopyAsFound):
// the other store's tampering is evidence, for the copy to keep. An
// entry that cannot be kept as it is is refused (model.ErrDamaged), and
// nothing kept.
func (s *Store) RestoreHistory(entries iter.Seq2[model.StoredEntry, error], trashed iter.Seq2[model.Trashed, error]) (model.ChainReport, error) {
	var chain model.ChainReport
	err := noRoom(s.path, s.guarded(func() error {
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
			var err error
			var later laterPuts
			if chain, err = journalform.CopyAsFound(entries, putStoredEntry(b, &later)); err != nil {
				return err
			}
			if err := later.put(); err != nil {
				return err
			}
			_, err = putTrash(b, trashed)
			return err
		})
	}))
	return chain, err
}

// RestoreSnapshots gives a store just built from another store's content
// (a backup of an investigation kept elsewhere) the snapshots that store
// holds of the sources srcs, kept and withdrawn, each under its number
// and checked against its SHA-256, in one write transaction that records
// no entry: the journal that names them is the other store's. It
// returns how many there were.
func (s *Store) RestoreSnapshots(from model.SnapshotReader, srcs []model.Source) (int, error) {
	var n model.Restored
	err := noRoom(s.path, s.guarded(func() error {
		return s.update(func(tx *bbolt.Tx) error {
			n = model.Restored{}
			t := &writeTx{b: bucketsOf(tx), author: s.author, now: clock().UTC().Round(0)}
			return model.RestoreSnapshots(t, from, srcs, &n)
		})
	}))
	return n.Snapshots, err
}

// Restore implements model.Restorer: the content goes in through the
// domain's transaction as a Write's would, the trash and the journal
// straight into their buckets, and nothing of the restore itself is
// journaled. From a store that gives its stored entries (any chrono
// store), the journal holds the same entries' bytes, so the same chain
// head.
func (s *Store) Restore(from model.Reader) (model.Restored, error) {
	var n model.Restored
	err := noRoom(s.path, s.guarded(func() error {
		return s.update(func(tx *bbolt.Tx) error {
			n = model.Restored{}
			b := bucketsOf(tx)
			if countOf(b.counts, keyTotal) > 0 || !empty(b.sources) || !empty(b.trash) || !empty(b.journal) {
				return fmt.Errorf("%s: %w: a backup is restored whole only into a new store", s.path, model.ErrNotEmpty)
			}
			// A backup's events come by their order, their ids in none.
			t := &writeTx{b: b, author: s.author, now: clock().UTC().Round(0), later: &laterPuts{}}
			if err := model.RestoreContent(t, from, &n); err != nil {
				return err
			}
			if err := t.later.put(); err != nil {
				return err
			}
			if err := b.settle(); err != nil {
				return err
			}
			var err error
			if n.Trashed, err = putTrash(b, trashOf(from)); err != nil {
				return err
			}
			var later laterPuts
			if stored, ok := from.(model.StoredJournal); ok {
				n.Entries, err = putStored(b, &later, stored.StoredEntries())
			} else {
				n.Entries, err = putJournal(b, &later, model.JournalOf(from))
			}
			if err != nil {
				return err
			}
			return later.put()
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
// their history keys, held in later; it returns how many there were.
func putJournal(b buckets, later *laterPuts, entries iter.Seq2[model.Entry, error]) (uint64, error) {
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
		var l journalform.Log
		for i := range e.Events {
			if err := l.Put(&e.Events[i]); err != nil {
				return want - 1, err
			}
		}
		if err := putHistory(b, later, &e); err != nil {
			return want - 1, err
		}
		v, err := encodeEntry(&e, &l, prev)
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

// putStored appends entries as another store holds them
// (journalform.Copy) to an empty journal, each with its history keys,
// held in later, and returns how many there were.
func putStored(b buckets, later *laterPuts, entries iter.Seq2[model.StoredEntry, error]) (uint64, error) {
	return journalform.Copy(entries, putStoredEntry(b, later))
}

// putStoredEntry puts an entry as another store holds it into the
// journal, under its number, with its history keys, held in later.
func putStoredEntry(b buckets, later *laterPuts) func(model.StoredEntry, *model.Entry) error {
	return func(se model.StoredEntry, e *model.Entry) error {
		if err := putHistory(b, later, e); err != nil {
			return err
		}
		return b.journal.Put(seqKey(se.Seq), storedValue(se))
	}
}

// putHistory holds in later, to be put in key order (laterPuts), the
// history key of each event e touched, marked as this store's imports
// mark them (historyValue), and the linking key of each event whose
// links from others it changed: a journal's keys come by entry, and so
// by event id in no order.
func putHistory(b buckets, later *laterPuts, e *model.Entry) error {
	for i := range e.Events {
		v, err := historyValue(&e.Events[i])
		if err != nil {
			return err
		}
		later.add(b.history, historyKey(e.Events[i].ID, e.Seq), v)
	}
	for _, id := range e.LinksChangedTo() {
		later.add(b.linking, historyKey(id, e.Seq), nil)
	}
	return nil
}

// StoredEntries implements model.StoredJournal. It reads the journal a
// page of entries at a time, each page in a read transaction of its
// own, and yields outside it: what the caller does with an entry (write
// it into another store) is not done inside this file's transaction, and
// a fault there is not taken for this file's.
func (s *Store) StoredEntries() iter.Seq2[model.StoredEntry, error] {
	return func(yield func(model.StoredEntry, error) bool) {
		after := uint64(0)
		for {
			var page []model.StoredEntry
			err := s.view(func(b buckets) error {
				c := b.journal.Cursor()
				k, v := c.Seek(seqKey(after + 1))
				for ; k != nil && len(page) < storedPage; k, v = c.Next() {
					if len(k) != 8 || !chained(v) {
						return stored.Unreadablef("journal entry #%d: unknown format", beUint64(k))
					}
					page = append(page, storedEntry(beUint64(k), bytes.Clone(v)))
				}
				return nil
			})
			if err != nil {
				yield(model.StoredEntry{}, err)
				return
			}
			for _, se := range page {
				if !yield(se, nil) {
					return
				}
			}
			if len(page) < storedPage {
				return
			}
			after = page[len(page)-1].Seq
		}
	}
}

// storedPage is how many entries StoredEntries reads in a transaction.
const storedPage = 256

// StoredEntries is Store.StoredEntries, the store open until the loop
// ends (readEach).
func (s *Shared) StoredEntries() iter.Seq2[model.StoredEntry, error] {
	return readEach(s, (*Store).StoredEntries)
}

var (
	_ model.StoredJournal = (*Store)(nil)
	_ model.StoredJournal = (*Shared)(nil)
)
