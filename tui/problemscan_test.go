package tui

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"chrono/model"
)

// scanCounted counts the scans for problems made on a store (each reads
// the sources first), holding the first until let go.
type scanCounted struct {
	model.Store
	scans atomic.Int32
	hold  chan struct{}
}

func (s *scanCounted) Sources() ([]model.Source, error) {
	if s.scans.Add(1) == 1 {
		<-s.hold
	}
	return s.Store.Sources()
}

// TestBrowsersShareAScanForProblems: while one browser's scan runs,
// those of others asking about the same store wait for one more scan,
// which answers them all, instead of making one each.
func TestBrowsersShareAScanForProblems(t *testing.T) {
	s := &scanCounted{Store: chronologyStore(t), hold: make(chan struct{})}
	alone, err := problemEvents(s.Store)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	answers := make([]map[string]bool, 4)
	ask := func(i int) {
		wg.Go(func() {
			ids, err := sharedProblems(s)
			if err != nil {
				t.Error(err)
			}
			answers[i] = ids
		})
	}
	ask(0)
	for s.scans.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	for i := 1; i < len(answers); i++ {
		ask(i)
	}
	v, _ := problemScans.Load(s.Location())
	for p := v.(*problemScan); ; time.Sleep(time.Millisecond) {
		p.mu.Lock()
		n := len(p.waiting)
		p.mu.Unlock()
		if n == len(answers)-1 {
			break
		}
	}
	close(s.hold)
	wg.Wait()
	if n := s.scans.Load(); n != 2 {
		t.Errorf("4 browsers asking made %d scans; want 2 (the one running, and one for those who asked meanwhile)", n)
	}
	for i, ids := range answers {
		if len(ids) != len(alone) {
			t.Errorf("browser %d was told of %d events with a problem; a scan alone finds %d", i, len(ids), len(alone))
		}
	}
	if len(alone) == 0 {
		t.Error("the example has no event with a problem: the test shows nothing")
	}
}
