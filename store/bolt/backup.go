package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/outfile"

	bbolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the store to path, which must not
// exist yet: a snapshot of one read transaction, so it can be taken while
// the store is in use. The copy is written beside path, synced, and read
// back whole (every page, every event) before it takes the name: a file
// called a backup always is one. It gets the store's mode less the umask,
// and Backup returns its size.
func (s *Store) Backup(path string) (int64, error) {
	if _, err := os.Lstat(path); err == nil {
		return 0, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
	}
	perm := fs.FileMode(0o600)
	if fi, err := os.Stat(s.path); err == nil {
		perm = fi.Mode().Perm()
	}
	out, err := outfile.CreateNew(path, perm)
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	defer out.Abort() // after Commit, there is nothing to remove
	var n, events int64
	err = s.guarded(func() error {
		return s.db.View(func(tx *bbolt.Tx) error {
			var err error
			if n, err = tx.WriteTo(out); err == nil {
				events = int64(countOf(tx.Bucket(bucketCounts.name), keyTotal))
			}
			return err
		})
	})
	if err == nil {
		err = out.Sync()
	}
	if err != nil {
		return 0, noRoom(path, fmt.Errorf("backup to %s: %w", path, err))
	}
	if err := verifyBackup(out.TempName(), events); err != nil {
		return 0, fmt.Errorf("backup to %s: %w: no backup was made; the store %s may be damaged too (chrono export -o FILE saves what can be read)", path, err, s.path)
	}
	if err := out.Commit(); err != nil {
		if errors.Is(err, outfile.ErrExists) {
			return 0, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
		}
		return 0, fmt.Errorf("backup: %w", err)
	}
	return n, nil
}

// verifyBackup reads the copy at path whole: every key and value of every
// bucket, every event decoded and found by its id, the journal's chain
// checked, then bbolt's own check
// of the pages (that each is reachable once, or free, and keys in order).
// events is how many events the store counted in the snapshot.
func verifyBackup(path string, events int64) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: DefaultTimeout})
	if err != nil {
		return fmt.Errorf("the copy is %w (%v)", model.ErrDamaged, err)
	}
	defer db.Close()
	var why error
	err = guardPath(path, func() error {
		return db.View(func(tx *bbolt.Tx) error {
			// Read in this goroutine first, where a fault on a page past
			// the end is caught; tx.Check reads in one of its own.
			if why = readBackupWhole(tx, events); why != nil {
				return nil
			}
			if p := firstProblem(tx.Check()); p != "" {
				why = errors.New(p)
			}
			return nil
		})
	})
	if err == nil && why != nil {
		err = fmt.Errorf("the copy is %w (%v)", model.ErrDamaged, why)
	}
	if err != nil && !errors.Is(err, model.ErrDamaged) {
		err = fmt.Errorf("the copy is %w (%v)", model.ErrDamaged, err)
	}
	return err
}

// readBackupWhole walks every bucket of tx, decodes every event and
// checks the journal's chain.
func readBackupWhole(tx *bbolt.Tx, events int64) error {
	for _, bk := range allBuckets {
		b := tx.Bucket(bk.name)
		if b == nil {
			return fmt.Errorf("bucket %s is missing", bk.name)
		}
		if bytes.Equal(bk.name, bucketEvents.name) {
			continue // read below, every event decoded
		}
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
		}
	}
	evs, ids := tx.Bucket(bucketEvents.name), tx.Bucket(bucketIDs.name)
	var n int64
	c := evs.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		e, err := stored.Decode(v)
		if err != nil {
			return fmt.Errorf("event at key %x: %w", k, err)
		}
		if !bytes.Equal(ids.Get([]byte(e.ID)), k) {
			return fmt.Errorf("event %q: its index entry is not where it is", e.ID)
		}
		n++
	}
	if n != events || int64(ids.Stats().KeyN) != events {
		return fmt.Errorf("%d events read, %d ids, and %d counted", n, ids.Stats().KeyN, events)
	}
	// Each journal entry's bytes against its hash: a byte changed in an
	// entry is damage no page check sees.
	if r := verifyChain(tx.Bucket(bucketJournal.name)); !r.OK() {
		return fmt.Errorf("its journal's chain breaks at entry #%d: %s", r.Break.Seq, r.Break.What)
	}
	return nil
}
