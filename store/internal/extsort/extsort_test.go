package extsort

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
)

// TestSortAndMerge adds records in a random order, with several records
// for some keys, to sorters that spill after every few records or never,
// and checks that the merge gives each key once, in order, with the value
// of its strongest record, and leaves out the keys that one deletes.
func TestSortAndMerge(t *testing.T) {
	type want struct {
		value string
		rank  Rank
	}
	rng := rand.New(rand.NewPCG(1, 2))
	type add struct {
		bucket     byte
		key, value string
		rank       Rank
	}
	var adds []add
	wins := map[string]want{} // bucket letter and key → the winner
	for i := range 2000 {
		bucket := "cemt"[rng.IntN(4)]
		key := fmt.Sprintf("key-%03d", rng.IntN(700))
		if i%50 == 0 {
			key = "" // an empty key sorts first in its bucket
		}
		rank := Rank(rng.IntN(3))
		value := fmt.Sprintf("value %d", i)
		if rank == RankDelete {
			value = ""
		}
		adds = append(adds, add{bucket, key, value, rank})
		full := string(bucket) + key
		// Of records of the same rank for a key, any may win: keep the
		// ranks apart by giving each key one record per rank at most.
		if w, ok := wins[full]; ok && w.rank == rank {
			adds = adds[:len(adds)-1]
			continue
		}
		if w, ok := wins[full]; !ok || rank > w.rank {
			wins[full] = want{value, rank}
		}
	}
	var keys []string
	for k, w := range wins {
		if w.rank != RankDelete {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)

	for _, limit := range []int{64, 1 << 10, 1 << 20} {
		t.Run(fmt.Sprintf("limit %d", limit), func(t *testing.T) {
			dir := t.TempDir()
			s := New(dir, limit)
			var size int64
			for _, a := range adds {
				key, value := []byte(a.key), []byte(a.value)
				if err := s.Add(a.bucket, key, value, a.rank); err != nil {
					t.Fatal(err)
				}
				size += int64(len(key) + len(value))
				// Add copies: the caller may reuse its buffers.
				for i := range key {
					key[i] = 0xff
				}
				for i := range value {
					value[i] = 0xff
				}
			}
			if s.Bytes() != size {
				t.Errorf("Bytes = %d, want %d", s.Bytes(), size)
			}
			// Streams may be asked for again, and read from the start;
			// LastStreams reads the same, the last time.
			for pass := range 3 {
				streams, err := s.Streams()
				if pass == 2 {
					streams, err = s.LastStreams()
				}
				if err != nil {
					t.Fatal(err)
				}
				if runs := len(streams); limit == 1<<20 && runs != 1 || limit == 64 && runs < 10 {
					t.Errorf("limit %d: %d streams", limit, runs)
				}
				// A sorter that spilled holds nothing in memory once
				// its streams are asked for; one that did not keeps
				// its records there.
				if held := cap(s.arena) > 0; held != (limit == 1<<20) {
					t.Errorf("limit %d: records held in memory %v after Streams", limit, held)
				}
				var got []string
				err = NewMerge(streams).Each(func(r *Record) error {
					k := string(r.Key)
					got = append(got, k)
					if w := wins[k]; string(r.Value) != w.value || r.Rank != w.rank {
						t.Errorf("pass %d: %q: value %q of rank %d, want %q of rank %d", pass, k, r.Value, r.Rank, w.value, w.rank)
					}
					return nil
				})
				CloseStreams(streams)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, keys) {
					t.Errorf("pass %d: merged %d keys, want %d in order", pass, len(got), len(keys))
				}
			}
			s.Remove()
			if left, _ := os.ReadDir(dir); len(left) > 0 {
				t.Errorf("Remove left %d run files", len(left))
			}
		})
	}
}

// TestMergeOfOtherStreams: a merge reads any streams, such as the store's
// old content beside the sorted records: a record of the import replaces
// an old one, and a deletion removes it.
func TestMergeOfOtherStreams(t *testing.T) {
	old := &List{Records: []Record{
		{Key: []byte("ea"), Value: []byte("old a"), Rank: RankOld},
		{Key: []byte("eb"), Value: []byte("old b"), Rank: RankOld},
		{Key: []byte("ec"), Value: []byte("old c"), Rank: RankOld},
	}}
	imported := &List{Records: []Record{
		{Key: []byte("eb"), Rank: RankDelete},
		{Key: []byte("ec"), Value: []byte("new c"), Rank: RankNew},
		{Key: []byte("ed"), Value: []byte("new d"), Rank: RankNew},
	}}
	empty := &List{}
	var got []string
	err := NewMerge([]Stream{empty, imported, old}).Each(func(r *Record) error {
		got = append(got, string(r.Key)+"="+string(r.Value))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ea=old a", "ec=new c", "ed=new d"}; !slices.Equal(got, want) {
		t.Errorf("merged %q, want %q", got, want)
	}
}

func TestCompare(t *testing.T) {
	a := &Record{Key: []byte("ea"), Rank: RankNew}
	b := &Record{Key: []byte("ea"), Rank: RankOld}
	c := &Record{Key: []byte("eb"), Rank: RankOld}
	if Compare(a, b) >= 0 || Compare(b, a) <= 0 {
		t.Error("of two records of a key, the stronger does not come first")
	}
	if Compare(b, c) >= 0 || Compare(a, c) >= 0 || !bytes.Equal(a.Key, b.Key) || Compare(a, a) != 0 {
		t.Error("records are not in key order")
	}
}

// TestStreamsLetGoOfTheBuffer: a sorter whose last record filled its
// buffer (and so spilled it) holds no buffer once its streams are asked
// for, though it holds no record either.
func TestStreamsLetGoOfTheBuffer(t *testing.T) {
	s := New(t.TempDir(), 8)
	defer s.Remove()
	for i := range 3 {
		if err := s.Add('e', fmt.Appendf(nil, "key %d", i), []byte("a value"), RankNew); err != nil {
			t.Fatal(err)
		}
	}
	streams, err := s.Streams()
	if err != nil {
		t.Fatal(err)
	}
	defer CloseStreams(streams)
	if len(s.offs) != 0 || cap(s.arena) != 0 {
		t.Errorf("after Streams the sorter holds %d records in a buffer of %d bytes", len(s.offs), cap(s.arena))
	}
	if len(streams) != 3 {
		t.Errorf("%d streams, want a run for each record", len(streams))
	}
}

// TestRunsReadBackRecordsOfEverySize: a run is read through a buffer,
// a record in place when the buffer holds it whole, else copied out;
// records of many sizes, some larger than the buffer, come back as they
// went in.
func TestRunsReadBackRecordsOfEverySize(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	s := New(t.TempDir(), 1<<20)
	defer s.Remove()
	want := map[string][]byte{}
	for i := range 400 {
		size := rng.IntN(5000)
		switch i % 40 {
		case 0:
			size = 256<<10 + rng.IntN(100<<10) // larger than the buffer
		case 1:
			size = 60<<10 + rng.IntN(20<<10)
		}
		key := fmt.Sprintf("key-%04d", i)
		value := make([]byte, size)
		for j := range value {
			value[j] = byte(rng.IntN(256))
		}
		want[key] = value
		if err := s.Add('e', []byte(key), value, RankNew); err != nil {
			t.Fatal(err)
		}
	}
	streams, err := s.Streams()
	if err != nil {
		t.Fatal(err)
	}
	defer CloseStreams(streams)
	if len(streams) < 3 {
		t.Fatalf("%d streams: the records should have gone to several runs", len(streams))
	}
	n := 0
	err = NewMerge(streams).Each(func(r *Record) error {
		n++
		if w := want[string(r.Key[1:])]; !bytes.Equal(r.Value, w) || r.Rank != RankNew {
			t.Errorf("%s: %d bytes of rank %d back, want %d", r.Key[1:], len(r.Value), r.Rank, len(w))
		}
		return nil
	})
	if err != nil || n != len(want) {
		t.Errorf("merged %d records (%v), want %d", n, err, len(want))
	}
}

func TestRecordInTakesOnlyAWholeRecord(t *testing.T) {
	whole := []byte{3, 'k', 'e', 'y', 2, 'v', 'v', byte(RankAmend)}
	for cut := range len(whole) {
		if _, _, ok := recordIn(whole[:cut]); ok {
			t.Errorf("took %d bytes of a %d-byte record", cut, len(whole))
		}
	}
	r, n, ok := recordIn(append(whole, 9, 9))
	if !ok || n != len(whole) || string(r.Key) != "key" || string(r.Value) != "vv" || r.Rank != RankAmend {
		t.Errorf("recordIn = %+v, %d, %v", r, n, ok)
	}
	huge := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 'k'}
	if _, _, ok := recordIn(huge); ok {
		t.Error("took a key longer than the bytes")
	}
	hugeValue := append([]byte{1, 'k'}, huge...)
	if _, _, ok := recordIn(hugeValue); ok {
		t.Error("took a value longer than the bytes")
	}
}

// TestMergeOfAnyNumberOfStreams: from none to nine streams, some empty,
// the merge gives every key once, in order.
func TestMergeOfAnyNumberOfStreams(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for k := range 10 {
		var want []string
		ss := make([]Stream, k)
		for s := range ss {
			list := &List{}
			for i := range rng.IntN(4) * 5 { // none for some streams
				key := fmt.Sprintf("key-%03d-%d", i*7+rng.IntN(7), s) // in order, interleaved
				list.Records = append(list.Records, Record{Key: []byte(key), Rank: RankNew})
				want = append(want, key)
			}
			ss[s] = list
		}
		slices.Sort(want)
		var got []string
		err := NewMerge(ss).Each(func(r *Record) error { got = append(got, string(r.Key)); return nil })
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%d streams: merged %q (%v), want %q", k, got, err, want)
		}
	}
}

// TestSortKeysSharingTheirPrefix sorts keys the entries' prefixes do not
// tell apart: longer than the prefix and the same through it, a key and
// the same with zero bytes after it (which pad a short key's prefix),
// and keys of every length around the prefix's.
func TestSortKeysSharingTheirPrefix(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	head := bytes.Repeat([]byte("2019-04-01 court "), 3)
	seen := map[string]bool{}
	var want []string
	s := New(t.TempDir(), 1<<20)
	for range 3000 {
		key := slices.Clone(head[:rng.IntN(len(head)+1)])
		for range rng.IntN(4) {
			key = append(key, "\x00\x01a"[rng.IntN(3)])
		}
		bucket := "et"[rng.IntN(2)]
		full := string(bucket) + string(key)
		if seen[full] {
			continue
		}
		seen[full] = true
		want = append(want, full)
		if err := s.Add(bucket, key, nil, RankNew); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(want)
	streams, err := s.Streams()
	if err != nil {
		t.Fatal(err)
	}
	defer CloseStreams(streams)
	var got []string
	if err := NewMerge(streams).Each(func(r *Record) error { got = append(got, string(r.Key)); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("key %d of %d: %q, want %q", i, len(want), got[i], want[i])
			}
		}
		t.Fatalf("%d keys, want %d", len(got), len(want))
	}
}

// TestSortedOrdersAsCompare: the records in memory come out in the
// order compare gives, however their keys share bytes: every byte value
// (0xff among them, past which a count's index once wrapped), keys alike
// beyond the prefix the sort spreads them by, keys that are prefixes of
// others, and the same key at each rank.
func TestSortedOrdersAsCompare(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	s := New(t.TempDir(), 1<<30)
	shared := bytes.Repeat([]byte{0xff}, 40)
	for i := range 20_000 {
		var key []byte
		switch i % 4 {
		case 0: // any bytes
			key = make([]byte, rnd.IntN(40))
			for j := range key {
				key[j] = byte(rnd.IntN(256))
			}
		case 1: // alike past the prefix
			key = append(append([]byte{}, shared...), byte(rnd.IntN(4)), byte(rnd.IntN(256)))
		case 2: // a prefix of another
			key = shared[:rnd.IntN(len(shared))]
		case 3: // few distinct bytes
			key = []byte{byte(rnd.IntN(3)), 0xff, byte(rnd.IntN(3))}
		}
		letter := []byte{'e', 'i', 0xff}[rnd.IntN(3)]
		if err := s.Add(letter, key, []byte{byte(i)}, []Rank{RankNew, RankDelete, RankAmend}[rnd.IntN(3)]); err != nil {
			t.Fatal(err)
		}
	}
	offs := func() []int32 {
		o := make([]int32, len(s.offs))
		for i, e := range s.offs {
			o[i] = e.off
		}
		slices.Sort(o)
		return o
	}
	before := offs()
	s.sorted()
	if !slices.IsSortedFunc(s.offs, s.compare) {
		t.Error("the records are not in compare's order")
	}
	if !slices.Equal(offs(), before) {
		t.Error("the sorted records are not the records added")
	}
}
