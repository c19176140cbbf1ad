package bolt

import (
	"cmp"
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestBacklinks checks, for every event, the links other events make to
// it against what the imported files say. (Detail, which shows them, is
// checked by the conformance suite.)
func TestBacklinks(t *testing.T) {
	s := newStore(t)
	events := storetest.FixtureEvents(t)
	incoming := map[string][]model.Incoming{}
	for _, e := range events {
		for _, l := range e.Links {
			incoming[l.Event] = append(incoming[l.Event], model.Incoming{From: e.ID, Rel: l.Rel})
		}
	}
	for _, e := range events {
		in := slices.Clone(incoming[e.ID])
		slices.SortFunc(in, func(a, b model.Incoming) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Rel, b.Rel)) })
		back, err := s.Backlinks(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(back, in) {
			t.Errorf("%s: Backlinks = %+v, want %+v", e.ID, back, in)
		}
	}
}
