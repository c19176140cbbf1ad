// Package pg keeps investigations in a PostgreSQL database and answers
// the questions of model.Store, as store/bolt does for a file: one
// database holds many investigations, each named, and every row carries
// the investigation it belongs to.
//
// Events are kept with their order key (order.go) in a column with
// a unique index, so that windows, finds and counts walk the timeline by
// keyset pagination (WHERE ord > $last ORDER BY ord LIMIT n), never by
// OFFSET. Their tags, actors, status and month are kept in columns
// beside the event, so that counts come from the database exact.
//
// Callers open a store with package store, which picks this package for
// a postgres:// or postgresql:// address; they see only model.Store.
package pg

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"chrono/model"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// DefaultInvestigation is the investigation a store opens when none is
// named.
const DefaultInvestigation = "default"

// Options tune Open.
type Options struct {
	// Investigation names the investigation in the database;
	// DefaultInvestigation when empty.
	Investigation string
	// ReadOnly refuses every write with model.ErrReadOnly, and never
	// creates the schema or the investigation.
	ReadOnly bool
	// NoCreate opens only an investigation that exists: a missing one
	// fails with model.ErrNoStore.
	NoCreate bool
	// New opens only an investigation it creates: one that exists fails
	// with model.ErrExists, untouched, as chrono new refuses a file.
	New bool
	// Author is who the store's writes are attributed to.
	Author string
	// Timeout bounds connecting to the server; 10 seconds when zero.
	Timeout time.Duration
}

// Store is an open investigation in a PostgreSQL database. It holds one
// connection, made again when the server drops it (conn), and, once
// Changes is called, another that listens for other writers' commits.
//
// Unlike a bbolt store, a Store is safe for use by several goroutines at
// once (the browser reads in several commands at a time): each call
// takes one of its connections (line.go), for one transaction, or for
// one page of Events.
type Store struct {
	lines    *lineSet // the connections no call is using
	first    *line    // the line Open connected
	cfg      *pgx.ConnConfig
	inv      int64 // the investigation's row
	name     string
	loc      string // the address without its password, and the investigation
	addr     address
	author   string
	readOnly bool
	// planOnce: the server has plan_cache_mode (PostgreSQL 12 on), with
	// which the whole investigation's reads are planned once (pageAtOnce).
	planOnce bool
	// sums: the server has sha256 (PostgreSQL 11 on), with which it
	// hashes the journal's entries for a walk of the chain
	// (VerifyJournal).
	sums bool
	// jitOff: each connection turns JIT off as it starts (connOf), as
	// the address does not say otherwise (?jit=on, or in its options).
	// chrono's statements read a page, a rank or a kept count; a plan
	// made once for any values (pageAtOnce) is costed for the whole
	// table, and compiling it took 10–12 ms for a read of 0.8. A count
	// the database makes by scanning lost 40–110 ms to it. It is set
	// once connected, not in the connection's startup parameters, which
	// a connection pooler such as PgBouncer may refuse.
	jitOff bool
	// citedKept: the schema keeps the counts of the events citing each
	// source (keepCited); a read-only store of the schema before counts
	// them as it is asked (readsAsIs).
	citedKept bool
	// linkingKept: the schema has the linking table (indexLinking); a
	// read-only store of a schema before it reads the journal back for
	// the entries that changed the links to an event, as it did then.
	linkingKept bool
	// placement is the rule the linked groups are placed by: an earlier
	// one in a database read as it is (migrate_aside.go).
	placement model.Placement
	// made: Open made the investigation (DiscardUnused).
	made   bool
	listen listener
	heads  headCache
	// afterBatch, when set (by tests), is called with an import's
	// transaction after each batch it writes.
	afterBatch func(tx pgx.Tx)
}

var (
	_ model.Store         = (*Store)(nil)
	_ model.Placer        = (*Store)(nil)
	_ model.JournalHasher = (*Store)(nil)
)

// querier is a connection or a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// ctx is the context of the store's queries: a store is used by one
// goroutine at a time, and a query is cut short by the connection's own
// deadlines, not by its caller.
var ctx = context.Background()

// Open connects to the database at url (postgres:// or postgresql://,
// with TLS settings as libpq reads them, and a password from the URL,
// PGPASSWORD or PGPASSFILE), creates or upgrades chrono's schema there,
// and opens the investigation opts names, creating it unless ReadOnly or
// NoCreate. No error it returns holds the password.
func Open(url string, opts Options) (*Store, error) {
	s, err := connect(url, opts)
	if err != nil {
		return nil, err
	}
	if err := s.prepare(opts); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// connect reads the address and connects, without looking at the
// schema.
func connect(url string, opts Options) (*Store, error) {
	addr := parseAddress(url)
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, addr.errorf("the database address %s is not one PostgreSQL reads: %w", addr.safe, err)
	}
	if opts.Timeout == 0 {
		opts.Timeout = 10 * time.Second
	}
	if cfg.ConnectTimeout == 0 || cfg.ConnectTimeout > opts.Timeout {
		cfg.ConnectTimeout = opts.Timeout
	}
	name := opts.Investigation
	if name == "" {
		name = DefaultInvestigation
	}
	if msg := checkName(name); msg != "" {
		return nil, fmt.Errorf("investigation %q: %s", name, msg)
	}
	_, jit := cfg.RuntimeParams["jit"]
	jit = jit || strings.Contains(cfg.RuntimeParams["options"], "jit")
	s := &Store{cfg: cfg, name: name, addr: addr, author: opts.Author, readOnly: opts.ReadOnly, jitOff: !jit,
		loc: fmt.Sprintf("%s (investigation %s)", addr.safe, name), first: &line{}}
	s.lines = newLineSet(s.first)
	c, err := s.conn()
	if err != nil {
		return nil, err
	}
	major := majorOf(c.PgConn().ParameterStatus("server_version"))
	s.planOnce, s.sums = major >= 12, major >= 11
	return s, nil
}

// majorOf returns the major version in a server's version as it says it
// when a connection starts ("15.8 (Debian …)": 15), and 0 in none.
func majorOf(version string) int {
	n, _ := strconv.Atoi(version[:len(version)-len(strings.TrimLeft(version, "0123456789"))])
	return n
}

// prepare brings the schema up to date and finds (or makes) the
// investigation.
func (s *Store) prepare(opts Options) error {
	c := s.first.c
	if err := migrate(c, s.readOnly); err != nil {
		// A role that may only read cannot run the steps since readsAsIs;
		// it reads such a database as it is, opened read-only, as it
		// does one of the current schema.
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "42501" {
			if v, verr := schemaOf(c); verr == nil && v >= readsAsIs {
				return s.addr.errorf("%s: %w: the role %s may only read it, and may not upgrade its chrono schema %d to %d (writing needs the rights the README lists)", s.loc, model.ErrReadOnly, s.cfg.User, v, SchemaVersion)
			}
		}
		return s.fail(err)
	}
	s.citedKept, s.linkingKept = true, true
	if s.readOnly {
		v, err := schemaOf(c)
		if err != nil {
			return s.fail(err)
		}
		s.citedKept, s.linkingKept = v >= citedSchema, v >= linkingSchema
		s.placement = placementOf(v)
	}
	// The investigation, and, in the same round trip, whether the role
	// may write: one that may only read opens read-only, as a file that
	// cannot be written does (the browser then says why), rather than
	// failing at every write with the server's words.
	var id *int64
	var writes bool
	err := c.QueryRow(ctx, `SELECT (SELECT id FROM investigations WHERE name = $1),
		has_table_privilege('events', 'INSERT') AND has_table_privilege('events', 'UPDATE')
		AND has_table_privilege('events', 'DELETE') AND has_table_privilege('journal', 'INSERT')`, s.name).Scan(&id, &writes)
	switch {
	case err != nil:
		return s.fail(err)
	case !writes && !s.readOnly:
		return s.addr.errorf("%s: %w: the role %s may only read it (writing needs the rights the README lists)", s.loc, model.ErrReadOnly, s.cfg.User)
	case id != nil && opts.New:
		return existing(s)
	case id != nil:
		s.inv = *id
		return nil
	case opts.ReadOnly || opts.NoCreate:
		return fmt.Errorf("%w: no investigation %q in %s (chrono investigations lists them)", model.ErrNoStore, s.name, s.addr.safe)
	}
	// Two chronos may create it at once: the second finds the first's,
	// unless it is to make a new one.
	tag, err := c.Exec(ctx, `INSERT INTO investigations (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, s.name)
	if err == nil && opts.New && tag.RowsAffected() == 0 {
		return existing(s)
	}
	s.made = err == nil && tag.RowsAffected() == 1
	if err == nil {
		err = c.QueryRow(ctx, `SELECT id FROM investigations WHERE name = $1`, s.name).Scan(&s.inv)
	}
	return s.fail(err)
}

// existing is the error of a new investigation whose name is taken.
func existing(s *Store) error {
	return fmt.Errorf("%w: the investigation %q is already in %s; choose another --investigation (chrono investigations lists them)", model.ErrExists, s.name, s.addr.safe)
}

// SafeAddress is a database address as chrono shows it: with any
// password replaced.
func SafeAddress(url string) string { return parseAddress(url).safe }

// failIn is fail for an error met reading the file named file: the file's
// problems are left to say where each is (FILE:LINE:COL at the start of
// each line, as a file's import says them), the rest is failed.
func (s *Store) failIn(file string, err error) error {
	switch placed := model.InFile(file, err).(type) {
	case *model.Problems, model.Problem:
		return s.addr.redact(placed)
	default:
		return s.fail(placed)
	}
}

// failTx is fail for an error of a change made in tx: the database's
// own (the server's, or a lost connection) is placed; a change the model
// refuses (a link already there, a revert of what changed since) reads
// as it does in a file, unplaced.
func (s *Store) failTx(tx pgx.Tx, err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) || errors.As(err, new(connectFailure)) || tx.Conn().IsClosed() {
		return s.fail(err)
	}
	return s.addr.redact(err)
}

// fail says where an error happened, with the password taken out of
// anything the driver or the server put in it; nil stays nil.
func (s *Store) fail(err error) error {
	if err == nil {
		return nil
	}
	if errors.As(err, new(connectFailure)) || errors.As(err, new(notFound)) {
		// Each says what it is about already.
		return s.addr.redact(err)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42501" {
		return s.addr.errorf("%s: %w (the role needs the rights the README lists)", s.loc, err)
	}
	if errors.As(err, &pgErr) && pgErr.Code == "22021" && strings.Contains(pgErr.Message, "0x00") {
		// Text of its own (an actor, the investigation's title) holding
		// U+0000, which an earlier chrono took, in a file's store.
		return s.addr.errorf("%s: %w: an actor's name, or the investigation's title or description, holds a NUL character (U+0000), which PostgreSQL cannot keep; remove it where it comes from (chrono edit, edit --header), then try again", s.loc, err)
	}
	if errors.As(err, &pgErr) && pgErr.Code == "55P03" { // lock_not_available
		return s.addr.errorf("%s is %w: another writer held it for longer than %s (an import, or a session outside chrono); try again once it is done", s.loc, model.ErrInUse, lockWait)
	}
	return s.addr.errorf("%s: %w", s.loc, err)
}

// Location returns the database's address without its password, and the
// investigation.
func (s *Store) Location() string { return s.loc }

// Author is who the store's writes are attributed to.
func (s *Store) Author() string { return s.author }

// Close releases the connections, and closes the channel of Changes.
func (s *Store) Close() error {
	s.stopListening()
	return s.closeLines()
}

// Made reports whether Open made the investigation, there being none
// of its name.
func (s *Store) Made() bool { return s.made }

// DiscardUnused takes the investigation out of the database when this
// Open made it and nothing was written to it since (an import into it
// refused): a failed command leaves nothing behind, as with a store
// file, and its name free for chrono new.
func (s *Store) DiscardUnused() error {
	if !s.made || s.readOnly {
		return nil
	}
	l := s.take()
	defer s.give(l)
	tx, err := s.begin(l, false)
	if err != nil {
		return err // held by another writer, whose work it is now
	}
	defer tx.Rollback(ctx)
	// Read once the investigation's lock is held, in a statement of its
	// own: an import of another process that held it has committed.
	var used bool
	err = tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM journal WHERE inv = $1) OR EXISTS (SELECT 1 FROM events WHERE inv = $1)`, s.inv).Scan(&used)
	if err != nil || used {
		return s.fail(err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM investigations WHERE id = $1`, s.inv); err != nil {
		return s.fail(err)
	}
	return s.fail(tx.Commit(ctx))
}

// checkName refuses an investigation name that could not be typed or
// shown safely.
func checkName(name string) string {
	if len(name) > 200 {
		return "a name is at most 200 bytes"
	}
	if strings.TrimSpace(name) != name {
		// "t1 " would be another investigation than "t1", listed alike.
		return "a name neither starts nor ends with a space"
	}
	for _, r := range name {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return "a name holds no control characters"
		}
	}
	return ""
}
