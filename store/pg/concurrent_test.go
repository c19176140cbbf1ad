package pg

import (
	"sync"
	"testing"

	"chrono/model"
)

// TestReadsFromSeveralGoroutines: the browser reads in several commands
// at once (the header and the counts as it starts); on one connection
// the second would fail with "conn busy" unless the calls take it in
// turn.
func TestReadsFromSeveralGoroutines(t *testing.T) {
	s := newStore(t, "tester@concurrent")
	setTitle(t, s, "busy")
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 8 {
		wg.Go(func() {
			for range 8 {
				if _, err := s.Header(); err != nil {
					errs <- err
				}
				if _, err := s.Facets(model.FacetTags); err != nil {
					errs <- err
				}
				for _, err := range s.Events(model.Query{}) {
					if err != nil {
						errs <- err
					}
				}
				if _, err := s.Write(model.OpTitle, "retitle", func(tx model.Tx) error {
					return tx.SetHeader(model.Header{Title: "again"})
				}); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
