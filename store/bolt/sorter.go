package bolt

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// A large import does not write into the store's B+trees in the order the
// file gives its events (bbolt writes keys in random order several times
// slower, and leaves its pages half full); it sorts every key it will
// write, spilling sorted runs to disk, and the build then writes each
// bucket from first key to last.

// Ranks say which record wins when several have the same key: the store's
// old content, then what the import deletes, then what it writes.
const (
	rankOld    byte = 0
	rankDelete byte = 1
	rankNew    byte = 2
)

// record is one key of the store being built: a bucket letter and the
// key within the bucket, its value, and its rank.
type record struct {
	key   []byte // bucket letter, then the key
	value []byte
	rank  byte
}

// compareRecords orders records by key, and records with the same key by
// rank, highest first, so that the first of a key is the one that wins.
func compareRecords(a, b *record) int {
	if c := bytes.Compare(a.key, b.key); c != 0 {
		return c
	}
	return int(b.rank) - int(a.rank)
}

// sorter collects records in memory up to a limit, then writes them
// sorted to a run file in dir; reading merges the runs.
//
// A full buffer is sorted and written by a goroutine of its own while the
// other buffer fills, so that sorting overlaps reading the import.
type sorter struct {
	dir   string
	limit int
	arena []byte      // encoded records (see add)
	offs  []sortEntry // where each record starts in arena
	runs  []string
	bytes int64 // of all records added
	// The buffer being spilled in the background, and the outcome.
	spareArena []byte
	spareOffs  []sortEntry
	spilling   chan error
}

// sortEntry is a record in the arena, with the first bytes of its key
// as a number (most comparisons end there) and where its key is, so that
// sorting never decodes a record.
type sortEntry struct {
	prefix uint64
	off    int32 // the record's start
	key    int32 // its key's start (after the bucket letter)
	keyLen int32
}

func newSorter(dir string, limit int) *sorter { return &sorter{dir: dir, limit: limit} }

// keyPrefix is the first 8 bytes of a key, big-endian, zero-padded.
func keyPrefix(bucket byte, key []byte) uint64 {
	var b [8]byte
	b[0] = bucket
	copy(b[1:], key)
	return binary.BigEndian.Uint64(b[:])
}

// add adds a record for key in the bucket with the given letter.
func (s *sorter) add(bucket byte, key, value []byte, rank byte) error {
	if s.arena == nil {
		// Grown once, to the limit and a record's worth more: growing by
		// appending would copy it again and again.
		s.arena = make([]byte, 0, s.limit+64<<10)
	}
	off := len(s.arena)
	s.arena = binary.AppendUvarint(s.arena, uint64(1+len(key)))
	s.arena = append(s.arena, bucket)
	s.offs = append(s.offs, sortEntry{prefix: keyPrefix(bucket, key), off: int32(off), key: int32(len(s.arena)), keyLen: int32(len(key))})
	s.arena = append(s.arena, key...)
	s.arena = binary.AppendUvarint(s.arena, uint64(len(value)))
	s.arena = append(s.arena, value...)
	s.arena = append(s.arena, rank)
	s.bytes += int64(len(key) + len(value))
	if len(s.arena) >= s.limit {
		return s.spillInBackground()
	}
	return nil
}

// spillInBackground hands the full buffer to a goroutine that sorts and
// writes it, and goes on with the other buffer, once the goroutine has
// finished with it.
func (s *sorter) spillInBackground() error {
	if err := s.wait(); err != nil {
		return err
	}
	full := &sorter{dir: s.dir, arena: s.arena, offs: s.offs}
	s.arena, s.offs = s.spareArena[:0], s.spareOffs[:0]
	if s.arena == nil {
		s.arena = make([]byte, 0, cap(full.arena))
	}
	done := make(chan error, 1)
	s.spilling = done
	go func() {
		err := full.spill()
		s.runs = append(s.runs, full.runs...) // read only after wait
		s.spareArena, s.spareOffs = full.arena, full.offs
		done <- err
	}()
	return nil
}

// wait waits for a background spill to finish.
func (s *sorter) wait() error {
	if s.spilling == nil {
		return nil
	}
	err := <-s.spilling
	s.spilling = nil
	return err
}

// at decodes the record that starts at off in buf.
func recordAt(buf []byte, off int) (r record, end int) {
	kl, n := binary.Uvarint(buf[off:])
	off += n
	r.key = buf[off : off+int(kl)]
	off += int(kl)
	vl, n := binary.Uvarint(buf[off:])
	off += n
	r.value = buf[off : off+int(vl)]
	off += int(vl)
	r.rank = buf[off]
	return r, off + 1
}

// sorted sorts the records in memory.
func (s *sorter) sorted() {
	slices.SortFunc(s.offs, func(a, b sortEntry) int {
		if a.prefix != b.prefix {
			if a.prefix < b.prefix {
				return -1
			}
			return 1
		}
		if c := bytes.Compare(s.arena[a.key:a.key+a.keyLen], s.arena[b.key:b.key+b.keyLen]); c != 0 {
			return c
		}
		ra, _ := recordAt(s.arena, int(a.off))
		rb, _ := recordAt(s.arena, int(b.off))
		return compareRecords(&ra, &rb)
	})
}

// spill writes the records in memory, sorted, to a new run file.
func (s *sorter) spill() error {
	if len(s.offs) == 0 {
		return nil
	}
	s.sorted()
	f, err := os.CreateTemp(s.dir, "run-*")
	if err != nil {
		return fmt.Errorf("sorting the import: %w", err)
	}
	s.runs = append(s.runs, f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	for _, e := range s.offs {
		_, end := recordAt(s.arena, int(e.off))
		if _, err := w.Write(s.arena[e.off:end]); err != nil {
			f.Close()
			return fmt.Errorf("sorting the import: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("sorting the import: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("sorting the import: %w", err)
	}
	s.arena, s.offs = s.arena[:0], s.offs[:0]
	return nil
}

// streams returns the sorted streams of everything added: one per run
// file, and one for what is still in memory.
func (s *sorter) streams() ([]stream, error) {
	if err := s.wait(); err != nil {
		return nil, err
	}
	var out []stream
	for _, name := range s.runs {
		f, err := os.Open(name)
		if err != nil {
			closeStreams(out)
			return nil, err
		}
		rs := &runStream{f: f, r: bufio.NewReaderSize(f, 256<<10)}
		if err := rs.next(); err != nil {
			f.Close()
			closeStreams(out)
			return nil, err
		}
		out = append(out, rs)
	}
	if len(s.offs) > 0 {
		s.sorted()
		out = append(out, &memStream{s: s, i: -1})
		out[len(out)-1].next()
	}
	return out, nil
}

// remove deletes the run files.
func (s *sorter) remove() {
	s.wait()
	for _, name := range s.runs {
		os.Remove(name)
	}
	s.runs = nil
}

// stream is a source of records in order (compareRecords).
type stream interface {
	// head returns the current record; ok is false at the end.
	head() (r *record, ok bool)
	// next moves to the next record.
	next() error
	close()
}

func closeStreams(ss []stream) {
	for _, s := range ss {
		s.close()
	}
}

// memStream reads the records the sorter still holds, in order.
type memStream struct {
	s   *sorter
	i   int
	cur record
}

func (m *memStream) head() (*record, bool) { return &m.cur, m.i < len(m.s.offs) }

func (m *memStream) next() error {
	m.i++
	if m.i < len(m.s.offs) {
		m.cur, _ = recordAt(m.s.arena, int(m.s.offs[m.i].off))
	}
	return nil
}

func (m *memStream) close() {}

// runStream reads a run file.
type runStream struct {
	f   *os.File
	r   *bufio.Reader
	cur record
	end bool
	buf []byte
}

func (rs *runStream) head() (*record, bool) { return &rs.cur, !rs.end }

func (rs *runStream) next() error {
	kl, err := binary.ReadUvarint(rs.r)
	if errors.Is(err, io.EOF) {
		rs.end = true
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading back the import's sorted keys: %w", err)
	}
	key, err := rs.read(int(kl), 0)
	if err != nil {
		return err
	}
	vl, err := binary.ReadUvarint(rs.r)
	if err != nil {
		return fmt.Errorf("reading back the import's sorted keys: %w", err)
	}
	rest, err := rs.read(int(vl)+1, len(key))
	if err != nil {
		return err
	}
	rs.cur = record{key: key, value: rest[:vl], rank: rest[vl]}
	return nil
}

// read reads n bytes into rs.buf after the first keep bytes (which it
// keeps) and returns them; the slices are valid until the next call of
// next.
func (rs *runStream) read(n, keep int) ([]byte, error) {
	if keep == 0 {
		rs.buf = rs.buf[:0]
	}
	start := len(rs.buf)
	rs.buf = slices.Grow(rs.buf, n)[:start+n]
	if _, err := io.ReadFull(rs.r, rs.buf[start:]); err != nil {
		return nil, fmt.Errorf("reading back the import's sorted keys: %w", err)
	}
	return rs.buf[start:], nil
}

func (rs *runStream) close() { rs.f.Close() }

// merge yields the records of several streams in order, one per key: the
// one that wins (compareRecords), unless that one deletes the key.
type merge struct {
	heap []stream
}

func newMerge(ss []stream) *merge {
	m := &merge{}
	for _, s := range ss {
		if _, ok := s.head(); ok {
			m.heap = append(m.heap, s)
		}
	}
	for i := len(m.heap)/2 - 1; i >= 0; i-- {
		m.down(i)
	}
	return m
}

func (m *merge) less(i, j int) bool {
	a, _ := m.heap[i].head()
	b, _ := m.heap[j].head()
	return compareRecords(a, b) < 0
}

func (m *merge) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(m.heap) {
			return
		}
		small := l
		if r := l + 1; r < len(m.heap) && m.less(r, l) {
			small = r
		}
		if !m.less(small, i) {
			return
		}
		m.heap[i], m.heap[small] = m.heap[small], m.heap[i]
		i = small
	}
}

// advance moves the stream at the top of the heap on.
func (m *merge) advance() error {
	if err := m.heap[0].next(); err != nil {
		return err
	}
	if _, ok := m.heap[0].head(); !ok {
		last := len(m.heap) - 1
		m.heap[0] = m.heap[last]
		m.heap = m.heap[:last]
	}
	if len(m.heap) > 0 {
		m.down(0)
	}
	return nil
}

// each calls fn with each key's winning record, in key order. The record
// is valid only during the call.
func (m *merge) each(fn func(r *record) error) error {
	var key []byte
	for len(m.heap) > 0 {
		top, _ := m.heap[0].head()
		if key != nil && bytes.Equal(top.key, key) {
			// A record that lost to the one before it.
			if err := m.advance(); err != nil {
				return err
			}
			continue
		}
		key = append(key[:0], top.key...)
		if top.rank != rankDelete {
			if err := fn(top); err != nil {
				return err
			}
		}
		if err := m.advance(); err != nil {
			return err
		}
	}
	return nil
}

// tempDir makes the directory a large import works in, beside the store
// so that it is on the same disk and the finished store can be moved into
// place.
func tempDir(storePath string) (string, error) {
	removeStaleImports(storePath)
	return os.MkdirTemp(filepath.Dir(storePath), tempPrefix(storePath))
}

func tempPrefix(storePath string) string { return "." + filepath.Base(storePath) + ".import-" }

// removeStaleImports removes what imports killed before they finished
// left beside the store. It runs under the store's write lock, so no
// import of this store is under way.
func removeStaleImports(storePath string) {
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(storePath), tempPrefix(storePath)+"*"))
	for _, dir := range stale {
		os.RemoveAll(dir)
	}
}
