package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"chrono/model"
)

// detailPane is the sources pane: the selected event in full, its quotes
// as blocks with their sources, its links and notes, and its latest
// changes from the journal. Its lines are laid out in Update (when the
// event, the width or the search changes), so that View only slices them.
type detailPane struct {
	d       model.Detail
	loaded  bool          // d.Sources and d.Related came from the store
	history []model.Entry // the event's latest changes, newest first
	lines   []string
	items   []detailItem // the quotes, links and notes, in the order shown
	sel     int          // index into items; -1 when there are none
	offset  int          // first line on screen
	width   int
	height  int
}

// detailItem is a quote, link or note the cursor of the pane can rest
// on.
type detailItem struct {
	quote       int // index into Event.Quotes, or -1
	link        int // index into Detail.Related, or -1
	note        int // index into Event.Notes, or -1
	first, last int // its lines
}

// historyShown is how many of an event's latest changes the pane shows.
const historyShown = 5

// show puts an event in the pane. Keeping the selection and scroll when
// the same event comes back (a retag, the loaded detail) stops the pane
// from jumping under the reader.
func (p *detailPane) show(d model.Detail, loaded bool) {
	same := p.d.Event.ID == d.Event.ID
	p.d, p.loaded = d, loaded
	if !same {
		p.sel, p.offset = 0, 0
		p.history = nil
	}
}

func (p *detailPane) id() string { return p.d.Event.ID }

// quote returns the selected quote, or the event's first quote when a
// link is selected.
func (p *detailPane) quote() (model.Quote, bool) {
	qs := p.d.Event.Quotes
	if len(qs) == 0 {
		return model.Quote{}, false
	}
	if p.sel >= 0 && p.sel < len(p.items) && p.items[p.sel].quote >= 0 {
		return qs[p.items[p.sel].quote], true
	}
	return qs[0], true
}

// link returns the selected link, if a link is selected.
func (p *detailPane) link() (model.Relation, bool) {
	if p.sel < 0 || p.sel >= len(p.items) || p.items[p.sel].link < 0 {
		return model.Relation{}, false
	}
	return p.d.Related[p.items[p.sel].link], true
}

// note returns the index of the selected note, if a note is selected.
func (p *detailPane) note() (int, bool) {
	it, ok := p.item()
	if !ok || it.note < 0 {
		return 0, false
	}
	return it.note, true
}

// item returns the selected quote, link or note.
func (p *detailPane) item() (detailItem, bool) {
	if p.sel < 0 || p.sel >= len(p.items) {
		return detailItem{}, false
	}
	return p.items[p.sel], true
}

// step moves the selection to the next or previous quote or link and
// scrolls it into view.
func (p *detailPane) step(delta int) {
	if len(p.items) == 0 {
		p.scroll(delta)
		return
	}
	p.sel = max(0, min(p.sel+delta, len(p.items)-1))
	it := p.items[p.sel]
	if it.first < p.offset {
		p.offset = it.first
	}
	if it.last >= p.offset+p.height {
		p.offset = min(it.first, it.last-p.height+1)
	}
	p.clamp()
}

// scroll moves the view by delta lines.
func (p *detailPane) scroll(delta int) {
	p.offset += delta
	p.clamp()
}

func (p *detailPane) clamp() {
	p.offset = max(0, min(p.offset, len(p.lines)-p.height))
}

// margin is the blank column between the divider and the text.
const margin = " "

// view returns exactly height lines of width cells.
func (p *detailPane) view() []string {
	out := make([]string, 0, p.height)
	end := min(p.offset+p.height, len(p.lines))
	for i := p.offset; i < end; i++ {
		out = append(out, margin+p.lines[i])
	}
	for len(out) < p.height {
		out = append(out, "")
	}
	return out
}

// layout lays the event out for the pane's width.
func (p *detailPane) layout(st *Styles, search string, focused bool) {
	w := p.width - st.width(margin)
	p.lines, p.items = p.lines[:0], p.items[:0]
	if w <= 0 || p.d.Event.ID == "" {
		p.clamp()
		return
	}
	e := &p.d.Event
	add := func(s string) { p.lines = append(p.lines, st.fit(s, w)) }
	// text wraps untrusted text under an indent, marking search matches.
	text := func(s string, style lipgloss.Style, indent string) {
		for _, l := range st.wrap(s, w-st.width(indent)) {
			add(indent + highlight(l, search, style, st.Match))
		}
	}
	blank := func() {
		if len(p.lines) > 0 && p.lines[len(p.lines)-1] != "" {
			p.lines = append(p.lines, "")
		}
	}

	text(e.Title, st.Heading, "")
	facts := []string{e.Date.Label(), e.Status.Word()}
	if e.DateText != "" {
		facts = append(facts, "“"+line(e.DateText)+"”")
	}
	text(strings.Join(facts, " · "), st.Label, "")
	if len(e.Actors) > 0 {
		text("actors: "+strings.Join(e.Actors, ", "), st.Item, "")
	}
	if len(e.Tags) > 0 {
		text(model.Hashtags(e.Tags), st.Chip, "")
	}
	if e.Summary != "" {
		blank()
		text(e.Summary, st.Item, "")
	}

	if len(e.Quotes) > 0 {
		blank()
		add(st.Label.Render(plural(len(e.Quotes), "quote")))
	}
	for i, q := range e.Quotes {
		if i > 0 {
			p.lines = append(p.lines, "")
		}
		it := detailItem{quote: i, link: -1, note: -1, first: len(p.lines)}
		bar := st.QuoteBar.Render("│ ")
		if len(p.items) == p.sel {
			bar = st.QuoteBar.Bold(true).Render("┃ ")
			if !focused {
				bar = st.QuoteBar.Render("┃ ")
			}
		}
		text("“"+q.Text+"”", st.Quote, bar)
		if who := quoteAttribution(q); who != "" {
			text(who, st.Label, bar)
		}
		src, ok := p.d.Sources[q.Source]
		switch {
		case ok:
			text(model.Citation(src, asIs), st.Label, bar)
			if src.URL != "" {
				text(src.URL, st.URL, bar)
			}
		case q.Source != "" && p.loaded:
			text("source "+q.Source+" (not in the store)", st.Error, bar)
		case q.Source != "":
			text("source "+q.Source, st.Label, bar)
		}
		it.last = len(p.lines) - 1
		p.items = append(p.items, it)
	}

	if len(p.d.Related) > 0 {
		blank()
		add(st.Label.Render("links · enter follows"))
	}
	for i, r := range p.d.Related {
		it := detailItem{quote: -1, link: i, note: -1, first: len(p.lines)}
		title, ok := p.d.Titles[r.Event]
		if !ok {
			title = r.Event + " (not in the store)"
		}
		cursor := "  "
		if len(p.items) == p.sel {
			cursor = "› "
		}
		text(r.Rel.Phrase()+": "+title, st.Link, cursor)
		it.last = len(p.lines) - 1
		p.items = append(p.items, it)
	}

	if len(e.Notes) > 0 {
		blank()
		add(st.Label.Render(plural(len(e.Notes), "note")))
	}
	for i, n := range e.Notes {
		if i > 0 {
			p.lines = append(p.lines, "")
		}
		it := detailItem{quote: -1, link: -1, note: i, first: len(p.lines)}
		cursor := "  "
		if len(p.items) == p.sel {
			cursor = "› "
		}
		text(n.Text, st.Item, cursor)
		if by := noteByline(n); by != "" {
			text(by, st.Muted, "  ")
		}
		it.last = len(p.lines) - 1
		p.items = append(p.items, it)
	}

	if len(p.history) > 0 {
		blank()
		add(st.Label.Render("latest changes"))
	}
	for _, h := range p.history {
		text(historyLine(h, e.ID), st.Muted, "")
	}
	if len(p.items) == 0 {
		p.sel = -1
	} else {
		p.sel = max(0, min(p.sel, len(p.items)-1))
	}
	p.clamp()
}

// noteByline is who wrote a note and when: "— ana, 4 Mar 2026".
func noteByline(n model.Note) string {
	var parts []string
	if n.Author != "" {
		parts = append(parts, n.Author)
	}
	if !n.At.IsZero() {
		parts = append(parts, n.At.Local().Format("2 Jan 2006"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "— " + strings.Join(parts, ", ")
}

// historyLine is one change of the event id, from the journal: "#12 ana
// · 4 Mar 2026 15:04 · edited: date, status".
func historyLine(e model.Entry, id string) string {
	what := string(e.Op)
	for _, c := range e.Events {
		if c.ID != id {
			continue
		}
		what = changeWord(e, c)
		if c.From == c.To && c.Before != nil && c.After != nil {
			if f := model.Fields(c.Before, c.After); len(f) > 0 {
				what += ": " + strings.Join(f, ", ")
			}
		}
	}
	s := fmt.Sprintf("#%d", e.Seq)
	if e.Author != "" {
		s += " " + e.Author
	}
	return s + " · " + e.At.Local().Format("2 Jan 2006 15:04") + " · " + what
}

// changeWord says what a journal entry did to an event.
func changeWord(e model.Entry, c model.EventChange) string {
	switch {
	case e.Op == model.OpImport:
		return "imported"
	case e.Reverts != 0:
		return fmt.Sprintf("undid #%d", e.Reverts)
	case c.From == model.Absent && c.To == model.OnTimeline:
		return "added"
	case c.To == model.InTrash:
		return "deleted"
	case c.From == model.InTrash && c.To == model.OnTimeline:
		return "restored"
	}
	return "edited"
}

// quoteAttribution is "— Tim Miller, in his account to the Justice
// Department · denies".
func quoteAttribution(q model.Quote) string {
	var parts []string
	if q.Speaker != "" {
		parts = append(parts, q.Speaker)
	}
	if q.Context != "" {
		parts = append(parts, q.Context)
	}
	s := strings.Join(parts, ", ")
	if s != "" {
		s = "— " + s
	}
	if q.Stance != "" {
		if s != "" {
			s += " · "
		}
		s += string(q.Stance)
	}
	return s
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return thousands(n) + " " + what + "s"
}

// thousands writes a count as people read it: 1,000,000.
func thousands(n int) string { return model.Thousands(int64(n)) }

// asIs leaves text as it is: for text that is made safe where it is laid
// out.
func asIs(s string) string { return s }
