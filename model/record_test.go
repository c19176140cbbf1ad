package model

import (
	"errors"
	"testing"
)

// unwritten is an endless reader that fills every read without touching
// it, so that a test may ask for a huge read without paying for it.
type unwritten struct{}

func (unwritten) Read(p []byte) (int, error) { return len(p), nil }

// TestRecordLimitReadsNoFurther: however much a decoder asks for at a
// time, a RecordLimit passes at most the limit and its slack of a record,
// then refuses, so that a record too large is never held beyond that.
func TestRecordLimitReadsNoFurther(t *testing.T) {
	for _, size := range []int{4 << 10, 1 << 20, 2 * MaxRecordBytes} {
		l := NewRecordLimit(unwritten{})
		l.Start(0)
		p := make([]byte, size)
		var read int64
		var err error
		for err == nil {
			var n int
			n, err = l.Read(p)
			read += int64(n)
		}
		if !errors.Is(err, ErrRecordTooLarge) {
			t.Errorf("reads of %d bytes: ended with %v, want ErrRecordTooLarge", size, err)
		}
		if limit := int64(MaxRecordBytes + recordSlack + 1); read > limit {
			t.Errorf("reads of %d bytes: passed %d bytes of one record, more than the %d allowed", size, read, limit)
		}
		if read <= MaxRecordBytes {
			t.Errorf("reads of %d bytes: refused after %d bytes, within the limit", size, read)
		}
	}
}
