package pg

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

// TestImportShowsThePlannerItsEvents: while a new investigation is
// imported into a database whose statistics know only the others, the
// planner comes to reckon the events the import has written, and no
// longer reads a batch's stored versions by scanning every event the
// investigation has so far. Before, a million events took 27 minutes
// so, most of it in that scan. lock_timeout, which analysing sets for a
// while, is as it was after each batch.
func TestImportShowsThePlannerItsEvents(t *testing.T) {
	other := newStore(t, "a")
	storetest.Import(t, other, storetest.SynthInput(t, 3000))
	if _, err := other.first.c.Exec(ctx, `ANALYZE events`); err != nil {
		t.Fatal(err)
	}

	s := newStore(t, "b")
	type look struct {
		rows  int    // the rows the planner reckons the investigation has
		index string // the index a batch's lookup would read, if any
		// timeout is lock_timeout, which analysing sets for a while.
		timeout string
	}
	var looks []look // after each batch
	s.afterBatch = func(tx pgx.Tx) {
		ids := make([]string, importBatch) // the next batch's
		for i := range ids {
			ids[i] = fmt.Sprintf("ev-%07d", (len(looks)+1)*importBatch+i+1)
		}
		var l look
		var doc []byte
		if err := tx.QueryRow(ctx, `EXPLAIN (FORMAT JSON) `+storedSQL, s.inv, ids).Scan(&doc); err != nil {
			t.Error(err)
			return
		}
		l.index, _ = planOf(t, doc)
		if err := tx.QueryRow(ctx, `EXPLAIN (FORMAT JSON) SELECT id FROM events WHERE inv = $1`, s.inv).Scan(&doc); err != nil {
			t.Error(err)
			return
		}
		_, l.rows = planOf(t, doc)
		if err := tx.QueryRow(ctx, `SELECT current_setting('lock_timeout')`).Scan(&l.timeout); err != nil {
			t.Error(err)
		}
		looks = append(looks, l)
	}
	n := analyzeAfter + 2*importBatch
	storetest.Import(t, s, storetest.SynthInput(t, n))
	if len(looks) != n/importBatch {
		t.Fatalf("%d batches seen, want %d: %v", len(looks), n/importBatch, looks)
	}
	for i, l := range looks {
		if l.timeout != "0" {
			t.Errorf("after batch %d, lock_timeout is %q, want 0 as ever (all: %v)", i+1, l.timeout, looks)
		}
	}
	// From the batch that reaches analyzeAfter on: a plan for the
	// investigation's rows, by the key or (while it is small) by
	// reading the table once, not by the investigation alone.
	for i := analyzeAfter/importBatch - 1; i < len(looks); i++ {
		if written := (i + 1) * importBatch; looks[i].rows < written/2 || looks[i].index == "events_period" {
			t.Errorf("after %d events written, the planner reckons the investigation has %d, and reads a batch by %q (all: %v)", written, looks[i].rows, looks[i].index, looks)
		}
	}
}

// planOf is the index the outermost scan of an EXPLAIN (FORMAT JSON)
// reads ("" for none), and the rows the plan reckons it returns.
func planOf(t *testing.T, doc []byte) (index string, rows int) {
	t.Helper()
	type node struct {
		Index string  `json:"Index Name"`
		Rows  float64 `json:"Plan Rows"`
		Plans []node  `json:"Plans"`
	}
	var plans []struct{ Plan node }
	if err := json.Unmarshal(doc, &plans); err != nil || len(plans) != 1 {
		t.Fatalf("EXPLAIN said %s (%v)", doc, err)
	}
	p := plans[0].Plan
	index = p.Index
	if index == "" && len(p.Plans) > 0 {
		index = p.Plans[0].Index // a bitmap heap scan's index scan
	}
	return index, int(p.Rows)
}

// TestImportAnalysesPastALock: another session holds the lock that
// analysing takes, for all of an import. The import waits a little, goes
// on, and leaves behind neither a subtransaction (its rows are all of
// one transaction) nor the time it was willing to wait.
func TestImportAnalysesPastALock(t *testing.T) {
	s := newStore(t, "b")
	holder, err := pgx.Connect(ctx, server.url)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close(ctx)
	if _, err := holder.Exec(ctx, `BEGIN; LOCK TABLE events IN SHARE UPDATE EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	var was string
	if err := s.first.c.QueryRow(ctx, `SELECT current_setting('lock_timeout')`).Scan(&was); err != nil {
		t.Fatal(err)
	}
	var timeouts []string // after each batch
	s.afterBatch = func(tx pgx.Tx) {
		var v string
		if err := tx.QueryRow(ctx, `SELECT current_setting('lock_timeout')`).Scan(&v); err != nil {
			t.Error(err)
		}
		timeouts = append(timeouts, v)
	}
	storetest.Import(t, s, storetest.SynthInput(t, analyzeAfter+importBatch))
	if _, err := holder.Exec(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	for i, v := range timeouts {
		if v != was {
			t.Errorf("after batch %d, lock_timeout is %q, want %q as before (all: %q)", i+1, v, was, timeouts)
		}
	}
	var xids int
	if err := s.first.c.QueryRow(ctx, `SELECT count(DISTINCT xmin::text) FROM events WHERE inv = $1`, s.inv).Scan(&xids); err != nil {
		t.Fatal(err)
	}
	if xids != 1 {
		t.Errorf("the import's events were written by %d transactions, want 1", xids)
	}
}

// TestImportAnalysesWhatItsLookupsRead: the statistics an import brings
// up to date within its transaction are those of the columns its
// lookups read by (the investigation and the id), not the events' words,
// search keys and bodies, whose analysis took most of the time and
// which autovacuum refreshes after the import.
func TestImportAnalysesWhatItsLookupsRead(t *testing.T) {
	s, err := Open(freshDatabase(t), Options{Investigation: "a", Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var analysed [][]string // the events' columns with statistics, after each batch
	s.afterBatch = func(tx pgx.Tx) {
		rows, err := tx.Query(ctx, `SELECT attname::text FROM pg_stats WHERE schemaname = 'public' AND tablename = 'events' ORDER BY 1`)
		if err != nil {
			t.Error(err)
			return
		}
		cols, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Error(err)
		}
		analysed = append(analysed, cols)
	}
	storetest.Import(t, s, storetest.SynthInput(t, analyzeAfter+importBatch))
	if len(analysed) == 0 {
		t.Fatal("no batch seen")
	}
	if got, want := analysed[len(analysed)-1], []string{"id", "inv"}; !slices.Equal(got, want) {
		t.Errorf("columns analysed within the import: %q, want %q", got, want)
	}
}
