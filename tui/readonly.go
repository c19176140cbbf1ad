package tui

import tea "charm.land/bubbletea/v2"

// A store that cannot be written (a file the user may not write, a
// backup on write-protected media) is browsed all the same: the header
// says read-only, and a key that would change the investigation says why
// it cannot at once, rather than opening a form whose save would fail.

// readOnlyMark is what the header says of a store that cannot be written.
const readOnlyMark = "read-only"

// refused says on the status line why the store cannot be changed.
func (c *shared) refused() tea.Cmd {
	why := c.readOnly
	return func() tea.Msg { return statusMsg{text: why, err: true} }
}

// refuse is refused, said at once.
func (m *Model) refuse() tea.Cmd { return m.say(statusMsg{text: m.ctx.readOnly, err: true}) }

// withReadOnly puts the read-only mark before where, the right of a
// header, when the store cannot be written.
func (c *shared) withReadOnly(where string) string {
	switch {
	case c.readOnly == "":
		return where
	case where == "":
		return readOnlyMark
	}
	return readOnlyMark + " · " + where
}

// changesStore reports whether an action would change the store: at
// once, or through the form or the question it opens.
func changesStore(a Action) bool {
	switch a := a.(type) {
	case writeEdit, restoreThen, undoLast, redoLast, authoring, trashEvents:
		return true
	case openDialog:
		switch d := a.dialog.(type) {
		case *eventForm, *noteEditor, *quoteForm, *sourceForm, *titleDialog, *linkPicker:
			return true
		case *confirmDialog:
			return changesStore(d.yes)
		case *prompt:
			return d.kind == promptTag || d.kind == promptUntag
		}
	}
	return false
}
