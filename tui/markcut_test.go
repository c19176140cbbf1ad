package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// TestRemnant: what is left of a mark a deletion cut into is found
// around the cursor, at where the mark was.
func TestRemnant(t *testing.T) {
	for _, tc := range []struct {
		name, typed, kept string
		area              bool // kept shown as a field of several lines shows it
		at                int  // the cursor in typed, in bytes
		back, fwd         int
		ok                bool
	}{
		{"backspace after the mark", "Cash <U+202E reversed", "Cash  reversed", false, len("Cash <U+202E"), 7, 0, true},
		{"delete before the mark", "Cash U+202E> reversed", "Cash  reversed", false, len("Cash "), 0, 7, true},
		{"cut inside", "x<U+20E>y", "xy", false, len("x<U+20"), 5, 2, true},
		{"a tab's spaces, after", "left   right", "leftright", true, len("left   "), 3, 0, true},
		{"a tab's spaces, before", "left   right", "leftright", true, len("left"), 0, 3, true},
		{"repeated beside it", "a>>b", "a>b", false, 2, 0, 1, true},
		{"whole runes", "\u00e9\u00e8", "\u00e8", false, 2, 1, 0, true},
		{"after a wide rune", "東<U+202E京", "東京", false, len("東<U+202E"), 7, 0, true},
		{"the first of two marks", "<U+200><U+200D>", "\u200d", false, len("<U+200"), 6, 1, true},
		{"the second of two marks", "<U+200B><U+200>", "\u200b", false, len("<U+200B><U+200"), 6, 1, true},
		{"nothing left", "Cash  reversed", "Cash  reversed", false, 5, 0, 0, false},
		{"shorter than shown", "Cash", "Cash \u200b", false, 4, 0, 0, false},
		{"cursor away from it", "Cash <U+202E reversed", "Cash  reversed", false, 0, 0, 0, false},
		{"cursor past it", "Cash <U+202E reversed", "Cash  reversed", false, len("Cash <U+202E r"), 0, 0, false},
		{"not one run more", "abXcZ", "aYbc", false, 3, 0, 0, false},
		{"two runs more", "a<Ub<U", "ab", false, 2, 0, 0, false},
	} {
		show := line
		if tc.area {
			show = areaText
		}
		shown := show(tc.kept)
		back, fwd, ok := remnant(tc.typed, shown, tc.at, func(n int) bool { return shownWhole(tc.kept, n, show) })
		if back != tc.back || fwd != tc.fwd || ok != tc.ok {
			t.Errorf("%s: remnant(%q, %q, %d) = %d, %d, %v; want %d, %d, %v",
				tc.name, tc.typed, shown, tc.at, back, fwd, ok, tc.back, tc.fwd, tc.ok)
		}
	}
	for _, tc := range []struct {
		kept string
		n    int
		want bool
	}{
		{"a\u200bb", 0, true}, {"a\u200bb", 1, true}, {"a\u200bb", 2, false}, {"a\u200bb", 9, true},
		{"a\u200bb", 10, true}, {"a\u200bb", 11, false}, {"東\x1b", 3, true}, {"東\x1b", 4, false},
	} {
		if got := shownWhole(tc.kept, tc.n, line); got != tc.want {
			t.Errorf("shownWhole(%q, %d) = %v, want %v", tc.kept, tc.n, got, tc.want)
		}
	}
}

// TestCutMarkShowsWhatIsStored: a backspace, delete or ctrl+w that cuts
// into a mark in a field takes the whole mark at once, as saving takes
// the whole character, and the cursor stands where the mark was: what
// is typed next goes there.
func TestCutMarkShowsWhatIsStored(t *testing.T) {
	const title = "Cash \u202e reversed bag"
	for _, tc := range []struct {
		name string
		keys []any // key names, or messages
	}{
		{"backspace", []any{"end", rep("left", 13), "backspace"}},
		{"delete", []any{"end", rep("left", 21), tea.KeyPressMsg{Code: tea.KeyDelete}}},
		{"ctrl+w", []any{"end", rep("left", 16), "ctrl+w"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := exampleStore(t)
			setEvent(t, s, "nso-mobileum-call", func(e *model.Event) { e.Title = title })
			d := newDriver(t, s, 80, 24)
			d.to("nso-mobileum-call")
			d.keys("E", "tab", "tab", "tab")
			if !strings.Contains(d.screen(), "Cash <U+202E> reversed bag") {
				t.Fatalf("the title is not shown with its mark:\n%s", d.screen())
			}
			press(d, tc.keys...)
			if l := screenLine(d.screen(), "› Title"); !strings.Contains(l, "Cash  reversed bag") {
				t.Errorf("after the %s, the title shows as %q, want the mark gone whole", tc.name, l)
			}
			d.typeText("X")
			d.keys("ctrl+s")
			if got := event(t, s, "nso-mobileum-call").Title; got != "Cash X reversed bag" {
				t.Errorf("stored %q, want %q", got, "Cash X reversed bag")
			}
		})
	}
}

// TestCutMarkInAreas: in a field of several lines, a backspace into the
// spaces a tab is laid out as takes the tab's whole width; and in a
// quote's words a mark pasted goes whole too.
func TestCutMarkInAreas(t *testing.T) {
	s := exampleStore(t)
	setEvent(t, s, "nso-mobileum-call", func(e *model.Event) { e.Summary = "left\tright" })
	d := newDriver(t, s, 80, 24)
	d.to("nso-mobileum-call")
	press(d, "E", "shift+tab", rep("left", 5), "backspace")
	if l := screenLine(d.screen(), "› Summary"); !strings.Contains(l, " leftright ") {
		t.Errorf("after a backspace into the tab, the summary shows as %q, want the tab gone whole", l)
	}
	d.typeText("X")
	d.keys("ctrl+s")
	if got := event(t, s, "nso-mobileum-call").Summary; got != "leftXright" {
		t.Errorf("stored %q, want %q", got, "leftXright")
	}

	// A mark that ends its line: the line below stays below.
	setEvent(t, s, "nso-mobileum-call", func(e *model.Event) { e.Summary = "x\u202e\ny" })
	d = newDriver(t, s, 80, 24)
	d.to("nso-mobileum-call")
	press(d, "E", "shift+tab", "up", "home", "right", tea.KeyPressMsg{Code: tea.KeyDelete})
	d.keys("ctrl+s")
	if got := event(t, s, "nso-mobileum-call").Summary; got != "x\ny" {
		t.Errorf("stored %q, want %q", got, "x\ny")
	}

	id := d.selected()
	d.keys("Q")
	d.send(tea.PasteMsg{Content: "zero\u200bwidth"})
	if scr := d.screen(); !strings.Contains(scr, "zero<U+200B>width") {
		t.Fatalf("the paste shows as\n%s\nwant its zero-width space as a mark", scr)
	}
	press(d, rep("left", 5), "backspace")
	if scr := d.screen(); !strings.Contains(scr, "zerowidth") || strings.Contains(scr, "U+200") {
		t.Errorf("after a backspace into the mark, the form shows\n%s\nwant the mark gone whole", scr)
	}
	d.typeText("-")
	if got := saveQuote(t, d, s, id); got != "zero-width" {
		t.Errorf("stored %q, want %q", got, "zero-width")
	}
}

// TestCutMarkInTitleDialog: the investigation's title, as the forms.
func TestCutMarkInTitleDialog(t *testing.T) {
	s := exampleStore(t)
	if _, err := s.Write(model.OpEdit, "set elsewhere", func(tx model.Tx) error {
		h, err := tx.Header()
		if err != nil {
			return err
		}
		h.Title = "Cash \u202e reversed"
		return tx.SetHeader(h)
	}); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, s, 80, 24)
	d.keys("I")
	press(d, rep("left", 9), "backspace")
	if l := screenLine(d.screen(), "Title "); !strings.Contains(l, "Cash  reversed ") {
		t.Errorf("after the backspace, the title shows as %q, want the mark gone whole", l)
	}
	d.typeText("X")
	d.keys("ctrl+s")
	if h, _ := s.Header(); h.Title != "Cash X reversed" {
		t.Errorf("stored %q, want %q", h.Title, "Cash X reversed")
	}
}

// rep is key pressed n times.
func rep(key string, n int) []string {
	ks := make([]string, n)
	for i := range ks {
		ks[i] = key
	}
	return ks
}

// press presses keys: names, lists of names, or messages.
func press(d *driver, keys ...any) {
	d.t.Helper()
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			d.keys(k)
		case []string:
			d.keys(k...)
		case tea.Msg:
			d.send(k)
		}
	}
}
