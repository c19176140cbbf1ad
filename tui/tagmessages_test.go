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
