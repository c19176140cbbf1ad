package main

import (
	"testing"

	"chrono/model"
)

// TestChangeWords: what chrono log says of one event's change, among
// them one that left the event as it was (the undo of an import that only
// kept chrono's values over the file's) and a replace that undid chrono's
// changes.
func TestChangeWords(t *testing.T) {
	one := &model.Event{ID: "e", Title: "One"}
	two := &model.Event{ID: "e", Title: "Two"}
	file := &model.Event{ID: "e", Title: "The file's"}
	update := func(before, after, imported *model.Event) model.EventChange {
		return model.EventChange{ID: "e", Before: before, After: after, From: model.OnTimeline, To: model.OnTimeline, Imported: imported}
	}
	// A replace that undid chrono's changes names them; the names come
	// from the stored journal, and are printed safe.
	replaced := update(one, &model.Event{ID: "e", Title: "Two", Tags: []string{"t"}}, nil)
	replaced.Undid = []string{"title", "tags"}
	evil := update(one, two, nil)
	evil.Undid = []string{"title\x1b[2J"}
	tests := []struct {
		change model.EventChange
		want   string
	}{
		{model.EventChange{ID: "e", To: model.OnTimeline}, "added"},
		{update(one, two, nil), "changed: title"},
		{update(one, one, file), "kept chrono's changes to title"},
		{update(one, two, file), "changed: title; kept chrono's changes to title"},
		{update(one, one, nil), "left as it was"},
		{replaced, "changed: title, tags; undid chrono's changes to title, tags"},
		{evil, "changed: title; undid chrono's changes to title␛[2J"},
	}
	for _, tt := range tests {
		if got := changeWords(tt.change); got != tt.want {
			t.Errorf("changeWords(%+v) = %q, want %q", tt.change, got, tt.want)
		}
	}
}
