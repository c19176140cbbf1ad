package tui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// Changes show at once and are written in the background, one at a time.
// When a write fails, the rows it touched go back to how they were.

// targets are the events a tag key acts on: the marked ones, else the
// selected one.
func (m *Model) targets() []string {
	if len(m.marks) > 0 {
		ids := make([]string, 0, len(m.marks))
		for _, r := range m.tl.rows { // in timeline order where loaded
			if m.marks[r.Event.ID] {
				ids = append(ids, r.Event.ID)
			}
		}
		for id := range m.marks {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		return ids
	}
	if row, ok := m.tl.selected(); ok {
		return []string{row.Event.ID}
	}
	return nil
}

func (m *Model) targetPhrase(ids []string) string {
	if len(m.marks) > 0 {
		return fmt.Sprintf("%s (marked)", plural(len(ids), "event"))
	}
	return "this event"
}

// latest returns the newest version of an event this session knows.
func (m *Model) latest(id string) (model.Event, bool) {
	if i := m.tl.indexOf(id); i >= 0 {
		return m.tl.rows[i].Event, true
	}
	e, ok := m.known[id]
	return e, ok
}

// tagsOf returns the tags the events carry, for T to offer.
func (m *Model) tagsOf(ids []string) []string {
	var out []string
	for _, id := range ids {
		e, _ := m.latest(id)
		for _, t := range e.Tags {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

func (m *Model) toggleMark() tea.Cmd {
	row, ok := m.tl.selected()
	if !ok {
		return nil
	}
	if m.marks[row.Event.ID] {
		delete(m.marks, row.Event.ID)
	} else {
		m.marks[row.Event.ID] = true
	}
	m.tl.move(1)
	return tea.Batch(m.moved(), m.fill())
}

// toggleQuickTag removes the tag when every target has it, else adds it.
func (m *Model) toggleQuickTag(tag string) tea.Cmd {
	ids := m.targets()
	if len(ids) == 0 {
		return nil
	}
	all := true
	for _, id := range ids {
		if e, _ := m.latest(id); !e.HasTag(tag) {
			all = false
		}
	}
	if all {
		return m.retag(ids, nil, []string{tag})
	}
	return m.retag(ids, []string{tag}, nil)
}

// retag changes tags on screen and queues the write.
func (m *Model) retag(ids, add, remove []string) tea.Cmd {
	a := action{kind: actTag, ids: ids, add: add, remove: remove, done: tagPhrase(add, remove, len(ids))}
	a.before = m.apply(ids, func(e model.Event) model.Event { return retag(e, add, remove) })
	return m.enqueue(a)
}

// undoLast puts back the tags of the last tag change.
func (m *Model) undoLast() tea.Cmd {
	if len(m.undo) == 0 {
		return m.say("nothing to undo")
	}
	u := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	a := action{kind: actUndo, done: "undid: " + u.phrase, deltas: u.deltas, undone: &u}
	byID := make(map[string]model.TagDelta, len(u.deltas))
	for _, d := range u.deltas {
		a.ids = append(a.ids, d.ID)
		byID[d.ID] = d
	}
	a.before = m.apply(a.ids, func(e model.Event) model.Event {
		e.Tags = byID[e.ID].Apply(e.Tags)
		return e
	})
	return m.enqueue(a)
}

func (m *Model) addNote(id, text string) tea.Cmd {
	a := action{kind: actNote, ids: []string{id}, note: text, at: m.now(), done: "note saved"}
	a.before = m.apply(a.ids, func(e model.Event) model.Event {
		e.Notes = append(slices.Clone(e.Notes), model.Note{Text: text, At: a.at})
		return e
	})
	return m.enqueue(a)
}

// apply changes the loaded versions of events and returns what they were.
func (m *Model) apply(ids []string, change func(model.Event) model.Event) []model.Event {
	var before, after []model.Event
	for _, id := range ids {
		if e, ok := m.latest(id); ok {
			before = append(before, e)
			after = append(after, change(e))
		}
	}
	m.show(after)
	return before
}

// show puts new versions of events on screen.
func (m *Model) show(events []model.Event) {
	m.tl.update(events)
	for _, e := range events {
		if e.ID == m.detail.id() {
			d := m.detail.d
			d.Event = e
			m.detail.show(d, m.detail.loaded)
			m.layoutDetail()
		}
	}
}

// enqueue queues a write, starting it when none is running.
func (m *Model) enqueue(a action) tea.Cmd {
	m.queue = append(m.queue, a)
	return m.nextWrite()
}

func (m *Model) nextWrite() tea.Cmd {
	if m.writing || len(m.queue) == 0 {
		return nil
	}
	a := m.queue[0]
	m.queue = m.queue[1:]
	m.writing = true
	return write(m.store, a)
}

// written takes a write's outcome: confirm it, or roll it back.
func (m *Model) written(msg writeMsg) tea.Cmd {
	m.writing = false
	a := msg.action
	var cmds []tea.Cmd
	if msg.err != nil {
		m.show(a.before)
		if a.undone != nil {
			m.undo = append(m.undo, *a.undone)
		}
		// Stay, so that the investigator sees what was not saved.
		m.quitting = false
		cmds = append(cmds, m.fail(fmt.Errorf("not saved, change undone on screen: %w", msg.err)))
	} else {
		after := make([]model.Event, 0, len(msg.changes))
		for _, c := range msg.changes {
			m.known[c.After.ID] = c.After
			after = append(after, c.After)
		}
		m.show(after)
		switch {
		case a.kind == actTag && len(msg.changes) == 0:
			cmds = append(cmds, m.say("nothing changed: "+a.done))
		case a.kind == actTag:
			u := undoEntry{phrase: a.done}
			for _, c := range msg.changes {
				u.deltas = append(u.deltas, c.Inverse())
			}
			m.undo = append(m.undo, u)
			cmds = append(cmds, m.say(a.done+" · u to undo"))
		default:
			cmds = append(cmds, m.say(a.done))
		}
		if a.kind != actNote {
			cmds = append(cmds, loadFacets(m.store))
			if len(m.query.Tags) > 0 {
				// The tag filter's counts changed; the rows stay put until
				// the view is asked again.
				cmds = append(cmds, count(m.store, m.gen, m.query, model.Position{}, 0), loadPeriods(m.store, m.gen, m.query))
			}
		}
	}
	cmds = append(cmds, m.nextWrite())
	if m.quitting && !m.busy() {
		return tea.Quit
	}
	return tea.Batch(cmds...)
}
