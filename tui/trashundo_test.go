package tui

import (
	"strings"
	"testing"
)

// TestTrashScreenUndoesItsRestore: restoring says "u to undo", so u on
// the trash screen takes the restore back (the event is in the trash
// again, and listed), and U, which the undo then names, makes it again.
func TestTrashScreenUndoesItsRestore(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 80, 24)
	d.keys("j")
	id := d.selected()
	d.keys("d", "y", "D", "r")
	if want := "restored “Jamal Khashoggi is killed in the Saudi …” · u to undo"; d.status() != want {
		t.Fatalf("restored: status %q, want %q", d.status(), want)
	}
	d.keys("u")
	if tr, _ := s.Trash(); len(tr) != 1 || tr[0].Event.ID != id {
		t.Fatalf("u on the trash screen: trash %+v, status %q", tr, d.status())
	}
	if !strings.Contains(d.screen(), "Trash · 1 event") || !strings.Contains(d.status(), "U to redo") {
		t.Errorf("after u the trash screen reads:\n%s\nstatus %q", d.screen(), d.status())
	}
	d.keys("U")
	if tr, _ := s.Trash(); len(tr) != 0 {
		t.Fatalf("U on the trash screen: trash %+v, status %q", tr, d.status())
	}
	d.keys("?")
	if help := d.screen(); !strings.Contains(help, "undo") || !strings.Contains(help, "redo") {
		t.Errorf("the trash screen's help does not offer u and U:\n%s", help)
	}
}
