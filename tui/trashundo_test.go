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

// TestUndoAndRedoPastTagsAndTheTrash: tags changed on an event, and
// undone or redone, do not stand in the way of undoing or redoing its
// move to the trash or its restore. Redo refused the trashing ("changed
// since, by #5 undid #2 …, #6 redid #2 …: revert those first"), and the
// next U skipped it, and every change after it, to "nothing to redo".
func TestUndoAndRedoPastTagsAndTheTrash(t *testing.T) {
	for _, keys := range [][]string{
		{"2", "d", "y", "u", "u", "U", "U"},
		{"d", "y", "D", "r", "esc", "1", "u", "u", "u"},
	} {
		s := exampleStore(t)
		d := newDriver(t, s, 80, 24)
		id := d.selected()
		var said []string
		for _, k := range keys {
			d.keys(k)
			said = append(said, d.status())
			if d.statusErr() || strings.Contains(d.status(), "cannot") || strings.Contains(d.status(), "skipped") {
				t.Errorf("%v: %q refused or skipped a change: %q", keys, k, d.status())
			}
		}
		tr, err := s.Trash()
		if err != nil {
			t.Fatal(err)
		}
		switch keys[0] {
		case "2": // tagged and trashed again
			if len(tr) != 1 || tr[0].Event.ID != id || !strings.Contains(strings.Join(tr[0].Event.Tags, " "), "verify") {
				t.Errorf("%v: the trash holds %+v; want %s, tagged #verify (%q)", keys, tr, id, said)
			}
		default: // every change undone: on the timeline, untagged
			e, err := s.Event(id)
			if len(tr) != 0 || err != nil || strings.Contains(strings.Join(e.Tags, " "), "key") {
				t.Errorf("%v: the trash holds %+v, the event %+v (%v); want it back as it was (%q)", keys, tr, e.Tags, err, said)
			}
		}
	}
}

// TestEmptyInvestigationOffersTheTrash: deleting the last event leads to
// the screen of an investigation with no events, which names the trash
// where it went; D there shows it.
func TestEmptyInvestigationOffersTheTrash(t *testing.T) {
	d := newDriver(t, emptyStore(t), 80, 24)
	d.keys("A")
	d.typeText("2020")
	d.keys("tab", "tab", "tab")
	d.typeText("Only event")
	d.keys("ctrl+s", "d", "y")
	if screen := d.screen(); !strings.Contains(screen, "This investigation has no events yet.") || !strings.Contains(screen, "D                   shows the trash") ||
		!strings.Contains(screen, "A add an event • D the trash") {
		t.Fatalf("after the last event went to the trash:\n%s", screen)
	}
	d.keys("D")
	if screen := d.screen(); !strings.Contains(screen, "Trash · 1 event") || !strings.Contains(screen, "Only event") {
		t.Errorf("D on the empty investigation:\n%s", screen)
	}
}
