package bolt

import (
	"os"
	"time"

	berrors "go.etcd.io/bbolt/errors"
)

// openCurrent opens the store at path as Open does, for a writer until it
// holds the file the path names.
//
// A bulk import replaces the file by renaming a new one over it. An open
// that was waiting for the lock of the old file gets it once the import
// lets go. A reader keeps it: the old file stays whole for as long as it is
// open, a snapshot of the store as it was when the reader came. A writer
// would write to a file no longer there and lose the write, so it opens the
// new one instead, again and again while imports follow one another, and
// gives up as it does waiting for a lock: after Options.Timeout in all,
// with model.ErrInUse.
func openCurrent(path string, opts Options) (*Store, error) {
	seen, _ := os.Stat(path)
	return openSeen(path, opts, seen)
}

// openSeen is openCurrent for an opener that had seen the file as seen
// (nil: nothing was at path): the store it returns tells whether another
// process wrote to the file, or put another in its place, meanwhile.
func openSeen(path string, opts Options, seen os.FileInfo) (*Store, error) {
	s, err := openLatest(path, opts)
	if err == nil && seen != nil {
		fi, ferr := s.file.Stat()
		s.overtaken = ferr != nil || !os.SameFile(seen, fi) || identOfInfo(seen) != s.ident
	}
	return s, err
}

// openLatest is openCurrent's loop.
func openLatest(path string, opts Options) (*Store, error) {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	deadline := time.Now().Add(timeout)
	for {
		s, err := open(path, opts)
		if err != nil || opts.ReadOnly || !replaced(path, s.file) {
			return s, err
		}
		s.Close()
		opts.Timeout = time.Until(deadline)
		if opts.Timeout <= 0 {
			return nil, openError(path, berrors.ErrTimeout)
		}
	}
}

// Superseded implements model.Superseded: the store's path names another
// file than the one open.
func (s *Store) Superseded() bool { return replaced(s.path, s.file) }

// replaced tells whether path now names another file than held, the one
// the store has open.
func replaced(path string, held *os.File) bool {
	same, seen := sameFile(path, held)
	return seen && !same
}

// stillAt reports whether path still names held: not replaced (a restore
// or an import in another process), not removed.
func stillAt(path string, held *os.File) bool {
	same, seen := sameFile(path, held)
	return seen && same
}

// sameFile reports whether path names held; seen is false when either
// cannot be looked at (nothing is at path).
func sameFile(path string, held *os.File) (same, seen bool) {
	if held == nil {
		return false, false
	}
	current, err := os.Stat(path)
	if err != nil {
		return false, false
	}
	fi, err := held.Stat()
	if err != nil {
		return false, false
	}
	return os.SameFile(fi, current), true
}

// Overtaken implements model.Overtaken: another process wrote to the
// store's file, or put another in its place, between the moment Open was
// called and the moment it held the file; bbolt lets one writer in at a
// time, and Open waits for the others.
func (s *Store) Overtaken() bool { return s.overtaken }
