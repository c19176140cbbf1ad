package model

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestChangesStreamed: a write whose changes are streamed hands on the
// same records the entry would hold, in the same order, each as soon as
// the next event is touched, so that no event's versions wait for the
// end; and an event touched after a later one is refused, not recorded
// twice.
func TestChangesStreamed(t *testing.T) {
	a := Event{ID: "a", Date: MustParseDate("2017-08"), Title: "A"}
	b := Event{ID: "b", Date: MustParseDate("2018"), Title: "B"}
	c := Event{ID: "c", Date: MustParseDate("2019"), Title: "C"}
	trash := func(f *fakeTx, id string) {
		f.trash[id] = f.events[id]
		delete(f.events, id)
	}
	for _, tc := range []struct {
		name  string
		ids   []string // touched in this order
		write func(f *fakeTx, id string)
		err   error
	}{
		{"moved to the trash", []string{"a", "b", "c"}, trash, nil},
		{"edited, one put back as it was", []string{"a", "b", "c"}, func(f *fakeTx, id string) {
			if id != "b" {
				e := f.events[id]
				e.Title += " again"
				f.events[id] = e
			}
		}, nil},
		{"added", []string{"d", "e"}, func(f *fakeTx, id string) { f.events[id] = Event{ID: id, Title: id} }, nil},
		{"touched out of order", []string{"b", "a"}, trash, ErrTouchedAgain},
		{"touched again", []string{"a", "b", "a"}, trash, ErrTouchedAgain},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var held Entry
			run := func(stream bool) (Entry, []EventChange, error) {
				f := &fakeTx{events: map[string]Event{"a": a, "b": b, "c": c}, trash: map[string]Event{}}
				st := f.state()
				var ch Changes
				var got []EventChange
				if stream && !ch.Stream(func(c *EventChange) error { got = append(got, *c); return nil }) {
					t.Fatal("Stream refused before any event was touched")
				}
				for n, id := range tc.ids {
					if err := ch.Event(id, st); err != nil {
						return Entry{}, got, err
					}
					if stream && tc.err == nil {
						// Those of the events before it, as the entry holds them.
						var want []string
						for _, c := range held.Events {
							if slices.Contains(tc.ids[:n], c.ID) {
								want = append(want, c.ID)
							}
						}
						var ids []string
						for _, c := range got {
							ids = append(ids, c.ID)
						}
						if !slices.Equal(ids, want) {
							t.Errorf("%q touched: records handed on for %q, want %q", id, ids, want)
						}
					}
					tc.write(f, id)
				}
				e, _, err := ch.Entry(OpUndo, "undid", "ana", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), st)
				return e, got, err
			}
			held, _, err := run(false)
			if err == nil && len(held.Events) == 0 {
				t.Fatal("the write held whole records nothing")
			}
			if tc.err != nil {
				if _, _, err := run(true); !errors.Is(err, tc.err) {
					t.Fatalf("streamed: %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			e, got, err := run(true)
			if err != nil {
				t.Fatal(err)
			}
			if len(e.Events) != 0 || e.Touched != len(held.Events) {
				t.Errorf("streamed entry: %d events, touched %d; want none, touched %d", len(e.Events), e.Touched, len(held.Events))
			}
			if !reflect.DeepEqual(got, held.Events) {
				t.Errorf("records handed on:\n%+v\nheld whole:\n%+v", got, held.Events)
			}
			e.Touched = 0
			held.Events = nil
			if !reflect.DeepEqual(e, held) {
				t.Errorf("entry streamed:\n%+v\nheld whole:\n%+v", e, held)
			}
		})
	}
}

// TestChangesStreamAfterATouch: a write that has touched an event keeps
// its changes whole.
func TestChangesStreamAfterATouch(t *testing.T) {
	f := &fakeTx{events: map[string]Event{"a": {ID: "a", Title: "A"}}, trash: map[string]Event{}}
	var ch Changes
	if err := ch.Event("a", f.state()); err != nil {
		t.Fatal(err)
	}
	if ch.Stream(func(*EventChange) error { return nil }) {
		t.Error("Stream after an event was touched: true, want false")
	}
}
