package tui

import (
	"strings"
	"testing"

	"chrono/model"
)

// The filter picker offers untagged events, events with notes, and a
// date range typed as EDTF, besides statuses, tags and actors.
func TestFilterPickerShapesAndDates(t *testing.T) {
	s := exampleStore(t)
	retell(t, s, "khashoggi-killed", func(e *model.Event) { e.Tags = nil })
	d := newDriver(t, s, 120, 40)
	// A note on the first event, for the "with notes" filter.
	d.keys("a")
	d.typeText("Ask Mobileum for the minutes.")
	d.keys("ctrl+s")

	d.keys("f")
	d.typeText("untagged")
	d.keys("enter")
	if q := d.query(); !q.Untagged || d.total() != 1 || d.selected() != "khashoggi-killed" {
		t.Errorf("untagged: query %+v, %d events, at %s", q, d.total(), d.selected())
	}
	if !strings.Contains(d.screen(), "filter: untagged") {
		t.Errorf("the filter bar does not say untagged:\n%s", d.screen())
	}
	d.keys("F", "f")
	d.typeText("notes")
	d.keys("enter")
	if q := d.query(); !q.Noted || d.total() != 1 || d.selected() != "nso-mobileum-call" {
		t.Errorf("with notes: query %+v, %d events, at %s", q, d.total(), d.selected())
	}
	d.keys("F", "f")
	d.typeText("2021")
	d.keys("enter")
	if q := d.query(); q.During.String() != "2021" {
		t.Errorf("during 2021: query %+v", q)
	}
	if !strings.Contains(d.screen(), "during 2021") {
		t.Errorf("the filter bar does not say during 2021")
	}
}

// Events with notes carry a mark in the chronology.
func TestListMarksEventsWithNotes(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	before := rowOf(d.screen(), "NSO offers")
	d.keys("a")
	d.typeText("Ask Mobileum for the minutes.")
	d.keys("ctrl+s")
	after := rowOf(d.screen(), "NSO offers")
	if !strings.Contains(after, noteSign) || strings.Contains(before, noteSign) {
		t.Errorf("the note mark: before %q, after %q", before, after)
	}
}
