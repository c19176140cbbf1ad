package extsort

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// A sorter can note where the records of one group land in its runs, so
// that a few of them can be read back by key without merging all the
// runs: the store's build places its linked events this way, and the
// events are most of an import's bytes.

// ValueAt is where a noted record's value is: in which run, at which
// offset, and how long.
type ValueAt struct {
	Run int32
	At  int64
	N   int32
}

// Note has the sorter note, as it spills, where each record of the group
// with the given letter lands. Call it before the first Add.
func (s *Sorter) Note(letter byte) {
	s.noting, s.noteLetter = true, letter
}

// openNotes creates the file of notes, when the sorter notes and has
// none yet.
func (s *Sorter) openNotes() error {
	if !s.noting || s.notes != nil {
		return nil
	}
	f, err := os.CreateTemp(s.dir, "notes-*")
	if err != nil {
		return fmt.Errorf("sorting the import: %w", err)
	}
	s.notes, s.notesOut = f, bufio.NewWriterSize(f, 256<<10)
	return nil
}

// note writes where the records of the noted group in the buffer being
// spilled land in its run, run: each record is written after the last,
// from its entry's off to its end.
func (s *Sorter) note(run int) error {
	if err := s.openNotes(); err != nil {
		return err
	}
	var at int64
	var b, where []byte
	for _, e := range s.offs {
		// The letter is the prefix's first byte: the others' records
		// are passed over without reading the arena.
		if byte(e.prefix[0]>>56) == s.noteLetter {
			valueLen, n := binary.Uvarint(s.arena[e.keyAt+e.keyLen:])
			valueAt := at + int64(e.keyAt+e.keyLen-e.off) + int64(n)
			// A note is a record of the same key, where its value is
			// for value: written and read as runs are.
			where = binary.AppendUvarint(where[:0], uint64(run))
			where = binary.AppendUvarint(where, uint64(valueAt))
			where = binary.AppendUvarint(where, valueLen)
			b = appendRecord(b[:0], s.noteLetter, s.arena[e.keyAt:e.keyAt+e.keyLen], where, RankNew)
			if _, err := s.notesOut.Write(b); err != nil {
				return err
			}
		}
		at += int64(e.end - e.off)
	}
	return nil
}

// Noted reads back what Note asked for, after Streams: nil when the
// sorter did not note, or holds its records in memory rather than in
// runs (it never spilled). The caller closes it.
func (s *Sorter) Noted() (*Noted, error) {
	if s.notes == nil { // not asked to note, or never spilled
		return nil, nil
	}
	if err := s.notesOut.Flush(); err != nil {
		return nil, fmt.Errorf("sorting the import: %w", err)
	}
	n := &Noted{notes: s.notes}
	for _, name := range s.runs {
		f, err := os.Open(name)
		if err != nil {
			n.Close()
			return nil, err
		}
		n.runs = append(n.runs, f)
	}
	return n, nil
}

// Noted is where the noted records' values are in the runs.
type Noted struct {
	notes *os.File // the sorter's: it removes it
	runs  []*os.File
}

// Each calls fn with the key of every noted record and where its value
// is, run after run, each run's in key order. The key is valid only
// during the call.
func (n *Noted) Each(fn func(key []byte, at ValueAt) error) error {
	rs := &runStream{r: bufio.NewReaderSize(io.NewSectionReader(n.notes, 0, 1<<62), 256<<10)}
	for {
		if err := rs.Next(); err != nil {
			return err
		}
		if rs.end {
			return nil
		}
		var v [3]uint64
		rest := rs.cur.Value
		for i := range v {
			x, size := binary.Uvarint(rest)
			if size <= 0 {
				return errors.New("reading back where the import's records are: a note cut short")
			}
			v[i], rest = x, rest[size:]
		}
		if v[0] >= uint64(len(n.runs)) {
			return fmt.Errorf("reading back where the import's records are: run %d of %d", v[0], len(n.runs))
		}
		if err := fn(rs.cur.Key[1:], ValueAt{Run: int32(v[0]), At: int64(v[1]), N: int32(v[2])}); err != nil {
			return err
		}
	}
}

// ReadAt reads the value at into *buf, and returns it.
func (n *Noted) ReadAt(buf *[]byte, at ValueAt) ([]byte, error) {
	*buf = slices.Grow((*buf)[:0], int(at.N))[:at.N]
	if at.N == 0 {
		return *buf, nil
	}
	if _, err := n.runs[at.Run].ReadAt(*buf, at.At); err != nil {
		return nil, fmt.Errorf("reading back a record of the import: %w", err)
	}
	return *buf, nil
}

// Close closes the runs Noted opened.
func (n *Noted) Close() {
	for _, f := range n.runs {
		f.Close()
	}
	n.runs = nil
}
