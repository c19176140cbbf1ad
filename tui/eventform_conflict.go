package tui

import (
	"strings"

	"chrono/model"
)

// formConflict is what the event form knows when its save met a change
// made meanwhile (model.ConflictError): what was typed, and the version
// stored now.
type formConflict struct {
	typed, current model.Event
	fields         []string // the fields the other change made
}

// say names the event and the fields the other change made.
func (c *formConflict) say() string { return "event " + c.current.ID + " " + c.changed() }

// changed says what changed meanwhile: the fields, the useful part where
// the line is short (the form is the event's).
func (c *formConflict) changed() string {
	s := "changed meanwhile"
	if len(c.fields) > 0 {
		said := make([]string, len(c.fields))
		for i, f := range c.fields {
			said[i] = f + changedTo(&c.current, f)
		}
		s += ": " + strings.Join(said, ", ")
	}
	return s
}

// changedTo says what a field of one line is now, so that a conflict
// can be settled knowing the other version ("title to “CLI title”"):
// "" for the fields of many lines or many values.
func changedTo(e *model.Event, field string) string {
	quoted := func(s string) string {
		if s == "" {
			return " emptied"
		}
		// Cut in its middle, where the other's change is least likely.
		return " to “" + model.CutMiddle(line(s), 24, 24) + "”"
	}
	switch field {
	case "title":
		return quoted(e.Title)
	case "date_text":
		return quoted(e.DateText)
	case "date":
		return " to " + e.Date.Label()
	case "status":
		return " to " + e.Status.Word()
	}
	return ""
}

// conflicted shows the form's save refused: typed is what was saved,
// current the stored version. The fields keep what was typed until
// reload or keep.
func (f *eventForm) conflicted(typed, current model.Event) {
	c := &formConflict{typed: typed, current: current}
	if f.base != nil {
		c.fields = model.Fields(f.base, &current)
	}
	f.conflict, f.problem, f.discard = c, refusal{}, discardGuard{}
	f.updateKeys()
}

// reload takes the stored version into the form, dropping what was typed.
func (f *eventForm) reload() {
	cur := f.conflict.current
	f.base, f.rest, f.conflict = &cur, nil, nil
	f.load(cur)
	f.initial = f.snapshot()
}

// keep edits again on top of the stored version: the fields that were
// typed keep what was typed, the others take what the other change made,
// and the next save goes through (unless yet another change comes first).
func (f *eventForm) keep() {
	c := f.conflict
	cur := c.current
	merged := cur.Clone()
	if f.base != nil {
		model.CopyFields(&merged, &c.typed, model.Fields(f.base, &c.typed))
	}
	f.base, f.rest, f.conflict = &cur, &merged, nil
	f.load(cur)
	f.initial = f.snapshot()
	f.load(merged)
}

// load puts an event in the form: its fields, and its anchoring source.
func (f *eventForm) load(e model.Event) {
	f.fill(e)
	f.source = 0
	for i, s := range f.sources {
		if s.ID == e.DateSource {
			f.source = i + 1
		}
	}
	f.read()
}
