package model

import (
	"bufio"
	"bytes"
	"io"
)

// byteOrderMark is the UTF-8 byte order mark Windows editors and
// spreadsheets put before a file's text. It is no part of JSON or CSV.
const byteOrderMark = "\uFEFF"

// TrimByteOrderMark returns head without one leading UTF-8 byte order
// mark, for detection to look at what follows it.
func TrimByteOrderMark(head []byte) []byte {
	return bytes.TrimPrefix(head, []byte(byteOrderMark))
}

// SkipByteOrderMark returns a reader of what r holds after one leading
// UTF-8 byte order mark; without one, of all of it. A read error comes
// back from the returned reader, in its place.
func SkipByteOrderMark(r io.Reader) io.Reader {
	if br, ok := r.(*bufio.Reader); ok {
		if head, _ := br.Peek(len(byteOrderMark)); string(head) == byteOrderMark {
			_, _ = br.Discard(len(byteOrderMark))
		}
		return br
	}
	head := make([]byte, len(byteOrderMark))
	n, err := io.ReadFull(r, head)
	switch {
	case n == len(head) && string(head) == byteOrderMark:
		return r
	case err == nil || err == io.ErrUnexpectedEOF || err == io.EOF:
		return io.MultiReader(bytes.NewReader(head[:n]), r)
	}
	return io.MultiReader(bytes.NewReader(head[:n]), errReader{err})
}

// errReader returns its error from every read.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
