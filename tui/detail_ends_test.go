package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// paneShowsCursor reports whether the sources pane shows a selected
// item: a link's or a note's ›, or a quote's bold bar.
func paneShowsCursor(d *driver) bool {
	for _, l := range paneText(d) {
		if strings.HasPrefix(l, "› ") || strings.HasPrefix(l, "┃ ") {
			return true
		}
	}
	return false
}

// footerOf is the screen's last line: the keys offered.
func footerOf(d *driver) string {
	lines := strings.Split(d.screen(), "\n")
	return lines[len(lines)-1]
}

// In the sources pane G and end select its last item and g and home its
// first, on screen; the keys that act on an item act on that one, and
// the help says what the keys do there.
func TestPaneEndsSelectWhatTheyShow(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		for _, end := range []string{"G", "end"} {
			t.Run(fmt.Sprintf("%s-%dx%d", end, size[0], size[1]), func(t *testing.T) {
				s := exampleStore(t)
				d := newDriver(t, s, size[0], size[1])
				d.keys("l", end)
				p := d.sources()
				it, ok := p.item()
				if !ok || it.link != len(p.d.Related)-1 || !paneShowsCursor(d) {
					t.Fatalf("%s in the pane: item %+v, %v; want the last link, shown selected:\n%s", end, it, ok, d.screen())
				}
				if f := footerOf(d); strings.Contains(f, "move quote") {
					t.Errorf("with a link selected the footer offers to move a quote: %q", f)
				}
				// x acts on the link on screen, not on a quote scrolled away.
				d.keys("x")
				if got := len(event(t, s, "nso-mobileum-call").Quotes); got != 3 {
					t.Errorf("x after %s removed a quote: %d left", end, got)
				}
				if strings.Contains(d.status(), "quote") {
					t.Errorf("x after %s says %q", end, d.status())
				}
				d.keys("u")

				// enter follows the link selected on screen.
				d.keys(end, "k")
				r, ok := p.link()
				if !ok {
					t.Fatalf("k after %s selected no link", end)
				}
				if !slices.ContainsFunc(paneText(d), func(l string) bool {
					return strings.HasPrefix(l, "› ") && strings.Contains(l, p.d.Titles[r.Event][:20])
				}) {
					t.Fatalf("the link to %s is not shown selected:\n%s", r.Event, d.screen())
				}
				d.keys("enter")
				if d.selected() != r.Event {
					t.Errorf("enter followed to %s; want %s, the link shown selected", d.selected(), r.Event)
				}
			})
		}
	}
	d := newDriver(t, exampleStore(t), 80, 24)
	for _, home := range []string{"g", "home"} {
		d.keys("l", "G", home)
		if it, ok := d.sources().item(); !ok || it.quote != 0 || !paneShowsCursor(d) {
			t.Errorf("%s after G in the pane: item %+v, %v; want the first quote, shown selected", home, it, ok)
		}
	}
	d.keys("G", "?") // on a link, which enter follows
	help := d.screen()
	for _, want := range []string{"first item", "last item", "follow link"} {
		if !strings.Contains(help, want) {
			t.Errorf("the help in the pane does not say %q:\n%s", want, help)
		}
	}
	for _, stale := range []string{"first event", "last event"} {
		if strings.Contains(help, stale) {
			t.Errorf("the help in the pane says %q:\n%s", stale, help)
		}
	}
}

// A pane scrolled where none of its items is on screen (here the event's
// heading fills it) has none selected: the keys that act on one are not
// offered and do nothing, and j selects the first item, brought on
// screen.
func TestPaneWithNoItemOnScreenActsOnNone(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 14)
	d.keys("l")
	if paneShowsCursor(d) {
		t.Fatalf("the test needs the first quote below the pane:\n%s", d.screen())
	}
	if _, ok := d.sources().item(); ok {
		t.Error("an item off screen is taken for selected")
	}
	if f := footerOf(d); strings.Contains(f, "remove") || strings.Contains(f, "show in source") {
		t.Errorf("the footer offers keys for an item off screen: %q", f)
	}
	d.keys("x", "J")
	if qs := event(t, s, "nso-mobileum-call").Quotes; len(qs) != 3 || !strings.Contains(qs[0].Text, "Gary Miller alleges") {
		t.Errorf("x and J changed the quotes off screen: %d, first %q", len(qs), qs[0].Text)
	}
	d.keys("j")
	if it, ok := d.sources().item(); !ok || it.quote != 0 || !paneShowsCursor(d) {
		t.Errorf("j selected %+v, %v; want the first quote, on screen:\n%s", it, ok, d.screen())
	}
	// Scrolled past it, the selection follows onto the screen.
	d.keys("pgdown", "pgdown")
	if _, ok := d.sources().item(); !ok || !paneShowsCursor(d) {
		t.Errorf("pgdown left the selection off screen:\n%s", d.screen())
	}
}
