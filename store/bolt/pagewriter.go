package bolt

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"
)

// pageWriter writes a bbolt file from keys given in order, bucket by
// bucket, page after page: the bulk build's last step. Through bbolt,
// each key put was looked for in the tree being built, its node copied
// and split, and each transaction's pages written at its commit: at a
// million events some 5 s of the build's one goroutine and a third of the
// import's allocations, for a tree whose shape is known from the order of
// its keys. Written here, each leaf page is filled from the keys as they
// come, and each level of branch pages from the first keys of the level
// below.
//
// The file is bbolt's own format (version 2, as bbolt's internal/common
// lays it out): two meta pages, an empty freelist page, the buckets'
// pages, then the root bucket's page, which names the top-level buckets.
// bbolt opens it as one of its own, its check (chrono check, and
// TestPageWriterMatchesBbolt) finds every page reachable and in order,
// and every branch page has the two children bbolt's rebalancing
// asserts (TestPageWriterEveryEnding). The file is laid out in the
// machine's byte order, as bbolt lays out its own.
type pageWriter struct {
	f        *os.File
	w        *bufio.Writer
	pageSize int
	next     uint64 // the next page id to write
	// The leaf page being filled: each element's sizes, and the keys and
	// values one after another.
	leaf     []leafElem
	leafData []byte
	last     []byte // the bucket's last key, which the next must follow
	// levels[i] is branch level i above the leaves, being filled with
	// the first key and page id of each page of the level below.
	levels []*branchLevel
	// buckets is each finished bucket's name and its value in the root
	// bucket: its root page id, or the whole of an empty bucket inline.
	buckets []bucketEntry
	page    []byte // a page's worth, written out and used again
	// flushing is where in the file the kernel was last asked to start
	// writing the pages out (startWriteback).
	flushing int64
}

type leafElem struct{ flags, ksize, vsize uint32 }

// branchLevel is a level of branch pages being written. Its last full
// page is held back until the page after it has two entries: bbolt
// wants two children at least in every branch page (it asserts so when
// it rebalances one), and a level's last page may get only one, which
// the held page then shares.
type branchLevel struct {
	cur, held []branchEntry
}

// branchEntry is a child page and its first key.
type branchEntry struct {
	key  []byte
	page uint64
}

type bucketEntry struct {
	name  []byte
	value []byte
}

// What bbolt's format has besides what the store reads of it already
// (pread.go, sniff.go): the meta page's flag, version and first fields,
// a bucket's header, and bbolt's limits.
const (
	metaPageFlag     = 0x04
	bboltVersion     = 2
	metaRoot         = 16 // the root bucket: its root pgid, then its sequence
	bucketHeaderSize = 16 // root pgid uint64, sequence uint64

	maxKeySize   = 32768 // bbolt.MaxKeySize
	maxValueSize = 1<<31 - 2
	maxLevels    = 64     // each level has half the pages of the one below, or fewer
	maxPageCount = 0xFFFE // a page's element count is a uint16, which bbolt keeps below 0xFFFF
)

// writeSize is how much the writer writes at a time. The kernel caches
// what one write brings in one folio, and a fault on bbolt's mapping of
// the file maps a whole folio (folios_linux.go): written a megabyte at a
// time, the new store was read in again as small pages when next opened,
// 3.5 s of a million-event re-import's system time.
const writeSize = 64 << 10

// firstDataPage is the first page after the two meta pages and the
// freelist's.
const firstDataPage = 3

// newPageWriter creates the file at path (which must not exist) for a
// store of pages of pageSize bytes.
func newPageWriter(path string, pageSize int) (*pageWriter, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("creating the new store %s: %w", path, err)
	}
	pw := &pageWriter{f: f, w: bufio.NewWriterSize(f, writeSize), pageSize: pageSize, next: firstDataPage, page: make([]byte, pageSize)}
	// The meta and freelist pages are written last, over these.
	if _, err := pw.w.Write(make([]byte, firstDataPage*pageSize)); err != nil {
		f.Close()
		return nil, err
	}
	return pw, nil
}

// put adds a key of the bucket being written; keys come in order.
func (pw *pageWriter) put(key, value []byte) error {
	if pageHeaderSize+pageElementSize+len(key)+len(value) > pw.pageSize {
		// Written where it lies rather than copied into the leaf and a
		// page buffer: a journal entry of a revert of a million events,
		// carried over from the old store, is hundreds of megabytes.
		return pw.putFrom(key, int64(len(value)), bytes.NewReader(value))
	}
	return pw.element(key, value, 0)
}

// element adds an element with the flags to the leaf page being filled.
func (pw *pageWriter) element(key, value []byte, flags uint32) error {
	if err := pw.nextKey(key, int64(len(value))); err != nil {
		return err
	}
	size := pageHeaderSize + (len(pw.leaf)+1)*pageElementSize + len(pw.leafData) + len(key) + len(value)
	if len(pw.leaf) > 0 && (size > pw.pageSize || len(pw.leaf) == maxPageCount) {
		if err := pw.flushLeaf(); err != nil {
			return err
		}
	}
	pw.leaf = append(pw.leaf, leafElem{flags, uint32(len(key)), uint32(len(value))})
	pw.leafData = append(append(pw.leafData, key...), value...)
	return nil
}

// nextKey checks that key, with a value of size bytes, may follow the
// bucket's last, and makes it the last.
func (pw *pageWriter) nextKey(key []byte, size int64) error {
	switch {
	case len(key) == 0:
		return fmt.Errorf("an empty key")
	case len(key) > maxKeySize:
		return fmt.Errorf("a key of %d bytes", len(key))
	case size > maxValueSize:
		return fmt.Errorf("a value of %d bytes", size)
	case pw.last != nil && bytes.Equal(key, pw.last):
		return fmt.Errorf("a key twice")
	case pw.last != nil && bytes.Compare(key, pw.last) < 0:
		return fmt.Errorf("a key out of order, after %s", shortKey(pw.last))
	}
	pw.last = append(pw.last[:0], key...)
	return nil
}

// putFrom is put of a value of size bytes read from r, written into its
// pages as it is read rather than held: the journal entry of a revert of
// a million events is hundreds of megabytes. A value larger than a page
// takes a leaf page and its overflow pages of its own, as put gives it.
func (pw *pageWriter) putFrom(key []byte, size int64, r io.Reader) error {
	first := pageHeaderSize + pageElementSize + len(key)
	if int64(first)+size <= int64(pw.pageSize) {
		// It may share a leaf page: element places it.
		v := make([]byte, size)
		if n, err := io.ReadFull(r, v); err != nil {
			return fmt.Errorf("a value of %d bytes read as %d: %w", size, n, err)
		}
		return pw.element(key, v, 0)
	}
	if err := pw.nextKey(key, size); err != nil {
		return err
	}
	if len(pw.leaf) > 0 {
		if err := pw.flushLeaf(); err != nil {
			return err
		}
	}
	id := pw.next
	total := int64(first) + size
	pages := (total + int64(pw.pageSize) - 1) / int64(pw.pageSize)
	if pages-1 > 1<<32-1 {
		return fmt.Errorf("a page of %d bytes", total)
	}
	p := make([]byte, first)
	binary.NativeEndian.PutUint64(p[0:], id)
	binary.NativeEndian.PutUint16(p[8:], leafPageFlag)
	binary.NativeEndian.PutUint16(p[10:], 1)
	binary.NativeEndian.PutUint32(p[12:], uint32(pages-1))
	h := p[pageHeaderSize:]
	binary.NativeEndian.PutUint32(h[0:], 0)
	binary.NativeEndian.PutUint32(h[4:], pageElementSize)
	binary.NativeEndian.PutUint32(h[8:], uint32(len(key)))
	binary.NativeEndian.PutUint32(h[12:], uint32(size))
	copy(p[pageHeaderSize+pageElementSize:], key)
	if _, err := pw.w.Write(p); err != nil {
		return err
	}
	if n, err := io.CopyN(pw.w, r, size); err != nil {
		return fmt.Errorf("a value of %d bytes read as %d: %w", size, n, err)
	}
	pad := pages*int64(pw.pageSize) - total
	for pad > 0 {
		clear(pw.page)
		n, err := pw.w.Write(pw.page[:min(pad, int64(len(pw.page)))])
		if err != nil {
			return err
		}
		pad -= int64(n)
	}
	pw.wrote(pages)
	return pw.addToLevel(0, key, id)
}

// endBucket finishes the bucket whose keys were put since the last, and
// names it.
func (pw *pageWriter) endBucket(name []byte) error {
	pw.last = nil
	if len(pw.leaf) == 0 && len(pw.levels) == 0 {
		// An empty bucket is kept inline, as bbolt keeps a new one: its
		// header with no root page, then an empty leaf page.
		value := make([]byte, bucketHeaderSize+pageHeaderSize)
		binary.NativeEndian.PutUint16(value[bucketHeaderSize+8:], leafPageFlag)
		pw.buckets = append(pw.buckets, bucketEntry{bytes.Clone(name), value})
		return nil
	}
	if len(pw.leaf) > 0 {
		if err := pw.flushLeaf(); err != nil {
			return err
		}
	}
	// Each level is written to its end, which adds its last pages to the
	// level above, until a level holds one page: the root.
	var root uint64
	for i := 0; i < len(pw.levels); i++ {
		if i == maxLevels {
			return fmt.Errorf("the tree did not narrow in %d levels", maxLevels)
		}
		l := pw.levels[i]
		if i == len(pw.levels)-1 && len(l.held) == 0 && len(l.cur) == 1 {
			root = l.cur[0].page
			break
		}
		if len(l.cur) == 1 && len(l.held) > 0 {
			// The last page would have one child: it takes the held
			// page's last, or the held page takes it when it has two.
			if len(l.held) > 2 {
				l.cur = append([]branchEntry{l.held[len(l.held)-1]}, l.cur...)
				l.held = l.held[:len(l.held)-1]
			} else {
				l.held, l.cur = append(l.held, l.cur...), nil
			}
		}
		for _, page := range [][]branchEntry{l.held, l.cur} {
			if len(page) > 0 {
				if err := pw.writeBranch(i, page); err != nil {
					return err
				}
			}
		}
	}
	pw.levels = pw.levels[:0]
	value := make([]byte, bucketHeaderSize)
	binary.NativeEndian.PutUint64(value, root)
	pw.buckets = append(pw.buckets, bucketEntry{bytes.Clone(name), value})
	return nil
}

// flushLeaf writes the leaf page being filled, and hands its first key
// to the level above.
func (pw *pageWriter) flushLeaf() error {
	id := pw.next
	n := len(pw.leaf)
	p, err := pw.pageFor(pageHeaderSize + n*pageElementSize + len(pw.leafData))
	if err != nil {
		return err
	}
	pw.header(p, id, leafPageFlag, n)
	data := pageHeaderSize + n*pageElementSize
	copy(p[data:], pw.leafData)
	at := data
	for i, e := range pw.leaf {
		h := p[pageHeaderSize+i*pageElementSize:]
		binary.NativeEndian.PutUint32(h[0:], e.flags)
		binary.NativeEndian.PutUint32(h[4:], uint32(at-(pageHeaderSize+i*pageElementSize)))
		binary.NativeEndian.PutUint32(h[8:], e.ksize)
		binary.NativeEndian.PutUint32(h[12:], e.vsize)
		at += int(e.ksize + e.vsize)
	}
	if err := pw.writePage(p); err != nil {
		return err
	}
	err = pw.addToLevel(0, pw.leafData[:pw.leaf[0].ksize], id)
	pw.leaf, pw.leafData = pw.leaf[:0], pw.leafData[:0]
	return err
}

// addToLevel adds the page id, whose first key is key, to branch level
// i. When the page being filled is full (and has two children, however
// large their keys: a branch page may take more than a page, as bbolt
// allows), it is held, and the page held before it written.
func (pw *pageWriter) addToLevel(i int, key []byte, id uint64) error {
	if i == len(pw.levels) {
		pw.levels = append(pw.levels, &branchLevel{})
	}
	l := pw.levels[i]
	if len(l.cur) >= 2 && (branchSize(l.cur)+pageElementSize+len(key) > pw.pageSize || len(l.cur) == maxPageCount) {
		if len(l.held) > 0 {
			if err := pw.writeBranch(i, l.held); err != nil {
				return err
			}
		}
		l.held, l.cur = l.cur, l.held[:0]
	}
	l.cur = append(l.cur, branchEntry{bytes.Clone(key), id})
	return nil
}

// branchSize is the size of a branch page of the entries.
func branchSize(entries []branchEntry) int {
	size := pageHeaderSize + len(entries)*pageElementSize
	for _, e := range entries {
		size += len(e.key)
	}
	return size
}

// writeBranch writes a page of branch level i with the entries, and
// hands its first key to the level above.
func (pw *pageWriter) writeBranch(i int, entries []branchEntry) error {
	id := pw.next
	n := len(entries)
	p, err := pw.pageFor(branchSize(entries))
	if err != nil {
		return err
	}
	pw.header(p, id, branchPageFlag, n)
	at := pageHeaderSize + n*pageElementSize
	for j, e := range entries {
		h := p[pageHeaderSize+j*pageElementSize:]
		binary.NativeEndian.PutUint32(h[0:], uint32(at-(pageHeaderSize+j*pageElementSize)))
		binary.NativeEndian.PutUint32(h[4:], uint32(len(e.key)))
		binary.NativeEndian.PutUint64(h[8:], e.page)
		at += copy(p[at:], e.key)
	}
	if err := pw.writePage(p); err != nil {
		return err
	}
	return pw.addToLevel(i+1, entries[0].key, id)
}

// pageFor returns a zeroed buffer of the pages that size bytes take:
// one, or more for a single element larger than a page (bbolt's
// overflow pages).
func (pw *pageWriter) pageFor(size int) ([]byte, error) {
	pages := (size + pw.pageSize - 1) / pw.pageSize
	if pages-1 > 1<<32-1 {
		return nil, fmt.Errorf("a page of %d bytes", size)
	}
	if cap(pw.page) < pages*pw.pageSize {
		pw.page = make([]byte, pages*pw.pageSize)
	}
	p := pw.page[:pages*pw.pageSize]
	clear(p)
	return p, nil
}

// header writes a page's header: its id, flags, element count and the
// pages it overflows into.
func (pw *pageWriter) header(p []byte, id uint64, flags uint16, count int) {
	binary.NativeEndian.PutUint64(p[0:], id)
	binary.NativeEndian.PutUint16(p[8:], flags)
	binary.NativeEndian.PutUint16(p[10:], uint16(count))
	binary.NativeEndian.PutUint32(p[12:], uint32(len(p)/pw.pageSize-1))
}

// writePage writes p, one page or more, as the next.
func (pw *pageWriter) writePage(p []byte) error {
	if _, err := pw.w.Write(p); err != nil {
		return err
	}
	pw.wrote(int64(len(p) / pw.pageSize))
	return nil
}

// wrote counts the pages just written, and has the kernel send them to
// the disk as they come.
func (pw *pageWriter) wrote(pages int64) {
	pw.next += uint64(pages)
	// The pages are sent to the disk as they are written, not all at
	// the sync: a million events' store is a gigabyte, whose sync alone
	// took 2 s after the last page.
	if written := int64(pw.next)*int64(pw.pageSize) - int64(pw.w.Buffered()); written-pw.flushing >= writebackEvery {
		startWriteback(pw.f, pw.flushing, written-pw.flushing)
		pw.flushing = written
	}
}

// writebackEvery is how much of the new store is written between asking
// the kernel to send it to the disk.
const writebackEvery = 8 << 20

// close writes the root bucket's page, naming the buckets, then the
// freelist page and the meta pages, and syncs and closes the file.
// written is called once the pages are all written, before the sync.
func (pw *pageWriter) close(written func()) (err error) {
	defer func() {
		if cerr := pw.f.Close(); err == nil {
			err = cerr
		}
	}()
	switch {
	case len(pw.leaf) > 0 || len(pw.levels) > 0:
		return fmt.Errorf("a bucket was not ended")
	case len(pw.buckets) == 0:
		return fmt.Errorf("no bucket")
	}
	slices.SortFunc(pw.buckets, func(a, b bucketEntry) int { return bytes.Compare(a.name, b.name) })
	for _, b := range pw.buckets {
		if err := pw.element(b.name, b.value, bucketLeafFlag); err != nil {
			return err
		}
	}
	root := pw.next
	if err := pw.flushLeaf(); err != nil {
		return err
	}
	if l := pw.levels[0]; len(pw.levels) != 1 || len(l.held) != 0 || len(l.cur) != 1 {
		return fmt.Errorf("%d buckets do not fit on one page", len(pw.buckets))
	}
	if err := pw.w.Flush(); err != nil {
		return err
	}
	head := make([]byte, firstDataPage*pw.pageSize)
	for id := range uint64(2) {
		p := head[int(id)*pw.pageSize:]
		pw.header(p[:pw.pageSize], id, metaPageFlag, 0)
		m := p[pageHeaderSize:]
		binary.NativeEndian.PutUint32(m[0:], bboltMagic)
		binary.NativeEndian.PutUint32(m[4:], bboltVersion)
		binary.NativeEndian.PutUint32(m[8:], uint32(pw.pageSize))
		binary.NativeEndian.PutUint64(m[metaRoot:], root)
		binary.NativeEndian.PutUint64(m[metaFreelist:], 2)
		binary.NativeEndian.PutUint64(m[metaPages:], pw.next)
		binary.NativeEndian.PutUint64(m[metaTxID:], id) // even on page 0, odd on page 1
		h := fnv.New64a()
		h.Write(m[:metaChecksum])
		binary.NativeEndian.PutUint64(m[metaChecksum:], h.Sum64())
	}
	pw.header(head[2*pw.pageSize:3*pw.pageSize], 2, freelistPageFlag, 0)
	if _, err := pw.f.WriteAt(head, 0); err != nil {
		return err
	}
	if written != nil {
		written()
	}
	return pw.f.Sync()
}

// shortKey quotes a key for an error, its first bytes when it is long:
// a key may be 32 KiB.
func shortKey(key []byte) string {
	if len(key) > 48 {
		return fmt.Sprintf("%q…", key[:48])
	}
	return fmt.Sprintf("%q", key)
}
