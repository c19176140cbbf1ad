package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Ink is a style that paints one line of text. lipgloss works out a
// style's sequences again on every Render; a screen paints a few
// hundred short spans per key, so an Ink works them out once, when the
// styles are built, and writes them around the text. Text or styles the
// shortcut does not cover (several lines, tabs, spaces styled apart as
// underlining does) go through lipgloss as before.
type Ink struct {
	lipgloss.Style
	open, close string
	fast        bool
}

// ink returns s as an Ink, with its shortcut if the shortcut renders
// what lipgloss renders.
func ink(s lipgloss.Style) Ink {
	in := Ink{Style: s}
	out := s.Render("x")
	i := strings.IndexByte(out, 'x')
	if i < 0 {
		return in
	}
	open, close := out[:i], out[i+1:]
	for _, probe := range []string{"", " ", "a b", "é — …", "  x  ", "漢字"} {
		if s.Render(probe) != open+probe+close {
			return in
		}
	}
	in.open, in.close, in.fast = open, close, true
	return in
}

// Render paints strs joined, as lipgloss.Style.Render does.
func (in Ink) Render(strs ...string) string {
	if in.fast && len(strs) == 1 && !strings.ContainsAny(strs[0], "\n\r\t") {
		if in.open == "" && in.close == "" {
			return strs[0]
		}
		return in.open + strs[0] + in.close
	}
	return in.Style.Render(strs...)
}
