package journalform

import (
	"fmt"
	"reflect"
	"testing"

	"chrono/model"
)

// TestRevertedLettingGo: the records read letting go as they are read
// give the events read at once, and the store is told each time the
// bytes it asked for have been read, and at their end.
func TestRevertedLettingGo(t *testing.T) {
	e := model.Entry{Seq: 3, Op: model.OpUndo}
	for i := range 2000 {
		ev := model.Event{ID: fmt.Sprintf("ev-%05d", i), Title: fmt.Sprintf("Event %d", i)}
		e.Events = append(e.Events, model.EventChange{ID: ev.ID, From: model.OnTimeline, To: model.OnTimeline, Before: &ev, After: &ev})
	}
	p := recordParts(t, &e)
	var want, got model.Entry
	if err := p.Reverted(&want); err != nil {
		t.Fatal(err)
	}
	calls := 0
	const every = 1000
	if err := p.LetGo(every, func() { calls++ }).Reverted(&got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Events, want.Events) {
		t.Error("the events read letting go differ from those read at once")
	}
	if n := (len(p.events) + every - 1) / every; calls != n {
		t.Errorf("told %d times for %d bytes of records read %d at a time, want %d", calls, len(p.events), every, n)
	}
}
