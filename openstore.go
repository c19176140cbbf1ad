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
	s, err := store.Open(path, store.Options{ReadOnly: readOnly, Author: author})
	if errors.Is(err, model.ErrNoStore) {
		return nil, fmt.Errorf("%w; run chrono to start with the example investigation, or chrono import FILE", err)
	}
	return s, err
}
