package pg

import (
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
)

// analyzeLaterSQL is the analysis an import asks for once it has
// committed: it does not wait for another import's, which holds the lock
// for analysing until it commits (analyzeWithin).
const analyzeLaterSQL = `ANALYZE (SKIP_LOCKED) events`

// analyzeLater asks the server to refresh the planner's statistics of
// the events table, on a connection of its own, and does not wait for
// the answer: the statement is sent, and the connection closed. The
// server's process goes on with it, commits it, and ends when it finds
// nobody to answer (its log says so: could not send data to client,
// connection to client lost). Waiting took 2 to 5 s of a 100,000-event import,
// after everything it wrote was committed. Without the statistics, the
// planner takes a table just loaded for a few hundred rows, and sorts a
// search's first look out of every row after it rather than reading the
// thousand it needs by the order index: the commands after the import
// have them as soon as the server is done. Should the analysis not run
// (a role that does not own the table, a server told to cancel what a
// gone client asked, client_connection_check_interval), autovacuum
// comes by as before. A connection that cannot be made leaves it to
// autovacuum too: the import is committed.
func (s *Store) analyzeLater() {
	c, err := pgconn.ConnectConfig(ctx, &s.cfg.Config)
	if err != nil {
		return
	}
	c.Frontend().Send(&pgproto3.Query{String: analyzeLaterSQL})
	// Close sends the statement and the end of the session together,
	// and waits for neither.
	_ = c.Close(ctx)
}
