package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A re-import brings a file's version of events the investigator may
// have changed in chrono since the last import: a title corrected, a
// status settled, a tag taken off. The file still says what it said
// then, so taking its fields as they are would undo that work without a
// word. The version the last import left (ImportBase) tells who changed
// what, as a three-way merge does: a field the file brings as that
// version had it was changed in chrono only, and keeps chrono's value; a
// field chrono left as it was takes the file's; a field both changed,
// each its own way, is a conflict, which stops the import unless the
// investigator has said which side wins.

// Prefer says which side wins a field changed both in chrono and in the
// file since the last import.
type Prefer string

// The sides a conflict can be settled for.
const (
	PreferNeither Prefer = ""       // a conflict stops the import
	PreferFile    Prefer = "file"   // the file's value is taken
	PreferChrono  Prefer = "chrono" // chrono's value is kept
)

// ParsePrefer reads a side as the CLI's --prefer names it.
func ParsePrefer(s string) (Prefer, error) {
	switch p := Prefer(s); p {
	case PreferFile, PreferChrono:
		return p, nil
	}
	return "", fmt.Errorf("%q is not a side: say file (take the file's values) or chrono (keep the edits made in chrono)", s)
}

// ErrEditedBoth marks a field an import would change that was also
// changed in chrono since the last import, to another value.
var ErrEditedBoth = errors.New("changed both in chrono and in the file since the last import")

// Merged is how an import's update of an event met the changes made in
// chrono since the last import.
type Merged struct {
	// Kept are the fields changed in chrono only: their values stand.
	Kept FieldSet
	// Conflicts are the fields changed both in chrono and in the file,
	// each its own way: settled as Prefer says, or refused.
	Conflicts FieldSet
}

// MergeEdited is MergeEvent for an event that base, the version the last
// import left, tells apart from the changes made in chrono since (nil:
// none, and the fields in fields are taken as they are). Tags and notes
// are never taken away by an import; of those the file has, only the ones
// it did not have at the last import are added, so that a tag removed in
// chrono stays removed.
func MergeEdited(stored, incoming Event, fields FieldSet, base *Event, prefer Prefer) (Event, Merged) {
	if base == nil {
		return MergeEvent(stored, incoming, fields), Merged{}
	}
	var m Merged
	for i := range fieldNames {
		f := FieldSet(1) << i
		if !fields.Has(f) || f == FieldTags || f == FieldNotes {
			continue
		}
		switch {
		case fieldEqual(&incoming, base, f):
			fields &^= f
			if !fieldEqual(&stored, base, f) {
				m.Kept |= f
			}
		case fieldEqual(&stored, base, f), fieldEqual(&stored, &incoming, f):
		default:
			m.Conflicts |= f
			if prefer == PreferChrono {
				fields &^= f
			}
		}
	}
	out := MergeEvent(stored, incoming, fields&^(FieldTags|FieldNotes))
	if fields.Has(FieldTags) {
		if slices.ContainsFunc(incoming.Tags, func(t string) bool { return hasTag(base.Tags, t) && !hasTag(stored.Tags, t) }) {
			m.Kept |= FieldTags // a tag removed in chrono stays removed
		}
		for _, t := range incoming.Tags {
			if !hasTag(base.Tags, t) && !hasTag(out.Tags, t) {
				out.Tags = append(out.Tags, t)
			}
		}
	}
	if fields.Has(FieldNotes) {
		for _, n := range incoming.Notes {
			if !hasNote(base.Notes, n) && !hasNote(out.Notes, n) {
				out.Notes = append(out.Notes, n)
			}
		}
	}
	return out, m
}

// hasTag reports whether tags hold t, in any case.
func hasTag(tags []string, t string) bool { return tagIndex(tags, t) >= 0 }

// hasNote reports whether notes hold n: the same text at the same time.
func hasNote(notes []Note, n Note) bool {
	return slices.ContainsFunc(notes, func(k Note) bool { return k.Text == n.Text && k.At.Equal(n.At) })
}

// Problems returns a problem for each field of m's conflicts, for the
// event id, record n of its file: the value chrono has now, the one the
// last import left and the one the file brings. Chrono's value is not
// said to be an edit: it may be one an earlier import kept (--prefer
// chrono) over what the file brought then.
func (m Merged) Problems(id string, n int, stored, incoming, base *Event) []Problem {
	var out []Problem
	for _, name := range m.Conflicts.Names() {
		f, _ := FieldByName(name)
		out = append(out, Problem{Part: EventPart, ID: id, N: n, Err: ErrEditedBoth,
			Msg: fmt.Sprintf("%s: chrono has %s where the last import brought %s, and the file now brings %s",
				name, shownValue(stored, f), shownValue(base, f), shownValue(incoming, f))})
	}
	return out
}

// conflictText is how many characters of a value a conflict shows.
const conflictText = 60

// shownValue is a field's value quoted for a conflict's message, or
// "nothing".
func shownValue(e *Event, f FieldSet) string {
	if s := fieldText(e, f); s != "" {
		return quotedValue(s)
	}
	return "nothing"
}

// quotedValue is a value quoted, shortened, for a conflict's message.
func quotedValue(s string) string { return "“" + Shorten(s, conflictText) + "”" }

// changedTo says what another change left a field as, for the message
// of a write it refused, so that it can be settled knowing both
// versions: "to “…”", or "emptied".
func changedTo(s string) string {
	if strings.TrimSpace(s) == "" {
		return "emptied"
	}
	return "to " + quotedValue(s)
}

// Count adds m to r: an event whose edits in chrono were kept, and the
// conflicts settled by a side.
func (m Merged) Count(r *ImportResult) {
	if m.Kept != 0 {
		r.KeptEdits++
	}
	r.Settled += m.Conflicts.Len()
}

// EditMerge is an import's way with the stored events it updates: each
// is merged with MergeEdited, what was kept or settled is counted, and
// the conflicts Prefer leaves are gathered, so that the import stops with
// every one of them rather than the first.
type EditMerge struct {
	Prefer Prefer
	// Replace takes the file's version of each event whole
	// (ImportOptions.Replace): nothing is kept or in conflict, and the
	// changes made in chrono that it undoes are told (ReplaceUndid).
	Replace bool
	// Taken is Input.Taken of the input being read.
	Taken func(stored Event, read *Event)
	// InTrash reports whether the store's trash holds an event: a
	// stored link to one is kept whatever the file's links (nil: none
	// is known).
	InTrash func(id string) bool
	// SkipTrashed skips an event in the trash rather than stop the
	// import at it (ImportOptions.SkipTrashed).
	SkipTrashed bool
	conflicts   Problems
}

// Update is what an import makes of a stored event it updates
// (EditMerge.Merge).
type Update struct {
	// Event is the event to store; Keep is false for one with conflicts
	// left, which is not written.
	Event Event
	Keep  bool
	// Imported is the version the file would have made, when the merge
	// kept values of chrono's (EventChange.Imported); Remember is set
	// when the entry must keep it even for an event left unchanged, as
	// the file says something new that chrono's values won over.
	Imported *Event
	Remember bool
	// Undid is, for a replace, the fields in which the update undoes
	// changes made in chrono since the last import (ReplaceUndid).
	Undid FieldSet
}

// Change is the journal's record of the update of before, the stored
// version.
func (u *Update) Change(before *Event) EventChange {
	return EventChange{ID: before.ID, Before: before, From: OnTimeline, To: OnTimeline, Imported: u.Imported, Undid: u.Undid.Names()}
}

// Merge merges incoming into stored as MergeEdited does, counting into r;
// with Replace, it takes incoming's every field in fields instead.
// Conflicts left are gathered for Err, placed at at, and the update is
// not to be kept.
func (x *EditMerge) Merge(stored, incoming Event, fields FieldSet, base *Event, n int, at Place, r *ImportResult) Update {
	if x.Taken != nil {
		x.Taken(stored, &incoming)
	}
	// What the file says, for the next import to tell apart from what
	// this one leaves: without the links to the trash kept beside it.
	asFiled := incoming
	if x.InTrash != nil && fields.Has(FieldLinks) {
		incoming.Links = withLinksToTrash(stored.Links, incoming.Links, x.InTrash)
	}
	if x.Replace {
		// The file's version of the fields it carries: base only tells
		// what of chrono's the update undoes.
		u := Update{Event: MergeEvent(stored, incoming, fields), Keep: true}
		if base != nil {
			u.Undid = ReplaceUndid(&stored, &u.Event, base)
		}
		if u.Undid != 0 {
			r.UndidEdits++
			r.UndidFields += u.Undid.Len()
		}
		return u
	}
	out, m := MergeEdited(stored, incoming, fields, base, x.Prefer)
	if m.Conflicts != 0 && x.Prefer == PreferNeither {
		for _, p := range m.Problems(incoming.ID, n, &stored, &incoming, base) {
			x.conflicts.Add(at.Problem(p))
		}
		return Update{Event: stored}
	}
	m.Count(r)
	wonByChrono := m.Conflicts
	if x.Prefer != PreferChrono {
		wonByChrono = 0
	}
	// What the file would have made is the version the last import left
	// with the fields the file carries: one it does not carry still has
	// that import's value, so that a change chrono made to it since is
	// told apart at the next import, as this one told it, rather than
	// taken for the file's and lost to a file that carries it. Tags and
	// notes count only where the file brings one the event lacks.
	// Links to the trash kept are remembered as not the file's, or the
	// next import, the events restored, would read the file as having
	// taken them away.
	keptTrash := !slices.Equal(incoming.Links, asFiled.Links)
	u := Update{Event: out, Keep: true, Remember: wonByChrono != 0 || keptTrash}
	switch {
	case base != nil:
		file := MergeEvent(*base, asFiled, fields)
		if m.Kept|wonByChrono != 0 || differsFromFile(&out, &file) || keptTrash {
			u.Imported = &file
		}
	case keptTrash:
		file := MergeEvent(stored, asFiled, fields)
		u.Imported = &file
	}
	return u
}

// withLinksToTrash returns links, a file's links of an event, with the
// stored ones to events in the trash added. No file holds such a link:
// an export leaves it out and an import refuses it. So one missing from
// the file was not taken away by it, and an import that took the
// file's links as they are would cut it silently (a backup merged into
// the store it came from did).
func withLinksToTrash(stored, links []Link, inTrash func(id string) bool) []Link {
	var missing []Link
	for _, l := range stored {
		if !slices.Contains(links, l) && inTrash(l.Event) {
			missing = append(missing, l)
		}
	}
	if missing == nil {
		return links // most events: nothing to keep, nothing copied
	}
	rest := slices.DeleteFunc(slices.Clone(stored), func(l Link) bool { return slices.Contains(missing, l) })
	if slices.Equal(rest, links) {
		return slices.Clone(stored) // in the order they are stored
	}
	return append(slices.Clip(links), missing...)
}

// differsFromFile reports whether out, what an import leaves, differs
// from file, what the file would have made, in a way the next import
// must know: any field but tags and notes, or a tag or note of the file's
// that out lacks (chrono's own are none of the file's concern).
func differsFromFile(out, file *Event) bool {
	for i := range fieldNames {
		f := FieldSet(1) << i
		if f != FieldTags && f != FieldNotes && !fieldEqual(out, file, f) {
			return true
		}
	}
	return slices.ContainsFunc(file.Tags, func(t string) bool { return !hasTag(out.Tags, t) }) ||
		slices.ContainsFunc(file.Notes, func(n Note) bool { return !hasNote(out.Notes, n) })
}

// Trashed takes an event of the file whose id is that of an event in
// the trash, record n at at, which the import leaves out: on the
// timeline and in the trash at once it could be restored over itself,
// or its trashed version lost to an undo of the import. With
// SkipTrashed it is counted in r; else it is gathered for Err, and the
// import stops with every such event named at its place, as it does
// with conflicts, and keeps nothing. Its advice never empties the
// trash, which would destroy every other deleted event with it.
func (x *EditMerge) Trashed(id string, n int, at Place, r *ImportResult) {
	if x.SkipTrashed {
		r.InTrash++
		return
	}
	x.conflicts.Add(at.Problem(Problem{Part: EventPart, ID: id, N: n,
		Msg: fmt.Sprintf("in the trash: to keep it deleted, import with --skip-trashed (or take it out of the file); to have the file update it, restore it first (chrono restore %s); then import again", id)}))
}

// Err returns the conflicts gathered since the last call, as *Problems,
// or nil; an import calls it at the end of each file.
func (x *EditMerge) Err() error {
	if x.conflicts.Len() == 0 {
		return nil
	}
	ps := x.conflicts
	x.conflicts = Problems{}
	return &ps
}
