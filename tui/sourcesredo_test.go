package tui

import (
	"strings"
	"testing"
)

// TestSourcesScreenRedoesItsUndo: an undo on the sources screen says "U
// to redo", so U there makes the change again, and the help offers it.
func TestSourcesScreenRedoesItsUndo(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	addGuardian(d)
	d.keys("u")
	if !strings.Contains(d.status(), "U to redo") {
		t.Fatalf("undone: status %q", d.status())
	}
	d.keys("U")
	if src := sourceOf(t, s, "guardian"); src.Publisher != "The Guardian" {
		t.Errorf("redone: %+v", src)
	}
	if !strings.Contains(d.screen(), "The Guardian") {
		t.Errorf("the sources screen does not list the source made again:\n%s", d.screen())
	}
	d.keys("?")
	if help := d.screen(); !strings.Contains(help, "redo") {
		t.Errorf("the sources screen's help does not offer U:\n%s", help)
	}
}

// TestSourcesScreenSelectsTheSourceAnUndoBringsBack: a source removed
// and brought back by u is the one selected, as in the trash an event
// restored is; the cursor stayed on another row.
func TestSourcesScreenSelectsTheSourceAnUndoBringsBack(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	addGuardian(d)
	if !strings.Contains(d.m.screens[len(d.m.screens)-1].(*sourcesScreen).selectedID(), "guardian") {
		t.Fatalf("the source added is not selected:\n%s", d.screen())
	}
	d.keys("x", "y", "u")
	if got := d.m.screens[len(d.m.screens)-1].(*sourcesScreen).selectedID(); got != "guardian" {
		t.Errorf("after u brought the source back, %q is selected:\n%s", got, d.screen())
	}
}

// selectedID is the selected source's id, "" for none.
func (s *sourcesScreen) selectedID() string {
	src, _ := s.selected()
	return src.ID
}

// addGuardian adds, on the sources screen, the source guardian.
func addGuardian(d *driver) {
	d.keys("S", "a")
	d.typeText("guardian")
	d.keys("tab")
	d.typeText("The Guardian")
	d.keys("ctrl+s")
}
