package bolt

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// A query by links or by ids has no index of its own: the links index
// names the linked events by id, a filter to a set names them by id, and
// each would have to be found among all the events. Their places in the
// timeline are therefore worked out once for a version of the store and
// kept (keyed), so that a window, a count, a position or the ruler under
// such a filter reads only them: at a million events, a filter that
// passed every event on each key (up to 0.8 s) takes milliseconds.
//
// What is kept is small: the events' ids in timeline order, as indexes
// into the ids the query gave or the links index named, and the periods
// they count in. An event's order key is looked up by its id when it is
// read (the ids index), a few dozen for a window: keeping the keys
// themselves would hold 50 MB for the half of a million events a
// filter to the ↯ set may name.
//
// A lookup in the ids index reads a page of it that nothing else reads,
// all over the file; at a million events mapping each such page in took
// some 10 µs, most of the time a window under a link filter took (1.1
// of 1.9 ms for 120 rows). So a window finds its events in the pages
// their values are read from anyway. A few events (keptHeads) keep the
// first bytes of their keys, which the sort reads anyway, and each is
// found by seeking the events index to it. Events close together (dense:
// one in eight or more) are found by walking the events index from one
// to the next (keyedEvents). Events too many for heads and too far apart
// to walk to are read with pread from the page of the events index each
// is on, which working them out notes (leaves, pread.go): read through
// the mapping, each left its pages mapped, and paging under such a
// filter took the browser's memory from 90 to 200 MiB. Only those not
// on their page (a key that begins as another's does for a whole head)
// are looked up by id.

// keyed is the stored events among some ids, in timeline order, as of
// one version of the store.
type keyed struct {
	// ids are the ids, sorted (the list a query gave, when it was). The
	// ids the store found itself (a link's) are kept as text instead,
	// the end of each in ends.
	ids  []string
	text string
	ends []uint32
	// order is the stored events, as indexes into ids, in timeline order.
	order   []int32
	periods []model.Period
	// dense is whether one event in denseEvery or more of the store's
	// is among them.
	dense bool
	// heads holds, for as few events as keptHeads, the first headLen
	// bytes of each one's order key (fewer when the key is shorter,
	// their number in the byte after them), by index into ids.
	heads []byte
	// leaves holds, for events too many for heads and too far apart to
	// walk to, the page of the events index each is on, by place in
	// order, as of the version k is of; each is read from the file
	// there (pread.go). nil otherwise, and where the file is not read so
	// (in a write transaction) or its pages could not be found.
	leaves []uint32
	// recent holds the order keys read last, by place in order: a
	// window read again (the rows kept about the screen as it moves,
	// the first steps of each search) finds them without a lookup.
	mu     sync.Mutex
	recent map[int32][]byte
}

// keptRecent bounds the order keys a keyed keeps: a few windows', some
// 0.5 MB.
const keptRecent = 4096

// keptHeads is how many events at most keep the heads of their keys:
// 360 KB of them. More would cost the memory a browser is allowed: the
// picker has the store work out the events of every kind of link, some
// 35,000 each at a million events, and 1.5 MB of heads each took the
// browser's peak from 100 to 115 MB.
const keptHeads = 1 << 13

// denseEvery is the sparsest keyed that is walked. A step of the walk
// took some 0.4 µs at a million events, and a lookup 2 to 10 µs: the
// events disputed by another, one in 29, were walked to no faster than
// looked up (1.8 ms for 120 rows); the ↯ set, one in two, in 0.6 ms
// rather than 1.4.
const denseEvery = 8

// headLen is how much of an order key a head holds: the span, the
// depth, the precision and the title's first 15 bytes (as the sort in
// keyedOf compares), so that few events share one.
const headLen = 44

// len is how many stored events the ids name.
func (k *keyed) len() int { return len(k.order) }

// head returns the head of the order key of the event at j among ids.
func (k *keyed) head(j int) []byte {
	h := k.heads[j*(headLen+1) : (j+1)*(headLen+1)]
	return h[:h[headLen]]
}

// key returns the order key of the event at i in timeline order, nil
// when it is no longer stored (never, within the version k is of).
func (k *keyed) key(b buckets, i int) []byte {
	if k.heads != nil {
		key, _ := k.seek(b.events.Cursor(), i)
		return key
	}
	k.mu.Lock()
	key, ok := k.recent[int32(i)]
	k.mu.Unlock()
	if ok {
		return key
	}
	key, _ = k.event(b, i, false)
	if key == nil {
		return nil
	}
	k.mu.Lock()
	if len(k.recent) >= keptRecent || k.recent == nil {
		k.recent = make(map[int32][]byte, keptRecent)
	}
	k.recent[int32(i)] = key
	k.mu.Unlock()
	return key
}

// event returns copies of the order key and (when asked for) the value
// of the event at i in timeline order, read from its page of the events
// index where k keeps it, looked up by its id otherwise; nils when it is
// no longer stored (never, within the version k is of).
func (k *keyed) event(b buckets, i int, withValue bool) (key, value []byte) {
	id := k.id(int(k.order[i]))
	if k.leaves != nil && b.trees != nil {
		key, value, err := b.trees.eventOn(uint64(k.leaves[i]), id, withValue)
		if err == nil && key != nil {
			return key, value
		}
		// Not there: its key begins as another's does for a whole
		// head (or is shorter than one), and the head led elsewhere.
	}
	if key = b.trees.get(b.ids, bytesOf(id)); key != nil && withValue {
		value = b.trees.get(b.events, key)
	}
	return key, value
}

// seek finds the event at i in timeline order from its head, with c on
// it: its order key and value, valid during the transaction, or nils
// when it is no longer stored. The few events whose keys begin alike
// are told apart by their ids.
func (k *keyed) seek(c *bbolt.Cursor, i int) (key, value []byte) {
	j := int(k.order[i])
	head := k.head(j)
	id := k.id(j)
	for key, value = c.Seek(head); key != nil && bytes.HasPrefix(key, head); key, value = c.Next() {
		if len(head) < headLen || model.OrderKeyHasID(key, id) {
			return key, value
		}
	}
	return nil, nil
}

// id returns the id at i among the sorted ids.
func (k *keyed) id(i int) string {
	if k.ends == nil {
		return k.ids[i]
	}
	start := uint32(0)
	if i > 0 {
		start = k.ends[i-1]
	}
	return k.text[start:k.ends[i]]
}

// pack keeps the ids as text: 4 bytes an id beside it, not 16.
func (k *keyed) pack() {
	var text strings.Builder
	k.ends = make([]uint32, len(k.ids))
	for i, id := range k.ids {
		text.WriteString(id)
		k.ends[i] = uint32(text.Len())
	}
	k.text, k.ids = text.String(), nil
}

// search returns how many of the events come before order.
func (k *keyed) search(b buckets, order []byte) int {
	return sort.Search(len(k.order), func(i int) bool {
		if k.heads != nil {
			// The head decides unless it begins as order does and
			// order goes on beyond it.
			head := k.head(int(k.order[i]))
			if len(head) < headLen { // the whole key
				return bytes.Compare(head, order) >= 0
			}
			if c := bytes.Compare(head, order[:min(headLen, len(order))]); c != 0 || len(order) <= headLen {
				return c >= 0
			}
		}
		return bytes.Compare(k.key(b, i), order) >= 0
	})
}

// bytesOf is s as bytes for a lookup, without a copy: bbolt does not
// keep or change a key it is given to find.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// keyedOf works out the stored events among ids (sorted or not, any
// named twice counted once).
func keyedOf(b buckets, given []string) *keyed {
	ids := given
	if !slices.IsSorted(ids) {
		ids = slices.Sorted(slices.Values(given))
	}
	// Each found event is sorted by the first 44 bytes of its order key
	// (the span, the depth, the precision and the title's start) held
	// as words, so that the sort compares in its own memory, not in the
	// file's pages all over the map; the rare tie (titles that begin
	// alike on the same day) is settled by the whole keys.
	type found struct {
		w    [5]uint64
		last uint32 // bytes 40 to 44
		i    int32
	}
	all := make([]found, 0, len(ids))
	var heads []byte
	if len(ids) <= keptHeads {
		heads = make([]byte, len(ids)*(headLen+1))
	}
	var periods periodCounter
	add := func(i int, order []byte) {
		if heads != nil {
			h := heads[i*(headLen+1):]
			h[headLen] = byte(copy(h[:headLen], order))
		}
		var f found
		var word [44]byte
		copy(word[:], order)
		for j := range f.w {
			f.w[j] = binary.BigEndian.Uint64(word[j*8:])
		}
		f.last = binary.BigEndian.Uint32(word[40:])
		f.i = int32(i)
		all = append(all, f)
		periods.add(order)
	}
	// The pages read go as they are passed (release): each lookup
	// brings some 64 KB of the file in about the page it reads, and a
	// few tens of thousands brought the whole ids index, 250 MB at a
	// million events, into the process's resident memory. Its pages
	// are not next to each other in the file, so a pass along it lets
	// them go often too.
	steps := 0
	step := func(every int) {
		if steps++; steps%every == 0 && !b.tx.Writable() {
			release(b.tx)
		}
	}
	if len(ids) > 0 && len(ids) >= countOf(b.counts, keyTotal)/8 && b.trees != nil {
		if k, ok := keyedAlong(b, ids, heads); ok {
			return k
		}
	}
	if len(ids) > 0 && len(ids) >= countOf(b.counts, keyTotal)/8 {
		// Many of the events: one pass along the ids index.
		c := b.ids.Cursor()
		k, v := c.Seek(bytesOf(ids[0]))
		for i := 0; i < len(ids) && k != nil; step(releaseEvery / 16) {
			switch bytes.Compare(k, bytesOf(ids[i])) {
			case 0:
				add(i, v)
				for i++; i < len(ids) && ids[i] == ids[i-1]; i++ {
				}
				k, v = c.Next()
			case -1:
				k, v = c.Next()
			default:
				i++ // not stored
			}
		}
	} else {
		for i, id := range ids {
			if i > 0 && id == ids[i-1] {
				continue
			}
			if order := b.ids.Get(bytesOf(id)); order != nil {
				add(i, order)
			}
			step(releaseLookups)
		}
	}
	slices.SortFunc(all, func(x, y found) int {
		for j := range x.w {
			switch {
			case x.w[j] < y.w[j]:
				return -1
			case x.w[j] > y.w[j]:
				return 1
			}
		}
		if c := cmp.Compare(x.last, y.last); c != 0 {
			return c
		}
		if x.i == y.i {
			return 0
		}
		step(releaseLookups / 2) // two lookups
		return bytes.Compare(b.ids.Get(bytesOf(ids[x.i])), b.ids.Get(bytesOf(ids[y.i])))
	})
	if steps >= releaseLookups && !b.tx.Writable() {
		release(b.tx)
	}
	k := &keyed{ids: ids, order: make([]int32, len(all)), periods: periods.periods(), heads: heads}
	k.dense = len(all)*denseEvery >= countOf(b.counts, keyTotal)
	for j, f := range all {
		k.order[j] = f.i
	}
	if heads == nil && !k.dense && b.trees != nil {
		// Each event's page, found by its head: one whose key begins
		// as another's does for a whole head may be on another page,
		// and is looked up when it is not on this one.
		k.leaves, _ = b.trees.leaves(uint64(b.events.Root()), func(yield func([]byte) bool) {
			var head [headLen]byte
			for _, f := range all {
				for j, w := range f.w {
					binary.BigEndian.PutUint64(head[j*8:], w)
				}
				binary.BigEndian.PutUint32(head[40:], f.last)
				if !yield(head[:]) {
					return
				}
			}
		})
	}
	return k
}

// keyedAlong works out the stored events among many ids (sorted) by one
// pass along the events index, read from the file (pread.go): they come
// in timeline order, with nothing to sort. The sort by heads holds 48
// bytes an event at once, 22 MB for the ↯ set's 467,584 at a million
// events, which took the browser over 100 MiB. false when the file
// could not be read so.
func keyedAlong(b buckets, ids []string, heads []byte) (*keyed, bool) {
	order := make([]int32, 0, len(ids))
	var leaves []uint32 // where there are no heads: kept unless dense
	if heads == nil {
		leaves = make([]uint32, 0, len(ids))
	}
	var periods periodCounter
	err := b.trees.each(uint64(b.events.Root()), func(key []byte, leaf uint64) {
		id := model.OrderKeyIDBytes(key)
		if len(id) == 0 {
			return
		}
		want := unsafe.String(&id[0], len(id))
		i := sort.SearchStrings(ids, want) // the first, should it be named twice
		if i == len(ids) || ids[i] != want {
			return
		}
		if heads != nil {
			h := heads[i*(headLen+1):]
			h[headLen] = byte(copy(h[:headLen], key))
		}
		order = append(order, int32(i))
		if leaves != nil {
			// A page past what 4 bytes hold is noted as another, and
			// the event, not found there, is looked up.
			leaves = append(leaves, uint32(min(leaf, math.MaxUint32)))
		}
		periods.add(key)
	})
	if err != nil {
		return nil, false
	}
	k := &keyed{ids: ids, order: fitted(order), periods: periods.periods(), heads: heads}
	k.dense = len(order)*denseEvery >= countOf(b.counts, keyTotal)
	if leaves != nil && !k.dense {
		// Many ids, few of them stored: read from their pages.
		k.leaves = fitted(leaves)
	}
	return k, true
}

// fitted returns s in an array of its own length when more than an
// eighth of its own is unused: what is kept should not hold the rest.
func fitted[T any](s []T) []T {
	if cap(s)-len(s) > len(s)/8 {
		return slices.Clone(s)
	}
	return slices.Clip(s)
}

// periodCounter counts order keys by the period their stated date
// starts in and the months it spans, for the density ruler.
type periodCounter struct {
	n map[periodSpan]int
}

type periodSpan struct {
	p      int64
	months int
}

func (c *periodCounter) add(order []byte) {
	if c.n == nil {
		c.n = map[periodSpan]int{}
	}
	p, months := model.PeriodSpanOfKey(order)
	c.n[periodSpan{p, months}]++
}

// periods returns the counts in timeline order.
func (c *periodCounter) periods() []model.Period {
	spans := slices.SortedFunc(maps.Keys(c.n), func(a, b periodSpan) int {
		return cmp.Or(cmp.Compare(a.p, b.p), cmp.Compare(a.months, b.months))
	})
	out := make([]model.Period, 0, len(spans))
	for _, s := range spans {
		out = append(out, model.PeriodAt(s.p, s.months, c.n[s]))
	}
	return out
}

// keyCache keeps what keyedOf works out, as of one committed version of
// the store (a read transaction's ID in the file as opened): by name
// for the links, by the very list of ids a query gives for a set (a
// list given in a query is not changed after: model.Query). A Shared
// store keeps one across the openings of its file, which it closes
// between bursts of reads. What is being worked out is worked out once:
// a read that asks for it meanwhile waits for it (half a million ids
// take half a second).
type keyCache struct {
	mu      sync.Mutex
	version string
	byName  map[string]*keyedEntry
	byList  []*keyedEntry
}

// keyedEntry is one kept answer, ready once done is closed (k is nil
// if working it out failed).
type keyedEntry struct {
	list []string
	done chan struct{}
	k    *keyed
}

// keptLists bounds the lists of ids kept for one version: the sets a
// browser filters to, and their unions.
const keptLists = 8

// entry returns the entry for a version under a name or for a list,
// and whether it is new: the caller's to work out.
func (c *keyCache) entry(version, name string, list []string) (*keyedEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		c.version, c.byName, c.byList = version, map[string]*keyedEntry{}, nil
	}
	if name != "" {
		if e := c.byName[name]; e != nil {
			return e, false
		}
		e := &keyedEntry{done: make(chan struct{})}
		c.byName[name] = e
		return e, true
	}
	for _, e := range c.byList {
		if len(e.list) == len(list) && unsafe.SliceData(e.list) == unsafe.SliceData(list) {
			return e, false
		}
	}
	if len(c.byList) >= keptLists {
		c.byList = slices.Delete(c.byList, 0, 1)
	}
	e := &keyedEntry{list: list, done: make(chan struct{})}
	c.byList = append(c.byList, e)
	return e, true
}

// forget drops an entry that could not be worked out.
func (c *keyCache) forget(e *keyedEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for name, kept := range c.byName {
		if kept == e {
			delete(c.byName, name)
		}
	}
	c.byList = slices.DeleteFunc(c.byList, func(kept *keyedEntry) bool { return kept == e })
}

// keptKeyed returns the stored events among the ids a list or (when
// name is given) ids gives, worked out once for a version of the store
// and kept (a write transaction's are worked out and not kept: it may
// roll back).
func keptKeyed(b buckets, name string, list []string, ids func() ([]string, error)) (*keyed, error) {
	work := func() (*keyed, error) {
		if ids == nil {
			return keyedOf(b, list), nil
		}
		list, err := ids()
		if err != nil {
			return nil, err
		}
		k := keyedOf(b, list)
		k.pack()
		return k, nil
	}
	cache := b.keys
	if cache == nil || b.tx.Writable() {
		return work()
	}
	e, mine := cache.entry(fmt.Sprintf("%s/%d", b.ident, b.tx.ID()), name, list)
	if !mine {
		<-e.done
		if e.k != nil {
			return e.k, nil
		}
		return work()
	}
	defer close(e.done)
	k, err := work()
	if err != nil {
		cache.forget(e)
		return nil, err
	}
	e.k = k
	return k, nil
}

// idKeyed returns the stored events among ids, in timeline order (the
// filter to the ↯ set names hundreds of thousands).
func idKeyed(b buckets, ids []string) *keyed {
	k, _ := keptKeyed(b, "", ids, nil)
	return k
}

// keyedEvents walks keyed events in timeline order: by their heads, or,
// when they are dense, each from the one before along the events index,
// a longer gap than maxGap jumped by a lookup (keyed).
type keyedEvents struct {
	b        buckets
	k        *keyed
	i        int
	backward bool
	// c is on the current event, whose order key and value these are.
	c          *bbolt.Cursor
	order, val []byte
}

// maxGap is how many events a walk passes over before it looks the next
// event up instead: four times the widest average gap of a dense keyed.
const maxGap = 4 * denseEvery

func newKeyedEvents(b buckets, k *keyed, backward bool) *keyedEvents {
	return &keyedEvents{b: b, k: k, backward: backward, c: b.events.Cursor()}
}

func (w *keyedEvents) at() []byte {
	w.order, w.val = nil, nil
	switch {
	case w.i < 0 || w.i >= w.k.len():
	case w.k.heads != nil:
		w.order, w.val = w.k.seek(w.c, w.i)
	case w.k.dense:
		// Walked along the events index from here (next).
		if key := w.k.key(w.b, w.i); key != nil {
			w.order, w.val = w.c.Seek(key)
		}
	default:
		if w.order, w.val = w.k.event(w.b, w.i, true); w.val == nil {
			w.order = nil
		}
	}
	return w.order
}

func (w *keyedEvents) seek(from []byte) []byte {
	switch {
	case !w.backward && from == nil:
		w.i = 0
	case !w.backward:
		w.i = w.k.search(w.b, from)
	case from == nil:
		w.i = w.k.len() - 1
	default:
		w.i = w.k.search(w.b, from) - 1
	}
	return w.at()
}

func (w *keyedEvents) next() []byte {
	walk := w.order != nil && w.k.heads == nil && w.k.dense
	if w.backward {
		w.i--
	} else {
		w.i++
	}
	if walk && w.i >= 0 && w.i < w.k.len() {
		id := w.k.id(int(w.k.order[w.i]))
		for range maxGap {
			var key, val []byte
			if w.backward {
				key, val = w.c.Prev()
			} else {
				key, val = w.c.Next()
			}
			if key == nil {
				break
			}
			if model.OrderKeyHasID(key, id) {
				w.order, w.val = key, val
				return key
			}
		}
	}
	return w.at()
}

func (w *keyedEvents) value() []byte { return w.val }
