package pg

import (
	"reflect"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

// TestJournalReadsHeads: an event's history and a listing of a few
// events an entry read from the heads and the events' own changes are
// what the whole bodies give, which entries written before the heads
// (or naming an event twice) are still read from; and so are they when
// read again, from the heads the store keeps decoded.
func TestJournalReadsHeads(t *testing.T) {
	s := newStore(t, "a")
	if _, err := s.Import([]model.Input{storetest.NativeInput("timeline.example.json", storetest.ExampleDoc(t))}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(model.OpTag, "tag", func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip", "khashoggi-killed"}, []string{"checked"}, nil))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	c, err := s.conn()
	if err != nil {
		t.Fatal(err)
	}
	var heads, changes int
	if err := c.QueryRow(ctx, `SELECT (SELECT count(*) FROM journal WHERE inv = $1 AND head IS NOT NULL),
		(SELECT count(*) FROM history WHERE inv = $1 AND change IS NOT NULL)`, s.inv).Scan(&heads, &changes); err != nil {
		t.Fatal(err)
	}
	if heads != 1 || changes != 15 {
		t.Fatalf("%d heads, %d changes kept; want the import's head, and 13 + 2 changes", heads, changes)
	}
	queries := []model.JournalQuery{
		{Event: "fbi-tip"}, {Event: "khashoggi-killed", Limit: 1}, {Event: "no-such-event"},
		{MostEvents: 1}, {MostEvents: headEvents}, {MostEvents: headEvents + 1}, {}, {Limit: 1, MostEvents: 2},
	}
	read := func() [][]model.Entry {
		var out [][]model.Entry
		for _, q := range queries {
			es, err := s.Journal(q)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, es)
		}
		return out
	}
	// What a caller does to the entries it was given is its own: the
	// heads the store keeps decoded are not changed by it.
	for _, es := range read() {
		for i := range es {
			for j := range es[i].Events {
				es[i].Events[j].ID = "changed by the caller"
			}
		}
	}
	withHeads := read()
	// A head kept under a number the journal has with another hash (an
	// investigation made again) is not taken for the entry's: it is
	// read from the table.
	s.heads.mu.Lock()
	for k, e := range s.heads.m {
		delete(s.heads.m, k)
		e.Phrase = "another journal's"
		s.heads.m[headKey{k.seq, "another hash"}] = e
	}
	s.heads.mu.Unlock()
	if again := read(); !reflect.DeepEqual(again, withHeads) {
		t.Errorf("with another journal's heads kept under the same numbers:\n%+v\nwant\n%+v", again, withHeads)
	}
	if _, err := c.Exec(ctx, `UPDATE journal SET head = NULL WHERE inv = $1`, s.inv); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, `UPDATE history SET change = NULL WHERE inv = $1`, s.inv); err != nil {
		t.Fatal(err)
	}
	whole := read()
	for i, q := range queries {
		if !reflect.DeepEqual(withHeads[i], whole[i]) {
			t.Errorf("%+v: from the heads %+v\nfrom the bodies %+v", q, withHeads[i], whole[i])
		}
	}
	if es := whole[0]; len(es) != 2 || len(es[1].Events) != 1 || es[1].Touched != 13 {
		t.Errorf("fbi-tip's history %+v; want the tag and the import, which touched 13", es)
	}
}

// TestHistoryOfAnEventNamedTwice: an entry that names an event twice
// keeps one history row for it, with no change of its own, and its
// history is read from the body.
func TestHistoryOfAnEventNamedTwice(t *testing.T) {
	s := newStore(t, "a")
	if _, err := s.Import([]model.Input{storetest.NativeInput("timeline.example.json", storetest.ExampleDoc(t))}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	tx, err := s.beginTx(s.first, pgx.TxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	e := model.Entry{Seq: 99, Events: []model.EventChange{{ID: "fbi-tip"}, {ID: "fbi-tip"}, {ID: "khashoggi-killed"}}}
	ids, changes, err := changesOf(&e)
	if err != nil {
		t.Fatal(err)
	}
	if err := insertHistory(tx, s.inv, e.Seq, ids, changes); err != nil {
		t.Fatalf("an entry naming an event twice: %v", err)
	}
	var rows, withChange int
	if err := tx.QueryRow(ctx, `SELECT count(*), count(change) FROM history WHERE inv = $1 AND seq = 99`, s.inv).Scan(&rows, &withChange); err != nil {
		t.Fatal(err)
	}
	if rows != 2 || withChange != 1 {
		t.Errorf("%d rows, %d with a change; want 2 rows, the twice-named event's without", rows, withChange)
	}
}
