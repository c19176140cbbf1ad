package bolt

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// TestKeyedAgreesWithTheTimeline: the events a query by ids names are
// found in timeline order, counted by period, and placed by search, as
// the timeline has them, whether few (looked up one by one) or many
// (found along the ids index), given in any order, some twice, some not
// stored, found by the heads of their keys, walked to, looked up, or
// read from their pages of the file; and titles that begin alike are
// ordered and found by the whole key.
func TestKeyedAgreesWithTheTimeline(t *testing.T) {
	s := newSynthStore(t, 3_000)
	if _, err := s.Write(model.OpAdd, "alike", func(tx model.Tx) error {
		for i := range 40 {
			e := model.Event{ID: fmt.Sprintf("alike-%02d", i), Title: fmt.Sprintf("The same long beginning of a title, then %02d", 39-i), Date: model.MustParseDate("2017-08-14")}
			if _, err := model.AddEvent(tx, e); err != nil {
				return err
			}
			// and keys shorter than a head
			e = model.Event{ID: fmt.Sprintf("s%d", i), Title: string(rune('A' + i%3)), Date: model.MustParseDate("2017-08-14")}
			if _, err := model.AddEvent(tx, e); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := bucketsOf(tx)
		b.trees = s.trees(tx)
		var all []string
		c := b.ids.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			all = append(all, string(k))
		}
		rng := rand.New(rand.NewPCG(1, 2))
		for _, tt := range []struct {
			name string
			pick func(i int) bool
		}{
			{"few", func(i int) bool { return i%97 == 0 }},
			{"many", func(i int) bool { return i%2 == 0 }},
			{"all", func(int) bool { return true }},
			{"close, then far apart", func(i int) bool { return i < len(all)/2 && i%3 == 0 || i%(2*maxGap+5) == 0 }},
		} {
			var ids []string
			for i := range all {
				if tt.pick(i) {
					ids = append(ids, all[i])
				}
			}
			want := map[string]bool{}
			for _, id := range ids {
				want[id] = true
			}
			given := append(slices.Clone(ids), ids[0], "not-stored")
			rng.Shuffle(len(given), func(i, j int) { given[i], given[j] = given[j], given[i] })
			var keys, timeline [][]byte
			var periods periodCounter
			ec := b.events.Cursor()
			for k, _ := ec.First(); k != nil; k, _ = ec.Next() {
				timeline = append(timeline, k)
				if want[model.OrderKeyID(k)] {
					keys = append(keys, k)
					periods.add(k)
				}
			}
			k := keyedOf(b, given)
			// Many found along the events index in the file, or along
			// the ids index through the mapping (as a write transaction
			// finds them), the same.
			mapped := b
			mapped.trees = nil
			viaIDs := keyedOf(mapped, given)
			if along, ok := keyedAlong(b, slices.Sorted(slices.Values(given)), make([]byte, len(given)*(headLen+1))); !ok {
				t.Fatalf("%s: not worked out along the events index", tt.name)
			} else if !slices.Equal(along.order, viaIDs.order) || !reflect.DeepEqual(along.periods, viaIDs.periods) || !bytes.Equal(along.heads, viaIDs.heads) || along.dense != viaIDs.dense {
				t.Fatalf("%s: worked out along the events index and along the ids index, the events differ", tt.name)
			}
			if !slices.Equal(k.order, viaIDs.order) || !reflect.DeepEqual(k.periods, viaIDs.periods) {
				t.Fatalf("%s: worked out with the file read and without, the events differ", tt.name)
			}
			if k.heads == nil {
				t.Fatalf("%s: %d events kept no heads", tt.name, k.len())
			}
			heads := k.heads
			// Each event's page of the events index, found by its head
			// as keyedOf finds them for more events than heads keep.
			leaves, err := b.trees.leaves(uint64(b.events.Root()), func(yield func([]byte) bool) {
				for i := range k.len() {
					if !yield(k.head(int(k.order[i]))) {
						return
					}
				}
			})
			if err != nil {
				t.Fatalf("%s: the events' pages: %v", tt.name, err)
			}
			for _, form := range []string{"as given, by heads", "as given, walked", "as given, looked up", "as given, read from their pages", "packed, looked up", "packed, walked", "packed, by heads", "packed, read from their pages"} {
				if strings.HasPrefix(form, "packed") && k.ends == nil {
					k.pack()
				}
				k.heads, k.dense, k.leaves = nil, false, nil
				switch {
				case strings.HasSuffix(form, "heads"):
					k.heads = heads
				case strings.HasSuffix(form, "walked"):
					k.dense = true
				case strings.HasSuffix(form, "pages"):
					k.leaves = leaves
				}
				k.recent = nil
				if k.len() != len(keys) {
					t.Fatalf("%s, %s: %d events found; want %d", tt.name, form, k.len(), len(keys))
				}
				for i, key := range keys {
					if got := k.key(b, i); !bytes.Equal(got, key) {
						t.Fatalf("%s, %s: event %d in order is %s; want %s", tt.name, form, i, model.OrderKeyID(got), model.OrderKeyID(key))
					}
					if got := k.search(b, key); got != i {
						t.Fatalf("%s, %s: %s found at %d; want %d", tt.name, form, model.OrderKeyID(key), got, i)
					}
				}
				// Walked from any place in the timeline, either way.
				for j, from := range timeline {
					if j%53 != 0 && j != len(timeline)-1 {
						continue
					}
					start, _ := slices.BinarySearchFunc(keys, from, bytes.Compare)
					for _, backward := range []bool{false, true} {
						var want [][]byte
						if backward {
							want = slices.Clone(keys[:start])
							slices.Reverse(want)
						} else {
							want = keys[start:]
						}
						w := newKeyedEvents(b, k, backward)
						var got [][]byte
						for key := w.seek(from); key != nil; key = w.next() {
							if v := w.value(); !bytes.Equal(v, b.events.Get(key)) {
								t.Fatalf("%s, %s: %s read with another's value", tt.name, form, model.OrderKeyID(key))
							}
							got = append(got, key)
						}
						if !slices.EqualFunc(got, want, bytes.Equal) {
							t.Fatalf("%s, %s: walked from %d (backward %v): %d events; want %d", tt.name, form, j, backward, len(got), len(want))
						}
					}
				}
				// Any place in the timeline, at an event or at the
				// beginning of a key, as a window or a jump seeks.
				for _, key := range timeline {
					for _, cut := range []int{24, headLen - 1, headLen, headLen + 1, len(key)} {
						at := key[:min(cut, len(key))]
						want, _ := slices.BinarySearchFunc(keys, at, bytes.Compare)
						if got := k.search(b, at); got != want {
							t.Fatalf("%s, %s: %q searched at %d; want %d", tt.name, form, at, got, want)
						}
					}
				}
			}
			if !reflect.DeepEqual(k.periods, periods.periods()) {
				t.Errorf("%s: periods %v; want %v", tt.name, k.periods, periods.periods())
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKeyedAskedTogether: reads that ask for the same candidates at once
// all get them, worked out by one of them.
func TestKeyedAskedTogether(t *testing.T) {
	s := newStore(t)
	ids := []string{"khashoggi-killed", "fbi-tip", "not-an-event"}
	q := model.Query{ByID: true, IDs: ids}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			n, err := s.Count(q)
			if err == nil && n != 2 {
				err = fmt.Errorf("counted %d; want 2", n)
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	s.keys.mu.Lock()
	defer s.keys.mu.Unlock()
	if len(s.keys.byList) != 1 || s.keys.byList[0].k == nil || s.keys.byList[0].k.len() != 2 {
		t.Errorf("kept %d lists; want the one, worked out", len(s.keys.byList))
	}
}
