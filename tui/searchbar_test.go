package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestSearchBarIsNotCut: the bar of a search with no filter gives up the
// keys, then the count, where the line has no room for them, rather than
// being cut. At 80 columns a search of a few words read "… · no match
// (n/N next, esc clear…". Screens in
// testdata/TestSearchBarIsNotCut/*.golden.
func TestSearchBarIsNotCut(t *testing.T) {
	const search = "search: /Mobileum bags of cash conference call · no match"
	for _, c := range []struct {
		size [2]int
		want string
	}{
		{[2]int{80, 24}, search},
		{[2]int{160, 45}, search + "  (n/N next, esc clears)"},
	} {
		t.Run(sizeName(c.size), func(t *testing.T) {
			d := newDriver(t, placed{exampleStore(t)}, c.size[0], c.size[1])
			d.keys("/")
			d.typeText("Mobileum bags of cash conference call")
			d.keys("enter")
			checkSize(t, d.m.View().Content, c.size[0], c.size[1])
			golden.RequireEqual(t, d.screen())
			if got := strings.TrimRight(strings.Split(d.screen(), "\n")[1], " "); got != c.want {
				t.Errorf("\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}
