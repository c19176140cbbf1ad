package sshd

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model/termtext"
	"chrono/tui"
)

// sessionModel is what a session's program runs: the investigations to
// pick from when the key may see more than one, then the browser.
type sessionModel struct {
	invs    []Investigation
	roles   []tui.Role
	open    func(i int) (*tui.Session, error)
	program *tea.Program

	cur     int
	problem string
	size    tea.WindowSizeMsg
	browser *tui.Session
	inner   tea.Model
	// display, when set, is given every frame to draw on the client.
	display *display
}

func (m *sessionModel) Init() tea.Cmd {
	if len(m.invs) == 1 {
		return m.choose(0)
	}
	return nil
}

// choose opens the browser on the i-th investigation.
func (m *sessionModel) choose(i int) tea.Cmd {
	b, err := m.open(i)
	if err != nil {
		m.problem = termtext.Line(err.Error())
		return nil
	}
	m.browser, m.inner = b, b.Model()
	if m.program != nil {
		b.Started(m.program)
	}
	size := m.size
	cmd := m.inner.Init()
	if size.Width > 0 {
		cmd = tea.Batch(cmd, func() tea.Msg { return size })
	}
	return cmd
}

func (m *sessionModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(tea.WindowSizeMsg); ok {
		m.size = s
		if m.display != nil {
			m.display.resize(s.Height)
		}
	}
	if m.inner != nil {
		var cmd tea.Cmd
		m.inner, cmd = m.inner.Update(msg)
		return m, cmd
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch k.String() {
	case "up", "k":
		m.cur = max(m.cur-1, 0)
	case "down", "j":
		m.cur = min(m.cur+1, len(m.invs)-1)
	case "enter":
		return m, m.choose(m.cur)
	case "q", "ctrl+c", "esc":
		return m, tea.Quit
	}
	return m, nil
}

// View draws the frame and hands it to the session's display, which
// draws it on the client in place of Bubble Tea's renderer.
func (m *sessionModel) View() tea.View {
	v := m.view()
	if m.display != nil {
		m.display.show(v)
	}
	return v
}

func (m *sessionModel) view() tea.View {
	if m.inner != nil {
		return m.inner.View()
	}
	var b strings.Builder
	b.WriteString("Which investigation?\n\n")
	from, to := m.window()
	if to-from < len(m.invs) {
		b.WriteString(more("↑", from))
	}
	for i := from; i < to; i++ {
		mark := "  "
		if i == m.cur {
			mark = "> "
		}
		fmt.Fprintf(&b, "%s%s (%s)\n", mark, termtext.Line(m.invs[i].Name), m.roles[i])
	}
	if to-from < len(m.invs) {
		b.WriteString(more("↓", len(m.invs)-to))
	}
	b.WriteString("\n↑/↓ choose · enter open · q quit\n")
	if m.problem != "" {
		b.WriteString("\n✗ " + m.problem + "\n")
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

// window is the investigations the picker shows, from..to, around the
// cursor: as many as the terminal's height leaves room for, so that the
// cursor and the keys' hint stay on screen however many are served.
func (m *sessionModel) window() (from, to int) {
	rows := len(m.invs)
	if m.size.Height > 0 {
		fixed := 4 // the question, a blank line, a blank line and the hint
		if m.problem != "" {
			fixed += 2
		}
		rows = m.size.Height - fixed
	}
	if rows >= len(m.invs) {
		return 0, len(m.invs)
	}
	rows = max(rows-2, 1) // a line above and below says how many more
	from = min(max(m.cur-rows/2, 0), len(m.invs)-rows)
	return from, from + rows
}

// more is the line that says how many investigations are off screen
// towards arrow, blank when none.
func more(arrow string, n int) string {
	if n == 0 {
		return "\n"
	}
	return fmt.Sprintf("  %s %d more\n", arrow, n)
}

// typedAway is what was typed in the browser's open form, not saved, once
// the program has ended: "" for nothing.
func (m *sessionModel) typedAway() string {
	if m.browser == nil {
		return ""
	}
	return m.browser.TypedAway()
}

// leaveDraft keeps what was typed in the browser's open form, not saved,
// once the program has ended (tui.Session.LeaveDraft).
func (m *sessionModel) leaveDraft() (bool, error) {
	if m.browser == nil {
		return false, nil
	}
	return m.browser.LeaveDraft()
}

// finish makes the browser's last changes, once the program has ended.
func (m *sessionModel) finish() error {
	if m.browser == nil {
		return nil
	}
	return m.browser.Finish()
}
