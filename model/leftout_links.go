package model

import (
	"iter"
	"slices"
)

// LostLinkToLeftOut is what an export reports for each link it leaves out
// because the format cannot write the event the link names (Timesketch
// skips events it cannot date).
var LostLinkToLeftOut = Loss{One: "link to a skipped event left out", Many: "links to skipped events left out"}

// WithoutLinksTo returns events with their links to the events leftOut
// reports left out, each counted in lost. An export that skips an event
// must drop the links to it as well, as WithoutTrashedLinks does for the
// trash, or the file names an event it does not have and imports into no
// store but the one it came from. leftOut is asked once per event named;
// its error stops the events with it.
func WithoutLinksTo(events iter.Seq2[Event, error], leftOut func(id string) (bool, error), lost *Losses) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		known := map[string]bool{}
		var failed error
		out := func(l Link) bool {
			if failed != nil {
				return false
			}
			skip, seen := known[l.Event]
			if !seen {
				skip, failed = leftOut(l.Event)
				known[l.Event] = skip
			}
			return skip
		}
		for e, err := range events {
			if err == nil && slices.ContainsFunc(e.Links, out) {
				n := len(e.Links)
				// The links are copied: the event may be one a store
				// keeps, which must not change under it.
				e.Links = slices.DeleteFunc(slices.Clone(e.Links), out)
				lost.Add(LostLinkToLeftOut, n-len(e.Links))
			}
			if err == nil && failed != nil {
				err = failed
			}
			if !yield(e, err) || err != nil {
				return
			}
		}
	}
}
