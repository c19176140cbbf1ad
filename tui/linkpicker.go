package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// linkPicker is the dialog that links the selected event to another:
// typing searches the titles (and the rest of the events' text) through
// the store, in a command, as the search does; tab chooses how this event
// relates to the one chosen; enter links them.
type linkPicker struct {
	ctx     *shared
	from    model.Event
	related []model.Relation // from's links both ways, when known
	input   textinput.Model
	rel     int // index into model.Rels
	found   []model.Row
	seq     int // the search asked last; older answers are dropped
	cur     int
	height  int // result rows on screen
	keys    linkPickerKeys
	// keep is the event the cursor was on when the store changed
	// elsewhere: the search asked again puts the cursor back on it, or,
	// gone to the trash, where it was.
	keep string
}

type linkPickerKeys struct {
	Up, Down, Rel, RelBack, Link, Cancel key.Binding
}

// ShortHelp implements help.KeyMap.
func (k linkPickerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Rel, k.Link, k.Cancel}
}

// FullHelp implements help.KeyMap.
func (k linkPickerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Rel, k.RelBack, k.Link, k.Cancel}}
}

// linkCandidatesMsg brings the events whose text holds what was typed.
type linkCandidatesMsg struct {
	seq  int
	rows []model.Row
	err  error
}

// linkCandidates asks the store for the first n events that contain
// text, in timeline order.
func linkCandidates(s model.Store, seq int, text string, n int) tea.Cmd {
	return func() tea.Msg {
		w, err := s.Window(model.Query{Text: text}, model.Position{}, false, 0, n)
		return linkCandidatesMsg{seq: seq, rows: w.Rows, err: err}
	}
}

// linkCandidateRows is how many candidates a search asks for: more than
// a screen holds, so that the cursor can go down a page.
const linkCandidateRows = 100

func newLinkPicker(ctx *shared, from model.Event, related []model.Relation) (*linkPicker, tea.Cmd) {
	in := textinput.New()
	in.Prompt = "to › "
	in.Placeholder = "type words of the other event's title"
	st := ctx.styles.Input
	st.Focused.Prompt = ctx.styles.Prompt.Style
	st.Cursor.Blink = false
	in.SetStyles(st)
	in.Focus()
	p := &linkPicker{ctx: ctx, from: from, related: related, input: in, keys: linkPickerKeys{
		Up:      key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		Rel:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "relation")),
		RelBack: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "relation back")),
		Link:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "link")),
		Cancel:  key.NewBinding(key.WithKeys("esc", "alt+esc", "ctrl+c"), key.WithHelp("esc", "cancel")),
	}}
	return p, p.search()
}

// search asks for the events that hold what is typed.
func (p *linkPicker) search() tea.Cmd {
	p.seq++
	return linkCandidates(p.ctx.store, p.seq, strings.TrimSpace(p.input.Value()), linkCandidateRows)
}

// Place implements Dialog: the body.
func (p *linkPicker) Place() place { return placeBody }

// editsText implements editsText: ctrl+c cancels, as esc does.
func (p *linkPicker) editsText() {}

// ShortHelp implements help.KeyMap.
func (p *linkPicker) ShortHelp() []key.Binding { return p.keys.ShortHelp() }

// FullHelp implements help.KeyMap.
func (p *linkPicker) FullHelp() [][]key.Binding { return p.keys.FullHelp() }

// SetSize implements Dialog: three lines above the candidates.
func (p *linkPicker) SetSize(w, h int) {
	p.height = max(h-4, 1)
	setInputWidth(&p.input, max(w-p.ctx.styles.width(p.input.Prompt)-1, 1))
}

// Update implements Dialog.
func (p *linkPicker) Update(msg tea.Msg) (Action, tea.Cmd) {
	switch msg := msg.(type) {
	case linkCandidatesMsg:
		if msg.seq != p.seq {
			return nil, nil
		}
		if msg.err != nil {
			return nil, fail(msg.err)
		}
		p.found = p.found[:0]
		for _, r := range msg.rows {
			if r.Event.ID != p.from.ID {
				p.found = append(p.found, r)
			}
		}
		if p.keep == "" {
			p.cur = 0
			return nil, nil
		}
		if i := slices.IndexFunc(p.found, func(r model.Row) bool { return r.Event.ID == p.keep }); i >= 0 {
			p.cur = i
		}
		p.cur, p.keep = max(min(p.cur, len(p.found)-1), 0), ""
		return nil, nil
	case storeChangedMsg:
		return p.storeChanged(msg.change)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.keys.Cancel):
			return closeDialog{}, nil
		case key.Matches(msg, p.keys.Link):
			if p.cur >= len(p.found) {
				return nil, nil
			}
			rel, to := model.Rels[p.rel], p.found[p.cur].Event
			if slices.Contains(p.from.Links, model.Link{Rel: rel, Event: to.ID}) || slices.Contains(p.related, model.Relation{Rel: rel, Event: to.ID}) {
				// Said here, where another relation or event can be
				// chosen, rather than refused by the store once shown.
				return nil, say("already linked: this event " + rel.Verb() + " " + quotedTitle(to.Title) + " · tab chooses another relation")
			}
			return linkEvents{from: p.from.ID, rel: rel, to: to.ID}, nil
		case key.Matches(msg, p.keys.Rel):
			p.rel = (p.rel + 1) % len(model.Rels)
			return nil, nil
		case key.Matches(msg, p.keys.RelBack):
			p.rel = (p.rel + len(model.Rels) - 1) % len(model.Rels)
			return nil, nil
		case key.Matches(msg, p.keys.Up):
			p.cur = max(p.cur-1, 0)
			return nil, nil
		case key.Matches(msg, p.keys.Down):
			p.cur = max(min(p.cur+1, len(p.found)-1), 0)
			return nil, nil
		}
	}
	if msg = cleanInput(msg, false); msg == nil {
		return nil, nil
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(inputKey(&p.input, msg))
	if p.input.Value() != before {
		p.keep = "" // a new search starts at its first event
		return nil, tea.Batch(cmd, p.search())
	}
	return nil, cmd
}

// storeChanged asks again for the candidates when another process
// changed one of them, or the order: one gone to the trash is no longer
// offered, and enter does not meet it there. When this event went, the
// picker closes, saying why.
func (p *linkPicker) storeChanged(c *changeSummary) (Action, tea.Cmd) {
	if c != nil && c.gone[p.from.ID] {
		return closeDialog{}, say("not linked: " + quotedTitle(p.from.Title) + " was moved to the trash elsewhere")
	}
	touched := c.all() || c.moved
	for i := 0; i < len(p.found) && !touched; i++ {
		touched = c.touches(p.found[i].Event.ID)
	}
	if !touched {
		return nil, nil
	}
	if p.cur < len(p.found) {
		p.keep = p.found[p.cur].Event.ID
	}
	return nil, p.search()
}

// wheel implements wheelScroller: the cursor moves as many candidates
// as the arrows would; View shows the rows around it.
func (p *linkPicker) wheel(delta int) {
	p.cur = max(min(p.cur+delta, len(p.found)-1), 0)
}

// View implements Dialog: what is linked and how, what was typed, then
// the candidates, the one the cursor is on reversed.
func (p *linkPicker) View(w, h int) []string {
	st := &p.ctx.styles
	out := make([]string, 0, h)
	add := func(s string) { out = append(out, st.fit(s, w)) }
	add(st.Prompt.Render("Link ") + st.Heading.Render(line(clip(p.from.Title, w))))
	add(st.Label.Render("this event ") + "‹ " + st.Prompt.Render(model.Rels[p.rel].Phrase()) + " ›" + st.Label.Render(" the event chosen below · "+keyOf(p.keys.Rel)+" changes it"))
	add(p.input.View())
	add("")
	if len(p.found) == 0 {
		add(st.Muted.Render("no event holds these words"))
	}
	first := max(0, p.cur-p.height+1)
	// The date column is as wide as the widest date shown, up to half
	// the width: a time of day must not lose its minutes.
	dw := dateWidth
	for i := first; i < len(p.found) && i < first+p.height; i++ {
		dw = max(dw, st.width(p.found[i].Event.Date.LabelIn(p.ctx.zone)))
	}
	dw = min(dw, max(dateWidth, w/2))
	for i := first; i < len(p.found) && i < first+p.height; i++ {
		e := p.found[i].Event
		row := "  " + st.pad(e.Date.LabelIn(p.ctx.zone), dw) + " " + e.Status.Mark() + " " + line(clip(e.Title, w))
		if i == p.cur {
			out = append(out, st.Selected.Render(st.pad("›"+row[1:], w)))
			continue
		}
		add(row)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:max(h, 0)]
}
