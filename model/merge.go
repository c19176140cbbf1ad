package model

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// MergeEvent returns what an import makes of a stored event when a record
// brings a new version of it: the stored event with the fields in fields
// taken from incoming, then the stored tags and notes kept as
// KeepAnnotations keeps them. A field the record did not carry (its
// format has no place for it, or a chrono JSON record left it out) keeps
// its stored value; a carried field that is empty clears it.
func MergeEvent(stored, incoming Event, fields FieldSet) Event {
	out := stored
	out.ID = incoming.ID
	// Tags and notes are cloned: KeepAnnotations appends to them, and
	// neither stored nor incoming may change under the caller.
	out.Tags = slices.Clone(stored.Tags)
	out.Notes = slices.Clone(stored.Notes)
	copyFields(&out, &incoming, fields)
	// A date source anchors the date text: a record that clears the
	// text without saying the source (TimelineJS has no place for it)
	// takes the source with it, or the event would be invalid.
	if out.DateText == "" && !fields.Has(FieldDateSource) {
		out.DateSource = ""
	}
	KeepAnnotations(&out, &stored)
	return out
}

// FieldChange is one field an update changes, with its value before and
// after as text for people: a list's items joined, a date in EDTF, ""
// for a field that is or becomes empty. Values keep their line breaks
// and white space, for a change may be in them alone; longer than
// MaxChangeText characters, both are cut to the same stretch around where
// they first differ (… marks a cut side), so that a dry run of a large
// import holds little and still shows the change.
type FieldChange struct {
	Field         string // the chrono JSON name
	Before, After string
	// Undid is set when an import with ImportOptions.Replace takes the
	// file's value over one changed in chrono since the last import
	// (ReplaceUndid).
	Undid bool
}

// Cleared reports whether the change empties the field.
func (c FieldChange) Cleared() bool { return c.After == "" && c.Before != "" }

// EventUpdate is what an import would change of one stored event.
type EventUpdate struct {
	ID      string
	Changes []FieldChange
}

// MaxChangeText bounds the text of a FieldChange's values, in characters.
const MaxChangeText = 200

// EventChanges lists the fields that differ between two versions of an
// event, in chrono JSON's order.
func EventChanges(before, after *Event) []FieldChange {
	var out []FieldChange
	for i, name := range fieldNames {
		f := FieldSet(1) << i
		if fieldEqual(before, after, f) {
			continue
		}
		b, a := cutAround(fieldText(before, f), fieldText(after, f), MaxChangeText)
		out = append(out, FieldChange{Field: name, Before: b, After: a})
	}
	return out
}

// changedFields is the set of fields whose values differ between a and b.
func changedFields(a, b *Event) FieldSet {
	var out FieldSet
	for f := FieldSet(1); f&AllFields != 0; f <<= 1 {
		if !fieldEqual(a, b, f) {
			out |= f
		}
	}
	return out
}

// fieldEqual reports whether a and b have the same value of field f.
func fieldEqual(a, b *Event, f FieldSet) bool {
	switch f {
	case FieldDate:
		return a.Date.String() == b.Date.String()
	case FieldDateText:
		return a.DateText == b.DateText && a.DateTextOf == b.DateTextOf
	case FieldDateSource:
		return a.DateSource == b.DateSource
	case FieldTitle:
		return a.Title == b.Title
	case FieldSummary:
		return a.Summary == b.Summary
	case FieldStatus:
		return a.Status == b.Status
	case FieldActors:
		return slices.Equal(a.Actors, b.Actors)
	case FieldTags:
		return slices.Equal(a.Tags, b.Tags)
	case FieldQuotes:
		return slices.Equal(a.Quotes, b.Quotes)
	case FieldLinks:
		return slices.Equal(a.Links, b.Links)
	case FieldNotes:
		return slices.EqualFunc(a.Notes, b.Notes, func(x, y Note) bool { return x.Text == y.Text && x.At.Equal(y.At) })
	case FieldMedia:
		return slices.Equal(a.Media, b.Media)
	}
	return true
}

// fieldText writes the value of field f of e for people, on one line
// once sanitized: "" when the field is empty.
func fieldText(e *Event, f FieldSet) string {
	switch f {
	case FieldDate:
		if e.Date.IsZero() {
			return ""
		}
		return e.Date.String()
	case FieldDateText:
		return e.DateText
	case FieldDateSource:
		return e.DateSource
	case FieldTitle:
		return e.Title
	case FieldSummary:
		return e.Summary
	case FieldStatus:
		return string(e.Status)
	case FieldActors:
		return strings.Join(e.Actors, "; ")
	case FieldTags:
		return strings.Join(e.Tags, "; ")
	case FieldQuotes:
		if len(e.Quotes) == 0 {
			return ""
		}
		return counted(len(e.Quotes), "quote") + ": " + Quoted(e.Quotes[0].Text)
	case FieldLinks:
		parts := make([]string, len(e.Links))
		for i, l := range e.Links {
			parts[i] = string(l.Rel) + " " + l.Event
		}
		return strings.Join(parts, "; ")
	case FieldNotes:
		if len(e.Notes) == 0 {
			return ""
		}
		return counted(len(e.Notes), "note") + ": " + e.Notes[0].Text
	case FieldMedia:
		if len(e.Media) == 0 {
			return ""
		}
		return counted(len(e.Media), "medium") + ": " + e.Media[0].Label()
	}
	return ""
}

func counted(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// Shorten cuts s to at most n characters, the last of them an ellipsis
// when it was longer. Line breaks and runs of spaces become one space,
// so that a value fits on a line.
func Shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n || n < 1 {
		return s
	}
	r := []rune(s)[:n-1]
	return strings.TrimRight(string(r), " ") + "…"
}

// CountUpdate counts an import's update of a stored event from before to
// after, and the fields it clears that are an investigation's evidence
// (quotes, links, status); when list is set (a dry run) and fewer than
// MaxListedUpdates are listed, it lists the update's changes.
func (r *ImportResult) CountUpdate(before, after *Event, list bool) {
	r.Updated++
	if len(before.Quotes) > 0 && len(after.Quotes) == 0 {
		r.ClearsQuotes++
	}
	if len(before.Links) > 0 && len(after.Links) == 0 {
		r.ClearsLinks++
	}
	if before.Status != "" && after.Status == "" {
		r.ClearsStatus++
	}
	if list && len(r.Updates) < MaxListedUpdates {
		r.Updates = append(r.Updates, EventUpdate{ID: after.ID, Changes: EventChanges(before, after)})
	}
}

// MaxListedUpdates bounds how many updates a dry run lists, so that a dry
// run of a large import holds little; the rest are only counted.
const MaxListedUpdates = 1000

// Since returns what r counts beyond earlier, a result r grew from: what
// one input of an import did, from the totals before and after it.
func (r ImportResult) Since(earlier ImportResult) ImportResult {
	return ImportResult{
		Events:         r.Events - earlier.Events,
		New:            r.New - earlier.New,
		Updated:        r.Updated - earlier.Updated,
		Unchanged:      r.Unchanged - earlier.Unchanged,
		Sources:        r.Sources - earlier.Sources,
		SourcesUpdated: r.SourcesUpdated - earlier.SourcesUpdated,
		SourcesKept:    grown(r.SourcesKept, earlier.SourcesKept),
		SourcesTook:    grown(r.SourcesTook, earlier.SourcesTook),
		HeaderKept:     grown(r.HeaderKept, earlier.HeaderKept),
		ClearsQuotes:   r.ClearsQuotes - earlier.ClearsQuotes,
		ClearsLinks:    r.ClearsLinks - earlier.ClearsLinks,
		ClearsStatus:   r.ClearsStatus - earlier.ClearsStatus,
		KeptEdits:      r.KeptEdits - earlier.KeptEdits,
		Settled:        r.Settled - earlier.Settled,
		UndidEdits:     r.UndidEdits - earlier.UndidEdits,
		UndidFields:    r.UndidFields - earlier.UndidFields,
		InTrash:        r.InTrash - earlier.InTrash,
		Updates:        grown(r.Updates, earlier.Updates),
	}
}

// grown is what a list that grew from earlier added to it (nil for
// nothing).
func grown[T any](list, earlier []T) []T {
	if len(list) <= len(earlier) {
		return nil
	}
	return slices.Clip(list[len(earlier):])
}
