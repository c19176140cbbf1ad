package model

import "strconv"

// Constraint is an order the investigation states between two events:
// Before happened no later than After. It comes from one link (Link, of
// the event From), read as an order: precedes, follows, and disputes (a
// denial comes after what it denies).
type Constraint struct {
	Before, After string
	From          string // the event whose link states it
	Rel           Rel    // the link's relation, as From states it
}

// Constraints returns the orders e's links state, in the order of its
// links. Links to e itself, and relations that say nothing of order
// (supports, related), give none.
func Constraints(e *Event) []Constraint {
	var out []Constraint
	for _, l := range e.Links {
		if l.Event == e.ID || l.Event == "" {
			continue
		}
		c := Constraint{From: e.ID, Rel: l.Rel}
		switch l.Rel {
		case Precedes, DisputedBy:
			c.Before, c.After = e.ID, l.Event
		case Follows, Disputes:
			c.Before, c.After = l.Event, e.ID
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

// Phrase says the constraint as its link does: `"a" follows "b"`.
func (c Constraint) Phrase() string {
	other := c.After
	if other == c.From {
		other = c.Before
	}
	return quoteID(c.From) + " " + c.Rel.Phrase() + " " + quoteID(other)
}

func quoteID(id string) string { return strconv.Quote(id) }

// Orders reports whether a link of relation r states an order between
// its events (see Constraints).
func (r Rel) Orders() bool {
	switch r {
	case Precedes, Follows, Disputes, DisputedBy:
		return true
	}
	return false
}
