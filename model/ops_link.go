package model

import (
	"fmt"
	"slices"
)

// LinkEvents links the event from to the event to with a relation, as
// the event from states it ("from disputes to").
func LinkEvents(tx Tx, from string, rel Rel, to string) (Change, error) {
	if !rel.Valid() {
		return Change{}, fmt.Errorf("event %q: link: rel %q: %s", from, rel, notOneOf(Rels))
	}
	if from == to {
		return Change{}, fmt.Errorf("event %q: link: an event cannot be linked to itself", from)
	}
	if _, err := tx.Event(to); err != nil {
		return Change{}, fmt.Errorf("event %q: link: %w", from, err)
	}
	return UpdateEvent(tx, from, func(e *Event) error {
		l := Link{Rel: rel, Event: to}
		if slices.Contains(e.Links, l) {
			return fmt.Errorf("event %q: already %s %q", from, rel, to)
		}
		e.Links = append(e.Links, l)
		return nil
	})
}

// UnlinkEvents removes the link from → to with a relation, as the event
// from states it; a link stated the other way round ("to disputed-by
// from") is removed from the event that states it.
func UnlinkEvents(tx Tx, from string, rel Rel, to string) (Change, error) {
	if !rel.Valid() {
		return Change{}, fmt.Errorf("event %q: unlink: rel %q: %s", from, rel, notOneOf(Rels))
	}
	e, err := tx.Event(from)
	if err != nil {
		return Change{}, err
	}
	if !slices.Contains(e.Links, Link{Rel: rel, Event: to}) {
		if other, err := tx.Event(to); err == nil && slices.Contains(other.Links, Link{Rel: rel.Inverse(), Event: from}) {
			return UnlinkEvents(tx, to, rel.Inverse(), from)
		}
		return Change{}, fmt.Errorf("event %q: no link %s %q to remove", from, rel, to)
	}
	return UpdateEvent(tx, from, func(e *Event) error {
		e.Links = slices.DeleteFunc(e.Links, func(l Link) bool { return l == Link{Rel: rel, Event: to} })
		return nil
	})
}
