package storetest

import (
	"time"

	"chrono/model"
)

// The writes the suite makes, through Write as the domain makes them:
// tagging, notes, and putting events back as they were.

// Retag adds and removes tags on events in one Write.
func Retag(st model.Writer, ids []string, add, remove []string) ([]model.Change, error) {
	return RetagEach(st, model.Retags(ids, add, remove))
}

// RetagEach applies a change of tags to each event in one Write.
func RetagEach(st model.Writer, deltas []model.TagDelta) ([]model.Change, error) {
	var changes []model.Change
	_, err := st.Write(model.OpTag, "retagged", func(tx model.Tx) (err error) {
		changes, err = model.RetagEach(tx, deltas)
		return err
	})
	return changes, err
}

// Retitle gives event id another title in one Write, as an
// investigator's edit does, and returns the Write's entry.
func Retitle(st model.Writer, id, title string) (model.Entry, error) {
	return st.Write(model.OpEdit, "retitled", func(tx model.Tx) error {
		base, err := tx.Event(id)
		if err != nil {
			return err
		}
		e := base
		e.Title = title
		_, err = model.EditEvent(tx, base, e)
		return err
	})
}

// Restore puts events back to earlier versions of themselves in one
// Write; each must be stored.
func Restore(st model.Writer, events []model.Event) ([]model.Change, error) {
	var changes []model.Change
	_, err := st.Write(model.OpUndo, "restored", func(tx model.Tx) error {
		changes = changes[:0]
		for _, e := range events {
			old, err := tx.Event(e.ID)
			if err != nil {
				return err
			}
			if err := tx.PutEvent(e); err != nil {
				return err
			}
			now, err := tx.Event(e.ID)
			if err != nil {
				return err
			}
			changes = append(changes, model.Change{Before: old, After: now})
		}
		return nil
	})
	return changes, err
}

// AddNote adds a note to an event in one Write.
func AddNote(st model.Writer, id, text string, at time.Time) (model.Change, error) {
	var c model.Change
	_, err := st.Write(model.OpNote, "note saved", func(tx model.Tx) (err error) {
		c, err = model.AddNoteTo(tx, id, model.Note{Text: text, At: at})
		return err
	})
	return c, err
}
