package tui

import "testing"

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
