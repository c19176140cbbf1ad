package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// View draws the screen: exactly as many lines as the terminal has, none
// wider than it. It only reads state laid out by Update.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "chrono"
	if m.header.Title != "" {
		v.WindowTitle = "chrono · " + line(m.header.Title)
	}
	return v
}

func (m *Model) render() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	st := &m.styles
	lines := make([]string, 0, h)
	lines = append(lines, m.headerView(w))
	if m.lay.filterBar {
		lines = append(lines, m.filterView(w))
	}
	if m.lay.ruler {
		var at model.Position
		if row, ok := m.tl.selected(); ok {
			at = row.Pos
		}
		lines = append(lines, m.ruler.view(st, w, at))
	}
	lines = append(lines, m.bodyView(w, m.lay.bodyH)...)
	if m.lay.status {
		lines = append(lines, m.statusView(w))
	}
	if m.lay.help {
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

// headerView is the title on the left and where the cursor is on the
// right: "event 3 of 12", with the total when filtered.
func (m *Model) headerView(w int) string {
	st := &m.styles
	title := line(m.header.Title)
	if title == "" {
		title = "chrono"
	}
	var where string
	switch {
	case m.tl.empty():
		where = ""
	case m.tl.total < 0 && m.tl.counted > 0:
		where = "event " + thousands(m.tl.position()+1) + " of " + thousands(m.tl.counted) + "+ (counting…)"
	case m.tl.total < 0:
		where = "event " + thousands(m.tl.position()+1)
	default:
		where = "event " + thousands(m.tl.position()+1) + " of " + thousands(m.tl.total)
		if !m.query.IsZero() && m.allEvents >= 0 {
			where += " (" + thousands(m.allEvents) + " in all)"
		}
	}
	if n := len(m.marks); n > 0 {
		where = fmt.Sprintf("%d marked · %s", n, where)
	}
	room := w - st.width(where) - 2
	if room < 8 {
		return st.fit(st.Count.Render(where), w)
	}
	left := st.fit(st.Title.Render(title), room)
	gap := w - st.width(left) - st.width(where)
	return left + strings.Repeat(" ", max(gap, 1)) + st.Count.Render(where)
}

// filterView lists the active filters and search.
func (m *Model) filterView(w int) string {
	st := &m.styles
	q := m.query
	var parts []string
	if len(q.Statuses) > 0 {
		var s []string
		for _, x := range q.Statuses {
			s = append(s, x.Mark()+" "+string(x))
		}
		parts = append(parts, strings.Join(s, " or "))
	}
	if len(q.Tags) > 0 {
		parts = append(parts, strings.Join(strings.Split(chips(q.Tags), " "), " or "))
	}
	if len(q.Actors) > 0 {
		parts = append(parts, "actor "+line(strings.Join(q.Actors, " or ")))
	}
	if !q.During.IsZero() {
		parts = append(parts, "during "+q.During.Label())
	}
	var s string
	if len(parts) > 0 {
		s = st.FilterBar.Render("filter: "+strings.Join(parts, " · ")) + st.Muted.Render("  (F clears)")
	}
	if m.search != "" {
		if s != "" {
			s += "   "
		}
		s += st.FilterBar.Render("search: /"+m.search) + st.Muted.Render(" · "+m.matchesPhrase()+"  (n/N next, esc clears)")
	}
	return st.fit(s, w)
}

// matchesPhrase says how many events the search matches, or how many so
// far while it counts.
func (m *Model) matchesPhrase() string {
	n := "1 match"
	if m.matches != 1 {
		n = thousands(m.matches) + " matches"
	}
	switch {
	case m.searching && m.matchesDone && m.matches > 0:
		return "searching… · " + n
	case m.searching:
		return "searching…"
	case !m.matchesDone:
		return n + " so far…"
	case m.matches == 0:
		return "no match"
	}
	return n
}

// bodyView is the panes, or the modal that takes their place.
func (m *Model) bodyView(w, h int) []string {
	st := &m.styles
	if h <= 0 {
		return nil
	}
	switch m.modal {
	case modalHelp:
		return m.fullHelpView(w, h)
	case modalPicker:
		return m.picker.view(&m.styles, w, h)
	}
	if !m.lay.wide {
		switch {
		case m.modal == modalNote:
			return m.note.view(&m.styles, w, h)
		case m.zoomed:
			return m.paneView(m.detailTitle(true), true, m.detail.view(), w, h)
		}
		return m.paneView(m.listTitle(), m.focus == focusList, m.listView(w, m.tl.height), w, h)
	}
	left := m.paneView(m.listTitle(), m.focus == focusList, m.listView(m.lay.listW, m.tl.height), m.lay.listW, h)
	var right []string
	if m.modal == modalNote {
		right = m.note.view(&m.styles, m.lay.detailW, h)
	} else {
		right = m.paneView(m.detailTitle(false), m.focus == focusDetail, m.detail.view(), m.lay.detailW, h)
	}
	div := m.styles.Divider.Render("│")
	out := make([]string, h)
	for i := range out {
		out[i] = st.pad(left[i], m.lay.listW) + div + st.fit(right[i], m.lay.detailW)
	}
	return out
}

// paneView puts a title line over a pane's lines when there is room.
func (m *Model) paneView(title string, focused bool, body []string, w, h int) []string {
	st := &m.styles
	out := make([]string, 0, h)
	if m.lay.titles {
		style := m.styles.PaneTitle
		if focused {
			style = m.styles.PaneTitleFocused
		}
		out = append(out, st.fit(style.Render(title), w))
	}
	out = append(out, body...)
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

func (m *Model) listTitle() string {
	if m.tl.total >= 0 {
		return "Chronology · " + plural(m.tl.total, "event")
	}
	return "Chronology"
}

func (m *Model) detailTitle(zoomed bool) string {
	t := "Sources"
	if n := len(m.detail.d.Event.Quotes); n > 0 {
		t += " · " + plural(n, "quote")
	}
	if zoomed {
		t += " · esc back"
	}
	return t
}

// statusView is the prompt while one is open, else the last message, else
// a reminder of the marks.
func (m *Model) statusView(w int) string {
	st := &m.styles
	switch {
	case m.modal == modalPrompt && m.prompt.kind == promptSearch && m.searchMiss && m.search != "":
		return st.fit(m.prompt.view(st, w)+st.Error.Render(missNote), w)
	case m.modal == modalPrompt:
		return m.prompt.view(st, w)
	case m.status != "" && m.statusErr:
		return st.fit(st.Error.Render("✗ "+line(m.status)), w)
	case m.status != "":
		return st.fit(st.Message.Render(line(m.status)), w)
	case len(m.marks) > 0:
		return st.fit(st.Muted.Render(plural(len(m.marks), "marked event")+" · t, T and 1–9 apply to them · esc unmarks"), w)
	}
	return ""
}

// helpLine is the short help of whatever has the keys.
func (m *Model) helpLine() string {
	switch m.modal {
	case modalPicker:
		return m.help.ShortHelpView(m.picker.keys.ShortHelp())
	case modalNote:
		return m.help.ShortHelpView(m.note.keys.ShortHelp())
	case modalPrompt:
		return m.styles.Help.ShortDesc.Render("enter accept · esc cancel · tab complete")
	case modalHelp:
		return m.styles.Help.ShortDesc.Render("any key closes the help")
	}
	return m.help.ShortHelpView(m.keys.ShortHelp())
}

// fullHelpView is the ? screen: every key, in columns.
func (m *Model) fullHelpView(w, h int) []string {
	st := &m.styles
	out := []string{st.fit(m.styles.Heading.Render("Keys"), w), ""}
	for _, l := range strings.Split(m.help.FullHelpView(m.keys.FullHelp()), "\n") {
		out = append(out, st.fit(l, w))
	}
	out = append(out, "", st.fit(m.styles.Muted.Render("Statuses: "+statusLegend()), w))
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
