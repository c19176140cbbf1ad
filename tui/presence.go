package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Presence is who else browses the investigation, for a served browser:
// the header names them, and the sources pane who has its event
// selected too.

// presenceMsg is who else is in, and which event each has selected.
type presenceMsg struct {
	others    []string
	selecting map[string][]string // event id → names
}

// Presence tells a session's browser who else is in the investigation
// (others, by name) and who has which event selected (event id → names).
func Presence(others []string, selecting map[string][]string) tea.Msg {
	return presenceMsg{others: others, selecting: selecting}
}

// presence is what a browser knows of the others.
type presence struct {
	others    []string
	selecting map[string][]string
	// told is the event this browser last said it had selected.
	told string
}

// withOthers puts who else is in before where, the right of a header.
func (c *shared) withOthers(where string) string {
	if len(c.presence.others) == 0 {
		return where
	}
	with := "with " + line(strings.Join(c.presence.others, ", "))
	if where == "" {
		return with
	}
	return with + " · " + where
}

// alsoSelecting is who else has event id selected, for the sources
// pane's title: " · ana here too".
func (c *shared) alsoSelecting(id string) string {
	names := c.presence.selecting[id]
	if len(names) == 0 {
		return ""
	}
	return " · " + line(strings.Join(names, ", ")) + " here too"
}

// tellSelected says which event the browser has selected, when that
// changed, to whoever asked (Options.Selected): the server, which tells
// the others.
func (m *Model) tellSelected() tea.Cmd {
	if m.ctx.selected == nil {
		return nil
	}
	b, ok := m.screens[0].(*browser)
	if !ok {
		return nil
	}
	id := ""
	if row, ok := b.tl.selected(); ok {
		id = row.Event.ID
	}
	if id == m.ctx.presence.told {
		return nil
	}
	m.ctx.presence.told = id
	tell := m.ctx.selected
	return func() tea.Msg { tell(id); return nil }
}

// takePresence keeps who else is in.
func (m *Model) takePresence(msg presenceMsg) {
	m.ctx.presence.others = slices.Clone(msg.others)
	m.ctx.presence.selecting = msg.selecting
}
