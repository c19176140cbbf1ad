package tui

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestHelpShowsEveryKey opens the help at sizes from a wide terminal to a
// small one and checks that every key of the browser can be read whole:
// at once where the screen is big enough, else by scrolling down.
func TestHelpShowsEveryKey(t *testing.T) {
	s := exampleStore(t)
	for _, size := range []struct {
		w, h   int
		scroll bool // the help must scroll to show everything
	}{{160, 45, false}, {120, 40, false}, {100, 30, true}, {80, 24, true}, {60, 20, true}, {40, 12, true}} {
		d := newDriver(t, placed{s}, size.w, size.h)
		var want []key.Binding
		for _, col := range d.browser().FullHelp() {
			want = append(want, col...)
		}
		want = slices.Concat(want, d.m.ctx.keys.ShortHelp())
		d.keys("?")
		first := d.screen()
		seen := first
		for range 80 {
			if !size.scroll {
				break
			}
			d.keys("down")
			seen += "\n" + d.screen()
		}
		if d.openDialog() == nil {
			t.Fatalf("%d×%d: down closed the help", size.w, size.h)
		}
		for _, b := range want {
			if !b.Enabled() {
				continue
			}
			re := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(b.Help().Key) + ` +` + regexp.QuoteMeta(b.Help().Desc) + `(\s|$)`)
			if !re.MatchString(seen) {
				t.Errorf("%d×%d: the help never shows %q %q whole", size.w, size.h, b.Help().Key, b.Help().Desc)
			} else if !size.scroll && !re.MatchString(first) {
				t.Errorf("%d×%d: %q %q is not on the first page", size.w, size.h, b.Help().Key, b.Help().Desc)
			}
		}
		if !strings.Contains(seen, "Links:") {
			t.Errorf("%d×%d: the help never shows the links' signs", size.w, size.h)
		}
		// Every sign a row or the axis draws is said in words.
		for _, sign := range []string{"●", noteSign, problemSign, barSolid, barShade, barOpenPast, barOnEdge} {
			if !strings.Contains(seen, sign) {
				t.Errorf("%d×%d: the help never says what %s means", size.w, size.h, sign)
			}
		}
		if !strings.Contains(first, "Store: cases/nso.db") {
			t.Errorf("%d×%d: the help does not name the store on its first page:\n%s", size.w, size.h, first)
		}
		if size.scroll && first == d.screen() {
			t.Errorf("%d×%d: down does not scroll the help", size.w, size.h)
		}
	}
}

// TestHelpQCloses checks that q closes the help, as it does in less and
// lazygit, rather than quitting; ctrl+c still quits.
func TestHelpQCloses(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("?", "q")
	if d.quit || d.openDialog() != nil {
		t.Fatalf("q on the help: quit %v, dialog %T; want the help closed", d.quit, d.openDialog())
	}
	d.keys("?", "ctrl+c")
	if !d.quit {
		t.Error("ctrl+c on the help does not quit")
	}
}
