package tui

import (
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// Action is what a screen or a dialog means by a message, as a value the
// root acts on: close the dialog, write an edit, push a screen. Actions
// the root does not know go to the top screen (filter, go to a date,
// search), and close the dialog that sent them unless they keep it open.
type Action = tea.Msg

// The root's actions.
type (
	// closeDialog closes the open dialog.
	closeDialog struct{}
	// openDialog opens a dialog, closing the one open.
	openDialog struct{ dialog Dialog }
	// writeEdit shows an edit at once and writes it to the store: saving
	// a note, retagging, saving an event.
	writeEdit struct{ edit model.Edit }
	// restoreThen restores an event from the trash, then writes an edit
	// of it: a note whose event went to the trash while it was typed.
	restoreThen struct {
		id   string
		then model.Edit
	}
	// undoLast takes the last edit back.
	undoLast struct{}
	// redoLast makes the last edit undone again.
	redoLast struct{}
	// pushScreen puts a screen on top.
	pushScreen struct{ screen Screen }
	// popScreen goes back to the screen below, and gives it then, when
	// set: the sources screen's "show its events" is a filter the
	// browser below applies.
	popScreen struct{ then Action }
	// quitApp leaves once every change is on disk.
	quitApp struct{}
)

// The top screen's actions.
type (
	// applyFilter changes the view to q.
	applyFilter struct {
		q model.Query
		// sets are the sets of events q.IDs stands for, when q.ByID.
		sets idSet
	}
	// goToDate moves to the first event the rows show at or after the
	// start of a date; label is the date as people read it, for saying
	// when there is none.
	goToDate struct {
		from  model.Date
		label string
	}
	// searchTyped is the search as typed so far; the prompt stays open.
	searchTyped struct{ text string }
	// searchEntered keeps the search and moves to its match.
	searchEntered struct{ text string }
	// searchCancelled puts the search back as it was before the prompt.
	searchCancelled struct{}
)

// keepsDialog marks an action after which the dialog stays open.
type keepsDialog interface{ keepsDialog() }

func (searchTyped) keepsDialog() {}
