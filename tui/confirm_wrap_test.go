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

// TestConfirmScrolls: a confirmation longer than the screen shows what
// it cannot as a count, and scrolls to it: nothing it says is out of
// reach, and the keys that scroll are offered only when there is more.
func TestConfirmScrolls(t *testing.T) {
	ctx := &shared{styles: NewStyles(true)}
	var lines []string
	for i := range 12 {
		lines = append(lines, "  event-"+string(rune('a'+i)))
	}
	c := newConfirm(ctx, "Move 12 events to the trash?", "trash", lines, nil)
	shown := func() string {
		var text []string
		for _, l := range c.View(80, 10) {
			text = append(text, ansi.Strip(l))
		}
		return strings.Join(text, "\n")
	}
	c.SetSize(80, 10)
	if s := shown(); !strings.Contains(s, "event-a") || strings.Contains(s, "event-l") || !strings.Contains(s, "… and 7 more lines") {
		t.Errorf("at the top:\n%s", s)
	}
	if c.keys.Up.Enabled() || !c.keys.Down.Enabled() {
		t.Error("at the top, only down is to be offered")
	}
	for range 20 {
		c.Update(keyPress("j"))
	}
	if s := shown(); !strings.Contains(s, "event-l") || strings.Contains(s, "event-a") || !strings.Contains(s, "more lines above") {
		t.Errorf("at the bottom:\n%s", s)
	}
	if !c.keys.Up.Enabled() || c.keys.Down.Enabled() {
		t.Error("at the bottom, only up is to be offered")
	}
	// A confirmation that fits offers neither.
	short := newConfirm(ctx, "Remove?", "remove", lines[:2], nil)
	short.SetSize(80, 10)
	if short.keys.Up.Enabled() || short.keys.Down.Enabled() {
		t.Error("a confirmation that fits offers to scroll")
	}
}

// TestConfirmOnAShortScreen: with room for two lines or fewer, the
// confirmation shows what it says, not only the marks that count it.
func TestConfirmOnAShortScreen(t *testing.T) {
	ctx := &shared{styles: NewStyles(true)}
	c := newConfirm(ctx, "Trash?", "trash", []string{"  event-a", "  event-b", "  event-c"}, nil)
	c.SetSize(80, 6)
	shown := func() string {
		var text []string
		for _, l := range c.View(80, 6) {
			text = append(text, ansi.Strip(l))
		}
		return strings.Join(text, "\n")
	}
	// What is below is said, beside what there is room for.
	if s := shown(); !strings.Contains(s, "event-a") || !strings.Contains(s, "… and 2 more lines (↓)") {
		t.Errorf("at 6 lines, at the top:\n%s", s)
	}
	c.Update(keyPress("j"))
	if s := shown(); strings.Contains(s, "more line") || !strings.Contains(s, "event-") {
		t.Errorf("at 6 lines, at the bottom:\n%s", s)
	}
}
