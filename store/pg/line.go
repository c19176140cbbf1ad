package pg

import (
	"github.com/jackc/pgx/v5"
)

// A line is one of the store's connections to the server, made when it
// is first used, and again when the server dropped it (a restart, a
// network cut): a store outlives its server's restarts, and the next
// question after one is answered.
type line struct {
	c *pgx.Conn
}

// lines is how many connections a store keeps, each used by one call at
// a time. A long read (the browser's scan of the whole investigation in
// the background, a backup) or an import takes one, and the browser's
// reads go on with the other.
const lines = 2

// take waits for a free line; give hands it back.
func (s *Store) take() *line  { return <-s.free }
func (s *Store) give(l *line) { s.free <- l }

// connOf returns l's connection, connecting when it has none.
func (s *Store) connOf(l *line) (*pgx.Conn, error) {
	if l.c != nil && !l.c.IsClosed() {
		return l.c, nil
	}
	c, err := pgx.ConnectConfig(ctx, s.cfg)
	if err != nil {
		return nil, s.addr.errorf("the database %s is unreachable: %w; check the address and that the server is running", s.addr.safe, err)
	}
	l.c = c
	return c, nil
}

// conn returns the first line's connection, the one Open made: for
// opening, and for tests that look at the database beside the store.
func (s *Store) conn() (*pgx.Conn, error) { return s.connOf(s.first) }

// beginTx starts a transaction on l, connecting again once when the
// server dropped the connection (a restart, a stop): the first question
// after a restart is answered, and one while the server is down is told
// it is unreachable, rather than failing with the dropped connection's
// last words. Only the BEGIN is tried again, before anything else was
// sent.
func (s *Store) beginTx(l *line, opts pgx.TxOptions) (pgx.Tx, error) {
	c, err := s.connOf(l)
	if err != nil {
		return nil, err
	}
	tx, err := c.BeginTx(ctx, opts)
	if err != nil && c.IsClosed() {
		l.c = nil
		if c, err = s.connOf(l); err != nil {
			return nil, err
		}
		tx, err = c.BeginTx(ctx, opts)
	}
	if err != nil {
		return nil, s.fail(err)
	}
	return tx, nil
}

// closeLines closes the store's connections, waiting for those in use.
func (s *Store) closeLines() error {
	var err error
	for range lines {
		l := s.take()
		if l.c != nil {
			if cerr := l.c.Close(ctx); err == nil {
				err = cerr
			}
			l.c = nil
		}
		defer s.give(l)
	}
	return s.addr.redact(err)
}
