package model

import (
	"slices"
	"strings"
	"testing"
)

// TestPartEdits: each edit of a link, a quote, a note or the title writes
// one journal entry, shows at once what the store makes, and its revert
// (and the revert of that, a redo) round-trips.
func TestPartEdits(t *testing.T) {
	call := Event{ID: "call", Title: "The call",
		Quotes: []Quote{{Text: "first"}, {Text: "second"}},
		Links:  []Link{{Rel: Disputes, Event: "tip"}},
		Notes:  []Note{{Text: "ask Tye", Author: "ana"}, {Text: "check the date", Author: "ana"}}}
	tip := Event{ID: "tip", Title: "The tip"}
	tests := []struct {
		name   string
		edit   Edit
		phrase string
		check  func(w *memWriter) bool
	}{
		{"link", AddLink{From: "tip", Rel: Follows, To: "call"}, "linked tip follows call",
			func(w *memWriter) bool {
				return slices.Contains(w.events["tip"].Links, Link{Rel: Follows, Event: "call"})
			}},
		{"unlink", RemoveLink{From: "call", Rel: Disputes, To: "tip"}, "unlinked call disputes tip",
			func(w *memWriter) bool { return len(w.events["call"].Links) == 0 }},
		{"remove quote", DropQuote{ID: "call", N: 1}, "removed quote 1 of call",
			func(w *memWriter) bool { q := w.events["call"].Quotes; return len(q) == 1 && q[0].Text == "second" }},
		{"move quote", ShiftQuote{ID: "call", N: 1, To: 2}, "moved quote 1 of call to 2",
			func(w *memWriter) bool { return w.events["call"].Quotes[0].Text == "second" }},
		{"edit note", ReviseNote{ID: "call", N: 2, Text: "the date is right"}, "edited note 2 of call",
			func(w *memWriter) bool { return w.events["call"].Notes[1].Text == "the date is right" }},
		{"delete note", DropNote{ID: "call", N: 1}, "deleted note 1 of call",
			func(w *memWriter) bool {
				n := w.events["call"].Notes
				return len(n) == 1 && n[0].Text == "check the date"
			}},
		{"title", Retitle{Header: Header{Title: "NSO", Description: "who paid whom"}}, "titled the investigation “NSO”",
			func(w *memWriter) bool { return w.header == Header{Title: "NSO", Description: "who paid whom"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newMemWriter(call.Clone(), tip)
			if got := tt.edit.Phrase(); got != tt.phrase {
				t.Errorf("Phrase %q, want %q", got, tt.phrase)
			}
			changes, revert, err := tt.edit.Apply(w)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(w) || len(w.journal) != 1 {
				t.Fatalf("not written, or not one journal entry (%d)", len(w.journal))
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

// TestPartEditsRefused: an edit of a part that is not there names the
// event, and changes nothing, on screen or in the store.
func TestPartEditsRefused(t *testing.T) {
	call := Event{ID: "call", Title: "The call", Quotes: []Quote{{Text: "only"}}}
	for _, e := range []Edit{
		DropQuote{ID: "call", N: 2}, ShiftQuote{ID: "call", N: 1, To: 2},
		ReviseNote{ID: "call", N: 1, Text: "x"}, DropNote{ID: "call", N: 1},
		RemoveLink{From: "call", Rel: Disputes, To: "tip"}, AddLink{From: "call", Rel: Disputes, To: "call"},
		Retitle{Header: Header{Title: " "}},
	} {
		w := newMemWriter(call.Clone())
		_, revert, err := e.Apply(w)
		if err == nil || revert != nil || len(w.journal) != 0 {
			t.Errorf("%T: err %v, revert %v, %d entries", e, err, revert, len(w.journal))
			continue
		}
		if _, ok := e.(Retitle); !ok && !strings.Contains(err.Error(), `"call"`) {
			t.Errorf("%T: %v does not name the event", e, err)
		}
		if got := e.Change(call); !SameEvent(&got, &call) {
			t.Errorf("%T shows a change the store refuses: %+v", e, got)
		}
	}
}
