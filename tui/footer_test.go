package tui

import (
	"strings"
	"testing"
)

// The footer paints the separators and the ellipsis with HelpDesc: right
// only while the help's styles give them the description's style.
func TestFooterSeparatorsInTheDescriptionsStyle(t *testing.T) {
	for _, dark := range []bool{true, false} {
		h := NewStyles(dark).Help
		want := h.ShortDesc.Inline(true).Render("x")
		if h.ShortSeparator.Inline(true).Render("x") != want || h.Ellipsis.Inline(true).Render("x") != want {
			t.Errorf("dark=%v: the separator or the ellipsis has a style of its own; paint it with an Ink of its own in footer", dark)
		}
	}
}

// TestFormFootersKeepSaveAndCancel: however many keys a form offers, its
// footer at 80 columns still says how to save and how to leave.
func TestFormFootersKeepSaveAndCancel(t *testing.T) {
	for _, c := range []struct {
		name string
		open func(d *driver)
	}{
		{"event form choosing a source, a date proposed", func(d *driver) {
			d.keys("A", "tab")
			d.typeText("last year")
			d.keys("tab", "right", "right")
		}},
		{"quote form picking a source", func(d *driver) { d.keys("Q", "tab", "tab") }},
		{"source form", func(d *driver) { d.keys("S", "a") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newDriver(t, exampleStore(t), 80, 24)
			c.open(d)
			lines := strings.Split(d.screen(), "\n")
			if foot := lines[len(lines)-1]; !strings.HasSuffix(foot, "ctrl+s save • esc cancel") {
				t.Errorf("footer %q does not end with save and cancel", foot)
			}
		})
	}
}
