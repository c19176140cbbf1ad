package tui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// A Dialog takes the keys while it is open: at most one is, over the top
// screen. It answers messages with what they mean as an Action, which the
// root acts on: closing it, applying a filter, writing an edit.
type Dialog interface {
	// Update answers a message with an action and the commands to run.
	Update(msg tea.Msg) (Action, tea.Cmd)
	// SetSize gives the dialog the size of its place (Screen.Area).
	SetSize(w, h int)
	// View draws exactly h lines of at most w cells.
	View(w, h int) []string
	// Place is where the dialog sits.
	Place() place
	// The dialog's keys, for the footer.
	help.KeyMap
}

// place is where a dialog sits on the screen.
type place int

const (
	placeStatus place = iota // the status line: a one-line prompt
	placeBody                // the body under the header: the panes
	placePane                // the sources pane, or the body on a narrow screen
)

// editsText marks a dialog in which text is written, which answers
// ctrl+c itself rather than quit: a form or a note says how to save or
// discard, and a one-line prompt or a picker cancels, as a shell's line
// does, so that a habit does not end the session. From any other dialog
// ctrl+c quits, as it does from the browser.
type editsText interface{ editsText() }

// quietKeys marks a dialog whose keys are a reminder rather than a menu:
// the footer shows them as one muted run (shared.quietHelp).
type quietKeys interface{ quietKeys() }
