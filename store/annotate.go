package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"chrono/model"
)

// Change is what a write did to one event (model.Change).
type Change = model.Change

// Retag adds and removes tags on events, all in one transaction: either
// every event changes or none does. An event that already has (or lacks)
// a tag is left as it is. It returns the events that changed.
func (s *Store) Retag(ids []string, add, remove []string) ([]Change, error) {
	for _, t := range add {
		if msg := model.CheckTag(t); msg != "" {
			return nil, fmt.Errorf("%s", msg)
		}
	}
	var changes []Change
	err := s.update(func(b buckets) error {
		changes = changes[:0]
		for _, id := range ids {
			old, order, err := b.event(id)
			if err != nil {
				return err
			}
			e := old
			e.Tags = slices.DeleteFunc(slices.Clone(old.Tags), func(t string) bool { return slices.Contains(remove, t) })
			for _, t := range add {
				if !slices.Contains(e.Tags, t) {
					e.Tags = append(e.Tags, t)
				}
			}
			if slices.Equal(e.Tags, old.Tags) {
				continue
			}
			if err := b.replace(&old, order, &e); err != nil {
				return err
			}
			changes = append(changes, Change{Before: old, After: e})
		}
		return nil
	})
	return changes, err
}

// Restore puts events back to earlier versions of themselves (an undo),
// in one transaction. Each event must still exist.
func (s *Store) Restore(events []model.Event) ([]Change, error) {
	var changes []Change
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
			changes = append(changes, Change{Before: old, After: events[i]})
		}
		return nil
	})
	return changes, err
}

// AddNote appends a note to an event.
func (s *Store) AddNote(id, text string, at time.Time) (Change, error) {
	if strings.TrimSpace(text) == "" {
		return Change{}, fmt.Errorf("a note needs some text")
	}
	var c Change
	err := s.update(func(b buckets) error {
		old, order, err := b.event(id)
		if err != nil {
			return err
		}
		e := old
		e.Notes = append(slices.Clone(old.Notes), model.Note{Text: text, At: at})
		c = Change{Before: old, After: e}
		return b.replace(&old, order, &e)
	})
	return c, err
}
