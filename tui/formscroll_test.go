package tui

import (
	"strings"
	"testing"
)

// TestFormsShowTheFocusedField: on a terminal too short for a form's
// fields, moving the cursor to a field below the last line shown scrolls
// the form to it, the heading kept; before, the form was cut at the
// bottom, and tab went on into fields nobody could see.
func TestFormsShowTheFocusedField(t *testing.T) {
	for _, tt := range []struct {
		name   string
		open   []string
		labels []string
	}{
		{"event", []string{"E"}, fieldLabels[:]},
		{"quote", []string{"Q"}, quoteLabels[:]},
		{"source", []string{"S", "a"}, srcLabels[:]},
	} {
		for _, h := range []int{9, 12, 16} {
			d := newDriver(t, exampleStore(t), 80, h)
			d.keys(tt.open...)
			if d.openDialog() == nil {
				t.Fatalf("%s: %v opened no form", tt.name, tt.open)
			}
			heading := strings.SplitN(d.screen(), "\n", 2)[0]
			for i, label := range tt.labels {
				if i > 0 {
					d.keys("tab")
				}
				screen := d.screen()
				if !strings.Contains(screen, "› "+label) {
					t.Errorf("%s form at 80×%d: %s focused but not shown:\n%s", tt.name, h, label, screen)
				}
				if !strings.HasPrefix(screen, heading) {
					t.Errorf("%s form at 80×%d: the heading went with %s:\n%s", tt.name, h, label, screen)
				}
			}
		}
	}
}

// TestQuoteFormShowsTheChosenSource: on a terminal too short for the
// source field's list, the candidate chosen is on screen, so that enter
// never takes one nobody saw chosen ("new source…" was below the edge).
func TestQuoteFormShowsTheChosenSource(t *testing.T) {
	d := newDriver(t, exampleStore(t), 80, 10)
	d.keys("Q", "tab", "tab", "down", "down", "down")
	if screen := d.screen(); !strings.Contains(screen, "› new source") {
		t.Errorf("the chosen candidate is not on screen:\n%s", screen)
	}
}
