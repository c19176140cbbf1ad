package journalform

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"io"
)

// recordReader reads an entry's event records one at a time, as they
// are uncompressed: the records of an undo of an import hold a version
// of each of its events, 382 MB at 200,000 events, and are not held
// whole.
type recordReader struct {
	in   *uncompressing
	br   *bufio.Reader
	body bytes.Buffer
}

// uncompressing is the records as they are uncompressed: how many bytes
// they have given, and the first error other than their end.
type uncompressing struct {
	r   io.Reader
	n   int64
	err error
}

func (u *uncompressing) Read(b []byte) (int, error) {
	n, err := u.r.Read(b)
	u.n += int64(n)
	if err != nil && err != io.EOF && u.err == nil {
		u.err = err
	}
	return n, err
}

// recordReader returns a reader of p's records, from their start.
func (p Parts) recordReader() *recordReader {
	r := p.storedRecords()
	if p.compressed {
		r = flate.NewReader(r)
	}
	in := &uncompressing{r: r}
	return &recordReader{in: in, br: bufio.NewReaderSize(in, 64<<10)}
}

// next returns the next record's kind and body, which is valid until
// the next call; the error is the reader's, io.EOF at the end.
func (r *recordReader) next() (kind byte, body []byte, err error) {
	kind, err = r.br.ReadByte()
	if err != nil {
		return 0, nil, err
	}
	size, err := binary.ReadUvarint(r.br)
	if err != nil {
		return 0, nil, err
	}
	if size <= uint64(r.br.Size()) {
		// Where the reader holds it: no copy made.
		body, err := r.br.Peek(int(size))
		if err != nil {
			return 0, nil, err
		}
		_, _ = r.br.Discard(len(body))
		return kind, body, nil
	}
	// Read as it comes, not made at the size it says: a damaged size
	// ends the read at the end of the records.
	r.body.Reset()
	if n, err := io.CopyN(&r.body, r.br, int64(min(size, 1<<62))); err != nil || uint64(n) != size {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return 0, nil, err
	}
	return kind, r.body.Bytes(), nil
}

// atEnd reports whether the records have no byte after those read.
func (r *recordReader) atEnd() (bool, error) {
	_, err := r.br.ReadByte()
	if err == io.EOF {
		return true, nil
	}
	return false, err
}

// drain reads the records to their end, so that how many bytes they
// have (in.n) and whether they uncompress (in.err) are known.
func (r *recordReader) drain() {
	_, _ = io.Copy(io.Discard, r.br)
}
