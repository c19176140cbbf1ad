package model

import (
	"fmt"
	"testing"
)

// TestRevertTellsItsProgress: a revert of an entry of many events tells
// how many it has taken back as it goes, in order, and ends with all of
// them, so that a long undo is not silent.
func TestRevertTellsItsProgress(t *testing.T) {
	const n = 2*progressEvery + 10
	var events []Event
	var ids []string
	for i := range n {
		id := fmt.Sprintf("ev-%05d", i)
		events = append(events, Event{ID: id, Title: id})
		ids = append(ids, id)
	}
	w := newMemWriter(events...)
	trashed, _, err := Trash{Events: ids}.Apply(w)
	if err != nil || len(trashed) != n {
		t.Fatalf("trash: %d events, %v", len(trashed), err)
	}
	entry, err := w.Entry(uint64(len(w.journal)))
	if err != nil {
		t.Fatal(err)
	}
	type told struct{ done, total int }
	var got []told
	if _, err := RevertWith(w, entry, RevertOptions{Progress: func(done, total int) { got = append(got, told{done, total}) }}); err != nil {
		t.Fatal(err)
	}
	want := []told{{0, n}, {progressEvery, n}, {2 * progressEvery, n}, {n, n}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("progress told %v, want %v", got, want)
	}
}
