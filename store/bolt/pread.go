package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"slices"
	"sort"
	"sync"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// Events found one by one all over the file (a filter's by links: one
// event in 29 at a million) are read with pread, not through bbolt's
// mapping. A read through the mapping faults its page in, and the kernel
// maps the 64 KB about it with it; those pages stay counted in the
// process's resident memory until the mapping is let go of, and letting
// it go makes every hot page fault in again. Paging down under a filter
// by links mapped some 100 MB of the file in a minute (the browser's
// peak went from 90 to 200 MiB); letting the mapping go every few
// windows made those keys more than twice as slow. A pread costs a few
// µs (a 16 KB page, 4–6 µs here) where a fault costs tens, and leaves
// nothing mapped.
//
// keyedOf notes the page of the events index each such event is on
// (leaves), reading the level above the leaves once for a run of
// events, so that a window reads each of its rows with one pread; the
// tree's first levels, which every descent passes through, are kept
// (pageCache). Many events (one in eight of the store's or more) are
// worked out by one pass along the events index's keys (each), which
// gives them in timeline order, with nothing to sort, and their pages.
//
// The pages read are bbolt's file format (page header, then elements;
// go.etcd.io/bbolt/internal/common), in the machine's byte order as
// bbolt writes them. A read transaction keeps every page its version
// reaches unchanged until it ends, so what pread reads during one is
// what bbolt's mapping holds. The pages kept, and the pages keyedOf
// notes, outlive the transaction: they are used only by transactions
// of the same ID in the same file (a file's versions only grow, and
// another process writes the file only when this one has let it go),
// and an import that puts a new file in place drops them (swap). A page
// not as bbolt writes it is not guessed at: the lookup goes through
// bbolt instead.

// bbolt's page layout: the page header (pageHeaderSize, sniff.go: id
// uint64, flags uint16, count uint16, overflow uint32), then count
// elements, each pointing (pos, from itself) at its key and value.
const (
	pageElementSize = 16 // branch: pos, ksize uint32, pgid uint64; leaf: flags, pos, ksize, vsize uint32
	branchPageFlag  = 0x01
	leafPageFlag    = 0x02
	bucketLeafFlag  = 0x01
)

// cachedDepth is how deep the branch pages kept go: the root, its
// children and theirs (at a million events, the ids index's whole upper
// levels and some of the events index's).
const cachedDepth = 2

// keptBytes bounds the pages a store keeps at cachedDepth. At a million
// events, the branch pages of the events index are 6.5 MB (399 pages),
// of the tags' 1.5 MB: all of them within the bound, a re-import of the
// million makes 3.1 million reads, not 3.8 million as with 2 MiB.
const keptBytes = 16 << 20

// errNotAPage is a page not laid out as bbolt lays pages out.
var errNotAPage = errors.New("not a bbolt page")

// pageCache keeps the upper pages of the trees read by pread, as of one
// version of the store (a read transaction's ID): a later version may
// have put other pages at their ids.
type pageCache struct {
	mu    sync.Mutex
	txid  int
	pages map[uint64][]byte
	bytes int
}

// page returns the page kept for txid at id, if any.
func (c *pageCache) page(txid int, id uint64) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.txid != txid {
		return nil
	}
	return c.pages[id]
}

// drop forgets every page kept: the store's file was replaced.
func (c *pageCache) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.txid, c.pages, c.bytes = 0, nil, 0
}

// keep keeps a page read at txid, dropping the pages of an older
// version, and says whether it did: a page of an older one than kept is
// not kept, nor one kept already. A page of the tree's first levels
// (always) is kept beyond keptBytes: the pages below would otherwise
// crowd them out, and they are few (the root and its children).
func (c *pageCache) keep(txid int, id uint64, p []byte, always bool) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case txid < c.txid:
		return false
	case txid > c.txid || c.pages == nil:
		c.txid, c.pages, c.bytes = txid, map[uint64][]byte{}, 0
	}
	if _, kept := c.pages[id]; kept || !always && c.bytes+len(p) > keptBytes {
		return false
	}
	c.pages[id] = p
	c.bytes += len(p)
	return true
}

// fileTrees reads buckets' trees from the store's file during a read
// transaction.
type fileTrees struct {
	file  *os.File
	tx    *bbolt.Tx
	size  int // the page size
	cache *pageCache
	// recent, when set, keeps the leaves read last (pread_leaves.go);
	// only for trees read by one goroutine.
	recent *leafRing
}

// get returns a copy of the value at key in bucket, nil when there is
// none, as bucket.Get does. A nested bucket's key is not a value (nil);
// a bucket held inside its parent's page is read through bbolt.
func (t *fileTrees) get(bucket *bbolt.Bucket, key []byte) []byte {
	if t == nil || t.file == nil {
		return bytes.Clone(bucket.Get(key))
	}
	v, err := t.lookup(uint64(bucket.Root()), key)
	if err != nil {
		return bytes.Clone(bucket.Get(key))
	}
	return v
}

// lookup finds key in the tree at root, returning a copy of its value.
func (t *fileTrees) lookup(root uint64, key []byte) ([]byte, error) {
	var v []byte
	err := t.leaf(root, key, func(p []byte, count, i int) error {
		if i == count {
			return nil
		}
		k, value, flags, _ := leafEntry(p, i)
		if bytes.Equal(k, key) && flags&bucketLeafFlag == 0 {
			v = bytes.Clone(value)
		}
		return nil
	})
	return v, err
}

// atOrBefore returns copies of the last key at or before key in the tree
// at root and of its value. When no key of the leaf that key leads to
// comes at or before it, the leaf before may hold one (bbolt's branch
// keys may be older than their children's first keys): that, and a
// nested bucket's key, are errNotAPage, and the caller asks bbolt.
func (t *fileTrees) atOrBefore(root uint64, key []byte) (k, v []byte, err error) {
	err = t.leaf(root, key, func(p []byte, count, i int) error {
		if i == count || !bytes.Equal(leafKey(p, i), key) {
			i--
		}
		if i < 0 {
			return errNotAPage
		}
		found, value, flags, _ := leafEntry(p, i)
		if flags&bucketLeafFlag != 0 {
			return errNotAPage
		}
		k, v = bytes.Clone(found), bytes.Clone(value)
		return nil
	})
	return k, v, err
}

// leafKey returns the key of element i of a leaf page whose elements
// leafSearch has checked.
func leafKey(p []byte, i int) []byte {
	k, _, _, _ := leafEntry(p, i)
	return k
}

// leaf descends the tree at root to the leaf page that key is on or
// would be on, and calls at with the page, its count of elements and
// the place of the first key at or after key.
func (t *fileTrees) leaf(root uint64, key []byte, at func(p []byte, count, i int) error) error {
	if root == 0 {
		return errNotAPage // inline: within its parent's page
	}
	id := root
	for depth := 0; depth <= maxDepth; depth++ {
		p, pooled, err := t.page(id, depth)
		if err != nil {
			return err
		}
		if pooled {
			defer putPage(p)
		}
		switch flags, count, ok := pageKind(p); {
		case !ok:
			return errNotAPage
		case flags == branchPageFlag:
			if id, ok = branchChild(p, count, key, false); !ok {
				return errNotAPage
			}
		case flags == leafPageFlag:
			i, ok := leafSearch(p, count, key)
			if !ok {
				return errNotAPage
			}
			return at(p, count, i)
		default:
			return errNotAPage
		}
	}
	return errNotAPage
}

// maxDepth is deeper than any store's tree: a page that leads deeper is
// a loop.
const maxDepth = 64

// pageKind returns a page's flags and how many elements it holds, and
// false when they do not fit in it.
func pageKind(p []byte) (flags uint16, count int, ok bool) {
	flags = binary.NativeEndian.Uint16(p[8:])
	count = int(binary.NativeEndian.Uint16(p[10:]))
	return flags, count, count > 0 && pageHeaderSize+count*pageElementSize <= len(p)
}

// branchChild returns the child of a branch page that key is under: the
// last whose first key is at or before key (the first when none is), as
// bbolt's cursor descends. With head, key is the head of a key (its
// first bytes), and the children's first keys are cut to its length, so
// that an event first on its leaf is found there, not on the leaf
// before; a head that several children's first keys begin with leads to
// the last of them.
func branchChild(p []byte, count int, key []byte, head bool) (uint64, bool) {
	bad := false
	i := sort.Search(count, func(i int) bool {
		k, ok := branchKey(p, i)
		bad = bad || !ok
		if head {
			k = k[:min(len(k), len(key))]
		}
		return bytes.Compare(k, key) > 0
	})
	if bad {
		return 0, false
	}
	if i > 0 {
		i--
	}
	return binary.NativeEndian.Uint64(p[pageHeaderSize+i*pageElementSize+8:]), true
}

// leafSearch returns the place of the first key at or after key on a
// leaf page (count when there is none).
func leafSearch(p []byte, count int, key []byte) (int, bool) {
	bad := false
	i := sort.Search(count, func(i int) bool {
		k, _, _, ok := leafEntry(p, i)
		bad = bad || !ok
		return bytes.Compare(k, key) >= 0
	})
	return i, !bad
}

// branchKey returns the key of element i of a branch page.
func branchKey(p []byte, i int) ([]byte, bool) {
	at := pageHeaderSize + i*pageElementSize
	start := uint64(at) + uint64(binary.NativeEndian.Uint32(p[at:]))
	end := start + uint64(binary.NativeEndian.Uint32(p[at+4:]))
	if end > uint64(len(p)) {
		return nil, false
	}
	return p[start:end], true
}

// leafEntry returns the key, value and flags of element i of a leaf
// page.
func leafEntry(p []byte, i int) (key, value []byte, flags uint32, ok bool) {
	at := pageHeaderSize + i*pageElementSize
	flags = binary.NativeEndian.Uint32(p[at:])
	start := uint64(at) + uint64(binary.NativeEndian.Uint32(p[at+4:]))
	mid := start + uint64(binary.NativeEndian.Uint32(p[at+8:]))
	end := mid + uint64(binary.NativeEndian.Uint32(p[at+12:]))
	if end > uint64(len(p)) {
		return nil, nil, 0, false
	}
	return p[start:mid], p[mid:end], flags, true
}

// height returns how many levels the tree at root has (1: the root is
// its only leaf), down its first children.
func (t *fileTrees) height(root uint64) (int, error) {
	id := root
	for depth := 0; depth <= maxDepth; depth++ {
		p, pooled, err := t.page(id, depth)
		if err != nil {
			return 0, err
		}
		flags, _, ok := pageKind(p)
		if ok && flags == branchPageFlag {
			id = binary.NativeEndian.Uint64(p[pageHeaderSize+8:])
		}
		if pooled {
			putPage(p)
		}
		switch {
		case !ok:
			return 0, errNotAPage
		case flags == leafPageFlag:
			return depth + 1, nil
		case flags != branchPageFlag:
			return 0, errNotAPage
		}
	}
	return 0, errNotAPage
}

// leaves returns the page of the tree at root that each of keys, given
// in order, falls on: where a lookup of it goes. The page above a run
// of leaves is read once for the run.
func (t *fileTrees) leaves(root uint64, keys func(yield func([]byte) bool)) ([]uint32, error) {
	if root == 0 {
		return nil, errNotAPage
	}
	h, err := t.height(root)
	if err != nil {
		return nil, err
	}
	var out []uint32
	var parent uint64
	var above []byte // the page at parent, the pool's when pooled
	pooled := false
	defer func() {
		if pooled {
			putPage(above)
		}
	}()
	for key := range keys {
		id := root
		for depth := 0; depth < h-1; depth++ {
			fresh := depth < h-2 || id != parent || above == nil
			p, mine := above, false
			if fresh {
				if p, mine, err = t.page(id, depth); err != nil {
					return nil, err
				}
			}
			flags, count, ok := pageKind(p)
			if !ok || flags != branchPageFlag {
				return nil, errNotAPage
			}
			next, ok := branchChild(p, count, key, true)
			if !ok {
				return nil, errNotAPage
			}
			switch {
			case fresh && depth == h-2:
				if pooled {
					putPage(above)
				}
				parent, above, pooled = id, p, mine
			case fresh && mine:
				putPage(p)
			}
			id = next
		}
		if id > math.MaxUint32 {
			return nil, errNotAPage
		}
		out = append(out, uint32(id))
	}
	return out, nil
}

// each calls fn with every key of the tree at root, in order, and the
// leaf it is on; the key is valid only during the call. A nested
// bucket's key is passed over. Only the keys are read: a leaf's first
// page, and a key that lies beyond it (after a value longer than a
// page) on its own, so that a store's largest events are not read
// whole. Its pages are not kept. A tree whose keys do not come in order
// (a damaged one) is an error.
func (t *fileTrees) each(root uint64, fn func(key []byte, leaf uint64)) error {
	if root == 0 {
		return errNotAPage
	}
	var last, scratch []byte // the last key passed, and one read alone
	var walk func(id uint64, depth int) error
	walk = func(id uint64, depth int) error {
		if depth > maxDepth {
			return errNotAPage
		}
		p, over, err := t.firstPage(id)
		if err != nil {
			return err
		}
		whole := (over + 1) * uint64(t.size)
		if flags, _, _ := pageKind(p); flags == branchPageFlag && over > 0 {
			// Its elements go on past the first page: read it whole.
			putPage(p)
			if p, _, err = t.page(id, maxDepth); err != nil {
				return err
			}
		} else {
			defer putPage(p)
		}
		flags, count, ok := pageKind(p)
		switch {
		case !ok:
			return errNotAPage
		case flags == branchPageFlag:
			for i := range count {
				child := binary.NativeEndian.Uint64(p[pageHeaderSize+i*pageElementSize+8:])
				if err := walk(child, depth+1); err != nil {
					return err
				}
			}
		case flags == leafPageFlag:
			for i := range count {
				at := pageHeaderSize + i*pageElementSize
				flags := binary.NativeEndian.Uint32(p[at:])
				start := uint64(at) + uint64(binary.NativeEndian.Uint32(p[at+4:]))
				end := start + uint64(binary.NativeEndian.Uint32(p[at+8:]))
				var k []byte
				switch {
				case end <= uint64(len(p)):
					k = p[start:end]
				case end > whole:
					return errNotAPage
				default:
					scratch = slices.Grow(scratch[:0], int(end-start))[:end-start]
					if _, err := t.file.ReadAt(scratch, int64(id)*int64(t.size)+int64(start)); err != nil {
						return err
					}
					k = scratch
				}
				if last != nil && bytes.Compare(k, last) <= 0 {
					return errNotAPage
				}
				last = append(last[:0], k...)
				if flags&bucketLeafFlag == 0 {
					fn(k, id)
				}
			}
		default:
			return errNotAPage
		}
		return nil
	}
	return walk(root, 0)
}

// eventOn returns copies of the key and value of the event with id on
// the leaf at pgid (the value only when asked for), or nils when it is
// not there.
func (t *fileTrees) eventOn(pgid uint64, id string, withValue bool) (key, value []byte, err error) {
	p, pooled, err := t.page(pgid, maxDepth)
	if err != nil {
		return nil, nil, err
	}
	if pooled {
		defer putPage(p)
	}
	flags, count, ok := pageKind(p)
	if !ok || flags != leafPageFlag {
		return nil, nil, errNotAPage
	}
	for i := range count {
		k, v, flags, ok := leafEntry(p, i)
		if !ok {
			return nil, nil, errNotAPage
		}
		if flags&bucketLeafFlag != 0 || !model.OrderKeyHasID(k, id) {
			continue
		}
		if !withValue {
			return bytes.Clone(k), nil, nil
		}
		both := make([]byte, len(k)+len(v))
		copy(both, k)
		copy(both[len(k):], v)
		return both[:len(k):len(k)], both[len(k):], nil
	}
	return nil, nil, nil
}

// pagePool holds buffers of one page for the pages not kept: a lookup
// reads two or more and gives each back when it has its value.
var pagePool sync.Pool

// putPage gives a page's buffer back to pagePool. The pool keeps a
// pointer to its own copy of the slice, never to a variable the caller
// goes on using.
func putPage(p []byte) { pagePool.Put(&p) }

// minPageSize is the smallest page size read: bbolt's pages are the
// system's (4 KB and more) or what the store asked for (16 KB).
const minPageSize = 1 << 10

// maxPageBytes bounds what one page with its overflow may take, above
// the largest record a store holds: a count beyond it is damage, and is
// not read.
const maxPageBytes = 256 << 20

// page returns the page at id, whole (with its overflow), from the
// cache when it is kept; pooled says it is pagePool's, to give back.
// Only the branch pages of the tree's first levels are kept.
func (t *fileTrees) page(id uint64, depth int) (p []byte, pooled bool, err error) {
	txid := t.tx.ID()
	if p := t.cache.page(txid, id); p != nil {
		return p, false, nil
	}
	if t.recent != nil {
		if p := t.recent.page(id); p != nil {
			return p, false, nil
		}
	}
	p, over, err := t.firstPage(id)
	if err != nil {
		return nil, false, err
	}
	if over > 0 {
		whole := make([]byte, (over+1)*uint64(t.size))
		copy(whole, p)
		putPage(p)
		if _, err := t.file.ReadAt(whole[t.size:], int64(id+1)*int64(t.size)); err != nil {
			return nil, false, err
		}
		return whole, false, nil
	}
	flags, _, ok := pageKind(p)
	if ok && flags == branchPageFlag && depth <= cachedDepth &&
		t.cache.keep(txid, id, p, depth < cachedDepth) {
		return p, false, nil
	}
	if ok && flags == leafPageFlag && t.recent != nil {
		t.recent.keep(id, p)
		return p, false, nil
	}
	return p, true, nil
}

// firstPage reads the first page of the page at id into one of
// pagePool's buffers, and says how many overflow pages follow it.
func (t *fileTrees) firstPage(id uint64) (p []byte, over uint64, err error) {
	pages := uint64(t.tx.Size()) / uint64(t.size)
	if id >= pages {
		return nil, 0, errNotAPage
	}
	if got, ok := pagePool.Get().(*[]byte); ok && len(*got) == t.size {
		p = *got
	} else {
		p = make([]byte, t.size)
	}
	if _, err := t.file.ReadAt(p, int64(id)*int64(t.size)); err != nil {
		return nil, 0, err
	}
	over = uint64(binary.NativeEndian.Uint32(p[12:]))
	if binary.NativeEndian.Uint64(p) != id || over >= pages-id || (over+1)*uint64(t.size) > maxPageBytes {
		putPage(p)
		return nil, 0, errNotAPage
	}
	return p, over, nil
}
