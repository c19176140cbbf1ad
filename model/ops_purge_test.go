package model

import (
	"slices"
	"strings"
	"testing"
)

// TestPurgeEventsRemovesTheLinksToThem: purging an event removes the
// links events on the timeline make to it, in the purge's journal entry,
// and keeps their links to events still in the trash; the purge cannot
// be reverted, the links included.
func TestPurgeEventsRemovesTheLinksToThem(t *testing.T) {
	w := exampleWriter()
	w.events["aside"] = Event{ID: "aside", Title: "An aside", Links: []Link{{Rel: Related, Event: "call"}, {Rel: Supports, Event: "tip"}}}
	write(t, w, OpDelete, func(tx Tx) error { _, err := DeleteEvents(tx, []string{"call", "tip"}); return err })

	var purged Purged
	e := write(t, w, OpPurge, func(tx Tx) (err error) { purged, err = PurgeEvents(tx, []string{"call"}); return err })
	if want := []Unlinked{{From: "aside", Link: Link{Rel: Related, Event: "call"}}}; !slices.Equal(purged.Unlinked, want) || purged.Holders() != 1 {
		t.Errorf("purged %+v; want %+v", purged, want)
	}
	if got := w.events["aside"].Links; !slices.Equal(got, []Link{{Rel: Supports, Event: "tip"}}) {
		t.Errorf("aside's links after the purge: %v; want only the one to tip, in the trash", got)
	}
	if _, ok := w.trash["call"]; ok {
		t.Error("call is still in the trash")
	}
	var changed []string
	for _, c := range e.Events {
		changed = append(changed, string(c.From)+">"+string(c.To)+" "+c.ID)
	}
	if want := []string{"trash> call", "timeline>timeline aside"}; !slices.Equal(changed, want) || e.Author != "ana" {
		t.Errorf("the purge's entry by %q: %q; want %q", e.Author, changed, want)
	}

	// Purging cannot be undone, the links removed with it included.
	if _, err := Revert(w, e); err == nil || !strings.Contains(err.Error(), "cannot be undone") {
		t.Errorf("revert of the purge: %v", err)
	}
	if got := w.events["aside"].Links; len(got) != 1 {
		t.Errorf("a refused revert changed aside's links: %v", got)
	}
}

// TestPurgeOutcome: the browser's message after emptying the trash says
// how many links to the purged events went with them.
func TestPurgeOutcome(t *testing.T) {
	w := exampleWriter()
	w.events["aside"] = Event{ID: "aside", Title: "An aside", Links: []Link{{Rel: Related, Event: "call"}}}
	write(t, w, OpDelete, func(tx Tx) error { _, err := DeleteEvents(tx, []string{"call"}); return err })
	p := Purge{Events: []string{"call"}}
	changes, revert, err := p.Apply(w)
	if err != nil || revert != nil {
		t.Fatalf("purge: %v, revert %v", err, revert)
	}
	if got, want := p.Outcome(changes), "emptied the trash of 1 event (for good); removed 2 links to it from 2 events"; got != want {
		t.Errorf("Outcome = %q; want %q", got, want)
	}
	if got, want := (Purge{Events: []string{"x", "y"}}).Outcome(nil), "emptied the trash of 2 events (for good)"; got != want {
		t.Errorf("Outcome of a purge that removed no link = %q; want %q", got, want)
	}
}
