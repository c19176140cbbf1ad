package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// confirmDialog asks a yes-or-no question on the status line before an
// action that takes something away: y does it, n or esc does not.
type confirmDialog struct {
	ctx      *shared
	question string
	then     Action
	keys     confirmKeys
}

type confirmKeys struct{ Yes, No key.Binding }

// ShortHelp implements help.KeyMap.
func (k confirmKeys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

// FullHelp implements help.KeyMap.
func (k confirmKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newConfirm(ctx *shared, question string, then Action) *confirmDialog {
	return &confirmDialog{ctx: ctx, question: question, then: then, keys: confirmKeys{
		Yes: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no")),
	}}
}

func (d *confirmDialog) quietKeys() {}

// Place implements Dialog: the status line.
func (d *confirmDialog) Place() place { return placeStatus }

// SetSize implements Dialog; the question is cut as it is drawn.
func (d *confirmDialog) SetSize(int, int) {}

// ShortHelp implements help.KeyMap.
func (d *confirmDialog) ShortHelp() []key.Binding { return d.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (d *confirmDialog) FullHelp() [][]key.Binding { return d.keys.FullHelp() }

// Update implements Dialog.
func (d *confirmDialog) Update(msg tea.Msg) (Action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return nil, nil
	case key.Matches(k, d.keys.Yes):
		return d.then, nil
	case key.Matches(k, d.keys.No):
		return closeDialog{}, nil
	}
	return nil, nil
}

// View implements Dialog: the question, then y/n.
func (d *confirmDialog) View(w, _ int) []string {
	st := &d.ctx.styles
	return []string{st.fit(st.Prompt.Render(line(d.question))+st.Muted.Render("y/n"), w)}
}
