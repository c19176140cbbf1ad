package tui

import (
	"testing"

	"chrono/model"
)

// Where a search finds its text is kept per row until the search or the
// events change, and found again then.
func TestMatchPlaces(t *testing.T) {
	rows := []model.Row{{Event: model.Event{ID: "a", Title: "cash", Summary: "Zürich"}}}
	var m matchPlaces
	m.refresh("zurich", rows, false)
	if got := m.of("a"); got != "summary" {
		t.Fatalf("found in %q, want summary", got)
	}
	rows[0].Event.Summary = ""
	rows[0].Event.Notes = []model.Note{{Text: "Zürich again"}}
	if m.refresh("zurich", rows, false); m.of("a") != "summary" {
		t.Error("an unchanged search over unchanged events looked again")
	}
	if m.refresh("zurich", rows, true); m.of("a") != "note" {
		t.Errorf("after the events changed: %q, want note", m.of("a"))
	}
	if m.refresh("cash", rows, false); m.of("a") != "title" {
		t.Errorf("after a new search: %q, want title", m.of("a"))
	}
	if m.refresh("", rows, false); m.of("a") != "" {
		t.Errorf("with no search: %q", m.of("a"))
	}
}
