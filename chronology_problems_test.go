package main

import (
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/bolt"
)

// readCounting counts the events read one by one.
type readCounting struct {
	model.Store
	reads int
}

func (r *readCounting) Event(id string) (model.Event, error) {
	r.reads++
	return r.Store.Event(id)
}

// TestFewListedReadsEachGroupOnce: a short list (chrono list --tag t)
// orders each linked group once, however many of its events it lists,
// and marks the events the whole timeline's list marks. Ordering a
// group sets aside the fewest links of its chains the dates contradict,
// a search too costly to repeat for every event listed.
func TestFewListedReadsEachGroupOnce(t *testing.T) {
	s, err := bolt.Open(newDB(t), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// a (2020) precedes b (undated), which precedes c (2019); d stands
	// apart, linked after c.
	if _, err := s.Write(model.OpAdd, "add", func(tx model.Tx) error {
		for _, e := range []struct{ id, date, next string }{{"d", "2021", ""}, {"c", "2019", "d"}, {"b", "", "c"}, {"a", "2020", "b"}} {
			ev := model.Event{ID: e.id, Title: e.id, Tags: []string{"t"}}
			if e.date != "" {
				ev.Date = model.MustParseDate(e.date)
			}
			if e.next != "" {
				ev.Links = []model.Link{{Rel: model.Precedes, Event: e.next}}
			}
			if _, err := model.AddEvent(tx, ev); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	marked := func(st model.Store, q model.Query) []string {
		problem, failed, err := chronologyProblems(st, q)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for e, err := range st.Events(q) {
			if err != nil {
				t.Fatal(err)
			}
			if problem(&e) {
				ids = append(ids, e.ID)
			}
		}
		if err := failed(); err != nil {
			t.Fatal(err)
		}
		slices.Sort(ids)
		return ids
	}
	want := marked(s, model.Query{})
	if !slices.Equal(want, []string{"a", "b", "c"}) {
		t.Fatalf("the whole list marks %q", want)
	}
	counting := &readCounting{Store: s}
	if got := marked(counting, model.Query{Tags: []string{"t"}}); !slices.Equal(got, want) {
		t.Errorf("the list of the tag marks %q, the whole list %q", got, want)
	}
	// The group read once, from its first event listed: its other three.
	if counting.reads != 3 {
		t.Errorf("read %d events one by one to mark 4 of one group, want 3", counting.reads)
	}
}
