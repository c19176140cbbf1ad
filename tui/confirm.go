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
}

type confirmKeys struct{ Yes, No key.Binding }

// ShortHelp implements help.KeyMap.
func (k confirmKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

// FullHelp implements help.KeyMap.
func (k confirmKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newConfirm(ctx *shared, title, yesHelp string, lines []string, yes Action) *confirmDialog {
	return &confirmDialog{ctx: ctx, title: title, lines: lines, yes: yes, keys: confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y", "enter"), key.WithHelp("y/enter", yesHelp)),
		No:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "cancel")),
	}}
}

// Place implements Dialog: the body.
func (c *confirmDialog) Place() place { return placeBody }

// SetSize implements Dialog.
func (c *confirmDialog) SetSize(w, h int) { c.w, c.h = w, h }

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
	}
	return nil, nil
}

// View implements Dialog: the question, what it does, and the keys that
// answer it; lines that do not fit are counted. What it says is wrapped
// to the width at its spaces (see wrapWords), a warning above all; an item of a list (a line that
// starts with two spaces: an event's title, a link that will point at
// nothing) takes two lines at most, the second indented, so that a link
// says both its events and how they are linked.
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
	room := max(h-4, 0)
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
	for i, l := range lines {
		if i == room-1 && len(lines) > room {
			add(st.Muted.Render("  … and " + plural(len(lines)-i, "more line")))
			break
		}
		if i >= room {
			break
		}
		add(l)
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
