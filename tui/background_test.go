package tui

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// COLORFGBG is "fg;bg" (rxvt adds a middle field), colours 0–15 of the
// terminal's palette: 0–6 and 8 are dark, 7 and 9–15 light, as vim and
// rxvt read it.
func TestColorFGBG(t *testing.T) {
	tests := []struct {
		v         string
		light, ok bool
	}{
		{"", false, false},
		{"0;15", true, true},
		{"0;7", true, true},
		{"15;0", false, true},
		{"7;8", false, true},
		{"0;default;15", true, true},
		{"15;default;0", false, true},
		{"default;default", false, false},
		{"0;16", false, false},
		{"0;-1", false, false},
		{"0;", false, false},
		{"15", false, false},
		{"0;15\x1b]", false, false},
	}
	for _, tt := range tests {
		light, ok := lightFromColorFGBG(tt.v)
		if light != tt.light || ok != tt.ok {
			t.Errorf("COLORFGBG=%q: light %v, ok %v; want %v, %v", tt.v, light, ok, tt.light, tt.ok)
		}
	}
}

// On a light background that does not answer the background query, the
// light palette is used from the start; an answer, when it comes, wins.
func TestLightBackgroundHint(t *testing.T) {
	m := New(exampleStore(t), Options{LightBackground: true})
	light, dark := NewStyles(false), NewStyles(true)
	if got := m.ctx.styles.Title.GetForeground(); got != light.Title.GetForeground() {
		t.Errorf("titles are %v on a light background, want %v", got, light.Title.GetForeground())
	}
	if got := m.ctx.help.Styles.ShortDesc.GetForeground(); got != light.Help.ShortDesc.GetForeground() {
		t.Errorf("the footer is %v on a light background, want %v", got, light.Help.ShortDesc.GetForeground())
	}
	m.Update(tea.BackgroundColorMsg{Color: color.Black})
	if got := m.ctx.styles.Title.GetForeground(); got != dark.Title.GetForeground() {
		t.Errorf("after the terminal answered black, titles are %v, want %v", got, dark.Title.GetForeground())
	}
	if m := New(exampleStore(t), Options{}); m.ctx.styles.Title.GetForeground() != dark.Title.GetForeground() {
		t.Error("with no hint the palette is not the dark one")
	}
}
