package main

import (
	"fmt"
	"io"

	"chrono/model"
	"chrono/model/termtext"
)

// write opens the store for writing and runs fn as one change, recorded
// in the journal as op with phrase; the change is on disk when it returns
// without error.
func (c *cli) write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return writeIn(func() (model.Store, error) { return c.openStore(false) }, c.stderr, op, phrase, fn)
}

// writeCreating is write to a store made when there is none (chrono add).
func (c *cli) writeCreating(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	return writeIn(c.createStore, c.stderr, op, phrase, fn)
}

// writeIn is write to the store open returns; warnings go to w.
func writeIn(open func() (model.Store, error), w io.Writer, op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	s, err := open()
	if err != nil {
		return model.Entry{}, err
	}
	defer s.Close()
	e, err := s.Write(op, phrase, fn)
	if err == nil && e.Seq != 0 {
		warnWrittenAfterBreak(s, w)
	}
	return e, explain(s, err)
}

// warnWrittenAfterBreak warns on w, after a change was written to s, when
// the journal's chain breaks before it: the change is kept, chained to
// entries altered outside chrono, and nobody should take the journal for
// whole because it goes on.
func warnWrittenAfterBreak(s model.Store, w io.Writer) {
	err := warnIfChainBreaks(s, w, "this change is recorded after the break, which stays (chrono verify --journal says what differs; undo and revert refuse the entries from it on)")
	if err != nil {
		fmt.Fprintf(w, "warning: the journal's chain could not be checked after this change: %v\n", err)
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
