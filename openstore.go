package main

import (
	"errors"
	"fmt"

	"chrono/model"
	"chrono/store"
)

// openStore opens the store at dbPath for every command: the one place the
// command line opens it, and says how to start when there is none.
func (c *cli) openStore(readOnly bool) (model.Store, error) {
	path, err := c.dbPath()
	if err != nil {
		return nil, err
	}
	author, err := c.author()
	if err != nil {
		return nil, err
	}
	s, err := store.Open(path, store.Options{ReadOnly: readOnly, Author: author, AcceptRollback: c.acceptRollback})
	if errors.Is(err, model.ErrNoStore) {
		return nil, fmt.Errorf("%w; run chrono to start with the example investigation, or chrono import FILE", err)
	}
	return s, err
}

// withStore runs use on the store, opened for as long as use runs: a
// command that is done with the store lets go of it, for the browser and
// other commands.
func (c *cli) withStore(readOnly bool, use func(model.Store) error) error {
	s, err := c.openStore(readOnly)
	if err != nil {
		return err
	}
	defer s.Close()
	return use(s)
}

// eventErr is err from asking the store for event id, said as a person
// would look for it when there is no such event.
func eventErr(id string, err error) error {
	if errors.Is(err, model.ErrNotFound) {
		return fmt.Errorf("no event %q; chrono list shows the ids", id)
	}
	return err
}
