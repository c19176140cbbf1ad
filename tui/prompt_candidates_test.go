package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestTagCandidatesAreWhole: the tags the t prompt offers after the input
// are whole, then "…" where more do not fit. At 80 columns the last was
// cut ("cash-offer den…"), which reads as a tag that begins so.
// Screens in testdata/TestTagCandidatesAreWhole/*.golden.
func TestTagCandidatesAreWhole(t *testing.T) {
	for _, c := range []struct {
		size [2]int
		want string
	}{
		{[2]int{80, 24}, "tag this event:     context whistleblower congress doj khashoggi cash-offer …"},
		{[2]int{160, 45}, "tag this event:     context whistleblower congress doj khashoggi cash-offer denial fbi pegasus post ss7"},
	} {
		t.Run(sizeName(c.size), func(t *testing.T) {
			d := newDriver(t, placed{exampleStore(t)}, c.size[0], c.size[1])
			d.keys("t")
			checkSize(t, d.m.View().Content, c.size[0], c.size[1])
			golden.RequireEqual(t, d.screen())
			if got := strings.TrimRight(promptLine(d.screen()), " "); got != c.want {
				t.Errorf("\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

// promptLine is the screen's line that holds the t prompt.
func promptLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "tag this event:") {
			return l
		}
	}
	return ""
}
