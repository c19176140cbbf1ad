package main

import (
	"bytes"
	"testing"

	"chrono/model"
	"chrono/model/native"
)

// TestExampleStatuses: the example investigation gives each event the
// standing its source supports, and so shows a newcomer every status
// where the story has it: the call NSO denies is denied, and NSO's
// denial, which Miller's account and his attorney contradict, is
// disputed.
func TestExampleStatuses(t *testing.T) {
	var c model.Collect
	if err := native.Read(bytes.NewReader(example), &c); err != nil {
		t.Fatal(err)
	}
	byID := map[string]model.Event{}
	used := map[model.Status]int{}
	for _, e := range c.Timeline.Events {
		byID[e.ID] = e
		used[e.Status]++
	}
	for _, st := range model.Statuses {
		if used[st] == 0 {
			t.Errorf("no event of the example is %s", st)
		}
	}
	want := map[string]model.Status{
		"nso-mobileum-call": model.Denied,   // Miller alleges it; NSO, the accused, denies it
		"nso-denial":        model.Disputed, // contradicted by Miller's account and by Tye
		"post-publishes":    model.Confirmed,
	}
	for id, st := range want {
		if got := byID[id].Status; got != st {
			t.Errorf("%s is %q, want %q", id, got, st)
		}
	}
}
