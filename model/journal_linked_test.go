package model

import "testing"

// TestLeavesLinks: an event's history reads the events of every kind of
// change that may change a link (a link, an edit, a move to the trash,
// back or out of it, an add, an undo), and skips those that cannot.
func TestLeavesLinks(t *testing.T) {
	for _, op := range []Op{OpLink, OpEdit, OpDelete, OpRestore, OpPurge, OpAdd, OpUndo, Op("unknown")} {
		if op.LeavesLinks() {
			t.Errorf("%s is taken to leave links", op)
		}
	}
	for _, op := range []Op{OpTag, OpUntag, OpNote, OpQuote, OpSource, OpTitle, OpSnapshot, OpNew, OpImport} {
		if !op.LeavesLinks() {
			t.Errorf("%s is taken to change links", op)
		}
	}
}

// TestChangesLinksTo: a change concerns the event another event's link
// names when the link is added, removed or given another rel, or the
// linking event leaves the timeline or comes back; not when the linking
// event changes otherwise, nor when it is purged from the trash.
func TestChangesLinksTo(t *testing.T) {
	plain := &Event{ID: "a", Title: "A"}
	linking := &Event{ID: "a", Title: "A", Links: []Link{{Rel: Follows, Event: "b"}}}
	retitled := &Event{ID: "a", Title: "A!", Links: []Link{{Rel: Follows, Event: "b"}}}
	disputing := &Event{ID: "a", Title: "A", Links: []Link{{Rel: Disputes, Event: "b"}}}
	change := func(before, after *Event, from, to Whereabouts) EventChange {
		return EventChange{ID: "a", Before: before, After: after, From: from, To: to}
	}
	tests := []struct {
		name string
		c    EventChange
		want bool
	}{
		{"linked", change(plain, linking, OnTimeline, OnTimeline), true},
		{"unlinked", change(linking, plain, OnTimeline, OnTimeline), true},
		{"another rel", change(linking, disputing, OnTimeline, OnTimeline), true},
		{"retitled", change(linking, retitled, OnTimeline, OnTimeline), false},
		{"to the trash", change(linking, linking, OnTimeline, InTrash), true},
		{"restored", change(linking, linking, InTrash, OnTimeline), true},
		{"purged", change(linking, nil, InTrash, Absent), false},
		{"added linking", change(nil, linking, Absent, OnTimeline), true},
		{"its own change", EventChange{ID: "b", Before: plain, After: linking, From: OnTimeline, To: OnTimeline}, false},
	}
	for _, tt := range tests {
		if got := tt.c.ChangesLinksTo("b"); got != tt.want {
			t.Errorf("%s: ChangesLinksTo = %v, want %v", tt.name, got, tt.want)
		}
	}
}
