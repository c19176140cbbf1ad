package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// formKeys are the keys every form has: to the next field and back, to
// save, and to leave. Interrupt is ctrl+c, which in an editor says how to
// leave rather than quit and lose what is typed.
type formKeys struct {
	Next, Prev, Save, Cancel, Interrupt key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		// Interrupt has no help: it is the answer to a habit, not a menu.
		Interrupt: key.NewBinding(key.WithKeys("ctrl+c")),
	}
}

// howToLeave is what ctrl+c says in an editor: that it does not quit, and
// the keys that save and that throw the text away.
func howToLeave(save, cancel key.Binding) tea.Cmd {
	return say("ctrl+c does not quit while you edit: " + keyOf(save) + " saves, " + keyOf(cancel) + " discards")
}

// ShortHelp implements help.KeyMap.
func (k formKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Save, k.Cancel}
}

// footerKeys implements endKeys: save and cancel stay at every width.
func (k formKeys) footerKeys() (own, end []key.Binding) {
	return []key.Binding{k.Next, k.Prev}, []key.Binding{k.Save, k.Cancel}
}

// FullHelp implements help.KeyMap.
func (k formKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// refusal is why a form's last save was refused, for its heading. It
// holds for the fields as they were then: once one changes (a missing
// title typed in), the heading no longer says it.
type refusal struct{ why, at string }

// refuse says why the fields, as fields gives them now, cannot be saved.
func refuse(why, fields string) refusal { return refusal{why, fields} }

// lines lays out why in a form's heading and the line under it, which
// forms leave blank: a refusal says what to do at its end, which one
// line at 80 columns would cut off. What two lines cannot hold is cut.
func (r refusal) lines(st *Styles, w int) (string, string) {
	ls := st.wrap(line(r.why), max(w-2, 1))
	if len(ls) == 0 {
		return st.Error.Render("✗"), ""
	}
	first := st.Error.Render("✗ " + ls[0])
	if len(ls) == 1 {
		return first, ""
	}
	return first, st.Error.Render(st.fit("  "+strings.Join(ls[1:], " "), w))
}

// say is why the save was refused while the fields are as they were
// then, else "".
func (r refusal) say(fields string) string {
	if fields != r.at {
		return ""
	}
	return r.why
}

// discardGuard is a form's cancel key: it leaves at once when nothing
// was changed, and else asks first; the form says so in its heading
// while asking.
type discardGuard struct{ asking bool }

// press takes a key: whether it is cancel, and whether the form is to
// close on it. Any other key stops the asking.
func (g *discardGuard) press(k tea.KeyPressMsg, cancel key.Binding, changed func() bool) (isCancel, leave bool) {
	if !key.Matches(k, cancel) {
		g.asking = false
		return false, false
	}
	if !changed() || g.asking {
		return true, true
	}
	g.asking = true
	return true, false
}

// leaving takes the keys that leave a form or say how: interrupt says
// how to save or discard, and cancel leaves with leave (asking first
// when changed says something was). handled is whether k was one of
// them; any other key stops the asking.
func (g *discardGuard) leaving(k tea.KeyPressMsg, interrupt, save, cancel key.Binding, changed func() bool, leave Action) (act Action, cmd tea.Cmd, handled bool) {
	if key.Matches(k, interrupt) {
		return nil, howToLeave(save, cancel), true
	}
	if isCancel, out := g.press(k, cancel, changed); isCancel {
		if out {
			return leave, nil, true
		}
		return nil, nil, true
	}
	return nil, nil, false
}

// ask is the heading of a form asking before it throws changes away.
func (g *discardGuard) ask(st *Styles, cancel, save key.Binding) string {
	return st.Error.Render(keyOf(cancel) + " again discards the changes · " + keyOf(save) + " saves them")
}
