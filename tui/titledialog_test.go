package tui

import (
	"strings"
	"testing"

	"chrono/model"
)

func TestRetitle(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	was, err := s.Header()
	if err != nil {
		t.Fatal(err)
	}
	d.keys("I")
	if _, ok := d.openDialog().(*titleDialog); !ok {
		t.Fatalf("I opened %T", d.openDialog())
	}
	d.typeText(", 2017–2022")
	d.keys("tab")
	d.typeText(" Reread in March.")
	d.keys("ctrl+s")
	h, _ := s.Header()
	if h.Title != was.Title+", 2017–2022" || !strings.HasSuffix(h.Description, "Reread in March.") {
		t.Fatalf("stored %+v; status %q", h, d.status())
	}
	if first := strings.SplitN(d.screen(), "\n", 2)[0]; !strings.Contains(first, "2017–2022") {
		t.Errorf("the header line does not show the new title: %q", first)
	}
	d.keys("u")
	if h, _ := s.Header(); h != was {
		t.Errorf("undo left %+v", h)
	}
	if first := strings.SplitN(d.screen(), "\n", 2)[0]; strings.Contains(first, "2017–2022") {
		t.Errorf("the header line still shows the undone title: %q", first)
	}
	// An empty title is refused in the dialog.
	d.keys("I")
	for range len([]rune(was.Title)) {
		d.keys("backspace")
	}
	d.keys("ctrl+s")
	if !strings.Contains(d.screen(), "✗ investigation: title: missing") {
		t.Errorf("an empty title was not refused:\n%s", d.screen())
	}
}

// TestRetitleOverAnotherChange: a description another changed while the
// dialog was open is kept when only the title was typed; when both
// changed it, the dialog opens again saying so, what was typed kept, and
// a second save puts it in the other's place.
func TestRetitleOverAnotherChange(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	was, err := s.Header()
	if err != nil {
		t.Fatal(err)
	}
	meanwhile := func(desc string) {
		t.Helper()
		h, err := s.Header()
		if err != nil {
			t.Fatal(err)
		}
		h.Description = desc
		if _, _, err := (model.Retitle{Header: h}).Apply(s); err != nil {
			t.Fatal(err)
		}
	}
	d.keys("I")
	d.typeText(", 2017–2022")
	meanwhile("Theirs.")
	d.keys("ctrl+s")
	if h, _ := s.Header(); h.Title != was.Title+", 2017–2022" || h.Description != "Theirs." {
		t.Fatalf("stored %+v; status %q", h, d.status())
	}

	d.keys("I", "tab")
	d.typeText(" Mine.")
	meanwhile("Theirs again.")
	d.keys("ctrl+s")
	dlg, ok := d.openDialog().(*titleDialog)
	if !ok {
		t.Fatalf("no dialog after the refused save; status %q", d.status())
	}
	if h, _ := s.Header(); h.Description != "Theirs again." {
		t.Fatalf("the other's description was overwritten: %+v", h)
	}
	// The dialog is narrower than the line: what to do is said under it.
	if dlg.problem.why != "the description was changed meanwhile, to “Theirs again.”: ctrl+s puts yours in its place" ||
		!strings.Contains(d.screen(), "puts yours in its place") || dlg.header().Description != "Theirs. Mine." {
		t.Fatalf("the dialog reads %q, description %q:\n%s", dlg.problem.why, dlg.header().Description, d.screen())
	}
	if dlg.header().Title != was.Title+", 2017–2022" {
		t.Errorf("the title left as it was reads %q", dlg.header().Title)
	}
	d.keys("ctrl+s")
	if h, _ := s.Header(); h.Description != "Theirs. Mine." {
		t.Errorf("saved again: %+v; status %q", h, d.status())
	}
}
