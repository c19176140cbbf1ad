package model

import "slices"

// Notes are added, never merged: two people noting the same event each
// add one at the end. A change that only added notes is taken back by
// taking its notes out of the event as it is now, so that notes others
// added since do not stand in the way of undoing one's own; a change that
// edited or removed a note still puts the notes back as they were, and
// is refused when anything changed them since.

// appendedNotes returns the notes c added after the event's notes, when
// adding them is all c did to the notes.
func appendedNotes(c *EventChange) ([]Note, bool) {
	if c.Before == nil || c.After == nil {
		return nil, false
	}
	was, is := c.Before.Notes, c.After.Notes
	if len(is) <= len(was) {
		return nil, false
	}
	for i := range was {
		if !was[i].same(is[i]) {
			return nil, false
		}
	}
	return is[len(was):], true
}

// meets reports whether a later change lc touched what reverting c
// would put back: fields both changed, but not the notes when each of
// them only added notes.
func meets(c, lc *EventChange, mine []string) bool {
	theirs := lc.changedFields()
	if mine == nil || theirs == nil {
		return true
	}
	_, cAdded := appendedNotes(c)
	_, lcAdded := appendedNotes(lc)
	return slices.ContainsFunc(mine, func(f string) bool {
		return slices.Contains(theirs, f) && !(f == "notes" && cAdded && lcAdded)
	})
}

// withoutNotes is notes without one of each of gone, matched as written;
// ok is false when one of gone is not among them.
func withoutNotes(notes, gone []Note) (out []Note, ok bool) {
	out = slices.Clone(notes)
	for _, g := range gone {
		i := slices.IndexFunc(out, func(n Note) bool { return n.same(g) })
		if i < 0 {
			return nil, false
		}
		out = slices.Delete(out, i, i+1)
	}
	return out, true
}
