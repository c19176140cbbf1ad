package model

import (
	"fmt"
	"io"
)

// MaxRecordBytes bounds the encoded size of one record in any format: an
// event's JSON object, a JSONL line, a CSV row. Files may be of any size,
// since they are read a record at a time; one record is held whole, so
// without a bound a hostile file could make it take all memory.
const MaxRecordBytes = 64 << 20

// ErrRecordTooLarge is returned by a RecordLimit's reads once the record
// under way is longer than MaxRecordBytes.
var ErrRecordTooLarge = fmt.Errorf("a record longer than %d MiB (is this the right file, or a single line that never ends?)", MaxRecordBytes>>20)

// recordSlack is how far past a record's end a decoder may read ahead.
const recordSlack = 1 << 20

// RecordLimit passes reads through until the record that began at the
// last Start has taken more than MaxRecordBytes, and from then on fails
// them with ErrRecordTooLarge.
type RecordLimit struct {
	r     io.Reader
	read  int64 // bytes passed through
	start int64 // where the record under way began
}

// NewRecordLimit returns a RecordLimit reading from r, with a record
// starting at offset 0.
func NewRecordLimit(r io.Reader) *RecordLimit { return &RecordLimit{r: r} }

// Start says that a record begins at offset, counted from the first byte
// read through l.
func (l *RecordLimit) Start(offset int64) { l.start = offset }

// Started returns where the record under way began.
func (l *RecordLimit) Started() int64 { return l.start }

// Read implements io.Reader. It passes no more of a record than the
// limit and the slack, however much a decoder asks for at once: a
// decoder whose buffer has grown with a large record asks for as much
// again, and would hold it all before hearing the record is too large.
func (l *RecordLimit) Read(p []byte) (int, error) {
	left := l.start + MaxRecordBytes + recordSlack + 1 - l.read
	if left <= 0 {
		return 0, ErrRecordTooLarge
	}
	if int64(len(p)) > left {
		p = p[:left]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// What a reader says at the place a record over the limit began: a JSON
// value's start is known exactly, a CSV row's only to the line.
var (
	ValueTooLarge = "the value that begins here is " + ErrRecordTooLarge.Error()
	RowTooLarge   = "the row that begins on this line or soon after is " + ErrRecordTooLarge.Error()
)
