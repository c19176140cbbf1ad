package model

import "slices"

// AddNoteTo adds a note to an event in tx, by tx's author when the note
// names none.
func AddNoteTo(tx Tx, id string, n Note) (Change, error) {
	if n.Author == "" {
		n.Author = tx.Author()
	}
	old, err := tx.Event(id)
	if err != nil {
		return Change{}, err
	}
	e := old
	e.Notes = append(slices.Clone(old.Notes), n)
	if err := CheckEdit(&old, &e); err != nil {
		return Change{}, err
	}
	return Change{Before: old, After: e}, tx.PutEvent(e)
}

// EditNote replaces the text of note n (from 1) of an event. The note
// stays its writer's, as of when it was written, whoever edits it: it
// says who edited it last, and when (tx's author and time). The same text
// again is no edit. The browser shows the edit without its mark until
// the store has it.
func EditNote(tx Tx, id string, n int, text string) (Change, error) {
	edit := editingNote(n, text)
	return UpdateEvent(tx, id, func(e *Event) error {
		var was string
		if n >= 1 && n <= len(e.Notes) {
			was = e.Notes[n-1].Text
		}
		if err := edit(e); err != nil {
			return err
		}
		if note := &e.Notes[n-1]; note.Text != was {
			note.Edited, note.EditedBy = tx.Now(), tx.Author()
		}
		return nil
	})
}

// editingNote replaces the text of note n (from 1) of the event it is
// given.
func editingNote(n int, text string) func(e *Event) error {
	return func(e *Event) error {
		i, err := itemIndex(e, e.Notes, n, "note")
		if err != nil {
			return err
		}
		e.Notes[i].Text = text
		return nil
	}
}

// DeleteNote removes note n (from 1) of an event.
func DeleteNote(tx Tx, id string, n int) (Change, error) {
	return UpdateEvent(tx, id, deletingNote(n))
}

// deletingNote removes note n (from 1) of the event it is given.
func deletingNote(n int) func(e *Event) error {
	return func(e *Event) error {
		i, err := itemIndex(e, e.Notes, n, "note")
		if err != nil {
			return err
		}
		e.Notes = slices.Delete(e.Notes, i, i+1)
		return nil
	}
}
