package bolt

import (
	"bytes"
	"slices"

	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// candidates walks the events a query may select in timeline order (or
// backward), yielding their order keys; the query's other filters are
// checked on what it yields.
type candidates interface {
	// seek moves to the first candidate at or after from (nil: the first),
	// or backward to the last before from (nil: the last).
	seek(from []byte) (order []byte)
	next() (order []byte)
	// value returns the current candidate's stored value.
	value() []byte
}

// allEvents walks the events bucket.
type allEvents struct {
	c        *bbolt.Cursor
	backward bool
	v        []byte
}

func (a *allEvents) set(k, v []byte) []byte {
	a.v = v
	return k
}

func (a *allEvents) seek(from []byte) []byte {
	switch {
	case !a.backward && from == nil:
		return a.set(a.c.First())
	case !a.backward:
		return a.set(a.c.Seek(from))
	case from == nil:
		return a.set(a.c.Last())
	}
	if k, _ := a.c.Seek(from); k == nil {
		return a.set(a.c.Last())
	}
	return a.set(a.c.Prev())
}

func (a *allEvents) next() []byte {
	if a.backward {
		return a.set(a.c.Prev())
	}
	return a.set(a.c.Next())
}

func (a *allEvents) value() []byte { return a.v }

// taggedEvents walks the union of some tags' indexes, merging them in
// timeline order and yielding an event with several of the tags once.
type taggedEvents struct {
	events   *bbolt.Bucket
	heads    []tagHead
	backward bool
}

type tagHead struct {
	c      *bbolt.Cursor
	prefix []byte // tag 0x00
	order  []byte // current order key, nil when done
}

func newTaggedEvents(b buckets, tags []string, backward bool) *taggedEvents {
	t := &taggedEvents{events: b.events, backward: backward}
	for _, tag := range slices.Compact(slices.Sorted(slices.Values(tags))) {
		t.heads = append(t.heads, tagHead{c: b.tags.Cursor(), prefix: tagKey(tag, nil)})
	}
	return t
}

// set records the cursor's key as the head's position if it is the tag's.
func (h *tagHead) set(k []byte) {
	if k != nil && bytes.HasPrefix(k, h.prefix) {
		h.order = k[len(h.prefix):]
	} else {
		h.order = nil
	}
}

func (t *taggedEvents) seek(from []byte) []byte {
	for i := range t.heads {
		h := &t.heads[i]
		k, _ := h.c.Seek(append(slices.Clip(h.prefix), from...))
		if t.backward {
			if from == nil {
				// The last key of the tag is just before the next prefix.
				end := append(slices.Clone(h.prefix[:len(h.prefix)-1]), keySep+1)
				k, _ = h.c.Seek(end)
			}
			if k == nil {
				k, _ = h.c.Last()
			} else {
				k, _ = h.c.Prev()
			}
		}
		h.set(k)
	}
	return t.current()
}

// current returns the smallest head (largest, backward) without moving.
func (t *taggedEvents) current() []byte {
	var best []byte
	for _, h := range t.heads {
		if h.order == nil {
			continue
		}
		if best == nil || (bytes.Compare(h.order, best) < 0) != t.backward {
			best = h.order
		}
	}
	return best
}

// value looks the current event up: only filters and readers that need
// it pay for it.
func (t *taggedEvents) value() []byte {
	if cur := t.current(); cur != nil {
		return t.events.Get(cur)
	}
	return nil
}

func (t *taggedEvents) next() []byte {
	cur := t.current()
	for i := range t.heads {
		h := &t.heads[i]
		if h.order == nil || !bytes.Equal(h.order, cur) {
			continue
		}
		var k []byte
		if t.backward {
			k, _ = h.c.Prev()
		} else {
			k, _ = h.c.Next()
		}
		h.set(k)
	}
	return t.current()
}

// candidatesOf returns what q's events are found among, and q without
// the part the candidates already answer.
func candidatesOf(q model.Query, b buckets, backward bool) (candidates, model.Query, error) {
	switch {
	case len(q.Tags) > 0:
		return newTaggedEvents(b, q.Tags, backward), q, nil
	case q.ByID:
		k := idKeyed(b, q.IDs)
		q.ByID, q.IDs = false, nil
		return newKeyedEvents(b, k, backward), q, nil
	case len(q.Linked) > 0:
		k, err := linkedKeyed(b, q.Linked)
		if err != nil {
			return nil, q, err
		}
		q.Linked = nil
		return newKeyedEvents(b, k, backward), q, nil
	}
	return &allEvents{c: b.events.Cursor(), backward: backward}, q, nil
}

// scan calls fn with the stored events q selects, in timeline order from
// the first at or after from, or backward from the last before from,
// until fn returns false. The slices are valid only during the call.
func scan(q model.Query, b buckets, from []byte, backward bool, fn func(order []byte, value func() []byte) (bool, error)) error {
	c, rest, err := candidatesOf(q, b, backward)
	if err != nil {
		return err
	}
	f, err := newFilter(rest, b)
	if err != nil {
		return err
	}
	p := newPager(b.tx, c)
	defer p.done()
	for order := c.seek(from); order != nil; order = c.next() {
		p.read()
		if !f.matches(order, p.value) {
			continue
		}
		more, err := fn(order, p.value)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// pager lets the pages of the file that a long read has brought into
// the process's resident memory go as it reads (release): a pass over a
// million events would otherwise bring the whole file in. Reading a page
// brings in the 64 KB about it (the kernel maps a page's neighbours with
// it), so the pages go after releaseEvery candidates walked in order,
// releaseRandom found by their keys all over the file, releaseValues
// events' values read, or a thousand entries of the tags index. (Half
// as many in order as first chosen, and a quarter as many lookups while
// a keyed is worked out (releaseLookups), took the browser's peak from
// 98 to 88 MiB at a million events, and cost the keys and the search
// nothing measurable. A quarter as many by key in a window too cost a
// window under a filter by ids half a millisecond more.)
type pager struct {
	tx        *bbolt.Tx
	c         candidates
	every     int
	n, values int
}

const (
	releaseEvery   = 8192
	releaseRandom  = 256
	releaseLookups = 64
	releaseValues  = 1024
	releaseTagged  = 1024
)

func newPager(tx *bbolt.Tx, c candidates) *pager {
	p := &pager{tx: tx, c: c, every: releaseEvery}
	switch c.(type) {
	case *keyedEvents:
		p.every = releaseRandom
	case *taggedEvents:
		p.every = releaseTagged
	}
	return p
}

// read notes a candidate read.
func (p *pager) read() {
	if p.n++; p.n%p.every == 0 {
		p.release()
	}
}

// value reads the current candidate's value.
func (p *pager) value() []byte {
	if p.values++; p.values%releaseValues == 0 {
		p.release()
	}
	return p.c.value()
}

// done lets the pages go at the end of a long read.
func (p *pager) done() {
	if p.n >= p.every || p.values >= releaseValues {
		p.release()
	}
}

func (p *pager) release() {
	if !p.tx.Writable() {
		release(p.tx)
	}
}

// Scan calls fn with the events q selects, in timeline order starting at
// the first at or after from (zero: the beginning), or, when backward,
// going back from the last before from (zero: the end). It stops when fn
// returns false or an error.
//
// A long scan lets the pages it has read go as it goes (pager).
func (s *Store) Scan(q model.Query, from model.Position, backward bool, fn func(at model.Position, e model.Event) (bool, error)) error {
	return s.view(func(b buckets) error {
		return scan(q, b, from.Key(), backward, func(order []byte, value func() []byte) (bool, error) {
			e, err := stored.Decode(value())
			if err != nil {
				return false, err
			}
			return fn(model.PositionOf(order), e)
		})
	})
}

// Count returns how many events q selects, from the kept counts when one
// answers the query and by scanning otherwise.
func (s *Store) Count(q model.Query) (int, error) {
	n := 0
	err := s.view(func(b buckets) error {
		switch {
		case q.IsZero():
			n = countOf(b.counts, keyTotal)
			return nil
		case len(q.Tags) == 1 && len(q.Statuses) == 0 && len(q.Actors) == 0 && len(q.Sources) == 0 && q.During.IsZero() && q.Text == "" && !q.Untagged && !q.Noted && len(q.Linked) == 0 && !q.ByID:
			n = countOf(b.counts, counterKey(counterTag, q.Tags[0]))
			return nil
		case len(q.Tags) == 0 && len(q.Statuses) == 1 && len(q.Actors) == 0 && len(q.Sources) == 0 && q.During.IsZero() && q.Text == "" && !q.Untagged && !q.Noted && len(q.Linked) == 0 && !q.ByID:
			n = countOf(b.counts, counterKey(counterStatus, string(q.Statuses[0])))
			return nil
		case len(q.Tags) == 0 && len(q.Statuses) == 0 && len(q.Actors) == 0 && len(q.Sources) == 1 && q.During.IsZero() && q.Text == "" && !q.Untagged && !q.Noted && len(q.Linked) == 0 && !q.ByID:
			// The events citing a source are counted as Tx.Citing counts them.
			n = countOf(b.counts, counterKey(counterCited, q.Sources[0]))
			return nil
		}
		if k, err := wholeKeyed(q, b); k != nil || err != nil {
			if k != nil {
				n = k.len()
			}
			return err
		}
		return scan(q, b, nil, false, func([]byte, func() []byte) (bool, error) {
			n++
			return true, nil
		})
	})
	return n, err
}

// onlyLinked reports whether q selects by links and nothing else.
func onlyLinked(q model.Query) bool {
	links := q.Linked
	q.Linked = nil
	return len(links) > 0 && q.IsZero()
}

// onlyByID reports whether q selects by ids and nothing else.
func onlyByID(q model.Query) bool {
	byID := q.ByID
	q.ByID, q.IDs = false, nil
	return byID && q.IsZero()
}

// wholeKeyed returns the kept candidates of a query that selects by
// links alone or by ids alone, which answer it whole; nil for any other.
func wholeKeyed(q model.Query, b buckets) (*keyed, error) {
	switch {
	case onlyLinked(q):
		return linkedKeyed(b, q.Linked)
	case onlyByID(q):
		return idKeyed(b, q.IDs), nil
	}
	return nil, nil
}

// position returns how many events come before the event at order in
// the unfiltered timeline: its index from 0. It sums the kept counts of
// the order periods before its own and counts within that one, from both
// of its ends at once, so that it reads at most twice the events between
// order and the nearer end: a busy month holds thousands, and the events
// a window starts at cluster at its ends (a date of a month's precision
// sorts at the month's end).
func position(b buckets, order []byte) int {
	p := orderPeriodOfKey(order)
	before, in := 0, 0
	var end []byte // where the next period's keys begin; nil: p is the last
	prefix := counterOrder.prefix()
	c := b.counts.Cursor()
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		q := periodFromCountKey(k)
		if q > p {
			end = periodStartKey(q)
			break
		}
		if q == p {
			in = int(beUint64(v))
		} else {
			before += int(beUint64(v))
		}
	}
	fwd, bwd := b.events.Cursor(), b.events.Cursor()
	f, _ := fwd.Seek(periodStartKey(p))
	var k []byte
	if end != nil {
		if k, _ = bwd.Seek(end); k != nil {
			k, _ = bwd.Prev()
		} else {
			k, _ = bwd.Last()
		}
	} else {
		k, _ = bwd.Last()
	}
	ahead, after := 0, 0 // keys of p before order; keys of p from order on
	for {
		if f == nil || bytes.Compare(f, order) >= 0 {
			return before + ahead
		}
		ahead++
		f, _ = fwd.Next()
		if k == nil || bytes.Compare(k, order) < 0 {
			return before + in - after
		}
		after++
		k, _ = bwd.Prev()
	}
}
