// Package snapshots is the stored form of source snapshots that every
// store shares: the record kept of each snapshot, and its original and
// text each kept as one deflate stream cut into pieces, so that neither
// attaching nor reading ever holds more than a piece in hand. A store
// says only where a piece and a record go.
package snapshots

import (
	"errors"
	"fmt"

	"chrono/model"
)

// Record is what a store keeps of a snapshot besides its bytes, stored
// as JSON.
type Record struct {
	model.Snapshot
	// SameText is set when the text is the original itself (plain text,
	// Markdown): it is kept once.
	SameText bool `json:"same_text,omitempty"`
	// Original and Text count the pieces of the original and of the
	// text.
	Original int `json:"original"`
	Text     int `json:"text"`
	// Withdrawn is set while an undo has taken the snapshot away.
	Withdrawn bool `json:"withdrawn,omitempty"`
}

// Number gives s the number after last, the source's latest snapshot
// (withdrawn ones count: a number is never used twice), or checks the
// number it asks for: a snapshot is never replaced.
func Number(s *model.Snapshot, last int) error {
	switch {
	case s.N == 0:
		s.N = last + 1
	case s.N <= last:
		return fmt.Errorf("source %q has a snapshot %d already (or a later one); it is not replaced", s.Source, s.N)
	}
	return nil
}

// Withdraw marks the record withdrawn by an undo, or kept again by its
// redo, refusing what is so already.
func (r *Record) Withdraw(withdrawn bool) error {
	if r.Withdrawn == withdrawn {
		if withdrawn {
			return errors.New("already withdrawn")
		}
		return errors.New("already kept")
	}
	r.Withdrawn = withdrawn
	return nil
}

// Ref is the record's reference as a journal entry carries it.
func (r *Record) Ref() model.SnapshotRef {
	ref := r.Snapshot.Ref()
	ref.Withdrawn = r.Withdrawn
	return ref
}

// Listed returns the snapshots of records that an undo has withdrawn
// (withdrawn), or those it has not.
func Listed(records []Record, withdrawn bool) []model.Snapshot {
	var out []model.Snapshot
	for _, r := range records {
		if r.Withdrawn == withdrawn {
			out = append(out, r.Snapshot)
		}
	}
	return out
}
