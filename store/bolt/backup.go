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
// and Backup returns its size and its journal's chain. A journal altered
// outside chrono is copied as found: the copy is taken only if its chain
// breaks where the store's does, the same way (brokenAsFound), and its
// entries from the break on still read.
func (s *Store) Backup(path string) (model.BackupReport, error) {
	var none model.BackupReport
	if _, err := os.Lstat(path); err == nil {
		return none, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
	}
	perm := fs.FileMode(0o600)
	if fi, err := os.Stat(s.path); err == nil {
		perm = fi.Mode().Perm()
	}
	out, err := outfile.CreateNew(path, perm)
	if err != nil {
		return none, fmt.Errorf("backup: %w", err)
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
		return none, noRoom(path, fmt.Errorf("backup to %s: %w", path, err))
	}
	chain, err := verifyBackup(out.TempName(), events)
	if err != nil {
		return none, fmt.Errorf("backup to %s: %w: no backup was made; the store %s may be damaged too (chrono export -o FILE saves what can be read)", path, err, s.path)
	}
	if !chain.OK() {
		if err := s.brokenAsFound(chain); err != nil {
			return none, fmt.Errorf("backup to %s: %w: no backup was made", path, err)
		}
	}
	if err := out.Commit(); err != nil {
		if errors.Is(err, outfile.ErrExists) {
			return none, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
		}
		return none, fmt.Errorf("backup: %w", err)
	}
	return model.BackupReport{Size: n, Chain: chain}, nil
}

// verifyBackup reads the copy at path whole: every key and value of every
// bucket, every event decoded and found by its id, the journal's chain
// walked, then bbolt's own check
// of the pages (that each is reachable once, or free, and keys in order).
// events is how many events the store counted in the snapshot. It returns
// the copy's chain, which may break: whether the store's breaks alike is
// for the caller to see.
func verifyBackup(path string, events int64) (model.ChainReport, error) {
	var chain model.ChainReport
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: DefaultTimeout})
	if err != nil {
		return chain, fmt.Errorf("the copy is %w (%v)", model.ErrDamaged, err)
	}
	defer db.Close()
	var why error
	err = guardPath(path, func() error {
		return db.View(func(tx *bbolt.Tx) error {
			// Read in this goroutine first, where a fault on a page past
			// the end is caught; tx.Check reads in one of its own.
			if chain, why = readBackupWhole(tx, events); why != nil {
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
	return chain, err
}

// readBackupWhole walks every bucket of tx, decodes every event, and
// walks the journal's chain, which it returns.
func readBackupWhole(tx *bbolt.Tx, events int64) (model.ChainReport, error) {
	var chain model.ChainReport
	for _, bk := range allBuckets {
		b := tx.Bucket(bk.name)
		if b == nil {
			return chain, fmt.Errorf("bucket %s is missing", bk.name)
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
			return chain, fmt.Errorf("event at key %x: %w", k, err)
		}
		if !bytes.Equal(ids.Get([]byte(e.ID)), k) {
			return chain, fmt.Errorf("event %q: its index entry is not where it is", e.ID)
		}
		n++
	}
	if n != events || int64(ids.Stats().KeyN) != events {
		return chain, fmt.Errorf("%d events read, %d ids, and %d counted", n, ids.Stats().KeyN, events)
	}
	// Each journal entry's bytes against its hash: a byte changed in an
	// entry is what no page check sees.
	journal := tx.Bucket(bucketJournal.name)
	chain = verifyChain(journal)
	if chain.OK() {
		return chain, nil
	}
	// A chain that breaks is kept as found, but the entries must still
	// be entries chrono reads: the ones before the break are as chrono
	// wrote them, those from it on are read here.
	br := chain.Break
	if br.Fault == model.ChainUnreadable {
		return chain, fmt.Errorf("its journal's chain breaks at entry #%d: %s", br.Seq, br.What)
	}
	c = journal.Cursor()
	for k, v := c.Seek(seqKey(br.Seq)); k != nil; k, v = c.Next() {
		if len(k) != 8 {
			return chain, fmt.Errorf("its journal has a key of %d bytes after entry #%d, not a sequence number", len(k), chain.Head.Seq)
		}
		if _, err := decodeEntry(beUint64(k), v); err != nil {
			return chain, err
		}
	}
	return chain, nil
}

// brokenAsFound checks that copied, the chain of a backup, which breaks,
// breaks where the store's own does and the same way: that the copy
// keeps the journal as found, not one damaged on its way. Entries are
// only ever added after the newest, so the store's chain read now breaks
// where it did when the copy was made.
func (s *Store) brokenAsFound(copied model.ChainReport) error {
	found, err := s.VerifyJournal()
	if err != nil {
		return err
	}
	if found.OK() || *found.Break != *copied.Break || found.Head != copied.Head {
		return fmt.Errorf("the copy is %w (its journal's chain breaks at entry #%d: %s; the store's %s)", model.ErrDamaged, copied.Break.Seq, copied.Break.What, chainSays(found))
	}
	return nil
}

// chainSays is, for a message, whether a chain holds or where it breaks.
func chainSays(r model.ChainReport) string {
	if r.OK() {
		return "holds"
	}
	return fmt.Sprintf("breaks at entry #%d: %s", r.Break.Seq, r.Break.What)
}
