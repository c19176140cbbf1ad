package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// wheelStep is how many rows or lines a wheel notch scrolls.
const wheelStep = 3

// wheelDelta is how far a wheel notch scrolls: wheelStep lines, down
// when positive; ok is false for a sideways wheel, which scrolls nothing.
func wheelDelta(msg tea.MouseWheelMsg) (delta int, ok bool) {
	switch msg.Mouse().Button {
	case tea.MouseWheelUp:
		return -wheelStep, true
	case tea.MouseWheelDown:
		return wheelStep, true
	}
	return 0, false
}

// wheelScroller is a dialog that scrolls, as the help and a source's
// text do, or whose cursor moves down a list, as the pickers' does: the
// wheel scrolls it or moves the cursor by delta lines, as its line keys
// would. Only such a dialog is given the wheel: a form would take it for
// input.
type wheelScroller interface{ wheel(delta int) }

// wheel scrolls the pane under the pointer.
func (b *browser) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	delta, ok := wheelDelta(msg)
	if !ok {
		return nil
	}
	if b.overDetail(msg.Mouse().X) {
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
		}
		return b.clickSources(ev.Y)
	}
	i, ok := b.lineRow(ev.Y - b.paneTop())
	if !ok {
		return nil
	}
	b.focus = focusList
	b.tl.cur = i
	b.tl.follow()
	b.layoutDetail()
	return tea.Batch(b.moved(), b.fill())
}

// paneTop is the screen line of the panes' first row.
func (b *browser) paneTop() int {
	if b.lay.titles {
		return b.lay.bodyTop + 1
	}
	return b.lay.bodyTop
}

// click is where and when the last click in the sources pane was.
type click struct {
	at   time.Time
	id   string // the event shown
	item int
}

// doubleClick is the longest time between the clicks of a double click.
const doubleClick = 400 * time.Millisecond

// clickSources selects the quote, link or note under screen line y of the
// sources pane; a second click on a link soon after follows it.
func (b *browser) clickSources(y int) tea.Cmd {
	defer b.layoutDetail()
	p := &b.detail
	row := y - b.paneTop()
	if row < 0 || row >= p.height {
		return nil
	}
	i, ok := p.itemAt(row)
	if !ok {
		return nil
	}
	now := b.ctx.now()
	last := b.lastClick
	b.lastClick = click{at: now, id: p.id(), item: i}
	p.sel = i
	if !p.marked(i) {
		p.reveal() // a link clicked below its first line, which has its ›
	}
	if last.id == p.id() && last.item == i && now.Sub(last.at) <= doubleClick {
		if _, isLink := p.link(); isLink {
			b.lastClick = click{}
			return b.followLink()
		}
	}
	return nil
}

// overDetail reports whether column x is in the sources pane.
func (b *browser) overDetail(x int) bool {
	if b.lay.wide {
		return x > b.lay.listW
	}
	return b.zoomed
}
