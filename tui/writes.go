package tui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// writeQueue writes edits one at a time, in order, so that two quick
// changes to the same event reach the disk as they were made. An edit
// shows at once; when its write fails, the events go back to how they
// were. The reverts of confirmed edits are kept for undo.
type writeQueue struct {
	queue   []pendingWrite
	writing bool
	undo    []model.Edit // reverts, the newest last
}

// pendingWrite is an edit on its way to the disk.
type pendingWrite struct {
	edit   model.Edit
	before []model.Event // what the events were on screen, to roll back
	undo   bool          // it takes back an earlier edit
}

// writeMsg reports a write to the store: the changes it made and the
// edit that reverts them, or the error that undid it.
type writeMsg struct {
	write   pendingWrite
	changes []model.Change
	revert  model.Edit
	err     error
}

// busy reports whether changes are still on their way to the disk.
func (q *writeQueue) busy() bool { return q.writing || len(q.queue) > 0 }

// add queues a write and starts it when none is running.
func (q *writeQueue) add(s model.Store, w pendingWrite) tea.Cmd {
	q.queue = append(q.queue, w)
	return q.next(s)
}

func (q *writeQueue) next(s model.Store) tea.Cmd {
	if q.writing || len(q.queue) == 0 {
		return nil
	}
	w := q.queue[0]
	q.queue = q.queue[1:]
	q.writing = true
	return write(s, w)
}

// popUndo takes the revert of the last confirmed edit.
func (q *writeQueue) popUndo() (model.Edit, bool) {
	if len(q.undo) == 0 {
		return nil, false
	}
	e := q.undo[len(q.undo)-1]
	q.undo = q.undo[:len(q.undo)-1]
	return e, true
}

// done takes a write's outcome and returns what the status line says.
func (q *writeQueue) done(msg writeMsg) statusMsg {
	q.writing = false
	w := msg.write
	switch {
	case msg.err != nil:
		if w.undo {
			q.undo = append(q.undo, w.edit)
		}
		return statusMsg{text: fmt.Errorf("not saved, change undone on screen: %w", msg.err).Error(), err: true}
	case w.undo:
		return statusMsg{text: w.edit.Phrase()}
	case len(msg.changes) == 0:
		return statusMsg{text: "nothing changed: " + w.edit.Phrase()}
	case msg.revert != nil:
		q.undo = append(q.undo, msg.revert)
		return statusMsg{text: w.edit.Phrase() + " · u to undo"}
	}
	return statusMsg{text: w.edit.Phrase()}
}

// write makes an edit through the store; the result comes back as a
// writeMsg whether it worked or not.
func write(s model.Store, w pendingWrite) tea.Cmd {
	return func() tea.Msg {
		changes, revert, err := w.edit.Apply(s)
		return writeMsg{write: w, changes: changes, revert: revert, err: err}
	}
}

// retagged reports whether a write changed tags, so that the counts of
// tags are read again.
func retagged(changes []model.Change) bool {
	for _, c := range changes {
		if !slices.Equal(c.Before.Tags, c.After.Tags) {
			return true
		}
	}
	return false
}
