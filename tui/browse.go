package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// key handles a key press: the open modal gets it first, then the keys of
// the browser.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.quitting {
		if msg.String() == "ctrl+c" {
			return tea.Quit // a second ctrl+c does not wait for the disk
		}
		return nil
	}
	switch m.modal {
	case modalPrompt:
		return m.promptKey(msg)
	case modalPicker:
		done, apply := m.picker.update(msg, max(m.lay.bodyH-1, 1))
		if !done {
			return nil
		}
		m.modal = modalNone
		m.relayout()
		if !apply {
			return nil
		}
		return m.requery(m.picker.query(m.query))
	case modalNote:
		done, save, cmd := m.note.update(msg)
		if !done {
			return cmd
		}
		m.modal = modalNone
		m.relayout()
		if !save {
			return m.say("note discarded")
		}
		return m.addNote(m.note.id, m.note.text())
	case modalHelp:
		if key.Matches(msg, m.keys.Quit) {
			return m.quit()
		}
		m.modal = modalNone
		return nil
	}

	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.modal = modalHelp
		return nil
	case key.Matches(msg, k.Escape):
		return m.escape()
	case key.Matches(msg, k.Focus):
		if m.lay.wide {
			m.focus = 1 - m.focus
			m.layoutDetail()
		}
		return nil
	case key.Matches(msg, k.Search):
		m.searchFrom, m.searchFromID, m.searchPrev = model.Position{}, "", m.search
		if row, ok := m.tl.selected(); ok {
			m.searchFrom, m.searchFromID = row.Pos, row.Event.ID
		}
		m.openPrompt(promptSearch, "/", nil, nil)
		return nil
	case key.Matches(msg, k.GoTo):
		m.openPrompt(promptGoTo, "go to date (EDTF, e.g. 2021 or 2017-08): ", nil, nil)
		return nil
	case key.Matches(msg, k.NextMatch, k.PrevMatch):
		if m.search == "" {
			return m.say("no search · / searches")
		}
		return m.find(key.Matches(msg, k.PrevMatch), false)
	case key.Matches(msg, k.Filter):
		m.picker = newPicker(m.query, m.statuses, m.tags, m.actors)
		m.modal = modalPicker
		return loadFacets(m.store) // counts may have changed since
	case key.Matches(msg, k.ClearFilter):
		return m.clearFilters()
	case key.Matches(msg, k.PrevYear, k.NextYear):
		row, ok := m.tl.selected()
		if !ok {
			return nil
		}
		return jumpYear(m.store, m.gen, m.query, row.Pos, key.Matches(msg, k.NextYear), windowSize(m.tl.height))
	case key.Matches(msg, k.Back):
		return m.back()
	case key.Matches(msg, k.Tag):
		ids := m.targets()
		if len(ids) == 0 {
			return nil
		}
		m.openPrompt(promptTag, "tag "+m.targetPhrase(ids)+": ", facetNames(m.tags), ids)
		return nil
	case key.Matches(msg, k.Untag):
		ids := m.targets()
		have := m.tagsOf(ids)
		if len(have) == 0 {
			return m.say("no tags to remove")
		}
		m.openPrompt(promptUntag, "remove tag from "+m.targetPhrase(ids)+": ", have, ids)
		return nil
	case key.Matches(msg, k.Mark):
		return m.toggleMark()
	case key.Matches(msg, k.Undo):
		return m.undoLast()
	case key.Matches(msg, k.Note):
		row, ok := m.tl.selected()
		if !ok {
			return nil
		}
		m.note = newNoteEditor(row.Event.ID, row.Event.Title, m.noteWidth(), m.detail.height)
		m.modal = modalNote
		return nil
	case key.Matches(msg, k.Copy):
		return m.copyQuote()
	case key.Matches(msg, k.OpenURL):
		return m.openSource()
	}
	for i, b := range k.QuickTags {
		if key.Matches(msg, b) {
			return m.toggleQuickTag(m.quickTags[i])
		}
	}
	if m.focus == focusDetail || m.zoomed {
		return m.detailKey(msg)
	}
	return m.listKey(msg)
}

// listKey moves through the chronology.
func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	h := max(m.tl.height, 1)
	switch {
	case key.Matches(msg, k.Up):
		m.tl.move(-1)
	case key.Matches(msg, k.Down):
		m.tl.move(1)
	case key.Matches(msg, k.PageUp):
		m.tl.move(-h)
	case key.Matches(msg, k.PageDown):
		m.tl.move(h)
	case key.Matches(msg, k.HalfUp):
		m.tl.move(-max(h/2, 1))
	case key.Matches(msg, k.HalfDown):
		m.tl.move(max(h/2, 1))
	case key.Matches(msg, k.Top):
		return jump(m.store, m.gen, m.query, model.Position{}, false, windowSize(m.tl.height))
	case key.Matches(msg, k.Bottom):
		return jump(m.store, m.gen, m.query, model.Position{}, true, windowSize(m.tl.height))
	case key.Matches(msg, k.Open):
		if _, ok := m.tl.selected(); !ok {
			return nil
		}
		if m.lay.wide {
			m.focus = focusDetail
		} else {
			m.zoomed = true
		}
		m.layoutDetail()
		return nil
	default:
		return nil
	}
	return tea.Batch(m.moved(), m.fill())
}

// detailKey moves through the sources pane.
func (m *Model) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	h := max(m.detail.height, 1)
	switch {
	case key.Matches(msg, k.Up):
		m.detail.step(-1)
	case key.Matches(msg, k.Down):
		m.detail.step(1)
	case key.Matches(msg, k.PageUp):
		m.detail.scroll(-h)
	case key.Matches(msg, k.PageDown):
		m.detail.scroll(h)
	case key.Matches(msg, k.HalfUp):
		m.detail.scroll(-max(h/2, 1))
	case key.Matches(msg, k.HalfDown):
		m.detail.scroll(max(h/2, 1))
	case key.Matches(msg, k.Top):
		m.detail.offset, m.detail.sel = 0, 0
	case key.Matches(msg, k.Bottom):
		m.detail.scroll(len(m.detail.lines))
	case key.Matches(msg, k.Open):
		return m.followLink()
	default:
		return nil
	}
	m.layoutDetail()
	return nil
}

// escape backs out of one thing: the full-screen sources, the sources
// pane's focus, the marks, the search, then the filters.
func (m *Model) escape() tea.Cmd {
	switch {
	case m.zoomed:
		m.zoomed = false
	case m.focus == focusDetail:
		m.focus = focusList
	case len(m.marks) > 0:
		n := len(m.marks)
		m.marks = map[string]bool{}
		return m.say(fmt.Sprintf("unmarked %s", plural(n, "event")))
	case m.search != "":
		m.search = ""
		m.relayout()
		return m.say("search cleared")
	case !m.query.IsZero():
		return m.clearFilters()
	default:
		return nil
	}
	m.layoutDetail()
	return nil
}

func (m *Model) clearFilters() tea.Cmd {
	if m.query.IsZero() {
		return m.say("no filters to clear")
	}
	return tea.Batch(m.requery(model.Query{}), m.say("filters cleared"))
}

// quit leaves once every change is on disk.
func (m *Model) quit() tea.Cmd {
	if m.busy() {
		m.quitting = true
		m.status, m.statusErr = "saving changes before quitting…", false
		return nil
	}
	return tea.Quit
}

func (m *Model) openPrompt(kind promptKind, label string, choices, ids []string) {
	m.prompt = newPrompt(kind, label, choices, ids, &m.styles)
	m.prompt.setWidth(&m.styles, m.width)
	m.modal = modalPrompt
}

// promptKey handles a key at the prompt: enter acts on what was typed,
// esc cancels.
func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		m.modal = modalNone
		if m.prompt.kind == promptSearch {
			return m.cancelSearch()
		}
		return nil
	case "enter":
		m.modal = modalNone
		return m.submit(m.prompt.kind, strings.TrimSpace(m.prompt.input.Value()), m.prompt.ids)
	}
	before := m.prompt.input.Value()
	var cmd tea.Cmd
	m.prompt, cmd = m.prompt.update(msg)
	if m.prompt.kind == promptSearch && m.prompt.input.Value() != before {
		return tea.Batch(cmd, m.searchAsTyped(m.prompt.input.Value()))
	}
	return cmd
}

// searchAsTyped moves to the first match of what is typed so far, at or
// after the event where the search began.
func (m *Model) searchAsTyped(value string) tea.Cmd {
	m.search = line(strings.TrimSpace(value))
	m.searchSeq++ // an answer to an earlier key is stale
	m.relayout()
	if m.search == "" {
		m.countSeq++
		return m.returnToSearchStart()
	}
	m.searching = true
	st := searchStep{from: m.searchFrom, origin: m.searchFrom}
	return tea.Batch(
		search(m.store, m.gen, m.searchSeq, m.query, m.search, st, windowSize(m.tl.height)),
		m.countSearch(),
	)
}

// countSearch starts counting the search's matches in the view.
func (m *Model) countSearch() tea.Cmd {
	m.countSeq++
	m.matches, m.matchesDone = 0, false
	if m.search == "" {
		return nil
	}
	q := m.query
	q.Text = m.search
	return countMatches(m.store, m.gen, m.countSeq, q, model.Position{}, 0)
}

// cancelSearch is esc at the / prompt: the search as it was before, and
// the cursor back where it was.
func (m *Model) cancelSearch() tea.Cmd {
	m.search = m.searchPrev
	m.searchSeq++
	m.searching = false
	m.relayout()
	return tea.Batch(m.returnToSearchStart(), m.countSearch())
}

func (m *Model) returnToSearchStart() tea.Cmd {
	if row, ok := m.tl.selected(); !ok || m.searchFromID == "" || row.Event.ID == m.searchFromID {
		return nil
	}
	return jumpToEvent(m.store, m.gen, m.query, m.searchFromID, windowSize(m.tl.height))
}

// submit acts on what was typed at a prompt.
func (m *Model) submit(kind promptKind, value string, ids []string) tea.Cmd {
	switch kind {
	case promptSearch:
		changed := line(value) != m.search
		m.search = line(value)
		m.relayout()
		if m.search == "" {
			m.countSeq++
			return nil
		}
		if changed || (m.matches == 0 && !m.matchesDone) {
			return tea.Batch(m.find(false, true), m.countSearch())
		}
		return m.find(false, true)
	case promptGoTo:
		if value == "" {
			return nil
		}
		d, err := model.ParseDate(value)
		if err != nil {
			return m.fail(fmt.Errorf("go to %q: %v", line(value), err))
		}
		anchor := model.PositionAt(d.Earliest())
		if d.Earliest() == model.BeginningOfTime {
			anchor = model.Position{}
		}
		return jump(m.store, m.gen, m.query, anchor, false, windowSize(m.tl.height))
	case promptTag, promptUntag:
		tags, err := parseTags(value)
		if err != nil {
			return m.fail(err)
		}
		if len(tags) == 0 {
			return nil
		}
		if kind == promptTag {
			return m.retag(ids, tags, nil)
		}
		return m.retag(ids, nil, tags)
	}
	return nil
}

// find moves to the next (or previous) match of the search.
func (m *Model) find(backward, inclusive bool) tea.Cmd {
	m.searchSeq++
	st := searchStep{backward: backward}
	if row, ok := m.tl.selected(); ok {
		st.origin, st.from = row.Pos, row.Pos
		if !backward && !inclusive {
			st.from = row.Pos.After()
		}
	}
	m.searching = true
	m.layoutDetail()
	return search(m.store, m.gen, m.searchSeq, m.query, m.search, st, windowSize(m.tl.height))
}

func (m *Model) gotSearch(msg searchMsg) tea.Cmd {
	if msg.gen != m.gen || msg.seq != m.searchSeq {
		return nil
	}
	if msg.more != nil && msg.err == nil {
		return search(m.store, m.gen, m.searchSeq, m.query, m.search, *msg.more, windowSize(m.tl.height))
	}
	m.searching = false
	if msg.err != nil {
		return m.fail(msg.err)
	}
	m.searchMiss = !msg.found
	if !msg.found {
		return m.fail(fmt.Errorf("no event matches %q", m.search))
	}
	m.tl.reset(msg.w, 0)
	m.tl.place(m.tl.indexAt(msg.anchor))
	cmds := []tea.Cmd{m.moved(), m.fill()}
	if msg.wrapped {
		cmds = append(cmds, m.say("search wrapped around"))
	}
	return tea.Batch(cmds...)
}

// followLink jumps to the event the selected link leads to, keeping the
// way back.
func (m *Model) followLink() tea.Cmd {
	r, ok := m.detail.link()
	if !ok {
		return nil
	}
	if _, known := m.detail.d.Titles[r.Event]; !known {
		return m.fail(fmt.Errorf("event %q is not in the store", r.Event))
	}
	m.history = append(m.history, m.detail.id())
	return jumpToEvent(m.store, m.gen, m.query, r.Event, windowSize(m.tl.height))
}

// back returns to the event a link was followed from.
func (m *Model) back() tea.Cmd {
	if len(m.history) == 0 {
		return m.say("nowhere to go back to")
	}
	id := m.history[len(m.history)-1]
	m.history = m.history[:len(m.history)-1]
	return jumpToEvent(m.store, m.gen, m.query, id, windowSize(m.tl.height))
}

func facetNames(fs []model.Facet) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}
