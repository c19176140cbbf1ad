package bolt

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"chrono/model"
)

// Retag adds and removes tags on events, all in one transaction: either
// every event changes or none does. An event that already has (or lacks)
// a tag is left as it is. It returns the events that changed.
func (s *Store) Retag(ids []string, add, remove []string) ([]model.Change, error) {
	deltas := make([]model.TagDelta, len(ids))
	for i, id := range ids {
		deltas[i] = model.TagDelta{ID: id, Add: add, Remove: remove}
	}
	return s.RetagEach(deltas)
}

// RetagEach applies a change of tags to each event, all in one
// transaction, reading each event as it is now: a tag written by another
// process since the caller read the event is kept. An undo is a list of
// model.Change.Inverse deltas. It returns the events that changed.
func (s *Store) RetagEach(deltas []model.TagDelta) ([]model.Change, error) {
	for _, d := range deltas {
		for _, t := range d.Add {
			if msg := model.CheckTag(t); msg != "" {
				return nil, fmt.Errorf("%s", msg)
			}
		}
	}
	var changes []model.Change
	err := s.update(func(b buckets) error {
		changes = changes[:0]
		for _, d := range deltas {
			old, order, err := b.event(d.ID)
			if err != nil {
				return err
			}
			e := old
			e.Tags = d.Apply(old.Tags)
			if slices.Equal(e.Tags, old.Tags) {
				continue
			}
			if err := model.CheckEdit(&old, &e); err != nil {
				return err
			}
			if err := b.replace(&old, order, &e); err != nil {
				return err
			}
			changes = append(changes, model.Change{Before: old, After: e})
		}
		return nil
	})
	return changes, err
}

// Restore puts events back to earlier versions of themselves (an undo),
// in one transaction. Each event must still exist.
func (s *Store) Restore(events []model.Event) ([]model.Change, error) {
	var changes []model.Change
	err := s.update(func(b buckets) error {
		changes = changes[:0]
		for i := range events {
			old, order, err := b.event(events[i].ID)
			if err != nil {
				return err
			}
			if err := b.replace(&old, order, &events[i]); err != nil {
				return err
			}
			changes = append(changes, model.Change{Before: old, After: events[i]})
		}
		return nil
	})
	return changes, err
}

// AddNote appends a note to an event.
func (s *Store) AddNote(id, text string, at time.Time) (model.Change, error) {
	if strings.TrimSpace(text) == "" {
		return model.Change{}, fmt.Errorf("a note needs some text")
	}
	var c model.Change
	err := s.update(func(b buckets) error {
		old, order, err := b.event(id)
		if err != nil {
			return err
		}
		e := old
		e.Notes = append(slices.Clone(old.Notes), model.Note{Text: text, At: at})
		if err := model.CheckEdit(&old, &e); err != nil {
			return err
		}
		c = model.Change{Before: old, After: e}
		return b.replace(&old, order, &e)
	})
	return c, err
}
