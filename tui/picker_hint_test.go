package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestPickerHintIsNotCut: the line of what was typed in the filter
// picker says after it as many of its keys as fit whole. At 80 columns,
// with "washington post" typed, it read "… enter applies · esc ca…".
// Screens in testdata/TestPickerHintIsNotCut/*.golden.
func TestPickerHintIsNotCut(t *testing.T) {
	for _, c := range []struct {
		size [2]int
		want string
	}{
		{[2]int{80, 24}, "filter › washington post  type to narrow · tab chooses · enter applies"},
		{[2]int{160, 45}, "filter › washington post  type to narrow · tab chooses · enter applies · esc cancels"},
	} {
		t.Run(sizeName(c.size), func(t *testing.T) {
			d := newDriver(t, placed{exampleStore(t)}, c.size[0], c.size[1])
			d.keys("f")
			d.typeText("washington post")
			checkSize(t, d.m.View().Content, c.size[0], c.size[1])
			golden.RequireEqual(t, d.screen())
			for _, l := range strings.Split(d.screen(), "\n") {
				if strings.HasPrefix(l, "filter › ") {
					if got := strings.TrimRight(l, " "); got != c.want {
						t.Errorf("\n%q\nwant\n%q", got, c.want)
					}
				}
			}
		})
	}
}
