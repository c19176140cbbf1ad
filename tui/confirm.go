package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// confirmDialog asks before a change that is large or cannot be undone:
// it says what will happen, and yes answers with the action it holds.
// Lines it shows are made safe by whoever wrote them.
type confirmDialog struct {
	ctx    *shared
	title  string
	lines  []string // what will happen, each line already safe
	danger bool     // the change cannot be undone: the title says it in red
	yes    Action
	keys   confirmKeys
	w, h   int
	// shown is lines as the width lays them out, and top the first of
	// them on screen: a long list (many events marked, each with links
	// that will point at nothing) scrolls rather than end unread.
	shown []string
	top   int
}

type confirmKeys struct{ Yes, No, Up, Down key.Binding }

// ShortHelp implements help.KeyMap.
func (k confirmKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No, k.Up, k.Down} }

// FullHelp implements help.KeyMap.
func (k confirmKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newConfirm(ctx *shared, title, yesHelp string, lines []string, yes Action) *confirmDialog {
	return &confirmDialog{ctx: ctx, title: title, lines: lines, yes: yes, keys: confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "enter"), key.WithHelp("y/enter", yesHelp)),
		No:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "cancel")),
		// Enabled when what it says is longer than the screen.
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up"), key.WithDisabled()),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down"), key.WithDisabled()),
	}}
}

// Place implements Dialog: the body.
func (c *confirmDialog) Place() place { return placeBody }

// SetSize implements Dialog: what it says is laid out for the width.
func (c *confirmDialog) SetSize(w, h int) {
	c.w, c.h = w, h
	c.shown = c.layout(w)
	c.scroll(0)
}

// room is how many of the lines the dialog has room for: the title, a
// blank line, and the blank line and the keys under them take four.
func (c *confirmDialog) room() int { return max(c.h-4, 0) }

// scroll moves the lines shown by d, within them, and offers the keys
// that scroll only where there is more to see.
func (c *confirmDialog) scroll(d int) {
	c.top = max(min(c.top+d, len(c.shown)-c.room()), 0)
	c.keys.Up.SetEnabled(c.top > 0)
	c.keys.Down.SetEnabled(c.top+c.room() < len(c.shown))
}

// wheel implements wheelScroller.
func (c *confirmDialog) wheel(delta int) { c.scroll(delta) }

// ShortHelp implements help.KeyMap.
func (c *confirmDialog) ShortHelp() []key.Binding { return c.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (c *confirmDialog) FullHelp() [][]key.Binding { return c.keys.FullHelp() }

// confirmIndent is where the second line of an item of a list starts.
const confirmIndent = 4

// Update implements Dialog: yes acts, no closes; other keys do nothing,
// so that a stray key never confirms.
func (c *confirmDialog) Update(msg tea.Msg) (Action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return nil, nil
	case key.Matches(k, c.keys.Yes):
		return c.yes, nil
	case key.Matches(k, c.keys.No):
		return closeDialog{}, nil
	case key.Matches(k, c.keys.Up):
		c.scroll(-1)
	case key.Matches(k, c.keys.Down):
		c.scroll(1)
	}
	return nil, nil
}

// View implements Dialog: the question, what it does, and the keys that
// answer it; lines above and below those on screen are counted, and
// scroll into view.
func (c *confirmDialog) View(w, h int) []string {
	st := &c.ctx.styles
	out := make([]string, 0, h)
	add := func(s string) { out = append(out, st.fit(s, w)) }
	title := st.Heading.Render(c.title)
	if c.danger {
		title = st.Error.Render(c.title)
	}
	add(title)
	add("")
	lines := c.shown
	if w != c.w || h != c.h {
		lines = c.layout(w) // not yet sized: drawn as it will be
	}
	room := max(h-4, 0)
	top := min(c.top, max(len(lines)-room, 0))
	// Lines below are said wherever that leaves a line of the text: a
	// warning cut off unsaid would pass for one not given. Lines above
	// are said where that leaves two.
	above, below := top > 0 && room >= 3, room >= 2
	for i := top; i < len(lines) && i < top+room; i++ {
		switch {
		case i == top && above:
			add(st.Muted.Render("  … " + plural(top+1, "more line") + " above (↑)"))
		case i == top+room-1 && i < len(lines)-1 && below:
			add(st.Muted.Render("  … and " + plural(len(lines)-i, "more line") + " (↓)"))
		default:
			add(lines[i])
		}
	}
	if len(out) < h-1 {
		add("")
	}
	if len(out) < h {
		add(st.Prompt.Render(keyOf(c.keys.Yes)) + " " + c.keys.Yes.Help().Desc + " · " + st.Prompt.Render(keyOf(c.keys.No)) + " " + c.keys.No.Help().Desc)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:max(h, 0)]
}

// layout is what the dialog says laid out for w cells: wrapped at its
// spaces (see wrapWords), a warning above all; an item of a list (a line
// that starts with two spaces: an event's title, a link that will point
// at nothing) takes two lines at most, the second indented, so that a
// link says both its events and how they are linked.
func (c *confirmDialog) layout(w int) []string {
	st := &c.ctx.styles
	lines := make([]string, 0, len(c.lines))
	for _, l := range c.lines {
		switch {
		case st.width(l) <= w || w <= confirmIndent:
			lines = append(lines, l)
		case strings.HasPrefix(l, "  "):
			wrapped := st.wrapWords(strings.TrimPrefix(l, "  "), w-confirmIndent)
			lines = append(lines, "  "+wrapped[0])
			if rest := strings.Join(wrapped[1:], " "); rest != "" {
				lines = append(lines, strings.Repeat(" ", confirmIndent)+st.fit(rest, w-confirmIndent))
			}
		default:
			lines = append(lines, st.wrapWords(l, w)...)
		}
	}
	return lines
}
