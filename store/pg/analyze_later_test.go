package pg

import (
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

// TestImportDoesNotWaitForItsAnalysis: the analysis an import asks for
// after its commit is the server's to finish. An index whose expression
// waits, while the events table is analysed after a commit, for a lock
// the test holds keeps that analysis from ending; the import returns
// all the same, and once the lock is let go the analysis ends, and the
// planner has the statistics of the columns the import's own analysis
// left out.
func TestImportDoesNotWaitForItsAnalysis(t *testing.T) {
	url := freshDatabase(t)
	s, err := Open(url, Options{Investigation: "a", Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	holder, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close(ctx)
	if _, err := holder.Exec(ctx, `CREATE FUNCTION chrono_test_gate(b boolean) RETURNS boolean IMMUTABLE LANGUAGE plpgsql AS $$
BEGIN
	IF current_query() = '`+analyzeLaterSQL+`' THEN
		PERFORM pg_advisory_lock_shared(7);
		PERFORM pg_advisory_unlock_shared(7);
	END IF;
	RETURN b;
END $$;
CREATE INDEX events_gate ON events (chrono_test_gate(noted));
SELECT pg_advisory_lock(7)`); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := s.Import([]model.Input{storetest.SynthInput(t, analyzeAfter)}, model.ImportOptions{})
		done <- err
	}()
	// Not a measure of speed: the import either returns while the lock
	// is held, or waits for it for good.
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Minute):
		holder.Exec(ctx, `SELECT pg_advisory_unlock(7)`)
		<-done
		t.Fatal("the import waited for its analysis after the commit, which waited for the lock the test held")
	}
	waitFor(t, holder, `SELECT EXISTS (SELECT FROM pg_stat_activity WHERE query = $1 AND wait_event_type = 'Lock')`, analyzeLaterSQL)
	if _, err := holder.Exec(ctx, `SELECT pg_advisory_unlock(7)`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, holder, `SELECT NOT EXISTS (SELECT FROM pg_stat_activity WHERE query = $1)`, analyzeLaterSQL)
	var words bool
	if err := holder.QueryRow(ctx, `SELECT EXISTS (SELECT FROM pg_stats WHERE schemaname = 'public' AND tablename = 'events' AND attname = 'words')`).Scan(&words); err != nil {
		t.Fatal(err)
	}
	if !words {
		t.Error("after the analysis, the planner has no statistics of the events' words")
	}
}

// waitFor asks c the question sql (a boolean) until it says true, or
// fails the test after a minute.
func waitFor(t *testing.T, c *pgx.Conn, sql string, args ...any) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		var ok bool
		if err := c.QueryRow(ctx, sql, args...).Scan(&ok); err != nil {
			t.Fatal(err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("still not so after a minute: %s", sql)
		}
	}
}
