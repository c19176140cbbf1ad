package bolt

import (
	"errors"
	"testing"

	"chrono/model"
)

func TestScanStops(t *testing.T) {
	s := newStore(t)
	var got []string
	err := s.Scan(model.Query{}, model.Position{}, false, func(_ model.Position, e model.Event) (bool, error) {
		got = append(got, e.ID)
		return len(got) < 3, nil
	})
	if err != nil || len(got) != 3 {
		t.Errorf("Scan stopped after %v, %v; want 3 events", got, err)
	}
	errStop := errors.New("stop")
	got = nil
	err = s.Scan(model.Query{Tags: []string{"context"}}, model.Position{}, true, func(_ model.Position, e model.Event) (bool, error) {
		got = append(got, e.ID)
		return true, errStop
	})
	if !errors.Is(err, errStop) || len(got) != 1 {
		t.Errorf("Scan with an error from fn: %v after %v; want errStop after one event", err, got)
	}
}

// TestFacetsOfNoKind: a kind of facet the store keeps no counts for is an
// error, not the counts of something else.
func TestFacetsOfNoKind(t *testing.T) {
	s := newStore(t)
	if facets, err := s.Facets(0); err == nil {
		t.Errorf("Facets(0) = %+v, want an error", facets)
	}
}
