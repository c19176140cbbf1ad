package model

import (
	"reflect"
	"testing"
)

// TestSidesOf sorts an event's quotes by their stance and the events that
// support or dispute it by their link, in either direction, and leaves
// out the links that say nothing of its claim.
func TestSidesOf(t *testing.T) {
	call := Event{ID: "call", Title: "The call", Quotes: []Quote{
		{Text: "It happened", Stance: Asserts, Source: "post"},
		{Text: "It did not", Stance: Denies},
		{Text: "Background", Stance: Context},
		{Text: "Unstated"},
	}, Links: []Link{{Rel: DisputedBy, Event: "denial"}, {Rel: Follows, Event: "earlier"}}}
	tye := Event{ID: "tye", Title: "Tye's statement", Quotes: []Quote{{Text: "True", Stance: Asserts, Source: "od"}}}
	denial := Event{ID: "denial", Title: "The denial", Quotes: []Quote{{Text: "False", Stance: Denies}}}
	d := Detail{
		Event:   call,
		Sources: map[string]Source{"post": {ID: "post"}},
		Related: Relations(&call, []Incoming{
			{From: "tye", Rel: Supports}, {From: "gone", Rel: Disputes}, {From: "later", Rel: Follows}, {From: "denial", Rel: Disputes},
		}),
		Titles: map[string]string{"gone": "Gone"},
	}
	others := map[string]Detail{
		"tye":    {Event: tye, Sources: map[string]Source{"od": {ID: "od"}}},
		"denial": {Event: denial},
	}
	s := SidesOf(d, others)
	want := Sides{
		Event: call,
		For: []Account{
			{Quotes: call.Quotes[:1]},
			{Rel: SupportedBy, Event: tye, Quotes: tye.Quotes},
		},
		Against: []Account{
			{Quotes: call.Quotes[1:2]},
			{Rel: DisputedBy, Event: denial, Quotes: denial.Quotes},
			{Rel: DisputedBy, Event: Event{ID: "gone", Title: "Gone"}, Missing: true},
		},
		Aside:   2,
		Sources: map[string]Source{"post": {ID: "post"}, "od": {ID: "od"}},
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("SidesOf:\n got %+v\nwant %+v", s, want)
	}
}
