package formats

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"chrono/model"
)

// wholeFirstLine extends head, the sniffed start of a file, to the end of
// its first line when that line is an object longer than the head: a
// JSONL record whose members come in an order (sorted, as many
// exporters write them) that puts the telling ones after the cut is
// recognised only whole. It reads at most the record limit, which no
// reader would go past either; ok is false when there is nothing to
// extend or the line is longer than that. The bytes read are returned in
// line, and must be given back to the reader.
func wholeFirstLine(br *bufio.Reader, head []byte) (line []byte, ok bool, err error) {
	start := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
	if len(head) < sniffSize || len(start) == 0 || start[0] != '{' || bytes.IndexByte(start, '\n') >= 0 {
		return nil, false, nil
	}
	skipped := len(head) - len(start)
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		switch {
		case err == nil, errors.Is(err, io.EOF):
			return line, true, nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return line, false, err
		case len(line)-skipped > model.MaxRecordBytes:
			return line, false, nil
		}
	}
}
