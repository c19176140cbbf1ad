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
			return fmt.Errorf("%w; it is in the trash: restore it first (D opens the trash, where r restores it)", err)
		}
	}
	return err
}
