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
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
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
	// share the store, and writes fail.
	ReadOnly bool
	// Timeout is how long to wait for another process's lock;
	// DefaultTimeout when zero.
	Timeout time.Duration
}

// Store is an open investigation.
type Store struct {
	db       *bbolt.DB
	path     string
	readOnly bool
	file     *os.File // bbolt's, to tell whether it is still the file at path
}

// Both ways of holding a store answer the whole contract.
var (
	_ model.Store = (*Store)(nil)
	_ model.Store = (*Shared)(nil)
)

// bboltMagic is bbolt's file magic, at the same offset in both meta pages.
const (
	bboltMagic       = 0xED0CDAED
	bboltMagicOffset = 16 // after the page header
)

// Open opens the store at path, creating it (and its directory) when it
// does not exist. A file that is not a chrono store, or was written by a
// newer chrono, is left untouched and reported. When another process holds
// the store, Open gives up after Options.Timeout with model.ErrInUse.
func Open(path string, opts Options) (*Store, error) {
	for range 5 {
		s, err := open(path, opts)
		if err != nil {
			return nil, err
		}
		// A large import replaces the file by renaming a new one over it.
		// An open that was waiting for the lock of the old file gets it
		// once the import lets go, and would read a file no longer there,
		// or write to it and lose the write: open the new one instead.
		if current, err := os.Stat(path); err == nil && s.file != nil {
			if held, err := s.file.Stat(); err == nil && !os.SameFile(held, current) {
				s.Close()
				continue
			}
		}
		return s, nil
	}
	return nil, fmt.Errorf("store %s: replaced again and again while opening it; try again", path)
}

func open(path string, opts Options) (*Store, error) {
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
		return nil, fmt.Errorf("%w at %s", model.ErrNoStore, path)
	case exists:
		if err := sniff(path); err != nil {
			return nil, err
		}
	default:
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("creating the directory for store %s: %w", path, err)
		}
	}
	var db *bbolt.DB
	var file *os.File // to release the lock should bbolt panic on a damaged file
	err = guardPath(path, func() (err error) {
		db, err = bbolt.Open(path, 0o600, &bbolt.Options{
			Timeout:      timeout,
			ReadOnly:     opts.ReadOnly,
			FreelistType: bbolt.FreelistMapType,
			OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
				f, err := os.OpenFile(name, flag, perm)
				file = f
				return f, err
			},
		})
		return err
	})
	if errors.Is(err, model.ErrDamaged) && file != nil {
		file.Close()
	}
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{db: db, path: path, readOnly: opts.ReadOnly, file: file}
	if err := s.guarded(func() error { return s.prepare(!exists) }); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// sniff refuses a file that cannot be a bbolt database before bbolt gets
// to it (bbolt turns an empty file into a database), and one shorter than
// its meta page says (bbolt would map it and fault on the missing pages).
func sniff(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("store %s: %w", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() == 0 {
		return fmt.Errorf("%s is an empty file, %w; remove it or choose another --db", path, model.ErrNotChrono)
	}
	var head [pageHeaderSize + metaSize]byte
	if _, err := io.ReadFull(f, head[:]); err != nil || binary.LittleEndian.Uint32(head[bboltMagicOffset:]) != bboltMagic {
		return fmt.Errorf("%s is %w (it is not a bbolt database); check the --db path", path, model.ErrNotChrono)
	}
	// The second meta page is one page in; when the first is damaged its
	// page size cannot be trusted, so every size bbolt may use is tried,
	// as bbolt does.
	m, _ := readMeta(head[pageHeaderSize:])
	offsets := []int64{}
	if m.valid {
		offsets = append(offsets, m.pageSize)
	} else {
		for size := int64(1024); size <= 64<<10; size *= 2 {
			offsets = append(offsets, size)
		}
	}
	for _, off := range offsets {
		var second [pageHeaderSize + metaSize]byte
		if _, err := f.ReadAt(second[:], off); err != nil {
			continue
		}
		if c, ok := readMeta(second[pageHeaderSize:]); ok && (!m.valid || c.txid >= m.txid) {
			m = c
			break
		}
	}
	if !m.valid {
		return fmt.Errorf("store %s is %w or %w (both its meta pages fail their checksum): nothing was changed; check the --db path, or restore it from a backup", path, model.ErrDamaged, model.ErrNotChrono)
	}
	// The size is taken after the meta page is read: a commit under way
	// grows the file before it writes the meta page that counts the
	// growth.
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("store %s: %w", path, err)
	}
	if need, size := m.pages*m.pageSize, fi.Size(); size < need {
		return damaged(path, fmt.Sprintf("cut short: %d bytes of the %d it holds", size, need))
	}
	// bbolt reads the freelist as it opens, before there is a DB to
	// close, and a panic there would leave the file mapped and locked.
	if why := m.checkFreelist(f); why != "" {
		return damaged(path, why)
	}
	return nil
}

// The parts of a bbolt meta page sniff reads: a page header, then magic,
// version, page size, flags, root bucket (16 bytes), freelist page, page
// count (the high-water mark), transaction id and an FNV-64a checksum of
// what comes before it.
const (
	pageHeaderSize = 16
	metaSize       = 64
	metaFreelist   = 32
	metaPages      = 40
	metaTxID       = 48
	metaChecksum   = 56

	freelistPageFlag = 0x10
	noFreelist       = 0xffffffffffffffff
)

// meta is what sniff reads of a bbolt meta page.
type meta struct {
	valid                     bool
	pageSize, pages, freelist int64
	txid                      uint64
}

// readMeta reads a meta page and checks its checksum.
func readMeta(b []byte) (meta, bool) {
	h := fnv.New64a()
	h.Write(b[:metaChecksum])
	if binary.LittleEndian.Uint32(b) != bboltMagic || h.Sum64() != binary.LittleEndian.Uint64(b[metaChecksum:]) {
		return meta{}, false
	}
	return meta{
		valid:    true,
		pageSize: int64(binary.LittleEndian.Uint32(b[8:])),
		pages:    int64(binary.LittleEndian.Uint64(b[metaPages:])),
		freelist: int64(binary.LittleEndian.Uint64(b[metaFreelist:])),
		txid:     binary.LittleEndian.Uint64(b[metaTxID:]),
	}, true
}

// checkFreelist returns what is wrong with the freelist page, or "".
func (m meta) checkFreelist(f *os.File) string {
	if uint64(m.freelist) == noFreelist {
		return ""
	}
	if m.freelist < 2 || m.freelist >= m.pages {
		return fmt.Sprintf("its freelist is said to be on page %d of %d", m.freelist, m.pages)
	}
	var p [pageHeaderSize + 8]byte
	if _, err := f.ReadAt(p[:], m.freelist*m.pageSize); err != nil {
		return "its freelist page cannot be read: " + err.Error()
	}
	flags := binary.LittleEndian.Uint16(p[8:])
	count := int64(binary.LittleEndian.Uint16(p[10:]))
	overflow := int64(binary.LittleEndian.Uint32(p[12:]))
	if flags != freelistPageFlag {
		return fmt.Sprintf("page %d should hold its freelist but is of type %#x", m.freelist, flags)
	}
	if count == 0xffff {
		count = 1 + int64(binary.LittleEndian.Uint64(p[pageHeaderSize:]))
	}
	if m.freelist+overflow >= m.pages || count < 0 || count > (overflow+1)*m.pageSize/8 {
		return fmt.Sprintf("its freelist page %d is garbled", m.freelist)
	}
	return ""
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, model.ErrDamaged):
		return err
	case errors.Is(err, berrors.ErrTimeout):
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
	case v < SchemaVersion && s.readOnly:
		return fmt.Errorf("store %s needs upgrading from schema %d: open it once without read-only", s.path, v)
	case v < SchemaVersion:
		return s.db.Update(func(tx *bbolt.Tx) error { return migrate(tx, v) })
	}
	return nil
}

// Location returns the path of the file the store is in.
func (s *Store) Location() string { return s.path }

// Close releases the store.
func (s *Store) Close() error { return s.db.Close() }

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
