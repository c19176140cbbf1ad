package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The shortcuts of Ink and Styles.width must give what lipgloss and the
// terminal's measure give: these compare them on text of every kind.

var inkTexts = []string{
	"", " ", "plain ascii", "Ünïcödé — …", "漢字の列", "👩‍👩‍👧 family", "a\tb", "two\nlines",
	"trailing  ", "\x1b[1mstyled\x1b[m", "\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\",
	"\x1b[", "\x1b[31", "\x1b[31;", "esc\x1b", "\x1b[?25l", "\x1b[38;2;1;2;3mrgb\x1b[m", "\x7f", "e\u0301",
	"https://example.org/a-b?c=d&e", "no\u00a0break\u2003em\u3000wide", "bad \xff utf-8",
}

func TestInkRendersAsLipgloss(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := NewStyles(dark)
		inks := map[string]Ink{
			"Title": st.Title, "Muted": st.Muted, "Chip": st.Chip, "Selected": st.Selected,
			"SelectedBlurred": st.SelectedBlurred, "Mark": st.Mark, "Match": st.Match, "URL": st.URL,
			"Item": st.Item, "RulerMarker": st.RulerMarker, "Error": st.Error, "Quote": st.Quote,
			"PaneTitleFocused": st.PaneTitleFocused, "HelpKey": st.HelpKey, "HelpDesc": st.HelpDesc,
		}
		for s, in := range st.Status {
			inks["status "+string(s)] = in
		}
		for name, in := range inks {
			for _, text := range inkTexts {
				if got, want := in.Render(text), in.Style.Render(text); got != want {
					t.Errorf("dark=%v %s.Render(%q) = %q; lipgloss renders %q", dark, name, text, got, want)
				}
			}
		}
	}
}

func TestInkShortcut(t *testing.T) {
	st := NewStyles(true)
	// The spans a row is painted with take the shortcut; underlining,
	// which lipgloss applies rune by rune, takes the one by rune.
	for name, in := range map[string]Ink{"Muted": st.Muted, "Selected": st.Selected, "Chip": st.Chip, "Item": st.Item, "HelpKey": st.HelpKey, "HelpDesc": st.HelpDesc} {
		if !in.fast {
			t.Errorf("%s: no shortcut", name)
		}
	}
	for name, in := range map[string]Ink{"Match": st.Match, "URL": st.URL, "PaneTitleFocused": st.PaneTitleFocused} {
		if in.fast || !in.byRune {
			t.Errorf("%s: fast %v, by rune %v; want the shortcut by rune", name, in.fast, in.byRune)
		}
	}
}

func TestWidthMeasuresAsTheTerminal(t *testing.T) {
	for _, cells := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		st := NewStyles(true)
		st.Cells = cells
		for _, text := range inkTexts {
			checkWidth(t, st, text)
			checkWidth(t, st, st.Selected.Render(text))
		}
	}
}

func FuzzWidth(f *testing.F) {
	for _, text := range inkTexts {
		f.Add(text)
	}
	st := NewStyles(true)
	f.Fuzz(func(t *testing.T, text string) {
		for _, cells := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
			st.Cells = cells
			checkWidth(t, st, text)
		}
	})
}

// checkWidth checks the width of text against the terminal's measure.
func checkWidth(t *testing.T, st Styles, text string) {
	t.Helper()
	if got, want := st.width(text), st.Cells.StringWidth(text); got != want {
		t.Errorf("width(%q) = %d; the measure gives %d", text, got, want)
	}
}

func FuzzInk(f *testing.F) {
	for _, text := range inkTexts {
		f.Add(text)
	}
	st := NewStyles(true)
	inks := []Ink{st.Muted, st.Selected, st.Chip, st.Item, st.Mark, st.Error, st.Match, st.URL, st.PaneTitleFocused}
	f.Fuzz(func(t *testing.T, text string) {
		for _, in := range inks {
			if got, want := in.Render(text), in.Style.Render(text); got != want {
				t.Fatalf("Render(%q) = %q; lipgloss renders %q", text, got, want)
			}
		}
	})
}

func TestCellsOf(t *testing.T) {
	for _, cells := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		for r := rune(0x80); r < 0xA000; r++ {
			n := cellsOf(r)
			if n == 0 {
				continue
			}
			for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r)} {
				want := 0
				for _, c := range s {
					if c < 0x80 {
						want++
					} else {
						want += n
					}
				}
				if got := cells.StringWidth(s); got != want {
					t.Errorf("%U in %q takes %d cells; cellsOf counts %d", r, s, got, want)
				}
			}
		}
	}
}

func FuzzFit(f *testing.F) {
	for _, text := range append(inkTexts, "a longer title — with 漢字 and ünïcödé in it", "Zürich café 会議 schön") {
		f.Add(text, 7)
	}
	f.Fuzz(func(t *testing.T, text string, w int) {
		w = int(uint(w)%40) + 1
		for _, cells := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
			st := NewStyles(true)
			st.Cells = cells
			if st.width(text) <= w {
				continue
			}
			quick, ok := quickFit(text, w)
			if !ok {
				continue
			}
			want := cells.Truncate(text, w, "…")
			if quick != want {
				t.Fatalf("fit(%q, %d) = %q; Truncate gives %q", text, w, quick, want)
			}
		}
	})
}
