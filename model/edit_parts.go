package model

import (
	"fmt"
	"slices"
)

// Edits of the parts of one event: its links, its quotes and its notes.
// Each writes through the operation of the same name over Tx, as one
// journal entry, and is taken back by reverting that entry (RevertEdit).

// AddLink links the event From to the event To with a relation, as From
// states it: "nso-denial disputes nso-mobileum-call".
type AddLink struct {
	From string
	Rel  Rel
	To   string
}

// IDs implements Edit.
func (l AddLink) IDs() []string { return []string{l.From} }

// Change implements Edit.
func (l AddLink) Change(e Event) Event {
	k := Link{Rel: l.Rel, Event: l.To}
	if e.ID == l.From && l.To != l.From && l.Rel.Valid() && !slices.Contains(e.Links, k) {
		e.Links = append(slices.Clone(e.Links), k)
	}
	return e
}

// Apply implements Edit (LinkEvents).
func (l AddLink) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpLink, l.Phrase(), func(tx Tx) error { _, err := LinkEvents(tx, l.From, l.Rel, l.To); return err })
}

// Phrase implements Edit: "linked nso-denial disputes nso-mobileum-call".
func (l AddLink) Phrase() string { return "linked " + l.From + " " + l.Rel.Phrase() + " " + l.To }

// RemoveLink removes the relation between From and To: the link From →
// To, and the same relation stated the other way round, from whichever
// event states it (UnlinkEvents).
type RemoveLink struct {
	From string
	Rel  Rel
	To   string
}

// IDs implements Edit.
func (l RemoveLink) IDs() []string { return []string{l.From, l.To} }

// Change implements Edit.
func (l RemoveLink) Change(e Event) Event {
	k := Link{Rel: l.Rel, Event: l.To}
	if e.ID == l.To {
		k = Link{Rel: l.Rel.Inverse(), Event: l.From}
	}
	if (e.ID == l.From || e.ID == l.To) && slices.Contains(e.Links, k) {
		e.Links = slices.DeleteFunc(slices.Clone(e.Links), func(x Link) bool { return x == k })
	}
	return e
}

// Apply implements Edit (UnlinkEvents).
func (l RemoveLink) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpLink, l.Phrase(), func(tx Tx) error { _, err := UnlinkEvents(tx, l.From, l.Rel, l.To); return err })
}

// Phrase implements Edit: "unlinked nso-denial disputes nso-mobileum-call".
func (l RemoveLink) Phrase() string { return "unlinked " + l.From + " " + l.Rel.Phrase() + " " + l.To }

// DropQuote removes quote N (from 1) of an event (RemoveQuote).
type DropQuote struct {
	ID string
	N  int
}

// IDs implements Edit.
func (q DropQuote) IDs() []string { return []string{q.ID} }

// Change implements Edit.
func (q DropQuote) Change(e Event) Event { return changedBy(e, q.ID, removingQuote(q.N)) }

// Apply implements Edit.
func (q DropQuote) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpQuote, q.Phrase(), func(tx Tx) error { _, err := RemoveQuote(tx, q.ID, q.N); return err })
}

// Phrase implements Edit: "removed quote 2 of nso-mobileum-call".
func (q DropQuote) Phrase() string { return fmt.Sprintf("removed quote %d of %s", q.N, q.ID) }

// ShiftQuote moves quote N (from 1) of an event to position To
// (MoveQuote).
type ShiftQuote struct {
	ID    string
	N, To int
}

// IDs implements Edit.
func (q ShiftQuote) IDs() []string { return []string{q.ID} }

// Change implements Edit.
func (q ShiftQuote) Change(e Event) Event { return changedBy(e, q.ID, movingQuote(q.N, q.To)) }

// Apply implements Edit.
func (q ShiftQuote) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpQuote, q.Phrase(), func(tx Tx) error { _, err := MoveQuote(tx, q.ID, q.N, q.To); return err })
}

// Phrase implements Edit: "moved quote 1 of nso-mobileum-call to 2".
func (q ShiftQuote) Phrase() string {
	return fmt.Sprintf("moved quote %d of %s to %d", q.N, q.ID, q.To)
}

// ReviseNote replaces the text of note N (from 1) of an event (EditNote).
type ReviseNote struct {
	ID   string
	N    int
	Text string
	// Was is the note as it was when its editing began, if known: the
	// note revised is that one wherever it is now (another's note removed
	// before it moves it up), and none if it changed meanwhile (see
	// noteAt).
	Was *Note
}

// IDs implements Edit.
func (n ReviseNote) IDs() []string { return []string{n.ID} }

// Change implements Edit.
func (n ReviseNote) Change(e Event) Event { return changedBy(e, n.ID, editingNote(n.N, n.Text)) }

// Apply implements Edit.
func (n ReviseNote) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpNote, n.Phrase(), func(tx Tx) error {
		at, err := noteAt(tx, n.ID, n.N, n.Was)
		if err != nil {
			return err
		}
		_, err = EditNote(tx, n.ID, at, n.Text)
		return err
	})
}

// Phrase implements Edit: "edited note 1 of fbi-tip".
func (n ReviseNote) Phrase() string { return fmt.Sprintf("edited note %d of %s", n.N, n.ID) }

// DropNote removes note N (from 1) of an event (DeleteNote).
type DropNote struct {
	ID string
	N  int
	// Was is the note as it was when its deletion was asked, if known:
	// that note is deleted wherever it is now, and none if it changed
	// meanwhile (see noteAt).
	Was *Note
}

// IDs implements Edit.
func (n DropNote) IDs() []string { return []string{n.ID} }

// Change implements Edit.
func (n DropNote) Change(e Event) Event { return changedBy(e, n.ID, deletingNote(n.N)) }

// Apply implements Edit.
func (n DropNote) Apply(w Writer) ([]Change, Edit, error) {
	return journaled(w, OpNote, n.Phrase(), func(tx Tx) error {
		at, err := noteAt(tx, n.ID, n.N, n.Was)
		if err != nil {
			return err
		}
		_, err = DeleteNote(tx, n.ID, at)
		return err
	})
}

// noteAt is the number, from 1, that the note was (number n when it was
// read) has in event id now: n while it is there, else wherever it moved
// (a note before it deleted meanwhile). A note edited or deleted meanwhile
// is ErrConflict: the change asked for was for words that are no longer
// there, and must not fall on the note now numbered n. Without was, n.
func noteAt(tx Tx, id string, n int, was *Note) (int, error) {
	if was == nil {
		return n, nil
	}
	e, err := tx.Event(id)
	if err != nil {
		return 0, err
	}
	if n >= 1 && n <= len(e.Notes) && e.Notes[n-1].written(*was) {
		return n, nil
	}
	if i := slices.IndexFunc(e.Notes, func(o Note) bool { return o.written(*was) }); i >= 0 {
		return i + 1, nil
	}
	return 0, fmt.Errorf("event %q: note %d: %w: it was edited or deleted since it was read", id, n, ErrConflict)
}

// Phrase implements Edit: "deleted note 1 of fbi-tip".
func (n DropNote) Phrase() string { return fmt.Sprintf("deleted note %d of %s", n.N, n.ID) }

// changedBy is e as fn leaves a copy of it, when e is the event id and fn
// succeeds; else e as it is.
func changedBy(e Event, id string, fn func(e *Event) error) Event {
	if e.ID != id {
		return e
	}
	c := e.Clone()
	if fn(&c) != nil {
		return e
	}
	return c
}
