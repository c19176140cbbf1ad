package tui

import (
	"runtime"

	"charm.land/bubbles/v2/key"
)

// globalKeys work on every screen: the help, quitting, and suspending.
// The footer ends with the first two, the help with all.
type globalKeys struct {
	Help, Quit, Suspend key.Binding
}

func newGlobalKeys() globalKeys {
	k := globalKeys{
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Suspend: key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend (fg resumes)")),
	}
	// Windows has no job control to suspend to.
	k.Suspend.SetEnabled(runtime.GOOS != "windows")
	return k
}

// ShortHelp implements help.KeyMap.
func (k globalKeys) ShortHelp() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// onTop is the global keys for a screen pushed over the browser, where
// q goes back (as it leaves a pager) and only ctrl+c quits.
func (k globalKeys) onTop() []key.Binding {
	quit := k.Quit
	quit.SetHelp("ctrl+c", "quit")
	return []key.Binding{k.Help, quit}
}

// FullHelp implements help.KeyMap.
func (k globalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Help, k.Quit, k.Suspend}}
}

// newUndoKeys are u and U, which take back the session's last change and
// make it again, on every screen that has them: the help names each key
// a binding takes, so ctrl+r, which redoes as in vim, is named with U.
func newUndoKeys() (undo, redo key.Binding) {
	return key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		key.NewBinding(key.WithKeys("U", "ctrl+r"), key.WithHelp("U/ctrl+r", "redo"))
}

// keyOf is a binding's key as its help names it, for a hint on screen
// that says what to press: the hint follows the binding.
func keyOf(b key.Binding) string { return b.Help().Key }

// offeredMove is the movement key a footer offers: down, or, where down
// does not move (at the end), the way back up.
func offeredMove(down, up key.Binding) key.Binding {
	if down.Enabled() {
		return down
	}
	return up
}

// movesForHelp returns movement bindings as the help lists them: each
// one, wherever the cursor is. ↑/k moves nowhere from the first row, and
// the footer leaves it out there, but the help says how to move.
func movesForHelp(moves ...key.Binding) []key.Binding {
	for i := range moves {
		moves[i].SetEnabled(true)
	}
	return moves
}
