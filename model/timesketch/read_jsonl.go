package timesketch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// jsonl reads one JSON object per line; blank lines are allowed. A line
// that is not a valid object is reported and the next is read: JSONL
// lines stand alone. The first line is line blank+1.
func (rd *reader) jsonl(br *bufio.Reader, blank int) error {
	dec := jsontext.NewDecoder(bytes.NewReader(nil))
	var buf []byte
	for line := blank + 1; ; line++ {
		text, err := readLine(br, buf)
		buf = text
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, errLineTooLong) {
				return rd.fatal(line, "a line longer than 64 MiB: is this really Timesketch JSONL?")
			}
			return err
		}
		if len(bytes.TrimSpace(text)) > 0 {
			rec := &record{line: line}
			if col, msg := parseObject(dec, text, rec); msg != "" {
				rd.events++ // the line still counts, so positions match the file
				if err := rd.report(fmt.Sprintf("%d:%d", line, col), msg); err != nil {
					return err
				}
			} else if err := rd.record(rec); err != nil {
				return err
			}
		}
		if err != nil { // io.EOF: that was the last line
			return nil
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine reads up to and including the next newline into buf, growing
// it as needed up to maxRecord.
func readLine(br *bufio.Reader, buf []byte) ([]byte, error) {
	buf = buf[:0]
	for {
		chunk, err := br.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > maxRecord {
			return buf[:0], errLineTooLong
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return buf, err
		}
	}
}

// parseObject reads the members of a one-line JSON object into rec. A
// problem comes back with its column.
func parseObject(dec *jsontext.Decoder, text []byte, rec *record) (col int, msg string) {
	dec.Reset(bytes.NewReader(text))
	syntax := func(err error) (int, string) {
		off := int(dec.InputOffset())
		var se *jsontext.SyntacticError
		if errors.As(err, &se) {
			off = int(se.ByteOffset)
			err = se.Err
		}
		off = min(max(off, 0), len(text))
		col := utf8.RuneCount(text[:off]) + 1
		switch {
		case errors.Is(err, jsontext.ErrDuplicateName):
			return col, "a key appears twice in the same object"
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return col, "the line ends inside a JSON value (is the object split over several lines? JSONL has one per line)"
		}
		return col, "invalid JSON: " + strings.TrimPrefix(err.Error(), "jsontext: ")
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return syntax(err)
	}
	if tok.Kind() != '{' {
		return 1, `a Timesketch JSONL line is one JSON object: {"message": ..., "datetime": ..., "timestamp_desc": ...}`
	}
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return syntax(err)
		}
		name := tok.String() // before the next call voids the token
		v, err := dec.ReadValue()
		if err != nil {
			return syntax(err)
		}
		val := value{text: string(v), json: true}
		if v.Kind() == '"' {
			s, _ := jsontext.AppendUnquote(nil, v) // the decoder has checked it
			val = value{text: string(s)}
		}
		rec.keys = append(rec.keys, name)
		rec.vals = append(rec.vals, val)
	}
	if _, err := dec.ReadToken(); err != nil {
		return syntax(err)
	}
	end := int(dec.InputOffset())
	end = len(text) - len(bytes.TrimLeft(text[end:], " \t\r\n"))
	switch _, err := dec.ReadToken(); {
	case err == nil:
		return utf8.RuneCount(text[:end]) + 1, "more than one JSON value on the line: JSONL has one object per line"
	case !errors.Is(err, io.EOF):
		return syntax(err)
	}
	return 0, ""
}
