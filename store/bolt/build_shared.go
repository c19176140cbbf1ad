package bolt

import (
	"fmt"
	"os"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// betweenLocks runs, in tests, between the write lock's release and the
// shared lock's taking in shareForBuild.
var betweenLocks = func() {}

// shareForBuild lets readers in while a bulk import builds the new
// store file, which takes as long as reading the input does (seconds to
// minutes): it trades the store's write lock for a shared one. Readers
// (a browser, chrono list, a backup) share it; every writer, of this
// chrono or an older one, opens the store with the write lock, which a
// shared lock held keeps it from taking, so nothing is written to the
// old file that the new one would not hold. flock(2) does not trade a
// lock at once: should a writer take the store in between, the import
// is refused, for it would build on what the store no longer is.
func (s *Store) shareForBuild() error {
	// The closed key goes in first: the old file is not written again.
	s.markClosed()
	s.guard.dirty = false
	var before int
	if err := s.db.View(func(tx *bbolt.Tx) error { before = tx.ID(); return nil }); err != nil {
		return err
	}
	ident := identOf(s.file)
	if err := s.db.Close(); err != nil {
		return err
	}
	betweenLocks()
	var file *os.File
	db, err := bbolt.Open(s.path, 0o600, &bbolt.Options{
		Timeout:      DefaultTimeout,
		ReadOnly:     true,
		FreelistType: bbolt.FreelistMapType,
		OpenFile:     openKeeping(&file),
	})
	if err != nil {
		return fmt.Errorf("store %s was taken by another process as the import began: nothing was imported; run the import again: %w", s.path, openError(s.path, err))
	}
	s.db, s.file = db, file
	s.pages.drop()
	var now int
	if err := db.View(func(tx *bbolt.Tx) error { now = tx.ID(); return nil }); err != nil {
		return err
	}
	if now != before || identOf(file) != ident {
		return fmt.Errorf("store %s: %w: another process wrote to it as the import began; nothing was imported, run the import again", s.path, model.ErrConflict)
	}
	return nil
}
