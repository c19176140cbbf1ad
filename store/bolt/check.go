package bolt

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"maps"
	"slices"

	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

var (
	_ model.StoreChecker = (*Store)(nil)
	_ model.StoreChecker = (*Shared)(nil)
)

// Check reads the whole store and reports where it disagrees with
// itself: pages bbolt finds wrong (its own check, tx.Check), values that
// cannot be read, every index entry and kept count that the events do
// not account for, or that is missing, and the first journal entry where
// the hash chain breaks. Writes keep all of these in
// step, so any disagreement is damage.
//
// The store is first read through, every key and value, under the guard
// that turns a fault into an error: bbolt runs its own check in a
// goroutine of its own, where a page pointing outside the memory map
// would end the program, so it runs only on a store read through whole.
func (s *Store) Check() (r model.CheckReport, err error) {
	// bbolt reads past a damaged newest meta page without a word, and
	// what it reads then is whole: only the page says a change is lost.
	// Said first, it leaves the rest of the check to run as on any store.
	defer func() {
		if s.guard.lost != "" {
			r.Mismatches = append([]model.Mismatch{{Where: "meta", What: s.guard.lost}}, r.Mismatches...)
		}
	}()
	r = model.CheckReport{Location: s.path}
	var problems []model.Mismatch
	add := func(where, event, format string, args ...any) {
		problems = append(problems, model.Mismatch{Where: where, Event: event, What: fmt.Sprintf(format, args...)})
	}
	err = s.view(func(b buckets) error {
		for _, bk := range allBuckets {
			if *bk.in(&b) == nil {
				add(string(bk.name), "", "the bucket is missing")
			}
		}
		if len(problems) > 0 {
			return nil
		}
		touchAll(b.tx)
		for _, bk := range allBuckets {
			if why := s.pagesInBounds(b.tx, uint64((*bk.in(&b)).Root())); why != "" {
				add(string(bk.name), "", "%s", why)
			}
		}
		return nil
	})
	if err != nil {
		// A fault or panic reading the pages: nothing more can be read
		// safely.
		add("pages", "", "%v", err)
		r.Mismatches = problems
		return r, nil
	}
	if len(problems) > 0 {
		r.Mismatches = problems
		return r, nil
	}
	err = s.view(func(b buckets) error {
		for err := range b.tx.Check() {
			add("pages", "", "%v", err)
		}
		r.Events = checkIndexes(b, add)
		// A byte changed in a journal entry leaves every page and index
		// sound; only its hash shows it, and backup refuses such a store
		// as damaged, so the check must say so too.
		if c := verifyChain(b.journal); !c.OK() {
			add("journal", "", "the chain breaks at entry #%d (%s): %s", c.Break.Seq, c.Break.Fault, c.Break.What)
			// An entry in no form chrono reads may be the disk's doing;
			// one whose bytes or links no longer match was rewritten.
			problems[len(problems)-1].Altered = c.Break.Fault != model.ChainUnreadable
		}
		return nil
	})
	if err != nil {
		add("pages", "", "%v", err)
	}
	r.Mismatches = problems
	return r, nil
}

// Check implements model.StoreChecker.
func (s *Shared) Check() (model.CheckReport, error) { return read(s, (*Store).Check) }

// pagesInBounds walks the pages of a bucket from its root, reading them
// from the file rather than the memory map, and reports the first page
// whose elements point outside it, or that points at a page past the end:
// bbolt's check would read there. An inline bucket (root 0) has no pages
// of its own; touchAll has read it.
func (s *Store) pagesInBounds(tx *bbolt.Tx, root uint64) string {
	if root == 0 || s.file == nil {
		return ""
	}
	size := uint64(s.db.Info().PageSize)
	high := uint64(tx.Size()) / size
	seen := map[uint64]bool{}
	var walk func(id uint64) string
	walk = func(id uint64) string {
		if id < 2 || id >= high {
			return fmt.Sprintf("a branch points at page %d, outside the file's %d pages", id, high)
		}
		if seen[id] {
			return fmt.Sprintf("page %d is reached twice", id)
		}
		seen[id] = true
		head := make([]byte, pageHeaderSize)
		if _, err := s.file.ReadAt(head, int64(id*size)); err != nil {
			return fmt.Sprintf("page %d cannot be read (%v)", id, err)
		}
		flags, count := binary.NativeEndian.Uint16(head[8:]), int(binary.NativeEndian.Uint16(head[10:]))
		span := (1 + uint64(binary.NativeEndian.Uint32(head[12:]))) * size
		if id+span/size > high {
			return fmt.Sprintf("page %d runs past the end of the file", id)
		}
		if flags != branchPageFlag && flags != leafPageFlag {
			return fmt.Sprintf("page %d should be a branch or leaf page, its flags are %#x", id, flags)
		}
		if uint64(pageHeaderSize+pageElementSize*count) > span {
			return fmt.Sprintf("page %d claims %d elements, more than it holds", id, count)
		}
		p := make([]byte, span)
		if _, err := s.file.ReadAt(p, int64(id*size)); err != nil {
			return fmt.Sprintf("page %d cannot be read (%v)", id, err)
		}
		for i := range count {
			var inside bool
			if flags == branchPageFlag {
				_, inside = branchKey(p, i)
			} else {
				_, _, _, inside = leafEntry(p, i)
			}
			if !inside {
				return fmt.Sprintf("page %d: element %d points outside the page", id, i)
			}
			if flags == branchPageFlag {
				if why := walk(binary.NativeEndian.Uint64(p[pageHeaderSize+i*pageElementSize+8:])); why != "" {
					return why
				}
			}
		}
		return ""
	}
	return walk(root)
}

// touchAll reads every byte of every key and value of the store, so that
// a page pointing outside the memory map faults here, under the guard.
func touchAll(tx *bbolt.Tx) {
	var sum uint32
	var walk func(b *bbolt.Bucket)
	walk = func(b *bbolt.Bucket) {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			sum = crc32.Update(crc32.Update(sum, crc32.IEEETable, k), crc32.IEEETable, v)
			if v == nil {
				if child := b.Bucket(k); child != nil {
					walk(child)
				}
			}
		}
	}
	_ = tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
		sum = crc32.Update(sum, crc32.IEEETable, name)
		walk(b)
		return nil
	})
}

// checkIndexes rebuilds every index and kept count from the events, and
// the history from the journal, and reports where the stored ones differ;
// it returns how many events could be read.
func checkIndexes(b buckets, add func(where, event, format string, args ...any)) int {
	if v, err := schemaOf(b.tx); err != nil || v != SchemaVersion {
		add("meta", "", "the schema is %d (%v), want %d", v, err, SchemaVersion)
	}
	wantIDs := map[string]string{} // id → order key
	wantTags := map[string]string{}
	wantLinks := map[string]string{}
	wantCounts := map[string]int{}
	events := 0
	placed := newPlacing()
	_ = b.events.ForEach(func(order, v []byte) error {
		e, err := stored.Decode(v)
		if err != nil {
			add("events", e.ID, "%v", err)
			return nil
		}
		events++
		placed.add(&e, order)
		if other, ok := wantIDs[e.ID]; ok && other != string(order) {
			add("events", e.ID, "stored twice")
		}
		wantIDs[e.ID] = string(order)
		_ = indexEntries(&e, order, func(bk bucket, key []byte) error {
			if bk.letter == bucketTags.letter {
				wantTags[string(key)] = e.ID
			} else {
				wantLinks[string(key)] = e.ID
			}
			return nil
		})
		_ = counters(&e, order, func(c counter) error {
			wantCounts[string(c.key())]++
			return nil
		})
		return nil
	})
	placed.check(b, func(id string) {
		add("events", id, "stored under another key than the chronology's order gives it (its date, title or linked group changed without it)")
	})
	_ = b.ids.ForEach(func(k, v []byte) error {
		id := string(k)
		want, ok := wantIDs[id]
		switch {
		case !ok:
			add("ids", id, "the ids index has the event, the events bucket has not: the event is lost from this file")
		case want != string(v):
			add("ids", id, "the ids index points at another place than where the event is")
		}
		delete(wantIDs, id)
		return nil
	})
	for _, id := range slices.Sorted(maps.Keys(wantIDs)) {
		add("ids", id, "the events bucket has the event, the ids index has not: it cannot be found by its id")
	}
	for _, ix := range []struct {
		bk   bucket
		want map[string]string
	}{{bucketTags, wantTags}, {bucketLinks, wantLinks}} {
		name := string(ix.bk.name)
		_ = (*ix.bk.in(&b)).ForEach(func(k, v []byte) error {
			if _, ok := ix.want[string(k)]; !ok {
				event, what := describeIndexKey(ix.bk, k)
				add(name, event, "the %s index has an entry (%s) no event accounts for", name, what)
			}
			delete(ix.want, string(k))
			return nil
		})
		for _, k := range slices.Sorted(maps.Keys(ix.want)) {
			event, what := describeIndexKey(ix.bk, []byte(k))
			add(name, event, "the %s index lacks the entry (%s)", name, what)
		}
	}
	_ = b.counts.ForEach(func(k, v []byte) error {
		got := int(beUint64(v))
		if len(v) != 8 {
			add("counts", "", "the count %q is %d bytes, not 8", k, len(v))
		}
		if want := wantCounts[string(k)]; got != want {
			add("counts", "", "the count %s is %d, the events make it %d", describeCount(k), got, want)
		}
		delete(wantCounts, string(k))
		return nil
	})
	for _, k := range slices.Sorted(maps.Keys(wantCounts)) {
		add("counts", "", "the count %s is missing, the events make it %d", describeCount([]byte(k)), wantCounts[k])
	}
	_ = b.sources.ForEach(func(k, v []byte) error {
		if _, err := decodeSource(string(k), v); err != nil {
			add("sources", "", "%v", err)
		}
		return nil
	})
	_ = b.trash.ForEach(func(k, v []byte) error {
		id := string(k)
		if _, err := decodeTrashed(v); err != nil {
			add("trash", id, "%v", err)
		}
		if _, ok := wantIDsOnTimeline(b, id); ok {
			add("trash", id, "the event is both on the timeline and in the trash")
		}
		return nil
	})
	wantHistory := map[string]bool{}
	_ = b.journal.ForEach(func(k, v []byte) error {
		e, err := decodeEntry(beUint64(k), v)
		if err != nil {
			add("journal", "", "%v", err)
			return nil
		}
		for _, c := range e.Events {
			wantHistory[string(historyKey(c.ID, e.Seq))] = true
		}
		return nil
	})
	_ = b.history.ForEach(func(k, _ []byte) error {
		if !wantHistory[string(k)] {
			id, _, _ := bytes.Cut(k, []byte{keySep})
			add("history", string(id), "the history index names journal entry #%d, which does not list the event", historySeq(k))
		}
		delete(wantHistory, string(k))
		return nil
	})
	for _, k := range slices.Sorted(maps.Keys(wantHistory)) {
		id, _, _ := bytes.Cut([]byte(k), []byte{keySep})
		add("history", string(id), "the history index lacks journal entry #%d", historySeq([]byte(k)))
	}
	return events
}

// wantIDsOnTimeline reports whether the ids index has the event.
func wantIDsOnTimeline(b buckets, id string) ([]byte, bool) {
	v := b.ids.Get([]byte(id))
	return v, v != nil
}

// describeIndexKey says for a person what a tags or links key holds,
// and the event it is of: the tagged event, or the linking one.
func describeIndexKey(bk bucket, k []byte) (event, what string) {
	if bk.letter == bucketTags.letter {
		tag, order, _ := bytes.Cut(k, []byte{keySep})
		event = model.OrderKeyID(order)
		return event, fmt.Sprintf("tag %q of event %q", tag, event)
	}
	parts := bytes.SplitN(k, []byte{keySep}, 3)
	if len(parts) < 3 {
		return "", fmt.Sprintf("%q", k)
	}
	return string(parts[1]), fmt.Sprintf("link %q from event %q to %q", parts[2], parts[1], parts[0])
}

// historySeq is the journal entry a history key names.
func historySeq(k []byte) uint64 {
	if len(k) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(k[len(k)-8:])
}

// describeCount names a counts key for a person.
func describeCount(k []byte) string {
	if bytes.Equal(k, keyTotal) {
		return "of all events"
	}
	if len(k) < 2 {
		return fmt.Sprintf("%q", k)
	}
	name := string(k[2:])
	switch counterKind(k[0]) {
	case counterTag:
		return fmt.Sprintf("of tag %q", name)
	case counterActor:
		return fmt.Sprintf("of actor %q", name)
	case counterStatus:
		return fmt.Sprintf("of status %q", name)
	case counterCited:
		return fmt.Sprintf("of events citing source %q", name)
	case counterPeriod:
		y, m := model.PeriodMonth(periodFromCountKey(k))
		return fmt.Sprintf("of events in %04d-%02d", y, m)
	case counterOrder:
		y, m := model.PeriodMonth(periodFromCountKey(k))
		return fmt.Sprintf("of events placed by %04d-%02d", y, m)
	case counterSpan:
		p, months := spanFromCountKey(k)
		y, m := model.PeriodMonth(p)
		return fmt.Sprintf("of events from %04d-%02d spanning %d months", y, m, months)
	}
	return fmt.Sprintf("%q", k)
}
