package model

import "slices"

// EditBeside carries an edit of an event made from base (mine) onto the
// version another change left meanwhile (theirs): the fields mine changed
// are put on theirs, and kept names the fields theirs changed, which stay.
// When both changed a field, both names them and merged is nothing: the
// edit cannot be carried without overwriting the other's.
func EditBeside(base, mine, theirs *Event) (merged Event, kept, both []string) {
	changed := Fields(base, mine)
	kept = Fields(base, theirs)
	for _, f := range changed {
		if slices.Contains(kept, f) {
			both = append(both, f)
		}
	}
	if len(both) > 0 {
		return Event{}, kept, both
	}
	merged = theirs.Clone()
	CopyFields(&merged, mine, changed)
	return merged, kept, nil
}
