package pg

import (
	"fmt"
	"testing"

	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

// TestImportSetsFlagsAndCounts: an import into an investigation that
// held nothing flags the events linked to, and counts its events,
// itself, for all its rows at once; the triggers that do it row by row
// and batch by batch are not run in its transaction (the server counts
// the calls of the transaction's functions, track_functions). The flags
// and the kept counts are what the events and links give, after a new
// import and after one into the investigation holding it, where the
// triggers run as for any other write.
func TestImportSetsFlagsAndCounts(t *testing.T) {
	needServer(t)
	s, err := Open(server.url+"&options=-c%20track_functions%3Dpl",
		Options{Investigation: fmt.Sprintf("sets-%d", investigations.Add(1)), Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	type calls struct{ row, counts int64 }
	var batches []calls
	s.afterBatch = func(tx pgx.Tx) {
		var c calls
		if err := tx.QueryRow(ctx, `SELECT coalesce(pg_stat_get_xact_function_calls('chrono_event_linked_to'::regproc), 0),
			coalesce(pg_stat_get_xact_function_calls('chrono_count_insert'::regproc), 0)
			+ coalesce(pg_stat_get_xact_function_calls('chrono_count_update'::regproc), 0)`).Scan(&c.row, &c.counts); err != nil {
			t.Error(err)
		}
		batches = append(batches, c)
	}
	c, err := s.conn()
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		checkLinkedTo(t, c)
		checkKeptCounts(t, c, s.inv)
		if t.Failed() {
			t.Fatalf("after %s", when)
		}
	}

	// The synthetic events link to events before and after them, in
	// batches written and batches to come. The server counts a
	// connection's calls until it reports them, not from the
	// transaction's start: what the batches after the first add is
	// the import's.
	grew := func() calls {
		t.Helper()
		if len(batches) < 3 {
			t.Fatalf("%d batches written, want 3 or more", len(batches))
		}
		first, last := batches[0], batches[len(batches)-1]
		return calls{last.row - first.row, last.counts - first.counts}
	}
	storetest.Import(t, s, storetest.SynthInput(t, 2*importBatch+10))
	if g := grew(); g.row != 0 || g.counts != 0 {
		t.Errorf("a new import's batches after the first called the row trigger flagging events linked to %d times, the count triggers %d times; want none", g.row, g.counts)
	}
	check("a new import")

	batches = nil
	storetest.Import(t, s, storetest.SynthInput(t, 6*importBatch))
	if g := grew(); g.row == 0 || g.counts == 0 {
		t.Errorf("an import into an investigation holding events: its batches after the first called the row trigger flagging events linked to %d times, the count triggers %d times; its flags and counts are the triggers'", g.row, g.counts)
	}
	check("an import into the investigation holding the first")
}
