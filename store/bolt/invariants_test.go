package bolt

import (
	"bytes"
	"encoding/binary"
	"maps"
	"slices"
	"testing"

	"chrono/model"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// checkInvariants rebuilds the ids, tags and links indexes and every kept
// count from the events bucket alone, and the history index from the
// journal, and fails the test where the store's own differ: every write
// must keep them in step. No event is both on the timeline and in the
// trash.
func checkInvariants(t testing.TB, s *Store) {
	t.Helper()
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := bucketsOf(tx)
		if v, err := schemaOf(tx); err != nil || v != SchemaVersion {
			t.Errorf("schema = %d, %v; want %d", v, err, SchemaVersion)
		}
		wantIDs := map[string]string{}
		wantTags := map[string]bool{}
		wantLinks := map[string]bool{}
		wantCounts := map[string]int{}
		count := func(k []byte) { wantCounts[string(k)]++ }
		// Every event is under the key the chronology's order gives it
		// among all of them.
		var all []model.Event
		_ = b.events.ForEach(func(_, v []byte) error {
			if e, err := stored.Decode(v); err == nil {
				all = append(all, e)
			}
			return nil
		})
		ch := model.Order(all)
		wantKeys := map[string][]byte{}
		for i := range ch.Events {
			wantKeys[ch.Events[i].Event.ID] = ch.Events[i].OrderKey()
		}
		err := b.events.ForEach(func(order, v []byte) error {
			e, err := stored.Decode(v)
			if err != nil {
				t.Errorf("event at %q: %v", order, err)
				return nil
			}
			if want := wantKeys[e.ID]; !bytes.Equal(order, want) {
				t.Errorf("event %q is stored under %q, want its order key %q", e.ID, order, want)
			}
			wantIDs[e.ID] = string(order)
			for _, tag := range e.Tags {
				wantTags[string(tagKey(tag, order))] = true
				count(counterKey(counterTag, tag))
			}
			for _, a := range slices.Compact(slices.Sorted(slices.Values(e.Actors))) {
				count(counterKey(counterActor, a))
			}
			for _, l := range e.Links {
				wantLinks[string(linkKey(l.Event, e.ID, l.Rel))] = true
			}
			count(counterKey(counterStatus, string(e.Status)))
			count(periodCountKey(periodOfKey(order)))
			count(orderCountKey(orderPeriodOfKey(order)))
			if e.Date.Earliest() != model.BeginningOfTime && !e.Date.IsZero() {
				if months := model.MonthsOf(e.Date.Earliest(), e.Date.Latest()); months > 1 {
					count(spanCountKey(periodOfKey(order), months))
				}
			}
			for _, src := range model.AppendCited(nil, &e) {
				count(counterKey(counterCited, src))
			}
			count(keyTotal)
			return nil
		})
		if err != nil {
			return err
		}
		gotIDs := map[string]string{}
		b.ids.ForEach(func(k, v []byte) error { gotIDs[string(k)] = string(v); return nil })
		if !maps.Equal(gotIDs, wantIDs) {
			t.Errorf("ids index = %q\nwant %q", gotIDs, wantIDs)
		}
		for name, want := range map[string]map[string]bool{"tags": wantTags, "links": wantLinks} {
			got := map[string]bool{}
			tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				got[string(k)] = true
				if len(v) != 0 {
					t.Errorf("%s/%q has a value %q", name, k, v)
				}
				return nil
			})
			if !maps.Equal(got, want) {
				t.Errorf("%s index = %q\nwant %q", name, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
			}
		}
		gotCounts := map[string]int{}
		b.counts.ForEach(func(k, v []byte) error {
			if len(v) != 8 {
				t.Errorf("count %q is %d bytes, want 8", k, len(v))
			}
			gotCounts[string(k)] = int(binary.BigEndian.Uint64(v))
			return nil
		})
		for k := range mergeKeys(gotCounts, wantCounts) {
			if gotCounts[k] != wantCounts[k] {
				t.Errorf("count %q = %d, want %d", k, gotCounts[k], wantCounts[k])
			}
		}
		b.trash.ForEach(func(k, _ []byte) error {
			if _, ok := wantIDs[string(k)]; ok {
				t.Errorf("event %q is both on the timeline and in the trash", k)
			}
			return nil
		})
		wantHistory := map[string]bool{}
		b.journal.ForEach(func(k, v []byte) error {
			e, err := decodeEntry(beUint64(k), v)
			if err != nil {
				t.Errorf("journal entry %x: %v", k, err)
				return nil
			}
			for _, c := range e.Events {
				wantHistory[string(historyKey(c.ID, e.Seq))] = true
			}
			return nil
		})
		gotHistory := map[string]bool{}
		b.history.ForEach(func(k, _ []byte) error { gotHistory[string(k)] = true; return nil })
		if !maps.Equal(gotHistory, wantHistory) {
			t.Errorf("history index = %q\nwant %q", slices.Sorted(maps.Keys(gotHistory)), slices.Sorted(maps.Keys(wantHistory)))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
