package tui

import (
	"fmt"
	"strings"
	"testing"

	"chrono/model"
)

// TestEventFormKeepsTheEventMovedMeanwhile: another process moves the
// event being edited to another date; the browser reloads while the
// form is open, and once the form saves (ctrl+o keeping what was typed)
// the cursor is on the event saved, not on whatever took its row.
func TestEventFormKeepsTheEventMovedMeanwhile(t *testing.T) {
	for _, reload := range []bool{false, true} {
		s := exampleStore(t)
		d := newDriver(t, s, 80, 24)
		const id = "apple-sues-nso"
		d.to(id)
		d.keys("E", "tab", "tab", "tab")
		d.typeText(" (typed)")
		setEvent(t, s, id, func(e *model.Event) { e.Date = model.MustParseDate("2016") })
		if reload {
			d.send(versionMsg{version: "moved"}) // the browser hears of it first
		}
		d.keys("ctrl+s")
		if _, open := d.openDialog().(*eventForm); !open {
			t.Fatalf("no conflict said: %q", d.status())
		}
		d.keys("ctrl+o", "ctrl+s")
		if d.openDialog() != nil || d.statusErr() {
			t.Fatalf("not saved: %q", d.status())
		}
		if got := d.selected(); got != id {
			t.Errorf("reload first %v: the cursor is on %q, want %q, the event saved", reload, got, id)
		}
	}
}

// TestCursorFollowsEventMovedElsewhere: another process moves the event
// under the cursor; the cursor goes with it. When another process takes
// it away, the cursor stays where it was, on the event after it, and
// nothing is said wrong.
func TestCursorFollowsEventMovedElsewhere(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	const id = "apple-sues-nso"
	d.to(id)
	setEvent(t, s, id, func(e *model.Event) { e.Date = model.MustParseDate("2016") })
	d.send(versionMsg{version: "moved"})
	if got := d.selected(); got != id {
		t.Errorf("after the move: the cursor is on %q, want %q", got, id)
	}
	d.keys("G", "k")
	last := d.selected()
	d.keys("j")
	gone := d.selected()
	if _, _, err := (model.Trash{Events: []string{gone}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.send(versionMsg{version: "gone"})
	if got := d.selected(); got != last || d.statusErr() {
		t.Errorf("after %s went: the cursor is on %q (status %q), want %q", gone, got, d.status(), last)
	}
}

// TestEventAddedOutsideTheFilterIsSaid: an event added where the filters
// hide it is said to be hidden, so that the cursor on a neighbour does
// not pass for it; one the view shows gets the cursor.
func TestEventAddedOutsideTheFilterIsSaid(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.filterBy("denial")
	if d.query().IsZero() {
		t.Fatalf("no filter set: %q", d.status())
	}
	d.keys("A")
	d.typeText("3 Feb 2022")
	d.keys("tab", "tab", "tab")
	d.typeText("NSO repeats its denial")
	d.keys("ctrl+s")
	if want := "event nso-repeats-its-denial is not in this view"; !strings.Contains(d.status(), want) {
		t.Errorf("added where the filter hides it: status %q, want %q in it", d.status(), want)
	}
	d.keys("F", "A")
	d.typeText("4 Feb 2022")
	d.keys("tab", "tab", "tab")
	d.typeText("NSO denies again")
	d.keys("ctrl+s")
	if got, want := d.selected(), "nso-denies-again"; got != want || strings.Contains(d.status(), "not in this view") {
		t.Errorf("added where the view shows it: cursor on %q, status %q; want the cursor on %q", got, d.status(), want)
	}
}

// TestUndoBringsAnEventBackIntoTheFilter: a tag taken off an event the
// filter selects by it, once the view was asked again without it, and
// put back by an undo, shows the event again at once, with the count.
func TestUndoBringsAnEventBackIntoTheFilter(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.filterBy("congress")
	d.keys("j")
	id := d.selected()
	d.keys("T")
	d.typeText("congress")
	d.keys("enter", "j", "g") // moving on asks the view again, without it
	if d.browser().tl.indexOf(id) >= 0 {
		t.Fatalf("%s still in the view after it lost the tag:\n%s", id, d.screen())
	}
	d.keys("u")
	if d.browser().tl.indexOf(id) < 0 || d.total() != 3 {
		t.Errorf("after the undo: %s in the view %v, %d in all, want it back and 3:\n%s", id, d.browser().tl.indexOf(id) >= 0, d.total(), d.screen())
	}
}

// TestCountAgreesWithTheRowsAfterAWrite: an event a write takes out of
// the filtered view stays on screen until the view is read again, and
// the count says the rows on screen: never "event 3 of 2".
func TestCountAgreesWithTheRowsAfterAWrite(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.filterBy("congress")
	d.keys("j", "T")
	d.typeText("congress")
	d.keys("enter")
	for _, want := range []string{"event 2 of 3", "Chronology · 3 events"} {
		if !strings.Contains(d.screen(), want) {
			t.Errorf("after the tag was taken off: want %q on screen:\n%s", want, d.screen())
		}
	}
	d.keys("j")
	if rows := len(d.browser().tl.rows); !strings.Contains(d.screen(), fmt.Sprintf("event %d of %d", rows, rows)) {
		t.Errorf("on the last of %d rows:\n%s", rows, d.screen())
	}
}

// TestEventAddedInTheFilterIsSelected: an event added that the filters
// select gets the cursor, the view being read again around it once.
func TestEventAddedInTheFilterIsSelected(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.filterBy("denial")
	d.keys("A")
	d.typeText("3 Feb 2022")
	d.keys("tab", "tab", "tab")
	d.typeText("NSO repeats its denial")
	d.keys("tab", "tab", "tab")
	d.typeText("denial")
	d.keys("ctrl+s")
	if got, want := d.selected(), "nso-repeats-its-denial"; got != want || !strings.Contains(d.screen(), "event 2 of 2") {
		t.Errorf("cursor on %q, want %q, and the count 2:\n%s", got, want, d.screen())
	}
}
