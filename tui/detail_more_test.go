package tui

import (
	"strings"
	"testing"
)

// The sources pane says what is below its last line, counting the items
// (not the lines) still to come, and its heading counts the links beside
// the quotes: at 160×45 the first event shows one of its three links.
func TestSourcesSayWhatIsBelow(t *testing.T) {
	d := newDriver(t, exampleStore(t), 160, 45)
	if !strings.Contains(d.screen(), "Sources · 3 quotes · 3 links") {
		t.Errorf("the pane's heading does not count the links:\n%s", d.screen())
	}
	lines := paneText(d)
	if got, want := lines[len(lines)-1], "↓ more: 2 links"; got != want {
		t.Errorf("the pane's last line is %q, want %q:\n%s", got, want, strings.Join(lines, "\n"))
	}
	for i, l := range lines[:len(lines)-1] {
		if strings.Contains(l, "↓") {
			t.Errorf("line %d says what is below before the last line: %q", i+1, l)
		}
	}

	// Nearer the end only what is left is counted, and at the end nothing.
	d.keys("tab", "j", "j", "j")
	lines = paneText(d)
	if got := lines[len(lines)-1]; got != "↓ more" && !strings.HasPrefix(got, "↓ more: ") {
		t.Errorf("with the second link selected the last line is %q, want what is below", got)
	}
	d.keys("G")
	for i, l := range paneText(d) {
		if strings.Contains(l, "↓") {
			t.Errorf("at the end line %d still says there is more: %q", i+1, l)
		}
	}
}

// The count of what is below is worked out from the blocks, without
// laying any out: an event of thousands of quotes counts them at once.
func TestSourcesCountWhatIsBelowWithoutLayingItOut(t *testing.T) {
	d := newDriver(t, manyQuotesStore(t, 2_000), 120, 40)
	d.goTo("2008-06-15")
	lines := paneText(d)
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "↓ more: 1,99") || !strings.HasSuffix(last, "quotes · 2 links · 2 notes") {
		t.Errorf("the pane's last line is %q, want the quotes, links and notes below", last)
	}
	if laid := d.sources().laid; laid > 6*d.sources().height {
		t.Errorf("laid out %d lines to show the first screen, want a few screens at most", laid)
	}
}
