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
	return c.writeIn(func() (model.Store, error) { return c.openStore(false) }, op, phrase, fn)
}

// writeCreating is write to a store made when there is none (chrono add).
func (c *cli) writeCreating(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return c.writeIn(c.createStore, op, phrase, fn)
}

// writeIn is write to the store open returns.
func (c *cli) writeIn(open func() (model.Store, error), op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return c.writeThen(open, op, phrase, fn, nil)
}

// writeThen is writeIn, then, when the change is made, then on the same
// store with its entry: what a command says of the change it made reads
// the store without opening it again.
func (c *cli) writeThen(open func() (model.Store, error), op model.Op, phrase string, fn func(tx model.Tx) error, then func(s model.Store, e model.Entry)) (model.Entry, error) {
	s, err := open()
	if err != nil {
		return model.Entry{}, err
	}
	defer s.Close()
	e, err := s.Write(op, phrase, fn)
	if err == nil && e.Seq != 0 {
		c.warnWrittenAfterBreak(s)
	}
	if err == nil && then != nil {
		then(s, e)
	}
	return e, explain(s, err)
}

// warnIfWrittenAfterBreak calls warnWrittenAfterBreak when the journal's
// newest entry is no longer before (a change was written since it was
// read): a command that changed nothing says nothing more.
func (c *cli) warnIfWrittenAfterBreak(s model.Store, before model.ChainHead) {
	if after, err := journalHead(s); err == nil && after.Seq != before.Seq {
		c.warnWrittenAfterBreak(s)
	}
}

// warnWrittenAfterBreak warns on stderr, after a change was written to s,
// when the journal's chain breaks before it: the change is kept, chained
// to entries altered outside chrono, and nobody should take the journal
// for whole because it goes on.
func (c *cli) warnWrittenAfterBreak(s model.Store) {
	br, err := c.breakAfterWrite(s)
	switch {
	case err != nil:
		fmt.Fprintf(c.stderr, "warning: the journal's chain could not be checked after this change: %v\n", err)
	case br != nil:
		c.afterBreak = true
		from := "the entries from it on"
		if br.Fault == model.ChainLink {
			from = "the entries from the one before it on"
		}
		warnChainBreak(c.stderr, br, "this change is recorded after the break, which stays (chrono verify --journal says what differs; undo and revert refuse "+from+")")
	}
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
	fmt.Fprintln(c.stdout, wrapped(entryLine(e), c.outWidth))
	return nil
}

// entryLine says what a change did and where it is in the journal.
func entryLine(e model.Entry) string {
	if e.Seq == 0 {
		return "nothing changed"
	}
	return fmt.Sprintf("%s (#%d)", termtext.Line(e.Phrase), e.Seq)
}
