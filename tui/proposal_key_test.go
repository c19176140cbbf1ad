package tui

import (
	"slices"
	"strings"
	"testing"
)

// TestProposalKeepsItsKeyWhole: the proposal under the source ends in
// the key that takes it, never broken between lines. At 80 columns it
// read "… 1 Feb 2022 · ctrl+y" over "takes it".
func TestProposalKeepsItsKeyWhole(t *testing.T) {
	for _, c := range []struct {
		w    int
		want []string
	}{
		{160, []string{"proposes 2021, read in a source published 1 Feb 2022 · ctrl+y takes it"}},
		{80, []string{"proposes 2021, read in a source published 1 Feb 2022", "ctrl+y takes it"}},
		{60, []string{"proposes 2021, read in a source published 1", "Feb 2022 · ctrl+y takes it"}},
	} {
		d := newDriver(t, exampleStore(t), c.w, 24)
		// "last year" in the Post of 1 Feb 2022 is 2021.
		d.keys("A", "tab")
		d.typeText("last year")
		d.keys("tab", "right", "right")
		if got := linesUnder(d.screen(), "Anchored by"); !slices.Equal(got, c.want) {
			t.Errorf("at %d: under the source\n%q\nwant\n%q", c.w, got, c.want)
		}
	}
}

// linesUnder are the lines under a form's field labelled label, in the
// column of the fields, up to the next label, trimmed.
func linesUnder(screen, label string) []string {
	lines := strings.Split(screen, "\n")
	var out []string
	for i, l := range lines {
		if !strings.HasPrefix(strings.TrimLeft(l, "› "), label+" ") {
			continue
		}
		for _, n := range lines[i+1:] {
			if len(n) < formLabelWidth || strings.TrimSpace(n[:formLabelWidth]) != "" {
				break
			}
			out = append(out, strings.TrimSpace(n))
		}
		break
	}
	return out
}
