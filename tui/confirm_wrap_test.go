package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestConfirmWrapsAtSpaces: what a confirmation says, a warning or an
// item of a list, breaks at spaces only, so that an event id in it shows
// whole.
func TestConfirmWrapsAtSpaces(t *testing.T) {
	ctx := &shared{styles: NewStyles(true)}
	st := &ctx.styles
	lines := []string{
		"The link from " + st.Error.Render("vote") + " to board-meets will point at nothing.",
		"  The vote follows board-meets, which is removed with it",
	}
	c := newConfirm(ctx, "Remove the event?", "remove", lines, nil)
	for _, w := range []int{28, 34, 40} {
		var text []string
		for _, l := range c.View(w, 20) {
			if n := st.width(l); n > w {
				t.Errorf("width %d: line %q takes %d cells", w, l, n)
			}
			text = append(text, ansi.Strip(l))
		}
		if got := strings.Join(text, "\n"); strings.Count(got, "board-meets") != 2 {
			t.Errorf("width %d: an id is split:\n%s", w, got)
		}
	}
}
