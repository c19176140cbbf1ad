package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The operations on events, written once over Tx: every store runs them
// alike, inside its own transaction, and its journal records what they
// wrote.

// CheckEvent returns what is wrong with e as a whole event of tx's
// investigation: its own problems, and references to sources and events
// that do not exist. Each problem names the event and the field.
func CheckEvent(tx Tx, e *Event) error { return checkEvent(tx, e, nil) }

// checkEvent is CheckEvent for an edit of an event that holds the links
// held: those are not checked again. The event they name may have gone
// to the trash since they were made, where it can be restored from, or
// (in a store written before purging removed the links to an event) be
// gone; an edit that keeps them adds no problem, and refusing it would
// leave the event unchangeable, unlinking the link itself included.
func checkEvent(tx Tx, e *Event, held []Link) error {
	var msgs []string
	var missing []Missing
	msgs = append(msgs, e.Check()...)
	msgs = append(msgs, e.textNotUTF8()...)
	if e.DateSource != "" {
		if _, err := tx.Source(e.DateSource); errors.Is(err, ErrNotFound) {
			msgs = append(msgs, fmt.Sprintf("date_source %q: no such source; add it first (chrono source add)", e.DateSource))
			missing = append(missing, Missing{Kind: MissingSource, ID: e.DateSource})
		} else if err != nil {
			return err
		}
	}
	for i, q := range e.Quotes {
		if q.Source == "" {
			continue
		}
		if _, err := tx.Source(q.Source); errors.Is(err, ErrNotFound) {
			msgs = append(msgs, fmt.Sprintf("quote #%d: source %q: no such source; add it first (chrono source add)", i+1, q.Source))
			missing = append(missing, Missing{Kind: MissingSource, ID: q.Source})
		} else if err != nil {
			return err
		}
	}
	for i, l := range e.Links {
		if l.Event == "" || l.Event == e.ID || slices.Contains(held, l) {
			continue
		}
		if _, err := tx.Event(l.Event); errors.Is(err, ErrNotFound) {
			msgs = append(msgs, fmt.Sprintf("link #%d: event %q: no such event", i+1, l.Event))
			missing = append(missing, Missing{Kind: MissingEvent, ID: l.Event})
		} else if err != nil {
			return err
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return &EventError{ID: e.ID, Problems: msgs, Missing: missing}
}

// EventError lists what is wrong with an event a user wrote.
type EventError struct {
	ID       string
	Problems []string
	// Missing are the sources and events the event names that the
	// store does not hold, for a command to offer the ids meant. (Not
	// unwrapped: the event itself is not ErrNotFound.)
	Missing []Missing
}

func (e *EventError) Error() string {
	id := e.ID
	if id == "" {
		id = "(new)"
	}
	return fmt.Sprintf("event %q: %s", id, strings.Join(e.Problems, "; "))
}

// AddEvent adds a new event. An event without an id gets one made from
// its title (NewID); an id already in use, on the timeline or in the
// trash, is refused. It returns the event as stored.
func AddEvent(tx Tx, e Event) (Event, error) {
	if e.ID == "" {
		var err error
		e.ID = NewID(e.Title, "event", func(id string) bool {
			taken, herr := tx.HasEvent(id)
			if herr != nil {
				err = herr
			}
			return taken || herr != nil
		})
		if err != nil {
			return Event{}, err
		}
	} else if taken, err := tx.HasEvent(e.ID); err != nil {
		return Event{}, err
	} else if taken {
		return Event{}, fmt.Errorf("event %q: id already in use (chrono show %s, or chrono trash); choose another", e.ID, e.ID)
	}
	if err := CheckEvent(tx, &e); err != nil {
		return Event{}, err
	}
	signNotes(tx, nil, &e)
	return e, tx.PutEvent(e)
}

// EditEvent replaces base, the version of an event the user started
// from, with e. When the stored event is no longer base (another change
// came first) it is refused with a *ConflictError holding the stored
// version, so that nothing the user typed is lost. An edit cannot change
// the id.
func EditEvent(tx Tx, base, e Event) (Change, error) {
	if e.ID != base.ID {
		return Change{}, fmt.Errorf("event %q: id: cannot be changed (add a new event and delete this one)", base.ID)
	}
	current, err := tx.Event(base.ID)
	if err != nil {
		return Change{}, err
	}
	if !SameEvent(&current, &base) {
		merged, ok := overAnnotations(base, current, e)
		if !ok {
			return Change{}, &ConflictError{ID: base.ID, Current: current}
		}
		e = merged
	}
	if SameEvent(&current, &e) {
		return Change{Before: current, After: current}, nil
	}
	if err := checkEvent(tx, &e, current.Links); err != nil {
		var ee *EventError
		if !errors.As(err, &ee) || !CheckEditAllows(&current, ee) {
			return Change{}, err
		}
	}
	signNotes(tx, current.Notes, &e)
	return Change{Before: current, After: e}, tx.PutEvent(e)
}

// annotations are the fields a team changes beside an edit, with a key
// each (a tag, a note), and no edit needs to be read again for.
const annotations = FieldTags | FieldNotes

// overAnnotations is e, an edit of base, over current, when current
// differs from base only in annotations e left as they were: a tag or a
// note added meanwhile is kept, and does not refuse the edit. Any other
// change meanwhile is for the user to see (ok false), as is a tag or a
// note changed both ways.
func overAnnotations(base, current, e Event) (Event, bool) {
	theirs := changedFields(&base, &current)
	if theirs&^annotations != 0 || theirs&changedFields(&base, &e) != 0 {
		return Event{}, false
	}
	copyFields(&e, &current, theirs)
	return e, true
}

// signNotes signs the notes of e that before does not hold as they are:
// written, or rewritten, by this change (an event edited whole in
// $EDITOR), as AddNoteTo and EditNote sign the notes they write. A note
// whose text is kept keeps the signature and the edit it had, whatever
// was typed over them. A note rewritten, still signed as one of before
// that is not kept, stays its writer's and is marked edited by the
// store's author, as of now. Any other note is new: the store's author's,
// as of now, and edited by no one. A note before with no signature (an
// imported one) cannot be told from a new one, so rewritten in an editor
// it is new; EditNote, which knows which it rewrites, marks it edited.
func signNotes(tx Tx, before []Note, e *Event) {
	author := tx.Author()
	if author == "" {
		return
	}
	now := tx.Now()
	kept := make([]bool, len(before))
	var changed []*Note
	for i := range e.Notes {
		n := &e.Notes[i]
		j := slices.IndexFunc(before, n.same)
		switch {
		case j >= 0:
		case n.EditedBy == author && n.Edited.Equal(now):
			// Marked edited by this very change (EditNote), which knows
			// the note it rewrote, signed or not: no text typed in an
			// editor can know the change's time.
			continue
		default:
			j = slices.IndexFunc(before, func(o Note) bool { return o.Text == n.Text })
		}
		if j < 0 {
			changed = append(changed, n)
			continue
		}
		*n, kept[j] = before[j], true
	}
	for _, n := range changed {
		if j := signedAs(before, kept, n); j >= 0 {
			kept[j] = true
			*n = Note{Text: n.Text, Author: before[j].Author, At: before[j].At, Edited: now, EditedBy: author}
			continue
		}
		*n = Note{Text: n.Text, Author: author, At: now}
	}
}

// signedAs is the index of the note of before, not kept, that n is
// signed as (author and time alike), or -1. A note with no signature is
// none's.
func signedAs(before []Note, kept []bool, n *Note) int {
	for j, o := range before {
		if !kept[j] && (o.Author != "" || !o.At.IsZero()) && o.Author == n.Author && o.At.Equal(n.At) {
			return j
		}
	}
	return -1
}

// CheckEditAllows reports whether every problem in ee was already a
// problem of old, so that an event stored before a limit existed stays
// editable.
func CheckEditAllows(old *Event, ee *EventError) bool {
	before := old.Check()
	for _, p := range ee.Problems {
		if !slices.Contains(before, p) {
			return false
		}
	}
	return true
}

// UpdateEvent edits the stored event with an id by fn, reading it as it
// is now: the change is applied on top of whatever was stored.
func UpdateEvent(tx Tx, id string, fn func(e *Event) error) (Change, error) {
	current, err := tx.Event(id)
	if err != nil {
		return Change{}, err
	}
	e := current.Clone()
	if err := fn(&e); err != nil {
		return Change{}, err
	}
	return EditEvent(tx, current, e)
}

// itemIndex finds item n of one of e's lists, numbered from 1 as chrono
// show lists an event's notes and quotes; what names the items in the
// error.
func itemIndex[T any](e *Event, items []T, n int, what string) (int, error) {
	if n < 1 || n > len(items) {
		return 0, fmt.Errorf("event %q: no %s %d (it has %d)", e.ID, what, n, len(items))
	}
	return n - 1, nil
}

// Deleted is an event moved to the trash, with the links other events
// make to it, which stay (and point at nothing until it is restored).
type Deleted struct {
	ID       string
	Title    string
	LinkedBy []Incoming
}

// DeleteEvents moves events to the trash. Nothing is destroyed: the trash
// can be restored from until it is emptied.
func DeleteEvents(tx Tx, ids []string) ([]Deleted, error) {
	var out []Deleted
	for _, id := range UniqueIDs(ids) {
		e, err := tx.Event(id)
		if err != nil {
			return nil, err
		}
		in, err := tx.Backlinks(id)
		if err != nil {
			return nil, err
		}
		if err := tx.TrashEvent(id); err != nil {
			return nil, err
		}
		out = append(out, Deleted{ID: id, Title: e.Title, LinkedBy: in})
	}
	return out, nil
}

// RestoreEvents brings events back from the trash, with the sources they
// cite that were removed meanwhile (citedBack).
func RestoreEvents(tx Tx, ids []string) error {
	var cb citedBack
	for _, id := range UniqueIDs(ids) {
		if err := tx.RestoreEvent(id); err != nil {
			return err
		}
		if err := cb.restoreCited(tx, id); err != nil {
			return err
		}
	}
	return nil
}

// UniqueIDs is ids with each id kept the first time it is given: an id
// given twice is one event, not a second one already gone.
func UniqueIDs(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	return slices.DeleteFunc(slices.Clone(ids), func(id string) bool {
		was := seen[id]
		seen[id] = true
		return was
	})
}

// SetHeader changes the investigation's title and description.
func SetHeader(tx Tx, h Header) error {
	if strings.TrimSpace(h.Title) == "" {
		return errors.New("investigation: title: missing")
	}
	if m := h.NotUTF8(); m != "" {
		return errors.New("investigation: " + m)
	}
	// What it changes is checked: a title may be edited beside a
	// description an earlier chrono took as it is.
	now, err := tx.Header()
	if err != nil {
		return err
	}
	changed := h
	if changed.Title == now.Title {
		changed.Title = ""
	}
	if changed.Description == now.Description {
		changed.Description = ""
	}
	if msgs := changed.Check(); len(msgs) > 0 {
		return errors.New("investigation: " + strings.Join(msgs, "; "))
	}
	return tx.SetHeader(h)
}

// Clone returns a copy of e that shares no slice with it.
func (e Event) Clone() Event {
	e.Actors = slices.Clone(e.Actors)
	e.Tags = slices.Clone(e.Tags)
	e.Quotes = slices.Clone(e.Quotes)
	e.Links = slices.Clone(e.Links)
	e.Notes = slices.Clone(e.Notes)
	e.Media = slices.Clone(e.Media)
	return e
}

// SameEvent reports whether a and b are the same version of an event:
// every field equal, an empty list the same as none.
func SameEvent(a, b *Event) bool {
	return a.ID == b.ID && a.Date == b.Date && a.DateText == b.DateText && a.DateTextOf == b.DateTextOf && a.DateSource == b.DateSource &&
		a.Title == b.Title && a.Summary == b.Summary && a.Status == b.Status &&
		slices.Equal(a.Actors, b.Actors) && slices.Equal(a.Tags, b.Tags) &&
		slices.Equal(a.Quotes, b.Quotes) && slices.Equal(a.Links, b.Links) &&
		slices.EqualFunc(a.Notes, b.Notes, Note.same) && slices.Equal(a.Media, b.Media)
}
