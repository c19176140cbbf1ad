package timesketch

import (
	"bytes"
	"errors"
	"io"
)

// chunkSize is how much input a JSONL read asks for at a time once the
// input shows it has that much to give: enough lines to keep every core
// busy, little enough to keep memory flat.
const chunkSize = 1 << 20

var (
	errLineTooLong = errors.New("line too long")
	errNeedMore    = errors.New("more input needed")
)

// lines splits input into lines in place, a chunk at a time, so that
// workers can read the lines without a copy: a line is valid until the
// next fill, and the reader fills only when the lines it has are all
// handed over.
type lines struct {
	r          io.Reader
	buf        []byte
	start, end int   // buf[start:end] is read but not yet returned
	searched   int   // how much of it has no newline
	full       bool  // the last read filled buf
	err        error // from the last read, for after the lines before it
}

// newLines starts small, as bufio does: a short input needs no more.
func newLines(r io.Reader) *lines {
	return &lines{r: r, buf: make([]byte, 64<<10)}
}

// next returns the next line with its newline, or at the end of the input
// the last one without, with the error that ended it (io.EOF there).
// errNeedMore says that no whole line is left until the next fill;
// errLineTooLong that the line is longer than maxRecord.
func (l *lines) next() ([]byte, error) {
	rest := l.buf[l.start:l.end]
	if i := bytes.IndexByte(rest[l.searched:], '\n'); i >= 0 {
		i += l.searched
		if i+1 > maxRecord {
			return nil, errLineTooLong
		}
		l.start += i + 1
		l.searched = 0
		return rest[:i+1], nil
	}
	l.searched = len(rest) // not again, when reads bring a long line bit by bit
	switch {
	case len(rest) > maxRecord:
		return nil, errLineTooLong
	case l.err == nil:
		return nil, errNeedMore
	}
	l.start, l.searched = l.end, 0
	return rest, l.err
}

// buffered returns how many bytes are read and not yet returned.
func (l *lines) buffered() int { return l.end - l.start }

// fill reads once more, as a bufio.Reader does, after the unread part,
// which it moves to the front. Every line returned before becomes
// invalid.
func (l *lines) fill() {
	if l.err != nil {
		return
	}
	if l.start > 0 {
		l.end = copy(l.buf, l.buf[l.start:l.end])
		l.start = 0
	}
	switch size := len(l.buf); {
	case l.end == size:
		// One line fills the buffer: make room for it, up to one byte
		// more than a line may have, so that next can tell.
		l.grow(min(2*size, maxRecord+1))
	case l.full && size < chunkSize:
		// The input gives as much as is asked: ask for more at a time.
		l.grow(2 * size)
	}
	for range maxEmptyReads {
		n, err := l.r.Read(l.buf[l.end:])
		l.end += n
		l.full = l.end == len(l.buf)
		if err != nil || n > 0 {
			l.err = err
			return
		}
	}
	l.err = io.ErrNoProgress
}

func (l *lines) grow(size int) {
	grown := make([]byte, size)
	copy(grown, l.buf[:l.end])
	l.buf = grown
}

// maxEmptyReads is how often a reader may return nothing before it is
// given up on, as in bufio.
const maxEmptyReads = 100
