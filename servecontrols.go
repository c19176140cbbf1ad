package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"chrono/model"
)

// A CSV export carries text exactly as it came, control characters and
// all, and chrono does not print it to a terminal (forTerminal). Over SSH
// it cannot tell where the output goes: the client's terminal, often.
// So a served CSV export goes on only while its text holds no character
// a terminal acts on, and stops before the first one, saying what to do.

// errControlOverSSH stops a served CSV export at a control character.
var errControlOverSSH = errors.New("the CSV holds a control character from the investigation's text (an escape sequence, say), which chrono does not send to a terminal, and over SSH it cannot tell that yours will not get it: export as chrono JSON or Timesketch JSONL, which escape such characters, or have the CSV exported on the server with -o FILE")

// noControls passes writes on to w until one holds a character a
// terminal acts on: a C0 control but tab, a line feed and a carriage
// return before one (a lone carriage return draws what follows over its
// line), DEL, or a C1 control (U+0080–U+009F, two bytes in UTF-8). A
// write's last byte that decides only with the next (0xC2, a carriage
// return) is held for it. What comes before the control is written; the
// rest fails.
type noControls struct {
	w    io.Writer
	held byte // the last write's last byte, not written yet; 0 for none
	err  error
	// lines is how many line feeds went through: the control stopped
	// at is on the next line, which the error names.
	lines int
	// place follows the CSV written, to name the control's event and
	// column; stop is the control's place while the rest of its record
	// is read, unwritten, for an id that comes after it.
	place *csvPlace
	stop  *controlAt
}

// controlAt is where a control stopped the export.
type controlAt struct {
	line, record int
	column       string
}

func (n *noControls) Write(p []byte) (int, error) {
	if n.err != nil {
		return 0, n.err
	}
	if n.place == nil {
		n.place = newCSVPlace()
	}
	if n.stop != nil {
		return n.readAhead(p, len(p))
	}
	q := p
	if n.held != 0 {
		q = append([]byte{n.held}, p...)
		n.held = 0
	}
	for i, b := range q {
		c1 := i > 0 && q[i-1] == 0xC2 && b >= 0x80 && b <= 0x9F
		loneCR := b == '\r' && i+1 < len(q) && q[i+1] != '\n'
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || loneCR || b == 0x7F || c1 {
			end := i
			if c1 {
				end = i - 1 // the 0xC2 before it goes with it
			}
			if _, err := n.w.Write(q[:end]); err != nil {
				n.err = err
				return 0, err
			}
			n.through(q[:end])
			n.stop = n.here()
			return n.readAhead(q[end:], len(p))
		}
	}
	if last := len(q) - 1; last >= 0 && (q[last] == 0xC2 || q[last] == '\r') {
		q, n.held = q[:last], q[last] // decided by the next write
	}
	if _, err := n.w.Write(q); err != nil {
		n.err = err
		return 0, err
	}
	n.through(q)
	return len(p), nil
}

// through counts what was written.
func (n *noControls) through(written []byte) {
	n.lines += bytes.Count(written, []byte{'\n'})
	n.place.feed(written)
}

// here is the place of a control after what went through.
func (n *noControls) here() *controlAt {
	return &controlAt{line: n.lines + 1, record: n.place.record, column: n.place.column()}
}

// readAhead reads, without writing it, the rest of the stopped record
// up to its id, then fails; until then it takes p whole, as written
// (claimed bytes of it).
func (n *noControls) readAhead(p []byte, claimed int) (int, error) {
	for _, b := range p {
		if n.place.done(n.stop.record) {
			break
		}
		n.place.byte(b)
	}
	if !n.place.done(n.stop.record) {
		return claimed, nil
	}
	n.err = n.stopped()
	return 0, n.err
}

// stopped is the error at the control: it names the event by its id and
// position, the column, and the line of the CSV the control is on, the
// header its first.
func (n *noControls) stopped() error {
	at := n.stop
	where := ""
	if at.record > 0 {
		where = model.EventPlace(n.place.idOfRecord(at.record), at.record) + ", "
	}
	if at.column != "" {
		where += fmt.Sprintf("column %s, ", at.column)
	}
	return fmt.Errorf("%sline %d of the CSV (the header is line 1): %w", where, at.line, errControlOverSSH)
}

// Close fails on a carriage return left last, which no line feed
// followed; a 0xC2 left last is not UTF-8, and goes on as it is.
func (n *noControls) Close() error {
	held := n.held
	n.held = 0
	switch {
	case n.err != nil:
		return n.err
	case n.stop != nil:
		// The export ended before the stopped record's id.
		n.err = n.stopped()
		return n.err
	case held == 0:
		return nil
	case held == '\r':
		n.stop = n.here()
		n.err = n.stopped()
		return n.err
	}
	_, n.err = n.w.Write([]byte{held})
	return n.err
}
