package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/bolt/internal/extsort"

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

// settling gathers what the pass reads.
type settling struct {
	links   map[string][]string // order links, both ways, by event id
	members map[string]*member  // the events of the groups, by id
	counts  map[string]int      // counts/, as the store will have them
	values  *os.File            // the members' values, one after another
	size    int64
	value   []byte    // the value of the member being moved
	old     *bbolt.Tx // whose pages to let go of now and then
	n       int       // events read
}

// member is an event of a linked group: what ordering it needs, the key
// it is stored under, and where its value is in the values file.
type member struct {
	date   model.Date
	title  string
	links  []model.Link
	tags   []string
	stored []byte
	at, n  int64
}

// releaseOld is how many events settle reads between letting go of the
// old store's pages it brought in.
const releaseOld = 16 << 10

// settle reads the merge of the sorted records (it closes them) and the
// store old reads (or nil), and returns a sorter holding the records that
// place every linked group, with temporary files of its own in dir.
func settle(sorted []extsort.Stream, old *bbolt.Tx, dir string) (*extsort.Sorter, error) {
	defer extsort.CloseStreams(sorted)
	values, err := os.CreateTemp(dir, "grouped-*")
	if err != nil {
		return nil, err
	}
	defer func() {
		values.Close()
		os.Remove(values.Name())
	}()
	st := &settling{links: map[string][]string{}, members: map[string]*member{}, counts: map[string]int{}, values: values, old: old}
	err = extsort.NewMerge(slices.Concat(sorted, cursorStreams(old))).EachAhead(guardOld(old, dir), st.read)
	if err != nil && !errors.Is(err, errStop) {
		return nil, err
	}
	sorter := extsort.New(dir, sortMemory/4)
	if err := st.place(sorter); err != nil {
		sorter.Remove()
		return nil, err
	}
	return sorter, nil
}

// read takes one record of the merge, and stops it past the events.
func (st *settling) read(r *extsort.Record) error {
	key := r.Key[1:]
	switch r.Key[0] {
	case bucketLinks.letter:
		parts := bytes.SplitN(key, []byte{keySep}, 3)
		if len(parts) != 3 {
			return stored.Unreadablef("links index entry %q has no rel", key)
		}
		if target, from := string(parts[0]), string(parts[1]); model.Rel(parts[2]).Orders() && target != from {
			st.links[target] = append(st.links[target], from)
			st.links[from] = append(st.links[from], target)
		}
	case bucketCounts.letter:
		if len(r.Value) == 8 {
			st.counts[string(key)] = int(binary.BigEndian.Uint64(r.Value))
		}
	case bucketEvents.letter:
		if st.n++; st.old != nil && st.n%releaseOld == 0 {
			release(st.old) // the old store's events are all read once
		}
		id := model.OrderKeyID(key)
		if _, linked := st.links[id]; !linked {
			return nil
		}
		e, err := stored.Decode(r.Value)
		if err != nil {
			return fmt.Errorf("event %q: %w", id, err)
		}
		st.members[id] = &member{date: e.Date, title: e.Title, links: e.Links, tags: e.Tags, stored: bytes.Clone(key), at: st.size, n: int64(len(r.Value))}
		if _, err := st.values.Write(r.Value); err != nil {
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
func (st *settling) place(sorter *extsort.Sorter) error {
	done := make(map[string]bool, len(st.links))
	counts := map[string]int{}
	// One group is ordered at a time: its slices are used again for the
	// next (tens of thousands of groups at a million events).
	var group []model.Event
	var queue []string
	for _, id := range slices.Sorted(maps.Keys(st.links)) {
		if done[id] {
			continue
		}
		group = group[:0]
		queue = append(queue[:0], id)
		done[id] = true
		for i := 0; i < len(queue); i++ {
			cur := queue[i]
			if m, ok := st.members[cur]; ok {
				group = append(group, model.Event{ID: cur, Date: m.date, Title: m.title, Links: m.links, Tags: m.tags})
			}
			for _, other := range st.links[cur] {
				if !done[other] {
					done[other] = true
					queue = append(queue, other)
				}
			}
		}
		ch := model.Order(group)
		for i := range ch.Events {
			p := &ch.Events[i]
			if want := p.OrderKey(); !bytes.Equal(want, st.members[p.Event.ID].stored) {
				if err := st.move(sorter, p.Event, want, counts); err != nil {
					return err
				}
			}
		}
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

// move adds the records that put e under want rather than the key it is
// stored under, and adds the changes to the counts to counts.
func (st *settling) move(sorter *extsort.Sorter, e *model.Event, want []byte, counts map[string]int) error {
	m := st.members[e.ID]
	old := m.stored
	st.value = slices.Grow(st.value[:0], int(m.n))[:m.n] // the sorter copies it
	v := st.value
	if _, err := st.values.ReadAt(v, m.at); err != nil && m.n > 0 {
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
