package model

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// write runs one operation as a Write of w, failing the test on error.
func write(t *testing.T, w *memWriter, op Op, fn func(tx Tx) error) Entry {
	t.Helper()
	e, err := w.Write(op, string(op), fn)
	if err != nil {
		t.Fatalf("%s: %v", op, err)
	}
	return e
}

func exampleWriter() *memWriter {
	w := newMemWriter(
		Event{ID: "call", Title: "The call", Date: MustParseDate("2017-08"), Status: Alleged, Tags: []string{"ss7"}},
		Event{ID: "tip", Title: "The tip", Links: []Link{{Rel: Follows, Event: "call"}}},
	)
	w.sources["post"] = Source{ID: "post", Publisher: "The Washington Post"}
	return w
}

func TestAddEvent(t *testing.T) {
	w := exampleWriter()
	var got Event
	e := write(t, w, OpAdd, func(tx Tx) (err error) {
		got, err = AddEvent(tx, Event{Title: "The call", Date: MustParseDate("2017-08-14")})
		return err
	})
	if got.ID != "the-call" || w.events["the-call"].Title != "The call" {
		t.Errorf("added %q; stored %+v", got.ID, w.events["the-call"])
	}
	if len(e.Events) != 1 || e.Events[0].From != Absent || e.Events[0].To != OnTimeline || e.Author != "ana" {
		t.Errorf("journal entry %+v", e)
	}
	write(t, w, OpDelete, func(tx Tx) error { _, err := DeleteEvents(tx, []string{"the-call"}); return err })
	write(t, w, OpAdd, func(tx Tx) (err error) {
		got, err = AddEvent(tx, Event{Title: "The call"})
		return err
	})
	if got.ID != "the-call-2" {
		t.Errorf("an id in the trash was reused: %q", got.ID)
	}
	for _, c := range []struct {
		e    Event
		want string
	}{
		{Event{ID: "call", Title: "x"}, `event "call": id already in use`},
		{Event{Title: ""}, `title: missing`},
		{Event{Title: "q", Quotes: []Quote{{Text: "x", Source: "nope"}}}, `quote #1: source "nope": no such source`},
		{Event{Title: "l", Links: []Link{{Rel: Disputes, Event: "nope"}}}, `link #1: event "nope": no such event`},
	} {
		_, err := w.Write(OpAdd, "add", func(tx Tx) error { _, err := AddEvent(tx, c.e); return err })
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("AddEvent(%+v) = %v, want %q", c.e, err, c.want)
		}
	}
}

func TestEditEventConflict(t *testing.T) {
	w := exampleWriter()
	base := w.events["call"]
	mine := base.Clone()
	mine.Title = "The call, corrected"
	// Another process changes the status first.
	write(t, w, OpEdit, func(tx Tx) error {
		_, err := UpdateEvent(tx, "call", func(e *Event) error { e.Status = Denied; return nil })
		return err
	})
	_, err := w.Write(OpEdit, "edit", func(tx Tx) error { _, err := EditEvent(tx, base, mine); return err })
	var ce *ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, ErrConflict) || ce.Current.Status != Denied {
		t.Fatalf("edit on an old version: %v; want a conflict with the stored version", err)
	}
	if w.events["call"].Title != "The call" {
		t.Error("the conflicting edit was written")
	}
	// A tag and a note added meanwhile are kept, and refuse nothing; a
	// tag changed both ways is a conflict.
	base = w.events["call"]
	write(t, w, OpTag, func(tx Tx) error {
		_, err := UpdateEvent(tx, "call", func(e *Event) error {
			e.Tags = append(e.Tags, "theirs")
			e.Notes = append(e.Notes, Note{Text: "their note", Author: "bo"})
			return nil
		})
		return err
	})
	mine = base.Clone()
	mine.Title = "The call, corrected"
	if _, err := w.Write(OpEdit, "edit", func(tx Tx) error { _, err := EditEvent(tx, base, mine); return err }); err != nil {
		t.Fatalf("an edit beside a tag and a note added meanwhile: %v", err)
	}
	if e := w.events["call"]; e.Title != "The call, corrected" || !slices.Contains(e.Tags, "theirs") || len(e.Notes) != len(base.Notes)+1 {
		t.Errorf("after the edit: %+v", e)
	}
	base = w.events["call"]
	write(t, w, OpTag, func(tx Tx) error {
		_, err := UpdateEvent(tx, "call", func(e *Event) error { e.Tags = append(e.Tags, "again"); return nil })
		return err
	})
	mine = base.Clone()
	mine.Tags = []string{"mine"}
	if _, err := w.Write(OpEdit, "edit", func(tx Tx) error { _, err := EditEvent(tx, base, mine); return err }); !errors.As(err, &ce) {
		t.Errorf("tags changed both ways: %v, want a conflict", err)
	}
	renamed := w.events["call"].Clone()
	renamed.ID = "other"
	if _, err := w.Write(OpEdit, "edit", func(tx Tx) error { _, err := EditEvent(tx, w.events["call"], renamed); return err }); err == nil {
		t.Error("an edit changed the id")
	}
}

func TestDeleteAndRestore(t *testing.T) {
	w := exampleWriter()
	var deleted []Deleted
	// An id given twice is one event.
	write(t, w, OpDelete, func(tx Tx) (err error) { deleted, err = DeleteEvents(tx, []string{"call", "call"}); return err })
	if len(deleted) != 1 || len(deleted[0].LinkedBy) != 1 || deleted[0].LinkedBy[0].From != "tip" {
		t.Errorf("deleted %+v; want the link from tip reported", deleted)
	}
	if _, ok := w.events["call"]; ok {
		t.Fatal("still on the timeline")
	}
	if w.trash["call"].Event.Title != "The call" {
		t.Fatal("not in the trash")
	}
	write(t, w, OpRestore, func(tx Tx) error { return RestoreEvents(tx, []string{"call", "call"}) })
	if w.events["call"].Title != "The call" || len(w.trash) != 0 {
		t.Error("not restored")
	}
}

// TestEditKeepsLinksToTheTrash: an event that links to an event in the
// trash stays editable, links and all, but takes no new link to one.
func TestEditKeepsLinksToTheTrash(t *testing.T) {
	w := exampleWriter()
	w.events["aside"] = Event{ID: "aside", Title: "An aside", Links: []Link{{Rel: Supports, Event: "tip"}}}
	write(t, w, OpDelete, func(tx Tx) error { _, err := DeleteEvents(tx, []string{"tip"}); return err })
	write(t, w, OpEdit, func(tx Tx) error {
		_, err := UpdateEvent(tx, "aside", func(e *Event) error { e.Title = "An aside, retitled"; return nil })
		return err
	})
	write(t, w, OpLink, func(tx Tx) error { _, err := LinkEvents(tx, "aside", Related, "call"); return err })
	_, err := w.Write(OpEdit, "edit", func(tx Tx) error {
		_, err := UpdateEvent(tx, "aside", func(e *Event) error {
			e.Links = append(e.Links, Link{Rel: Disputes, Event: "tip"})
			return nil
		})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), `link #3: event "tip": no such event`) {
		t.Errorf("a new link to an event in the trash: %v", err)
	}
	if got := w.events["aside"]; got.Title != "An aside, retitled" || len(got.Links) != 2 {
		t.Errorf("aside: %+v", got)
	}
}

func TestLinks(t *testing.T) {
	w := exampleWriter()
	write(t, w, OpLink, func(tx Tx) error { _, err := LinkEvents(tx, "call", Disputes, "tip"); return err })
	if !slices.Contains(w.events["call"].Links, Link{Rel: Disputes, Event: "tip"}) {
		t.Fatal("link not stored")
	}
	// A link stated by the other event is removed from it.
	write(t, w, OpLink, func(tx Tx) error { _, err := UnlinkEvents(tx, "call", Precedes, "tip"); return err })
	if len(w.events["tip"].Links) != 0 {
		t.Errorf("tip's follows link stays: %v", w.events["tip"].Links)
	}
	for _, c := range []struct {
		from string
		rel  Rel
		to   string
	}{{"call", "likes", "tip"}, {"call", Disputes, "call"}, {"call", Disputes, "nope"}, {"call", Disputes, "tip"}} {
		if _, err := w.Write(OpLink, "link", func(tx Tx) error { _, err := LinkEvents(tx, c.from, c.rel, c.to); return err }); err == nil {
			t.Errorf("LinkEvents(%s %s %s) succeeded", c.from, c.rel, c.to)
		}
	}
}

// TestOneRelationStatedAtBothEnds: a relation the other event states
// already ("tip follows call") is not linked again the other way round
// ("call precedes tip"), and removing it takes it from wherever it is
// stated, both ends when a file stated it at both, in one change that
// an undo takes back whole.
func TestOneRelationStatedAtBothEnds(t *testing.T) {
	w := exampleWriter()
	_, err := w.Write(OpLink, "link", func(tx Tx) error { _, err := LinkEvents(tx, "call", Precedes, "tip"); return err })
	if err == nil || !strings.Contains(err.Error(), `already precedes "tip" (tip states it: follows call)`) {
		t.Fatalf("linking the inverse of a stated link: %v", err)
	}
	if len(w.events["call"].Links) != 0 {
		t.Fatalf("stored anyway: %v", w.events["call"].Links)
	}
	// A file's statement at both ends.
	call := w.events["call"]
	call.Links = []Link{{Rel: Precedes, Event: "tip"}}
	w.events["call"] = call
	for _, from := range []string{"call", "tip"} {
		t.Run("unlinked from "+from, func(t *testing.T) {
			saved := maps.Clone(w.events)
			defer func() { w.events = saved }()
			rel, to := Precedes, "tip"
			if from == "tip" {
				rel, to = Follows, "call"
			}
			entry := write(t, w, OpLink, func(tx Tx) error { _, err := UnlinkEvents(tx, from, rel, to); return err })
			if len(w.events["call"].Links)+len(w.events["tip"].Links) != 0 {
				t.Errorf("links left: call %v, tip %v", w.events["call"].Links, w.events["tip"].Links)
			}
			if len(entry.Events) != 2 {
				t.Errorf("the entry holds %d events, want both", len(entry.Events))
			}
			if e := (RemoveLink{From: from, Rel: rel, To: to}); len(e.Change(saved["call"]).Links)+len(e.Change(saved["tip"]).Links) != 0 {
				t.Errorf("RemoveLink.Change leaves a link on screen")
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	w := exampleWriter()
	q := func(s string) Quote { return Quote{Text: s, Source: "post"} }
	write(t, w, OpQuote, func(tx Tx) error { _, err := AddQuote(tx, "call", q("b"), 0); return err })
	write(t, w, OpQuote, func(tx Tx) error { _, err := AddQuote(tx, "call", q("a"), 1); return err })
	write(t, w, OpQuote, func(tx Tx) error { _, err := AddQuote(tx, "call", q("c"), 0); return err })
	write(t, w, OpQuote, func(tx Tx) error { _, err := MoveQuote(tx, "call", 3, 1); return err })
	write(t, w, OpQuote, func(tx Tx) error { _, err := EditQuote(tx, "call", 2, q("A")); return err })
	write(t, w, OpQuote, func(tx Tx) error { _, err := RemoveQuote(tx, "call", 3); return err })
	var got []string
	for _, q := range w.events["call"].Quotes {
		got = append(got, q.Text)
	}
	if !slices.Equal(got, []string{"c", "A"}) {
		t.Errorf("quotes %v, want [c A]", got)
	}
	if _, err := w.Write(OpQuote, "q", func(tx Tx) error { _, err := RemoveQuote(tx, "call", 9); return err }); err == nil || !strings.Contains(err.Error(), "no quote 9 (it has 2)") {
		t.Errorf("removing quote 9: %v", err)
	}
	for _, at := range []int{-5, 4, 99} {
		if _, err := w.Write(OpQuote, "q", func(tx Tx) error { _, err := AddQuote(tx, "call", q("x"), at); return err }); err == nil || !strings.Contains(err.Error(), "give a place from 1 to 3") {
			t.Errorf("a quote added at %d: %v", at, err)
		}
	}
	write(t, w, OpQuote, func(tx Tx) error { _, err := AddQuote(tx, "call", q("d"), 3); return err })
	if n := len(w.events["call"].Quotes); n != 3 || w.events["call"].Quotes[2].Text != "d" {
		t.Errorf("a quote added at 3 of 2: %+v", w.events["call"].Quotes)
	}
}

func TestSources(t *testing.T) {
	w := exampleWriter()
	var s Source
	write(t, w, OpSource, func(tx Tx) (err error) {
		s, err = AddSource(tx, Source{Publisher: "Occupy Democrats", Title: "Ted Lieu"})
		return err
	})
	if s.ID != "occupy-democrats-ted-lieu" {
		t.Errorf("source id %q", s.ID)
	}
	write(t, w, OpQuote, func(tx Tx) error {
		_, err := AddQuote(tx, "call", Quote{Text: "x", Source: "post"}, 0)
		return err
	})
	_, err := w.Write(OpSource, "rm", func(tx Tx) error { return RemoveSource(tx, "post") })
	if err == nil || !strings.Contains(err.Error(), `source "post": cited by 1 event, in quotes or date texts`) {
		t.Errorf("removing a cited source: %v", err)
	}
	write(t, w, OpSource, func(tx Tx) error { return RemoveSource(tx, s.ID) })
	if _, ok := w.sources[s.ID]; ok {
		t.Error("source not removed")
	}
	// A source that says nothing of itself is refused; one named by its
	// URL alone is a "source".
	_, err = w.Write(OpSource, "add", func(tx Tx) error { _, err := AddSource(tx, Source{}); return err })
	if err == nil || !strings.Contains(err.Error(), "a source needs something that says which it is") {
		t.Errorf("adding an empty source: %v", err)
	}
	write(t, w, OpSource, func(tx Tx) (err error) {
		s, err = AddSource(tx, Source{URL: "https://x.example/a"})
		return err
	})
	if s.ID != "source" {
		t.Errorf("a source with only a URL: id %q, want source", s.ID)
	}
}

func TestNotes(t *testing.T) {
	w := exampleWriter()
	write(t, w, OpNote, func(tx Tx) error { _, err := AddNoteTo(tx, "call", Note{Text: "ask Tye"}); return err })
	if n := w.events["call"].Notes; len(n) != 1 || n[0].Author != "ana" {
		t.Fatalf("notes %+v: want one by ana", n)
	}
	write(t, w, OpNote, func(tx Tx) error { _, err := DeleteNote(tx, "call", 1); return err })
	if n := w.events["call"].Notes; len(n) != 0 {
		t.Errorf("notes %+v after delete", n)
	}
}

// TestEditNoteKeepsItsWriter: a note whose text is edited, by whoever,
// stays its writer's, as of when it was written, and says who edited it
// last and when; the same text again is no edit. Undoing the edit brings
// the note back as it was.
func TestEditNoteKeepsItsWriter(t *testing.T) {
	written := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	earlier := written.Add(24 * time.Hour)
	tests := []struct {
		name   string
		note   Note
		editor string
		text   string
		want   Note
	}{
		{"by its writer", Note{Text: "ask Tye", Author: "bo", At: written}, "bo", "ask Tye again",
			Note{Text: "ask Tye again", Author: "bo", At: written, EditedBy: "bo"}},
		{"by another", Note{Text: "ask Tye", Author: "bo", At: written}, "cy", "ask Tye and Lieu",
			Note{Text: "ask Tye and Lieu", Author: "bo", At: written, EditedBy: "cy"}},
		{"edited before", Note{Text: "ask Tye and Lieu", Author: "bo", At: written, Edited: earlier, EditedBy: "cy"}, "dee", "ask Lieu",
			Note{Text: "ask Lieu", Author: "bo", At: written, EditedBy: "dee"}},
		{"by its writer, after another", Note{Text: "ask Tye and Lieu", Author: "bo", At: written, Edited: earlier, EditedBy: "cy"}, "bo", "ask Tye",
			Note{Text: "ask Tye", Author: "bo", At: written, EditedBy: "bo"}},
		{"unsigned", Note{Text: "imported"}, "cy", "imported, checked",
			Note{Text: "imported, checked", EditedBy: "cy"}},
		{"to the same text", Note{Text: "ask Tye", Author: "bo", At: written}, "cy", "ask Tye",
			Note{Text: "ask Tye", Author: "bo", At: written}},
		{"to another note's text", Note{Text: "ask Tye", Author: "bo", At: written}, "cy", "another note",
			Note{Text: "another note", Author: "bo", At: written, EditedBy: "cy"}},
		{"edited before, to the same text", Note{Text: "ask Lieu", Author: "bo", At: written, Edited: earlier, EditedBy: "cy"}, "dee", "ask Lieu",
			Note{Text: "ask Lieu", Author: "bo", At: written, Edited: earlier, EditedBy: "cy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := exampleWriter()
			call := w.events["call"]
			call.Notes = []Note{{Text: "another note", Author: "ana", At: written}, tt.note}
			w.events["call"] = call
			w.author, w.now = tt.editor, written.Add(48*time.Hour)
			if tt.want.EditedBy != tt.note.EditedBy || tt.want.Text != tt.note.Text {
				tt.want.Edited = w.now
			}
			edit := write(t, w, OpNote, func(tx Tx) error { _, err := EditNote(tx, "call", 2, tt.text); return err })
			got := w.events["call"].Notes
			if len(got) != 2 || !got[1].same(tt.want) || !got[0].same(call.Notes[0]) {
				t.Fatalf("notes %+v, want the second %+v", got, tt.want)
			}
			if _, err := Revert(w, edit); err != nil {
				t.Fatal(err)
			}
			if got := w.events["call"]; !SameEvent(&got, &call) {
				t.Errorf("after the undo: notes %+v, want %+v", got.Notes, call.Notes)
			}
		})
	}
}

// TestNotesSignedWhenEditedWhole: an event edited whole (as in
// $EDITOR) has the notes it adds signed by the writer, as of the edit,
// whatever they say of themselves; a note whose text it keeps keeps its
// signature and its edit, whatever was typed over them, and a note it
// rewrites, still signed as it was, stays its writer's, edited by the
// writer of the change.
func TestNotesSignedWhenEditedWhole(t *testing.T) {
	w := exampleWriter()
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	base := w.events["call"]
	base.Notes = []Note{
		{Text: "bea's", Author: "bea", At: old}, {Text: "ana's", Author: "ana", At: old}, {Text: "imported, unsigned"},
		{Text: "cy's", Author: "cy", At: old.Add(time.Hour)},
		{Text: "dee's, edited", Author: "dee", At: old, Edited: old.Add(time.Hour), EditedBy: "bea"},
		{Text: "eve's", Author: "eve", At: old}, {Text: "fay's", Author: "fay", At: old},
	}
	w.events["call"] = base
	e := base.Clone()
	e.Notes = []Note{
		{Text: "imported, unsigned"},                                    // kept, moved
		{Text: "bea's"},                                                 // its signature taken off: put back
		{Text: "ana's, rewritten", Author: "ana", At: old},              // rewritten by its author
		{Text: "cy's, rewritten", Author: "cy", At: old.Add(time.Hour)}, // rewritten by another
		{Text: "new"},                            // added
		{Text: "forged", Author: "bea", At: old}, // added, claiming another's note
		{Text: "backdated", Author: "ana", At: old.Add(-time.Hour)},                      // added, claiming another time
		{Text: "new, said to be edited", Edited: old, EditedBy: "bea"},                   // added, claiming an edit
		{Text: "dee's, edited", Author: "dee", At: old},                                  // its edit taken off: put back
		{Text: "eve's", Author: "eve", At: old, Edited: old, EditedBy: "bea"},            // an edit claimed: taken off
		{Text: "fay's, rewritten", Author: "fay", At: old, Edited: old, EditedBy: "bea"}, // rewritten, claiming another editor
	}
	write(t, w, OpEdit, func(tx Tx) error { _, err := EditEvent(tx, base, e); return err })
	want := []Note{
		{Text: "imported, unsigned"},
		{Text: "bea's", Author: "bea", At: old},
		{Text: "ana's, rewritten", Author: "ana", At: old, Edited: w.now, EditedBy: "ana"},
		{Text: "cy's, rewritten", Author: "cy", At: old.Add(time.Hour), Edited: w.now, EditedBy: "ana"},
		{Text: "new", Author: "ana", At: w.now},
		{Text: "forged", Author: "ana", At: w.now},
		{Text: "backdated", Author: "ana", At: w.now},
		{Text: "new, said to be edited", Author: "ana", At: w.now},
		{Text: "dee's, edited", Author: "dee", At: old, Edited: old.Add(time.Hour), EditedBy: "bea"},
		{Text: "eve's", Author: "eve", At: old},
		{Text: "fay's, rewritten", Author: "fay", At: old, Edited: w.now, EditedBy: "ana"},
	}
	got := w.events["call"].Notes
	if len(got) != len(want) {
		t.Fatalf("notes %+v, want %+v", got, want)
	}
	for i := range want {
		if !got[i].same(want[i]) {
			t.Errorf("note %d: %+v, want %+v", i+1, got[i], want[i])
		}
	}
}

func TestRevert(t *testing.T) {
	edit := func(w *memWriter, fn func(e *Event)) Entry {
		e, err := w.Write(OpEdit, "edit", func(tx Tx) error {
			_, err := UpdateEvent(tx, "call", func(e *Event) error { fn(e); return nil })
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	t.Run("keeps later changes to other fields", func(t *testing.T) {
		w := exampleWriter()
		title := edit(w, func(e *Event) { e.Title = "Renamed" })
		edit(w, func(e *Event) { e.Status = Denied })
		u, err := Revert(w, title)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.events["call"]; got.Title != "The call" || got.Status != Denied {
			t.Errorf("after revert: %q, %s", got.Title, got.Status)
		}
		if u.Reverts != title.Seq || u.Op != OpUndo {
			t.Errorf("undo entry %+v", u)
		}
		// Reverting the undo is a redo, and says so.
		r, err := Revert(w, u)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.events["call"].Title; got != "Renamed" {
			t.Errorf("after redo: %q", got)
		}
		again, err := Revert(w, r)
		if err != nil {
			t.Fatal(err)
		}
		phrases := []string{u.Phrase, r.Phrase, again.Phrase}
		if want := []string{"undid #1: edit", "redid #1: edit", "undid #1: edit"}; !slices.Equal(phrases, want) {
			t.Errorf("phrases %q, want %q", phrases, want)
		}
	})
	t.Run("takes back a note added, whatever notes others added since", func(t *testing.T) {
		w := exampleWriter()
		note := func(text string) Entry {
			e, err := w.Write(OpNote, "note saved", func(tx Tx) error {
				_, err := AddNoteTo(tx, "call", Note{Text: text, At: time.Unix(int64(len(text)), 0)})
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return e
		}
		was := len(w.events["call"].Notes)
		mine := note("mine")
		note("theirs, added since")
		undone, err := Revert(w, mine)
		if err != nil {
			t.Fatalf("undo of a note with another added since: %v", err)
		}
		got := w.events["call"].Notes
		if len(got) != was+1 || got[was].Text != "theirs, added since" {
			t.Errorf("after the undo: %+v", got)
		}
		// Redoing it, once another note was added after the undo, puts it
		// back where it was, beside the other.
		note("another, after the undo")
		if _, err := Revert(w, undone); err != nil {
			t.Fatalf("redo of a note with another added since: %v", err)
		}
		got = w.events["call"].Notes
		if len(got) != was+3 || got[was].Text != "mine" || got[was+2].Text != "another, after the undo" {
			t.Errorf("after the redo: %+v", got)
		}
		// A note edited since is another matter: undoing its adding
		// would take away words added since.
		edited := note("to be edited")
		edit(w, func(e *Event) { e.Notes[len(e.Notes)-1].Text = "edited" })
		var ce *ConflictError
		if _, err := Revert(w, edited); !errors.As(err, &ce) {
			t.Errorf("undo of a note edited since: %v", err)
		}
	})
	t.Run("refuses when later changes touched the same field", func(t *testing.T) {
		w := exampleWriter()
		first := edit(w, func(e *Event) { e.Title = "One" })
		second := edit(w, func(e *Event) { e.Title = "Two" })
		_, err := Revert(w, first)
		var ce *ConflictError
		if !errors.As(err, &ce) || len(ce.By) != 1 || ce.By[0].Seq != second.Seq || !strings.Contains(err.Error(), "#2 edit by ana") {
			t.Errorf("revert under a later change: %v", err)
		}
		if w.events["call"].Title != "Two" {
			t.Error("the refused revert changed the event")
		}
	})
	t.Run("an added event goes to the trash, a deleted one comes back", func(t *testing.T) {
		w := exampleWriter()
		add := write(t, w, OpAdd, func(tx Tx) error { _, err := AddEvent(tx, Event{Title: "New"}); return err })
		if _, err := Revert(w, add); err != nil {
			t.Fatal(err)
		}
		if _, ok := w.trash["new"]; !ok {
			t.Error("the undone add is not in the trash")
		}
		del := write(t, w, OpDelete, func(tx Tx) error { _, err := DeleteEvents(tx, []string{"tip"}); return err })
		if _, err := Revert(w, del); err != nil {
			t.Fatal(err)
		}
		if _, ok := w.events["tip"]; !ok {
			t.Error("the undone delete is not back")
		}
	})
	t.Run("sources and the title", func(t *testing.T) {
		w := exampleWriter()
		src := write(t, w, OpSource, func(tx Tx) error { _, err := AddSource(tx, Source{ID: "ap", Publisher: "AP"}); return err })
		title := write(t, w, OpTitle, func(tx Tx) error { return SetHeader(tx, Header{Title: "New title"}) })
		for _, e := range []Entry{title, src} {
			if _, err := Revert(w, e); err != nil {
				t.Fatal(err)
			}
		}
		if _, ok := w.sources["ap"]; ok || w.header.Title != "Case" {
			t.Errorf("after reverts: sources %v, title %q", w.sources, w.header.Title)
		}
	})
}

// TestTagsInAnyCaseAreOne: a change of tags takes a tag in any case for
// the event's own: "key" removes "Key", and is not added beside it.
func TestTagsInAnyCaseAreOne(t *testing.T) {
	for _, tc := range []struct {
		name        string
		add, remove []string
		want        []string
	}{
		{"added in another case", []string{"key"}, nil, []string{"Key", "ss7"}},
		{"removed in another case", nil, []string{"KEY"}, []string{"ss7"}},
		{"a new tag", []string{"verify"}, nil, []string{"Key", "ss7", "verify"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := (TagDelta{Add: tc.add, Remove: tc.remove}).Apply([]string{"Key", "ss7"}); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	if e := (Event{Tags: []string{"Key"}}); !e.HasTag("key") || e.HasTag("ke") {
		t.Error("HasTag does not match in any case")
	}
}
