package bolt

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

func TestRetagThenRestoreUndoesIt(t *testing.T) {
	s := newStore(t)
	// khashoggi-killed loses context and gains both tags; fbi-tip only
	// gains; commerce-entity-list loses its only tag and gains both;
	// undated-rumour is tagged first, so that it does not change.
	targets := []string{"khashoggi-killed", "fbi-tip", "commerce-entity-list", "undated-rumour"}
	if _, err := s.Retag([]string{"undated-rumour"}, []string{"flagged", "à suivre"}, nil); err != nil {
		t.Fatal(err)
	}
	before := map[string]model.Event{}
	for _, id := range targets {
		before[id] = storedEvent(t, s, id)
	}
	untouched := dumpOf(t, s)

	changes, err := s.Retag(targets, []string{"flagged", "à suivre"}, []string{"context"})
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
		if got := storedEvent(t, s, id); !reflect.DeepEqual(got, c.After) {
			t.Errorf("%s: stored %+v\nwant Change.After %+v", id, got, c.After)
		}
		// Nothing but the tags changes.
		after := c.After
		after.Tags = before[id].Tags
		if !reflect.DeepEqual(after, before[id]) {
			t.Errorf("%s: Retag changed more than the tags: %+v", id, c.After)
		}
	}
	if e := storedEvent(t, s, "undated-rumour"); !reflect.DeepEqual(e, before["undated-rumour"]) {
		t.Errorf("undated-rumour changed: %+v", e)
	}
	checkInvariants(t, s)

	var undo []model.Event
	for _, c := range changes {
		undo = append(undo, c.Before)
	}
	restored, err := s.Restore(undo)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range restored {
		if !reflect.DeepEqual(c.Before, changes[i].After) || !reflect.DeepEqual(c.After, changes[i].Before) {
			t.Errorf("Restore's change #%d is not the Retag's turned around: %+v", i+1, c)
		}
	}
	for _, id := range targets {
		if got := storedEvent(t, s, id); !reflect.DeepEqual(got, before[id]) {
			t.Errorf("%s after Restore: %+v\nwant %+v", id, got, before[id])
		}
	}
	// Undone exactly: the indexes and counts too, down to the bytes.
	assertUnchanged(t, s, untouched)
}

func TestRetagThatChangesNothing(t *testing.T) {
	s := newStore(t)
	before := dumpOf(t, s)
	// nso-denial already has denial and has no context.
	changes, err := s.Retag([]string{"nso-denial"}, []string{"denial"}, []string{"context"})
	if err != nil || len(changes) != 0 {
		t.Errorf("Retag = %+v, %v; want no changes", changes, err)
	}
	assertUnchanged(t, s, before)
}

func TestRetagCanRemoveTheLastTag(t *testing.T) {
	s := newStore(t)
	changes, err := s.Retag([]string{"post-publishes"}, nil, []string{"post"})
	if err != nil || len(changes) != 1 {
		t.Fatalf("Retag = %+v, %v; want one change", changes, err)
	}
	if e := storedEvent(t, s, "post-publishes"); len(e.Tags) != 0 {
		t.Errorf("tags left: %q", e.Tags)
	}
	if n, err := s.Count(model.Query{Tags: []string{"post"}}); err != nil || n != 0 {
		t.Errorf("Count(post) = %d, %v; want 0", n, err)
	}
	facets, err := s.Facets(model.FacetTags)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(facets, func(f model.Facet) bool { return f.Name == "post" }) {
		t.Errorf("the tag no event has is still a facet: %+v", facets)
	}
	checkInvariants(t, s)
}

func TestRetagRefusesBadTags(t *testing.T) {
	s := newStore(t)
	before := dumpOf(t, s)
	for _, tag := range []string{"", "#ss7", "a,b", "a;b", " padded", "tab\there", strings.Repeat("x", model.MaxTagLen+1)} {
		if _, err := s.Retag([]string{"fbi-tip"}, []string{tag}, nil); err == nil {
			t.Errorf("Retag accepted the tag %q", tag)
		}
	}
	assertUnchanged(t, s, before)
}

// TestWritesToAMissingEventChangeNothing: a write naming an event that is
// not there fails as a whole, even when the other events it names exist.
func TestWritesToAMissingEventChangeNothing(t *testing.T) {
	s := newStore(t)
	tip := storedEvent(t, s, "fbi-tip")
	tip.Title = "rewritten"
	writes := map[string]func() error{
		"Retag": func() error {
			_, err := s.Retag([]string{"fbi-tip", "no-such-event", "nso-denial"}, []string{"flagged"}, nil)
			return err
		},
		"Restore": func() error {
			_, err := s.Restore([]model.Event{tip, {ID: "no-such-event", Title: "a ghost"}})
			return err
		},
		"AddNote": func() error {
			_, err := s.AddNote("no-such-event", "a note", time.Now())
			return err
		},
		"Event": func() error {
			_, err := s.Event("no-such-event")
			return err
		},
		"OrderKey": func() error {
			_, err := s.Position("no-such-event")
			return err
		},
		"Detail": func() error {
			_, err := s.Detail("no-such-event")
			return err
		},
	}
	before := dumpOf(t, s)
	for name, write := range writes {
		err := write()
		if !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s: error %v, want model.ErrNotFound", name, err)
			continue
		}
		if !strings.Contains(err.Error(), "no-such-event") {
			t.Errorf("%s: error %q does not name the id", name, err)
		}
	}
	assertUnchanged(t, s, before)
}

func TestAddNote(t *testing.T) {
	s := newStore(t)
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
	before := storedEvent(t, s, "fbi-tip")
	untouched := dumpOf(t, s)
	for i, n := range notes {
		prev := storedEvent(t, s, "fbi-tip")
		c, err := s.AddNote("fbi-tip", n.text, n.at)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c.Before, prev) {
			t.Errorf("note %d: Change.Before = %+v, want the stored event", i+1, c.Before)
		}
		got := storedEvent(t, s, "fbi-tip")
		if !sameEvent(got, c.After) {
			t.Errorf("note %d: stored %+v\nwant Change.After %+v", i+1, got, c.After)
		}
	}

	for _, get := range []struct {
		name string
		fn   func() (model.Event, error)
	}{
		{"Event", func() (model.Event, error) { return s.Event("fbi-tip") }},
		{"Detail", func() (model.Event, error) { d, err := s.Detail("fbi-tip"); return d.Event, err }},
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
	if n, err := s.Count(model.Query{Text: "press office"}); err != nil || n != 1 {
		t.Errorf("a search for the note's words finds %d events, %v; want 1", n, err)
	}
	checkInvariants(t, s)

	for _, blank := range []string{"", "   ", "\n\t"} {
		if _, err := s.AddNote("fbi-tip", blank, first); err == nil {
			t.Errorf("AddNote accepted the note %q", blank)
		}
	}
	if e := storedEvent(t, s, "fbi-tip"); len(e.Notes) != len(notes) {
		t.Errorf("%d notes after adding blank ones, want %d", len(e.Notes), len(notes))
	}

	// Undoing the notes restores the event as it was imported.
	if _, err := s.Restore([]model.Event{before}); err != nil {
		t.Fatal(err)
	}
	assertUnchanged(t, s, untouched)
}

func changeIDs(changes []model.Change) []string {
	out := make([]string, len(changes))
	for i, c := range changes {
		out[i] = c.After.ID
	}
	return out
}

// TestUndoKeepsOthersTags: undoing a tag change with the change's inverse
// deltas takes back only that change; a tag another writer added to the
// same events in between stays.
func TestUndoKeepsOthersTags(t *testing.T) {
	s := newStore(t)
	ids := []string{"fbi-tip", "nso-denial"}
	changes, err := s.Retag(ids, []string{"mine"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Retag(ids, []string{"theirs"}, nil); err != nil { // the other writer
		t.Fatal(err)
	}
	var undo []model.TagDelta
	for _, c := range changes {
		undo = append(undo, c.Inverse())
	}
	if _, err := s.RetagEach(undo); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		tags := storedEvent(t, s, id).Tags
		if slices.Contains(tags, "mine") || !slices.Contains(tags, "theirs") {
			t.Errorf("%s after undo: tags %q, want theirs kept and mine gone", id, tags)
		}
	}
	checkInvariants(t, s)
}

// TestEditsKeepToTheLimits: a note or tag that would put an event over a
// limit is refused and changes nothing.
func TestEditsKeepToTheLimits(t *testing.T) {
	s := newStore(t)
	before := storedEvent(t, s, "fbi-tip")
	if _, err := s.AddNote("fbi-tip", strings.Repeat("x", model.MaxTextBytes+1), time.Now()); err == nil {
		t.Error("AddNote took a note over MaxTextBytes")
	}
	if got := storedEvent(t, s, "fbi-tip"); !reflect.DeepEqual(got, before) {
		t.Errorf("a refused note changed the event: %+v", got)
	}
}

// TestOldEventsOverALimitStayEditable: an event stored before a limit
// existed can still be tagged; only an edit that adds a problem is refused.
func TestOldEventsOverALimitStayEditable(t *testing.T) {
	s := newStore(t)
	big := storedEvent(t, s, "fbi-tip")
	big.Summary = strings.Repeat("x", model.MaxTextBytes+1)
	if _, err := s.Restore([]model.Event{big}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Retag([]string{"fbi-tip", "nso-denial"}, []string{"checked"}, nil); err != nil {
		t.Errorf("tagging an event stored over a limit: %v", err)
	}
}
