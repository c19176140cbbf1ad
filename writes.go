package main

import (
	"fmt"

	"chrono/model"
	"chrono/model/termtext"
)

// write opens the store for writing and runs fn as one change, recorded
// in the journal as op with phrase; the change is on disk when it returns
// without error.
func (c *cli) write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return writeIn(func() (model.Store, error) { return c.openStore(false) }, op, phrase, fn)
}

// writeCreating is write to a store made when there is none (chrono add).
func (c *cli) writeCreating(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return writeIn(c.createStore, op, phrase, fn)
}

// writeIn is write to the store open returns.
func writeIn(open func() (model.Store, error), op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	s, err := open()
	if err != nil {
		return model.Entry{}, err
	}
	defer s.Close()
	e, err := s.Write(op, phrase, fn)
	return e, explain(s, err)
}

// change is write, then the line that says what it did (or nothing
// changed), for the commands whose output is just that.
func (c *cli) change(op model.Op, phrase string, fn func(tx model.Tx) error) error {
	return c.said(c.write(op, phrase, fn))
}

// said prints the line that says what change e did, unless making it
// failed with err.
func (c *cli) said(e model.Entry, err error) error {
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, entryLine(e))
	return nil
}

// entryLine says what a change did and where it is in the journal.
func entryLine(e model.Entry) string {
	if e.Seq == 0 {
		return "nothing changed"
	}
	return fmt.Sprintf("%s (#%d)", termtext.Line(e.Phrase), e.Seq)
}
