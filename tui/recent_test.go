package tui

import (
	"strings"
	"sync/atomic"
	"testing"

	"chrono/model"
)

// detailCounter counts the events the browser reads whole.
type detailCounter struct {
	model.Store
	reads atomic.Int64
}

func (s *detailCounter) Detail(id string) (model.Detail, error) {
	s.reads.Add(1)
	return s.Store.Detail(id)
}

// Coming back to an event (j then k) shows the detail already read, as
// long as the store has not changed; once it has, the event is read
// again and the change shows.
func TestSourcesKeepTheLastEventsRead(t *testing.T) {
	s := &detailCounter{Store: exampleStore(t)}
	d := newDriver(t, s, 120, 40)
	first := d.selected()
	d.keys("j", "k")
	before := s.reads.Load()
	d.keys("j", "k")
	if n := s.reads.Load() - before; n != 0 || d.selected() != first {
		t.Errorf("j then k on an unchanged store read %d events whole, want 0 (selected %s)", n, d.selected())
	}
	if !d.sources().loaded || d.sources().id() != first {
		t.Errorf("the pane shows %s, loaded %v: want %s as the store has it", d.sources().id(), d.sources().loaded, first)
	}
	meddle(t, s.Store, first)
	d.keys("j", "k")
	if n := s.reads.Load() - before; n == 0 {
		t.Error("after the store changed, coming back to the event did not read it again")
	}
	if !strings.Contains(d.screen(), "confirmed") {
		t.Errorf("the change does not show:\n%s", d.screen())
	}
}
