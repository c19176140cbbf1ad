package model

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestEdits(t *testing.T) {
	at := time.Date(2026, 3, 4, 9, 30, 0, 0, time.UTC)
	a := Event{ID: "a", Tags: []string{"key"}}
	b := Event{ID: "b", Tags: []string{"verify"}}
	tests := []struct {
		name       string
		edit       Edit
		ids        []string
		phrase     string
		done       string              // what its entry says, when not phrase
		want       map[string][]string // tags after, by event
		wantNotes  int                 // notes on a after
		revertible bool
	}{
		{
			name: "tag", edit: Retag{Events: []string{"a", "b"}, Add: []string{"verify"}},
			ids: []string{"a", "b"}, phrase: "tagged #verify on 2 events", done: "tagged #verify on 1 event",
			want: map[string][]string{"a": {"key", "verify"}, "b": {"verify"}}, revertible: true,
		},
		{
			name: "untag", edit: Retag{Events: []string{"a"}, Remove: []string{"key"}},
			ids: []string{"a"}, phrase: "removed #key from 1 event",
			want: map[string][]string{"a": nil, "b": {"verify"}}, revertible: true,
		},
		{
			name: "tag and untag", edit: Retag{Events: []string{"b"}, Add: []string{"x"}, Remove: []string{"verify"}},
			ids: []string{"b"}, phrase: "tagged #x, removed #verify from 1 event",
			want: map[string][]string{"a": {"key"}, "b": {"x"}}, revertible: true,
		},
		{
			name: "tag that changes nothing", edit: Retag{Events: []string{"a"}, Add: []string{"key"}},
			ids: []string{"a"}, phrase: "tagged #key on 1 event",
			want: map[string][]string{"a": {"key"}, "b": {"verify"}},
		},
		{
			name: "undo", edit: UndoTags{Deltas: []TagDelta{{ID: "a", Remove: []string{"key"}}, {ID: "b", Add: []string{"key"}}}, Of: "tagged #key on 2 events"},
			ids: []string{"a", "b"}, phrase: "undid: tagged #key on 2 events",
			want: map[string][]string{"a": nil, "b": {"verify", "key"}}, revertible: true,
		},
		{
			name: "note", edit: AddNote{ID: "a", Text: "ask", At: at, Author: "ana"},
			ids: []string{"a"}, phrase: "added a note to a",
			want: map[string][]string{"a": {"key"}, "b": {"verify"}}, wantNotes: 1, revertible: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newMemWriter(a, b)
			if got := tt.edit.IDs(); !slices.Equal(got, tt.ids) {
				t.Errorf("IDs %v, want %v", got, tt.ids)
			}
			if got := tt.edit.Phrase(); got != tt.phrase {
				t.Errorf("Phrase %q, want %q", got, tt.phrase)
			}
			changes, revert, err := tt.edit.Apply(w)
			if err != nil {
				t.Fatal(err)
			}
			for id, tags := range tt.want {
				if got := w.events[id].Tags; !slices.Equal(got, tags) {
					t.Errorf("%s: stored tags %v, want %v", id, got, tags)
				}
			}
			if got := len(w.events["a"].Notes); got != tt.wantNotes {
				t.Errorf("%d notes, want %d", got, tt.wantNotes)
			}
			// What is shown at once is what the store made.
			for _, c := range changes {
				if got := tt.edit.Change(c.Before); !reflect.DeepEqual(got, c.After) {
					t.Errorf("Change(%s) = %+v, stored %+v", c.Before.ID, got, c.After)
				}
			}
			if (revert != nil) != tt.revertible {
				t.Fatalf("revert %v, want one: %v", revert, tt.revertible)
			}
			if revert == nil {
				return
			}
			done := tt.phrase
			if tt.done != "" {
				done = tt.done
			}
			undoes := func(got string) bool {
				if of, ok := strings.CutPrefix(done, "undid: "); ok {
					return got == "redid: "+of // an undo's revert does it again
				}
				return strings.HasPrefix(got, "undid") && strings.HasSuffix(got, ": "+done)
			}
			if got := revert.Phrase(); !undoes(got) {
				t.Errorf("revert's phrase %q, want it to undo %q", got, done)
			}
			if _, _, err := revert.Apply(w); err != nil {
				t.Fatal(err)
			}
			for _, e := range []Event{a, b} {
				if got := w.events[e.ID].Tags; !slices.Equal(got, e.Tags) && len(got)+len(e.Tags) > 0 {
					t.Errorf("%s after revert: tags %v, want %v", e.ID, got, e.Tags)
				}
			}
		})
	}
}

// elsewhere is the phrase of a change of tags another makes.
func elsewhere([]Change) string { return "elsewhere" }

// TestRevertKeepsOthersTags: a tag written between an edit and its revert
// stays.
func TestRevertKeepsOthersTags(t *testing.T) {
	w := newMemWriter(Event{ID: "a"})
	_, revert, err := Retag{Events: []string{"a"}, Add: []string{"key"}}.Apply(w)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := writeRetag(w, Retags([]string{"a"}, []string{"elsewhere"}, nil), elsewhere); err != nil {
		t.Fatal(err)
	}
	if _, _, err := revert.Apply(w); err != nil {
		t.Fatal(err)
	}
	if got := w.events["a"].Tags; !slices.Equal(got, []string{"elsewhere"}) {
		t.Errorf("tags %v, want [elsewhere]", got)
	}
}

// TestUndoPutsTagsBackInTheirPlace: undoing the removal of tags puts
// each back where it was, not at the end, while a tag written between the
// change and its undo stays where it was written; a redo and its undo do
// the same.
func TestUndoPutsTagsBackInTheirPlace(t *testing.T) {
	for _, c := range []struct {
		name            string
		tags, remove    []string
		elsewhere, want []string
	}{
		{"middle", []string{"a", "b", "c"}, []string{"b"}, nil, []string{"a", "b", "c"}},
		{"first", []string{"a", "b", "c"}, []string{"a"}, nil, []string{"a", "b", "c"}},
		{"first two", []string{"a", "b", "c"}, []string{"a", "b"}, nil, []string{"a", "b", "c"}},
		{"apart", []string{"a", "b", "c", "d"}, []string{"b", "d"}, nil, []string{"a", "b", "c", "d"}},
		{"others' tag kept", []string{"a", "b", "c"}, []string{"b"}, []string{"z"}, []string{"a", "b", "c", "z"}},
		{"neighbour gone", []string{"a", "b", "c"}, []string{"b"}, []string{"-a"}, []string{"b", "c"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newMemWriter(Event{ID: "e", Tags: c.tags})
			_, undo, err := Retag{Events: []string{"e"}, Remove: c.remove}.Apply(w)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range c.elsewhere {
				d := TagDelta{ID: "e", Add: []string{o}}
				if r, ok := strings.CutPrefix(o, "-"); ok {
					d = TagDelta{ID: "e", Remove: []string{r}}
				}
				if _, _, err := writeRetag(w, []TagDelta{d}, elsewhere); err != nil {
					t.Fatal(err)
				}
			}
			_, redo, err := undo.Apply(w)
			if err != nil {
				t.Fatal(err)
			}
			if got := w.events["e"].Tags; !slices.Equal(got, c.want) {
				t.Fatalf("undone: tags %q, want %q", got, c.want)
			}
			_, again, err := redo.Apply(w)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := again.Apply(w); err != nil {
				t.Fatal(err)
			}
			if got := w.events["e"].Tags; !slices.Equal(got, c.want) {
				t.Errorf("redone and undone again: tags %q, want %q", got, c.want)
			}
		})
	}
}

func TestEditFails(t *testing.T) {
	full := errors.New("disk full")
	for _, e := range []Edit{Retag{Events: []string{"a"}, Add: []string{"x"}}, UndoTags{Deltas: []TagDelta{{ID: "a", Add: []string{"x"}}}}, AddNote{ID: "a", Text: "x"}} {
		w := newMemWriter(Event{ID: "a"})
		w.fail = full
		if _, revert, err := e.Apply(w); !errors.Is(err, full) || revert != nil {
			t.Errorf("%T: err %v, revert %v", e, err, revert)
		}
	}
}

// TestUndoRedoPhrases: undoing a change of tags, redoing it and undoing
// it again say so of the change itself, by its entry's number as chrono
// undo does, never "undid: undid: ...".
func TestUndoRedoPhrases(t *testing.T) {
	w := newMemWriter(Event{ID: "a"})
	var e Edit = Retag{Events: []string{"a"}, Add: []string{"key"}}
	var got []string
	for range 4 {
		_, next, err := e.Apply(w)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e.Phrase())
		e = next
	}
	want := []string{"tagged #key on 1 event", "undid #1: tagged #key on 1 event", "redid #1: tagged #key on 1 event", "undid #1: tagged #key on 1 event"}
	if !slices.Equal(got, want) {
		t.Errorf("phrases %q, want %q", got, want)
	}
}

// TestUndoOfANoteRemovedSinceNamesTheChange: the undo of a note added,
// refused once another change removed the note, names that change, as a
// refusal for a title changed since does.
func TestUndoOfANoteRemovedSinceNamesTheChange(t *testing.T) {
	w := newMemWriter(Event{ID: "a", Title: "A"})
	_, undo, err := AddNote{ID: "a", Text: "ask the source", Author: "ana"}.Apply(w)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := (DropNote{ID: "a", N: 1}).Apply(w); err != nil {
		t.Fatal(err)
	}
	_, _, err = undo.Apply(w)
	if err == nil || !strings.Contains(err.Error(), `event "a": a note this change added was edited or removed since, by #2 `) {
		t.Errorf("the undo: %v; want the change that removed the note named", err)
	}
}

// TestRetagSaysTheTagsItAdded: asked to tag #verify and #key on an event
// that had #key, the entry said "tagged #verify #key", naming a tag it
// did not add; so did the message saying what was done, and the undo's.
func TestRetagSaysTheTagsItAdded(t *testing.T) {
	for _, c := range []struct {
		r       Retag
		entry   string
		outcome string
	}{
		{Retag{Events: []string{"a"}, Add: []string{"verify", "key"}}, "tagged #verify on 1 event", "tagged #verify on 1 event"},
		{Retag{Events: []string{"a", "b"}, Add: []string{"key"}}, "tagged #key on 1 event", "tagged #key on 1 event; 1 already had it"},
		{Retag{Events: []string{"a", "b"}, Remove: []string{"key", "gone"}}, "removed #key from 1 event", "removed #key from 1 event; 1 did not have them"},
		{Retag{Events: []string{"a", "b"}, Add: []string{"verify"}}, "tagged #verify on 2 events", "tagged #verify on 2 events"},
	} {
		w := newMemWriter(Event{ID: "a", Tags: []string{"key"}}, Event{ID: "b"})
		changes, undo, err := c.r.Apply(w)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.journal[len(w.journal)-1].Phrase; got != c.entry {
			t.Errorf("%+v: the entry says %q, want %q", c.r, got, c.entry)
		}
		if got := c.r.Outcome(changes); got != c.outcome {
			t.Errorf("%+v: the outcome says %q, want %q", c.r, got, c.outcome)
		}
		if got := undo.Phrase(); !strings.HasSuffix(got, ": "+c.entry) {
			t.Errorf("%+v: the undo says %q", c.r, got)
		}
	}
}
