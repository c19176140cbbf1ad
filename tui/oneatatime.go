package tui

import tea "charm.land/bubbletea/v2"

// oneAtATime starts steps one at a time, keeping the latest asked for
// while one is under way.
type oneAtATime struct {
	flying bool
	next   tea.Cmd
}

// start starts a step, or keeps it for when the one under way answers.
func (o *oneAtATime) start(step tea.Cmd) tea.Cmd {
	if o.flying {
		o.next = step
		return nil
	}
	o.flying = true
	return step
}

// answered notes that the step under way has answered, and starts the
// one kept, if any.
func (o *oneAtATime) answered() tea.Cmd {
	o.flying = false
	step := o.next
	o.next = nil
	if step == nil {
		return nil
	}
	return o.start(step)
}
