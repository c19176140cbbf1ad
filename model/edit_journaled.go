package model

import "fmt"

// Edits that go through the journal are taken back by reverting their
// entry: RevertEdit is the revert of each, and of itself (a redo).

// RevertEdit takes back a journal entry: the undo of an edit made in
// this session, or the redo of an undo.
type RevertEdit struct{ Entry Entry }

// IDs implements Edit.
func (r RevertEdit) IDs() []string {
	ids := make([]string, len(r.Entry.Events))
	for i, c := range r.Entry.Events {
		ids[i] = c.ID
	}
	return ids
}

// Change implements Edit: an event goes back to its version before the
// entry, as far as the entry says.
func (r RevertEdit) Change(e Event) Event {
	for _, c := range r.Entry.Events {
		if c.ID == e.ID && c.Before != nil && c.After != nil && c.From == c.To {
			setFields(&e, c.Before, Fields(c.Before, c.After))
		}
	}
	return e
}

// Apply implements Edit.
func (r RevertEdit) Apply(w Writer) ([]Change, Edit, error) {
	e, err := Revert(w, r.Entry)
	if err != nil {
		return nil, nil, err
	}
	return entryChanges(e), revertOf(e), nil
}

// Phrase implements Edit.
func (r RevertEdit) Phrase() string { return revertPhrase(r.Entry) }

// revertOf is the edit that takes e back; nil when e changed nothing.
func revertOf(e Entry) Edit {
	if e.Seq == 0 {
		return nil
	}
	return RevertEdit{Entry: e}
}

// entryChanges are the events an entry changed in place, as Changes.
func entryChanges(e Entry) []Change {
	var out []Change
	for _, c := range e.Events {
		if c.Before != nil && c.After != nil {
			out = append(out, Change{Before: *c.Before, After: *c.After})
		}
	}
	return out
}

// journaled runs fn as one write of w and returns its changes and revert.
func journaled(w Writer, op Op, phrase string, fn func(tx Tx) error) ([]Change, Edit, error) {
	e, err := w.Write(op, phrase, fn)
	if err != nil {
		return nil, nil, err
	}
	return entryChanges(e), revertOf(e), nil
}

// SaveEvent adds an event (Base nil) or saves an edit of one: Base is the
// version the user started from, so that a change another made meanwhile
// is refused rather than overwritten (ConflictError).
type SaveEvent struct {
	Base  *Event
	Event Event
}

// IDs implements Edit.
func (s SaveEvent) IDs() []string { return []string{s.Event.ID} }

// Change implements Edit.
func (s SaveEvent) Change(e Event) Event {
	if e.ID == s.Event.ID {
		return s.Event
	}
	return e
}

// Apply implements Edit.
func (s SaveEvent) Apply(w Writer) ([]Change, Edit, error) {
	if s.Base == nil {
		return journaled(w, OpAdd, s.Phrase(), func(tx Tx) error { _, err := AddEvent(tx, s.Event); return err })
	}
	return journaled(w, OpEdit, s.Phrase(), func(tx Tx) error { _, err := EditEvent(tx, *s.Base, s.Event); return err })
}

// Phrase implements Edit.
func (s SaveEvent) Phrase() string {
	if s.Base == nil {
		return "added " + quoteTitle(s.Event.Title)
	}
	// Cut in its middle: two saves of a title changed at its end must
	// not read alike in the journal.
	return "saved " + quoteEnds(s.Event.Title)
}

func quoteTitle(t string) string {
	const most = 40
	if r := []rune(t); len(r) > most {
		t = string(r[:most-1]) + "…"
	}
	return "“" + t + "”"
}

// Trash moves events to the trash.
type Trash struct{ Events []string }

// IDs implements Edit.
func (d Trash) IDs() []string { return d.Events }

// Change implements Edit: the event leaves the list once the store has
// it; until then it shows as it is.
func (d Trash) Change(e Event) Event { return e }

// Apply implements Edit.
func (d Trash) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpDelete, d.Phrase(), func(tx Tx) error { _, err := DeleteEvents(tx, d.Events); return err })
}

// Phrase implements Edit.
func (d Trash) Phrase() string { return "moved " + countEvents(len(d.Events)) + " to the trash" }

// Outcome says what the edit did, given the events it moved: one event
// by its title, shortened (moved “Apple sues NSO Group” to the trash),
// as the messages of other changes name it; several by their count, as
// Phrase does.
func (d Trash) Outcome(changes []Change) string {
	if len(d.Events) == 1 {
		for _, c := range changes {
			if c.Before.ID == d.Events[0] && c.Before.Title != "" {
				return "moved " + quoteTitle(c.Before.Title) + " to the trash"
			}
		}
	}
	return d.Phrase()
}

// Untrash brings events back from the trash.
type Untrash struct{ Events []string }

// IDs implements Edit.
func (r Untrash) IDs() []string { return r.Events }

// Change implements Edit.
func (r Untrash) Change(e Event) Event { return e }

// Apply implements Edit.
func (r Untrash) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpRestore, r.Phrase(), func(tx Tx) error { return RestoreEvents(tx, r.Events) })
}

// Phrase implements Edit.
func (r Untrash) Phrase() string { return "restored " + countEvents(len(r.Events)) }

// Outcome says what the edit did, given the events it brought back: one
// event by its title, shortened, as Trash.Outcome names it; several by
// their count, as Phrase does.
func (r Untrash) Outcome(changes []Change) string {
	if len(r.Events) == 1 {
		for _, c := range changes {
			if c.After.ID == r.Events[0] && c.After.Title != "" {
				return "restored " + quoteTitle(c.After.Title)
			}
		}
	}
	return r.Phrase()
}

// EventEdit is any other change to one event, made by a function of the
// event as it is stored now: a link, a quote, a note edited or deleted.
// Fn runs on the browser's copy to show it at once, and in the store's
// transaction on the stored version.
type EventEdit struct {
	ID   string
	Op   Op
	Say  string
	Edit func(e *Event) error
}

// IDs implements Edit.
func (x EventEdit) IDs() []string { return []string{x.ID} }

// Change implements Edit.
func (x EventEdit) Change(e Event) Event {
	c := e.Clone()
	if x.Edit(&c) != nil {
		return e
	}
	return c
}

// Apply implements Edit.
func (x EventEdit) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, x.Op, x.Say, func(tx Tx) error { _, err := UpdateEvent(tx, x.ID, x.Edit); return err })
}

// Phrase implements Edit.
func (x EventEdit) Phrase() string { return x.Say }

func countEvents(n int) string {
	if n == 1 {
		return "1 event"
	}
	return fmt.Sprintf("%d events", n)
}
