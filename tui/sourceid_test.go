package tui

import (
	"strings"
	"testing"
)

// TestNewSourceWithATakenID: a new source given the id of one there is
// is refused in the form, which stays open with what was typed.
func TestNewSourceWithATakenID(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	d.keys("S", "a")
	d.typeText("wapo")
	d.keys("tab")
	d.typeText("Another Post")
	d.keys("ctrl+s")
	f, open := d.openDialog().(*sourceForm)
	if !open {
		t.Fatalf("the form closed; status %q", d.status())
	}
	if !strings.Contains(d.screen(), "id: wapo is taken by") || f.inputs[srcPublisher].Value() != "Another Post" {
		t.Errorf("the form does not say the id is taken, or lost what was typed:\n%s", d.screen())
	}
	if src := sourceOf(t, s, "wapo"); src.Publisher == "Another Post" {
		t.Errorf("wapo was overwritten: %+v", src)
	}
	// Another id saves it.
	d.keys("shift+tab")
	d.typeText("2")
	d.keys("ctrl+s")
	if d.openDialog() != nil || d.statusErr() {
		t.Fatalf("wapo2 not saved: %q", d.status())
	}
	if src := sourceOf(t, s, "wapo2"); src.Publisher != "Another Post" {
		t.Errorf("wapo2: %+v", src)
	}
}

// TestNewSourceFromTheQuoteFormTakesTheWordsTyped: the words typed in a
// quote's source field that match no source start the new source's
// publisher; words typed to reach "new source…" itself do not.
func TestNewSourceFromTheQuoteFormTakesTheWordsTyped(t *testing.T) {
	for typed, want := range map[string]string{"Reuters": "Reuters", "new sou": "", "New": ""} {
		d := newDriver(t, exampleStore(t), 120, 40)
		d.keys("Q", "tab", "tab")
		d.typeText(typed)
		d.keys("tab")
		f, ok := d.openDialog().(*quoteForm)
		if !ok || f.sub == nil {
			t.Fatalf("%q: no new source's form (dialog %T)", typed, d.openDialog())
		}
		if got := f.sub.inputs[srcPublisher].Value(); got != want {
			t.Errorf("%q typed: the publisher starts as %q, want %q", typed, got, want)
		}
	}
}
