package bolt

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// TestFileTreesReadAsBbolt: a key looked up in the file answers what
// bbolt's Get answers, for every key of the indexes a window looks up
// in, keys that are not there (before the first, between two, after the
// last), a value longer than a page, a nested bucket's key, and a
// bucket held inside its parent's page; and when the file is not the
// store's, the lookup goes through bbolt and still answers right.
func TestFileTreesReadAsBbolt(t *testing.T) {
	s := newSynthStore(t, 2_000)
	long := strings.Repeat("A quote longer than a page of the file. ", 2000)
	if _, err := s.Write(model.OpAdd, "long", func(tx model.Tx) error {
		_, err := model.AddEvent(tx, model.Event{ID: "long", Title: "Long", Date: model.MustParseDate("2017-08-14"), Quotes: []model.Quote{{Text: long}}})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		outer, err := tx.CreateBucket([]byte("zz-test-outer"))
		if err != nil {
			return err
		}
		if _, err := outer.CreateBucket([]byte("nested")); err != nil {
			return err
		}
		if err := outer.Put([]byte("key"), []byte("value")); err != nil {
			return err
		}
		inline, err := tx.CreateBucket([]byte("zz-test-inline"))
		if err != nil {
			return err
		}
		return inline.Put([]byte("key"), []byte("value"))
	}); err != nil {
		t.Fatal(err)
	}
	other, err := os.Create(filepath.Join(t.TempDir(), "other"))
	if err != nil {
		t.Fatal(err)
	}
	other.Write(bytes.Repeat([]byte{0x02, 0x00, 0xFF}, 1<<16))
	err = s.db.View(func(tx *bbolt.Tx) error {
		b := bucketsOf(tx)
		outer, inline := tx.Bucket([]byte("zz-test-outer")), tx.Bucket([]byte("zz-test-inline"))
		if outer.Root() == 0 || inline.Root() != 0 {
			t.Fatalf("bucket roots %d and %d; the test wants a page of its own and one inline", outer.Root(), inline.Root())
		}
		longKey := b.ids.Get([]byte("long"))
		if v := b.events.Get(longKey); len(v) <= s.db.Info().PageSize {
			t.Fatalf("the long event's value is %d bytes; the test wants more than a page", len(v))
		}
		for _, trees := range []struct {
			name string
			t    *fileTrees
		}{
			{"the store's file", s.trees(tx)},
			{"another file", &fileTrees{file: other, tx: tx, size: s.db.Info().PageSize, cache: &pageCache{}}},
		} {
			check := func(bucket *bbolt.Bucket, key []byte) {
				t.Helper()
				want := bucket.Get(key)
				if got := trees.t.get(bucket, key); !bytes.Equal(got, want) || (got == nil) != (want == nil) {
					t.Fatalf("%s: %q: %d bytes; want %d", trees.name, key, len(got), len(want))
				}
			}
			for _, bucket := range []*bbolt.Bucket{b.ids, b.events} {
				c := bucket.Cursor()
				var prev []byte
				for k, _ := c.First(); k != nil; k, _ = c.Next() {
					check(bucket, k)
					if prev != nil {
						check(bucket, append(bytes.Clone(prev), 0)) // between two
					}
					prev = k
				}
				check(bucket, nil)
				check(bucket, []byte{})
				check(bucket, append(prev, 0xFF))
			}
			check(b.events, longKey)
			check(outer, []byte("key"))
			check(outer, []byte("nested"))
			check(outer, []byte("absent"))
			check(inline, []byte("key"))
			check(inline, []byte("absent"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLeavesFindTheEventsPages: the page each event's head leads to is
// the page its whole key is on, but for a key that begins as others do
// beyond its head, which may be on a later page (then it is looked up);
// and a page read for a key is the page bbolt reads it from.
func TestLeavesFindTheEventsPages(t *testing.T) {
	s := newSynthStore(t, 2_000)
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := bucketsOf(tx)
		trees := s.trees(tx)
		var keys [][]byte
		c := b.events.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			keys = append(keys, k)
		}
		leaves, err := trees.leaves(uint64(b.events.Root()), func(yield func([]byte) bool) {
			for _, k := range keys {
				if !yield(k) {
					return
				}
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(leaves) != len(keys) {
			t.Fatalf("%d pages for %d keys", len(leaves), len(keys))
		}
		distinct := map[uint32]bool{}
		for i, k := range keys {
			distinct[leaves[i]] = true
			id := model.OrderKeyID(k)
			key, value, err := trees.eventOn(uint64(leaves[i]), id, true)
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			if !bytes.Equal(key, k) || !bytes.Equal(value, b.events.Get(k)) {
				t.Fatalf("%s: read %q from page %d; want its own key and value", id, key, leaves[i])
			}
			if i > 0 && leaves[i] != leaves[i-1] {
				// Not on another event's page.
				if other, _, _ := trees.eventOn(uint64(leaves[i-1]), id, false); other != nil {
					t.Fatalf("%s: found on page %d as well as on %d", id, leaves[i-1], leaves[i])
				}
			}
		}
		if len(distinct) < len(keys)/20 {
			t.Fatalf("%d events on %d pages: the test wants events over many pages", len(keys), len(distinct))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestAnImportTellsTheNewFile: an import that builds a new file and puts
// it in place of the store's leaves the store reading the new file, by
// pread as through bbolt, and no longer taking it for the old one.
func TestAnImportTellsTheNewFile(t *testing.T) {
	s := newSynthStore(t, 200)
	before, oldFile := s.ident, s.file
	in := s.path + ".json"
	if err := os.WriteFile(in, []byte(`{"chrono": 1, "events": [{"id": "new-one", "title": "New", "date": "2019"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import([]model.Input{fileInput(t, in)}, model.ImportOptions{Bulk: true}); err != nil {
		t.Fatal(err)
	}
	if s.file == oldFile {
		t.Fatal("the store still holds the old file")
	}
	if s.ident == before {
		t.Errorf("the store's identity is still the old file's (%s)", before)
	}
	if !stillAt(s.path, s.file) {
		t.Error("the store's file is not the one at its path")
	}
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := bucketsOf(tx)
		key := s.trees(tx).get(b.ids, []byte("new-one"))
		if key == nil || !bytes.Equal(key, b.ids.Get([]byte("new-one"))) {
			t.Errorf("the new event read by pread: %q; want %q", key, b.ids.Get([]byte("new-one")))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDeepTreesReadTogether: in a tree of many levels (small pages, as a
// store on a system with 4 KB pages grows to), read from several
// goroutines at once, every lookup and every leaf found from a head
// answers as bbolt does: no page buffer is reused while it is read.
func TestDeepTreesReadTogether(t *testing.T) {
	db, file := smallPagesDB(t)
	var keys [][]byte
	if err := db.Update(func(tx *bbolt.Tx) error {
		events, err := tx.CreateBucket([]byte("events"))
		if err != nil {
			return err
		}
		for i := range 20_000 {
			e := model.Event{ID: fmt.Sprintf("e%05d", i), Title: fmt.Sprintf("Event %d", i*7919%20_000), Date: model.MustParseDate(fmt.Sprintf("%d-%02d", 1990+i%30, 1+i%12))}
			key := model.OrderKey(&e)
			keys = append(keys, key)
			if err := events.Put(key, bytes.Repeat([]byte{byte(i)}, 40+i%7*300)); err != nil { // some longer than a page
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(keys, bytes.Compare)
	err := db.View(func(tx *bbolt.Tx) error {
		events := tx.Bucket([]byte("events"))
		trees := &fileTrees{file: file, tx: tx, size: minPageSize, cache: &pageCache{}}
		if h, err := trees.height(uint64(events.Root())); err != nil || h < 5 {
			t.Fatalf("the tree has %d levels (%v); the test wants five or more", h, err)
		}
		var wg sync.WaitGroup
		errs := make(chan string, 8)
		for g := range 4 {
			wg.Go(func() {
				order := slices.Clone(keys)
				if g%2 == 1 {
					slices.Reverse(order) // leaves() wants them in order: only lookups this way
				}
				for _, k := range order {
					if got := trees.get(events, k); !bytes.Equal(got, events.Get(k)) {
						errs <- fmt.Sprintf("goroutine %d: %s looked up with another value", g, model.OrderKeyID(k))
						return
					}
				}
				leaves, err := trees.leaves(uint64(events.Root()), func(yield func([]byte) bool) {
					for _, k := range keys {
						if !yield(k[:min(len(k), headLen)]) {
							return
						}
					}
				})
				if err != nil {
					errs <- err.Error()
					return
				}
				for i, k := range keys {
					id := model.OrderKeyID(k)
					key, value, err := trees.eventOn(uint64(leaves[i]), id, true)
					if err != nil || key != nil && (!bytes.Equal(key, k) || !bytes.Equal(value, events.Get(k))) {
						errs <- fmt.Sprintf("goroutine %d: %s read from page %d as %q (%v)", g, id, leaves[i], key, err)
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKeyedReadsItsRowsFromTheirPages: a filter's events too many for
// heads and too far apart to walk to are each read from the page
// keyedOf noted for them, but for those whose keys begin as a
// neighbour's do for a whole head (or are shorter than one), which may
// be on another page and are looked up; every one is read whole.
func TestKeyedReadsItsRowsFromTheirPages(t *testing.T) {
	s := newSynthStore(t, 72_000)
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := bucketsOf(tx)
		b.trees = s.trees(tx)
		var ids []string
		var keys [][]byte
		c := b.events.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			keys = append(keys, k)
		}
		alike := map[string]bool{}
		for i, k := range keys {
			head := k[:min(len(k), headLen)]
			if len(k) < headLen || i > 0 && bytes.HasPrefix(keys[i-1], head) || i+1 < len(keys) && bytes.HasPrefix(keys[i+1], head) {
				alike[model.OrderKeyID(k)] = true
			}
		}
		c = b.ids.Cursor()
		i := 0
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if i++; i%41 < 5 {
				ids = append(ids, string(k))
			}
		}
		k := keyedOf(b, ids)
		if k.heads != nil || k.dense || k.leaves == nil {
			t.Fatalf("%d events of %d: heads %v, dense %v, pages %v; the test wants their pages noted", k.len(), len(keys), k.heads != nil, k.dense, k.leaves != nil)
		}
		missed := 0
		for i := range k.len() {
			id := k.id(int(k.order[i]))
			want := b.events.Get(b.ids.Get([]byte(id)))
			onPage, _, err := b.trees.eventOn(uint64(k.leaves[i]), id, false)
			if err != nil {
				t.Fatal(err)
			}
			if onPage == nil {
				missed++
				if !alike[id] {
					t.Errorf("%s is not on the page noted for it (%d)", id, k.leaves[i])
				}
			}
			if key, value := k.event(b, i, true); !bytes.Equal(value, want) || model.OrderKeyID(key) != id {
				t.Fatalf("%s read as %s", id, model.OrderKeyID(key))
			}
		}
		t.Logf("%d of %d events looked up", missed, k.len())
		// Named among as many that are not stored, found along the
		// events index: each is on the page noted, found there, none
		// looked up.
		given := slices.Clone(ids)
		for i := range len(keys) / 8 {
			given = append(given, fmt.Sprintf("zz-not-stored-%06d", i))
		}
		slices.Sort(given)
		along, ok := keyedAlong(b, given, nil)
		if !ok {
			t.Fatal("not worked out along the events index")
		}
		if along.dense || along.leaves == nil || along.len() != k.len() {
			t.Fatalf("along the events index: dense %v, pages %v, %d events of %d", along.dense, along.leaves != nil, along.len(), k.len())
		}
		for i := range along.len() {
			id := along.id(int(along.order[i]))
			if key, _, err := b.trees.eventOn(uint64(along.leaves[i]), id, false); key == nil || err != nil {
				t.Fatalf("%s is not on the page noted for it along the events index (%d; %v)", id, along.leaves[i], err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestAlongTheEventsIndexValuesAreNotRead: working out many events along
// the events index reads their keys, not their values: an event of 24
// MB beside others costs its page, not its size, and the keys that lie
// past it on its leaf are read and found all the same.
func TestAlongTheEventsIndexValuesAreNotRead(t *testing.T) {
	s := newSynthStore(t, 300)
	long := strings.Repeat("A quote as long as the longest a quote may be. ", 1<<20/48)
	if _, err := s.Write(model.OpAdd, "long", func(tx model.Tx) error {
		for i := range 3 {
			e := model.Event{ID: fmt.Sprintf("long-%d", i), Title: "Long", Date: model.MustParseDate("2017-08-14")}
			for j := range 24 * (1 - min(i, 1)) {
				e.Quotes = append(e.Quotes, model.Quote{Text: fmt.Sprint(j, long)})
			}
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
		var ids []string
		c := b.ids.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			ids = append(ids, string(k))
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		along, ok := keyedAlong(b, ids, nil)
		runtime.ReadMemStats(&after)
		if !ok {
			t.Fatal("not worked out along the events index")
		}
		if took := after.TotalAlloc - before.TotalAlloc; took > 4<<20 {
			t.Errorf("working the events out took %d MB", took>>20)
		}
		mapped := b
		mapped.trees = nil
		if viaIDs := keyedOf(mapped, ids); !slices.Equal(along.order, viaIDs.order) {
			t.Errorf("%d events along the events index; %d along the ids index, or in another order", along.len(), viaIDs.len())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestAtOrBeforeAnswersAsACursor: in a tree of many levels with keys
// taken out here and there (so that some branch keys are older than
// their children's first keys), the last key at or before any key, read
// from the file, is what bbolt's cursor finds there, or the read says it
// cannot tell; it cannot tell only where no key of its leaf comes first.
func TestAtOrBeforeAnswersAsACursor(t *testing.T) {
	db, file := smallPagesDB(t)
	key := func(i int) []byte { return fmt.Appendf(nil, "k%06d", i*10) }
	if err := db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket([]byte("history"))
		if err != nil {
			return err
		}
		for i := range 30_000 {
			if err := b.Put(key(i), bytes.Repeat([]byte{byte(i)}, 10+i%5*40)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("history"))
		for i := 0; i < 30_000; i += 7 {
			if err := b.Delete(key(i)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	err := db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("history"))
		trees := &fileTrees{file: file, tx: tx, size: minPageSize, cache: &pageCache{}}
		if h, err := trees.height(uint64(b.Root())); err != nil || h < 4 {
			t.Fatalf("the tree has %d levels (%v); the test wants four or more", h, err)
		}
		untold := 0
		for i := -1; i <= 30_000; i++ {
			for _, probe := range [][]byte{key(i), append(key(i), '5'), []byte(fmt.Sprintf("k%06d", i*10+9))} {
				c := b.Cursor()
				want, wantV := c.Seek(probe)
				if !bytes.Equal(want, probe) {
					if want == nil {
						want, wantV = c.Last()
					} else {
						want, wantV = c.Prev()
					}
				}
				got, gotV, err := trees.atOrBefore(uint64(b.Root()), probe)
				if err == errNotAPage {
					untold++
					continue
				}
				if err != nil || !bytes.Equal(got, want) || !bytes.Equal(gotV, wantV) {
					t.Fatalf("at or before %q: %q (%v), the cursor %q", probe, got, err, want)
				}
			}
		}
		// Only probes before every key of their leaf: the first
		// leaf's, and where a deleted first key left its branch key.
		if untold > 100 {
			t.Errorf("%d probes left to bbolt", untold)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// smallPagesDB opens a new bbolt file of the smallest pages read, whose
// trees grow deep with few keys, and returns it with its file, closed
// when the test ends.
func smallPagesDB(t *testing.T) (*bbolt.DB, *os.File) {
	t.Helper()
	var file *os.File
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "deep.db"), 0o600, &bbolt.Options{
		PageSize: minPageSize,
		OpenFile: openKeeping(&file),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, file
}
