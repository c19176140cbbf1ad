package tui

import (
	"fmt"

	"chrono/model"
)

// The authoring actions: what the forms, the editor round trip and the
// keys of the sources pane mean to write. Each carries what its write
// needs and no more; the root acts on them in one place (Model.act).
type (
	// saveEvent saves an event: base is the event as it was when the
	// editing began, so that a write can tell whether someone changed it
	// meanwhile; nil when the event is new.
	saveEvent struct {
		base  *model.Event
		event model.Event
		// restore: the last save found the event in the trash, put
		// there meanwhile; this one restores it first.
		restore bool
	}
	// removeQuote removes quote n of event id.
	removeQuote struct {
		id string
		n  int
	}
	// moveQuote moves quote n of event id to index to.
	moveQuote struct {
		id    string
		n, to int
	}
	// linkEvents links event from to event to: from rel to, as in
	// "nso-denial disputes nso-mobileum-call".
	linkEvents struct {
		from string
		rel  model.Rel
		to   string
	}
	// unlinkEvents removes the link from rel to of event from.
	unlinkEvents struct {
		from string
		rel  model.Rel
		to   string
	}
)

// authoring is an action that writes the investigation; what says what
// it would do, for the status line.
type authoring interface{ what() string }

func (a saveEvent) what() string {
	if a.base == nil {
		return fmt.Sprintf("add event %q", a.event.Title)
	}
	return fmt.Sprintf("save event %q", a.event.ID)
}

func (a linkEvents) what() string {
	return fmt.Sprintf("link %q %s %q", a.from, a.rel.Phrase(), a.to)
}
func (a unlinkEvents) what() string {
	return fmt.Sprintf("unlink %q %s %q", a.from, a.rel.Phrase(), a.to)
}
func (a removeQuote) what() string { return fmt.Sprintf("remove quote %d of %q", a.n+1, a.id) }
func (a moveQuote) what() string {
	return fmt.Sprintf("move quote %d of %q to %d", a.n+1, a.id, a.to+1)
}
