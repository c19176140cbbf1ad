package pg

import (
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"

	"github.com/jackc/pgx/v5"
)

// TestImportLeavesTheServerLogClean: an import large enough for the
// planner's statistics to need refreshing leaves that to the server,
// and nothing it leaves behind logs an error once the client has gone:
// the server's log of the test run has no line of a lost client from
// the import's start until every connection to its database has
// ended. The import's rows are counted for autovacuum's analysis,
// which refreshes the statistics of every column.
func TestImportLeavesTheServerLogClean(t *testing.T) {
	url := freshDatabase(t)
	before, err := theCluster.Log()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(url, Options{Investigation: "a", Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import([]model.Input{storetest.SynthInput(t, analyzeAfter)}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	waitFor(t, c, `SELECT NOT EXISTS (SELECT FROM pg_stat_activity
		WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid())`)
	after, err := theCluster.Log()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimPrefix(after, before), "\n") {
		for _, bad := range []string{"could not send data to client", "connection to client lost", "unexpected EOF on client connection"} {
			if strings.Contains(line, bad) {
				t.Errorf("the server logged, after the import: %s", line)
			}
		}
	}
	// Autovacuum analyses a table once its rows changed since the last
	// analysis outnumber its threshold: the import's own rows must
	// count, the analysis within its transaction notwithstanding (or
	// autovacuum has been by already).
	waitFor(t, c, `SELECT autoanalyze_count > 0 OR n_mod_since_analyze >= $1
			AND n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
				+ current_setting('autovacuum_analyze_scale_factor')::float8 * (SELECT reltuples FROM pg_class WHERE oid = 'events'::regclass)
		FROM pg_stat_user_tables WHERE relname = 'events'`, analyzeAfter)
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
