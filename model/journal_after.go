package model

import (
	"errors"
	"slices"
)

// An import's entry keeps only the version of each event it replaced,
// not to write each of a million events twice; the version it left is
// the one the next entry touching the event found, or the stored one.
// What an update changed is then known field by field, for a revert and
// for a person reading the journal.

// FillAfters gives each update in entries (newest first, with none of
// the entries since the oldest of them left out for the events they
// touch) the version it left, where its entry does not keep it: the
// version the next entry found, or, for the newest, current's. It clones
// an entry's Events before filling any, so that entries shared with a
// caller stay as they were read.
func FillAfters(entries []*Entry, current func(id string) (Event, error)) error {
	// By id, the version the next entry found; nil when that entry does
	// not say, so that the update counts as changing every field.
	next := map[string]*Event{}
	for _, entry := range entries {
		copied := false
		for i := len(entry.Events) - 1; i >= 0; i-- {
			c := &entry.Events[i]
			if c.LeftUnsaid() {
				after, seen := next[c.ID]
				if !seen {
					e, err := current(c.ID)
					switch {
					case err == nil:
						after = &e
					case !errors.Is(err, ErrNotFound):
						return err
					}
				}
				if after != nil {
					if !copied {
						entry.Events = slices.Clone(entry.Events)
						c, copied = &entry.Events[i], true
					}
					c.After = after
				}
			}
			if c.From == OnTimeline {
				next[c.ID] = c.Before
			} else {
				next[c.ID] = nil
			}
		}
	}
	return nil
}

// LeftBy returns the version of event id that the journal entry seq
// left on the timeline, read from r: what the next entry touching the
// event found, or the stored event when none has touched it since. ok is
// false when the journal does not say.
func LeftBy(r Reader, seq uint64, id string) (e Event, ok bool, err error) {
	since, err := r.Journal(JournalQuery{Event: id, After: seq})
	if err != nil {
		return Event{}, false, err
	}
	if len(since) == 0 {
		e, err := r.Event(id)
		if errors.Is(err, ErrNotFound) {
			return Event{}, false, nil
		}
		return e, err == nil, err
	}
	for _, c := range since[len(since)-1].Events {
		if c.ID == id && c.From == OnTimeline && c.Before != nil {
			return *c.Before, true, nil
		}
	}
	return Event{}, false, nil
}

// LeftUnsaid reports whether c updated an event on the timeline without
// its entry keeping the version it left (an import's update), which
// FillAfters and LeftBy find.
func (c *EventChange) LeftUnsaid() bool {
	return c.Before != nil && c.After == nil && c.From == OnTimeline && c.To == OnTimeline
}
