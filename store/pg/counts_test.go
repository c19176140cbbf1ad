package pg

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// keptAndCounted pairs each kept count with the same count made from the
// events, as rows of an investigation ($1).
var keptAndCounted = []struct{ kept, counted string }{
	{`SELECT stretch::text, n FROM order_counts WHERE inv = $1 AND n <> 0`,
		`SELECT chrono_stretch(ord)::text, count(*) FROM events WHERE inv = $1 GROUP BY 1`},
	{`SELECT tick::text, n FROM order_ticks WHERE inv = $1 AND n <> 0`,
		`SELECT chrono_tick(ord)::text, count(*) FROM events WHERE inv = $1 GROUP BY 1`},
	{`SELECT period || '/' || months, n FROM period_counts WHERE inv = $1 AND n <> 0`,
		`SELECT period || '/' || months, count(*) FROM events WHERE inv = $1 GROUP BY 1`},
	{`SELECT kind || '/' || name, n FROM facet_counts WHERE inv = $1 AND n <> 0`,
		`SELECT 't/' || t, count(*) FROM events, unnest(tags) AS t WHERE inv = $1 GROUP BY 1
		UNION ALL SELECT 'a/' || a, count(*) FROM events, unnest(actors) AS a WHERE inv = $1 GROUP BY 1
		UNION ALL SELECT 's/' || status, count(*) FROM events WHERE inv = $1 GROUP BY 1
		UNION ALL SELECT 'c/' || c, count(*) FROM events, unnest(cites) AS c WHERE inv = $1 GROUP BY 1`},
}

func countRows(t testing.TB, c querier, sql string, inv int64) map[string]int64 {
	t.Helper()
	rows, err := c.Query(ctx, sql, inv)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			t.Fatal(err)
		}
		out[k] = n
	}
	if rows.Err() != nil {
		t.Fatal(rows.Err())
	}
	return out
}

// checkKeptCounts checks that the kept counts of an investigation are
// those its events give, none negative, and that the stretches follow
// the order key as rankOf needs: in order, and each starting where
// stretchStart says.
func checkKeptCounts(t testing.TB, c querier, inv int64) {
	t.Helper()
	for _, kc := range keptAndCounted {
		kept, counted := countRows(t, c, kc.kept, inv), countRows(t, c, kc.counted, inv)
		if !mapsEqual(kept, counted) {
			t.Errorf("kept counts %v; the events give %v", kept, counted)
		}
	}
	var negative, unordered, misplaced int
	if err := c.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM order_counts WHERE inv = $1 AND n < 0)
		+ (SELECT count(*) FROM period_counts WHERE inv = $1 AND n < 0)
		+ (SELECT count(*) FROM facet_counts WHERE inv = $1 AND n < 0)
		+ (SELECT count(*) FROM order_ticks WHERE inv = $1 AND n < 0)`, inv).Scan(&negative); err != nil {
		t.Fatal(err)
	}
	if err := c.QueryRow(ctx, `SELECT count(*) FROM (SELECT chrono_stretch(ord) AS s,
		lag(chrono_stretch(ord)) OVER (ORDER BY ord) AS before FROM events WHERE inv = $1) AS x WHERE s < before`, inv).Scan(&unordered); err != nil {
		t.Fatal(err)
	}
	rows, err := c.Query(ctx, `SELECT ord FROM events WHERE inv = $1`, inv)
	if err != nil {
		t.Fatal(err)
	}
	var ords, starts [][]byte
	for rows.Next() {
		var ord []byte
		rows.Scan(&ord)
		ords, starts = append(ords, ord), append(starts, stretchStart(ord))
	}
	rows.Close()
	if err := c.QueryRow(ctx, `SELECT count(*) FROM unnest($1::bytea[], $2::bytea[]) AS x(ord, start)
		WHERE start > ord OR chrono_stretch(start) <> chrono_stretch(ord)`, ords, starts).Scan(&misplaced); err != nil {
		t.Fatal(err)
	}
	if negative+unordered+misplaced > 0 {
		t.Errorf("%d negative counts, %d events whose stretch sorts before the one before them, %d whose stretch does not start at stretchStart", negative, unordered, misplaced)
	}
}

func mapsEqual(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// spreadEvents are events far apart and close together, in many
// stretches and a few in one (some in one tick, some in several ticks of
// one stretch), undated and with an open start.
func spreadEvents() []model.Event {
	var out []model.Event
	for i, d := range []string{"1850", "1990-01-01", "1990-01-02", "1990-01-02", "1990-01-20", "2001-05", "2001-05-03", "2001-05-03", "2024", "2024-12-31", "2099-07-04", "", "../2003", "2001-05-03/2001-06",
		"2011-03-08", "2011-03-09", "2011-03-10", "2011-03-12"} { // the last four: ticks of one stretch
		e := model.Event{ID: "e" + string(rune('a'+i)), Title: "event " + d, Status: model.Statuses[i%len(model.Statuses)],
			Tags: []string{"t" + string(rune('0'+i%3))}, Actors: []string{"actor " + string(rune('0'+i%4))}}
		if d != "" {
			e.Date = model.MustParseDate(d)
		}
		out = append(out, e)
	}
	return out
}

// spreadBeforeStep makes a database at the schema before the step whose
// description has what, with spreadEvents in an investigation (inv),
// and migrates it to the present schema: the step finds events there.
func spreadBeforeStep(t *testing.T, what string) (url string, c *pgx.Conn, inv int64) {
	t.Helper()
	url, c, inv, _ = eventsBeforeStep(t, what, spreadEvents())
	if err := migrate(c, false); err != nil {
		t.Fatal(err)
	}
	return url, c, inv
}

// databaseBeforeStep makes a new database with the schema up to the
// step whose description holds what, and an investigation in it, and
// returns its address, a connection to it, the investigation and the
// step's index in migrations.
func databaseBeforeStep(t *testing.T, what string) (url string, c *pgx.Conn, inv int64, step int) {
	t.Helper()
	url = freshDatabase(t)
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(ctx) })
	step = slices.IndexFunc(migrations, func(m migration) bool { return strings.Contains(m.what, what) })
	if err := migrateTo(c, false, migrations[:step]); err != nil {
		t.Fatal(err)
	}
	if err := c.QueryRow(ctx, `INSERT INTO investigations (name) VALUES ('default') RETURNING id`).Scan(&inv); err != nil {
		t.Fatal(err)
	}
	return url, c, inv, step
}

// insertRow puts r in the events of investigation inv as a step of the
// schema from the twelfth on left it, for a step's test to work on.
func insertRow(t *testing.T, c *pgx.Conn, inv int64, r row) {
	t.Helper()
	if _, err := c.Exec(ctx, `INSERT INTO events (inv, id, ord, body, status, actors, tags, noted, period, months, cites, search, words)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		inv, r.id, r.ord, r.body, r.status, r.actors, r.tags, r.noted, r.period, r.months, r.cites, r.search, r.words); err != nil {
		t.Fatal(err)
	}
}

// eventsBeforeStep makes a database at the schema before the step whose
// description has what (the fifth or later), with events in an
// investigation (inv), and returns the step's index.
func eventsBeforeStep(t *testing.T, what string, events []model.Event) (url string, c *pgx.Conn, inv int64, step int) {
	t.Helper()
	url, c, inv, step = databaseBeforeStep(t, what)
	for _, e := range events {
		r := rowBefore12(t, &e)
		if _, err := c.Exec(ctx, `INSERT INTO events (inv, id, ord, body, status, actors, tags, noted, period, months, cites, search)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			inv, r.id, r.ord, r.body, r.status, r.actors, r.tags, r.noted, r.period, r.months, r.cites, r.search); err != nil {
			t.Fatal(err)
		}
	}
	return url, c, inv, step
}

// TestKeepCountsStep: the sixth step counts the events a database holds
// from before it, and the counts are kept from then on through every
// kind of change; removing an investigation removes its counts.
func TestKeepCountsStep(t *testing.T) {
	url, c, inv := spreadBeforeStep(t, "counts kept")
	if v := schemaVersionAt(t, url); v != SchemaVersion {
		t.Fatalf("schema %d after the step", v)
	}
	checkKeptCounts(t, c, inv)
	if n := len(countRows(t, c, keptAndCounted[0].kept, inv)); n < 8 {
		t.Errorf("the events fall in %d stretches; the test wants them in many", n)
	}

	s, err := Open(url, Options{Author: "tester@counts"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	changes := []func(tx model.Tx) error{
		func(tx model.Tx) error { // a new event, one moved to another stretch, a tag
			if err := tx.PutEvent(model.Event{ID: "new", Title: "new", Date: model.MustParseDate("1990-01-02"), Status: model.Statuses[0], Tags: []string{"t9"}}); err != nil {
				return err
			}
			e, err := tx.Event("eb")
			if err != nil {
				return err
			}
			e.Date, e.Tags, e.Actors = model.MustParseDate("2010-03-04"), append(e.Tags, "t8"), nil
			return tx.PutEvent(e)
		},
		func(tx model.Tx) error { return tx.TrashEvent("ec") },
		func(tx model.Tx) error { return tx.RestoreEvent("ec") },
		func(tx model.Tx) error { // a link that places a group
			e, err := tx.Event("ef")
			if err != nil {
				return err
			}
			e.Links = append(e.Links, model.Link{Rel: model.Precedes, Event: "ea"})
			return tx.PutEvent(e)
		},
		func(tx model.Tx) error { return tx.TrashEvent("ed") },
	}
	for i, change := range changes {
		if _, err := s.Write(model.OpEdit, "change", change); err != nil {
			t.Fatalf("change %d: %v", i, err)
		}
		checkKeptCounts(t, c, inv)
		checkRanks(t, s)
	}
	if _, err := c.Exec(ctx, `DELETE FROM investigations WHERE id = $1`, inv); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := c.QueryRow(ctx, `SELECT (SELECT count(*) FROM order_counts) + (SELECT count(*) FROM period_counts) + (SELECT count(*) FROM facet_counts) + (SELECT count(*) FROM order_ticks)`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d counts rows left of a removed investigation (%v)", left, err)
	}
}

// checkRanks checks the rank of a window at every event of the timeline
// against its place in it, and at the start of some years.
func checkRanks(t testing.TB, s *Store) {
	t.Helper()
	var all []model.Event
	for e, err := range s.Events(model.Query{}) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, e)
	}
	for i, e := range all {
		at, err := s.Position(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		w, err := s.Window(model.Query{}, at, false, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		if w.Start != i {
			t.Errorf("the window at %q (event %d) has rank %d", e.ID, i, w.Start)
		}
	}
	// Where a year starts, a second after the events its year before
	// places at its last instant.
	for _, y := range []int64{1850, 1990, 2001, 2024, 2025, 2100} {
		at := model.PositionAt(model.StartOfMonth(y, 1))
		want := 0
		for _, e := range all {
			if p, err := s.Position(e.ID); err == nil && p.Compare(at) < 0 {
				want++
			}
		}
		w, err := s.Window(model.Query{}, at, false, 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(w.Rows) > 0 && w.Start != want {
			t.Errorf("the window at the start of %d has rank %d; %d events come before it", y, w.Start, want)
		}
	}
}

// TestKeepTicksStep: the ninth step counts by tick the events a database
// holds from before it, whose counts by stretch were kept, and the ticks
// are kept from then on; ranks agree throughout.
func TestKeepTicksStep(t *testing.T) {
	url, c, inv := spreadBeforeStep(t, "by tick")
	checkKeptCounts(t, c, inv)
	s, err := Open(url, Options{Author: "tester@ticks"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkRanks(t, s)
	if _, err := s.Write(model.OpEdit, "change", func(tx model.Tx) error {
		return tx.PutEvent(model.Event{ID: "late", Title: "late", Date: model.MustParseDate("2024"), Status: model.Statuses[0]})
	}); err != nil {
		t.Fatal(err)
	}
	checkKeptCounts(t, c, inv)
	checkRanks(t, s)
}

// TestRankInACrowdedTick: a rank inside a tick that many events share
// (those dated by a year, at its last instant, and the next year's first
// minutes) is the same whether the tick's events before it are counted, or
// the tick's kept count less those after it, or, past the probe on both
// sides, counted whole.
func TestRankInACrowdedTick(t *testing.T) {
	s := newStore(t, "tester@ranks")
	if _, err := s.Write(model.OpEdit, "crowd", func(tx model.Tx) error {
		for i, d := range []string{"2023", "2024", "2024", "2024", "2024", "2024", "2024", "2024-12-31T23:58:00Z", "2025-01-01T00:00:00Z", "2025-01-01T00:01:00Z", "2025-01-01T00:01:00Z", "2026", ""} {
			e := model.Event{ID: fmt.Sprintf("e%02d", i), Title: fmt.Sprintf("event %d", i), Status: model.Statuses[0]}
			if d != "" {
				e.Date = model.MustParseDate(d)
			}
			if err := tx.PutEvent(e); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var crowd int
	if err := s.first.c.QueryRow(ctx, `SELECT max(n) FROM order_ticks WHERE inv = $1`, s.inv).Scan(&crowd); err != nil || crowd < 10 {
		t.Fatalf("the year's end and the next year's first minutes share a tick of %d events, want 10 (%v)", crowd, err)
	}
	defer func(n int) { rankProbe = n }(rankProbe)
	for _, probe := range []int{1, 2, 4, 256} {
		rankProbe = probe
		t.Run(fmt.Sprint("probe ", probe), func(t *testing.T) { checkRanks(t, s) })
	}
}

// TestStretchAndTickAsTheServerWorksThemOut: the stretch and tick a rank
// passes the server are those chrono_stretch and chrono_tick give, which
// keep the counts.
func TestStretchAndTickAsTheServerWorksThemOut(t *testing.T) {
	s := newStore(t, "tester@ticks")
	for _, ord := range [][]byte{
		{0x80, 0, 0, 0, 0x49, 0x5c, 0x07, 0x80, 0, 0, 0, 0},
		{0x80, 0, 0, 0, 0x49, 0x5c, 0x07, 0x7f, 0x3b, 0x9a, 0xc9, 0xff, 'a', 0, 1, 'e', 0},
		{0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		bytes.Repeat([]byte{0xff}, 20),
		{0x80, 0x12, 0x34},
		{0x80, 0x12, 0x34, 0x56, 0x78, 0x9a},
	} {
		var stretch, tick int64
		if err := s.first.c.QueryRow(ctx, `SELECT chrono_stretch($1), chrono_tick($1)`, ord).Scan(&stretch, &tick); err != nil {
			t.Fatal(err)
		}
		if got := stretchOf(ord); got != stretch {
			t.Errorf("stretchOf(%x) = %d, the server's %d", ord, got, stretch)
		}
		if got := tickOf(ord); got != tick {
			t.Errorf("tickOf(%x) = %d, the server's %d", ord, got, tick)
		}
	}
}
