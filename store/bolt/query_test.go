package bolt

import (
	"errors"
	"math"
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

// A window asked for no rows, or for more than any store holds, is read
// as far as there are rows; a negative count is none, not damage.
func TestWindowOfAnySize(t *testing.T) {
	s := newStore(t)
	all, err := s.Window(model.Query{}, model.Position{}, false, 0, math.MaxInt)
	if err != nil || len(all.Rows) == 0 || !all.AtEnd {
		t.Fatalf("the whole view: %d rows, at the end %v, %v", len(all.Rows), all.AtEnd, err)
	}
	mid := all.Rows[len(all.Rows)/2].Pos
	for _, c := range []struct{ before, after, want int }{
		{-1, 0, 0}, {0, -5, 0}, {-1, 1, 1}, {math.MaxInt, math.MaxInt, len(all.Rows)}, {math.MaxInt, 0, len(all.Rows) / 2},
	} {
		w, err := s.Window(model.Query{}, mid, false, c.before, c.after)
		if err != nil || len(w.Rows) != c.want {
			t.Errorf("before %d, after %d: %d rows, %v; want %d", c.before, c.after, len(w.Rows), err, c.want)
		}
		p, err := s.Page(model.Query{}, model.PageAt{At: mid, Before: c.before, After: c.after})
		if err != nil || len(p.Rows) != c.want {
			t.Errorf("page before %d, after %d: %d rows, %v; want %d", c.before, c.after, len(p.Rows), err, c.want)
		}
	}
}
