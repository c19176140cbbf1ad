package journalform

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
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
	r := p.storedRecords()
	if p.compressed {
		r = flate.NewReader(r)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	e.Events = make([]model.EventChange, 0, p.n)
	var body bytes.Buffer
	for range p.n {
		kind, err := br.ReadByte()
		if err != nil {
			return p.readError(err)
		}
		size, err := binary.ReadUvarint(br)
		if err != nil {
			return p.readError(err)
		}
		// Read as it comes, not made at the size it says: a damaged
		// size ends the read at the end of the records.
		body.Reset()
		if n, err := io.CopyN(&body, br, int64(min(size, 1<<62))); err != nil || uint64(n) != size {
			return p.readError(err)
		}
		c, _, err := p.record(kind, body.String(), "")
		if err != nil {
			return err
		}
		bareMove(&c)
		c.Written = ""
		e.Events = append(e.Events, c)
	}
	if _, err := br.ReadByte(); err != io.EOF {
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
