package storetest

import (
	"errors"
	"testing"

	"chrono/model"
)

// cutIn is a store on which another change comes, once, between an
// undo's reading the latest change and its writing: another process's,
// in a database that many write at once.
type cutIn struct {
	model.Store
	change func()
}

// Write makes the other change first, the first time.
func (c *cutIn) Write(op model.Op, phrase string, fn func(tx model.Tx) error) (model.Entry, error) {
	if change := c.change; change != nil {
		c.change = nil
		change()
	}
	return c.Store.Write(op, phrase, fn)
}

// testUndoActsOnTheLatestOnly: a change written between an undo's
// reading the latest change and its writing leaves that change no
// longer the latest; the undo took it back all the same, a change
// before the one its asker last saw. It is refused, naming the change
// that came between, and writes nothing.
func testUndoActsOnTheLatestOnly(t *testing.T, s *suite) {
	st := s.seeded(t)
	if _, err := Retitle(st, "fbi-tip", "Retitled before the undo"); err != nil {
		t.Fatal(err)
	}
	var between model.Entry
	_, err := model.Undo(&cutIn{Store: st, change: func() {
		if _, err := Retag(st, []string{"nso-denial"}, []string{"cut-in"}, nil); err != nil {
			t.Fatal(err)
		}
		between = lastEntry(t, st)
	}})
	var overtaken *model.OvertakenError
	if !errors.As(err, &overtaken) || overtaken.Latest.Seq != between.Seq {
		t.Fatalf("an undo with a change come between: %v; want it refused, naming #%d", err, between.Seq)
	}
	if last := lastEntry(t, st); last.Seq != between.Seq {
		t.Errorf("the refused undo wrote #%d %s", last.Seq, last.Phrase)
	}
	if e := StoredEvent(t, st, "fbi-tip"); e.Title != "Retitled before the undo" {
		t.Errorf("the refused undo put back the title: %q", e.Title)
	}
}
