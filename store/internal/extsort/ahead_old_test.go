package extsort

import (
	"bytes"
	"testing"
)

// TestEachAheadLeavesOldValues: a value of the old store larger than a
// batch is passed on where it lies, not copied; a smaller one, or one of
// another rank, is copied, as its stream may reuse its memory.
func TestEachAheadLeavesOldValues(t *testing.T) {
	big := bytes.Repeat([]byte{7}, batchBytes+1)
	small := []byte("small")
	records := []Record{
		{Key: []byte("a"), Value: big, Rank: RankOld},
		{Key: []byte("b"), Value: small, Rank: RankOld},
		{Key: []byte("c"), Value: big, Rank: RankNew},
	}
	want := map[string]bool{"a": true, "b": false, "c": false} // passed where it lies
	err := NewMerge([]Stream{&List{Records: records}}).EachAhead(func(f func() error) error { return f() }, func(r *Record) error {
		lies := &r.Value[0] == &big[0] || &r.Value[0] == &small[0]
		if lies != want[string(r.Key)] {
			t.Errorf("record %s of rank %d, %d bytes: passed where it lies %v, want %v", r.Key, r.Rank, len(r.Value), lies, want[string(r.Key)])
		}
		if !bytes.Equal(r.Value, map[string][]byte{"a": big, "b": small, "c": big}[string(r.Key)]) {
			t.Errorf("record %s: its value changed", r.Key)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
