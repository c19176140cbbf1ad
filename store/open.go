// Package store opens an investigation's store wherever it is kept, and
// hands it back as a model.Store.
//
// The contract (model.Store, its errors and its types) lives in the
// domain, and each way of keeping a store implements it in a package of
// its own: store/bolt for a bbolt file. This package only chooses one by
// the location it is given. Keeping the opener apart from the contract
// keeps imports pointing one way: the CLI imports store, store imports
// store/bolt (and the backends to come), and they all import model; the
// browser imports model alone, so it cannot depend on how a store is
// kept, and store/storetest checks every backend against the same
// contract.
package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"chrono/model"
	"chrono/store/bolt"
	"chrono/store/pg"
)

// DefaultTimeout is how long Open waits for another process that holds
// the store, when Options.Timeout is zero.
const DefaultTimeout = bolt.DefaultTimeout

// Options tune Open.
type Options struct {
	// ReadOnly opens without taking the write lock: other readers may
	// share the store, and writes fail with model.ErrReadOnly. A
	// read-only open never creates a store; it fails with
	// model.ErrNoStore.
	ReadOnly bool
	// NoCreate opens only a store that exists: a missing one fails with
	// model.ErrNoStore and nothing is made, not even its directory. Only
	// what starts an investigation (an import, a new event, the
	// browser's first run) leaves it false.
	NoCreate bool
	// New makes a new store and refuses one that is there: a path must
	// not exist (model.ErrExists), nor, in a database, the investigation.
	New bool
	// Timeout is how long to wait for another process that holds the
	// store; DefaultTimeout when zero.
	Timeout time.Duration
	// Shared returns a store that is opened for each burst of work and
	// closed soon after, so that other chrono processes can use it while
	// this one keeps it for long (the browser): reads share the store,
	// a write takes it alone. The store must already exist at the
	// current schema (open it once without Shared first). With ReadOnly
	// too it never opens the store for writing, and refuses every write
	// with model.ErrReadOnly: for a store that cannot be written.
	Shared bool
	// Author is who the store's writes are attributed to, in the journal
	// and on notes: a name, or user@host.
	Author string
	// AcceptRollback lets writes go on in a store whose newest meta page
	// is damaged, so that it reads as it was before its last change
	// (writes are refused otherwise, with model.ErrDamaged).
	AcceptRollback bool
	// Investigation names the investigation in a PostgreSQL database
	// ("default" when empty); a bbolt file holds one and ignores it.
	Investigation string
}

// Open opens the store at location. Today every location is the path of
// a bbolt file, which Open creates (with its directory) when it does not
// exist, unless ReadOnly or NoCreate (then model.ErrNoStore); a
// postgres:// address will select a PostgreSQL store.
//
// What is at the path must be a regular file: a named pipe, a device, a
// socket or a directory is refused unread, named for what it is (a named
// pipe would hang the open, /dev/zero read as an empty file). A file
// that is not a chrono store, or was written by a newer chrono, is left
// untouched and reported (model.ErrNotChrono, model.ErrNewerSchema), as
// is one that is damaged (model.ErrDamaged). A file this process may not
// write (its mode, an immutable file, a read-only file system) opens
// with ReadOnly; without it Open fails with model.ErrReadOnly, saying
// why, and the caller may open it read-only instead. When another
// process holds the store, Open gives up after Options.Timeout with
// model.ErrInUse.
//
// A postgres:// or postgresql:// location is a PostgreSQL database, and
// Options.Investigation the investigation in it (package pg). Such a
// store serves several processes at once, so Shared opens it as usual
// (but never creates it).
func Open(location string, opts Options) (model.Store, error) {
	if pg.IsAddress(location) {
		s, err := pg.Open(location, pg.Options{Investigation: opts.Investigation, ReadOnly: opts.ReadOnly, New: opts.New,
			NoCreate: opts.NoCreate || opts.Shared, Author: opts.Author, Timeout: opts.Timeout})
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	if opts.New {
		if _, err := os.Lstat(location); err == nil {
			return nil, fmt.Errorf("%s %w", location, model.ErrExists)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if opts.Shared {
		return bolt.NewShared(location, bolt.Options{ReadOnly: opts.ReadOnly, Timeout: opts.Timeout, Author: opts.Author, AcceptRollback: opts.AcceptRollback}), nil
	}
	s, err := bolt.Open(location, bolt.Options{ReadOnly: opts.ReadOnly, NoCreate: opts.NoCreate, Timeout: opts.Timeout, Author: opts.Author, AcceptRollback: opts.AcceptRollback})
	if err != nil {
		// A nil *bolt.Store in a model.Store would not be nil.
		return nil, err
	}
	return s, nil
}

// DefaultInvestigation is the investigation of a database that
// Options.Investigation names when empty.
const DefaultInvestigation = pg.DefaultInvestigation

// IsAddress reports whether location names a PostgreSQL database rather
// than a file.
func IsAddress(location string) bool { return pg.IsAddress(location) }

// SafeLocation is location as chrono may show it: a database address
// with its password replaced, a path as it is.
func SafeLocation(location string) string {
	if pg.IsAddress(location) {
		return pg.SafeAddress(location)
	}
	return location
}

// AddressWithoutPassword is a database address with any password left
// out, for a command chrono suggests, and whether there was one.
func AddressWithoutPassword(address string) (string, bool) { return pg.WithoutPassword(address) }

// IsStoreFile reports whether the file at path is, by its content, a
// chrono store file (a bbolt database), such as a backup.
func IsStoreFile(path string) bool { return bolt.IsStoreFile(path) }
