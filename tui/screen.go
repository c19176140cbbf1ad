package tui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// A Screen fills the terminal above the status line: the chronology and
// its sources pane is the first, and others are pushed on top of it. The
// root gives the top screen the keys when no dialog is open, and every
// screen the answers of the commands it asked for.
type Screen interface {
	// Init starts what the screen loads.
	Init() tea.Cmd
	// Update answers a message, or an action meant for the screen, with
	// an action for the root and the commands to run.
	Update(msg tea.Msg) (Action, tea.Cmd)
	// SetSize gives the screen its width and height.
	SetSize(w, h int)
	// View draws exactly the screen's height in lines, with the dialog
	// over, if not nil, in the place it sits (Dialog.Place).
	View(over Dialog) []string
	// FullHeight is how many lines the screen needs to show all it has;
	// on a shorter terminal the footer's help gives way first.
	FullHeight() int
	// Area is the size of the place where a dialog sits.
	Area(p place) (w, h int)
	// Latest returns the newest version of an event the screen holds,
	// so that a write shows at once and can be taken back.
	Latest(id string) (model.Event, bool)
	// Hint is what the status line says when it has nothing else to.
	Hint() string
	// The screen's own keys, for the footer and the help.
	help.KeyMap
}

// overlaid is a Screen that can show a view over itself, which q leaves
// as it leaves a screen pushed on top: the browser's sources full screen
// on a narrow terminal.
type overlaid interface {
	// overlay reports whether the view is shown.
	overlay() bool
	// leaveOverlay goes back from it.
	leaveOverlay()
}

// covered reports whether what the investigator sees is over the
// browser (a screen pushed on top, or a view a screen shows over
// itself), where q goes back and only ctrl+c quits.
func (m *Model) covered() bool {
	if len(m.screens) > 1 {
		return true
	}
	o, ok := m.top().(overlaid)
	return ok && o.overlay()
}
