package model

import "slices"

// Notes are added, never merged: two people noting the same event each
// add one at the end. A change that only added notes is taken back by
// taking its notes out of the event as it is now, and one that only
// removed notes (the undo of an add, say) by putting them back where they
// were, so that notes others added or removed since do not stand in the
// way of undoing one's own; a change that edited a note still puts the
// notes back as they were, and is refused when anything changed them
// since.

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

// removedNotes returns the notes c took out of the event's notes, each
// with where it was, when taking them out is all c did to the notes.
func removedNotes(c *EventChange) (gone []Note, at []int, ok bool) {
	if c.Before == nil || c.After == nil {
		return nil, nil, false
	}
	was, is := c.Before.Notes, c.After.Notes
	if len(is) >= len(was) {
		return nil, nil, false
	}
	j := 0
	for i := range was {
		if j < len(is) && was[i].same(is[j]) {
			j++
			continue
		}
		gone, at = append(gone, was[i]), append(at, i)
	}
	return gone, at, j == len(is)
}

// onlyAddsOrRemovesNotes reports whether all c did to the notes was to
// add some at the end or to take some out.
func onlyAddsOrRemovesNotes(c *EventChange) bool {
	_, added := appendedNotes(c)
	_, _, removed := removedNotes(c)
	return added || removed
}

// meets reports whether a later change lc touched what reverting c
// would put back: fields both changed, but not the notes when each of
// them only added or removed notes (reverting c then takes out, or puts
// back, only its own).
func meets(c, lc *EventChange, mine []string) bool {
	theirs := lc.changedFields()
	if mine == nil || theirs == nil {
		return true
	}
	notesApart := onlyAddsOrRemovesNotes(c) && onlyAddsOrRemovesNotes(lc)
	return slices.ContainsFunc(mine, func(f string) bool {
		return slices.Contains(theirs, f) && !(f == "notes" && notesApart)
	})
}

// withNotesBack is notes with gone put back where they were (at, in the
// notes before their removal), each that is not there already.
func withNotesBack(notes, gone []Note, at []int) []Note {
	out := slices.Clone(notes)
	for k, g := range gone {
		if slices.ContainsFunc(out, func(n Note) bool { return n.same(g) }) {
			continue
		}
		out = slices.Insert(out, min(at[k], len(out)), g)
	}
	return out
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
