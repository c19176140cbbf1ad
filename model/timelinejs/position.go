package timelinejs

import (
	"bytes"
	"io"
	"unicode/utf8"

	"chrono/model"
)

// keepBytes is how much recent input a positionReader keeps to turn a byte
// offset into a line and column. A slide is decoded after it has been read
// whole, so this bounds the size of a slide whose problems get a column.
const keepBytes = 1 << 20

// positionReader passes its input through and keeps the most recent bytes,
// with the number of lines and of characters on the current line before
// them, so that it can say where any recent offset is without keeping the
// whole input.
type positionReader struct {
	r     io.Reader
	kept  []byte
	start int64 // offset of kept[0]
	// lines counts the newlines before kept[0]; column counts the
	// characters between the last of them and kept[0].
	lines, column int
}

func newPositionReader(r io.Reader) *positionReader { return &positionReader{r: r} }

func (p *positionReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.kept = append(p.kept, b[:n]...)
	if len(p.kept) > keepBytes {
		p.forget(len(p.kept) - keepBytes/2)
	}
	return n, err
}

// forget drops about the first n kept bytes, cutting at a character
// boundary so that columns stay counted in characters.
func (p *positionReader) forget(n int) {
	for n < len(p.kept) && !utf8.RuneStart(p.kept[n]) {
		n++
	}
	gone := p.kept[:n]
	if i := bytes.LastIndexByte(gone, '\n'); i >= 0 {
		p.lines += bytes.Count(gone, []byte{'\n'})
		p.column = utf8.RuneCount(gone[i+1:])
	} else {
		p.column += utf8.RuneCount(gone)
	}
	p.start += int64(n)
	p.kept = append(p.kept[:0], p.kept[n:]...)
}

// end returns the offset just past the input read so far.
func (p *positionReader) end() int64 { return p.start + int64(len(p.kept)) }

// position returns the place of a byte offset.
func (p *positionReader) position(offset int64) model.Place {
	if offset < p.start || offset > p.end() {
		return model.Place{Byte: offset + 1}
	}
	before := p.kept[:offset-p.start]
	line := p.lines + bytes.Count(before, []byte{'\n'}) + 1
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		return model.Place{Line: line, Column: utf8.RuneCount(before[i+1:]) + 1}
	}
	return model.Place{Line: line, Column: p.column + utf8.RuneCount(before) + 1}
}
