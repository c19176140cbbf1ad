package pg

import (
	"fmt"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// TestSearchKeyStep: the fifth step fills the search key of the events a
// database holds from before it, makes the trigram index (the test
// cluster's role may create pg_trgm), and a search then finds them.
func TestSearchKeyStep(t *testing.T) {
	url, c, inv, step := databaseBeforeStep(t, "search key")
	events := []model.Event{
		{ID: "zurich", Title: "Meeting in Zürich", Actors: []string{"Łódź Police"}, Notes: []model.Note{{Text: "50% done"}}},
		{ID: "other", Title: "Elsewhere"},
	}
	for _, e := range events {
		r := rowBefore12(t, &e)
		if _, err := c.Exec(ctx, `INSERT INTO events (inv, id, ord, body, status, actors, tags, noted, period, months, cites)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			inv, r.id, r.ord, r.body, r.status, r.actors, r.tags, r.noted, r.period, r.months, r.cites); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.Exec(ctx, `INSERT INTO events (inv, id, ord, body, status, actors, tags, noted, period, months, cites)
		VALUES ($1, 'damaged', '\xff'::bytea, 'not json', '', '{}', '{}', false, 0, 0, '{}')`, inv); err != nil {
		t.Fatal(err)
	}

	if err := migrateTo(c, false, migrations[:step+1]); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"zurich": "meeting in zurich\n\n\nlodz police\n50% done\n", "other": "elsewhere\n\n\n", "damaged": ""}
	for id, key := range want {
		var got string
		if err := c.QueryRow(ctx, `SELECT search FROM events WHERE inv = $1 AND id = $2`, inv, id).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != key {
			t.Errorf("event %q: search key %q, want %q", id, got, key)
		}
	}
	var indexed bool
	if err := c.QueryRow(ctx, `SELECT to_regclass('events_search') IS NOT NULL`).Scan(&indexed); err != nil || !indexed {
		t.Errorf("no trigram index on the search key: %v %v", indexed, err)
	}
	if _, err := c.Exec(ctx, `DELETE FROM events WHERE id = 'damaged'`); err != nil {
		t.Fatal(err)
	}
	if err := migrate(c, false); err != nil {
		t.Fatal(err)
	}

	s, err := Open(url, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, text := range []string{"ZURICH", "lodz police", "50%", "0% d"} {
		if n, err := s.Count(model.Query{Text: text}); err != nil || n != 1 {
			t.Errorf("search for %q after the step: %d, %v; want 1", text, n, err)
		}
	}
}

// TestSearchPastTheFirstLook: a search's walk that goes on past its first
// look, to the words' index, finds what the model finds; the suite's
// investigations are smaller than a first look.
func TestSearchPastTheFirstLook(t *testing.T) {
	needServer(t)
	for _, n := range []int{1, 3} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			defer func(n int) { lookRows = n }(lookRows)
			lookRows = n
			storetest.RunSearch(t, harness())
		})
	}
}
