package model

import (
	"fmt"
	"slices"
)

// RetagEach applies a change of tags to each event as it is in tx: a tag
// another process wrote since the caller read the event is kept. An event
// that already has (or lacks) a tag is left as it is. It returns the
// events that changed.
func RetagEach(tx Tx, deltas []TagDelta) ([]Change, error) {
	for _, d := range deltas {
		for _, t := range d.Add {
			if msg := CheckTag(t); msg != "" {
				return nil, fmt.Errorf("%s", msg)
			}
		}
	}
	var changes []Change
	for _, d := range deltas {
		old, err := tx.Event(d.ID)
		if err != nil {
			return nil, err
		}
		e := old
		e.Tags = d.Apply(old.Tags)
		if slices.Equal(e.Tags, old.Tags) {
			continue
		}
		if err := CheckEdit(&old, &e); err != nil {
			return nil, err
		}
		if err := tx.PutEvent(e); err != nil {
			return nil, err
		}
		changes = append(changes, Change{Before: old, After: e})
	}
	return changes, nil
}

// Retags is the same change of tags on each of the events.
func Retags(ids []string, add, remove []string) []TagDelta {
	deltas := make([]TagDelta, len(ids))
	for i, id := range ids {
		deltas[i] = TagDelta{ID: id, Add: add, Remove: remove}
	}
	return deltas
}

// tagOp is the journal's name for a change of tags.
func tagOp(deltas []TagDelta) Op {
	for _, d := range deltas {
		if len(d.Add) > 0 {
			return OpTag
		}
	}
	return OpUntag
}

// writeRetag runs a change of tags as one write of w, and returns the
// changes and the number of the entry it made (0 for none). The entry
// says phrase(changes) of the changes made (phrase(nil) before they are
// known): the events that already had the change are not in it.
func writeRetag(w Writer, deltas []TagDelta, phrase func(changes []Change) string) ([]Change, uint64, error) {
	return writeRetagReverting(w, deltas, phrase, 0)
}

// writeRetagReverting is writeRetag for an entry that takes back the
// entry reverts (0 for none).
func writeRetagReverting(w Writer, deltas []TagDelta, phrase func(changes []Change) string, reverts uint64) ([]Change, uint64, error) {
	var changes []Change
	asked := phrase(nil)
	e, err := w.Write(tagOp(deltas), asked, func(tx Tx) (err error) {
		if reverts != 0 {
			tx.Reverts(reverts)
		}
		if changes, err = RetagEach(tx, deltas); err == nil {
			if done := phrase(changes); done != asked {
				tx.Rephrase(done)
			}
		}
		return err
	})
	return changes, e.Seq, err
}
