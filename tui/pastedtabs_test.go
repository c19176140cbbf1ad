package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// TestPastedTabsKept: a tab pasted in a field of several lines (a quote's
// words, a summary, a note) is stored as a tab, not as the spaces the
// field lays it out as: pasted words are verbatim. The screen shows it
// as spaces, and a stored tab elsewhere in the text, or an edit made
// around the paste, does not change it.
func TestPastedTabsKept(t *testing.T) {
	for _, tc := range []struct {
		name   string
		open   []string // the keys that reach the field
		stored func(e *model.Event) string
	}{
		{"quote", []string{"Q"}, func(e *model.Event) string { return e.Quotes[len(e.Quotes)-1].Text }},
		{"summary", []string{"E", "shift+tab"}, func(e *model.Event) string { return e.Summary }},
		{"note", []string{"a"}, func(e *model.Event) string { return e.Notes[len(e.Notes)-1].Text }},
		{"description", []string{"I", "tab", "ctrl+a", "ctrl+k"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := exampleStore(t)
			setEvent(t, s, "nso-mobileum-call", func(e *model.Event) { e.Summary = "" })
			d := newDriver(t, s, 120, 40)
			d.to("nso-mobileum-call")
			d.keys(tc.open...)
			d.send(tea.PasteMsg{Content: "a\tb\x1b[31m"})
			if scr := d.screen(); strings.Contains(scr, "\t") || !strings.Contains(scr, "a    b") || strings.Contains(scr, "[31m") {
				t.Errorf("the paste shows as\n%s\nwant a    b, the tab laid out as spaces, the colour's sequence gone whole", scr)
			}
			d.typeText(" c")
			d.keys("left", "left")
			d.send(tea.PasteMsg{Content: "\tx"})
			d.keys("ctrl+s")
			if d.statusErr() || d.openDialog() != nil {
				t.Fatalf("not saved: %q, %T", d.status(), d.openDialog())
			}
			got, want := "", "a\tb\tx c"
			if tc.stored != nil {
				e := event(t, s, "nso-mobileum-call")
				got = tc.stored(&e)
			} else if h, err := s.Header(); err == nil {
				got = h.Description
			}
			if got != want {
				t.Errorf("stored %q, want %q", got, want)
			}
		})
	}
}
