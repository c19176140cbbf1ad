package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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

// TestHelpKeepsItsPlace: while the help is open, the keys that move
// through a list elsewhere move through it, only ?, esc and q close it,
// and any other key does nothing: not to the screen hidden under it, and
// not losing the help the user scrolled to. The footer says so, from the
// help's own bindings.
func TestHelpKeepsItsPlace(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}, {40, 12}} {
		s := exampleStore(t)
		tags := event(t, s, "nso-mobileum-call").Tags
		d := newDriver(t, placed{s}, size.w, size.h)
		d.keys("?")
		help, ok := d.openDialog().(*helpDialog)
		if !ok {
			t.Fatalf("%d×%d: ? opened %T", size.w, size.h, d.openDialog())
		}
		if foot := footLine(d.screen()); !strings.Contains(foot, help.keys.Close.Help().Key+" "+help.keys.Close.Help().Desc) {
			t.Errorf("%d×%d: the footer %q does not say how to close the help", size.w, size.h, foot)
		}
		for _, k := range []string{"?", "esc", "q"} {
			if !slices.Contains(help.keys.Close.Keys(), k) {
				t.Errorf("%d×%d: %s does not close the help", size.w, size.h, k)
			}
		}
		fits := !help.keys.Down.Enabled()
		if fits != (size.h == 45) {
			t.Fatalf("%d×%d: the help fits %v", size.w, size.h, fits)
		}
		if !fits {
			d.keys("G")
			below, above := regexp.MustCompile(`↓ [0-9]+ more`), regexp.MustCompile(`↑ [0-9]+ more`)
			if !strings.Contains(d.screen(), "Axis:") || below.MatchString(d.screen()) {
				t.Errorf("%d×%d: G does not show the end of the help:\n%s", size.w, size.h, d.screen())
			}
			// The lines scrolled out above are said to be there.
			if !above.MatchString(d.screen()) {
				t.Errorf("%d×%d: at the end, the help does not say lines are above:\n%s", size.w, size.h, d.screen())
			}
			d.keys("g")
			if strings.Contains(d.screen(), "Axis:") || above.MatchString(d.screen()) {
				t.Errorf("%d×%d: g does not go back to the start of the help:\n%s", size.w, size.h, d.screen())
			}
			top := d.screen()
			d.keys("ctrl+d")
			if d.screen() == top {
				t.Errorf("%d×%d: ctrl+d does not scroll the help", size.w, size.h)
			}
			d.keys("ctrl+u")
			if d.screen() != top {
				t.Errorf("%d×%d: ctrl+u does not scroll the help back", size.w, size.h)
			}
			d.keys("end", "home")
			if d.screen() != top {
				t.Errorf("%d×%d: end, home do not leave the help at its start", size.w, size.h)
			}
			d.keys("pgdown")
		}
		before := d.screen()
		for _, k := range []string{"x", "d", "enter", "t", "tab", "2", "/", "A"} {
			d.keys(k)
			if d.openDialog() != help {
				t.Fatalf("%d×%d: %s on the help left %T open", size.w, size.h, k, d.openDialog())
			}
			if after := d.screen(); after != before {
				t.Errorf("%d×%d: %s on the help changed the screen:\n%s", size.w, size.h, k, after)
			}
		}
		if len(d.marks()) != 0 || d.focus() != focusList || d.selected() != "nso-mobileum-call" ||
			!slices.Equal(event(t, s, "nso-mobileum-call").Tags, tags) {
			t.Errorf("%d×%d: keys on the help acted on the browser under it", size.w, size.h)
		}
		for _, k := range []string{"?", "esc", "q"} {
			d.keys(k)
			if d.openDialog() != nil || d.quit {
				t.Errorf("%d×%d: %s does not just close the help: dialog %T, quit %v", size.w, size.h, k, d.openDialog(), d.quit)
			}
			d.keys("?")
		}
	}
}

// footLine is the last line of a screen: the footer.
func footLine(screen string) string {
	return screen[strings.LastIndexByte(screen, '\n')+1:]
}

// TestHelpNamesEveryKeyOfABinding: what a key does is found in the help,
// so the help names every key a binding takes (ctrl+r with U for redo,
// = with + for zooming in), on the browser, the sources and the trash,
// and the help on screen says so.
func TestHelpNamesEveryKeyOfABinding(t *testing.T) {
	d := newDriver(t, exampleStore(t), 160, 45)
	d.keys("v") // the axis's keys too
	arrows := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}
	for _, screen := range []struct {
		name string
		open []string
		keys func() [][]key.Binding
	}{
		{"browser", nil, d.browser().FullHelp},
		{"sources", []string{"S"}, func() [][]key.Binding { return d.m.top().FullHelp() }},
		{"trash", []string{"q", "D"}, func() [][]key.Binding { return d.m.top().FullHelp() }},
	} {
		d.keys(screen.open...)
		if got := fmt.Sprintf("%T", d.m.top()); !strings.Contains(strings.ToLower(got), screen.name) {
			t.Fatalf("%s: the screen on top is %s", screen.name, got)
		}
		for _, col := range screen.keys() {
			for _, b := range col {
				named := "/" + b.Help().Key + "/"
				for _, k := range b.Keys() {
					if a, ok := arrows[k]; ok {
						k = a
					}
					if !strings.Contains(named, "/"+k+"/") {
						t.Errorf("%s: the help of %q (%s) does not name %q, which it takes", screen.name, b.Help().Key, b.Help().Desc, k)
					}
				}
			}
		}
		d.keys("?")
		if !regexp.MustCompile(`U/ctrl\+r +redo`).MatchString(d.screen()) {
			t.Errorf("%s: the help does not offer ctrl+r to redo:\n%s", screen.name, d.screen())
		}
		d.keys("esc")
	}
}

// TestHelpKeepsTheInvestigationsName: at 80 columns a database's long
// address, cut at its end, cut off the investigation's name; the address
// gives way instead.
func TestHelpKeepsTheInvestigationsName(t *testing.T) {
	loc := "postgres:///postgres?host=%2Ftmp%2Fteam%2Fpg&user=chrono (investigation leaks)"
	d := newDriverWith(t, exampleStore(t), 80, 24, Options{Now: func() time.Time { return noted }, Location: loc})
	d.keys("?")
	first := ""
	for l := range strings.SplitSeq(d.screen(), "\n") {
		if strings.Contains(l, "Store: ") {
			first = l
		}
	}
	if !strings.Contains(first, "(investigation leaks)") || !strings.Contains(first, "Store: postgres://") {
		t.Errorf("the help's first line: %q\n%s", first, d.screen())
	}
}

// TestHelpListsMovesFromEitherEnd: at the first event the footer offers
// ↓/j alone, and the help left out ↑/k, pgup and ctrl+u too; at the last,
// the moves down. The help says how to move from anywhere.
func TestHelpListsMovesFromEitherEnd(t *testing.T) {
	s := exampleStore(t)
	for _, at := range []string{"g", "G"} {
		d := newDriver(t, placed{s}, 160, 45)
		d.keys(at, "?")
		help := d.screen()
		for _, move := range []string{"↑/k +up", "↓/j +down", "pgup/ctrl\\+b +page up", "pgdn/ctrl\\+f +page down", "ctrl\\+u +half page up", "ctrl\\+d +half page down"} {
			if !regexp.MustCompile(`(^|\s)` + move + `(\s|$)`).MatchString(help) {
				t.Errorf("at %s, the help does not list %q:\n%s", at, move, help)
			}
		}
	}
}

// TestHelpExplainsOnlyTheMarksOnScreen: the help of a screen explains
// the marks that screen draws, and no others. The sources and the trash
// showed the chronology's statuses, links, rows and axis, which they do
// not draw.
func TestHelpExplainsOnlyTheMarksOnScreen(t *testing.T) {
	all := []string{"Statuses:", "Links:", "Rows:", "Axis:"}
	for _, tt := range []struct {
		name  string
		keys  []string
		shown []string
	}{
		{"the chronology", nil, all},
		{"the sources", []string{"S"}, nil},
		{"the trash", []string{"D"}, nil},
		{"the sides", []string{"j", "C"}, all[:1]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := startDriver(t, New(exampleStore(t), Options{}))
			d.send(tea.WindowSizeMsg{Width: 120, Height: 60})
			d.keys(tt.keys...)
			d.keys("?")
			screen := d.screen()
			for _, label := range all {
				if want := slices.Contains(tt.shown, label); strings.Contains(screen, label) != want {
					t.Errorf("%s in the help: %v, want %v\n%s", label, !want, want, screen)
				}
			}
		})
	}
}
