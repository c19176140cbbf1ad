package journalform

import (
	"errors"
	"io"
	"slices"

	"chrono/model"
)

// Reverted reads the entry's events into e.Events as a revert needs
// them: each record decoded as it is uncompressed, and the versions of
// an event moved (to or from the trash, or onto the timeline) left out,
// which the revert reads from the store. The undo of an import records
// a version of each of the import's events: its redo held them all
// decoded, beside their records uncompressed, before it began (a
// gigabyte at 200,000 events). Like Events, it leaves out Written.
func (p Parts) Reverted(e *model.Entry) error {
	p, err := p.decoded()
	if err != nil {
		return err
	}
	if p.whole != nil {
		e.Events = slices.Clone(p.whole.Events)
		for i := range e.Events {
			bareMove(&e.Events[i])
			e.Events[i].Written = ""
		}
		return nil
	}
	r := p.recordReader()
	e.Events = make([]model.EventChange, 0, p.n)
	for range p.n {
		kind, body, err := r.next()
		if err != nil {
			return p.readError(err)
		}
		c, _, err := record(p.seq, kind, body, "")
		if err != nil {
			return err
		}
		bareMove(&c)
		c.Written = ""
		e.Events = append(e.Events, c)
	}
	if end, err := r.atEnd(); !end {
		if err == nil {
			return damagef(p.seq, "bytes after the last event")
		}
		return p.readError(err)
	}
	return nil
}

// bareMove leaves out the versions of a change that moved its event.
func bareMove(c *model.EventChange) {
	if c.From != c.To {
		c.Before, c.After = nil, nil
	}
}

// readError is what reading the records met: their end too soon, or
// compressed bytes that do not uncompress.
func (p Parts) readError(err error) error {
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return damagef(p.seq, "cut short")
	}
	return damagef(p.seq, "its events cannot be uncompressed (%v)", err)
}
