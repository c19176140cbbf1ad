package tui

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/listing"
)

// sidesScreen puts the competing accounts of an event's claim side by
// side: on the left what asserts it, on the right what denies or
// disputes it, each with who said it, where and when. It weighs nothing:
// the reader sees the evidence on each side and judges.
type sidesScreen struct {
	ctx    *shared
	keys   sidesKeys
	id     string
	sides  model.Sides
	loaded bool
	err    error
	// cols are each side's lines, laid out for the width when the
	// accounts arrive or the size changes, so that View only slices them.
	cols  [2][]string
	top   [2]int
	focus int // the side the keys scroll: 0 left, 1 right
	w, h  int
}

type sidesKeys struct {
	listKeys
	Switch key.Binding
}

// The two sides.
const (
	sideFor = iota
	sideAgainst
)

// sidesMsg brings the accounts of an event's claim.
type sidesMsg struct {
	id    string
	sides model.Sides
	err   error
}

func loadSides(s model.Store, id string) tea.Cmd {
	return func() tea.Msg {
		sides, err := model.ReadSides(s, id)
		if err != nil {
			err = fmt.Errorf("reading the accounts of event %q: %w", id, err)
		}
		return sidesMsg{id: id, sides: sides, err: err}
	}
}

func newSidesScreen(ctx *shared, id string) *sidesScreen {
	return &sidesScreen{ctx: ctx, id: id, keys: sidesKeys{
		listKeys: newListKeys(),
		Switch:   key.NewBinding(key.WithKeys("tab", "left", "right", "h", "l"), key.WithHelp("tab/←/→", "other side")),
	}}
}

// Init implements Screen.
func (s *sidesScreen) Init() tea.Cmd { return loadSides(s.ctx.store, s.id) }

// Update implements Screen.
func (s *sidesScreen) Update(msg tea.Msg) (Action, tea.Cmd) {
	switch msg := msg.(type) {
	case sidesMsg:
		if msg.id != s.id {
			return nil, nil
		}
		if msg.err != nil {
			s.err = msg.err
			return nil, fail(msg.err)
		}
		s.sides, s.loaded, s.err = msg.sides, true, nil
		s.layout()
		return nil, nil
	case showEventsMsg:
		if msg.written {
			return nil, loadSides(s.ctx.store, s.id) // a quote or a link may have changed
		}
		return nil, nil
	case storeChangedMsg:
		return nil, loadSides(s.ctx.store, s.id)
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.MouseWheelMsg:
		s.wheel(msg.Mouse())
	}
	return nil, nil
}

// wheel scrolls the side under the pointer, which takes the keys.
func (s *sidesScreen) wheel(m tea.Mouse) {
	lw, _ := s.widths()
	switch m.Button {
	case tea.MouseWheelUp, tea.MouseWheelDown:
		s.focus = sideFor
		if m.X > lw {
			s.focus = sideAgainst
		}
		n := wheelStep
		if m.Button == tea.MouseWheelUp {
			n = -n
		}
		s.scroll(n)
		s.updateKeys()
	}
}

func (s *sidesScreen) key(msg tea.KeyPressMsg) (Action, tea.Cmd) {
	k := &s.keys
	page := max(s.rows(), 1)
	switch {
	case key.Matches(msg, k.Back):
		return popScreen{}, nil
	case key.Matches(msg, k.Switch):
		s.focus = 1 - s.focus
	case key.Matches(msg, k.Up):
		s.scroll(-1)
	case key.Matches(msg, k.Down):
		s.scroll(1)
	case key.Matches(msg, k.PageUp):
		s.scroll(-page)
	case key.Matches(msg, k.PageDown):
		s.scroll(page)
	case key.Matches(msg, k.Top):
		s.scroll(-len(s.cols[s.focus]))
	case key.Matches(msg, k.Bottom):
		s.scroll(len(s.cols[s.focus]))
	}
	s.updateKeys()
	return nil, nil
}

// sidesTop is how many lines the screen takes above the columns: the
// header, the event, the columns' titles.
const sidesTop = 3

// rows is how many lines of each side show at once.
func (s *sidesScreen) rows() int { return max(s.h-sidesTop, 0) }

// scroll moves the focused side by n lines, within it.
func (s *sidesScreen) scroll(n int) {
	s.top[s.focus] = s.clamp(s.focus, s.top[s.focus]+n)
}

func (s *sidesScreen) clamp(side, top int) int {
	return max(0, min(top, len(s.cols[side])-s.rows()))
}

// widths are the two columns' widths, either side of the divider.
func (s *sidesScreen) widths() (left, right int) {
	left = max(s.w-1, 0) / 2
	return left, max(s.w-1-left, 0)
}

// SetSize implements Screen.
func (s *sidesScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.layout()
}

// layout lays each side out for its column, a cell in from the divider.
func (s *sidesScreen) layout() {
	if !s.loaded {
		return
	}
	lw, rw := s.widths()
	s.cols[sideFor] = s.side(s.sides.For, lw-1,
		"Nothing asserts it: no quote of the event asserts it, and no event supports it.")
	s.cols[sideAgainst] = s.side(s.sides.Against, rw-1,
		"Nothing denies or disputes it: no quote of the event denies it, and no event disputes it.")
	for i := range s.top {
		s.top[i] = s.clamp(i, s.top[i])
	}
	if s.longer(sideFor) != s.longer(sideAgainst) && !s.longer(s.focus) {
		s.focus = 1 - s.focus // the keys scroll the side that scrolls
	}
	s.updateKeys()
}

// longer reports whether a side has more lines than the screen.
func (s *sidesScreen) longer(side int) bool { return len(s.cols[side]) > s.rows() }

// updateKeys offers the keys that scroll only where they would move the
// focused side (up not at its top, down not at its end), and tab only
// when both sides scroll.
func (s *sidesScreen) updateKeys() {
	scrolls := s.longer(s.focus)
	top, end := s.top[s.focus] == 0, s.top[s.focus] >= s.clamp(s.focus, len(s.cols[s.focus]))
	for _, b := range []*key.Binding{&s.keys.Up, &s.keys.PageUp, &s.keys.Top} {
		b.SetEnabled(scrolls && !top)
	}
	for _, b := range []*key.Binding{&s.keys.Down, &s.keys.PageDown, &s.keys.Bottom} {
		b.SetEnabled(scrolls && !end)
	}
	s.keys.Switch.SetEnabled(s.longer(sideFor) && s.longer(sideAgainst))
}

// side lays the accounts of a side out in w cells: each quote with who
// said it and the source it was published in (which dates it), each
// other event with its date, its status and its quotes.
func (s *sidesScreen) side(accounts []model.Account, w int, none string) []string {
	st := &s.ctx.styles
	var out []string
	if w <= 0 {
		return nil
	}
	text := func(t string, style Ink, indent string) {
		for _, l := range st.wrap(t, w-st.width(indent)) {
			out = append(out, st.fit(indent+style.Render(l), w))
		}
	}
	quote := func(q model.Quote, indent string, stance bool) {
		bar := indent + st.QuoteBar.Render("│ ")
		text(model.Quoted(q.Text), st.Quote, bar)
		said := q
		if !stance {
			said.Stance = ""
		}
		// Said as the sources pane says it, always a line: a quote on a
		// side of a dispute without a speaker is seen to have none.
		who := quoteAttribution(said)
		if who == "" {
			who = "— unattributed"
		}
		text(who, st.Label, bar)
		src, ok := s.sides.Sources[q.Source]
		switch {
		case ok:
			text(listing.SourceName(src), st.Label, bar) // its name and publication date
		case q.Source != "":
			text("source "+q.Source+" (not in the store)", st.Error, bar)
		default:
			text("no source given", st.Muted, bar)
		}
	}
	if len(accounts) == 0 {
		text(none, st.Muted, "")
	}
	for i, a := range accounts {
		if i > 0 {
			out = append(out, "")
		}
		if a.Rel == "" {
			quote(a.Quotes[0], "", false)
			continue
		}
		title := cutTitle(a.Event.Title, mostLinked)
		if title == "" {
			title = a.Event.ID
		}
		if a.Missing {
			text(a.Rel.Phrase()+": "+title+" (not in the store)", st.Error, "")
			continue
		}
		text(a.Rel.Phrase()+": "+title, st.Link, "")
		facts := a.Event.Date.LabelIn(s.ctx.zone) + " · " + a.Event.Status.Word() + " · " + plural(len(a.Quotes), "quote")
		text(facts, st.Label, "  ")
		for j, q := range a.Quotes {
			if j > 0 {
				out = append(out, "  "+st.QuoteBar.Render("│"))
			}
			quote(q, "  ", true)
		}
	}
	return out
}

// FullHeight implements Screen: the top and three lines of each side.
func (s *sidesScreen) FullHeight() int { return sidesTop + 3 }

// Area implements Screen: a dialog takes everything under the header.
func (s *sidesScreen) Area(place) (w, h int) { return s.w, max(s.h-1, 0) }

// Latest implements Screen: this screen edits no event.
func (s *sidesScreen) Latest(string) (model.Event, bool) { return model.Event{}, false }

// Hint implements Screen.
func (s *sidesScreen) Hint() string {
	if !s.loaded {
		return ""
	}
	return "no verdict: each side shows what is on record · id " + line(s.id)
}

// ShortHelp implements help.KeyMap.
func (s *sidesScreen) ShortHelp() []key.Binding {
	k := &s.keys
	move := k.Down
	if !move.Enabled() {
		move = k.Up // at the side's end, the way back
	}
	return []key.Binding{move, k.Switch, k.Back}
}

// FullHelp implements help.KeyMap.
func (s *sidesScreen) FullHelp() [][]key.Binding {
	k := &s.keys
	return [][]key.Binding{append(movesForHelp(k.Up, k.Down, k.PageUp, k.PageDown), k.Top, k.Bottom), {k.Switch, k.Back}}
}

// View implements Screen: it slices the lines laid out beforehand.
func (s *sidesScreen) View(over Dialog) []string {
	if s.w <= 0 || s.h <= 0 {
		return nil
	}
	st := &s.ctx.styles
	out := make([]string, 0, s.h)
	out = append(out, frameHeader(s.ctx, s.w, "Accounts side by side"))
	if over != nil {
		return append(out, over.View(s.w, s.h-1)...)
	}
	e := &s.sides.Event
	switch {
	case s.err != nil && !s.loaded:
		out = append(out, st.fit(st.Error.Render(line(clip(s.err.Error(), s.w))), s.w))
	case !s.loaded:
		out = append(out, st.fit(st.Muted.Render("loading…"), s.w))
	default:
		about := e.Status.Mark() + " " + line(clip(e.Title, s.w))
		facts := " · " + e.Date.LabelIn(s.ctx.zone) + " · " + e.Status.Word()
		if n := s.sides.Aside; n > 0 {
			facts += " · " + plural(n, "quote") + " taking no side"
		}
		room := max(s.w-st.width(facts), s.w/2)
		out = append(out, st.fit(st.Heading.Render(st.fit(about, room))+st.Label.Render(facts), s.w))
		lw, rw := s.widths()
		titles := [2]string{
			"Asserts it · " + strconv.Itoa(len(s.sides.For)),
			"Denies or disputes it · " + strconv.Itoa(len(s.sides.Against)),
		}
		var heads [2]string
		for i, t := range titles {
			if n := len(s.cols[i]); n > s.rows() {
				t += fmt.Sprintf(" · lines %d–%d of %d", s.top[i]+1, min(s.top[i]+s.rows(), n), n)
			}
			style, cursor := st.PaneTitle, "  "
			if i == s.focus {
				style, cursor = st.PaneTitleFocused, "› "
			}
			heads[i] = cursor + style.Render(t)
		}
		div := st.Divider.Render("│")
		out = append(out, st.pad(heads[0], lw-1)+" "+div+" "+st.fit(heads[1], rw-1))
		for r := range s.rows() {
			var cells [2]string
			for i := range cells {
				if n := s.top[i] + r; n < len(s.cols[i]) {
					cells[i] = s.cols[i][n]
				}
			}
			out = append(out, st.pad(cells[0], lw-1)+" "+div+" "+st.fit(cells[1], rw-1))
		}
	}
	for len(out) < s.h {
		out = append(out, "")
	}
	return out[:s.h]
}

// legends implements legended: the sides mark each event's status.
func (s *sidesScreen) legends() []legend { return browserLegends()[:1] }
