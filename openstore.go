package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"chrono/model"
	"chrono/model/termtext"
	"chrono/store"
)

// openStore opens the store at dbPath for the commands that read or
// change a store: the one place the command line opens one. It never
// makes a store, so that a mistyped --db says there is none there rather
// than leaving an empty one behind; createStore is for the commands that
// start one.
func (c *cli) openStore(readOnly bool) (model.Store, error) {
	return c.open(store.Options{ReadOnly: readOnly, NoCreate: true})
}

// createStore opens the store at dbPath for writing, making it when
// there is none: for import, add and the browser's first run. A store
// file made where --db or CHRONO_DB points is said on stderr, so that a
// mistyped path is not taken for the investigation's; the browser shows
// it as a new, empty investigation, and the default store's first run
// says so itself.
func (c *cli) createStore() (model.Store, error) {
	s, err := c.openCreating()
	if err == nil && !c.onScreen {
		c.saidMade(s)
	}
	return s, err
}

// openCreating is createStore but for an investigation a database made,
// which an import says once it has succeeded (importEnded): a failed one
// takes it away again.
func (c *cli) openCreating() (model.Store, error) {
	path, isDefault, err := c.storePath()
	if err != nil {
		return nil, err
	}
	_, statErr := os.Lstat(path)
	s, err := c.openAt(path, isDefault, store.Options{})
	if err == nil && !c.onScreen && !store.IsAddress(path) && errors.Is(statErr, fs.ErrNotExist) {
		c.saidNew(path)
	}
	return s, err
}

// saidMade says on stderr that s is an investigation a database did not
// hold, made by this command: a mistyped --investigation too is a new
// one.
func (c *cli) saidMade(s model.Store) {
	if m, ok := s.(interface{ Made() bool }); ok && m.Made() {
		fmt.Fprintf(c.stderr, "started a new investigation, %s: there was none of that name\n", termtext.Line(s.Location()))
	}
}

// saidNew says on stderr that the store file at path, named by --db or
// CHRONO_DB, was made by this command.
func (c *cli) saidNew(path string) {
	if p, isDefault, err := c.storePath(); err == nil && p == path && !isDefault {
		fmt.Fprintf(c.stderr, "started a new investigation in %s: no store was there\n", termtext.Line(path))
	}
}

// open opens the store at dbPath with opts, and says how to start when
// there is none.
func (c *cli) open(opts store.Options) (model.Store, error) {
	path, isDefault, err := c.storePath()
	if err != nil {
		return nil, err
	}
	return c.openAt(path, isDefault, opts)
}

// openAt is open with the store at path.
func (c *cli) openAt(path string, isDefault bool, opts store.Options) (model.Store, error) {
	var err error
	if opts.Author, err = c.author(); err != nil && !opts.ReadOnly {
		// A read signs nothing: a bad $CHRONO_AUTHOR stops only writes.
		return nil, err
	}
	opts.AcceptRollback = c.acceptRollback
	if err := c.oneInvestigation(path); err != nil {
		return nil, err
	}
	opts.Investigation = c.investigationName()
	made := opts.New
	if _, err := os.Lstat(path); !opts.ReadOnly && !store.IsAddress(path) && errors.Is(err, fs.ErrNotExist) {
		made = true // a store made here is not the one seen here before
	}
	s, err := store.Open(path, opts)
	if err == nil && opts.ReadOnly && !opts.Shared {
		// A write is refused, saying why; a read goes on, so it is
		// said here.
		c.sayRollback(s)
	}
	if err == nil {
		// Said on every command, read or write, until accepted: writes
		// go on, but each says it builds on a store that lost changes.
		if c.seenWarning = c.checkSeen(s, path, opts.Investigation, made); c.seenWarning != "" && !c.onScreen {
			c.sayOnce(c.seenWarning)
		}
	}
	switch {
	case errors.Is(err, model.ErrNoStore) && isDefault:
		return nil, fmt.Errorf("%w; run chrono to start with the example investigation, or chrono import FILE", err)
	case errors.Is(err, model.ErrNoStore) && store.IsAddress(path):
		// The store's error names the database as chrono shows it; the
		// command suggested can be copied.
		arg, note := copyable(path)
		name := opts.Investigation
		if name == "" {
			name = store.DefaultInvestigation
		}
		return nil, fmt.Errorf("%w; or start it with chrono new %s --investigation %s (or chrono add, or chrono import FILE)%s", err, arg, shellArg(name), note)
	case errors.Is(err, model.ErrNoStore):
		return nil, fmt.Errorf("%w; check the path, or start an investigation there with chrono new %s (or chrono add, or chrono import FILE)", err, shellArg(path))
	}
	return s, err
}

// withStore runs use on the store, opened for as long as use runs: a
// command that is done with the store lets go of it, for the browser and
// other commands. When use finds the store damaged, the whole store is
// checked and what else is wrong listed.
func (c *cli) withStore(readOnly bool, use func(model.Store) error) (err error) {
	s, err := c.openStore(readOnly)
	if err != nil {
		return err
	}
	if readOnly {
		// Sent on once the store is closed (pipespool.go): deferred
		// first, so run last.
		finish := c.spoolStdout()
		defer func() {
			if serr := finish(); err == nil {
				err = serr
			}
		}()
	}
	defer s.Close()
	var before model.ChainHead
	if !readOnly {
		before, _ = journalHead(s) // unread, a change is still told by its seq
	}
	err = explain(s, use(s))
	checkDamaged(c.stderr, s, err)
	if !readOnly && err == nil {
		c.warnIfWrittenAfterBreak(s, before)
	}
	return err
}
