// Package extsort sorts the records of a large import by key, more of
// them than fit in memory: a Sorter holds records up to a limit, spills
// them sorted to run files, and hands back the runs and what it still
// holds as streams, which a Merge reads as one, in key order, keeping for
// each key the record that wins.
//
// It is a package of its own, not a file of the store's, because it is a
// whole algorithm with a small surface (Add, Streams, Merge) that knows
// nothing of bbolt or of the store's layout: a record's key is opaque
// bytes after a one-byte group (the store's bucket letter), and ranks say
// which of a key's records wins. Its tests sort without a store.
package extsort

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// A large import does not write into the store's B+trees in the order the
// file gives its events (bbolt writes keys in random order several times
// slower, and leaves its pages half full); it sorts every key it will
// write, spilling sorted runs to disk, and the build then writes each
// bucket from first key to last.

// Rank says which record wins when several have the same key.
type Rank byte

// Ranks, from the weakest: the store's old content, then what the import
// deletes, then what it writes; then what amends and retracts the
// import's own records, once every record is known. A record of RankOld
// holds a value that stays where it is until the merge ends (the old
// store's, mapped): EachAhead passes a large one on without copying it.
const (
	RankOld     Rank = 0
	RankDelete  Rank = 1
	RankNew     Rank = 2
	RankAmend   Rank = 3
	RankRetract Rank = 4
)

// deletes reports whether a record of the rank takes its key out.
func (r Rank) deletes() bool { return r == RankDelete || r == RankRetract }

// Record is one key of the store being built: a bucket letter and the
// key within the bucket, its value, and its rank.
type Record struct {
	Key   []byte // bucket letter, then the key
	Value []byte
	Rank  Rank
}

// Compare orders records by key, and records with the same key by
// rank, highest first, so that the first of a key is the one that wins.
func Compare(a, b *Record) int {
	if c := bytes.Compare(a.Key, b.Key); c != 0 {
		return c
	}
	return int(b.Rank) - int(a.Rank)
}

// Sorter collects records in memory up to a limit, then writes them
// sorted to a run file in dir; reading merges the runs.
//
// A full buffer is sorted and written by a goroutine of its own while the
// other buffer fills, so that sorting overlaps reading the import.
type Sorter struct {
	dir   string
	limit int
	arena []byte      // encoded records (see Add)
	offs  []sortEntry // each Record in arena, as sorting needs it
	// What sorted spreads a share of offs into before copying it back.
	scratch []sortEntry
	runs    []string
	bytes   int64 // of all records added
	// The buffer being spilled in the background, and the outcome.
	spareArena []byte
	spareOffs  []sortEntry
	spilling   chan error
	inOrder    bool // the records in memory are sorted (Streams)
	last       bool // LastStreams has let go of the runs as it read them
	// Where the records of one group land in the runs (notes.go).
	noting     bool
	noteLetter byte
	notes      *os.File
	notesOut   *bufio.Writer
	base       int // the number of the first run this sorter spills
	started    int // where the record Value started is in arena
}

// sortEntry is a Record in the arena, with the first bytes of its key
// as numbers (most comparisons end there), where its key is and where
// it ends (its rank is its last byte), so that neither sorting nor
// spilling decodes a Record.
type sortEntry struct {
	prefix [prefixWords]uint64
	off    int32 // the Record's start
	keyAt  int32 // its key's start (after the bucket letter)
	keyLen int32
	end    int32 // just past its rank
}

// prefixWords is how many 8-byte words of a record's letter and key its
// entry holds. An order key gives 24 bytes to an event's dates, and an
// index entry's key puts a tag or a name before them: with 16 bytes,
// the events of one day, and a tag's entries of nearby dates, compared
// their keys whole, which was most of the sort.
const prefixWords = 4

// prefixLen is how many bytes of a record's key its prefix holds.
const prefixLen = 8*prefixWords - 1

// New returns a Sorter that spills to run files in dir whenever it holds
// limit bytes of records.
func New(dir string, limit int) *Sorter { return &Sorter{dir: dir, limit: limit} }

// keyPrefix is the bucket letter and the first prefixLen bytes of a
// key, big-endian, zero-padded.
func keyPrefix(bucket byte, key []byte) [prefixWords]uint64 {
	var b [8 * prefixWords]byte
	b[0] = bucket
	copy(b[1:], key)
	var p [prefixWords]uint64
	for i := range p {
		p[i] = binary.BigEndian.Uint64(b[8*i:])
	}
	return p
}

// Add adds a record for key in the bucket with the given letter. It
// copies key and value.
func (s *Sorter) Add(bucket byte, key, value []byte, rank Rank) error {
	if s.arena == nil {
		// Grown once, to the limit and a record's worth more: growing by
		// appending would copy it again and again.
		s.arena = make([]byte, 0, s.limit+64<<10)
	}
	off := len(s.arena)
	s.arena = appendRecord(s.arena, bucket, key, value, rank)
	keyAt := off + uvarintLen(uint64(1+len(key))) + 1
	s.offs = append(s.offs, sortEntry{prefix: keyPrefix(bucket, key), off: int32(off), keyAt: int32(keyAt), keyLen: int32(len(key)), end: int32(len(s.arena))})
	s.bytes += int64(len(key) + len(value))
	if len(s.arena) >= s.limit {
		return s.spillInBackground()
	}
	return nil
}

// Value starts a record for key in the bucket with the given letter
// whose value the caller appends in place, to the slice returned, and
// hands to AddValue: an import's events are most of its bytes, and
// encoding each apart and copying it in cost a copy of them all. Add
// nothing else between the two calls.
func (s *Sorter) Value(bucket byte, key []byte) []byte {
	if s.arena == nil {
		s.arena = make([]byte, 0, s.limit+64<<10) // as Add
	}
	s.started = len(s.arena)
	s.arena = binary.AppendUvarint(s.arena, uint64(1+len(key)))
	s.arena = append(s.arena, bucket)
	s.arena = append(s.arena, key...)
	// The value's length in three bytes, written when it is known: a
	// uvarint need not be in its fewest bytes for binary.Uvarint to
	// read it.
	s.arena = append(s.arena, 0x80, 0x80, 0)
	return s.arena
}

// AddValue adds the record Value started, whose value is what the caller
// appended to the slice Value returned.
func (s *Sorter) AddValue(b []byte, rank Rank) error {
	off := s.started
	kl, n := binary.Uvarint(b[off:])
	keyAt := off + n + 1
	lenAt := off + n + int(kl)
	valueAt := lenAt + 3
	vl := len(b) - valueAt
	if vl < 1<<21 {
		b[lenAt], b[lenAt+1], b[lenAt+2] = byte(vl)|0x80, byte(vl>>7)|0x80, byte(vl>>14)
	} else {
		// Too long for three bytes: the value moves up to make room.
		more := uvarintLen(uint64(vl)) - 3
		b = slices.Grow(b, more)[:len(b)+more]
		copy(b[valueAt+more:], b[valueAt:valueAt+vl])
		binary.PutUvarint(b[lenAt:], uint64(vl))
	}
	b = append(b, byte(rank))
	s.arena = b
	bucket := b[keyAt-1]
	key := b[keyAt : keyAt+int(kl)-1]
	s.offs = append(s.offs, sortEntry{prefix: keyPrefix(bucket, key), off: int32(off), keyAt: int32(keyAt), keyLen: int32(len(key)), end: int32(len(s.arena))})
	s.bytes += int64(len(key) + vl)
	if len(s.arena) >= s.limit {
		return s.spillInBackground()
	}
	return nil
}

// appendRecord appends a record as the sorter's buffer and its runs hold
// it (recordIn reads it): its key's length with the letter, the letter,
// the key, its value's length, the value, its rank.
func appendRecord(dst []byte, bucket byte, key, value []byte, rank Rank) []byte {
	dst = binary.AppendUvarint(dst, uint64(1+len(key)))
	dst = append(dst, bucket)
	dst = append(dst, key...)
	dst = binary.AppendUvarint(dst, uint64(len(value)))
	dst = append(dst, value...)
	return append(dst, byte(rank))
}

// uvarintLen is how many bytes binary.AppendUvarint writes for x.
func uvarintLen(x uint64) int {
	n := 1
	for ; x >= 0x80; x >>= 7 {
		n++
	}
	return n
}

// spillInBackground hands the full buffer to a goroutine that sorts and
// writes it, and goes on with the other buffer, once the goroutine has
// finished with it.
func (s *Sorter) spillInBackground() error {
	if err := s.wait(); err != nil {
		return err
	}
	if err := s.openNotes(); err != nil {
		return err
	}
	full := &Sorter{dir: s.dir, arena: s.arena, offs: s.offs, scratch: s.scratch, noting: s.noting, noteLetter: s.noteLetter, notes: s.notes, notesOut: s.notesOut, base: len(s.runs)}
	s.scratch = nil // the spill's, until it is done
	s.arena, s.offs = s.spareArena[:0], s.spareOffs[:0]
	if s.arena == nil {
		s.arena = make([]byte, 0, cap(full.arena))
	}
	done := make(chan error, 1)
	s.spilling = done
	go func() {
		err := full.spill()
		s.runs = append(s.runs, full.runs...) // read only after wait
		s.spareArena, s.spareOffs, s.scratch = full.arena, full.offs, full.scratch
		done <- err
	}()
	return nil
}

// wait waits for a background spill to finish.
func (s *Sorter) wait() error {
	if s.spilling == nil {
		return nil
	}
	err := <-s.spilling
	s.spilling = nil
	return err
}

// sorted sorts the records in memory: spread by the bytes of their
// prefix (their bucket's letter first), keeping the order they came in,
// then each small share by comparing. An import's records of one bucket
// often come in order (ids and their history entries in a file listed by
// id, events in one listed by date), which comparing passes over in one
// look, but not among the other buckets'.
func (s *Sorter) sorted() {
	if len(s.offs) > 1 {
		s.sortFrom(s.offs, 0)
	}
}

// radixAbove is how many records sortFrom spreads by a byte of their
// prefix, rather than sorting them by comparing.
const radixAbove = 256

// sortFrom sorts es, whose prefixes' first d bytes are the same. Above
// radixAbove records it spreads them by their prefixes' next byte that
// differs, and sorts each share: comparing prefixes a word at a time
// passes over the bytes they share again and again, and was most of the
// sort.
func (s *Sorter) sortFrom(es []sortEntry, d int) {
	for ; len(es) > radixAbove && d < 8*prefixWords; d++ {
		var first [257]int
		for i := range es {
			first[int(prefixByte(&es[i], d))+1]++
		}
		if first[int(prefixByte(&es[0], d))+1] == len(es) {
			// All the same there: on to the next byte where they differ,
			// found in one look rather than a count for each byte they
			// share (a long tag's index entries share all of them).
			d = firstDiffering(es, d+1) - 1
			continue
		}
		for b := range 256 {
			first[b+1] += first[b]
		}
		by := slices.Grow(s.scratch[:0], len(es))[:len(es)]
		next := first
		for _, e := range es {
			b := prefixByte(&e, d)
			by[next[b]] = e
			next[b]++
		}
		copy(es, by)
		s.scratch = by
		for b := range 256 {
			if first[b+1]-first[b] > 1 {
				s.sortFrom(es[first[b]:first[b+1]], d+1)
			}
		}
		return
	}
	slices.SortFunc(es, s.compare)
}

// firstDiffering returns the first byte from d on where the prefixes of
// es differ, or 8*prefixWords.
func firstDiffering(es []sortEntry, d int) int {
	var differ [prefixWords]uint64
	p := es[0].prefix
	for i := range es {
		for w := range differ {
			differ[w] |= es[i].prefix[w] ^ p[w]
		}
	}
	for ; d < 8*prefixWords; d++ {
		if byte(differ[d/8]>>(56-8*(d%8))) != 0 {
			break
		}
	}
	return d
}

// prefixByte is the byte d of e's prefix.
func prefixByte(e *sortEntry, d int) byte {
	return byte(e.prefix[d/8] >> (56 - 8*(d%8)))
}

// compare orders two records in memory as Compare orders them.
func (s *Sorter) compare(a, b sortEntry) int {
	for i := range a.prefix {
		if a.prefix[i] != b.prefix[i] {
			if a.prefix[i] < b.prefix[i] {
				return -1
			}
			return 1
		}
	}
	// The keys' first bytes are the same: compared from past them.
	k := min(prefixLen, a.keyLen, b.keyLen)
	if c := bytes.Compare(s.arena[a.keyAt+k:a.keyAt+a.keyLen], s.arena[b.keyAt+k:b.keyAt+b.keyLen]); c != 0 {
		return c
	}
	return int(s.arena[b.end-1]) - int(s.arena[a.end-1]) // the higher rank first, as Compare
}

// spill writes the records in memory, sorted, to a new run file.
func (s *Sorter) spill() error {
	if len(s.offs) == 0 {
		return nil
	}
	s.sorted()
	f, err := os.CreateTemp(s.dir, "run-*")
	if err != nil {
		return fmt.Errorf("sorting the import: %w", err)
	}
	run := s.base + len(s.runs)
	s.runs = append(s.runs, f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	for _, e := range s.offs {
		if _, err := w.Write(s.arena[e.off:e.end]); err != nil {
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
	if s.noting {
		if err := s.note(run); err != nil {
			return fmt.Errorf("sorting the import: %w", err)
		}
	}
	s.arena, s.offs = s.arena[:0], s.offs[:0]
	return nil
}

// Streams returns the sorted streams of everything added: one per run
// file, and, for a sorter that never spilled, one for what it holds in
// memory (a sorter that spilled writes that to one more run first). Add
// no more after it; it may be called again, for streams from the start,
// until LastStreams.
func (s *Sorter) Streams() ([]Stream, error) { return s.streams(false) }

// LastStreams is Streams for the last reading of the records: each run
// file gives its pages back to the system as it is read past, so that
// the store written from them takes memory just let go of rather than
// memory the system must find anew (the runs of a million events are a
// gigabyte). The runs cannot be read again after it.
func (s *Sorter) LastStreams() ([]Stream, error) { return s.streams(true) }

func (s *Sorter) streams(free bool) ([]Stream, error) {
	if err := s.wait(); err != nil {
		return nil, err
	}
	if s.last && len(s.runs) > 0 {
		// Their pages are gone: they would read as records of zeros.
		return nil, errors.New("sorting the import: the sorted runs were read for the last time already")
	}
	s.last = free
	s.spareArena, s.spareOffs = nil, nil // no more to fill: let the collector have it
	if len(s.runs) > 0 {
		// A sorter that has spilled before spills the rest too (when
		// there is any), and lets go of its buffer, so that a large
		// import does not hold it while the runs are merged: at a
		// million events that buffer was a third of the heap, and the
		// collector ran without pause under the import's memory limit.
		if err := s.spill(); err != nil {
			return nil, err
		}
		s.arena, s.offs, s.scratch = nil, nil, nil
	}
	var out []Stream
	for _, name := range s.runs {
		flag := os.O_RDONLY
		if free {
			flag = os.O_RDWR // to let go of its pages
		}
		f, err := os.OpenFile(name, flag, 0)
		if err != nil {
			CloseStreams(out)
			return nil, err
		}
		var r io.Reader = f
		if free {
			r = &freeing{f: f}
		}
		rs := &runStream{f: f, r: bufio.NewReaderSize(r, 256<<10)}
		if err := rs.Next(); err != nil {
			f.Close()
			CloseStreams(out)
			return nil, err
		}
		out = append(out, rs)
	}
	if len(s.offs) > 0 {
		if !s.inOrder {
			s.sorted()
			s.inOrder = true
		}
		out = append(out, &memStream{s: s, i: -1})
		out[len(out)-1].Next()
	}
	return out, nil
}

// Bytes returns the size of the keys and values of every record added.
func (s *Sorter) Bytes() int64 { return s.bytes }

// Remove deletes the run files and lets go of the records in memory;
// the streams must be closed before.
func (s *Sorter) Remove() {
	s.wait()
	for _, name := range s.runs {
		os.Remove(name)
	}
	s.runs = nil
	s.arena, s.offs, s.spareArena, s.spareOffs, s.scratch = nil, nil, nil, nil, nil
	if s.notes != nil {
		s.notes.Close()
		os.Remove(s.notes.Name())
		s.notes, s.notesOut = nil, nil
	}
}

// Stream is a source of records in order (Compare).
type Stream interface {
	// Head returns the current record; ok is false at the end. The
	// record is valid until Next.
	Head() (r *Record, ok bool)
	// Next moves to the next record.
	Next() error
	Close()
}

// CloseStreams closes every stream of ss.
func CloseStreams(ss []Stream) {
	for _, s := range ss {
		s.Close()
	}
}

// List is a Stream over records held in memory, in order.
type List struct {
	Records []Record
	i       int
}

// Head implements Stream.
func (l *List) Head() (*Record, bool) {
	if l.i >= len(l.Records) {
		return nil, false
	}
	return &l.Records[l.i], true
}

// Next implements Stream.
func (l *List) Next() error { l.i++; return nil }

// Close implements Stream.
func (l *List) Close() {}

// memStream reads the records the Sorter still holds, in order.
type memStream struct {
	s   *Sorter
	i   int
	cur Record
}

func (m *memStream) Head() (*Record, bool) { return &m.cur, m.i < len(m.s.offs) }

func (m *memStream) Next() error {
	m.i++
	if m.i < len(m.s.offs) {
		m.cur, _, _ = recordIn(m.s.arena[m.s.offs[m.i].off:])
	}
	return nil
}

func (m *memStream) Close() {}

// runStream reads a run file.
type runStream struct {
	f   *os.File
	r   *bufio.Reader
	cur Record
	end bool
	buf []byte
}

func (rs *runStream) Head() (*Record, bool) { return &rs.cur, !rs.end }

func (rs *runStream) Next() error {
	// A record the reader holds whole is read in place: copying each
	// out was a sixth of the merge that builds a million events' store.
	// It stays valid until the next call, the first to read more.
	if b, _ := rs.r.Peek(rs.r.Buffered()); len(b) > 0 {
		if r, n, ok := recordIn(b); ok {
			rs.cur = r
			_, err := rs.r.Discard(n)
			return err
		}
	}
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
	rs.cur = Record{Key: key, Value: rest[:vl], Rank: Rank(rest[vl])}
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

func (rs *runStream) Close() { rs.f.Close() }

// recordIn decodes the record at the start of b, as Add encodes it (in
// the sorter's buffer and in a run), when b holds it whole, and returns
// how many bytes it takes.
func recordIn(b []byte) (r Record, n int, ok bool) {
	kl, i := binary.Uvarint(b)
	if i <= 0 || kl > uint64(len(b)-i) {
		return r, 0, false
	}
	key := b[i : i+int(kl)]
	i += int(kl)
	vl, j := binary.Uvarint(b[i:])
	if j <= 0 || vl >= uint64(len(b)-i-j) { // the value, and the rank after it
		return r, 0, false
	}
	i += j
	return Record{Key: key, Value: b[i : i+int(vl)], Rank: Rank(b[i+int(vl)])}, i + int(vl) + 1, true
}

// Merge yields the records of several streams in order, one per key: the
// one that wins (Compare), unless that one deletes the key.
//
// The streams play in a tree of losers: each inner node keeps the stream
// that lost the match played there, the root's winner is the next
// record, and a stream moved on replays only the matches on its way to
// the root, one comparison each. A heap took two a level: the
// comparisons were most of a million events' merge.
type Merge struct {
	streams []Stream
	heads   []*Record // each stream's head, nil at its end
	tree    []int     // tree[0]: the winner; tree[1:]: the losers
}

// NewMerge returns the merge of ss, which it reads from their heads on.
func NewMerge(ss []Stream) *Merge {
	m := &Merge{streams: ss, heads: make([]*Record, len(ss)), tree: make([]int, len(ss))}
	for i, s := range ss {
		if r, ok := s.Head(); ok {
			m.heads[i] = r
		}
		m.tree[i] = -1 // no stream has come to the node yet
	}
	for i := len(ss) - 1; i >= 0; i-- {
		m.replay(i)
	}
	return m
}

// beats reports whether stream a's head comes before stream b's: an
// ended stream comes after every other.
func (m *Merge) beats(a, b int) bool {
	ha, hb := m.heads[a], m.heads[b]
	switch {
	case ha == nil:
		return false
	case hb == nil:
		return true
	}
	return Compare(ha, hb) < 0
}

// replay plays stream i's way up from its leaf (tree node len+i) to the
// root. While the tree is built, the first stream to reach a node waits
// there for the other side's.
func (m *Merge) replay(i int) {
	winner := i
	for node := (len(m.tree) + i) / 2; node > 0; node /= 2 {
		switch other := m.tree[node]; {
		case other < 0:
			m.tree[node] = winner
			return
		case m.beats(other, winner):
			m.tree[node], winner = winner, other
		}
	}
	m.tree[0] = winner
}

// top returns the winning stream's head, nil when every stream has ended.
func (m *Merge) top() *Record {
	if len(m.tree) == 0 {
		return nil
	}
	return m.heads[m.tree[0]]
}

// advance moves the winning stream on.
func (m *Merge) advance() error {
	i := m.tree[0]
	if err := m.streams[i].Next(); err != nil {
		return err
	}
	m.heads[i] = nil
	if r, ok := m.streams[i].Head(); ok {
		m.heads[i] = r
	}
	m.replay(i)
	return nil
}

// Each calls fn with each key's winning record, in key order. The record
// is valid only during the call.
func (m *Merge) Each(fn func(r *Record) error) error {
	var key []byte
	for top := m.top(); top != nil; top = m.top() {
		if key != nil && bytes.Equal(top.Key, key) {
			// A Record that lost to the one before it.
			if err := m.advance(); err != nil {
				return err
			}
			continue
		}
		key = append(key[:0], top.Key...)
		if !top.Rank.deletes() {
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
