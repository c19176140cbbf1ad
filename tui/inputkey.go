package tui

import (
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// inputKey is msg as a one-line field can take it. Its widget deletes a
// word forward (alt+d, alt+delete, ctrl+delete) by reading the character
// after the one the cursor is on before it looks whether there is one,
// and from the last character reads past its text and panics; there,
// the word to delete is that character, which delete takes alone.
func inputKey(in *textinput.Model, msg tea.Msg) tea.Msg {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || !key.Matches(k, in.KeyMap.DeleteWordForward) {
		return msg
	}
	if in.Position() == utf8.RuneCountInString(in.Value())-1 {
		return tea.KeyPressMsg{Code: tea.KeyDelete}
	}
	return msg
}
