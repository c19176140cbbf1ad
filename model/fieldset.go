package model

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
)

// FieldSet is a set of an event's fields, named as chrono JSON names
// them. An import uses it to say which fields a record carries: an update
// takes those from the record and keeps the stored value of every other,
// so that a format with no place for links, say, never erases them.
type FieldSet uint16

// The fields of an event, in the order chrono JSON writes them. The id is
// not one: it says which event a record is.
const (
	FieldDate FieldSet = 1 << iota
	FieldDateText
	FieldDateSource
	FieldTitle
	FieldSummary
	FieldStatus
	FieldActors
	FieldTags
	FieldQuotes
	FieldLinks
	FieldNotes
	FieldMedia

	// AllFields is every field of an event.
	AllFields = FieldMedia<<1 - 1
)

// fieldNames are the fields' chrono JSON names, one per bit in order.
var fieldNames = [...]string{"date", "date_text", "date_source", "title", "summary", "status", "actors", "tags", "quotes", "links", "notes", "media"}

// FieldByName returns the field a chrono JSON name names.
func FieldByName(name string) (FieldSet, bool) {
	for i, n := range fieldNames {
		if n == name {
			return 1 << i, true
		}
	}
	return 0, false
}

// Has reports whether s holds every field of f.
func (s FieldSet) Has(f FieldSet) bool { return s&f == f }

// Len returns how many fields s holds.
func (s FieldSet) Len() int { return bits.OnesCount16(uint16(s & AllFields)) }

// Names returns the names of the fields in s, in chrono JSON's order.
func (s FieldSet) Names() []string {
	var out []string
	for i, n := range fieldNames {
		if s&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// String lists the fields' names separated by commas ("date,title"),
// "all" for every field and "none" for none; ParseFieldSet reads it back.
func (s FieldSet) String() string {
	switch s & AllFields {
	case 0:
		return "none"
	case AllFields:
		return "all"
	}
	return strings.Join(s.Names(), ",")
}

// ParseFieldSet reads a list of field names separated by commas, or "all"
// or "none", as String writes it. Spaces around names are ignored.
func ParseFieldSet(text string) (FieldSet, error) {
	switch strings.TrimSpace(text) {
	case "all":
		return AllFields, nil
	case "none", "":
		return 0, nil
	}
	var s FieldSet
	for name := range strings.SplitSeq(text, ",") {
		f, ok := FieldByName(strings.TrimSpace(name))
		if !ok {
			return 0, fmt.Errorf("field %q: not an event field (the fields are %s)", strings.TrimSpace(name), strings.Join(fieldNames[:], ", "))
		}
		s |= f
	}
	return s, nil
}

// copyFields copies the fields in f from src into dst, the lists cloned
// so that dst never shares them with src.
func copyFields(dst, src *Event, f FieldSet) {
	if f.Has(FieldDate) {
		dst.Date = src.Date
	}
	if f.Has(FieldDateText) {
		dst.DateText, dst.DateTextOf = src.DateText, src.DateTextOf
	}
	if f.Has(FieldDateSource) {
		dst.DateSource = src.DateSource
	}
	if f.Has(FieldTitle) {
		dst.Title = src.Title
	}
	if f.Has(FieldSummary) {
		dst.Summary = src.Summary
	}
	if f.Has(FieldStatus) {
		dst.Status = src.Status
	}
	if f.Has(FieldActors) {
		dst.Actors = slices.Clone(src.Actors)
	}
	if f.Has(FieldTags) {
		dst.Tags = slices.Clone(src.Tags)
	}
	if f.Has(FieldQuotes) {
		dst.Quotes = slices.Clone(src.Quotes)
	}
	if f.Has(FieldLinks) {
		dst.Links = slices.Clone(src.Links)
	}
	if f.Has(FieldNotes) {
		dst.Notes = slices.Clone(src.Notes)
	}
	if f.Has(FieldMedia) {
		dst.Media = slices.Clone(src.Media)
	}
}

// FieldSink is a Sink that is told which fields each event's record
// carried. Readers that know it (chrono JSON, where a field may be left
// out of a record, and CSV, whose columns may be) send events to a
// FieldSink through SendEvent; a Sink that is not one gets Event.
type FieldSink interface {
	Sink
	// EventFields is Event, with the fields the record carried: an
	// update keeps the stored value of every other.
	EventFields(e Event, n int, present FieldSet) error
}

// SendEvent sends e to sink with the fields its record carried: through
// EventFields when sink is a FieldSink, else through Event.
func SendEvent(sink Sink, e Event, n int, present FieldSet) error {
	if fs, ok := sink.(FieldSink); ok {
		return fs.EventFields(e, n, present)
	}
	return sink.Event(e, n)
}

// Locator is a Sink that is told where in its file each event begins,
// so that what it finds wrong with the event later (a missing title, a
// duplicate id, a source no file declares) carries the event's line and
// column as a reader's own problems do. Readers that know it call
// EventAt just before sending the nth event.
type Locator interface {
	EventAt(n int, at Place)
}

// SourceLocator is a Sink that is told where in its file each source
// is, so that what it finds wrong with the source (an id that is no
// slug, one used twice) carries the place as an event's problems do.
// Readers that know it call SourceAt just before sending the nth source.
type SourceLocator interface {
	SourceAt(n int, at Place)
}

// UpdateFields is what an import's update of a stored event takes from a
// record that carried present, in a format with a place for carries
// (zero: every field): the fields in both. With replace, a format whose
// records are the event whole (whole, or zero carries) gives the file's
// version whole, what a record leaves out cleared too (chrono JSON leaves
// out empty members); any other gives the fields its record carries and
// no more (a sheet's columns, a Timesketch record chrono did not write),
// for what a record has no place for is not the file's to clear.
func UpdateFields(present, carries FieldSet, replace, whole bool) FieldSet {
	if carries == 0 {
		carries, whole = AllFields, true
	}
	if replace && whole {
		return AllFields
	}
	return present & carries
}
