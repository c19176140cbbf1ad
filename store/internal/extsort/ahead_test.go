package extsort

import (
	"errors"
	"fmt"
	"slices"
	"testing"
)

// streamsOf makes two streams of n records each, interleaved, some with
// values larger than a batch.
func streamsOf(n int) []Stream {
	var a, b List
	for i := range n {
		value := []byte(fmt.Sprintf("value %d", i))
		if i%1000 == 7 {
			value = make([]byte, batchBytes+100) // more than a batch holds
			value[0] = byte(i)
		}
		a.Records = append(a.Records, Record{Key: []byte(fmt.Sprintf("e%08d", 2*i)), Value: value, Rank: RankNew})
		b.Records = append(b.Records, Record{Key: []byte(fmt.Sprintf("e%08d", 2*i+1)), Value: value, Rank: RankOld})
	}
	return []Stream{&a, &b}
}

func unguarded(f func() error) error { return f() }

// TestEachAheadAsEach: the records come in the same order with the same
// bytes, across many batches and records larger than a batch.
func TestEachAheadAsEach(t *testing.T) {
	const n = 3 * batchRecords
	var want, got []string
	if err := NewMerge(streamsOf(n)).Each(func(r *Record) error {
		want = append(want, fmt.Sprintf("%s %d %x %d", r.Key, len(r.Value), r.Value[:1], r.Rank))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := NewMerge(streamsOf(n)).EachAhead(unguarded, func(r *Record) error {
		got = append(got, fmt.Sprintf("%s %d %x %d", r.Key, len(r.Value), r.Value[:1], r.Rank))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2*n || !slices.Equal(got, want) {
		t.Errorf("EachAhead gave %d records, Each %d; equal: %v", len(got), len(want), slices.Equal(got, want))
	}
}

// TestEachAheadStops: an error of fn ends the merge and comes back; an
// error of the merge, as its guard makes it, comes back too.
func TestEachAheadStops(t *testing.T) {
	stop := errors.New("stop here")
	seen := 0
	err := NewMerge(streamsOf(2*batchRecords)).EachAhead(unguarded, func(*Record) error {
		if seen++; seen == batchRecords+5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != batchRecords+5 {
		t.Errorf("fn's error: got %v after %d records", err, seen)
	}

	// A damaged file makes the merge panic: its guard says so, and the
	// records before it have been passed on.
	streams := streamsOf(2 * batchRecords)
	streams[1] = &panicking{List: *streams[1].(*List), at: batchRecords}
	guard := func(f func() error) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("the store is damaged: %v", r)
			}
		}()
		return f()
	}
	seen = 0
	err = NewMerge(streams).EachAhead(guard, func(*Record) error { seen++; return nil })
	if err == nil || err.Error() != "the store is damaged: a page that is not there" || seen < batchRecords {
		t.Errorf("the merge's panic: got %v after %d records", err, seen)
	}
}

// panicking is a stream that panics, as a read of a damaged file does,
// when it moves past its record at.
type panicking struct {
	List
	at int
}

func (p *panicking) Next() error {
	if p.i == p.at {
		panic("a page that is not there")
	}
	return p.List.Next()
}
