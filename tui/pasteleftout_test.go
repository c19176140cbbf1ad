package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestPasteSaysWhatItLeftOut: a paste a field takes in part says what it
// left out, in the status line: a note leaves out a terminal's colours
// and a direction override, a quote's words only the controls (they keep
// the override, as a mark). Both were dropped without a word.
func TestPasteSaysWhatItLeftOut(t *testing.T) {
	const pasted = "P1\tTAB \x1b[31mRED\x1b[0m \u202eRTL end\a"
	for _, tt := range []struct {
		name string
		open []string
		want string
	}{
		{"note", []string{"a"}, "left out of the paste: a terminal's colours or links (2 escape codes), U+202E RIGHT-TO-LEFT OVERRIDE, BEL (a field holds no control or invisible characters)"},
		{"quote", []string{"Q"}, "left out of the paste: a terminal's colours or links (2 escape codes), BEL (control characters, which no page shows)"},
		{"event title", []string{"E", "tab", "tab", "tab", "ctrl+u"}, "left out of the paste: a terminal's colours or links (2 escape codes), U+202E RIGHT-TO-LEFT OVERRIDE, BEL (a field holds no control or invisible characters)"},
	} {
		d := newDriver(t, exampleStore(t), 120, 40)
		d.keys(tt.open...)
		if d.openDialog() == nil {
			t.Fatalf("%s: %v opened nothing", tt.name, tt.open)
		}
		d.send(tea.PasteMsg{Content: pasted})
		if got := d.status(); got != tt.want {
			t.Errorf("%s: status %q, want %q", tt.name, got, tt.want)
		}
	}
	// The colours' sequences go whole, not only their ESC ("[31m" stayed).
	if got := cleanInput(tea.PasteMsg{Content: pasted}, false).(tea.PasteMsg).Content; got != "P1 TAB RED RTL end" {
		t.Errorf("a field takes %q from the paste", got)
	}
	if got := withoutControls(withoutSequences(pastedBreaks(pasted, true))); got != "P1\tTAB RED \u202eRTL end" {
		t.Errorf("a quote takes %q from the paste", got)
	}
	if cmd := leftOutOfPaste("plain\nwords", "plain\nwords", fieldLeavesOut); cmd != nil {
		t.Errorf("a paste taken whole says %v", cmd())
	}
}
