package model

import (
	"iter"
	"slices"
)

// LostTrashedLink is what a copy of the timeline (an export, a store
// merged into another) reports for each link it leaves out because the
// event the link names is in the trash.
var LostTrashedLink = Loss{
	One:  "link to an event in the trash left out (restore the event first to keep it)",
	Many: "links to events in the trash left out (restore the events first to keep them)",
}

// WithoutTrashedLinks returns events with their links to the events in
// trash left out, each counted in lost. A copy of the timeline carries no
// trash, so such a link would name an event the copy does not have: a
// file no store could import, not even the one it came from. In the store
// the link stays, for the event may be restored; the copy says what it
// left out.
func WithoutTrashedLinks(events iter.Seq2[Event, error], trash []Trashed, lost *Losses) iter.Seq2[Event, error] {
	if len(trash) == 0 {
		return events
	}
	trashed := make(map[string]bool, len(trash))
	for _, t := range trash {
		trashed[t.Event.ID] = true
	}
	toTrash := func(l Link) bool { return trashed[l.Event] }
	return func(yield func(Event, error) bool) {
		for e, err := range events {
			if err == nil && slices.ContainsFunc(e.Links, toTrash) {
				n := len(e.Links)
				// The links are copied: the event may be one a store
				// keeps, which must not change under it.
				e.Links = slices.DeleteFunc(slices.Clone(e.Links), toTrash)
				lost.Add(LostTrashedLink, n-len(e.Links))
			}
			if !yield(e, err) {
				return
			}
		}
	}
}
