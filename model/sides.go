package model

import (
	"errors"
	"fmt"
)

// Sides are the competing accounts of an event's claim, gathered and
// never weighed: what asserts it (its quotes that assert it, the events
// that support it) and what denies or disputes it (its quotes that deny
// it, the events that dispute it). A quote with no stance, or one that
// gives context, takes no side and is only counted.
type Sides struct {
	Event Event
	// For asserts the claim; Against denies or disputes it.
	For, Against []Account
	// Aside counts the event's quotes that take no side.
	Aside int
	// Sources holds the sources every account cites, by id.
	Sources map[string]Source
}

// Account is one account on a side: a quote of the event itself, or
// another event that supports or disputes it, with that event's quotes.
type Account struct {
	// Rel is how the other event bears on this one (SupportedBy,
	// DisputedBy); empty for a quote of the event itself.
	Rel Rel
	// Event is the other event. When Missing, only its id is known: the
	// link points at an event that is not in the store.
	Event   Event
	Missing bool
	// Quotes are the event's own quote, or all the other event's quotes,
	// each with its stance as recorded.
	Quotes []Quote
}

// ReadSides reads the accounts of the event id's claim: its detail, and
// the detail of each event that supports or disputes it.
func ReadSides(s Store, id string) (Sides, error) {
	d, err := s.Detail(id)
	if err != nil {
		return Sides{}, err
	}
	others := map[string]Detail{}
	for _, r := range d.Related {
		if r.Rel != SupportedBy && r.Rel != DisputedBy {
			continue
		}
		o, err := s.Detail(r.Event)
		switch {
		case errors.Is(err, ErrNotFound):
			continue // a link to an event that is not there
		case err != nil:
			return Sides{}, fmt.Errorf("event %q, which %s %q: %w", r.Event, r.Rel.Inverse().Phrase(), id, err)
		}
		others[r.Event] = o
	}
	return SidesOf(d, others), nil
}

// SidesOf sorts an event's accounts into sides, given the detail of the
// events that support or dispute it (one missing from others is not in
// the store). The event's quotes come first, in their order, then the
// other events in the order of its links.
func SidesOf(d Detail, others map[string]Detail) Sides {
	s := Sides{Event: d.Event, Sources: map[string]Source{}}
	for id, src := range d.Sources {
		s.Sources[id] = src
	}
	for _, q := range d.Event.Quotes {
		a := Account{Quotes: []Quote{q}}
		switch q.Stance {
		case Asserts:
			s.For = append(s.For, a)
		case Denies:
			s.Against = append(s.Against, a)
		default:
			s.Aside++
		}
	}
	for _, r := range d.Related {
		if r.Rel != SupportedBy && r.Rel != DisputedBy {
			continue
		}
		a := Account{Rel: r.Rel, Event: Event{ID: r.Event}}
		if o, ok := others[r.Event]; ok {
			a.Event, a.Quotes = o.Event, o.Event.Quotes
			for id, src := range o.Sources {
				s.Sources[id] = src
			}
		} else {
			a.Missing = true
			if t, ok := d.Titles[r.Event]; ok {
				a.Event.Title = t
			}
		}
		if r.Rel == SupportedBy {
			s.For = append(s.For, a)
		} else {
			s.Against = append(s.Against, a)
		}
	}
	return s
}
