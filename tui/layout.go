package tui

// wideLayout is the narrowest screen on which both panes fit side by side.
const wideLayout = 100

// layout is where everything sits on the screen, worked out in Update
// whenever the size or the chrome changes.
type layout struct {
	filterBar, ruler, titles, status, help bool
	bodyTop, bodyH                         int // first line and height of the panes
	wide                                   bool
	listW, detailW                         int // detailW is 0 on a narrow screen
}

// relayout fits the chrome to the screen: the panes keep at least a few
// lines, and on a tiny screen the help, ruler, status and filter lines go
// in that order.
func (m *Model) relayout() {
	w, h := m.width, m.height
	l := layout{
		filterBar: m.filtered(),
		ruler:     true,
		titles:    true,
		status:    true,
		help:      true,
	}
	chrome := func() int {
		n := 1 // the header
		for _, on := range []bool{l.filterBar, l.ruler, l.titles, l.status, l.help} {
			if on {
				n++
			}
		}
		return n
	}
	for _, drop := range []*bool{&l.help, &l.titles, &l.ruler, &l.filterBar, &l.status} {
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
	if l.wide {
		l.listW = w * 11 / 20
		l.detailW = w - l.listW - 1 // the divider
		m.zoomed = false
	}
	m.lay = l

	paneH := l.bodyH
	if l.titles {
		paneH--
	}
	paneH = max(paneH, 0)
	m.tl.setHeight(paneH)
	m.detail.height = paneH
	if l.wide {
		m.detail.width = l.detailW
	} else {
		m.detail.width = w
	}
	m.layoutDetail()
	m.help.SetWidth(w)
	if m.modal == modalPrompt {
		m.prompt.setWidth(&m.styles, w)
	}
	if m.modal == modalNote {
		m.note.resize(m.noteWidth(), paneH)
	}
}

// noteWidth is the width of the note editor: the sources pane's.
func (m *Model) noteWidth() int { return m.detail.width }

// layoutDetail lays the sources pane out again.
func (m *Model) layoutDetail() {
	m.detail.layout(&m.styles, m.search, m.focus == focusDetail || m.zoomed)
}

// filtered reports whether the view is narrower than the whole store.
func (m *Model) filtered() bool { return !m.query.IsZero() || m.search != "" }
