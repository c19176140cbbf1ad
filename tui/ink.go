package tui

import (
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
)

// Ink is a style that paints one line of text. lipgloss works out a
// style's sequences again on every Render; a screen paints a few
// hundred short spans per key, so an Ink works them out once, when the
// styles are built, and writes them around the text (around each rune
// for an underlined style, as lipgloss does). Text or styles the
// shortcuts do not cover (several lines, tabs) go through lipgloss as
// before.
type Ink struct {
	lipgloss.Style
	open, close string
	fast        bool
	// byRune: lipgloss paints an underlined style rune by rune, spaces
	// in a style of their own (spaceOpen, spaceClose); so does Render,
	// from the sequences it worked out once. A URL in the sources pane
	// went through lipgloss for every frame.
	byRune                bool
	spaceOpen, spaceClose string
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
	in.open, in.close = out[:i], out[i+1:]
	probes := []string{"", " ", "a b", "é — …", "  x  ", "漢字", "a\u00a0b\u3000c"}
	if rendersAs(s, probes, func(p string) string { return in.open + p + in.close }) {
		in.fast = true
		return in
	}
	sp := s.Render(" ")
	if j := strings.IndexByte(sp, ' '); j >= 0 {
		in.spaceOpen, in.spaceClose = sp[:j], sp[j+1:]
		in.byRune = rendersAs(s, probes, in.runes)
	}
	return in
}

// rendersAs reports whether render gives what s renders for every probe.
func rendersAs(s lipgloss.Style, probes []string, render func(string) string) bool {
	for _, p := range probes {
		if s.Render(p) != render(p) {
			return false
		}
	}
	return true
}

// runes paints text rune by rune, as lipgloss paints an underlined style.
func (in Ink) runes(text string) string {
	var b strings.Builder
	b.Grow(len(text) * (1 + len(in.open) + len(in.close)))
	for _, r := range text {
		if unicode.IsSpace(r) {
			b.WriteString(in.spaceOpen)
			b.WriteRune(r)
			b.WriteString(in.spaceClose)
			continue
		}
		b.WriteString(in.open)
		b.WriteRune(r)
		b.WriteString(in.close)
	}
	return b.String()
}

// Render paints strs joined, as lipgloss.Style.Render does.
func (in Ink) Render(strs ...string) string {
	if (in.fast || in.byRune) && len(strs) == 1 && !strings.ContainsAny(strs[0], "\n\r\t") {
		switch {
		case in.byRune:
			return in.runes(strs[0])
		case in.open == "" && in.close == "":
			return strs[0]
		}
		return in.open + strs[0] + in.close
	}
	return in.Style.Render(strs...)
}
