package tui

import (
	"strings"
	"testing"
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
