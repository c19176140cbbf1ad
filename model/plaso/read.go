package plaso

import (
	"bufio"
	"io"

	"chrono/model"
	"chrono/model/timesketch"
)

// Read decodes psort's json_line or l2tcsv from r, told apart by the first
// byte that is not blank ('{' is json_line), and sends each event to sink
// in file order with its position from 1. json_line is read by
// timesketch.Read, on every core. A record it cannot read is reported
// with its line and the read goes on; an error that makes the rest
// unreadable is returned. What reading changes is counted in losses.
func Read(r io.Reader, sink model.Sink, losses *model.Losses) error {
	if losses == nil {
		losses = new(model.Losses)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(64 << 10)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return err
	}
	if miss := JSONMiss(head); miss != "" {
		return model.Problem{Line: 1, Msg: miss}
	}
	if t := trim(head); len(t) > 0 && t[0] == '{' {
		return timesketch.ReadMicros(br, newUndatedSink(sink, losses), losses)
	}
	return readL2TCSV(br, sink, losses)
}
