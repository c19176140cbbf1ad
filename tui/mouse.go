package tui

import tea "charm.land/bubbletea/v2"

// wheelStep is how many rows or lines a wheel notch scrolls.
const wheelStep = 3

// wheel scrolls the pane under the pointer.
func (m *Model) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	if m.modal != modalNone {
		return nil
	}
	ev := msg.Mouse()
	delta := wheelStep
	switch ev.Button {
	case tea.MouseWheelUp:
		delta = -wheelStep
	case tea.MouseWheelDown:
	default:
		return nil
	}
	if m.overDetail(ev.X) {
		m.detail.scroll(delta)
		return nil
	}
	m.tl.move(delta)
	return tea.Batch(m.moved(), m.fill())
}

// click selects the row under the pointer, or focuses the pane.
func (m *Model) click(msg tea.MouseClickMsg) tea.Cmd {
	ev := msg.Mouse()
	if m.modal != modalNone || ev.Button != tea.MouseLeft {
		return nil
	}
	if m.overDetail(ev.X) {
		if m.lay.wide {
			m.focus = focusDetail
			m.layoutDetail()
		}
		return nil
	}
	top := m.lay.bodyTop
	if m.lay.titles {
		top++
	}
	row := ev.Y - top
	if row < 0 || row >= m.tl.height {
		return nil
	}
	i := m.tl.offset + row
	if i >= len(m.tl.rows) {
		return nil
	}
	m.focus = focusList
	m.tl.cur = i
	m.tl.follow()
	m.layoutDetail()
	return tea.Batch(m.moved(), m.fill())
}

// overDetail reports whether column x is in the sources pane.
func (m *Model) overDetail(x int) bool {
	if m.lay.wide {
		return x > m.lay.listW
	}
	return m.zoomed
}
