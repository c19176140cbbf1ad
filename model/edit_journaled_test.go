package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestJournaledEdits: each edit writes one entry, shows at once what the
// store makes, and its revert (and the revert of that) round-trips.
func TestJournaledEdits(t *testing.T) {
	call := Event{ID: "call", Title: "The call", Status: Alleged}
	renamed := call.Clone()
	renamed.Title = "The call, corrected"
	tests := []struct {
		name  string
		edit  Edit
		check func(w *memWriter) bool
	}{
		{"add", SaveEvent{Event: Event{ID: "new", Title: "New"}}, func(w *memWriter) bool { return w.events["new"].Title == "New" }},
		{"edit", SaveEvent{Base: &call, Event: renamed}, func(w *memWriter) bool { return w.events["call"].Title == "The call, corrected" }},
		{"trash", Trash{Events: []string{"call"}}, func(w *memWriter) bool { _, ok := w.trash["call"]; return ok }},
		{"link", EventEdit{ID: "call", Op: OpLink, Say: "linked", Edit: func(e *Event) error {
			e.Links = append(e.Links, Link{Rel: Disputes, Event: "tip"})
			return nil
		}}, func(w *memWriter) bool { return len(w.events["call"].Links) == 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newMemWriter(call, Event{ID: "tip", Title: "The tip"})
			before := len(w.journal)
			changes, revert, err := tt.edit.Apply(w)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(w) || len(w.journal) != before+1 {
				t.Fatalf("not written, or not one journal entry (%d)", len(w.journal)-before)
			}
			for _, c := range changes {
				if got := tt.edit.Change(c.Before); !SameEvent(&got, &c.After) {
					t.Errorf("shown %+v, stored %+v", got, c.After)
				}
			}
			if revert == nil {
				t.Fatal("no revert")
			}
			_, redo, err := revert.Apply(w)
			if err != nil {
				t.Fatal(err)
			}
			if tt.check(w) {
				t.Error("the revert left the change")
			}
			if _, _, err := redo.Apply(w); err != nil {
				t.Fatal(err)
			}
			if !tt.check(w) {
				t.Error("the redo did not make the change again")
			}
		})
	}
}

func TestSaveEventConflict(t *testing.T) {
	call := Event{ID: "call", Title: "The call"}
	w := newMemWriter(call)
	other := call.Clone()
	other.Summary = "written elsewhere"
	if _, _, err := (SaveEvent{Base: &call, Event: other}).Apply(w); err != nil {
		t.Fatal(err)
	}
	mine := call.Clone()
	mine.Title = "Mine"
	_, _, err := SaveEvent{Base: &call, Event: mine}.Apply(w)
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.Current.Summary != "written elsewhere" {
		t.Fatalf("saving over another's change: %v", err)
	}
	if !slices.Equal([]string{w.events["call"].Title}, []string{"The call"}) {
		t.Error("the conflicting save was written")
	}
}

// TestRevertOrder: an entry's events are reverted last first, as they
// were changed; an entry of many (an import's) in their ids' order, which
// the stores write their trash and indexes in without moving a node's
// keys aside at each put.
func TestRevertOrder(t *testing.T) {
	few := []EventChange{{ID: "b"}, {ID: "a"}, {ID: "c"}}
	if got := revertOrder(few); !slices.Equal(got, []int{2, 1, 0}) {
		t.Errorf("a few events reverted in the order %v, want last first", got)
	}
	many := make([]EventChange, manyReverted+1)
	for i := range many {
		many[i].ID = fmt.Sprintf("ev-%07d", len(many)-i)
	}
	got := revertOrder(many)
	if len(got) != len(many) || !slices.IsSortedFunc(got, func(a, b int) int { return strings.Compare(many[a].ID, many[b].ID) }) {
		t.Errorf("many events not reverted in their ids' order: %v…", got[:5])
	}
}
