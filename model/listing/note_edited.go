package listing

import (
	"time"

	"chrono/model"
	"chrono/model/termtext"
)

// NoteEdited says who last edited a note and when, its time as when
// writes it: "edited by cy, 5 Dec 2026"; "edited 5 Dec 2026" when its
// own author did, whose name the note shows already; "" when no one did.
// A note keeps its writer through an edit, so this is how the pane and
// chrono show tell who changed what another wrote.
func NoteEdited(n model.Note, when func(time.Time) string) string {
	s := "edited"
	if n.EditedBy != "" && n.EditedBy != n.Author {
		s += " by " + termtext.Line(n.EditedBy)
		if !n.Edited.IsZero() {
			s += ","
		}
	}
	if !n.Edited.IsZero() {
		s += " " + when(n.Edited)
	}
	if s == "edited" && n.EditedBy == "" {
		return ""
	}
	return s
}
