package bolt

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/internal/extsort"

	bbolt "go.etcd.io/bbolt"
)

// A bulk build places the linked groups before it writes the store. One
// pass over the merge of the import's sorted records and the old store
// reads the links (their letter sorts first), then the events of the
// groups, and stops there; the groups are ordered in memory, and the
// records that move each event whose group gives it another key (its
// value, its id's entry, the tags' entries and the counts that depend on
// the key) outrank the rest when the store is written. Moving the events
// in the written file instead cost a million events' import 36 s, and
// writing the file a second time with them moved some 20.

// settling gathers what the pass reads. What it keeps of the linked
// events holds no pointers but their ids' (a million-event import has
// a hundred thousand such events or more): the collector, which runs
// often while the groups are placed, has little of it to look through.
type settling struct {
	index  map[string]int32 // each linked event's place in linked, by its id
	ids    []string         // each linked event's id, by its place
	linked []linkedEvent
	pairs  [][2]int32     // the order links, by their events' places
	keys   []byte         // the linked events' stored keys, one after another
	counts map[string]int // counts/, as the store will have them
	values *os.File       // the linked events' values, one after another
	out    *bufio.Writer  // values, as the pass writes them
	size   int64
	old    *bbolt.Tx // whose pages to let go of now and then
	n      int       // events read
	// Where the events are in the sorted runs, when the sorter noted
	// it: then the pass stops before the events, and the linked events'
	// values are read from the runs instead of values.
	noted *extsort.Noted
}

// linkedEvent is an event an order link names: where its stored key is
// in keys and its value in the values file, once the pass has read it
// (a link may name an event the store does not have).
type linkedEvent struct {
	read         bool
	keyAt, keyTo int64
	run          int32 // the run its value is in (settling.noted)
	at, n        int64
	inGroup      int64 // where its value is in its batch's values, or -1
}

// placeOf returns the place in linked of the event id, added if it has
// none.
func (st *settling) placeOf(id []byte) int32 {
	if i, ok := st.index[string(id)]; ok {
		return i
	}
	i := int32(len(st.linked))
	st.index[string(id)] = i
	st.ids = append(st.ids, string(id))
	st.linked = append(st.linked, linkedEvent{inGroup: -1})
	return i
}

// storedKey is the key the linked event i is stored under.
func (st *settling) storedKey(i int32) []byte {
	l := &st.linked[i]
	return st.keys[l.keyAt:l.keyTo]
}

// readValue reads the value of the linked event i into *buf.
func (st *settling) readValue(buf *[]byte, i int32) ([]byte, error) {
	l := &st.linked[i]
	if st.noted != nil {
		return st.noted.ReadAt(buf, extsort.ValueAt{Run: l.run, At: l.at, N: int32(l.n)})
	}
	*buf = slices.Grow((*buf)[:0], int(l.n))[:l.n]
	if _, err := st.values.ReadAt(*buf, l.at); err != nil && l.n > 0 {
		return nil, err
	}
	return *buf, nil
}

// maxGroupKept bounds the values of one batch of groups (readGroup) that
// placing them keeps in memory.
var maxGroupKept = 4 << 20

// groupValue returns the value of the linked event i, of the batch g.
func (st *settling) groupValue(g *readGroup, i int32) ([]byte, error) {
	if l := &st.linked[i]; l.inGroup >= 0 {
		return g.values[l.inGroup : l.inGroup+l.n], nil
	}
	return st.readValue(&g.value, i)
}

// releaseOld is how many events settle reads between letting go of the
// old store's pages it brought in.
const releaseOld = 16 << 10

// settle reads the merge of the sorted records (it closes them) and the
// store old reads (or nil), and returns a sorter holding the records that
// place every linked group, with temporary files of its own in dir.
//
// noted, when not nil, says where the sorted records' events are: the
// store then has none of its own, and the merge is read only as far as
// the events. At a million events, reading them all through the merge,
// to find the tenth that are linked, read a gigabyte of runs once more.
func settle(sorted []extsort.Stream, old *bbolt.Tx, oldPath, dir string, noted *extsort.Noted) (*extsort.Sorter, error) {
	defer extsort.CloseStreams(sorted)
	st := &settling{index: map[string]int32{}, counts: map[string]int{}, old: old, noted: noted}
	if noted == nil {
		values, err := os.CreateTemp(dir, "grouped-*")
		if err != nil {
			return nil, err
		}
		defer func() {
			values.Close()
			os.Remove(values.Name())
		}()
		// The values are written a buffer at a time: one write each cost
		// a million events' import 0.3 s of its serial path.
		st.values, st.out = values, bufio.NewWriterSize(values, 256<<10)
	}
	err := extsort.NewMerge(slices.Concat(sorted, cursorStreams(old))).EachAhead(guardOld(old, oldPath, dir), st.read)
	if err != nil && !errors.Is(err, errStop) {
		return nil, err
	}
	if noted != nil {
		if len(st.index) > 0 {
			if err := noted.Each(st.readNoted); err != nil {
				return nil, err
			}
		}
	} else if err := st.out.Flush(); err != nil {
		return nil, err
	}
	sorter := extsort.New(dir, sortMemory/4)
	if err := st.place(sorter); err != nil {
		sorter.Remove()
		return nil, err
	}
	return sorter, nil
}

// readNoted takes where the event stored under key is in the runs, when
// it is linked.
func (st *settling) readNoted(key []byte, at extsort.ValueAt) error {
	i, linked := st.index[string(model.OrderKeyIDBytes(key))]
	if !linked {
		return nil
	}
	if st.linked[i].read {
		// The store had no events, and an import's ids are its own.
		return fmt.Errorf("event %q is stored under two keys", st.ids[i])
	}
	st.found(i, key, at.Run, at.At, int64(at.N))
	return nil
}

// found keeps the stored key of the linked event i, and where its value
// is: in run of the sorter's (settling.noted), or else in values.
func (st *settling) found(i int32, key []byte, run int32, at, n int64) {
	keyAt := int64(len(st.keys))
	st.keys = append(st.keys, key...)
	st.linked[i] = linkedEvent{read: true, keyAt: keyAt, keyTo: int64(len(st.keys)), run: run, at: at, n: n, inGroup: -1}
}

// read takes one record of the merge, and stops it past the events.
func (st *settling) read(r *extsort.Record) error {
	key := r.Key[1:]
	if r.Key[0] > bucketLinks.letter && len(st.index) == 0 {
		// No order links: no group to place, and nothing past the
		// links to read (the events alone are most of the records).
		return errStop
	}
	switch r.Key[0] {
	case bucketLinks.letter:
		parts := bytes.SplitN(key, []byte{keySep}, 3)
		if len(parts) != 3 {
			return stored.Unreadablef("links index entry %q has no rel", key)
		}
		if target, from := parts[0], parts[1]; model.Rel(parts[2]).Orders() && !bytes.Equal(target, from) {
			st.pairs = append(st.pairs, [2]int32{st.placeOf(target), st.placeOf(from)})
		}
	case bucketCounts.letter:
		if len(r.Value) == 8 {
			st.counts[string(key)] = int(binary.BigEndian.Uint64(r.Value))
		}
	case bucketEvents.letter:
		if st.noted != nil {
			return errStop // readNoted reads on
		}
		if st.n++; st.old != nil && st.n%releaseOld == 0 {
			release(st.old) // the old store's events are all read once
		}
		i, linked := st.index[string(model.OrderKeyIDBytes(key))]
		if !linked {
			return nil
		}
		st.found(i, key, 0, st.size, int64(len(r.Value)))
		if _, err := st.out.Write(r.Value); err != nil {
			return err
		}
		st.size += int64(len(r.Value))
	default:
		if r.Key[0] > bucketEvents.letter {
			return errStop
		}
	}
	return nil
}

// place orders each group and adds the records that move its events.
// One goroutine reads the groups' events while another orders them and
// adds the records: at a million events, each is about half the work.
func (st *settling) place(sorter *extsort.Sorter) error {
	// Each event's linked events, as one list of places cut at first[i].
	first := make([]int32, len(st.linked)+1)
	for _, p := range st.pairs {
		first[p[0]+1]++
		first[p[1]+1]++
	}
	for i := range st.linked {
		first[i+1] += first[i]
	}
	next := slices.Clone(first[:len(st.linked)])
	others := make([]int32, first[len(st.linked)])
	for _, p := range st.pairs {
		others[next[p[0]]], next[p[0]] = p[1], next[p[0]]+1
		others[next[p[1]]], next[p[1]] = p[0], next[p[1]]+1
	}
	st.pairs = nil
	// A few batches are in hand at a time, each's slices used again.
	const inHand = 3
	free, read := make(chan *readGroup, inHand), make(chan *readGroup, inHand)
	for range inHand {
		free <- &readGroup{}
	}
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(read)
		readErr = st.readGroups(first, others, free, read, stop)
	}()
	counts := map[string]int{}
	var err error
	for g := range read {
		if err == nil {
			if err = st.placeGroups(sorter, g, counts); err != nil {
				close(stop)
			}
		}
		free <- g
	}
	if err == nil {
		err = readErr
	}
	if err != nil {
		return err
	}
	add := func(bk bucket, key, value []byte, rank extsort.Rank) error {
		return sorter.Add(bk.letter, key, value, rank)
	}
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		if err := addCount(add, []byte(k), st.counts[k]+counts[k], extsort.RankAmend, extsort.RankRetract); err != nil {
			return err
		}
	}
	return nil
}

// readGroup is a batch of linked groups as read: their events, group
// after group, and the events' values one after another, as far as
// maxGroupKept. Groups go from one goroutine to the other in batches: a
// million events' 61,000 groups handed over one at a time took as long
// as placing them on one goroutine.
type readGroup struct {
	events []model.Event
	ends   []int // where each group's events end in events
	values []byte
	value  []byte // a value not kept, read again
}

// groupsPerBatch is how many groups a readGroup holds at most.
const groupsPerBatch = 512

// readGroups reads the groups' events into batches taken from free, and
// sends each on read, until every group is read or stop is closed.
func (st *settling) readGroups(first, others []int32, free <-chan *readGroup, read chan<- *readGroup, stop <-chan struct{}) error {
	done := make([]bool, len(st.linked))
	var queue []int32
	var value []byte // the value being read
	var g *readGroup
	send := func() bool {
		select {
		case read <- g:
			g = nil
			return true
		case <-stop:
			return false
		}
	}
	for start := range int32(len(st.linked)) {
		if done[start] {
			continue
		}
		if g == nil {
			select {
			case g = <-free:
			case <-stop:
				return nil
			}
			g.events, g.ends, g.values = g.events[:0], g.ends[:0], g.values[:0]
		}
		queue = append(queue[:0], start)
		done[start] = true
		for k := 0; k < len(queue); k++ {
			cur := queue[k]
			if st.linked[cur].read {
				v, err := st.readValue(&value, cur)
				if err != nil {
					return err
				}
				// Kept for move, which would read it again, up to a
				// bound: one group may hold a great many events. Only
				// this batch's events are set here, and placeGroups reads
				// them after the batch is sent.
				if len(g.values)+len(v) <= maxGroupKept {
					st.linked[cur].inGroup = int64(len(g.values))
					g.values = append(g.values, v...)
				}
				e, err := stored.Decode(v)
				if err != nil {
					return fmt.Errorf("event %q: %w", st.ids[cur], err)
				}
				g.events = append(g.events, model.Event{ID: st.ids[cur], Date: e.Date, Title: e.Title, Links: e.Links, Tags: e.Tags})
			}
			for _, other := range others[first[cur]:first[cur+1]] {
				if !done[other] {
					done[other] = true
					queue = append(queue, other)
				}
			}
		}
		g.ends = append(g.ends, len(g.events))
		if len(g.ends) == groupsPerBatch && !send() {
			return nil
		}
	}
	if g != nil {
		send()
	}
	return nil
}

// placeGroups orders each group of a batch and adds the records that
// move those of its events whose place gives them another key.
func (st *settling) placeGroups(sorter *extsort.Sorter, g *readGroup, counts map[string]int) error {
	from := 0
	for _, end := range g.ends {
		ch := model.Order(g.events[from:end])
		from = end
		for i := range ch.Events {
			p := &ch.Events[i]
			at := st.index[p.Event.ID]
			if want := p.OrderKey(); !bytes.Equal(want, st.storedKey(at)) {
				if err := st.move(sorter, g, p.Event, at, want, counts); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// move adds the records that put e under want rather than the key it is
// stored under, and adds the changes to the counts to counts.
func (st *settling) move(sorter *extsort.Sorter, g *readGroup, e *model.Event, i int32, want []byte, counts map[string]int) error {
	old := st.storedKey(i)
	v, err := st.groupValue(g, i) // the sorter copies it
	if err != nil {
		return err
	}
	if err := sorter.Add(bucketEvents.letter, old, nil, extsort.RankRetract); err != nil {
		return err
	}
	if err := sorter.Add(bucketEvents.letter, want, v, extsort.RankAmend); err != nil {
		return err
	}
	if err := sorter.Add(bucketIDs.letter, []byte(e.ID), want, extsort.RankAmend); err != nil {
		return err
	}
	return rekey(e, old, want, func(bk bucket, key []byte, put bool) error {
		if put {
			return sorter.Add(bk.letter, key, nil, extsort.RankAmend)
		}
		return sorter.Add(bk.letter, key, nil, extsort.RankRetract)
	}, func(key []byte, delta int) error {
		counts[string(key)] += delta
		return nil
	})
}
