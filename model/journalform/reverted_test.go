package journalform

import (
	"errors"
	"fmt"
	"runtime"
	"testing"

	"chrono/model"
)

// undoEntry is the undo of an import of n events of size bytes each:
// each moved to the trash with its version, and one event put back as
// it was before the import updated it.
func undoEntry(n, size int) model.Entry {
	e := model.Entry{Seq: 2, Op: model.OpUndo, Phrase: "undid #1", Reverts: 1}
	letters := []byte("abcdefghijklmnopqrstuvwxyz")
	var x uint32 = 1
	for i := range n {
		text := make([]byte, size)
		for j := range text {
			x = x*1664525 + 1013904223
			text[j] = letters[x>>27%26]
		}
		v := &model.Event{ID: fmt.Sprintf("ev-%04d", i), Title: "T", Summary: string(text)}
		e.Events = append(e.Events, model.EventChange{ID: v.ID, From: model.OnTimeline, To: model.InTrash, Before: v, After: v})
	}
	before, after := &model.Event{ID: "b", Title: "B"}, &model.Event{ID: "b", Title: "B, retitled"}
	e.Events = append(e.Events, model.EventChange{ID: "b", From: model.OnTimeline, To: model.OnTimeline, Before: after, After: before})
	return e
}

// TestRevertedLeavesMovesBare: an entry read for a revert holds every
// event's change, in order, as Events reads it, but for the versions
// of the events it moved, which are left out; in either form.
func TestRevertedLeavesMovesBare(t *testing.T) {
	for _, e := range append(entries(t), undoEntry(1200, 100)) {
		for form, body := range bodies(t, e) {
			name := fmt.Sprintf("entry #%d in form %d", e.Seq, form)
			want := withoutWritten(e)
			for i := range want.Events {
				if c := &want.Events[i]; c.From != c.To {
					c.Before, c.After = nil, nil
				}
			}
			p, err := Split(e.Seq, form, body)
			if err != nil {
				t.Fatal(err)
			}
			got, err := p.Head()
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Reverted(&got); err != nil || asJSON(t, got) != asJSON(t, want) {
				t.Errorf("%s: %v\n got %.300s\nwant %.300s", name, err, asJSON(t, got), asJSON(t, want))
			}
		}
	}
}

// TestRevertedDamaged: records cut anywhere, or followed by more when
// they are not compressed, are an error that is model.ErrDamaged; never
// a panic.
func TestRevertedDamaged(t *testing.T) {
	for _, e := range []model.Entry{entries(t)[1], undoEntry(3, 40), undoEntry(300, 60)} {
		body := bodies(t, e)[model.FormRecords]
		whole, err := Split(e.Seq, model.FormRecords, body)
		if err != nil {
			t.Fatal(err)
		}
		// Every byte of a short entry, a few hundred places of a long one.
		step := max(1, len(whole.events)/300)
		for n := len(body) - len(whole.events); n < len(body); n += step {
			p, err := Split(e.Seq, model.FormRecords, body[:n])
			if err != nil {
				continue
			}
			if err := p.Reverted(&model.Entry{}); !errors.Is(err, model.ErrDamaged) {
				t.Fatalf("entry #%d cut to %d of %d bytes: %v, want ErrDamaged", e.Seq, n, len(body), err)
			}
		}
		if whole.compressed {
			continue // what follows the compressed stream is not read
		}
		p, err := Split(e.Seq, model.FormRecords, append(body, 'c'))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Reverted(&model.Entry{}); !errors.Is(err, model.ErrDamaged) {
			t.Errorf("entry #%d, a byte after the last event: %v, want ErrDamaged", e.Seq, err)
		}
	}
}

// TestRevertedHoldsNoVersions: the undo of an import read for its redo
// holds no copy of the events it moved, nor their records uncompressed:
// at 200,000 events they were a gigabyte, held before the redo began.
func TestRevertedHoldsNoVersions(t *testing.T) {
	const events, size = 1000, 8 << 10
	e := undoEntry(events, size)
	p := recordParts(t, &e)
	e.Events = nil
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var got model.Entry
	if err := p.Reverted(&got); err != nil || len(got.Events) != events+1 {
		t.Fatalf("%d events, %v", len(got.Events), err)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	held := ms.HeapAlloc - min(base, ms.HeapAlloc)
	if limit := uint64(events * size / 8); held > limit {
		t.Errorf("the entry read holds %d bytes, want at most %d (its versions are %d)", held, limit, events*size)
	}
	runtime.KeepAlive(got)
}
