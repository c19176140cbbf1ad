package tui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"chrono/model/termtext"
	"chrono/model/verbatim"
)

// sourceView shows a source's text at a quote: scrolled to the passage,
// the quote highlighted (reversed, and between ⟦ and ⟧, so that it reads
// without colour) and the paragraphs around it. The text may be a
// snapshot of 50 MB: it is held, its line starts are found once in a
// command, and only the lines on screen are wrapped and drawn, in
// Update, so that View costs what the screen holds.
type sourceView struct {
	st    *Styles
	title string
	text  string
	// span is the quote, from its first word to its last; parts are
	// what is highlighted (with an ellipsis, what it left out is not).
	span  verbatim.Span
	parts []verbatim.Span
	keys  sourceKeys
	// lines are the offsets where the text's lines start (nil until the
	// command that finds them answers); a line longer than
	// maxSourceLine is cut into several, so that wrapping one costs what
	// a screen holds.
	lines []int
	w, h  int
	// head is the title wrapped to the width: a closest passage's diff
	// must read whole, so it takes the rows it needs, up to a quarter of
	// the screen.
	head []string
	top  rowPos
	// placed is set once the view is scrolled to the quote: after the
	// lines are found and the size known.
	placed bool
	// quoteLine is the line the quote starts on, once placed; shown names
	// what span is, for the footer ("quote", "closest passage"), or is
	// empty when the text has nothing of the quote.
	quoteLine int
	shown     string
	// rows are the lines on screen, drawn by Update; cache holds the
	// rows of lines recently wrapped.
	rows  []string
	cache map[int][]sourceRow
}

// rowPos is a row of the wrapped text: a line and a row of it.
type rowPos struct{ line, row int }

// sourceRow is a row of a wrapped line: its bytes of the text.
type sourceRow struct{ start, end int }

// maxSourceLine is the longest a line is laid out whole, in bytes.
const maxSourceLine = 4096

// The signs around the highlighted quote.
const (
	quoteOpen  = "⟦"
	quoteClose = "⟧"
)

type sourceKeys struct {
	Down, Up, PageDown, PageUp, Top, Bottom, Quote, Close key.Binding
}

// sourceLinesMsg brings the line starts of a source view's text.
type sourceLinesMsg struct {
	view  *sourceView
	lines []int
}

// newSourceView makes a view of text at a quote's range; its Init finds
// the line starts.
func newSourceView(st *Styles, title, text string, span verbatim.Span, parts []verbatim.Span) *sourceView {
	if len(parts) == 0 {
		parts = []verbatim.Span{span}
	}
	return &sourceView{st: st, title: title, text: text, span: span, parts: parts, shown: "quote", cache: map[int][]sourceRow{}, keys: sourceKeys{
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/↑", "scroll")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "ctrl+f"), key.WithHelp("pgdn", "page")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page back")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/G", "start/end")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "end")),
		Quote:    key.NewBinding(key.WithKeys("enter", "."), key.WithHelp("enter", "back to the quote")),
		Close:    key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "close")),
	}}
}

// Init finds the text's line starts, away from Update.
func (v *sourceView) Init() tea.Cmd {
	text := v.text
	return func() tea.Msg { return sourceLinesMsg{view: v, lines: lineStarts(text)} }
}

// lineStarts is where each line of text starts: after each newline, and
// every maxSourceLine bytes of a longer line, at a space where there is
// one near, else at a character's start.
func lineStarts(text string) []int {
	starts := []int{0}
	for at := 0; at < len(text); {
		nl := strings.IndexByte(text[at:], '\n')
		switch {
		case nl >= 0 && nl < maxSourceLine:
			at += nl + 1
		case len(text)-at <= maxSourceLine:
			return starts
		default:
			cut := at + maxSourceLine
			if sp := strings.LastIndexByte(text[cut-maxSourceLine/8:cut], ' '); sp >= 0 {
				cut = cut - maxSourceLine/8 + sp + 1
			}
			for cut > at && !utf8.RuneStart(text[cut]) {
				cut--
			}
			at = cut
		}
		if at < len(text) || text[len(text)-1] == '\n' {
			starts = append(starts, at)
		}
	}
	return starts
}

// Place implements Dialog: the body.
func (v *sourceView) Place() place { return placeBody }

// SetSize implements Dialog: the text is laid out again at the width.
func (v *sourceView) SetSize(w, h int) {
	if w != v.w {
		clear(v.cache)
	}
	v.w, v.h = w, h
	v.head = v.titleRows(w, h)
	v.layout()
}

// titleRows is the title wrapped to w cells, in at most a quarter of h
// rows (one at least), the last shortened if it must be.
func (v *sourceView) titleRows(w, h int) []string {
	rows := v.st.wrap(line(v.title), w)
	if most := max(h/4, 1); len(rows) > most {
		rest := strings.Join(rows[most-1:], " ")
		rows = append(rows[:most-1], v.st.fit(rest, w))
	}
	if len(rows) == 0 {
		rows = []string{""}
	}
	for i, r := range rows {
		rows[i] = v.st.Heading.Render(r)
	}
	return rows
}

// bodyRows is how many rows of text show: all but the title and the
// footer.
func (v *sourceView) bodyRows() int { return max(v.h-1-max(len(v.head), 1), 1) }

// layout places the view at the quote once it can, and draws the rows.
func (v *sourceView) layout() {
	if v.lines == nil || v.w <= 0 {
		return
	}
	if !v.placed {
		v.placed = true
		v.toQuote()
	}
	v.quoteLine = v.rowAt(v.span.Start).line
	v.draw()
}

// toQuote scrolls to the quote: its first row a third of the way down,
// or lower when the paragraph before it is short enough to show whole.
func (v *sourceView) toQuote() {
	at := v.rowAt(v.span.Start)
	context := v.bodyRows() / 3
	// Show from the start of the paragraph before the quote's when it
	// fits in the context rows.
	start := v.paragraphStart(v.paragraphStart(at.line) - 1)
	n, p := 0, at
	for n < context {
		q, ok := v.up(p)
		if !ok || q.line < start {
			break
		}
		p, n = q, n+1
	}
	v.top = p
}

// paragraphStart is the first line of the paragraph line i is in (or
// the blank lines before a paragraph are in): lines after a blank one.
func (v *sourceView) paragraphStart(i int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && v.blank(i) {
		i--
	}
	for i > 0 && !v.blank(i-1) {
		i--
	}
	return i
}

// blank says whether line i holds only white space.
func (v *sourceView) blank(i int) bool {
	return strings.TrimSpace(v.text[v.lines[i]:v.lineEnd(i)]) == ""
}

// lineEnd is where line i ends, before its newline.
func (v *sourceView) lineEnd(i int) int {
	end := len(v.text)
	if i+1 < len(v.lines) {
		end = v.lines[i+1]
	}
	return v.lines[i] + len(strings.TrimRight(v.text[v.lines[i]:end], "\r\n"))
}

// rowAt is the row holding byte offset of the text.
func (v *sourceView) rowAt(offset int) rowPos {
	i := max(sort.Search(len(v.lines), func(i int) bool { return v.lines[i] > offset })-1, 0)
	rows := v.wrapped(i)
	r := sort.Search(len(rows), func(r int) bool { return rows[r].end > offset })
	return rowPos{i, min(r, len(rows)-1)}
}

// up is the row above p.
func (v *sourceView) up(p rowPos) (rowPos, bool) {
	if p.row > 0 {
		return rowPos{p.line, p.row - 1}, true
	}
	if p.line == 0 {
		return p, false
	}
	return rowPos{p.line - 1, len(v.wrapped(p.line-1)) - 1}, true
}

// down is the row below p.
func (v *sourceView) down(p rowPos) (rowPos, bool) {
	if p.row+1 < len(v.wrapped(p.line)) {
		return rowPos{p.line, p.row + 1}, true
	}
	if p.line+1 >= len(v.lines) {
		return p, false
	}
	return rowPos{p.line + 1, 0}, true
}

// lastTop is the top row that shows the end of the text at the bottom.
func (v *sourceView) lastTop() rowPos {
	last := len(v.lines) - 1
	p := rowPos{last, len(v.wrapped(last)) - 1}
	for range v.bodyRows() - 1 {
		q, ok := v.up(p)
		if !ok {
			break
		}
		p = q
	}
	return p
}

// scroll moves the top by n rows, down when n > 0, no further than
// shows the end at the bottom.
func (v *sourceView) scroll(n int) {
	for ; n < 0; n++ {
		p, ok := v.up(v.top)
		if !ok {
			break
		}
		v.top = p
	}
	if n == 0 {
		return
	}
	limit := v.lastTop()
	for ; n > 0 && v.top != limit; n-- {
		p, ok := v.down(v.top)
		if !ok {
			break
		}
		v.top = p
	}
}

// wheel implements wheelScroller: as many rows as j or k, once the
// view is placed at the quote.
func (v *sourceView) wheel(delta int) {
	if v.lines == nil || !v.placed {
		return
	}
	v.scroll(delta)
	v.draw()
}

// wrapped is line i laid out in rows of the view's width, at spaces
// where it can be; the signs around the quote take their cells.
func (v *sourceView) wrapped(i int) []sourceRow {
	if rows, ok := v.cache[i]; ok {
		return rows
	}
	if len(v.cache) > 512 {
		clear(v.cache)
	}
	start, end := v.lines[i], v.lineEnd(i)
	var rows []sourceRow
	w := max(v.w, 1)
	rowStart, cells, lastSpace := start, 0, -1
	for at := start; at < end; {
		cw, size := v.cells(at)
		if at == v.span.Start {
			cw++
		}
		if at+size == v.span.End {
			cw++
		}
		if cells+cw > w && at > rowStart {
			cut := at
			if lastSpace > rowStart {
				cut = lastSpace
			}
			rows = append(rows, sourceRow{rowStart, cut})
			rowStart, lastSpace, cells = cut, -1, 0
			for at = cut; at < end && at != v.span.Start && v.text[at] == ' '; at++ {
				rowStart = at + 1
			}
			continue
		}
		if v.text[at] == ' ' {
			lastSpace = at + 1
		}
		cells += cw
		at += size
	}
	rows = append(rows, sourceRow{rowStart, end})
	v.cache[i] = rows
	return rows
}

// cells is how wide the character at offset at shows, safe, and its
// size in bytes.
func (v *sourceView) cells(at int) (int, int) {
	c := v.text[at]
	if c >= ' ' && c < utf8.RuneSelf && c != 0x7f {
		return 1, 1
	}
	_, size := utf8.DecodeRuneInString(v.text[at:])
	return v.st.width(termtext.Line(v.text[at : at+size])), size
}

// draw renders the rows on screen.
func (v *sourceView) draw() {
	v.rows = v.rows[:0]
	p, ok := v.top, true
	for range v.bodyRows() {
		if !ok {
			break
		}
		r := v.wrapped(p.line)[p.row]
		v.rows = append(v.rows, v.st.fit(v.render(r), v.w))
		p, ok = v.down(p)
		if ok && p == v.top {
			break
		}
	}
}

// render draws a row: the text made safe, the quote's parts reversed,
// its signs around it.
func (v *sourceView) render(r sourceRow) string {
	hl := lipgloss.NewStyle().Reverse(true)
	sign := v.st.Heading
	var b strings.Builder
	seg, on := r.start, false
	flush := func(to int) {
		if to > seg {
			s := termtext.Line(v.text[seg:to])
			if on {
				s = hl.Render(s)
			}
			b.WriteString(s)
		}
		seg = to
	}
	for at := r.start; at <= r.end; {
		in := v.inQuote(at)
		if at == v.span.Start || at == v.span.End || in != on {
			flush(at)
			on = in
		}
		if at == v.span.End && at > r.start && v.span.End > v.span.Start {
			b.WriteString(sign.Render(quoteClose))
		}
		if at == v.span.Start && v.span.End > v.span.Start && at < r.end {
			b.WriteString(sign.Render(quoteOpen))
		}
		if at == r.end {
			break
		}
		_, size := utf8.DecodeRuneInString(v.text[at:])
		at += size
	}
	flush(r.end)
	return b.String()
}

// inQuote says whether offset at is in one of the quote's parts.
func (v *sourceView) inQuote(at int) bool {
	for _, p := range v.parts {
		if at >= p.Start && at < p.End {
			return true
		}
	}
	return false
}

// ShortHelp implements help.KeyMap.
func (v *sourceView) ShortHelp() []key.Binding {
	k := &v.keys
	return []key.Binding{k.Down, k.PageDown, k.Quote, k.Close}
}

// FullHelp implements help.KeyMap.
func (v *sourceView) FullHelp() [][]key.Binding {
	k := &v.keys
	return [][]key.Binding{append(movesForHelp(k.Down, k.Up, k.PageDown, k.PageUp), k.Top, k.Bottom, k.Quote, k.Close)}
}

// Update implements Dialog.
func (v *sourceView) Update(msg tea.Msg) (Action, tea.Cmd) {
	switch msg := msg.(type) {
	case sourceLinesMsg:
		if msg.view == v {
			v.lines = msg.lines
			v.layout()
		}
		return nil, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, v.keys.Close) {
			return closeDialog{}, nil
		}
		if v.lines == nil || !v.placed {
			return nil, nil
		}
		page := max(v.bodyRows()-1, 1)
		switch {
		case key.Matches(msg, v.keys.Down):
			v.scroll(1)
		case key.Matches(msg, v.keys.Up):
			v.scroll(-1)
		case key.Matches(msg, v.keys.PageDown):
			v.scroll(page)
		case key.Matches(msg, v.keys.PageUp):
			v.scroll(-page)
		case key.Matches(msg, v.keys.Top):
			v.top = rowPos{}
		case key.Matches(msg, v.keys.Bottom):
			v.top = v.lastTop()
		case key.Matches(msg, v.keys.Quote):
			v.toQuote()
		default:
			return nil, nil
		}
		v.draw()
	}
	return nil, nil
}

// View implements Dialog: the title, the rows drawn, and where in the
// text they are.
func (v *sourceView) View(w, h int) []string {
	out := v.titleRows(w, h)
	if v.lines == nil {
		out = append(out, v.st.Muted.Render("finding the lines of the text…"))
	} else {
		out = append(out, v.rows...)
	}
	for len(out) < h-1 {
		out = append(out, "")
	}
	if v.lines != nil && h >= 2 {
		pos := fmt.Sprintf("line %d of %d", v.top.line+1, len(v.lines))
		if v.shown != "" {
			pos += fmt.Sprintf(" · %s at line %d", v.shown, v.quoteLine+1)
		}
		out = append(out[:h-1], v.st.fit(v.st.Muted.Render(pos), w))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:max(h, 0)]
}
