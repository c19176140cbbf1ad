package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// View draws the screen: exactly as many lines as the terminal has, none
// wider than it. It only reads state laid out by Update.
func (m *Model) View() tea.View {
	if m.framed {
		return m.frame
	}
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.windowTitle()
	m.frame, m.framed = v, true
	return v
}

// render is the top screen, with the dialog over it, then the status
// line and the help line when there is room for them.
func (m *Model) render() string {
	w, h := m.ctx.width, m.ctx.height
	if w <= 0 || h <= 0 {
		return ""
	}
	st := &m.ctx.styles
	var over Dialog
	if m.dialog != nil && m.dialog.Place() != placeStatus {
		over = m.dialog
	}
	lines := m.top().View(over)
	if m.statusOn {
		lines = append(lines, m.statusView(w)...)
	}
	if m.helpOn {
		lines = append(lines, st.fit(m.helpLine(), w))
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	for i := range lines {
		lines[i] = st.fit(lines[i], w)
	}
	return strings.Join(lines, "\n")
}

// statusView is the prompt while one is open, else the status line.
func (m *Model) statusView(w int) []string {
	if m.prompting() {
		return m.dialog.View(w, 1)[:1]
	}
	// Under a form, the screen's selection ("id wapo · https://…") would
	// read as what the form holds: a new source's, say.
	hint := ""
	if _, form := m.dialog.(editsText); !form {
		hint = m.top().Hint()
	}
	return m.status.view(&m.ctx.styles, w, m.statusN, hint)
}

// prompting reports whether a prompt has the status line.
func (m *Model) prompting() bool { return m.dialog != nil && m.dialog.Place() == placeStatus }

// helpLine is the short help of what has the keys: the open dialog, else
// the top screen and the global keys.
func (m *Model) helpLine() string {
	if m.dialog != nil {
		h, st := m.ctx.help, &m.ctx.styles
		_, quiet := m.dialog.(quietKeys)
		if quiet {
			h = m.ctx.quietHelp()
			q := *st
			q.HelpKey = q.HelpDesc
			st = &q
		}
		if e, ok := m.dialog.(endKeys); ok {
			own, end := e.footerKeys()
			return footer(st, h, own, end, m.ctx.width)
		}
		return h.ShortHelpView(m.dialog.ShortHelp())
	}
	global := m.ctx.keys.ShortHelp()
	if m.covered() {
		// q is the screen's own key there (back); the help says how to
		// quit from it.
		global = global[:1]
	}
	return footer(&m.ctx.styles, m.ctx.help, m.top().ShortHelp(), global, m.ctx.width)
}

// windowTitle names the investigation and the store it is kept in, so
// that two browsers on two stores can be told apart: "chrono · NSO Group
// and the bags of cash · ~/cases/nso.db".
func (m *Model) windowTitle() string {
	t := "chrono"
	if h := m.ctx.header.Title; h != "" {
		t += " · " + line(h)
	}
	if l := m.ctx.location; l != "" {
		t += " · " + line(l)
	}
	return t
}
