package pg

import (
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestLinkedToStep: the thirteenth step flags the events a database
// holds from before it that other events link to, and not the others;
// an event that a link named before it existed is flagged when it comes.
func TestLinkedToStep(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "link to it")
	for _, e := range []model.Event{
		{ID: "a", Title: "A", Links: []model.Link{{Rel: model.Precedes, Event: "b"}, {Rel: model.Related, Event: "ghost"}}},
		{ID: "b", Title: "B"},
		{ID: "c", Title: "C"},
	} {
		r := rowOf(&e)
		insertRow(t, c, inv, r)
	}
	if _, err := c.Exec(ctx, `INSERT INTO links (inv, target, source, rel) VALUES ($1, 'b', 'a', $2), ($1, 'ghost', 'a', $3)`,
		inv, string(model.Precedes), string(model.Related)); err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	flagged := func() []string {
		t.Helper()
		rows, err := c.Query(ctx, `SELECT id FROM events WHERE inv = $1 AND linked_to ORDER BY id`, inv)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		if rows.Err() != nil {
			t.Fatal(rows.Err())
		}
		return ids
	}
	if got := flagged(); !slices.Equal(got, []string{"b"}) {
		t.Errorf("flagged after the step: %q, want [b]", got)
	}

	s, err := Open(url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Write(model.OpAdd, "the ghost", func(tx model.Tx) error {
		return tx.PutEvent(model.Event{ID: "ghost", Title: "Named before it was written"})
	}); err != nil {
		t.Fatal(err)
	}
	if got := flagged(); !slices.Equal(got, []string{"b", "ghost"}) {
		t.Errorf("flagged after the ghost is written: %q, want [b ghost]", got)
	}
	checkLinkedTo(t, c)
}

// TestLinkedToKept: every way of changing links or events keeps the flag
// true to the links table, and a page gives a flagged row its links and
// the others none: links made and removed by edits, a link to an event
// not yet written, trashing and restoring the event that links, undoing
// it, and an import whose links reach into batches written before and
// after their own.
func TestLinkedToKept(t *testing.T) {
	s := newStore(t, "a")
	c, err := s.conn()
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		checkLinkedTo(t, c)
		if t.Failed() {
			t.Fatalf("after %s", when)
		}
	}
	put := func(what string, events ...model.Event) {
		t.Helper()
		_, err := s.Write(model.OpEdit, what, func(tx model.Tx) error {
			for _, e := range events {
				if err := tx.PutEvent(e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		check(what)
	}
	x := model.Event{ID: "x", Title: "X", Date: model.MustParseDate("2017-08")}
	y := model.Event{ID: "y", Title: "Y", Date: model.MustParseDate("2017-09"), Links: []model.Link{{Rel: model.Follows, Event: "x"}}}
	put("x and y, y following x", x, y)
	incomingOf := func(id string) []model.Incoming {
		t.Helper()
		pg, err := s.Page(model.Query{}, model.PageAt{After: 10})
		if err != nil {
			t.Fatal(err)
		}
		in, ok := pg.Incoming[id]
		if !ok {
			t.Fatalf("the page has no entry for %q: %v", id, pg.Incoming)
		}
		return in
	}
	if in := incomingOf("x"); len(in) != 1 || in[0].From != "y" || in[0].Rel != model.Follows {
		t.Errorf("x's incoming links on a page: %v, want y follows", in)
	}
	if in := incomingOf("y"); len(in) != 0 {
		t.Errorf("y's incoming links on a page: %v, want none", in)
	}
	y.Links = nil
	put("y no longer following x", y)
	if in := incomingOf("x"); len(in) != 0 {
		t.Errorf("x's incoming links after y's went: %v, want none", in)
	}

	z := model.Event{ID: "z", Title: "Z", Links: []model.Link{{Rel: model.Related, Event: "later"}}}
	put("z, linking to an event not yet written", z)
	put("the event z links to", model.Event{ID: "later", Title: "Later"})
	if _, err := s.Write(model.OpDelete, "z trashed", func(tx model.Tx) error { return tx.TrashEvent("z") }); err != nil {
		t.Fatal(err)
	}
	check("z trashed")
	if in := incomingOf("later"); len(in) != 0 {
		t.Errorf("later's incoming links with z in the trash: %v, want none", in)
	}
	if _, err := s.Write(model.OpRestore, "z restored", func(tx model.Tx) error { return tx.RestoreEvent("z") }); err != nil {
		t.Fatal(err)
	}
	check("z restored")
	if in := incomingOf("later"); len(in) != 1 || in[0].From != "z" {
		t.Errorf("later's incoming links after z came back: %v, want z", in)
	}
	if _, err := model.Undo(s); err != nil {
		t.Fatal(err)
	}
	check("the restore undone")
	if _, err := model.Undo(s); err != nil {
		t.Fatal(err)
	}
	check("the undo undone")

	// An import of more than two batches: the synthetic events link to
	// events before and after them, so some links are to events of a
	// batch already written, some to events of one still to come.
	storetest.Import(t, s, storetest.SynthInput(t, 2*importBatch+10))
	check("an import of three batches")
	var flagged int
	if err := c.QueryRow(ctx, `SELECT count(*) FROM events WHERE inv = $1 AND linked_to`, s.inv).Scan(&flagged); err != nil || flagged < 100 {
		t.Errorf("%d events flagged after the import (%v); the synthetic events link to many more", flagged, err)
	}
}

// TestLinkedToByInvestigation: two investigations in one database hold
// events of the same ids, linked alike; a link removed in one leaves the
// other's event flagged, and its page still shows the link.
func TestLinkedToByInvestigation(t *testing.T) {
	one, other := newStore(t, "a"), newStore(t, "a")
	c, err := one.conn()
	if err != nil {
		t.Fatal(err)
	}
	x := model.Event{ID: "x", Title: "X", Date: model.MustParseDate("2017-08")}
	y := model.Event{ID: "y", Title: "Y", Date: model.MustParseDate("2017-09"), Links: []model.Link{{Rel: model.Follows, Event: "x"}}}
	for _, s := range []*Store{one, other} {
		if _, err := s.Write(model.OpEdit, "x and y", func(tx model.Tx) error {
			if err := tx.PutEvent(x); err != nil {
				return err
			}
			return tx.PutEvent(y)
		}); err != nil {
			t.Fatal(err)
		}
	}
	unlinked := y
	unlinked.Links = nil
	if _, err := one.Write(model.OpLink, "y unlinked", func(tx model.Tx) error { return tx.PutEvent(unlinked) }); err != nil {
		t.Fatal(err)
	}
	checkLinkedTo(t, c)
	pg, err := other.Page(model.Query{}, model.PageAt{After: 10})
	if err != nil {
		t.Fatal(err)
	}
	if in := pg.Incoming["x"]; len(in) != 1 || in[0].From != "y" {
		t.Errorf("in the other investigation, x's incoming links: %v, want y follows", in)
	}
}
