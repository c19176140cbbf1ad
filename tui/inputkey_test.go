package tui

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
)

// TestDeleteWordForwardAtTheLastCharacter: alt+d with the cursor on the
// last character of a one-line field deletes that character, in a form's
// field and in the tag prompt alike, rather than ending the browser.
func TestDeleteWordForwardAtTheLastCharacter(t *testing.T) {
	altD := tea.KeyPressMsg{Code: 'd', Mod: tea.ModAlt}
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.to("nso-mobileum-call")
	title := event(t, s, "nso-mobileum-call").Title
	press(d, "E", "tab", "tab", "tab", "end", "left", altD)
	// The field shows the end of a long title.
	if l, end := screenLine(d.screen(), "› Title"), title[len(title)-12:len(title)-1]; !strings.HasSuffix(strings.TrimRight(l, " "), end) {
		t.Errorf("after alt+d on the last character, the title shows as %q, want it to end %q", l, end)
	}
	press(d, "ctrl+s")
	if got := event(t, s, "nso-mobileum-call").Title; got != title[:len(title)-1] {
		t.Errorf("stored %q, want %q", got, title[:len(title)-1])
	}

	d.keys("t")
	d.typeText("verifyx")
	press(d, "left", altD, tea.KeyPressMsg{Code: tea.KeyDelete}, altD, "enter")
	if got := event(t, s, "nso-mobileum-call").Tags; !slices.Contains(got, "verify") {
		t.Errorf("tags %v, want verify among them", got)
	}
}

// TestShiftKeyAfterAnEmptySelection: a shift key that selects nothing
// (shift+down on the last line), then an edit that takes that line away,
// then a shift key and typing, in a note: the typing replaces what the
// second shift key selected, rather than ending the browser.
func TestShiftKeyAfterAnEmptySelection(t *testing.T) {
	shift := func(code rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code, Mod: tea.ModShift} }
	s := notedStore(t)
	d := newDriver(t, s, 160, 45)
	d.to("fbi-tip")
	toNote(t, d, 1)
	d.keys("e")
	press(d, "enter", shift(tea.KeyDown), "backspace", shift(tea.KeyLeft))
	d.typeText("x")
	d.keys("ctrl+s")
	if got := strings.Join(noteTexts(t, s), "|"); got != "NOTE-A|NOTE-x|NOTE-C" {
		t.Errorf("notes %q, want NOTE-B's last letter replaced by x", got)
	}
}

// TestDeleteOnTheLastCharacterOfALine: delete with the cursor on the
// last character of a line, in a field of several lines, deletes that
// character and leaves the next line where it was; delete at the line's
// end joins the next line to it.
func TestDeleteOnTheLastCharacterOfALine(t *testing.T) {
	del := tea.KeyPressMsg{Code: tea.KeyDelete}
	tests := []struct {
		name, value string
		row, col    int
		want        string
	}{
		{"on the last character", "abc\ncd\nef", 0, 2, "ab\ncd\nef"},
		{"at the line's end", "abc\ncd\nef", 0, 3, "abccd\nef"},
		{"on a middle character", "abc\ncd\nef", 0, 1, "ac\ncd\nef"},
		{"on the last line's last character", "abc\ncd\nef", 2, 1, "abc\ncd\ne"},
		{"on a line of one character", "abc\nd\nef", 1, 0, "abc\n\nef"},
		{"on a wide last character", "ab界\ncd", 0, 2, "ab\ncd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := textarea.New()
			a.SetWidth(40)
			a.Focus()
			a.SetValue(tt.value)
			for a.Line() > tt.row {
				a.CursorUp()
			}
			a.SetCursorColumn(tt.col)
			a, _ = a.Update(areaKey(&a, del))
			if got := a.Value(); got != tt.want || a.Line() != tt.row || a.Column() != tt.col {
				t.Errorf("%q, cursor at %d:%d; want %q at %d:%d", got, a.Line(), a.Column(), tt.want, tt.row, tt.col)
			}
		})
	}
}
