package bolt

import (
	"fmt"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// bbolt sees damage only on the pages a transaction reads, so a write can
// succeed on a store that a listing reports damaged, and spread the
// damage: a page read into memory and written back keeps its keys out of
// order. Before the first write of a session, the store is checked:
//
//   - neither meta page may have lost the store's last change (meta.go),
//     unless the user accepts the rollback;
//   - every bucket must be there: one missing is never made again empty
//     (a bulk import would count nothing in a store of thousands);
//   - when the last writer did not close the store (killed, or the
//     machine stopped: the meta key closed is missing), bbolt's whole
//     consistency check runs, once; it reads every page, too slow to run
//     before every write of a large store;
//   - otherwise bbolt's check runs over the buckets every write touches
//     and that do not grow with the events (everyWrite): the header, the
//     counts, the journal, the sources, the links and the trash.
//
// The first write of a session clears the closed key, in its own
// transaction, and Close sets it again.

// writeGuard is what a Store knows of the damage it must not write over.
type writeGuard struct {
	lost           string // why the last change may be lost (metaPair.lost), or ""
	acceptRollback bool   // Options.AcceptRollback
	checked        bool   // this session's first write passed the check
	sound          bool   // the buckets of everyWrite passed it in this process
	dirty          bool   // the closed key is cleared (or the store is new)
}

// everyWrite are the buckets checked before the first write of a
// process: those every write (or every kind of write) reads and writes,
// and which stay small as an investigation grows.
var everyWrite = []bucket{bucketMeta, bucketCounts, bucketJournal, bucketSources, bucketLinks, bucketTrash}

// writable returns why the store must not be written to, or nil.
func (s *Store) writable() error {
	if s.readOnly {
		return fmt.Errorf("store %s: %w", s.path, model.ErrReadOnly)
	}
	if err := s.takeBack(); err != nil {
		// A bulk import that ended refused could not have the write
		// lock back then, nor can this write now.
		return err
	}
	if s.guard.checked {
		return nil
	}
	if err := s.rolledBack(); err != nil {
		return err
	}
	var why string
	err := s.guarded(func() error {
		return s.db.View(func(tx *bbolt.Tx) error {
			full := !s.guard.dirty && tx.Bucket(bucketMeta.name) != nil && tx.Bucket(bucketMeta.name).Get(keyClosed) == nil
			why = checkStore(tx, full, !s.guard.sound)
			return nil
		})
	})
	if err != nil {
		return err
	}
	if why != "" {
		return damaged(s.path, why)
	}
	s.guard.checked, s.guard.sound = true, true
	return nil
}

// rolledBack refuses to write over a meta page that may hold the
// store's last change, unless the user accepts the loss.
func (s *Store) rolledBack() error {
	if s.guard.lost != "" && !s.guard.acceptRollback {
		return fmt.Errorf("store %s is %w (%s): nothing was changed; restore it from a backup, or run the command again with --accept-rollback to keep the store as it reads now", s.path, model.ErrDamaged, s.guard.lost)
	}
	return nil
}

// checkStore returns what is wrong with the store, or "": a missing
// bucket, and what bbolt's check finds in the whole store (full) or in
// the buckets of everyWrite (cheap).
func checkStore(tx *bbolt.Tx, full, cheap bool) string {
	for _, bk := range allBuckets {
		if tx.Bucket(bk.name) == nil {
			return fmt.Sprintf("its %s bucket is missing", bk.name)
		}
	}
	if full {
		if p := firstProblem(tx.Check()); p != "" {
			return "it was not closed after its last write, and " + p
		}
		return ""
	}
	if !cheap {
		return ""
	}
	for _, bk := range everyWrite {
		root := tx.Bucket(bk.name).RootPage()
		if root == 0 {
			continue // kept inside its parent's page, which was read to find it
		}
		if p := firstProblem(tx.Check(bbolt.WithPageId(uint64(root)))); p != "" {
			return fmt.Sprintf("in its %s bucket, %s", bk.name, p)
		}
	}
	return ""
}

// firstProblem returns the first error of bbolt's check, as damageOf
// says it, reading the rest so that the check's goroutine ends before its
// transaction does.
func firstProblem(errs <-chan error) string {
	first := ""
	for err := range errs {
		if first == "" {
			first = damageOf(err)
		}
	}
	return first
}

// clearClosed removes the closed key in the first write transaction of
// the session: until Close sets it again, a writer is at work.
func (s *Store) clearClosed(tx *bbolt.Tx) error {
	if s.guard.dirty {
		return nil
	}
	return tx.Bucket(bucketMeta.name).Delete(keyClosed)
}

// update runs fn in a write transaction of a store checked as writable,
// clearing the closed key.
func (s *Store) update(fn func(tx *bbolt.Tx) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	err := s.db.Update(func(tx *bbolt.Tx) error {
		if err := s.clearClosed(tx); err != nil {
			return err
		}
		return fn(tx)
	})
	if err == nil {
		s.guard.dirty = true
	}
	return err
}

// markClosed sets the closed key, when this session cleared it. Should it
// fail, the next writer runs the whole check: nothing is lost.
func (s *Store) markClosed() {
	if s.readOnly || !s.guard.dirty {
		return
	}
	_ = s.guarded(func() error {
		return s.db.Update(func(tx *bbolt.Tx) error {
			meta := tx.Bucket(bucketMeta.name)
			if meta == nil {
				return nil
			}
			return meta.Put(keyClosed, []byte{1})
		})
	})
}
