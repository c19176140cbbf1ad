package model

import "slices"

// OrderRels are the relations that state an order between events, both
// ways: an event's own links and those made to it. Only events linked so
// can contradict each other's dates.
var OrderRels = []Rel{Precedes, Follows, Disputes, DisputedBy}

// MaxGroup bounds a linked group read through the store: a chain of
// links longer than this is read only this far.
const MaxGroup = 10000

// LinkedGroup returns e and the events its order links reach, either
// way, read through the store: all that can contradict e's place in the
// chronology through links (see Contradictions).
func LinkedGroup(s Store, e Event) ([]Event, error) {
	return grownGroup(s, e, nil, false)
}

// DetailGroup is LinkedGroup for an event read whole: its Detail holds
// its links both ways, so that most events, linked to no other, take no
// read at all.
func DetailGroup(s Store, d Detail) ([]Event, error) {
	var next []string
	for _, r := range d.Related {
		if slices.Contains(OrderRels, r.Rel) { // OrderRels holds each one's inverse
			next = append(next, r.Event)
		}
	}
	return grownGroup(s, d.Event, next, true)
}

// grownGroup gathers the group from e: first, when known, the events
// e's order links reach (so that e's are not read again), and then
// those the links of each event gathered reach.
func grownGroup(s Store, e Event, first []string, known bool) ([]Event, error) {
	group := []Event{e}
	seen := map[string]bool{e.ID: true}
	for i := 0; i < len(group) && len(group) < MaxGroup; i++ {
		next := first
		if i > 0 || !known {
			var err error
			if next, err = orderNeighbours(s, group[i], seen); err != nil {
				return nil, err
			}
		}
		for _, id := range next {
			if seen[id] {
				continue
			}
			seen[id] = true
			o, err := s.Event(id)
			if err != nil {
				continue // a link to an event not in the store places nothing
			}
			group = append(group, o)
		}
	}
	return group, nil
}

// orderNeighbours returns the events e's order links reach, either way,
// that are not yet seen.
func orderNeighbours(s Store, e Event, seen map[string]bool) ([]string, error) {
	var next []string
	for _, l := range e.Links {
		if slices.Contains(OrderRels, l.Rel) && !seen[l.Event] {
			next = append(next, l.Event)
		}
	}
	in, err := s.IncomingLinks([]string{e.ID})
	if err != nil {
		return nil, err
	}
	for _, l := range in[e.ID] {
		if slices.Contains(OrderRels, l.Rel) && !seen[l.From] {
			next = append(next, l.From)
		}
	}
	return next, nil
}
