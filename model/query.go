package model

import (
	"slices"
	"strings"
)

// Query selects events. Within a field the values are alternatives (an
// event matches if it has any of the tags); the fields combine (it must
// match every field that is set). The zero Query selects every event.
type Query struct {
	Tags     []string
	Statuses []Status
	Actors   []string
	// Sources selects events that cite one of these sources, by id: in
	// a quote (Quote.Source), or as the source whose publication anchors
	// their date (DateSource). Both are what the event takes from the
	// source, as AppendCited lists them and Tx.Citing counts them.
	Sources []string
	// During selects events whose dates overlap it, by the clock the
	// rows show them at, in Zone, where it gives no offset
	// (OverlapsShown); undated events never do.
	During Date
	Zone   Zone
	// Text selects events that contain it, ignoring case, and accents
	// when it has none (FindFold), in their title, summary, date text,
	// actors, tags, quotes (text, speaker, context), notes, or media
	// (caption, credit, title, alt: what people read of them, not their
	// addresses).
	Text string
	// Untagged selects events with no tags; Noted, events with notes.
	Untagged, Noted bool
	// Linked selects events with a link of one of these relations as the
	// event sees it: its own links, and those other events make to it
	// turned around (DisputedBy selects an event another one disputes).
	Linked []Rel
	// ByID selects only the events IDs names (none when it names none):
	// a set the caller worked out, such as the events with a chronology
	// problem. A list given in a query is never changed after, by the
	// caller or the store: a store may keep what it worked out of the
	// list for the next query that gives the same one.
	ByID bool
	IDs  []string
}

// IsZero reports whether q selects every event.
func (q Query) IsZero() bool {
	return len(q.Tags) == 0 && len(q.Statuses) == 0 && len(q.Actors) == 0 && len(q.Sources) == 0 && q.During.IsZero() && q.Text == "" && !q.Untagged && !q.Noted && len(q.Linked) == 0 && !q.ByID
}

// Matches reports whether q selects e, seeing only e's own links (a
// Linked filter needs those others make to it too: MatchesIn).
func (q Query) Matches(e *Event) bool { return q.MatchesIn(e, nil) }

// MatchesIn reports whether q selects e, given the links other events
// make to it. Stores answer queries faster from their indexes; this is
// what the answers must agree with.
func (q Query) MatchesIn(e *Event, incoming []Incoming) bool {
	switch {
	case q.ByID && !slices.Contains(q.IDs, e.ID):
		return false
	case len(q.Linked) > 0 && !q.linked(e, incoming):
		return false
	case len(q.Tags) > 0 && !slices.ContainsFunc(q.Tags, e.HasTag):
		return false
	case len(q.Statuses) > 0 && !slices.Contains(q.Statuses, e.Status):
		return false
	case len(q.Actors) > 0 && !slices.ContainsFunc(q.Actors, e.HasActor):
		return false
	case len(q.Sources) > 0 && !e.Cites(q.Sources):
		return false
	case !q.During.IsZero() && !e.Date.OverlapsShown(q.During, q.Zone):
		return false
	case q.Untagged && len(e.Tags) > 0:
		return false
	case q.Noted && len(e.Notes) == 0:
		return false
	case q.Text != "" && !e.Contains(q.Text):
		return false
	}
	return true
}

// Contains reports whether text appears in any of the fields a search
// looks at, ignoring case.
func (e *Event) Contains(text string) bool {
	found := false
	e.searchFields(func(kind, field string) bool {
		found = fieldContains(kind, field, text)
		return !found
	})
	return found
}

// fieldContains reports whether text is in a field of kind, ignoring
// case: a tag as it is shown, with its #, so that #key finds the tag key
// and a text that writes it so.
func fieldContains(kind, field, text string) bool {
	if kind == "tag" && strings.HasPrefix(text, "#") {
		return TagContains(field, text)
	}
	return ContainsFold(field, text)
}

// TagContains reports whether text is in tag as it is shown, #tag,
// ignoring case.
func TagContains(tag, text string) bool { return ContainsFold("#"+tag, text) }

// SearchFields calls fn with each field a search looks at, until fn
// returns false.
func (e *Event) SearchFields(fn func(field string) bool) {
	e.searchFields(func(_, field string) bool { return fn(field) })
}

// MatchIn says where a search for text first finds it in e: "title",
// "summary", "date", "actor", "tag", "quote" (its text, speaker or
// context), "note" or "medium" (its caption, credit, title or alt); ""
// when it is not in e.
func (e *Event) MatchIn(text string) string {
	where := ""
	e.searchFields(func(kind, field string) bool {
		if fieldContains(kind, field, text) {
			where = kind
		}
		return where == ""
	})
	return where
}

// searchFields calls fn with each field a search looks at and what kind
// of field it is, until fn returns false.
func (e *Event) searchFields(fn func(kind, field string) bool) {
	for _, f := range []struct{ kind, text string }{{"title", e.Title}, {"summary", e.Summary}, {"date", e.DateText}} {
		if !fn(f.kind, f.text) {
			return
		}
	}
	for _, list := range []struct {
		kind string
		all  []string
	}{{"actor", e.Actors}, {"tag", e.Tags}} {
		for _, f := range list.all {
			if !fn(list.kind, f) {
				return
			}
		}
	}
	for _, q := range e.Quotes {
		if !fn("quote", q.Text) || !fn("quote", q.Speaker) || !fn("quote", q.Context) {
			return
		}
	}
	for _, n := range e.Notes {
		if !fn("note", n.Text) {
			return
		}
	}
	for _, m := range e.Media {
		if !fn("medium", m.Caption) || !fn("medium", m.Credit) || !fn("medium", m.Title) || !fn("medium", m.Alt) {
			return
		}
	}
}

// ContainsFold reports whether substr is in s, ignoring case, and accents
// too when substr has none (FindFold).
func ContainsFold(s, substr string) bool { return IndexFold(s, substr) >= 0 }

// IndexFold returns the byte index of the first match of substr in s, as
// FindFold finds it, or -1.
func IndexFold(s, substr string) int {
	i, _ := FindFold(s, substr)
	return i
}

// Facet is one value of a tag, actor, status or cited source with how many events have
// it.
type Facet struct {
	Name  string
	Count int
}

// FacetKind says which field facets count. Its values mean nothing
// outside this process: stores keep their counts under keys of their own.
type FacetKind int

// Facet kinds; the zero FacetKind is none of them.
const (
	FacetTags FacetKind = iota + 1
	FacetActors
	FacetStatuses
	// FacetSources counts the events citing each source (Query.Sources).
	FacetSources
)

// Period is a count of events in one month of the timeline, by their
// earliest bound, and by how many months they may fall in. Two more
// periods sit at the ends of the timeline: events whose start is open or
// unknown (Open), and undated events (Undated).
type Period struct {
	Year  int64 // astronomical year; 0 for the Open and Undated periods
	Month int   // 1–12; 0 for the Open and Undated periods
	// Months is how many months, from this one on, each event counted
	// here may fall in: 1 for events known to the month (and for those
	// with an open end, which are counted where they are known to start),
	// 13 for 2021/2022-01. A picture of density spreads them over those
	// months rather than stacking them where they start. 0 for the Open
	// and Undated periods.
	Months  int
	Open    bool
	Undated bool
	Count   int
}

// MonthsOf returns how many calendar months, counted in UTC, the span
// from earliest to latest covers: 1 within a month, and 1 when either
// end is open.
func MonthsOf(earliest, latest Instant) int {
	if earliest.IsUnbounded() || latest.IsUnbounded() || latest.Compare(earliest) < 0 {
		return 1
	}
	y1, m1, _ := earliest.Civil()
	y2, m2, _ := latest.Civil()
	return int((y2*12 + int64(m2)) - (y1*12 + int64(m1)) + 1)
}

// Change is what a write did to one event: its versions before and after,
// so that a caller can show the result and undo it.
type Change struct {
	Before, After Event
}

// TagDelta is a change to one event's tags: what to add and what to take
// away. Writing deltas rather than whole events means a tag another
// process wrote meanwhile is kept.
type TagDelta struct {
	ID          string
	Add, Remove []string
	// Was, in the delta that takes a change back, is the order of the
	// tags before that change: a tag added goes back to its place in it
	// rather than at the end.
	Was []string
}

// Inverse returns the delta that takes c's change of tags back: the tags
// it added go, the tags it removed return where they were.
func (c Change) Inverse() TagDelta {
	d := TagDelta{ID: c.Before.ID, Was: slices.Clone(c.Before.Tags)}
	for _, t := range c.After.Tags {
		if !slices.Contains(c.Before.Tags, t) {
			d.Remove = append(d.Remove, t)
		}
	}
	for _, t := range c.Before.Tags {
		if !slices.Contains(c.After.Tags, t) {
			d.Add = append(d.Add, t)
		}
	}
	return d
}

// Apply returns e's tags with d applied: removals first, then additions
// not already there, in d's order: at the end, or, for a tag in d.Was,
// back in its place there, after the nearest tag before it that is
// still held (first when none is), so that undoing a removal restores
// the order exactly while the tags written since stay where they are.
// Tags in any case are one tag: "key" removes "Key", and is not added
// beside it.
func (d TagDelta) Apply(tags []string) []string {
	out := slices.DeleteFunc(slices.Clone(tags), func(t string) bool { return hasTag(d.Remove, t) })
	for _, t := range d.Add {
		if !hasTag(out, t) {
			out = slices.Insert(out, d.place(out, t), t)
		}
	}
	return out
}

// place is where Apply puts tag t back in tags: after the nearest tag
// held that came before it in d.Was, else first; at the end when d.Was
// does not hold it.
func (d TagDelta) place(tags []string, t string) int {
	i := tagIndex(d.Was, t)
	if i < 0 {
		return len(tags)
	}
	for _, prev := range slices.Backward(d.Was[:i]) {
		if j := tagIndex(tags, prev); j >= 0 {
			return j + 1
		}
	}
	return 0
}

// tagIndex is the index of tag t in tags, in any case, or -1.
func tagIndex(tags []string, t string) int {
	return slices.IndexFunc(tags, func(s string) bool { return SameInAnyCase(s, t) })
}

// Row is an event with its position in timeline order, as a store lists
// it.
type Row struct {
	Pos   Position
	Event Event
}

// Window is a run of consecutive events of a view (the events a Query
// selects, in timeline order): what a browser holds around its cursor
// instead of the whole investigation.
type Window struct {
	Rows []Row
	// Start is the position in the view of Rows[0], from 0.
	Start int
	// AtStart and AtEnd report whether the window reaches the view's first
	// and last events.
	AtStart, AtEnd bool
}

// IDs are the ids of the window's events, in its order.
func (w Window) IDs() []string {
	ids := make([]string, len(w.Rows))
	for i, r := range w.Rows {
		ids[i] = r.Event.ID
	}
	return ids
}

// linked reports whether e has a link of a relation q.Linked names, its
// own or one another event makes to it, turned around.
func (q Query) linked(e *Event, incoming []Incoming) bool {
	for _, l := range e.Links {
		if slices.Contains(q.Linked, l.Rel) {
			return true
		}
	}
	for _, in := range incoming {
		if slices.Contains(q.Linked, in.Rel.Inverse()) {
			return true
		}
	}
	return false
}
