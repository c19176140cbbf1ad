package model

import "slices"

// An import with ImportOptions.Replace takes the file's value of every
// field its format carries (the file's version whole, in chrono JSON),
// whatever was changed in chrono since the last import: the file wins,
// as the option's name says, where a plain re-import would keep
// chrono's values (MergeEdited). Only the tags and
// notes added in chrono stay (KeepAnnotations). Taking the file's side
// silently would undo the investigator's work without a word, so the
// import tells which of those changes it undid: counted in its result,
// marked in a dry run's list, and named by event and field in its
// journal entry (EventChange.Undid).

// ReplaceUndid returns the fields in which out, what a replace makes of
// stored, undoes a change made in chrono since base, the version the
// last import left (or what its file said, where it kept chrono's
// values). A field is undone when chrono had changed it from base and
// the replace changes it again; tags and notes, of which a replace only
// adds, when it brings back one base had that chrono took off (or
// spelt another way).
func ReplaceUndid(stored, out, base *Event) FieldSet {
	var undid FieldSet
	for i := range fieldNames {
		f := FieldSet(1) << i
		switch f {
		case FieldTags:
			if slices.ContainsFunc(out.Tags, func(t string) bool {
				return slices.Contains(base.Tags, t) && !slices.Contains(stored.Tags, t)
			}) {
				undid |= f
			}
		case FieldNotes:
			if slices.ContainsFunc(out.Notes, func(n Note) bool { return hasNote(base.Notes, n) && !hasNote(stored.Notes, n) }) {
				undid |= f
			}
		default:
			if !fieldEqual(stored, base, f) && !fieldEqual(stored, out, f) {
				undid |= f
			}
		}
	}
	return undid
}

// CountUpdate counts the update of before into r as
// ImportResult.CountUpdate does, and marks in the update it lists (a dry
// run's) the fields whose changes in chrono it undoes.
func (u *Update) CountUpdate(r *ImportResult, before *Event, list bool) {
	n := len(r.Updates)
	r.CountUpdate(before, &u.Event, list)
	if len(r.Updates) == n || u.Undid == 0 {
		return
	}
	changes := r.Updates[n].Changes
	for i := range changes {
		if f, ok := FieldByName(changes[i].Field); ok && u.Undid.Has(f) {
			changes[i].Undid = true
		}
	}
}
