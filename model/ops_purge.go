package model

import (
	"fmt"
	"slices"
)

// Purging events out of the trash, and the links to them with the
// events: a link names an event on the timeline or in the trash, never
// one that is gone.

// Purged is what purging events did to the events left: the links that
// events on the timeline made to the purged ones, removed in the same
// write.
type Purged struct {
	Unlinked []Unlinked
}

// Unlinked is a link removed from the event From because the event it
// named, Link.Event, was purged.
type Unlinked struct {
	From string
	Link Link
}

// Holders counts the events the links were removed from.
func (p Purged) Holders() int {
	seen := map[string]bool{}
	for _, u := range p.Unlinked {
		seen[u.From] = true
	}
	return len(seen)
}

// PurgeEvents removes events from the trash for good, and the links that
// events on the timeline make to them. A link to an event in the trash
// stays while the event can be restored; once the event is gone the link
// would name nothing: shown as "(not in this store)", and written into
// every export of the store, which no store could then import. The links
// are removed in the same write as the events, so that the purge's
// journal entry, attributed to whoever emptied the trash, records each
// event that lost one, before and after.
//
// Links that events still in the trash make to a purged event stay with
// them, as the trash keeps them (a Tx does not change the trash); only a
// purge of part of the trash leaves such links, and DanglingLinks finds
// them.
func PurgeEvents(tx Tx, ids []string) (Purged, error) {
	gone := make(map[string]bool, len(ids))
	var holders []string
	for _, id := range ids {
		gone[id] = true
		in, err := tx.Backlinks(id)
		if err != nil {
			return Purged{}, err
		}
		for _, l := range in {
			holders = append(holders, l.From)
		}
	}
	for _, id := range ids {
		if err := tx.PurgeEvent(id); err != nil {
			return Purged{}, err
		}
	}
	// Each event is rewritten once, in the order of the ids, whatever
	// order the store's Backlinks answered in.
	slices.Sort(holders)
	holders = slices.Compact(holders)
	var p Purged
	for _, from := range holders {
		e, err := tx.Event(from)
		if err != nil {
			return Purged{}, fmt.Errorf("event %q, which links to an event being purged: %w", from, err)
		}
		e = e.Clone()
		e.Links = slices.DeleteFunc(e.Links, func(l Link) bool {
			if gone[l.Event] {
				p.Unlinked = append(p.Unlinked, Unlinked{From: from, Link: l})
				return true
			}
			return false
		})
		// Put directly, not through EditEvent: taking links away adds no
		// problem to an event, and its other links may name events in the
		// trash, which an edit's check would refuse as new links.
		if err := tx.PutEvent(e); err != nil {
			return Purged{}, err
		}
	}
	return p, nil
}

// UnlinkedPhrase says how many links to the purged events were removed,
// and from how many events: "removed 1 link to it from 1 event"; "" when
// none were.
func UnlinkedPhrase(links, holders, purged int) string {
	if links == 0 {
		return ""
	}
	what, them := "1 link", "it"
	if links != 1 {
		what = Thousands(int64(links)) + " links"
	}
	if purged != 1 {
		them = "them"
	}
	return fmt.Sprintf("removed %s to %s from %s", what, them, countEvents(holders))
}
