package tui

import (
	"slices"
	"strings"
	"testing"

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
