package tui

import (
	"strings"
	"testing"
)

// formAction presses a key in the open dialog and returns the action it
// means, running the commands it starts and giving their messages back
// to the dialog (as the root does) until one yields an action.
func formAction(t *testing.T, d *driver, k string) Action {
	t.Helper()
	dlg := d.openDialog()
	if dlg == nil {
		t.Fatal("no dialog open")
	}
	a, cmd := dlg.Update(keyPress(k))
	for a == nil && cmd != nil {
		msg, ok := call(cmd)
		if !ok {
			t.Fatal("a command did not return")
		}
		a, cmd = dlg.Update(msg)
	}
	return a
}

func TestEventFormEdits(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	before := event(t, s, "nso-mobileum-call")
	d.keys("E", "tab", "tab", "tab")
	d.typeText(" (edited)")
	a, ok := formAction(t, d, "ctrl+s").(saveEvent)
	if !ok {
		t.Fatalf("ctrl+s: %T, want saveEvent", a)
	}
	if a.base == nil || a.base.Title != before.Title {
		t.Errorf("base = %+v, want the event as it was", a.base)
	}
	if want := before.Title + " (edited)"; a.event.Title != want {
		t.Errorf("title %q, want %q", a.event.Title, want)
	}
	if a.event.ID != before.ID || len(a.event.Quotes) != len(before.Quotes) || a.event.Date.String() != "2017-08" || a.event.DateSource != "wapo" {
		t.Errorf("the fields not edited changed: %+v", a.event)
	}
}

func TestEventFormAdds(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("A")
	d.typeText("2017-08/2021")
	if !strings.Contains(d.screen(), "Aug 2017 – 2021") {
		t.Errorf("the date's reading is not under it:\n%s", d.screen())
	}
	d.keys("tab", "tab", "tab")
	d.typeText("Apple sues NSO") // a title taken: the id gets -2
	d.keys("tab", "right", "tab")
	d.typeText("Apple, NSO Group")
	d.keys("tab")
	d.typeText("#context, lawsuit")
	a, ok := formAction(t, d, "ctrl+s").(saveEvent)
	if !ok {
		t.Fatalf("ctrl+s: %T, want saveEvent", a)
	}
	e := a.event
	if a.base != nil || e.ID != "apple-sues-nso-2" || e.Status != "confirmed" || e.Date.String() != "2017-08/2021" ||
		strings.Join(e.Actors, "|") != "Apple|NSO Group" || strings.Join(e.Tags, "|") != "context|lawsuit" {
		t.Errorf("saveEvent = %+v", a)
	}
}

func TestEventFormRefusesWhatCannotBeSaved(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("A")
	d.typeText("Agust 2017")
	d.keys("ctrl+s")
	if d.openDialog() == nil || !strings.Contains(d.screen(), "✗ date: chrono cannot read it") {
		t.Errorf("an unreadable date was not refused:\n%s", d.screen())
	}
	d.keys("ctrl+u") // clears the field: undated
	d.keys("ctrl+s")
	if !strings.Contains(d.screen(), "✗ title: missing") {
		t.Errorf("a missing title was not refused:\n%s", d.screen())
	}
}

func TestEventFormTakesTheProposedDate(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("A", "tab")
	d.typeText("last year")
	d.keys("tab", "right", "right") // occupy-democrats, then wapo
	if !strings.Contains(d.screen(), "proposes 2021, read in a source published 1 Feb 2022") {
		t.Fatalf("no proposal:\n%s", d.screen())
	}
	d.keys("ctrl+y")
	f := d.openDialog().(*eventForm)
	if got := f.inputs[fieldDate].Value(); got != "2021" {
		t.Errorf("the date field holds %q, want 2021", got)
	}
	if !strings.Contains(d.screen(), "the date agrees with these words") {
		t.Errorf("the proposal stays after it was taken:\n%s", d.screen())
	}
}

func TestEventFormAsksBeforeDiscarding(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("E", "esc")
	if d.openDialog() != nil {
		t.Fatal("esc on an unchanged form did not close it")
	}
	d.keys("E")
	d.typeText("x")
	d.keys("esc")
	if d.openDialog() == nil {
		t.Fatal("esc threw typed changes away without asking")
	}
	d.keys("esc")
	if d.openDialog() != nil {
		t.Fatal("esc twice did not discard")
	}
}

// TestAuthoringNotSavedYet checks what the root says of an authoring
// action until the store writes them: it is not saved.
func TestAuthoringNotSavedYet(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("E", "tab", "tab", "tab")
	d.typeText("!")
	d.keys("ctrl+s")
	if d.openDialog() != nil || !strings.HasPrefix(d.status(), `not saved: save event "nso-mobileum-call"`) || !d.statusErr() {
		t.Errorf("status %q (error %v), dialog %T", d.status(), d.statusErr(), d.openDialog())
	}
}
