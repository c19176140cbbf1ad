package tui

import (
	"errors"
	"fmt"

	"chrono/model"
)

// trashedHint adds to a write's error, when an event it names is in the
// trash, that it is and what to do: the store says only that there is no
// such event, and the event most often went to the trash meanwhile, from
// another process, after it was chosen on screen. Other errors are
// returned as they are.
func trashedHint(r model.Reader, err error) error {
	var m *model.Missing
	if !errors.As(err, &m) || m.Kind != model.MissingEvent {
		return err
	}
	trashed, terr := r.Trash()
	if terr != nil {
		return err
	}
	for _, t := range trashed {
		if t.Event.ID == m.ID {
			in := inTrashError{err: err}
			if last, jerr := r.Journal(model.JournalQuery{Limit: 1, MostEvents: 1}); jerr == nil && len(last) == 1 {
				in.head = last[0].Seq
			}
			return in
		}
	}
	return err
}

// inTrashError is a write's error naming an event that is in the trash:
// restored, the write can be tried again. head is the journal's newest
// entry then: a change after it may be the restore.
type inTrashError struct {
	err  error
	head uint64
	// restoreNeeds is set to the role a restore needs when the
	// session's role is short of it: the advice to restore is not its.
	restoreNeeds *Role
}

func (e inTrashError) Error() string {
	if e.restoreNeeds != nil {
		return fmt.Sprintf("%s; it is in the trash, and restoring it needs the %s role", e.err, *e.restoreNeeds)
	}
	return e.err.Error() + "; it is in the trash: restore it first (D opens the trash, where r restores it)"
}

// beyondRole is err as the session's role reads it: an event in the
// trash that the role may not restore is said to be, without the advice
// to restore it.
func (c *shared) beyondRole(err error) error {
	in, ok := err.(inTrashError)
	if need := editNeeds(model.Untrash{}); ok && !c.allows(need) {
		in.restoreNeeds = &need
		return in
	}
	return err
}

func (e inTrashError) Unwrap() error { return e.err }
