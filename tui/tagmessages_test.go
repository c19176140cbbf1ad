package tui

import (
	"strings"
	"testing"
)

// Tag messages say what happened, event by event: never "nothing
// changed: tagged …", never a removal that did not happen.
func TestTagMessagesSayWhatHappened(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	// Tagging an event with a tag it has.
	d.keys("t")
	d.typeText("verify")
	d.keys("enter", "t")
	d.typeText("verify")
	d.keys("enter")
	if got := d.status(); strings.Contains(got, "nothing changed") || !strings.Contains(got, "already has #verify") {
		t.Errorf("tagging again: status %q", got)
	}
	// Removing a tag the event lacks is refused and removes nothing.
	before := event(t, s, "nso-mobileum-call").Tags
	d.keys("T")
	d.typeText("nonexistent")
	d.keys("enter")
	if got := d.status(); strings.Contains(got, "removed") || !d.statusErr() || !strings.Contains(got, "#nonexistent") {
		t.Errorf("T nonexistent: status %q (error %v)", got, d.statusErr())
	}
	if got := event(t, s, "nso-mobileum-call").Tags; len(got) != len(before) {
		t.Errorf("T nonexistent changed the tags: %v", got)
	}
	// 1 on two marked events, one of which has #key already.
	d.keys("j", "1", "k", "space", "space", "1")
	if got := d.status(); !strings.Contains(got, "tagged #key on 1 event") || !strings.Contains(got, "1 already had it") {
		t.Errorf("1 on two marked events: status %q", got)
	}
	// And 1 again takes it from both.
	d.keys("1")
	if got := d.status(); !strings.Contains(got, "removed #key from 2 events") {
		t.Errorf("1 again: status %q", got)
	}
}

// TestUnchangedSaveSaysSo: a save that changes nothing says so without
// also saying it saved ("nothing changed: saved quote 3 of x").
func TestUnchangedSaveSaysSo(t *testing.T) {
	for phrase, want := range map[string]string{
		"saved quote 3 of nso-denial": "nothing to save: quote 3 of nso-denial is as it was",
		"linked a follows b":          "nothing changed (linked a follows b)",
	} {
		if got := unchanged(phrase); got != want {
			t.Errorf("%q: %q, want %q", phrase, got, want)
		}
	}
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("tab", "e", "ctrl+s")
	if got, want := d.status(), "nothing to save: quote 1 of nso-mobileum-call is as it was"; got != want {
		t.Errorf("an unchanged quote saved says %q, want %q", got, want)
	}
}

// TestPaneKeysInTheChronologySayWhere: s, x and e act on what the sources
// pane has selected; pressed in the chronology, they said nothing.
func TestPaneKeysInTheChronologySayWhere(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	for _, k := range []string{"s", "x", "e"} {
		d.keys(k)
		if want := "tab goes to the sources pane, where " + k + " acts on the quote, link or note selected"; d.status() != want {
			t.Errorf("%s in the chronology: status %q, want %q", k, d.status(), want)
		}
	}
	d.keys("tab", "x")
	if strings.Contains(d.status(), "goes to the sources pane") {
		t.Errorf("x in the sources pane says %q", d.status())
	}
}

// TestSavesSayTheirFields: saving an event says which fields it changed,
// and so does its undo: two saves of one event, and their undos, read
// alike ("undid: saved “…”").
func TestSavesSayTheirFields(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("E", "tab", "tab", "tab")
	d.typeText(" (checked)")
	d.keys("ctrl+s")
	if got := d.status(); !strings.HasPrefix(got, "saved “") || !strings.HasSuffix(got, "” (title) · u to undo") {
		t.Errorf("the save says %q", got)
	}
	d.keys("u")
	if got := d.status(); !strings.HasPrefix(got, "undid: saved “") || !strings.HasSuffix(got, "” (title) · U to redo") {
		t.Errorf("its undo says %q", got)
	}
}
