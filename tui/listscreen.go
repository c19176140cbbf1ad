package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The screens pushed over the browser that list things (the sources, the
// trash) share a frame: a header naming the investigation and what is
// listed, a line of column titles, then the rows under a cursor. A dialog
// takes the place of the titles and rows.

// rowCursor is the cursor of such a list: n rows, height on screen.
type rowCursor struct{ cur, offset, height, n int }

// resize sets how many rows there are and fit on screen, keeping the
// cursor in them.
func (c *rowCursor) resize(n, height int) {
	c.n, c.height = n, max(height, 0)
	c.move(0)
}

// move moves the cursor by d rows and scrolls to keep it on screen.
func (c *rowCursor) move(d int) {
	c.cur = max(0, min(c.cur+d, c.n-1))
	if c.cur < c.offset {
		c.offset = c.cur
	}
	if c.height > 0 && c.cur >= c.offset+c.height {
		c.offset = c.cur - c.height + 1
	}
	c.offset = max(0, min(c.offset, c.n-c.height))
}

// visible are the indexes of the rows on screen, [from, to).
func (c *rowCursor) visible() (from, to int) { return c.offset, min(c.offset+c.height, c.n) }

// listKeys are the movement keys of a list screen and the key that leaves
// it.
type listKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Back key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc/q", "back")),
	}
}

// enable offers the keys that move the cursor c a row or a page where
// they move it: not up from its first row, nor down from its last.
func (k *listKeys) enable(c *rowCursor) {
	up, down := c.cur > 0, c.cur < c.n-1
	k.Up.SetEnabled(up)
	k.PageUp.SetEnabled(up)
	k.Down.SetEnabled(down)
	k.PageDown.SetEnabled(down)
}

// moving is the movement key the footer offers (offeredMove).
func (k *listKeys) moving() key.Binding { return offeredMove(k.Down, k.Up) }

// moveKey moves the cursor for a movement key and reports whether it
// was one.
func (k *listKeys) moveKey(msg tea.KeyPressMsg, c *rowCursor) bool {
	page := max(c.height, 1)
	switch {
	case key.Matches(msg, k.Up):
		c.move(-1)
	case key.Matches(msg, k.Down):
		c.move(1)
	case key.Matches(msg, k.PageUp):
		c.move(-page)
	case key.Matches(msg, k.PageDown):
		c.move(page)
	case key.Matches(msg, k.Top):
		c.move(-c.n)
	case key.Matches(msg, k.Bottom):
		c.move(c.n)
	default:
		return false
	}
	return true
}

// listFrameTop is how many lines the frame takes above the rows: the
// header and the column titles.
const listFrameTop = 2

// listFrame draws a list screen in w×h: the header, then the dialog over
// the rest, else the column titles and the rows (row draws one, safe and
// fitted to w, selected or not), else what says the list is empty.
func listFrame(ctx *shared, w, h int, what, titles string, c *rowCursor, over Dialog, empty string, row func(i int, selected bool) string) []string {
	if w <= 0 || h <= 0 {
		return nil
	}
	st := &ctx.styles
	out := make([]string, 0, h)
	out = append(out, frameHeader(ctx, w, what))
	if over != nil {
		return append(out, over.View(w, h-1)...)
	}
	out = append(out, st.fit(st.PaneTitle.Render(titles), w))
	if c.n == 0 {
		out = append(out, st.fit(st.Muted.Render(empty), w))
	}
	from, to := c.visible()
	for i := from; i < to; i++ {
		out = append(out, row(i, i == c.cur))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

// frameHeader is the first line of the browser and of every screen pushed
// over it: the investigation's title on the left, where the reader is or
// what the screen shows on the right.
func frameHeader(ctx *shared, w int, what string) string {
	st := &ctx.styles
	title := line(ctx.header.Title)
	if title == "" {
		title = "chrono"
	}
	what = ctx.withOthers(ctx.withChainBreak(ctx.withReadOnly(what)), w)
	room := w - st.width(what) - 2
	if room < 8 {
		return st.fit(st.Count.Render(what), w)
	}
	left := st.fit(st.Title.Render(title), room)
	return left + strings.Repeat(" ", max(w-st.width(left)-st.width(what), 1)) + st.Count.Render(what)
}
