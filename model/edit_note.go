package model

import (
	"slices"
	"time"
)

// AddNote adds a note to an event; reverting its journal entry takes it
// back.
type AddNote struct {
	ID   string
	Text string
	At   time.Time
	// Author is who writes it; the store's author when empty.
	Author string
}

// IDs implements Edit.
func (n AddNote) IDs() []string { return []string{n.ID} }

// Change implements Edit.
func (n AddNote) Change(e Event) Event {
	e.Notes = append(slices.Clone(e.Notes), Note{Text: n.Text, At: n.At, Author: n.Author})
	return e
}

// Apply implements Edit.
func (n AddNote) Apply(w Writer) ([]Change, Edit, error) {
	var c Change
	e, err := w.Write(OpNote, n.Phrase(), func(tx Tx) (err error) {
		c, err = AddNoteTo(tx, n.ID, Note{Text: n.Text, At: n.At, Author: n.Author})
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return []Change{c}, revertOf(e), nil
}

// Phrase implements Edit.
func (n AddNote) Phrase() string { return "added a note to " + n.ID }
