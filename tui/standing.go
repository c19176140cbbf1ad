package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// standing is what other events say of an event: that one disputes it,
// or supports it. The chronology shows it in a column of its own, next to
// the status, with a sign that reads without colour.
type standing uint8

const (
	disputedByOther  standing = 1 << iota // another event disputes it
	supportedByOther                      // another event supports it
)

// The signs of the standing column, none of the status marks (✓ • ? ±
// ✗). An event disputed by one event and supported by another has a sign
// of its own: either alone would hide the other side, which the accounts
// side by side (C) show.
const (
	disputedSign  = "!"
	supportedSign = "+"
	contestedSign = "*"
)

// sign is the standing's one-cell sign, a space when there is none.
func (s standing) sign() string {
	switch {
	case s&disputedByOther != 0 && s&supportedByOther != 0:
		return contestedSign
	case s&disputedByOther != 0:
		return disputedSign
	case s&supportedByOther != 0:
		return supportedSign
	}
	return " "
}

// standingLegend is what the help says of the signs.
func standingLegend() string {
	return disputedSign + " disputed by another event  " + supportedSign + " supported by another event  " +
		contestedSign + " both"
}

// standingOf reads an event's standing from its links in both directions:
// its own ("disputed-by x") and those other events make to it ("x
// disputes this"), as the store's Detail gives them.
func standingOf(related []model.Relation) standing {
	var s standing
	for _, r := range related {
		switch r.Rel {
		case model.DisputedBy:
			s |= disputedByOther
		case model.SupportedBy:
			s |= supportedByOther
		}
	}
	return s
}

// standings reads the standing of each row's event: its own links are
// on the row, and the links other events make to it come from the
// store's index, for every row in one read. It runs in the commands that
// read rows again after a write, never in View.
func standings(s model.Store, rows []model.Row) (map[string]standing, error) {
	incoming, err := s.IncomingLinks(model.Window{Rows: rows}.IDs())
	if err != nil {
		return map[string]standing{}, err
	}
	return standingsOf(rows, incoming), nil
}

// standingsOf is the standing of each row's event, from the links other
// events make to it.
func standingsOf(rows []model.Row, incoming map[string][]model.Incoming) map[string]standing {
	out := make(map[string]standing, len(rows))
	for _, r := range rows {
		out[r.Event.ID] = standingOf(model.Relations(&r.Event, incoming[r.Event.ID])) // 0 too: a sign that went
	}
	return out
}

// rowsAt reads the rows of a view at a place with their standing, in one
// read of the store (model.Store.Page), so that they come on screen with
// their signs.
func rowsAt(s model.Store, q model.Query, at model.PageAt) (model.Window, map[string]standing, error) {
	p, err := s.Page(q, at)
	if err != nil {
		return model.Window{}, nil, err
	}
	return p.Window, standingsOf(p.Rows, p.Incoming), nil
}

// standingMsg brings the standing of events read again after a write.
type standingMsg struct {
	standing map[string]standing
	err      error
}

// loadStanding reads the standing of rows again: after a write, which may
// have linked or unlinked them.
func loadStanding(s model.Store, rows []model.Row) tea.Cmd {
	return func() tea.Msg {
		st, err := standings(s, rows)
		return standingMsg{standing: st, err: err}
	}
}

// takeStanding keeps the standing that comes with rows, or after a write,
// and after a write asks for it again.
func (b *browser) takeStanding(msg tea.Msg) tea.Cmd {
	var got map[string]standing
	switch m := msg.(type) {
	case windowMsg:
		got = m.standing
	case extendMsg:
		got = m.standing
	case searchMsg:
		got = m.standing
	case standingMsg:
		if m.err != nil {
			return fail(m.err)
		}
		got = m.standing
	case showEventsMsg:
		if m.written && len(b.tl.rows) > 0 {
			// The command runs beside Update, which changes rows in place:
			// it reads a copy.
			return loadStanding(b.ctx.store, slices.Clone(b.tl.rows))
		}
	}
	for id, s := range got {
		if s == 0 {
			delete(b.standing, id)
		} else {
			// A copy: a row's id shares its event's whole stored value
			// (model.Store.Page), which the rows let go of.
			b.standing[strings.Clone(id)] = s
		}
	}
	return nil
}
