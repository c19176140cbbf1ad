package tui

import (
	"strings"
	"testing"
)

// TestLongValueShowsItsStartOnceLeft: a title longer than its field
// shows from its beginning once the cursor has left it, at 80 columns,
// ending in … where it is cut, and typing on when the cursor comes back adds to its end.
func TestLongValueShowsItsStartOnceLeft(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 24)
	d.keys("A")
	for range 3 {
		d.keys("tab") // the date, its text, what anchors it
	}
	if f, ok := d.openDialog().(*eventForm); !ok || f.focus != fieldTitle {
		t.Fatalf("not on the title: %T", d.openDialog())
	}
	title := "Miller tells the FBI tip line of the offer, a second time, with the names of those present and the sums"
	d.typeText(title)
	d.keys("tab")
	line := screenLine(d.screen(), "Title")
	if !strings.Contains(line, "Miller tells the FBI") {
		t.Errorf("the title's field, left, shows %q, not the title's start", line)
	}
	if !strings.HasSuffix(strings.TrimRight(line, " "), "…") || strings.Contains(line, "the sums") {
		t.Errorf("the title's field, left, does not say it is cut: %q", line)
	}
	d.keys("shift+tab")
	d.typeText(" paid")
	f, ok := d.openDialog().(*eventForm)
	if !ok {
		t.Fatalf("dialog %T", d.openDialog())
	}
	if got := f.inputs[fieldTitle].Value(); got != title+" paid" {
		t.Errorf("typed on the title: %q", got)
	}
}

// screenLine is the first line of screen that holds label.
func screenLine(screen, label string) string {
	for l := range strings.SplitSeq(screen, "\n") {
		if strings.Contains(l, label) {
			return l
		}
	}
	return ""
}
