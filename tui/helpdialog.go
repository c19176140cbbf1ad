package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// helpDialog shows every key of the screen under it, and the global
// keys, laid out in the space there is: its columns side by side as far
// as they fit, the rest in rows below, and the whole scrolled when it is
// taller than the screen. The store open is named on its first line, so
// that it shows at every size. ?, q or esc closes it, as in less; ctrl+c
// quits; the keys that move through the chronology scroll it while there
// is more than fits; any other key does nothing, so that a key meant for
// the screen hidden under it (d, space) never acts unseen, and a stray
// one never loses the page scrolled to.
type helpDialog struct {
	ctx     *shared
	columns [][]key.Binding
	legends []legend
	keys    helpKeys
	// laid out by SetSize: the body under the first line, and where its
	// view starts.
	body []string
	h    int
	top  int
}

type helpKeys struct {
	Down, Up, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom, Close, Quit key.Binding
}

// legend explains the marks a screen draws, after the keys.
type legend struct{ label, text string }

// legended is a screen whose help explains the marks it draws; the help
// of one that is not explains none, as it draws none of them.
type legended interface{ legends() []legend }

// browserLegends are the marks of the chronology and its axis.
func browserLegends() []legend {
	return []legend{{"Statuses:", statusLegend()}, {"Links:", standingLegend()}, {"Rows:", rowLegend}, {"Axis:", axisLegend}}
}

func newHelpDialog(ctx *shared, keys help.KeyMap, global []key.Binding) *helpDialog {
	var legends []legend
	if l, ok := keys.(legended); ok {
		legends = l.legends()
	}
	cols := keys.FullHelp()
	if n := len(cols); n > 0 {
		cols[n-1] = slices.Concat(cols[n-1], global)
	} else {
		cols = [][]key.Binding{global}
	}
	return &helpDialog{ctx: ctx, columns: cols, legends: legends, keys: helpKeys{
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/↑", "scroll")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "ctrl+f"), key.WithHelp("pgdn", "page")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page back")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/G", "start/end")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "end")),
		Close:    key.NewBinding(key.WithKeys("?", "esc", "q"), key.WithHelp("?/esc/q", "close")),
		Quit:     key.NewBinding(key.WithKeys("ctrl+c")),
	}}
}

func (d *helpDialog) quietKeys() {}

// Place implements Dialog: the body.
func (d *helpDialog) Place() place { return placeBody }

// helpGap is the space between two columns of keys.
const helpGap = 3

// SetSize implements Dialog: it lays the help out for the width, and
// turns the scroll keys on when it is taller than the height.
func (d *helpDialog) SetSize(w, h int) {
	d.h = h
	st := &d.ctx.styles
	d.body = append([]string{""}, d.keyRows(w)...)
	if len(d.legends) > 0 {
		d.body = append(d.body, "")
	}
	for _, legend := range d.legends {
		// A legend's lines go on under its first, past its label.
		const indent = "          "
		for i, l := range st.wrap(legend.text, max(w-len(indent), 1)) {
			label := fmt.Sprintf("%-*s", len(indent), legend.label)
			if i > 0 {
				label = indent
			}
			d.body = append(d.body, st.Muted.Render(label+l))
		}
	}
	scroll := len(d.body) > d.rows()+1
	k := &d.keys
	for _, b := range []*key.Binding{&k.Down, &k.Up, &k.PageDown, &k.PageUp, &k.HalfDown, &k.HalfUp, &k.Top, &k.Bottom} {
		b.SetEnabled(scroll)
	}
	d.scroll(0)
}

// rows is how many lines of the body show at once: all under the first
// line but the last, which says how much is below.
func (d *helpDialog) rows() int { return max(d.h-2, 1) }

// scroll moves the view of the body by n lines, within it.
func (d *helpDialog) scroll(n int) {
	if !d.keys.Down.Enabled() {
		d.top = 0
		return
	}
	d.top = min(max(d.top+n, 0), len(d.body)-d.rows())
}

// wheel implements wheelScroller: as many lines as j or k.
func (d *helpDialog) wheel(delta int) { d.scroll(delta) }

// keyRows lays the columns of keys out side by side as far as w allows,
// and the rest in bands below, a blank line between.
func (d *helpDialog) keyRows(w int) []string {
	st := &d.ctx.styles
	hs := d.ctx.help.Styles
	type block struct {
		lines []string
		width int
	}
	var blocks []block
	for _, col := range d.columns {
		var on []key.Binding
		kw := 0
		for _, b := range col {
			if b.Enabled() {
				on = append(on, b)
				kw = max(kw, st.width(b.Help().Key))
			}
		}
		if len(on) == 0 {
			continue
		}
		var bl block
		for _, b := range on {
			l := hs.FullKey.Render(st.pad(b.Help().Key, kw)) + " " + hs.FullDesc.Render(b.Help().Desc)
			bl.lines = append(bl.lines, l)
			bl.width = max(bl.width, st.width(l))
		}
		blocks = append(blocks, bl)
	}
	var out []string
	for len(blocks) > 0 {
		n, used := 1, blocks[0].width
		for n < len(blocks) && used+helpGap+blocks[n].width <= w {
			used += helpGap + blocks[n].width
			n++
		}
		band := blocks[:n]
		blocks = blocks[n:]
		height := 0
		for _, b := range band {
			height = max(height, len(b.lines))
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		for i := range height {
			var l strings.Builder
			for j, b := range band {
				cell := ""
				if i < len(b.lines) {
					cell = b.lines[i]
				}
				if j < len(band)-1 {
					cell = st.pad(cell, b.width+helpGap)
				}
				l.WriteString(cell)
			}
			out = append(out, strings.TrimRight(l.String(), " "))
		}
	}
	return out
}

// ShortHelp implements help.KeyMap.
func (d *helpDialog) ShortHelp() []key.Binding {
	k := &d.keys
	return []key.Binding{k.Down, k.PageDown, k.Top, k.Close}
}

// footerKeys implements endKeys: the way out stays on the footer of a
// narrow screen, the scroll keys give way first.
func (d *helpDialog) footerKeys() (own, end []key.Binding) {
	k := &d.keys
	return []key.Binding{k.Down, k.PageDown, k.Top}, []key.Binding{k.Close}
}

// FullHelp implements help.KeyMap.
func (d *helpDialog) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

// Update implements Dialog.
func (d *helpDialog) Update(msg tea.Msg) (Action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	page := max(d.rows()-1, 1)
	switch {
	case key.Matches(k, d.keys.Quit):
		return quitApp{}, nil
	case key.Matches(k, d.keys.Close):
		return closeDialog{}, nil
	case key.Matches(k, d.keys.Down):
		d.scroll(1)
	case key.Matches(k, d.keys.Up):
		d.scroll(-1)
	case key.Matches(k, d.keys.PageDown):
		d.scroll(page)
	case key.Matches(k, d.keys.PageUp):
		d.scroll(-page)
	case key.Matches(k, d.keys.HalfDown):
		d.scroll(max(page/2, 1))
	case key.Matches(k, d.keys.HalfUp):
		d.scroll(-max(page/2, 1))
	case key.Matches(k, d.keys.Top):
		d.scroll(-len(d.body))
	case key.Matches(k, d.keys.Bottom):
		d.scroll(len(d.body))
	}
	return nil, nil
}

// View implements Dialog: the store open, then every key, then what the
// signs mean, from the line the view is scrolled to.
func (d *helpDialog) View(w, h int) []string {
	st := &d.ctx.styles
	first := st.Heading.Render("Keys")
	if above := min(d.top, len(d.body)); above > 0 {
		// Said where the lines went, as the last line says what is below.
		first += "  " + st.Muted.Render(fmt.Sprintf("↑ %d more", above))
	}
	if l := d.ctx.location; l != "" {
		first += "   " + st.Muted.Render("Store: ") + keepInvestigation(st, line(l), w-st.width(first)-len("   Store: "))
	}
	out := []string{st.fit(first, w)}
	body := d.body[min(d.top, len(d.body)):]
	if d.keys.Down.Enabled() {
		body = body[:min(d.rows(), len(body))]
	}
	for _, l := range body {
		out = append(out, st.fit(l, w))
	}
	if below := len(d.body) - d.top - len(body); below > 0 {
		out = append(out, st.fit(st.Muted.Render(fmt.Sprintf("↓ %d more", below)), w))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:max(h, 0)]
}

// keepInvestigation cuts a location to room cells, keeping the
// investigation a database's ends with ("postgres://… (investigation
// nso)"): a long address would otherwise cut its name off.
func keepInvestigation(st *Styles, l string, room int) string {
	at := strings.LastIndex(l, " (investigation ")
	if at < 0 || st.width(l) <= room {
		return l
	}
	tail := l[at:]
	if st.width(tail)+2 > room {
		return l // the line is cut at its end, as any
	}
	return st.fit(l[:at], room-st.width(tail)) + tail
}

// rowLegend and axisLegend say what the other signs of the chronology
// mean, so that ↯ or ░ can be read without the manual.
var (
	rowLegend = "● marked  " + noteSign + " has notes  " + problemSign +
		" a chronology problem (see the sources pane)"
	axisLegend = barSolid + " known to a cell  " + barShade + " anywhere in span  " +
		barOpenPast + barOpenOn + " open end  " + barUnknown + " end not known  " + barPastEdge + barOnEdge + " runs off screen"
)

func statusLegend() string {
	var s []string
	for _, st := range model.Statuses {
		s = append(s, st.Mark()+" "+string(st))
	}
	return strings.Join(s, "  ")
}
