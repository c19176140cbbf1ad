package pg

import (
	"fmt"
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
	defer func(n int) { keyPage = n }(keyPage)
	for _, q := range []model.Query{
		{Linked: []model.Rel{model.Precedes, model.Follows, model.Disputes, model.DisputedBy}},
		{Linked: []model.Rel{model.Related, model.Supports, model.SupportedBy}},
		{Linked: []model.Rel{model.Precedes, model.Follows}, During: model.MustParseDate("2017/2030")},
	} {
		want := storetest.IDs(storetest.Selected(q, all))
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

// TestEventsByLinksSeeWhatChangesMeanwhile: an event that changes while
// a filter by links is read comes as it is when its page is read: at its
// new place when its key moved on, not at all when the filter no longer
// selects it, and once.
func TestEventsByLinksSeeWhatChangesMeanwhile(t *testing.T) {
	s := newStore(t, "tester@links")
	if _, err := s.Write(model.OpEdit, "events", func(tx model.Tx) error {
		for i := 1; i <= 6; i++ {
			e := model.Event{ID: fmt.Sprintf("e%d", i), Title: fmt.Sprintf("event %d", i), Date: model.MustParseDate(fmt.Sprint(2000 + i)), Tags: []string{"x"}}
			if i%2 == 1 {
				e.Links = []model.Link{{Rel: model.Related, Event: fmt.Sprintf("e%d", i+1)}}
			}
			if err := tx.PutEvent(e); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	change := func(id string, edit func(e *model.Event)) {
		t.Helper()
		if _, err := s.Write(model.OpEdit, "change", func(tx model.Tx) error {
			e, err := tx.Event(id)
			if err != nil {
				return err
			}
			edit(&e)
			return tx.PutEvent(e)
		}); err != nil {
			t.Fatal(err)
		}
	}
	defer func(n int) { keyPage = n }(keyPage)
	keyPage = 1
	var got []string
	for e, err := range s.Events(model.Query{Linked: []model.Rel{model.Related}, Tags: []string{"x"}}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e.ID)
		if e.ID == "e2" {
			change("e3", func(e *model.Event) { e.Date = model.MustParseDate("2010") })    // on past the rest
			change("e4", func(e *model.Event) { e.Tags = []string{"y"} })                  // no longer selected
			change("e1", func(e *model.Event) { e.Date = model.MustParseDate("2005-06") }) // read already, moved on: not again
		}
	}
	if want := []string{"e1", "e2", "e5", "e6", "e3"}; !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
}
