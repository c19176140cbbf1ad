package tui

import (
	"strings"
	"testing"
)

// TestKeysWithNothingToActOnAreNotOffered: the footer and the help offer
// only keys that do something. With no event there is nothing to copy,
// open, untag or switch to; on an event with no quote or link, nothing
// to copy or open.
func TestKeysWithNothingToActOnAreNotOffered(t *testing.T) {
	d := newDriver(t, emptyStore(t), 160, 45)
	d.keys("?")
	help := d.screen()
	for _, k := range []string{"copy quote", "open source", "remove a tag", "switch pane"} {
		if strings.Contains(help, k) {
			t.Errorf("with no event the help offers %q:\n%s", k, help)
		}
	}
	d.keys("esc")

	d = newDriver(t, emptyStore(t), 80, 24)
	d.keys("A", "tab", "tab", "tab")
	d.typeText("Nothing cited yet")
	d.keys("ctrl+s", "enter")
	if d.selected() == "" || !d.zoomed() {
		t.Fatalf("the new event's sources are not open; status %q", d.status())
	}
	for _, k := range []string{"copy quote", "open source"} {
		if foot := d.screen(); strings.Contains(foot, k) {
			t.Errorf("on an event with no quote or link the footer offers %q:\n%s", k, foot)
		}
		d.keys("?")
		if help := d.screen(); strings.Contains(help, k) {
			t.Errorf("on an event with no quote or link the help offers %q:\n%s", k, help)
		}
		d.keys("esc")
	}

	// An event with quotes offers them.
	d = newDriver(t, exampleStore(t), 80, 24)
	d.keys("enter", "?")
	if help := d.screen(); !strings.Contains(help, "copy quote") || !strings.Contains(help, "open source") {
		t.Errorf("on a quote the help does not offer y and o:\n%s", help)
	}
}
