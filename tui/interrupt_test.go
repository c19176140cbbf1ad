package tui

import (
	"strings"
	"testing"
)

// TestCtrlCInAnEditorSaysHow checks that ctrl+c in the note editor and
// the forms, which keep what is typed rather than quit, says how to save
// it and how to throw it away, and keeps the text.
func TestCtrlCInAnEditorSaysHow(t *testing.T) {
	for _, open := range []string{"a", "E", "A", "I", "Q"} {
		d := newDriver(t, exampleStore(t), 120, 40)
		d.keys(open)
		dialog := d.openDialog()
		if dialog == nil {
			t.Fatalf("%s opened nothing", open)
		}
		d.typeText("draft")
		d.keys("ctrl+c")
		if d.quit || d.openDialog() != dialog {
			t.Errorf("%s then ctrl+c: quit %v, dialog %T; want the editor kept", open, d.quit, d.openDialog())
			continue
		}
		if st := d.status(); !strings.Contains(st, "ctrl+s") || !strings.Contains(st, "esc") {
			t.Errorf("%s then ctrl+c: status %q; want how to save and how to discard", open, st)
		}
		if !strings.Contains(d.screen(), "draft") {
			t.Errorf("%s then ctrl+c: the text typed is gone:\n%s", open, d.screen())
		}
	}
}

// TestCtrlCInAPromptCancels: in a one-line prompt or a picker, where a
// line is typed, ctrl+c cancels it, as a shell's line does, rather than
// end the session from habit.
func TestCtrlCInAPromptCancels(t *testing.T) {
	for _, open := range [][]string{{"/"}, {":"}, {"t"}, {"T"}, {"f"}, {"L"}} {
		d := newDriver(t, exampleStore(t), 120, 40)
		d.keys(open...)
		if d.openDialog() == nil {
			t.Fatalf("%v opened no dialog", open)
		}
		d.keys("ctrl+c")
		if d.quit || d.openDialog() != nil {
			t.Errorf("%v then ctrl+c: quit %v, dialog %T; want the prompt cancelled", open, d.quit, d.openDialog())
		}
	}
}

// TestCtrlCElsewhereQuits: from a dialog where nothing is written (a
// confirmation, the help), ctrl+c quits, as it does from the browser,
// rather than doing nothing.
func TestCtrlCElsewhereQuits(t *testing.T) {
	for _, open := range [][]string{{"d"}, {"?"}} {
		d := newDriver(t, exampleStore(t), 120, 40)
		d.keys(open...)
		if d.openDialog() == nil {
			t.Fatalf("%v opened no dialog", open)
		}
		d.keys("ctrl+c")
		if !d.quit {
			t.Errorf("%v then ctrl+c: did not quit; dialog %T, status %q", open, d.openDialog(), d.status())
		}
	}
}

// TestDoubleEscCancelsAPrompt: two esc presses the terminal sends in one
// write arrive as alt+esc; in a prompt or a picker they cancel it, as
// one would, rather than leave it open to what is typed next.
func TestDoubleEscCancelsAPrompt(t *testing.T) {
	for _, open := range [][]string{{"/"}, {"t"}, {"f"}, {"L"}} {
		d := newDriver(t, exampleStore(t), 120, 40)
		d.keys(open...)
		d.keys("alt+esc")
		if d.openDialog() != nil {
			t.Errorf("%v then alt+esc: dialog %T still open", open, d.openDialog())
		}
	}
}
