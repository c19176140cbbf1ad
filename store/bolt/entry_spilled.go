package bolt

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"

	"chrono/model"
	"chrono/model/journalform"
)

// largeValue is a value the build writes from a reader into its pages
// rather than from the sorted records, which hold an empty value under
// its key in its place: the journal entry of a revert of a million
// events is hundreds of megabytes, and as a record it was held whole in
// the sorter's buffer, read back whole from its run and copied whole
// into a page buffer.
type largeValue struct {
	key  []byte // the bucket's letter, then the key
	size int64
	r    io.Reader
}

// spilledLog is an entry's log written to a file in a bulk write's
// working directory as the events are recorded.
type spilledLog struct {
	f *os.File
	w *bufio.Writer
}

// spillLog has l write its records to a file in dir.
func spillLog(l *journalform.Log, dir string) (*spilledLog, error) {
	f, err := os.OpenFile(filepath.Join(dir, "entry"), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	s := &spilledLog{f: f, w: bufio.NewWriterSize(f, 1<<20)}
	l.SpillTo(s.w)
	return s, nil
}

// close closes the file; its directory goes with the write.
func (s *spilledLog) close() {
	if s != nil {
		s.f.Close()
	}
}

// entry returns the stored value of e, whose events are l's, linked to
// prev, as a largeValue under the journal's key for it, and sets e.Hash
// and e.Prev: the value's chain fields and the body's head in memory, its
// records read back from the file, once to hash them and once as the
// store is built.
func (s *spilledLog) entry(e *model.Entry, l *journalform.Log, prev []byte) (*largeValue, error) {
	head, err := l.Head(e, chainFields)
	if err != nil {
		return nil, err
	}
	if err := s.w.Flush(); err != nil {
		return nil, err
	}
	records := l.Spilled()
	hash, err := journalform.HashReader(e.Seq, model.FormRecords, prev, io.MultiReader(bytes.NewReader(head[chainFields:]), io.NewSectionReader(s.f, 0, records)))
	if err != nil {
		return nil, err
	}
	putChainFields(head, model.FormRecords, hash, prev)
	e.Hash, e.Prev = hex.EncodeToString(entryHash(head)), hex.EncodeToString(entryPrev(head))
	return &largeValue{
		key:  append([]byte{bucketJournal.letter}, seqKey(e.Seq)...),
		size: int64(len(head)) + records,
		r:    io.MultiReader(bytes.NewReader(head), io.NewSectionReader(s.f, 0, records)),
	}, nil
}
