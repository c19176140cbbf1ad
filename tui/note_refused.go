package tui

import (
	"errors"
	"fmt"

	"chrono/model"
)

// isNote reports whether e saves a note, which noteRefused opens again
// when refused.
func isNote(e model.Edit) bool {
	switch e.(type) {
	case model.AddNote, model.ReviseNote:
		return true
	}
	return false
}

// noteRefused opens the note editor again on the words of a note whose
// save failed (the store unreachable, the note edited or deleted
// meanwhile), rather than lose them: the note typed is kept to be saved
// again, and one whose note changed meanwhile is saved as a new note,
// never over another's words.
func (m *Model) noteRefused(msg writeMsg) {
	if msg.err == nil || m.stopped || m.dialog != nil {
		return
	}
	var (
		id, text string
		n        int
		was      *model.Note
	)
	switch e := msg.write.edit.(type) {
	case model.AddNote:
		id, text = e.ID, e.Text
	case model.ReviseNote:
		id, text, n, was = e.ID, e.Text, e.N, e.Was
	default:
		return
	}
	title := id
	for _, e := range msg.write.before {
		if e.ID == id {
			title = e.Title
		}
	}
	conflict := errors.Is(msg.err, model.ErrConflict)
	ed := newNoteEditor(m.ctx, id, title)
	if n > 0 && was != nil && !conflict {
		ed = editNote(m.ctx, id, title, n, *was) // saved again, it revises that note
	}
	ed.kept = text
	ed.area.SetValue(areaText(text))
	ed.problem = "not saved: " + msg.err.Error()
	if errors.As(msg.err, new(inTrashError)) {
		if restore := (restoreThen{id: id, then: msg.write.edit}); m.ctx.allows(needs(restore)) {
			ed.inTrash = true
			ed.problem = fmt.Sprintf("not saved: the event went to the trash meanwhile: %s restores it and saves the note, %s drops the note", keyOf(ed.keys.Save), keyOf(ed.keys.Cancel))
		} else {
			// The role may not restore it: the note waits for someone
			// who may, and is then saved alone.
			ed.problem = fmt.Sprintf("not saved: the event went to the trash meanwhile, and restoring it needs the %s role: once it is restored, %s saves the note; %s drops it", needs(restore), keyOf(ed.keys.Save), keyOf(ed.keys.Cancel))
		}
	}
	if n > 0 && conflict {
		ed.problem = fmt.Sprintf("note %d was edited or deleted meanwhile: %s adds yours as a new note, %s drops it", n, keyOf(ed.keys.Save), keyOf(ed.keys.Cancel))
	}
	m.open(ed)
}
