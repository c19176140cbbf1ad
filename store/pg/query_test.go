package pg

import (
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestEventsByLinksAPageOfKeysAtATime: a filter by links reads its
// events' keys first, then their bodies a page of keys at a time; with a
// page of one key, or two, every event the filter selects comes, once,
// in timeline order.
func TestEventsByLinksAPageOfKeysAtATime(t *testing.T) {
	s := newStore(t, "tester@links")
	storetest.Seed(t, s)
	all := storetest.AllEvents(t, s)
	incoming := map[string][]model.Incoming{}
	for _, e := range all {
		for _, l := range e.Links {
			incoming[l.Event] = append(incoming[l.Event], model.Incoming{From: e.ID, Rel: l.Rel})
		}
	}
	defer func(n int) { keyPage = n }(keyPage)
	for _, q := range []model.Query{
		{Linked: []model.Rel{model.Precedes, model.Follows, model.Disputes, model.DisputedBy}},
		{Linked: []model.Rel{model.Related, model.Supports, model.SupportedBy}},
		{Linked: []model.Rel{model.Precedes, model.Follows}, During: model.MustParseDate("2017/2030")},
	} {
		var want []string
		for i := range all {
			if q.MatchesIn(&all[i], incoming[all[i].ID]) {
				want = append(want, all[i].ID)
			}
		}
		if len(want) < 3 {
			t.Fatalf("%+v selects %q: too few to read in pages", q, want)
		}
		for _, page := range []int{1, 2, 256} {
			keyPage = page
			var got []string
			for e, err := range s.Events(q) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, e.ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%+v, %d keys a page: %q, want %q", q, page, got, want)
			}
		}
	}
}
