package pg

import (
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

// TestPlaceInOrder: a database of schema 1 keeps its events under keys
// of the earliest instant and id; the step to 2 gives each the key of
// the chronology's order, linked groups placed, so that the store lists
// them in model.Order's order.
func TestPlaceInOrder(t *testing.T) {
	url := freshDatabase(t)
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if err := migrateTo(c, false, migrations[:1]); err != nil {
		t.Fatal(err)
	}
	events := storetest.FixtureEvents(t)
	// An undated event that precedes the killing: only its link places it.
	for i := range events {
		if events[i].ID == "undated-aside" {
			events[i].Links = append(events[i].Links, model.Link{Rel: model.Precedes, Event: "khashoggi-killed"})
		}
	}
	var inv int64
	if err := c.QueryRow(ctx, `INSERT INTO investigations (name) VALUES ('default') RETURNING id`).Scan(&inv); err != nil {
		t.Fatal(err)
	}
	for i := range events {
		r := rowBefore12(t, &events[i])
		// A key of the old kind: it sorts by id alone, nothing like the
		// chronology's order.
		old := append([]byte("0-"), r.id...)
		if _, err := c.Exec(ctx, `INSERT INTO events (inv, id, ord, body, status, actors, tags, noted, period, months, cites)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			inv, r.id, old, r.body, r.status, r.actors, r.tags, r.noted, r.period, r.months, r.cites); err != nil {
			t.Fatal(err)
		}
		for _, l := range events[i].Links {
			if _, err := c.Exec(ctx, `INSERT INTO links (inv, target, source, rel) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
				inv, l.Event, r.id, string(l.Rel)); err != nil {
				t.Fatal(err)
			}
		}
	}
	s, err := Open(url, Options{Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := schemaVersionAt(t, url); v != SchemaVersion || v < 2 {
		t.Fatalf("schema %d after open, want %d", v, SchemaVersion)
	}
	got := storetest.IDs(storetest.AllEvents(t, s))
	want := storetest.IDs(storetest.InTimelineOrder(events))
	if !slices.Equal(got, want) {
		t.Errorf("after the step the store lists\n%q\nthe chronology's order is\n%q", got, want)
	}
	checkColumns(t, s)
}
