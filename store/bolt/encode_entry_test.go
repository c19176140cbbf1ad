package bolt

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"
	"time"

	"chrono/model"
	"chrono/model/journalform"
)

// TestEncodeEntryCopiesItsRecordsOnce: an entry's stored value is the
// same as its body chained (its form, hash and link, then the body),
// and is made with one copy of its records, not a body and then the
// value: the records of an undo of a million events are some 300 MB.
func TestEncodeEntryCopiesItsRecordsOnce(t *testing.T) {
	e := model.Entry{Seq: 7, At: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Author: "ana", Op: model.OpUndo, Phrase: "undid #6: imported"}
	// Records that flate cannot shrink much: each event's own title.
	for i := range 20000 {
		ev := model.Event{ID: fmt.Sprintf("ev-%07d", i), Title: fmt.Sprintf("%x", uint64(i)*0x9e3779b97f4a7c15)}
		e.Events = append(e.Events, model.EventChange{ID: ev.ID, Before: &ev, After: &ev, From: model.OnTimeline, To: model.InTrash})
	}
	log := func() *journalform.Log {
		var l journalform.Log
		for i := range e.Events {
			if err := l.Change(&e.Events[i]); err != nil {
				t.Fatal(err)
			}
		}
		return &l
	}
	prev := bytes.Repeat([]byte{0xab}, hashSize)
	body, err := log().Body(&e)
	if err != nil {
		t.Fatal(err)
	}
	want, err := chainedValue(e.Seq, model.FormRecords, prev, body)
	if err != nil {
		t.Fatal(err)
	}

	l := log()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got, err := encodeEntry(&e, l, prev)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("stored value differs from the body chained: %d bytes, want %d", len(got), len(want))
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > uint64(len(got))*3/2 {
		t.Errorf("encoding a value of %d bytes allocated %d bytes: its records copied more than once", len(got), allocated)
	}
}
