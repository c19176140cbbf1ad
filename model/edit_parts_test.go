package model

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
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
		// A long title is cut in its middle: what changed at its end
		// still shows.
		{"long title", Retitle{Header: Header{Title: `NSO Group and the "bags of cash" offer — draft 2`}}, `titled the investigation “NSO Group and the "bags … offer — draft 2”`,
			func(w *memWriter) bool { return w.header.Title == `NSO Group and the "bags of cash" offer — draft 2` }},
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
				got, stored := tt.edit.Change(c.Before), c.After
				if _, ok := tt.edit.(ReviseNote); ok {
					// Who edited the note, and when, is the store's to say.
					got, stored = withoutEditMarks(got), withoutEditMarks(stored)
				}
				if !SameEvent(&got, &stored) {
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

// withoutEditMarks is e with its notes' edit marks taken off.
func withoutEditMarks(e Event) Event {
	e = e.Clone()
	for i := range e.Notes {
		e.Notes[i].Edited, e.Notes[i].EditedBy = time.Time{}, ""
	}
	return e
}

// TestNoteEditsFollowTheirNote: a note revised or deleted by number is
// the note read then: after another's note before it is deleted, the
// same note, now one up; after it was itself edited or deleted, none,
// refused as a conflict, rather than the note now under its number.
func TestNoteEditsFollowTheirNote(t *testing.T) {
	notes := func() []Note {
		return []Note{{Text: "A", Author: "cli"}, {Text: "B", Author: "cli"}, {Text: "C", Author: "cli"}}
	}
	texts := func(w *memWriter) []string {
		var out []string
		for _, n := range w.events["e"].Notes {
			out = append(out, n.Text)
		}
		return out
	}
	b := notes()[1]
	for _, tc := range []struct {
		name      string
		meanwhile Edit
		edit      Edit
		want      []string
		conflict  bool
	}{
		{"revised after a note before it was deleted", DropNote{ID: "e", N: 1}, ReviseNote{ID: "e", N: 2, Text: "B2", Was: &b}, []string{"B2", "C"}, false},
		{"deleted after a note before it was deleted", DropNote{ID: "e", N: 1}, DropNote{ID: "e", N: 2, Was: &b}, []string{"C"}, false},
		{"revised after it was deleted", DropNote{ID: "e", N: 2}, ReviseNote{ID: "e", N: 2, Text: "B2", Was: &b}, []string{"A", "C"}, true},
		{"deleted after it was revised", ReviseNote{ID: "e", N: 2, Text: "B by another"}, DropNote{ID: "e", N: 2, Was: &b}, []string{"A", "B by another", "C"}, true},
		{"revised, nothing meanwhile", nil, ReviseNote{ID: "e", N: 2, Text: "B2", Was: &b}, []string{"A", "B2", "C"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newMemWriter(Event{ID: "e", Title: "E", Notes: notes()})
			if tc.meanwhile != nil {
				if _, _, err := tc.meanwhile.Apply(w); err != nil {
					t.Fatal(err)
				}
			}
			_, _, err := tc.edit.Apply(w)
			if got := errors.Is(err, ErrConflict); got != tc.conflict {
				t.Errorf("error %v, want a conflict: %v", err, tc.conflict)
			}
			if got := texts(w); !slices.Equal(got, tc.want) {
				t.Errorf("notes %q, want %q", got, tc.want)
			}
		})
	}
}

// A note edited, then edited or deleted again before the first edit's
// save came back, is still the note: the second edit knows it as the
// browser showed it, without the edit's mark, which the store added.
func TestNoteEditedTwiceBeforeTheFirstCameBack(t *testing.T) {
	written := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	note := Note{Text: "Ask Tye.", Author: "ana", At: written}
	for _, second := range []func(was *Note) Edit{
		func(was *Note) Edit { return ReviseNote{ID: "call", N: 1, Text: "Ask Tye. Second.", Was: was} },
		func(was *Note) Edit { return DropNote{ID: "call", N: 1, Was: was} },
	} {
		w := newMemWriter(Event{ID: "call", Title: "The call", Notes: []Note{note}})
		first := ReviseNote{ID: "call", N: 1, Text: "Ask Tye. First.", Was: &note}
		shown := first.Change(w.events["call"]).Notes[0] // as the browser shows it until the save comes back
		if _, _, err := first.Apply(w); err != nil {
			t.Fatal(err)
		}
		if _, _, err := second(&shown).Apply(w); err != nil {
			t.Errorf("%T after an edit not yet come back: %v", second(&shown), err)
		}
	}
}
