package model

import (
	"maps"
	"slices"
)

// ChangesLinksTo reports whether c changed the links that another event
// makes to the event with an id, as that event's show lists them
// ("disputed by a"): a link added, removed or given another rel, or the
// linking event moved to the trash or back. An event an import added is
// not journaled whole, and so is not seen to link.
func (c EventChange) ChangesLinksTo(id string) bool {
	if c.ID == id {
		return false
	}
	return !slices.Equal(relsTo(c.Before, c.From, id), relsTo(c.After, c.To, id))
}

// relsTo returns the rels of the links a version of an event makes to
// id, sorted, when it is on the timeline: the links of an event in the
// trash are not shown on the events they name.
func relsTo(e *Event, at Whereabouts, id string) []Rel {
	if e == nil || at != OnTimeline {
		return nil
	}
	var rels []Rel
	for _, l := range e.Links {
		if l.Event == id {
			rels = append(rels, l.Rel)
		}
	}
	slices.Sort(rels)
	return rels
}

// Concerns reports whether c changed what the event with an id shows:
// the event itself, or the links another event makes to it.
func (c EventChange) Concerns(id string) bool {
	return c.ID == id || c.ChangesLinksTo(id)
}

// Concerns reports whether the entry changed what the event with an id
// shows (EventChange.Concerns).
func (e *Entry) Concerns(id string) bool {
	for i := range e.Events {
		if e.Events[i].Concerns(id) {
			return true
		}
	}
	return false
}

// LeavesLinks reports whether a change of kind op leaves every event's
// links as they were, so that an event's history need not read its
// events to find the links it changed: tags, notes, quotes, sources,
// the investigation's title and snapshots; and an import, which
// journals the events it adds by id alone.
func (op Op) LeavesLinks() bool {
	switch op {
	case OpTag, OpUntag, OpNote, OpQuote, OpSource, OpTitle, OpSnapshot, OpNew, OpImport:
		return true
	}
	return false
}

// LinksChangedTo returns, sorted, the ids of the events whose links from
// other events the entry changed (EventChange.ChangesLinksTo): the
// events whose history lists the entry though it did not touch them. An
// entry of a kind that leaves links (Op.LeavesLinks) changed none, as an
// event's history reads it. A store keeps them as an index, so that an
// event's history need not read the journal back to find them.
func (e *Entry) LinksChangedTo() []string {
	if e.Op.LeavesLinks() {
		return nil
	}
	seen := map[string]bool{}
	for i := range e.Events {
		e.Events[i].NoteLinksChanged(seen)
	}
	ids := slices.Collect(maps.Keys(seen))
	slices.Sort(ids)
	return ids
}

// NoteLinksChanged adds to seen the ids of the events whose links from
// other events the change changed (ChangesLinksTo), for LinksChangedTo:
// a change at a time, so that an entry of a million events need not be
// held whole to find them.
func (c *EventChange) NoteLinksChanged(seen map[string]bool) {
	for _, v := range []*Event{c.Before, c.After} {
		if v == nil {
			continue
		}
		for _, l := range v.Links {
			if !seen[l.Event] && c.ChangesLinksTo(l.Event) {
				seen[l.Event] = true
			}
		}
	}
}
