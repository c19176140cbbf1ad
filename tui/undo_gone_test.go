package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestUndoOfAChangeToAnEventGone: when another process took the event
// off the timeline (the trash, then emptying it), u says the change
// cannot be undone, and the next press passes on to the one before it,
// saying so, rather than failing on it at every press.
func TestUndoOfAChangeToAnEventGone(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	first := d.selected()
	d.keys("t")
	d.typeText("first")
	d.keys("enter", "j")
	gone := d.selected()
	d.keys("t")
	d.typeText("second")
	d.keys("enter")
	for _, e := range []model.Edit{model.Trash{Events: []string{gone}}, model.Purge{Events: []string{gone}}} {
		if _, _, err := e.Apply(s); err != nil {
			t.Fatal(err)
		}
	}
	d.keys("u")
	if !d.statusErr() || !strings.HasPrefix(d.status(), "cannot undo") || !strings.Contains(d.status(), gone) || !strings.Contains(d.status(), "trash") {
		t.Errorf("undo of a change to an event gone says %q (error %v)", d.status(), d.statusErr())
	}
	d.keys("u")
	if d.statusErr() || !strings.HasPrefix(d.status(), "skipped ") || !strings.Contains(d.status(), ", which cannot be undone; undid: ") {
		t.Fatalf("the undo before it says %q (error %v)", d.status(), d.statusErr())
	}
	if tags := event(t, s, first).Tags; strings.Contains(strings.Join(tags, " "), "first") {
		t.Errorf("%s still tagged %q", first, tags)
	}
}

// TestUndoOfAChangeToAnEventInTheTrash: when another process moved the
// event to the trash, u says so and how to restore it, and keeps the
// change to undo once it is restored.
func TestUndoOfAChangeToAnEventInTheTrash(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	id := d.selected()
	d.keys("t")
	d.typeText("checked")
	d.keys("enter")
	if _, _, err := (model.Trash{Events: []string{id}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("u")
	if !d.statusErr() || !strings.Contains(d.status(), "it is in the trash: restore it first") {
		t.Errorf("undo of a change to an event in the trash says %q (error %v)", d.status(), d.statusErr())
	}
	if _, _, err := (model.Untrash{Events: []string{id}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.send(versionMsg{version: "restored"}) // the browser hears of the restore
	d.keys("u")
	if d.statusErr() || !strings.HasPrefix(d.status(), "undid") {
		t.Fatalf("undo once restored says %q (error %v)", d.status(), d.statusErr())
	}
	if tags := event(t, s, id).Tags; slices.Contains(tags, "checked") {
		t.Errorf("%s still tagged %q", id, tags)
	}
}

// TestUndoPassesAChangeToAnEventInTheTrash: the next u passes on from a
// change to an event another process moved to the trash, to the change
// before it, as from any refused undo; every press said the same
// refusal, so that the change before could not be undone without
// restoring the other's deletion.
func TestUndoPassesAChangeToAnEventInTheTrash(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	first := d.selected()
	d.keys("t")
	d.typeText("older")
	d.keys("enter", "j")
	trashed := d.selected()
	d.keys("t")
	d.typeText("newer")
	d.keys("enter")
	if _, _, err := (model.Trash{Events: []string{trashed}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("u")
	if !d.statusErr() || !strings.Contains(d.status(), "it is in the trash: restore it first") || !strings.Contains(d.status(), "u again skips it") {
		t.Errorf("undo of a change to an event in the trash says %q (error %v)", d.status(), d.statusErr())
	}
	d.keys("u")
	if d.statusErr() || !strings.HasPrefix(d.status(), "skipped ") {
		t.Fatalf("the next u says %q (error %v)", d.status(), d.statusErr())
	}
	if tags := event(t, s, first).Tags; slices.Contains(tags, "older") {
		t.Errorf("%s still tagged %q", first, tags)
	}
}

// TestUndoOfAChangeTakenBackElsewhereSaysSo: u on a change another
// process took back already writes nothing, and says so; it said
// "undid", with no entry in the journal.
func TestUndoOfAChangeTakenBackElsewhereSaysSo(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	id := d.selected()
	d.keys("t")
	d.typeText("zeta")
	d.keys("enter")
	if _, _, err := (model.Retag{Events: []string{id}, Remove: []string{"zeta"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("u")
	if !strings.HasPrefix(d.status(), "nothing to undo: ") || !strings.Contains(d.status(), "taken back already") {
		t.Errorf("undo of a change taken back elsewhere says %q", d.status())
	}
}

// TestUndoOfAChangeTakenBackElsewhereWithMoreToUndo: when another
// process took back the change on top, u said "nothing to undo", while
// the next press undid this session's change before it.
func TestUndoOfAChangeTakenBackElsewhereWithMoreToUndo(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	id := d.selected()
	for _, tag := range []string{"eta", "zeta"} {
		d.keys("t")
		d.typeText(tag)
		d.keys("enter")
	}
	if _, _, err := (model.Retag{Events: []string{id}, Remove: []string{"zeta"}}).Apply(s); err != nil {
		t.Fatal(err)
	}
	d.keys("u")
	if st := d.status(); strings.Contains(st, "nothing to undo") || !strings.Contains(st, "taken back already") || !strings.Contains(st, "u again undoes") {
		t.Errorf("undo of a change taken back elsewhere, with one before it, says %q", st)
	}
	d.keys("u")
	if tags := event(t, s, id).Tags; slices.Contains(tags, "eta") {
		t.Errorf("the next u left %s tagged %q; status %q", id, tags, d.status())
	}
}

// TestAnnotateRoleIsNotToldToRestore: a change the annotate role cannot
// undo, or make, because its event went to the trash, advised opening
// the trash and restoring it, which needs the edit role.
func TestAnnotateRoleIsNotToldToRestore(t *testing.T) {
	for _, keys := range [][]string{{"u"}, {"1"}} {
		s := exampleStore(t)
		d := newDriverWith(t, s, 120, 40, Options{Now: func() time.Time { return noted }, Role: RoleAnnotate})
		id := d.selected()
		d.keys("t")
		d.typeText("checked")
		d.keys("enter")
		if _, _, err := (model.Trash{Events: []string{id}}).Apply(s); err != nil {
			t.Fatal(err)
		}
		d.keys(keys...)
		st := d.status()
		if !d.statusErr() || strings.Contains(st, "r restores it") || !strings.Contains(st, "restoring it needs the edit role") {
			t.Errorf("%s on an event in the trash tells the annotate role %q", keys, st)
		}
	}
}
