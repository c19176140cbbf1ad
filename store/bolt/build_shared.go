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
// is refused, for it would build on what the store no longer is. The
// store is open for writing again after an import that ends without its
// new file (takeBack).
//
// what names the write for the errors: "import", "undo", "revert".
func (s *Store) shareForBuild(what string) error {
	// A write of its own goes first: the closed key, as the old file is
	// not written again. Another import that got in as the lock was
	// traded, and traded its own, wrote one too: the transaction ids
	// then differ, where a writer that writes nothing would go unseen.
	err := s.guarded(func() error {
		return s.db.Update(func(tx *bbolt.Tx) error {
			if meta := tx.Bucket(bucketMeta.name); meta != nil {
				return meta.Put(keyClosed, []byte{1})
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	s.guard.dirty = false
	var before int
	if err := s.db.View(func(tx *bbolt.Tx) error { before = tx.ID(); return nil }); err != nil {
		return err
	}
	if s.sharedFrom, err = s.file.Stat(); err != nil {
		return err
	}
	if err := s.db.Close(); err != nil {
		return err
	}
	s.shared = true
	betweenLocks()
	if err := s.reopen(true); err != nil {
		s.takeBack()
		return fmt.Errorf("store %s was taken by another process as the %s began: nothing was changed; run the %s again: %w", s.path, what, what, err)
	}
	var now int
	if err := s.db.View(func(tx *bbolt.Tx) error { now = tx.ID(); return nil }); err != nil {
		s.takeBack()
		return err
	}
	if now != before || s.replaced() {
		s.takeBack()
		return fmt.Errorf("store %s: %w: another process wrote to it as the %s began; nothing was changed, run the %s again", s.path, model.ErrConflict, what, what)
	}
	return nil
}

// takeBack opens the store for writing again after shareForBuild, when
// the import ended without its new file in place (refused, or failed):
// the Store goes on as it was. Readers let in during the build may hold
// the store a moment longer: they are asked for their turn (turn_linux.go),
// and should the lock still not come, the store stays open for reading
// and the next write asks again (writable), rather than the Store's
// staying read-only for good.
func (s *Store) takeBack() error {
	if !s.shared {
		return nil
	}
	s.db.Close() // closing it again, should it be closed, is harmless
	turned := askTurn(s.path)
	err := s.reopen(false)
	turned()
	if err == nil {
		s.shared = false
		return nil
	}
	if rerr := s.reopen(true); rerr != nil {
		return rerr
	}
	return err
}

// reopen opens the store's file again, for reading only or for writing,
// in place of the DB the Store held (closed). Should another file have
// taken the store's name meanwhile (another import's), this process
// checks it before it writes to it (guard.go).
func (s *Store) reopen(readOnly bool) error {
	var file *os.File
	db, err := bbolt.Open(s.path, 0o600, &bbolt.Options{
		Timeout:      DefaultTimeout,
		ReadOnly:     readOnly,
		FreelistType: bbolt.FreelistMapType,
		OpenFile:     openKeeping(&file),
	})
	if err != nil {
		return openError(s.path, err)
	}
	s.db, s.file = db, file
	s.pages.drop()
	// The caches are the file's as it is now (keyCache, countCache).
	s.ident = identOf(file)
	if s.replaced() {
		s.guard.checked, s.guard.sound = false, false
	}
	return nil
}

// replaced reports whether the file the Store has open is another than
// the one it had when the lock was traded (shareForBuild).
func (s *Store) replaced() bool {
	fi, err := s.file.Stat()
	return err != nil || !os.SameFile(fi, s.sharedFrom)
}
