// Package store keeps an investigation in a bbolt file and answers the
// questions the CLI and the browser ask of it: events in timeline order
// from any point, counts by tag, actor, status and month, and lookups by
// id. Every write keeps the indexes and counts in step in the same
// transaction, so a reader never has to scan to count.
package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Errors Open can return, wrapped with the store's path.
var (
	// ErrInUse means another process holds the store.
	ErrInUse = errors.New("in use by another chrono process")
	// ErrNotChrono means the file is not a chrono store.
	ErrNotChrono = errors.New("not a chrono store")
	// ErrNewerSchema means a newer chrono wrote the store.
	ErrNewerSchema = errors.New("written by a newer chrono")
	// ErrNoStore means a read-only open found no store.
	ErrNoStore = errors.New("no store")
)

var errNotChrono = ErrNotChrono

// DefaultTimeout is how long Open waits for another process's lock.
const DefaultTimeout = time.Second

// Options tune Open.
type Options struct {
	// ReadOnly opens without taking the write lock; other readers may
	// share the store, and writes fail.
	ReadOnly bool
	// Timeout is how long to wait for another process's lock;
	// DefaultTimeout when zero.
	Timeout time.Duration
}

// Store is an open investigation.
type Store struct {
	db       *bolt.DB
	path     string
	readOnly bool
}

// bboltMagic is bbolt's file magic, at the same offset in both meta pages.
const (
	bboltMagic       = 0xED0CDAED
	bboltMagicOffset = 16 // after the page header
)

// Open opens the store at path, creating it (and its directory) when it
// does not exist. A file that is not a chrono store, or was written by a
// newer chrono, is left untouched and reported. When another process holds
// the store, Open gives up after Options.Timeout with ErrInUse.
func Open(path string, opts Options) (*Store, error) {
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	fi, err := os.Stat(path)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("store %s: %w", path, err)
	case exists && fi.IsDir():
		return nil, fmt.Errorf("store %s is a directory; give the path of a store file", path)
	case !exists && opts.ReadOnly:
		return nil, fmt.Errorf("%w at %s", ErrNoStore, path)
	case exists:
		if err := sniff(path, fi.Size()); err != nil {
			return nil, err
		}
	default:
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("creating the directory for store %s: %w", path, err)
		}
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:      timeout,
		ReadOnly:     opts.ReadOnly,
		FreelistType: bolt.FreelistMapType,
	})
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, readOnly: opts.ReadOnly}
	if err := s.prepare(!exists); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// sniff refuses a file that cannot be a bbolt database before bbolt gets
// to it (bbolt turns an empty file into a database).
func sniff(path string, size int64) error {
	if size == 0 {
		return fmt.Errorf("%s is an empty file, %w; remove it or choose another --db", path, ErrNotChrono)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("store %s: %w", path, err)
	}
	defer f.Close()
	var head [bboltMagicOffset + 4]byte
	if _, err := io.ReadFull(f, head[:]); err != nil || binary.LittleEndian.Uint32(head[bboltMagicOffset:]) != bboltMagic {
		return fmt.Errorf("%s is %w (it is not a bbolt database); check the --db path", path, ErrNotChrono)
	}
	return nil
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("store %s is %w: close it there (or wait for it to finish) and try again", path, ErrInUse)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return fmt.Errorf("store %s is damaged or %w (%v); restore it from a backup", path, ErrNotChrono, err)
	}
	return fmt.Errorf("opening store %s: %w", path, err)
}

// prepare checks (and for a new file, writes) the schema.
func (s *Store) prepare(created bool) error {
	if created {
		return s.db.Update(initialise)
	}
	var v uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = schemaOf(tx)
		return err
	})
	switch {
	case errors.Is(err, ErrNotChrono):
		return fmt.Errorf("%s is a bbolt database but %w; check the --db path", s.path, ErrNotChrono)
	case err != nil:
		return fmt.Errorf("store %s: %w", s.path, err)
	case v > SchemaVersion:
		return fmt.Errorf("store %s was %w (schema %d; this chrono reads up to %d): upgrade chrono", s.path, ErrNewerSchema, v, SchemaVersion)
	case v == 0:
		return fmt.Errorf("%s: %w (schema 0)", s.path, ErrNotChrono)
	case v < SchemaVersion && s.readOnly:
		return fmt.Errorf("store %s needs upgrading from schema %d: open it once without read-only", s.path, v)
	case v < SchemaVersion:
		return s.db.Update(func(tx *bolt.Tx) error { return migrate(tx, v) })
	}
	return nil
}

// Path returns the file the store is in.
func (s *Store) Path() string { return s.path }

// Close releases the store.
func (s *Store) Close() error { return s.db.Close() }

// countOf reads a uint64 counter; a missing one is 0.
func countOf(b *bolt.Bucket, key []byte) int {
	v := b.Get(key)
	if len(v) != 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}

// bump adds delta to a counter, deleting it when it reaches 0 so that
// listing a kind of counter lists only what is in use.
func bump(b *bolt.Bucket, key []byte, delta int) error {
	n := countOf(b, key) + delta
	if n <= 0 {
		return b.Delete(key)
	}
	return b.Put(key, binary.BigEndian.AppendUint64(nil, uint64(n)))
}

// counterKey is a counts/ key of a kind ('t', 'a', 's') and a name.
func counterKey(kind byte, name string) []byte {
	k := make([]byte, 0, 2+len(name))
	k = append(k, kind, 0)
	return append(k, name...)
}

var keyTotal = []byte("n")

// hasPrefix is bytes.HasPrefix, named for cursor loops.
func hasPrefix(k, prefix []byte) bool { return bytes.HasPrefix(k, prefix) }
