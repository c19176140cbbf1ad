package native

import (
	"bytes"
	"io"
	"unicode/utf8"

	"chrono/model"
)

// windowSize is how much of the input a positionReader keeps, in each of
// its two windows, to turn a byte offset into a line and column. Decoders
// report errors within the buffer they are working on, which is smaller.
const windowSize = 512 << 10

// positionReader passes its input through and remembers enough of it to
// say which line and column a byte offset is on, without keeping the whole
// input: it counts newlines as they go by and keeps the most recent bytes
// in two windows that take turns, so remembering costs no copying.
type positionReader struct {
	r      io.Reader
	prev   []byte // the window before cur
	cur    []byte // the latest bytes, up to windowSize
	prevAt int64  // offset of prev[0]
	// linesBefore counts the newlines before prev[0].
	linesBefore int
	offset      int64 // bytes read so far
	// pinAt is an offset whose position is worked out before its window
	// is dropped (pinned), so that an error about a value longer than
	// the windows can still say where the value began.
	pinAt  int64
	pinned model.Place
	tail   []byte // scratch for position
}

// pin asks for offset's position to stay known.
func (p *positionReader) pin(offset int64) { p.pinAt, p.pinned = offset, model.Place{} }

func newPositionReader(r io.Reader) *positionReader { return &positionReader{r: r} }

func (p *positionReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	for rest := b[:n]; len(rest) > 0; {
		if len(p.cur) == windowSize {
			if p.pinned == (model.Place{}) && p.pinAt >= p.prevAt && p.pinAt < p.prevAt+int64(len(p.prev)+len(p.cur)) {
				p.pinned = p.position(p.pinAt)
			}
			p.linesBefore += bytes.Count(p.prev, []byte{'\n'})
			p.prevAt += int64(len(p.prev))
			p.prev, p.cur = p.cur, p.prev[:0]
		}
		k := min(len(rest), windowSize-len(p.cur))
		p.cur = append(p.cur, rest[:k]...)
		rest = rest[k:]
	}
	p.offset += int64(n)
	return n, err
}

// position returns the place of a byte offset: its line and column, or
// only the byte when the offset is no longer remembered.
func (p *positionReader) position(offset int64) model.Place {
	if offset == p.pinAt && p.pinned != (model.Place{}) {
		return p.pinned
	}
	if offset < p.prevAt || offset > p.offset {
		return model.Place{Byte: offset + 1}
	}
	// The bytes before offset are in prev, or in all of prev and the
	// start of cur: they are looked at where they are, not copied, as
	// this runs each time the windows turn.
	k := int(offset - p.prevAt)
	first, second := p.prev, []byte(nil)
	if k <= len(p.prev) {
		first = p.prev[:k]
	} else {
		second = p.cur[:k-len(p.prev)]
	}
	line := p.linesBefore + bytes.Count(first, []byte{'\n'}) + bytes.Count(second, []byte{'\n'}) + 1
	if i := bytes.LastIndexByte(second, '\n'); i >= 0 {
		return model.Place{Line: line, Column: utf8.RuneCount(second[i+1:]) + 1}
	}
	i := bytes.LastIndexByte(first, '\n')
	if i < 0 && p.prevAt > 0 {
		return model.Place{Line: line} // the line began before the remembered bytes
	}
	// A character may straddle the windows: the line's tail is counted
	// whole, in a buffer kept for it.
	p.tail = append(append(p.tail[:0], first[i+1:]...), second...)
	return model.Place{Line: line, Column: utf8.RuneCount(p.tail) + 1}
}

// tracker turns the offsets of successive values into places, counting
// only the bytes between one and the next, so that placing every event
// of a file costs one pass over it, whatever the length of its lines.
type tracker struct {
	p    *positionReader
	at   int64 // the offset last placed; -1 before the first
	last model.Place
}

// place returns the place of offset, which is at or after the last one
// placed.
func (t *tracker) place(offset int64) model.Place {
	p := t.p
	if t.at < p.prevAt || offset < t.at || offset > p.offset || t.last.Line == 0 {
		// The bytes between are gone, or nothing was placed yet: start
		// afresh.
		t.at, t.last = offset, p.position(offset)
		return t.last
	}
	t.last = advance(t.last, p.bytes(t.at, offset))
	t.at = offset
	return t.last
}

// advance returns the place of the byte after b, which begins at at.
func advance(at model.Place, b []byte) model.Place {
	switch nl := bytes.Count(b, []byte{'\n'}); {
	case at.Line == 0:
		return model.Place{Byte: at.Byte + int64(len(b))}
	case nl > 0:
		return model.Place{Line: at.Line + nl, Column: utf8.RuneCount(b[bytes.LastIndexByte(b, '\n')+1:]) + 1}
	case at.Column > 0: // else the line began before the remembered bytes
		at.Column += utf8.RuneCount(b)
	}
	return at
}

// bytes returns the remembered input from offset from to offset to.
func (p *positionReader) bytes(from, to int64) []byte {
	i, j := int(from-p.prevAt), int(to-p.prevAt)
	switch {
	case j <= len(p.prev):
		return p.prev[i:j]
	case i >= len(p.prev):
		return p.cur[i-len(p.prev) : j-len(p.prev)]
	}
	return append(p.prev[i:len(p.prev):len(p.prev)], p.cur[:j-len(p.prev)]...)
}
