package bolt

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the store to path, which must not
// exist yet: a snapshot of one read transaction, so it can be taken while
// the store is in use. The copy is written beside path and renamed into
// place only once complete and synced, then opened to check that it is a
// whole store; it returns the copy's size.
func (s *Store) Backup(path string) (int64, error) {
	if _, err := os.Lstat(path); err == nil {
		return 0, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".backup-")
	if err != nil {
		return 0, fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing to remove
	var n int64
	err = s.guarded(func() error {
		return s.db.View(func(tx *bbolt.Tx) error {
			var err error
			n, err = tx.WriteTo(tmp)
			return err
		})
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, noRoom(path, fmt.Errorf("backup to %s: %w", path, err))
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return 0, err
	}
	// Checked before it takes the name, so that a file called a backup
	// always is one.
	copied, err := Open(tmp.Name(), Options{ReadOnly: true})
	if err != nil {
		return 0, fmt.Errorf("backup to %s: the copy does not open: %w", path, err)
	}
	want, err1 := s.Count(model.Query{})
	got, err2 := copied.Count(model.Query{})
	copied.Close()
	switch {
	case err1 != nil:
		return 0, err1
	case err2 != nil:
		return 0, fmt.Errorf("backup to %s: the copy does not read: %w", path, err2)
	case got != want:
		// Another process may have imported meanwhile; the copy is the
		// snapshot of its moment, but say so rather than guess.
		return 0, fmt.Errorf("backup to %s: the copy holds %d events and the store now %d; try again", path, got, want)
	}
	// A link fails, rather than replace, if path appeared meanwhile; where
	// the file system has no links, a rename does.
	if err := os.Link(tmp.Name(), path); errors.Is(err, os.ErrExist) {
		return 0, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
	} else if err != nil {
		if err := os.Rename(tmp.Name(), path); err != nil {
			return 0, fmt.Errorf("backup: %w", err)
		}
	}
	return n, nil
}
