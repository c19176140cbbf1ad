package model

import (
	"reflect"
	"testing"
)

func TestRelations(t *testing.T) {
	call := Event{ID: "call", Links: []Link{{Rel: DisputedBy, Event: "denial"}}}
	got := Relations(&call, []Incoming{
		{From: "denial", Rel: Disputes}, // repeats the call's own link
		{From: "tip", Rel: Follows},     // the tip follows the call
		{From: "tye", Rel: Supports},    // Tye supports the call's claim
	})
	want := []Relation{
		{Rel: DisputedBy, Event: "denial"},
		{Rel: Precedes, Event: "tip"},
		{Rel: SupportedBy, Event: "tye"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Relations = %v, want %v", got, want)
	}
}
