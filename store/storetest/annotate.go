package storetest

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

func testRetagThenRestoreUndoesIt(t *testing.T, s *suite) {
	st := s.seeded(t)
	// khashoggi-killed loses context and gains both tags; fbi-tip only
	// gains; commerce-entity-list loses its only tag and gains both;
	// undated-rumour is tagged first, so that it does not change.
	targets := []string{"khashoggi-killed", "fbi-tip", "commerce-entity-list", "undated-rumour"}
	if _, err := Retag(st, []string{"undated-rumour"}, []string{"flagged", "à suivre"}, nil); err != nil {
		t.Fatal(err)
	}
	before := map[string]model.Event{}
	for _, id := range targets {
		before[id] = StoredEvent(t, st, id)
	}
	untouched := s.snapshot(t, st)

	changes, err := Retag(st, targets, []string{"flagged", "à suivre"}, []string{"context"})
	if err != nil {
		t.Fatal(err)
	}
	// undated-rumour has both tags and no context: it does not change.
	if got := changeIDs(changes); !slices.Equal(got, []string{"khashoggi-killed", "fbi-tip", "commerce-entity-list"}) {
		t.Fatalf("changed %q", got)
	}
	wantTags := map[string][]string{
		"khashoggi-killed":     {"khashoggi", "flagged", "à suivre"},
		"fbi-tip":              {"fbi", "whistleblower", "flagged", "à suivre"},
		"commerce-entity-list": {"flagged", "à suivre"},
	}
	for _, c := range changes {
		id := c.After.ID
		if !reflect.DeepEqual(c.Before, before[id]) {
			t.Errorf("%s: Change.Before = %+v\nwant the stored event %+v", id, c.Before, before[id])
		}
		if !slices.Equal(c.After.Tags, wantTags[id]) {
			t.Errorf("%s: Change.After has tags %q, want %q", id, c.After.Tags, wantTags[id])
		}
		if got := StoredEvent(t, st, id); !reflect.DeepEqual(got, c.After) {
			t.Errorf("%s: stored %+v\nwant Change.After %+v", id, got, c.After)
		}
		// Nothing but the tags changes.
		after := c.After
		after.Tags = before[id].Tags
		if !reflect.DeepEqual(after, before[id]) {
			t.Errorf("%s: Retag changed more than the tags: %+v", id, c.After)
		}
	}
	if e := StoredEvent(t, st, "undated-rumour"); !reflect.DeepEqual(e, before["undated-rumour"]) {
		t.Errorf("undated-rumour changed: %+v", e)
	}
	s.check(t, st)

	var undo []model.Event
	for _, c := range changes {
		undo = append(undo, c.Before)
	}
	restored, err := Restore(st, undo)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range restored {
		if !reflect.DeepEqual(c.Before, changes[i].After) || !reflect.DeepEqual(c.After, changes[i].Before) {
			t.Errorf("Restore's change #%d is not the Retag's turned around: %+v", i+1, c)
		}
	}
	for _, id := range targets {
		if got := StoredEvent(t, st, id); !reflect.DeepEqual(got, before[id]) {
			t.Errorf("%s after Restore: %+v\nwant %+v", id, got, before[id])
		}
	}
	// Undone exactly: the indexes and counts too, down to the bytes.
	s.assertUndone(t, st, untouched)
}

func testRetagThatChangesNothing(t *testing.T, s *suite) {
	st := s.seeded(t)
	before := s.snapshot(t, st)
	// nso-denial already has denial and has no context.
	changes, err := Retag(st, []string{"nso-denial"}, []string{"denial"}, []string{"context"})
	if err != nil || len(changes) != 0 {
		t.Errorf("Retag = %+v, %v; want no changes", changes, err)
	}
	s.assertUnchanged(t, st, before)
}

func testRetagCanRemoveTheLastTag(t *testing.T, s *suite) {
	st := s.seeded(t)
	changes, err := Retag(st, []string{"post-publishes"}, nil, []string{"post"})
	if err != nil || len(changes) != 1 {
		t.Fatalf("Retag = %+v, %v; want one change", changes, err)
	}
	if e := StoredEvent(t, st, "post-publishes"); len(e.Tags) != 0 {
		t.Errorf("tags left: %q", e.Tags)
	}
	if n, err := st.Count(model.Query{Tags: []string{"post"}}); err != nil || n != 0 {
		t.Errorf("Count(post) = %d, %v; want 0", n, err)
	}
	facets, err := st.Facets(model.FacetTags)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(facets, func(f model.Facet) bool { return f.Name == "post" }) {
		t.Errorf("the tag no event has is still a facet: %+v", facets)
	}
	s.check(t, st)
}

func testRetagRefusesBadTags(t *testing.T, s *suite) {
	st := s.seeded(t)
	before := s.snapshot(t, st)
	for _, tag := range []string{"", "#ss7", "a,b", "a;b", " padded", "tab\there", strings.Repeat("x", model.MaxTagLen+1)} {
		if _, err := Retag(st, []string{"fbi-tip"}, []string{tag}, nil); err == nil {
			t.Errorf("Retag accepted the tag %q", tag)
		}
	}
	s.assertUnchanged(t, st, before)
}

// testWritesToAMissingEventChangeNothing: a write naming an event that is
// not there fails as a whole, even when the other events it names exist.
func testWritesToAMissingEventChangeNothing(t *testing.T, s *suite) {
	st := s.seeded(t)
	tip := StoredEvent(t, st, "fbi-tip")
	tip.Title = "rewritten"
	writes := map[string]func() error{
		"Retag": func() error {
			_, err := Retag(st, []string{"fbi-tip", "no-such-event", "nso-denial"}, []string{"flagged"}, nil)
			return err
		},
		"Restore": func() error {
			_, err := Restore(st, []model.Event{tip, {ID: "no-such-event", Title: "a ghost"}})
			return err
		},
		"AddNote": func() error {
			_, err := AddNote(st, "no-such-event", "a note", time.Now())
			return err
		},
		"Event": func() error {
			_, err := st.Event("no-such-event")
			return err
		},
		"OrderKey": func() error {
			_, err := st.Position("no-such-event")
			return err
		},
		"Detail": func() error {
			_, err := st.Detail("no-such-event")
			return err
		},
	}
	before := s.snapshot(t, st)
	for name, write := range writes {
		err := write()
		if !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s: error %v, want model.ErrNotFound", name, err)
			continue
		}
		if !strings.Contains(err.Error(), "no-such-event") {
			t.Errorf("%s: error %q does not name the id", name, err)
		}
		// A command offers the id meant from the one in the error.
		if m := (*model.Missing)(nil); !errors.As(err, &m) || m.Kind != model.MissingEvent || m.ID != "no-such-event" {
			t.Errorf("%s: error %v is not a model.Missing for the event", name, err)
		}
	}
	s.assertUnchanged(t, st, before)
	// The trash and the sources say what is missing as well.
	_, err := st.Write(model.OpEdit, "reads only", func(tx model.Tx) error {
		_, err := tx.Trashed("fbi-tip")
		if m := (*model.Missing)(nil); !errors.As(err, &m) || m.Kind != model.MissingTrashed || m.ID != "fbi-tip" {
			t.Errorf("Trashed(fbi-tip): error %v is not a model.Missing for the trash", err)
		}
		_, err = tx.Source("no-such-source")
		if m := (*model.Missing)(nil); !errors.As(err, &m) || m.Kind != model.MissingSource || m.ID != "no-such-source" {
			t.Errorf("Source(no-such-source): error %v is not a model.Missing for the source", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s.assertUnchanged(t, st, before)
}

func testAddNote(t *testing.T, s *suite) {
	st := s.seeded(t)
	first := time.Date(2024, 2, 29, 23, 59, 59, 123456789, time.FixedZone("CET", 3600))
	second := time.Now() // with a monotonic reading, which is not stored
	notes := []struct {
		text string
		at   time.Time
	}{
		{"Ask the FBI press office — did the tip ever reach an agent? ✓", first},
		{"Second thoughts:\nthe date is a guess", second},
		{"written at no known time", time.Time{}},
	}
	before := StoredEvent(t, st, "fbi-tip")
	untouched := s.snapshot(t, st)
	for i, n := range notes {
		prev := StoredEvent(t, st, "fbi-tip")
		c, err := AddNote(st, "fbi-tip", n.text, n.at)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c.Before, prev) {
			t.Errorf("note %d: Change.Before = %+v, want the stored event", i+1, c.Before)
		}
		got := StoredEvent(t, st, "fbi-tip")
		if !SameEvent(got, c.After) {
			t.Errorf("note %d: stored %+v\nwant Change.After %+v", i+1, got, c.After)
		}
	}

	for _, get := range []struct {
		name string
		fn   func() (model.Event, error)
	}{
		{"Event", func() (model.Event, error) { return st.Event("fbi-tip") }},
		{"Detail", func() (model.Event, error) { d, err := st.Detail("fbi-tip"); return d.Event, err }},
	} {
		e, err := get.fn()
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Notes) != len(notes) {
			t.Fatalf("%s: %d notes, want %d", get.name, len(e.Notes), len(notes))
		}
		for i, n := range notes {
			if e.Notes[i].Text != n.text || !e.Notes[i].At.Equal(n.at) {
				t.Errorf("%s: note %d = %q at %v, want %q at %v", get.name, i+1, e.Notes[i].Text, e.Notes[i].At, n.text, n.at)
			}
		}
		// Nothing but the notes changes.
		e.Notes = nil
		if !reflect.DeepEqual(e, before) {
			t.Errorf("%s: AddNote changed more than the notes: %+v", get.name, e)
		}
	}
	if n, err := st.Count(model.Query{Text: "press office"}); err != nil || n != 1 {
		t.Errorf("a search for the note's words finds %d events, %v; want 1", n, err)
	}
	s.check(t, st)

	for _, blank := range []string{"", "   ", "\n\t"} {
		if _, err := AddNote(st, "fbi-tip", blank, first); err == nil {
			t.Errorf("AddNote accepted the note %q", blank)
		}
	}
	if e := StoredEvent(t, st, "fbi-tip"); len(e.Notes) != len(notes) {
		t.Errorf("%d notes after adding blank ones, want %d", len(e.Notes), len(notes))
	}

	// Undoing the notes restores the event as it was imported.
	if _, err := Restore(st, []model.Event{before}); err != nil {
		t.Fatal(err)
	}
	s.assertUndone(t, st, untouched)
}

func changeIDs(changes []model.Change) []string {
	out := make([]string, len(changes))
	for i, c := range changes {
		out[i] = c.After.ID
	}
	return out
}

// testUndoKeepsOthersTags: undoing a tag change with the change's inverse
// deltas takes back only that change; a tag another writer added to the
// same events in between stays.
func testUndoKeepsOthersTags(t *testing.T, s *suite) {
	st := s.seeded(t)
	ids := []string{"fbi-tip", "nso-denial"}
	changes, err := Retag(st, ids, []string{"mine"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Retag(st, ids, []string{"theirs"}, nil); err != nil { // the other writer
		t.Fatal(err)
	}
	var undo []model.TagDelta
	for _, c := range changes {
		undo = append(undo, c.Inverse())
	}
	if _, err := RetagEach(st, undo); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		tags := StoredEvent(t, st, id).Tags
		if slices.Contains(tags, "mine") || !slices.Contains(tags, "theirs") {
			t.Errorf("%s after undo: tags %q, want theirs kept and mine gone", id, tags)
		}
	}
	s.check(t, st)
}

// testEditsKeepToTheLimits: a note or tag that would put an event over a
// limit is refused and changes nothing.
func testEditsKeepToTheLimits(t *testing.T, s *suite) {
	st := s.seeded(t)
	before := StoredEvent(t, st, "fbi-tip")
	if _, err := AddNote(st, "fbi-tip", strings.Repeat("x", model.MaxTextBytes+1), time.Now()); err == nil {
		t.Error("AddNote took a note over MaxTextBytes")
	}
	if got := StoredEvent(t, st, "fbi-tip"); !reflect.DeepEqual(got, before) {
		t.Errorf("a refused note changed the event: %+v", got)
	}
}

// testOldEventsOverALimitStayEditable: an event stored before a limit
// existed can still be tagged; only an edit that adds a problem is refused.
func testOldEventsOverALimitStayEditable(t *testing.T, s *suite) {
	st := s.seeded(t)
	big := StoredEvent(t, st, "fbi-tip")
	big.Summary = strings.Repeat("x", model.MaxTextBytes+1)
	if _, err := Restore(st, []model.Event{big}); err != nil {
		t.Fatal(err)
	}
	if _, err := Retag(st, []string{"fbi-tip", "nso-denial"}, []string{"checked"}, nil); err != nil {
		t.Errorf("tagging an event stored over a limit: %v", err)
	}
}
