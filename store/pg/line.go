package pg

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// A line is one of the store's connections to the server, made when it
// is first used, and again when the server dropped it (a restart, a
// network cut): a store outlives its server's restarts, and the next
// question after one is answered.
type line struct {
	c *pgx.Conn
}

// linesKept is how many connections a store keeps, each used by one
// call at a time. A long read (the browser's scan of the whole
// investigation in the background, a backup) or an import takes one,
// and the browser's reads go on with the other.
const linesKept = 2

// lineSet holds the store's lines no call is using, the last handed
// back on top: a call takes the line used last, whose server process
// and statements are warm, and the other only when that one is busy
// (taking them in turn made the browser's keys a quarter slower).
type lineSet struct {
	free chan struct{} // a token for each idle line
	mu   sync.Mutex
	idle []*line
}

// newLineSet makes the store's lines, first on top: the one Open
// connects, and the others, connected when first taken.
func newLineSet(first *line) *lineSet {
	set := &lineSet{free: make(chan struct{}, linesKept)}
	for range linesKept - 1 {
		set.idle = append(set.idle, &line{})
	}
	set.idle = append(set.idle, first)
	for range linesKept {
		set.free <- struct{}{}
	}
	return set
}

// take waits for a free line; give hands it back.
func (s *Store) take() *line {
	<-s.lines.free
	s.lines.mu.Lock()
	defer s.lines.mu.Unlock()
	l := s.lines.idle[len(s.lines.idle)-1]
	s.lines.idle = s.lines.idle[:len(s.lines.idle)-1]
	return l
}

func (s *Store) give(l *line) {
	s.lines.mu.Lock()
	s.lines.idle = append(s.lines.idle, l)
	s.lines.mu.Unlock()
	s.lines.free <- struct{}{}
}

// connOf returns l's connection, connecting when it has none.
func (s *Store) connOf(l *line) (*pgx.Conn, error) {
	if l.c != nil && !l.c.IsClosed() {
		return l.c, nil
	}
	c, err := pgx.ConnectConfig(ctx, s.cfg)
	if err != nil {
		return nil, s.connectError(err)
	}
	if s.jitOff {
		// Only the plans' speed is at stake: a server that refuses it
		// is read as it is.
		_, _ = c.Exec(ctx, "SET jit = off")
	}
	l.c = c
	return c, nil
}

// connectError says why a connection failed: a server that answered and
// refused it (a wrong password, no such role or database) is running,
// and what to check is what the address names. What to check comes
// before the driver's words, which list every address tried and may be
// cut on a status line.
func (s *Store) connectError(err error) error {
	var refused *pgconn.PgError
	if errors.As(err, &refused) && (strings.HasPrefix(refused.Code, "28") || refused.Code == "3D000") {
		return connectFailure{s.addr.errorf("the database %s refused the connection (check the user, the password, in the address, PGPASSFILE or PGPASSWORD, and the database's name): %w", s.addr.safe, err)}
	}
	var dial *net.OpError
	if errors.As(err, &dial) {
		// The driver names each address it tried, and tries each twice
		// (with TLS, then without): the network's own words, once, say it.
		err = dial
	}
	return connectFailure{s.addr.errorf("the database %s is unreachable (check the address and that the server is running): %w", s.addr.safe, err)}
}

// plainStop says a connection the server ended as it stopped (or one it
// would not take, as it starts) in plain words, for the driver's
// "terminating connection due to administrator command (SQLSTATE
// 57P01)"; any other error as it is.
func plainStop(err error) error {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "57P01", "57P02":
		return fmt.Errorf("its server stopped (SQLSTATE %s)", pe.Code)
	case "57P03":
		return fmt.Errorf("its server is starting or stopping (SQLSTATE %s)", pe.Code)
	}
	return err
}

// connectFailure is connectError's error, which names the database
// already: fail passes it on as it is, rather than name it twice.
type connectFailure struct{ error }

func (e connectFailure) Unwrap() error { return e.error }

// conn returns the first line's connection, the one Open made: for
// opening, and for tests that look at the database beside the store.
func (s *Store) conn() (*pgx.Conn, error) { return s.connOf(s.first) }

// again runs try on l's connection, and once more on a new one when
// the server had dropped it (a restart, a stop): the first question
// after a restart is answered, and one while the server is down is told
// it is unreachable, rather than failing with the dropped connection's
// last words. try must be safe to run twice: it sends a BEGIN, or a read.
func (s *Store) again(l *line, try func(c *pgx.Conn) error) error {
	c, err := s.connOf(l)
	if err != nil {
		return err
	}
	err = try(c)
	if err != nil && c.IsClosed() {
		l.c = nil
		if c, err = s.connOf(l); err != nil {
			return err
		}
		err = try(c)
	}
	return err
}

// beginTx starts a transaction on l, connecting again once when the
// server dropped the connection (again): only the BEGIN is tried again,
// before anything else was sent.
func (s *Store) beginTx(l *line, opts pgx.TxOptions) (tx pgx.Tx, err error) {
	err = s.again(l, func(c *pgx.Conn) (err error) {
		tx, err = c.BeginTx(ctx, opts)
		return err
	})
	if err != nil {
		return nil, s.fail(err)
	}
	return tx, nil
}

// closeLines closes the store's connections, waiting for those in use.
func (s *Store) closeLines() error {
	var err error
	for range linesKept {
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
