package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"chrono/model"
)

// TestUndoFailedSaysSo: an undo (or redo) that fails for another reason
// than later changes says that it could not be done, not that a change
// was undone on screen, and stays to be tried again.
func TestUndoFailedSaysSo(t *testing.T) {
	for _, redo := range []bool{false, true} {
		q := &writeQueue{}
		st := q.done(writeMsg{write: pendingWrite{undo: !redo, redo: redo, what: "added a quote"}, err: errors.New("no room left on the disk")})
		verb, stack := "undo", &q.undo
		if redo {
			verb, stack = "redo", &q.redo
		}
		if want := "cannot " + verb + " added a quote: no room left on the disk"; !st.err || !strings.Contains(st.text, want) || strings.Contains(st.text, "undone on screen") {
			t.Errorf("%s failed: status %q (error %v), want %q", verb, st.text, st.err, want)
		}
		if len(*stack) != 1 {
			t.Errorf("%s failed: %d left to try again, want 1", verb, len(*stack))
		}
	}
}

// TestUndoRefusedIsPassedBy: an undo refused because a later change
// stands in its way, whatever it touched, stays on top marked, and says
// that the next press passes it by.
func TestUndoRefusedIsPassedBy(t *testing.T) {
	q := &writeQueue{}
	st := q.done(writeMsg{write: pendingWrite{undo: true, what: "added a quote"}, err: fmt.Errorf("source %q: changed since; revert that first: %w", "s", model.ErrConflict)})
	if !st.err || !strings.Contains(st.text, "cannot undo added a quote") || !strings.Contains(st.text, "u again skips it") {
		t.Errorf("status %q", st.text)
	}
	if len(q.undo) != 1 || !q.undo[0].refused {
		t.Errorf("undo stack %+v, want the refused one on top, marked", q.undo)
	}
}
