package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// marksGoneMsg names marked events no longer on the timeline.
type marksGoneMsg struct{ ids []string }

// marksStill asks which of the marked events are still on the timeline,
// after a change too large for the journal's summary to list the events
// it took off: the keys on the marks act on those alone.
func marksStill(s model.Store, marked []string) tea.Cmd {
	return func() tea.Msg {
		var gone []string
		for _, id := range marked {
			if _, err := s.Event(id); errors.Is(err, model.ErrNotFound) {
				gone = append(gone, id)
			}
		}
		if len(gone) == 0 {
			return nil
		}
		return marksGoneMsg{ids: gone}
	}
}
