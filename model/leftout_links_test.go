package model

import (
	"errors"
	"iter"
	"slices"
	"testing"
)

// eventSeq yields events as a store does.
func eventSeq(events []Event) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		for _, e := range events {
			if !yield(e, nil) {
				return
			}
		}
	}
}

// TestWithoutLinksTo: links to events left out go, counted, whether the
// event named comes before or after the one naming it; each event named
// is asked about once; the events kept are not changed under their
// store; an error of the question stops the events with it.
func TestWithoutLinksTo(t *testing.T) {
	stored := []Event{
		{ID: "a", Links: []Link{{Rel: Follows, Event: "skip"}, {Rel: Follows, Event: "b"}}},
		{ID: "b", Links: []Link{{Rel: Precedes, Event: "skip"}}},
		{ID: "skip"},
	}
	asked := map[string]int{}
	leftOut := func(id string) (bool, error) {
		asked[id]++
		return id == "skip", nil
	}
	var lost Losses
	var got []Event
	for e, err := range WithoutLinksTo(eventSeq(stored), leftOut, &lost) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e)
	}
	if len(got) != 3 || !slices.Equal(got[0].Links, []Link{{Rel: Follows, Event: "b"}}) || len(got[1].Links) != 0 {
		t.Errorf("events %+v", got)
	}
	if n := lost.Count(LostLinkToLeftOut); n != 2 {
		t.Errorf("counted %d links left out, want 2", n)
	}
	if asked["skip"] != 1 || len(stored[0].Links) != 2 {
		t.Errorf("asked %v; stored links %+v", asked, stored[0].Links)
	}

	boom := errors.New("boom")
	var errs []error
	for _, err := range WithoutLinksTo(eventSeq(stored), func(string) (bool, error) { return false, boom }, &lost) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], boom) {
		t.Errorf("errors %v, want the question's error, once", errs)
	}
}
