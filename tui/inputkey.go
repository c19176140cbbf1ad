package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
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

// areaKey is msg as a field of several lines can take it. Its widget
// keeps a selection that a shift key began without moving the cursor
// (shift+down on the last line, shift+left at the start) as begun, empty,
// through the edits after it; the next shift key then selects from where
// that one was, in a text that may have lost that line since, and
// deleting the selection reads past the text and panics. A selection
// that selects nothing is dropped before each message, so that the next
// one begins at the cursor.
//
// Its delete, on a line's last character, deletes it and then, the
// cursor being at the line's end, joins the next line too; there the
// cursor steps past the character and backspace takes it alone.
func areaKey(a *textarea.Model, msg tea.Msg) tea.Msg {
	if a.HasSelection() {
		return msg
	}
	a.ClearSelection()
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, a.KeyMap.DeleteCharacterForward) && a.Line() < a.LineCount()-1 {
		line, _, _ := strings.Cut(nthLine(a.Value(), a.Line()), "\n")
		if a.Column() == utf8.RuneCountInString(line)-1 {
			a.SetCursorColumn(a.Column() + 1)
			return tea.KeyPressMsg{Code: tea.KeyBackspace}
		}
	}
	return msg
}

// nthLine returns s from the start of its line n (the first is 0).
func nthLine(s string, n int) string {
	for ; n > 0; n-- {
		_, s, _ = strings.Cut(s, "\n")
	}
	return s
}
