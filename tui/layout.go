package tui

// wideLayout is the narrowest screen on which both panes fit side by side.
const wideLayout = 100

// layout is where everything of the browser sits on its screen, worked
// out in Update whenever the size or the chrome changes. The status and
// help lines under it are the root's (Model.fit).
type layout struct {
	filterBar, ruler, titles bool
	bodyTop, bodyH           int // first line and height of the panes
	wide                     bool
	listW, detailW           int // detailW is 0 on a narrow screen
}

// relayout fits the chrome to the screen: the panes keep at least a few
// lines, and on a tiny screen the pane titles, the ruler and the filter
// line go in that order.
func (b *browser) relayout() {
	w, h := b.width, b.height
	l := layout{
		filterBar: b.filtered(),
		ruler:     true,
		titles:    true,
	}
	chrome := func() int {
		n := 1 // the header
		for _, on := range []bool{l.filterBar, l.ruler, l.titles} {
			if on {
				n++
			}
		}
		return n
	}
	for _, drop := range []*bool{&l.titles, &l.ruler, &l.filterBar} {
		if h-chrome() >= 3 {
			break
		}
		*drop = false
	}
	l.bodyTop = 1
	if l.filterBar {
		l.bodyTop++
	}
	if l.ruler {
		l.bodyTop++
	}
	l.bodyH = max(h-chrome(), 0)
	if l.titles {
		l.bodyH++ // the pane titles are the body's first line
	}
	if h <= 1 {
		l.bodyH = 0
	}
	l.wide = w >= wideLayout
	l.listW = w
	// The pane with the keys stays on screen across a resize: a narrow
	// screen shows the focused sources full-screen, and a wide one gives
	// the keys to the sources it showed full-screen.
	if l.wide {
		l.listW = w * 11 / 20
		l.detailW = w - l.listW - 1 // the divider
		if b.zoomed {
			b.focus = focusDetail
		}
		b.zoomed = false
	} else if b.focus == focusDetail {
		b.focus, b.zoomed = focusList, true
	}
	b.lay = l

	paneH := l.bodyH
	if l.titles {
		paneH--
	}
	paneH = max(paneH, 0)
	b.axis.scale = 0
	if b.axis.on && paneH > 1 {
		b.axis.scale = 1 // the time axis's scale
	}
	b.tl.setHeight(paneH - b.axis.scale)
	if l.wide {
		b.detail.resize(l.detailW, paneH)
	} else {
		b.detail.resize(w, paneH)
	}
	b.layoutDetail()
}

// layoutDetail lays the sources pane out again.
func (b *browser) layoutDetail() {
	b.detail.layout(&b.ctx.styles, b.search.text, b.focus == focusDetail || b.zoomed, b.ctx.zone)
}

// filtered reports whether the view is narrower than the whole store.
func (b *browser) filtered() bool { return !b.query.IsZero() || b.search.text != "" }
