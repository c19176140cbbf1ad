package tui

import (
	"slices"
	"strings"
	"testing"
)

// TestQuoteKeysInTheSourcesPane: J and K move the selected quote, and
// the selection goes with it, so that the key pressed again moves the
// same quote on; the first quote cannot go up, nor the last down, and
// either says so.
func TestQuoteKeysInTheSourcesPane(t *testing.T) {
	s := exampleStore(t)
	quotes := event(t, s, "nso-mobileum-call").Quotes
	d := newDriver(t, s, 120, 40)
	d.keys("tab", "K")
	if want := "the first quote: K moves it up no further"; d.status() != want || event(t, s, "nso-mobileum-call").Quotes[0] != quotes[0] {
		t.Errorf("K on the first quote: %q, want %q", d.status(), want)
	}
	d.keys("J")
	if want := `moved quote 1 of nso-mobileum-call to 2 · u to undo`; d.status() != want {
		t.Errorf("J: %q, want %q", d.status(), want)
	}
	d.keys("J")
	if want := `moved quote 2 of nso-mobileum-call to 3 · u to undo`; d.status() != want {
		t.Errorf("J again: %q, want %q", d.status(), want)
	}
	if got := event(t, s, "nso-mobileum-call").Quotes; got[2] != quotes[0] {
		t.Errorf("J twice: the first quote is not third: %v", got)
	}
	if len(quotes) == 3 {
		d.keys("J")
		if want := "the last quote: J moves it down no further"; d.status() != want {
			t.Errorf("J on the last quote: %q, want %q", d.status(), want)
		}
	}
	d.keys("K")
	if want := `moved quote 3 of nso-mobileum-call to 2 · u to undo`; d.status() != want {
		t.Errorf("K: %q, want %q", d.status(), want)
	}
	d.keys("x")
	if want := `removed quote 2 of nso-mobileum-call · u to undo`; d.status() != want {
		t.Errorf("x: %q, want %q", d.status(), want)
	}
	got := event(t, s, "nso-mobileum-call").Quotes
	if len(got) != len(quotes)-1 || slices.Contains(got, quotes[0]) {
		t.Errorf("x: %d quotes, want %d, without the one moved: %v", len(got), len(quotes)-1, got)
	}
}

// TestQuoteFormHintsFit: at 80 columns every field of the quote form
// shows its hint whole, rather than cut in the middle of a word.
func TestQuoteFormHintsFit(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("Q")
	f := d.openDialog().(*quoteForm)
	for _, fld := range []quoteField{quoteSpeaker, quoteContext} { // the source's shows when it has the cursor
		if ph := f.inputs[fld].Placeholder; !strings.Contains(d.screen(), ph) {
			t.Errorf("field %d: the hint %q is cut:\n%s", fld, ph, d.screen())
		}
	}
}
