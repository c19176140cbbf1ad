package main

import (
	"chrono/model"
)

// typedWrong is the usage error (exit 2) of what the command line made
// wrong with event e, whatever the store holds: the problems e has that
// was, the event as stored, had not (nil for a new event, whose id, when
// none was typed, is made from its title). It is nil when there are none.
// Problems e brought from the store, and references to what the store
// lacks, are left to the write's own check (exit 1): the command was
// typed right.
func typedWrong(was *model.Event, e model.Event) error {
	had := map[string]bool{}
	switch {
	case was != nil:
		for _, p := range was.Check() {
			had[p] = true
		}
	case e.ID == "":
		// Named as it will be, unless that id is taken.
		e.ID = model.NewID(e.Title, "event", func(string) bool { return false })
	}
	var problems []string
	for _, p := range e.Check() {
		if !had[p] {
			problems = append(problems, p)
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return usageError{&model.EventError{ID: e.ID, Problems: problems}}
}
