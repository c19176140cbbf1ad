package journalform

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"chrono/model"
)

// TestSpilledBody: a log that spills its records gives, as its head and
// what it spilled, the body a log that holds them gives, and the same
// hash read from a reader; whether the records were compressed or not.
func TestSpilledBody(t *testing.T) {
	for _, n := range []int{0, 3, 2000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			e := model.Entry{Seq: 7, Op: model.OpUndo, Author: "a", At: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Reverts: 6}
			var held, spilling Log
			var spilled bytes.Buffer
			spilling.SpillTo(&spilled)
			for i := range n {
				ev := model.Event{ID: fmt.Sprintf("ev-%05d", i), Title: fmt.Sprintf("Event %d, moved to the trash", i)}
				c := model.EventChange{ID: ev.ID, From: model.OnTimeline, To: model.InTrash, Before: &ev}
				for _, l := range []*Log{&held, &spilling} {
					if err := l.Put(&c); err != nil {
						t.Fatal(err)
					}
				}
			}
			want, err := held.BodyAfter(&e, 3)
			if err != nil {
				t.Fatal(err)
			}
			head, err := spilling.Head(&e, 3)
			if err != nil {
				t.Fatal(err)
			}
			if spilling.Spilled() != int64(spilled.Len()) {
				t.Errorf("Spilled says %d bytes, the writer took %d", spilling.Spilled(), spilled.Len())
			}
			got := append(head, spilled.Bytes()...)
			if !bytes.Equal(got, want) {
				t.Fatalf("the spilled body (%d bytes) differs from the held one (%d bytes)", len(got), len(want))
			}
			prev := bytes.Repeat([]byte{9}, HashSize)
			h, err := Hash(e.Seq, model.FormRecords, prev, want[3:])
			if err != nil {
				t.Fatal(err)
			}
			hr, err := HashReader(e.Seq, model.FormRecords, prev, bytes.NewReader(got[3:]))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(h, hr) {
				t.Errorf("HashReader %x, Hash %x", hr, h)
			}
		})
	}
}
