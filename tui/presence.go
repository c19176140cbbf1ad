package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

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
	// due is news not shown yet (see takePresence); waiting says a
	// presenceDueMsg is on its way.
	due     *presenceMsg
	waiting bool
}

// presenceWait is how long news of the others waits for a frame drawn
// for something else before it is drawn on its own. A frame costs a
// server the same whatever changed in it, and people browsing side by
// side were told of each other about once a second each: a frame for
// every five of their own keys. Drawn with the next key, the news costs
// nothing; someone who presses none sees it this much later.
const presenceWait = 500 * time.Millisecond

// presenceDueMsg says news of the others has waited presenceWait.
type presenceDueMsg struct{}

// withOthers puts who else is in before where, the right of a header w
// cells wide: as many names as leave where and a little of the title in
// view, and how many more ("with ana, bo +47"), so that a crowd never
// pushes where the cursor is off the header.
func (c *shared) withOthers(where string, w int) string {
	names := c.presence.others
	if len(names) == 0 {
		return where
	}
	sep := ""
	if where != "" {
		sep = " · "
	}
	room := w - c.styles.width(where+sep) - 10 // the title keeps 8, and a gap
	// The most names that fit, with the count of the rest: widths are
	// added up name by name, since a crowd is some fifty names and the
	// header is drawn on every frame.
	fit, used := 0, c.styles.width("with ")
	for n := 1; n <= len(names); n++ {
		if n > 1 {
			used += 2 // ", "
		}
		used += c.styles.width(line(names[n-1]))
		if used > room {
			break
		}
		if more := len(names) - n; more == 0 || used+len(fmt.Sprintf(" +%d", more)) <= room {
			fit = n
		}
	}
	if fit > 0 {
		with := "with " + line(strings.Join(names[:fit], ", "))
		if fit < len(names) {
			with += fmt.Sprintf(" +%d", len(names)-fit)
		}
		return with + sep + where
	}
	with := ""
	others := "others"
	if len(names) == 1 {
		others = "other"
	}
	if with = fmt.Sprintf("with %d %s", len(names), others); c.styles.width(with) <= room {
		return with + sep + where
	}
	return where
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

// takePresence keeps news of who else is in until a frame is drawn: the
// next that something else draws (showPresence), or, after presenceWait,
// one of its own. Nothing on screen changes meanwhile.
func (m *Model) takePresence(msg presenceMsg) tea.Cmd {
	m.ctx.presence.due = &msg
	m.ctx.still = true
	if m.ctx.presence.waiting {
		return nil
	}
	m.ctx.presence.waiting = true
	return m.ctx.tick(presenceWait, func(time.Time) tea.Msg { return presenceDueMsg{} })
}

// presenceWaited draws the news that waited presenceWait, if no frame
// has drawn it since.
func (m *Model) presenceWaited() {
	m.ctx.presence.waiting = false
	if m.ctx.presence.due == nil {
		m.ctx.still = true
	}
}

// showPresence puts the news of the others in the frame about to be
// drawn.
func (m *Model) showPresence() {
	if due := m.ctx.presence.due; due != nil {
		m.ctx.presence.others = slices.Clone(due.others)
		m.ctx.presence.selecting = due.selecting
		m.ctx.presence.due = nil
	}
}
