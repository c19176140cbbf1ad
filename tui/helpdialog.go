package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// helpDialog shows every key of the screen under it, and the global
// keys, in columns. Any key closes it; the quit key quits.
type helpDialog struct {
	ctx     *shared
	columns [][]key.Binding
	close   key.Binding
}

func newHelpDialog(ctx *shared, keys help.KeyMap) *helpDialog {
	cols := keys.FullHelp()
	if n := len(cols); n > 0 {
		cols[n-1] = slices.Concat(cols[n-1], ctx.keys.FullHelp()[0])
	} else {
		cols = ctx.keys.FullHelp()
	}
	return &helpDialog{ctx: ctx, columns: cols,
		close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("any key", "closes the help"))}
}

func (d *helpDialog) quietKeys() {}

// Place implements Dialog: the body.
func (d *helpDialog) Place() place { return placeBody }

// SetSize implements Dialog; the help is laid out as it is drawn.
func (d *helpDialog) SetSize(int, int) {}

// ShortHelp implements help.KeyMap.
func (d *helpDialog) ShortHelp() []key.Binding { return []key.Binding{d.close} }

// FullHelp implements help.KeyMap.
func (d *helpDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

// Update implements Dialog.
func (d *helpDialog) Update(msg tea.Msg) (Action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return nil, nil
	case key.Matches(k, d.ctx.keys.Quit):
		return quitApp{}, nil
	}
	return closeDialog{}, nil
}

// View implements Dialog: every key, in columns, and what the status
// signs mean.
func (d *helpDialog) View(w, h int) []string {
	st := &d.ctx.styles
	out := []string{st.fit(st.Heading.Render("Keys"), w), ""}
	for _, l := range strings.Split(d.ctx.help.FullHelpView(d.columns), "\n") {
		out = append(out, st.fit(l, w))
	}
	out = append(out, "", st.fit(st.Muted.Render("Statuses: "+statusLegend()), w))
	out = append(out, st.fit(st.Muted.Render("Links:    "+standingLegend()), w))
	if l := d.ctx.location; l != "" {
		out = append(out, "", st.fit(st.Muted.Render("Store: ")+line(l), w))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

func statusLegend() string {
	var s []string
	for _, st := range model.Statuses {
		s = append(s, st.Mark()+" "+string(st))
	}
	return strings.Join(s, "  ")
}
