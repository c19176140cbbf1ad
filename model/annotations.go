package model

import (
	"fmt"
	"slices"
)

// The investigator's work on an event (its tags and notes, and the limits
// every edit keeps to) is the same whichever store keeps it: these rules
// are the domain's, and stores apply them.

// KeepAnnotations adds to e, a new version of a stored event that an
// import brings, the tags and notes the stored version has and e lacks:
// re-importing a file never undoes triage. The stored notes come first,
// then those of e that are not among them (a note is the same when its
// text and time are), so that importing an export does not double them.
func KeepAnnotations(e, stored *Event) {
	// A tag is the same in any case: the file's spelling stands.
	held := make(map[string]bool, len(e.Tags))
	for _, t := range e.Tags {
		held[CaseKey(t)] = true
	}
	for _, t := range stored.Tags {
		if !held[CaseKey(t)] {
			e.Tags = append(e.Tags, t)
			held[CaseKey(t)] = true
		}
	}
	kept := slices.Clone(stored.Notes)
	for _, n := range e.Notes {
		if !slices.ContainsFunc(kept, func(k Note) bool { return k.Text == n.Text && k.At.Equal(n.At) }) {
			kept = append(kept, n)
		}
	}
	e.Notes = kept
}

// CheckEdit refuses an edit that turns old into e when it brings a
// problem old did not have, such as one tag or note too many. An event
// stored before a limit existed stays editable: only what the edit adds
// is refused.
func CheckEdit(old, e *Event) error {
	if msgs := e.textNotUTF8(); len(msgs) > 0 {
		return fmt.Errorf("event %q: %s", e.ID, msgs[0])
	}
	before := old.Check()
	for _, msg := range e.Check() {
		if !slices.Contains(before, msg) {
			return fmt.Errorf("event %q: %s", e.ID, msg)
		}
	}
	return nil
}
