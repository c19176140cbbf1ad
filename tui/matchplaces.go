package tui

import (
	"strings"

	"chrono/model"
)

// matchPlaces keeps, for the rows on screen, where the search finds its
// text ("summary", "quote", "note" ...). Finding it may read every quote
// and note of an event, so it is done in Update for rows not seen yet,
// never in View, and kept until the search or the events change.
type matchPlaces struct {
	text string
	in   map[string]string // by event id
}

// refresh finds where text is in the rows not seen yet; a new text, or
// changed events, start afresh.
func (m *matchPlaces) refresh(text string, rows []model.Row, changed bool) {
	if text == "" {
		m.text, m.in = "", nil
		return
	}
	if text != m.text || changed || m.in == nil {
		m.text, m.in = text, map[string]string{}
	}
	for i := range rows {
		e := &rows[i].Event
		if _, ok := m.in[e.ID]; !ok {
			m.in[strings.Clone(e.ID)] = e.MatchIn(text) // not the row's whole value (model.Store.Page)
		}
	}
}

// of is where the search found its text in event id, "" when not known.
func (m *matchPlaces) of(id string) string { return m.in[id] }
