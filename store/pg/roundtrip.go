package pg

import (
	"github.com/jackc/pgx/v5"
)

// A read's time on a local server is mostly its round trips: each
// statement waits for the server's answer before the next is sent, and a
// transaction adds two more, its BEGIN and its COMMIT. A key in the
// browser makes several reads, so the reads that can are made in fewer:
//
//   - readOne runs a read of one statement, which sees one state of the
//     database by itself, with no transaction around it;
//   - readBatch sends statements that do not wait on each other's
//     answers in one batch, BEGIN and COMMIT included: one round trip.
//
// read (query.go) stays for the reads whose statements depend on what
// the ones before them answered.

// readOne runs fn on the connection, outside a transaction. fn makes one
// statement, or reads rows that are never rewritten (the journal's), so
// that what it answers is of one state. A connection the server dropped
// (a restart) is made again and fn run once more (again): fn sets what
// it answers rather than adding to it.
func (s *Store) readOne(fn func(db querier) error) error {
	l := s.take()
	defer s.give(l)
	return s.fail(s.again(l, func(c *pgx.Conn) error { return fn(c) }))
}

// readBatch sends the statements of b in one round trip, in one
// read-only transaction at repeatable read (so that they see one state
// of the database, as read's do), and gives their results to fn in the
// order they were queued. When the server dropped the connection the
// batch is sent once more on a new one (again); fn is called once,
// after the BEGIN succeeded.
func (s *Store) readBatch(b *pgx.Batch, fn func(br pgx.BatchResults) error) error {
	l := s.take()
	defer s.give(l)
	var c *pgx.Conn
	var br pgx.BatchResults
	err := s.again(l, func(conn *pgx.Conn) error {
		// A batch is sent once (pgx keeps what the server said of its
		// statements in it): each try sends one of its own.
		all := &pgx.Batch{}
		all.Queue("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
		for _, q := range b.QueuedQueries {
			all.Queue(q.SQL, q.Arguments...)
		}
		all.Queue("COMMIT")
		c, br = conn, conn.SendBatch(ctx, all)
		_, err := br.Exec()
		if err != nil {
			br.Close()
		}
		return err
	})
	if err != nil {
		return s.fail(err)
	}
	err = fn(br)
	if err == nil {
		_, err = br.Exec() // the COMMIT
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil && !c.IsClosed() && c.PgConn().TxStatus() != 'I' {
		// A statement failed, and the transaction with it: end it, so
		// the next read on the connection starts clean.
		_, _ = c.Exec(ctx, "ROLLBACK")
	}
	return s.fail(err)
}
