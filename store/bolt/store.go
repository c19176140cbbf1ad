// Package bolt keeps an investigation in a bbolt file and answers the
// questions of model.Store: events in timeline order from any point,
// counts by tag, actor, status and month, and lookups by id. Every write
// keeps the indexes and counts in step in the same transaction, so a
// reader never has to scan to count.
//
// Callers open a store with package store, which picks this package for
// a path; they see only model.Store.
package bolt

import (
	"bytes"
	"chrono/store/outfile"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DefaultTimeout is how long Open waits for another process's lock.
const DefaultTimeout = time.Second

// Options tune Open.
type Options struct {
	// ReadOnly opens without taking the write lock; other readers may
	// share the store, and writes fail. It implies NoCreate.
	ReadOnly bool
	// NoCreate opens only a store that exists: a missing one fails with
	// model.ErrNoStore, and nothing is made, not even its directory.
	NoCreate bool
	// Timeout is how long to wait for another process's lock;
	// DefaultTimeout when zero.
	Timeout time.Duration
	// Author is who the store's writes are attributed to in the journal
	// and on notes.
	Author string
	// AcceptRollback lets writes go on in a store whose newest meta page
	// is damaged, which reads as it was before its last change: the
	// first write makes that the store for good.
	AcceptRollback bool
}

// Store is an open investigation.
type Store struct {
	db       *bbolt.DB
	path     string
	readOnly bool
	author   string
	file     *os.File // bbolt's, to tell whether it is still the file at path
	guard    writeGuard
	// keys keeps queries' candidate keys (linked.go); a Shared store
	// gives each store it opens its own, to keep across openings. ident
	// tells this file from one put in its place: its size and time as
	// opened.
	keys  *keyCache
	ident string
	// counted keeps the facets and months last read (countcache.go);
	// a Shared store gives each store it opens its own, as keys.
	counted *countCache
	// pages keeps the upper pages of the trees read by pread (pread.go).
	pages pageCache
	// shared: a bulk import traded the write lock for a shared one
	// (shareForBuild), until its new file is in place or takeBack.
	shared bool
	// sharedFrom is the file the store was when the lock was traded,
	// to tell another put in its place meanwhile (reopen).
	sharedFrom os.FileInfo
	// overtaken: another process wrote to the file while Open waited
	// for it (Overtaken).
	overtaken bool
}

// Both ways of holding a store answer the whole contract.
var (
	_ model.Store = (*Store)(nil)
	_ model.Store = (*Shared)(nil)

	_ model.Superseded = (*Store)(nil)
	_ model.Overtaken  = (*Store)(nil)
	_ model.Placer     = (*Store)(nil)
	_ model.Placer     = (*Shared)(nil)
)

// Open opens the store at path, creating it (and its directory) when it
// does not exist unless Options.NoCreate or ReadOnly. What is at path
// must be a regular file: a named pipe, a device or a socket is refused
// unread (model.ErrNotChrono). A file this process may not write opens
// only with ReadOnly; otherwise Open fails with model.ErrReadOnly, saying
// why (its mode, an immutable file, a read-only file system). A file
// that is not a chrono store, or was written by a newer chrono, is left
// untouched and reported. When another process holds the store, Open
// gives up after Options.Timeout with model.ErrInUse; a writer that finds
// the file replaced meanwhile opens the new one (openCurrent).
func Open(path string, opts Options) (*Store, error) {
	return openCurrent(path, opts)
}

func open(path string, opts Options) (*Store, error) {
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	fi, err := os.Stat(path)
	exists := err == nil
	var metas metaPair
	switch {
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("store %s: %w", path, err)
	case exists && fi.IsDir():
		return nil, fmt.Errorf("store %s is a directory; give the path of a store file", path)
	case exists && !fi.Mode().IsRegular():
		return nil, notAFile(path, fi)
	case !exists && (opts.ReadOnly || opts.NoCreate):
		return nil, fmt.Errorf("%w at %s", model.ErrNoStore, path)
	case exists:
		if metas, err = sniff(path); err != nil {
			return nil, err
		}
		if opts.ReadOnly {
			break
		}
		if why := unwritable(path, fi); why != "" {
			return nil, &readOnlyError{path, why}
		}
	default:
		if err := outfile.NotADirectoryPath(path); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("creating the directory for store %s: %w", path, err)
		}
	}
	var db *bbolt.DB
	var file *os.File // to release the lock should bbolt panic on a damaged file
	turned := func() {}
	if exists {
		// A Shared store lets go of the file (turn_linux.go): its readers
		// for a writer, and its writes, held open, for anyone.
		turned = askTurn(path)
	}
	var size int64
	if exists {
		size = fi.Size()
	}
	err = guardPath(path, func() (err error) {
		db, err = bbolt.Open(path, 0o600, &bbolt.Options{
			Timeout:         timeout,
			ReadOnly:        opts.ReadOnly,
			FreelistType:    bbolt.FreelistMapType,
			OpenFile:        openKeeping(&file),
			InitialMmapSize: mappedFor(size, opts.ReadOnly),
		})
		return err
	})
	turned()
	if errors.Is(err, model.ErrDamaged) && file != nil {
		file.Close()
	}
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, readOnly: opts.ReadOnly, author: opts.Author, file: file, keys: &keyCache{}, counted: &countCache{}}
	s.ident = identOf(file)
	s.guard = writeGuard{lost: metas.lost(), acceptRollback: opts.AcceptRollback, dirty: !exists}
	if err := s.guarded(func() error { return s.prepare(!exists) }); err != nil {
		db.Close()
		return nil, err
	}
	unfold(file)
	return s, nil
}

// identOf tells a store's file from one put in its place: its size and
// time as opened.
func identOf(f *os.File) string {
	fi, err := f.Stat()
	if err != nil {
		return ""
	}
	return identOfInfo(fi)
}

// identOfInfo is identOf for a file looked at already.
func identOfInfo(fi os.FileInfo) string {
	return fmt.Sprintf("%d/%d", fi.Size(), fi.ModTime().UnixNano())
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, model.ErrDamaged), errors.Is(err, model.ErrNotChrono):
		return err
	case (errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)) && fileExists(path):
		// The file changed since it was looked at, or the system said
		// yes to access(2) and no to open(2).
		return refuseWrite(path, err.Error())
	case errors.Is(err, berrors.ErrTimeout):
		if h := holder(path); h != "" {
			return fmt.Errorf("store %s is %w (%s): close it there (or wait for it to finish) and try again", path, model.ErrInUse, h)
		}
		return fmt.Errorf("store %s is %w: close it there (or wait for it to finish) and try again", path, model.ErrInUse)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return fmt.Errorf("store %s is %w or %w (%v): nothing was changed; check the --db path, or restore it from a backup", path, model.ErrDamaged, model.ErrNotChrono, err)
	}
	return fmt.Errorf("opening store %s: %w", path, err)
}

// prepare checks (and for a new file, writes) the schema.
func (s *Store) prepare(created bool) error {
	if created {
		return s.db.Update(initialise)
	}
	var v uint64
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		v, err = schemaOf(tx)
		return err
	})
	switch {
	case errors.Is(err, model.ErrNotChrono):
		return fmt.Errorf("%s is a bbolt database but %w; check the --db path", s.path, model.ErrNotChrono)
	case err != nil:
		return fmt.Errorf("store %s: %w", s.path, err)
	case v > SchemaVersion:
		return fmt.Errorf("store %s was %w (schema %d; this chrono reads up to %d): upgrade chrono", s.path, model.ErrNewerSchema, v, SchemaVersion)
	case v == 0:
		return fmt.Errorf("%s: %w (schema 0)", s.path, model.ErrNotChrono)
	case v < SchemaVersion && s.readOnly && v >= readsAsIs:
		// Read as it is: the steps since change no byte of it.
		return nil
	case v < SchemaVersion && s.readOnly:
		return fmt.Errorf("store %s needs upgrading from schema %d: open it once without read-only", s.path, v)
	case v < SchemaVersion:
		// An older layout lacks buckets, so only the meta pages are
		// checked before it is upgraded (guard.go).
		if err := s.rolledBack(); err != nil {
			return err
		}
		return s.db.Update(func(tx *bbolt.Tx) error { return migrate(tx, v) })
	}
	return nil
}

// Location returns the path of the file the store is in.
func (s *Store) Location() string { return s.path }

// Author is who the store's writes are attributed to (Options.Author).
func (s *Store) Author() string { return s.author }

// Close releases the store, marking it closed when this session wrote to
// it (guard.go).
func (s *Store) Close() error {
	s.markClosed()
	return s.db.Close()
}

// countOf reads a uint64 counter; a missing one is 0.
func countOf(b *bbolt.Bucket, key []byte) int {
	v := b.Get(key)
	if len(v) != 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}

// bump adds delta to a counter, deleting it when it reaches 0 so that
// listing a kind of counter lists only what is in use.
func bump(b *bbolt.Bucket, key []byte, delta int) error {
	n := countOf(b, key) + delta
	if n <= 0 {
		return b.Delete(key)
	}
	return b.Put(key, binary.BigEndian.AppendUint64(nil, uint64(n)))
}

// hasPrefix is bytes.HasPrefix, named for cursor loops.
func hasPrefix(k, prefix []byte) bool { return bytes.HasPrefix(k, prefix) }
