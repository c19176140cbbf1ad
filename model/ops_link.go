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
	other, err := tx.Event(to)
	if err != nil {
		return Change{}, fmt.Errorf("event %q: link: %w", from, err)
	}
	if slices.Contains(other.Links, Link{Rel: rel.Inverse(), Event: from}) {
		// The same relation, stated by the other event.
		return Change{}, fmt.Errorf("event %q: already %s %q (%s states it: %s %s)", from, rel.Phrase(), to, to, rel.Inverse().Phrase(), from)
	}
	return UpdateEvent(tx, from, func(e *Event) error {
		l := Link{Rel: rel, Event: to}
		if slices.Contains(e.Links, l) {
			return fmt.Errorf("event %q: already %s %q", from, rel.Phrase(), to)
		}
		e.Links = append(e.Links, l)
		return nil
	})
}

// UnlinkEvents removes the relation between from and to: the link
// from → to, as the event from states it, and the same relation stated
// the other way round ("to disputed-by from"), wherever either is
// stated (a file may state it at both ends). The change returned is
// from's, or to's when only to stated it.
func UnlinkEvents(tx Tx, from string, rel Rel, to string) (Change, error) {
	if !rel.Valid() {
		return Change{}, fmt.Errorf("event %q: unlink: rel %q: %s", from, rel, notOneOf(Rels))
	}
	e, err := tx.Event(from)
	if err != nil {
		return Change{}, err
	}
	mine, theirs := Link{Rel: rel, Event: to}, Link{Rel: rel.Inverse(), Event: from}
	here := slices.Contains(e.Links, mine)
	there := false
	if other, err := tx.Event(to); err == nil {
		there = slices.Contains(other.Links, theirs)
	}
	if !here && !there {
		return Change{}, fmt.Errorf("event %q: no link %s %q to remove", from, rel.Phrase(), to)
	}
	var c Change
	if here {
		if c, err = UpdateEvent(tx, from, dropLink(mine)); err != nil {
			return Change{}, err
		}
	}
	if there {
		c2, err := UpdateEvent(tx, to, dropLink(theirs))
		if err != nil {
			return Change{}, err
		}
		if !here {
			c = c2
		}
	}
	return c, nil
}

// dropLink takes the link l out of an event's links.
func dropLink(l Link) func(e *Event) error {
	return func(e *Event) error {
		e.Links = slices.DeleteFunc(e.Links, func(x Link) bool { return x == l })
		return nil
	}
}
