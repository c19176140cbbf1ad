package tui

import tea "charm.land/bubbletea/v2"

// wheelStep is how many rows or lines a wheel notch scrolls.
const wheelStep = 3

// wheel scrolls the pane under the pointer.
func (b *browser) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	ev := msg.Mouse()
	delta := wheelStep
	switch ev.Button {
	case tea.MouseWheelUp:
		delta = -wheelStep
	case tea.MouseWheelDown:
	default:
		return nil
	}
	if b.overDetail(ev.X) {
		b.detail.scroll(delta)
		return nil
	}
	b.tl.move(delta)
	return tea.Batch(b.moved(), b.fill())
}

// click selects the row under the pointer, or focuses the pane.
func (b *browser) click(msg tea.MouseClickMsg) tea.Cmd {
	ev := msg.Mouse()
	if ev.Button != tea.MouseLeft {
		return nil
	}
	if b.overDetail(ev.X) {
		if b.lay.wide {
			b.focus = focusDetail
			b.layoutDetail()
		}
		return nil
	}
	top := b.lay.bodyTop
	if b.lay.titles {
		top++
	}
	row := ev.Y - top
	if row < 0 || row >= b.tl.height {
		return nil
	}
	i := b.tl.offset + row
	if i >= len(b.tl.rows) {
		return nil
	}
	b.focus = focusList
	b.tl.cur = i
	b.tl.follow()
	b.layoutDetail()
	return tea.Batch(b.moved(), b.fill())
}

// overDetail reports whether column x is in the sources pane.
func (b *browser) overDetail(x int) bool {
	if b.lay.wide {
		return x > b.lay.listW
	}
	return b.zoomed
}
