package native

import (
	"bytes"
	"io"
	"slices"

	"github.com/go-json-experiment/json/jsontext"

	"chrono/model"
)

// The reader places a problem of an event's content at the event's
// opening brace, which tells the events of a document apart while it is
// read a value at a time. Someone mending the file goes to the field:
// once an import has failed, PlaceInDocument reads the events again and
// moves each such problem to the member it names.

// PlaceInDocument moves the problems of ps in the file name whose place is
// an event's opening brace to the line and column of the member each
// names, when the event has it. doc is the file's bytes as the reader
// read them (a byte order mark first is skipped, as the reader skips it).
// Problems of other files, or that name no member, stay where they are.
func PlaceInDocument(doc io.ReaderAt, name string, ps []model.Problem) error {
	starts := map[[2]int]bool{}
	for _, p := range ps {
		if p.File == name && p.Part == model.EventPart && p.Line > 0 && p.Column > 0 {
			starts[[2]int{p.Line, p.Column}] = true
		}
	}
	if len(starts) == 0 {
		return nil
	}
	offsets, err := byteOffsets(doc, starts)
	if err != nil {
		return err
	}
	for at, off := range offsets {
		body, err := valueAt(doc, off)
		if err != nil || len(body) == 0 || body[0] != '{' {
			continue // not an event's start: the problems stay
		}
		members := memberPlaces(body)
		for i := range ps {
			p := &ps[i]
			if p.File != name || p.Part != model.EventPart || [2]int{p.Line, p.Column} != at {
				continue
			}
			m, ok := memberPlace(members, p.Msg)
			if !ok {
				continue
			}
			p.Line = at[0] + m[0] - 1
			if m[0] == 1 {
				p.Column = at[1] + m[1] - 1
			} else {
				p.Column = m[1]
			}
		}
	}
	// Each event's problems in the order of its lines, as an editor
	// goes through them; the events keep theirs.
	slices.SortStableFunc(ps, func(a, b model.Problem) int {
		if a.File != b.File || a.File != name || a.N != b.N || a.Part != b.Part {
			return 0
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	return nil
}

// byteOffsets finds the byte offset of each line and column (in
// characters, from 1) of places in doc, reading it as far as the last,
// a buffer at a time: a document may be one line of a gigabyte.
func byteOffsets(doc io.ReaderAt, places map[[2]int]bool) (map[[2]int]int64, error) {
	wanted := map[int]bool{} // the lines with places
	last := 0
	for p := range places {
		wanted[p[0]], last = true, max(last, p[0])
	}
	out := map[[2]int]int64{}
	buf := make([]byte, 1<<16)
	line, chars := 1, 0 // chars: the characters begun on the line so far
	var off int64
	if n, _ := doc.ReadAt(buf[:3], 0); n == 3 && bytes.Equal(buf[:3], []byte("\xef\xbb\xbf")) {
		off = 3
	}
	for line <= last {
		n, err := doc.ReadAt(buf, off)
		chunk := buf[:n]
		for len(chunk) > 0 && line <= last {
			if !wanted[line] {
				nl := bytes.IndexByte(chunk, '\n')
				if nl < 0 {
					off += int64(len(chunk))
					break
				}
				chunk, off, line, chars = chunk[nl+1:], off+int64(nl+1), line+1, 0
				continue
			}
			b := chunk[0]
			if b&0xC0 != 0x80 { // a character begins here
				chars++
				if places[[2]int{line, chars}] {
					out[[2]int{line, chars}] = off
				}
			}
			if b == '\n' {
				line, chars = line+1, 0
			}
			chunk, off = chunk[1:], off+1
		}
		if err != nil {
			if err == io.EOF {
				return out, nil
			}
			return out, err
		}
	}
	return out, nil
}

// valueAt reads the JSON value that starts at byte off of doc, no longer
// than a record may be.
func valueAt(doc io.ReaderAt, off int64) ([]byte, error) {
	dec := jsontext.NewDecoder(io.NewSectionReader(doc, off, model.MaxRecordBytes))
	v, err := dec.ReadValue()
	return bytes.Clone(v), err
}
