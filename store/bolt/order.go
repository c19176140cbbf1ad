package bolt

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"slices"

	"chrono/model"
	"chrono/model/stored"
)

// An event is stored under the key model.Order gives it. An event no
// constraint involves (most of them) is placed by its own date alone
// (model.OrderKey), so that writing it needs nothing else. An event in a
// linked group (events joined by precedes, follows or disputes links) is
// placed with its whole group: every write that can change the group
// (a link added or removed, a member's date or title edited, a member
// deleted, restored or imported) marks it, and before the transaction
// ends settle places the group again and moves the events whose key
// changed.

// mark records that e's linked group, if it has one, must be placed
// again: e's own order links name it, and so does an entry of the links
// index for a link to e.
func (b buckets) mark(e *model.Event) {
	if b.regroup == nil {
		return
	}
	for _, l := range e.Links {
		if l.Rel.Orders() && l.Event != e.ID {
			b.regroup[e.ID] = true
			b.regroup[l.Event] = true
		}
	}
	if !b.regroup[e.ID] && linkedTo(b, e.ID) {
		b.regroup[e.ID] = true
	}
}

// linkedTo reports whether an order link of another event points at id.
func linkedTo(b buckets, id string) bool {
	found := false
	_ = eachLinkTo(b, id, func(string, model.Rel) error {
		found = true
		return errStop
	})
	return found
}

// errStop ends a walk early; it never leaves the function that walks.
var errStop = fmt.Errorf("stop")

// eachLinkTo calls fn with each event whose order link points at id,
// from the links index.
func eachLinkTo(b buckets, id string, fn func(from string, rel model.Rel) error) error {
	prefix := append([]byte(id), keySep)
	c := b.links.Cursor()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
		from, rel, ok := bytes.Cut(k[len(prefix):], []byte{keySep})
		if !ok {
			return stored.Unreadablef("links index entry %q has no rel", k)
		}
		if !model.Rel(rel).Orders() || string(from) == id {
			continue
		}
		if err := fn(string(from), model.Rel(rel)); err != nil {
			if err == errStop {
				return nil
			}
			return err
		}
	}
	return nil
}

// settle places again the linked groups of the marked events, and moves
// each event whose key changed.
func (b buckets) settle() error {
	if len(b.regroup) == 0 {
		return nil
	}
	seeds := slices.Sorted(maps.Keys(b.regroup))
	clear(b.regroup)
	return b.place(seeds)
}

// settleAll places every linked group again, in the migration that
// brings keys to the chronology's order.
func (b buckets) settleAll() error {
	return b.placeOnce(orderSeeds(b), map[string]bool{})
}

// orderSeeds returns, sorted, the events of every link that orders: one
// of each linked group, and more.
func orderSeeds(b buckets) []string {
	seeds := map[string]bool{}
	c := b.links.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		parts := bytes.SplitN(k, []byte{keySep}, 3)
		if len(parts) == 3 && model.Rel(parts[2]).Orders() {
			seeds[string(parts[0])] = true
			seeds[string(parts[1])] = true
		}
	}
	return slices.Sorted(maps.Keys(seeds))
}

// place places the groups of seeds, each once.
func (b buckets) place(seeds []string) error {
	return b.placeOnce(seeds, map[string]bool{})
}

// placeOnce places the groups of seeds but those of the events done
// holds, and adds theirs to it.
func (b buckets) placeOnce(seeds []string, done map[string]bool) error {
	for _, id := range seeds {
		if done[id] {
			continue
		}
		events, keys, err := b.group(id, done)
		if err != nil {
			return err
		}
		if len(events) == 0 {
			continue
		}
		ch := model.Order(events)
		for i := range ch.Events {
			p := &ch.Events[i]
			want := p.OrderKey()
			old := keys[p.Event.ID]
			if bytes.Equal(want, old) {
				continue
			}
			if err := b.move(p.Event, old, want); err != nil {
				return err
			}
		}
	}
	return nil
}

// group returns the events on the timeline linked to id by order links,
// either way and along chains of them, with their stored keys. Ids not
// on the timeline (deleted, or never there) are passed through but not
// returned: their links still join the index entries of those that
// point at them, and the model leaves out links to missing events.
func (b buckets) group(id string, done map[string]bool) ([]model.Event, map[string][]byte, error) {
	var events []model.Event
	keys := map[string][]byte{}
	queue := []string{id}
	done[id] = true
	visit := func(other string) {
		if !done[other] {
			done[other] = true
			queue = append(queue, other)
		}
	}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if order := b.ids.Get([]byte(cur)); order != nil {
			e, order, err := b.event(cur)
			if err != nil {
				return nil, nil, err
			}
			events = append(events, e)
			keys[cur] = bytes.Clone(order)
			for _, l := range e.Links {
				if l.Rel.Orders() {
					visit(l.Event)
				}
			}
		}
		err := eachLinkTo(b, cur, func(from string, _ model.Rel) error {
			visit(from)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return events, keys, nil
}

// move stores e, stored under old, under order instead, with the index
// entries and counts that depend on the key (rekey).
func (b buckets) move(e *model.Event, old, order []byte) error {
	v := bytes.Clone(b.events.Get(old))
	if v == nil {
		return stored.Unreadablef("event %q: the ids index has it, the events bucket has not (chrono check --store lists all such)", e.ID)
	}
	if err := b.events.Delete(old); err != nil {
		return err
	}
	if err := b.events.Put(order, v); err != nil {
		return err
	}
	if err := b.ids.Put([]byte(e.ID), order); err != nil {
		return err
	}
	return rekey(e, old, order, func(bk bucket, key []byte, put bool) error {
		if put {
			return (*bk.in(&b)).Put(key, nil)
		}
		return (*bk.in(&b)).Delete(key)
	}, func(key []byte, delta int) error {
		return bump(b.counts, key, delta)
	})
}

// rekey calls entry with each index entry of e that moving it from the
// key old to order adds (put) or takes out, and count with each counter
// it changes: those that depend on the key (a tag's entry, the months'
// counts), not those that do not (a link's entry, a tag's count).
func rekey(e *model.Event, old, order []byte, entry func(bk bucket, key []byte, put bool) error, count func(key []byte, delta int) error) error {
	// Sorted lists rather than maps of keys: a bulk import moves tens of
	// thousands of events in its linked groups, and the maps, their
	// string keys and their sorting were most of what that allocated.
	var entries [2][]indexEntry
	var tallies [2][]counter
	for side, key := range [2][]byte{old, order} {
		err := indexEntries(e, key, func(bk bucket, k []byte) error {
			entries[side] = append(entries[side], indexEntry{bk, k})
			return nil
		})
		if err != nil {
			return err
		}
		err = counters(e, key, func(c counter) error {
			tallies[side] = append(tallies[side], c)
			return nil
		})
		if err != nil {
			return err
		}
	}
	for side := range entries {
		slices.SortFunc(entries[side], compareEntries)
		entries[side] = slices.CompactFunc(entries[side], func(a, b indexEntry) bool { return compareEntries(a, b) == 0 })
	}
	was, is := entries[0], entries[1]
	for len(was) > 0 || len(is) > 0 {
		c := -1 // only was is left
		switch {
		case len(was) == 0:
			c = 1
		case len(is) > 0:
			c = compareEntries(was[0], is[0])
		}
		var err error
		switch {
		case c < 0:
			err, was = entry(was[0].bk, was[0].key, false), was[1:]
		case c > 0:
			err, is = entry(is[0].bk, is[0].key, true), is[1:]
		default:
			was, is = was[1:], is[1:]
		}
		if err != nil {
			return err
		}
	}
	return countChanges(tallies[0], tallies[1], count)
}

// indexEntry is an index entry of an event: its bucket and its key.
type indexEntry struct {
	bk  bucket
	key []byte
}

func compareEntries(a, b indexEntry) int {
	if c := cmp.Compare(a.bk.letter, b.bk.letter); c != 0 {
		return c
	}
	return bytes.Compare(a.key, b.key)
}

// countChanges calls count, in the order of the counts' keys, with each
// count that going from the counters was to those of is changes. Most
// counters are on both sides (a tag's, the total); only those that
// differ have their keys made.
func countChanges(was, is []counter, count func(key []byte, delta int) error) error {
	type change struct {
		key   []byte
		delta int
	}
	var changes []change
	matched := make([]bool, len(was))
next:
	for _, c := range is {
		for i, w := range was {
			if w == c && !matched[i] {
				matched[i] = true
				continue next
			}
		}
		changes = append(changes, change{c.key(), 1})
	}
	for i, c := range was {
		if !matched[i] {
			changes = append(changes, change{c.key(), -1})
		}
	}
	slices.SortStableFunc(changes, func(a, b change) int { return bytes.Compare(a.key, b.key) })
	for i := 0; i < len(changes); {
		j, delta := i, 0
		for ; j < len(changes) && bytes.Equal(changes[j].key, changes[i].key); j++ {
			delta += changes[j].delta
		}
		if delta != 0 {
			if err := count(changes[i].key, delta); err != nil {
				return err
			}
		}
		i = j
	}
	return nil
}

// placing gathers, for the store check, the events whose stored key is
// not their own order key and those in linked groups, and checks each
// against the key its group gives it.
type placing struct {
	events  []model.Event
	stored  map[string][]byte
	targets map[string]bool
}

func newPlacing() *placing {
	return &placing{stored: map[string][]byte{}, targets: map[string]bool{}}
}

// add considers one stored event.
func (p *placing) add(e *model.Event, order []byte) {
	linked := false
	for _, l := range e.Links {
		if l.Rel.Orders() && l.Event != e.ID {
			linked = true
			p.targets[l.Event] = true
		}
	}
	if linked || !bytes.Equal(order, model.OrderKey(e)) {
		p.events = append(p.events, placingPart(e))
		p.stored[e.ID] = bytes.Clone(order)
	}
}

// placingPart is what model.Order reads of an event: kept whole, the
// linked events of a million-event store were most of its check's heap.
func placingPart(e *model.Event) model.Event {
	return model.Event{ID: e.ID, Date: e.Date, Title: e.Title, Links: e.Links}
}

// check reads the targets of order links not yet gathered and reports
// each gathered event stored under another key than its group gives it,
// placed as a store of the schema places them.
func (p *placing) check(b buckets, schema uint64, wrong func(id string)) {
	for _, id := range slices.Sorted(maps.Keys(p.targets)) {
		if _, ok := p.stored[id]; ok {
			continue
		}
		if e, order, err := b.event(id); err == nil {
			p.events = append(p.events, placingPart(&e))
			p.stored[id] = bytes.Clone(order)
		}
	}
	ch := placementOf(schema).Order(p.events)
	for i := range ch.Events {
		pl := &ch.Events[i]
		if !bytes.Equal(pl.OrderKey(), p.stored[pl.Event.ID]) {
			wrong(pl.Event.ID)
		}
	}
}
