package pg

import (
	"errors"
	"fmt"
	"io"

	"chrono/model"
	"chrono/store/snapshots"

	"github.com/go-json-experiment/json"
	"github.com/jackc/pgx/v5"
)

// A snapshot is a row of snapshots (what model.Snapshot says of it, as
// JSON, as the bbolt store keeps it) and rows of snapshot_pieces: its
// original and its text, in the pieces of package snapshots, a row each.
// The pieces are stored as they are (STORAGE EXTERNAL): deflated
// already, TOAST would only try again in vain.

// createSnapshots (the schema's third step) makes the tables of
// snapshots.
func createSnapshots(tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `
CREATE TABLE snapshots (
	inv    bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	source text COLLATE "C" NOT NULL,
	n      integer NOT NULL,
	meta   bytea NOT NULL,
	PRIMARY KEY (inv, source, n)
);
CREATE TABLE snapshot_pieces (
	inv    bigint NOT NULL,
	source text COLLATE "C" NOT NULL,
	n      integer NOT NULL,
	part   text COLLATE "C" NOT NULL,
	i      integer NOT NULL,
	data   bytea NOT NULL,
	PRIMARY KEY (inv, source, n, part, i),
	FOREIGN KEY (inv, source, n) REFERENCES snapshots ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);
ALTER TABLE snapshot_pieces ALTER COLUMN data SET STORAGE EXTERNAL;
`)
	return err
}

func decodeSnapshotMeta(source string, n int, v []byte) (snapshots.Record, error) {
	var m snapshots.Record
	if err := json.Unmarshal(v, &m); err != nil {
		return m, fmt.Errorf("snapshot %d of source %q: its stored value is not readable JSON (%v): %w", n, source, err, model.ErrDamaged)
	}
	return m, nil
}

// snapshotMetas returns a source's snapshots, withdrawn ones too, oldest
// first.
func snapshotMetas(db querier, inv int64, source string) ([]snapshots.Record, error) {
	metas, err := scanSnapshotMetas(db.Query(ctx, `SELECT source, n, meta FROM snapshots WHERE inv = $1 AND source = $2 ORDER BY n`, inv, source))
	return metas[source], err
}

// scanSnapshotMetas reads rows of (source, n, meta) in the order of n
// within each source, by source, and closes them; err is the error of
// the query that gave them.
func scanSnapshotMetas(rows pgx.Rows, err error) (map[string][]snapshots.Record, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]snapshots.Record{}
	for rows.Next() {
		var source string
		var n int
		var v []byte
		if err := rows.Scan(&source, &n, &v); err != nil {
			return nil, err
		}
		m, err := decodeSnapshotMeta(source, n, v)
		if err != nil {
			return nil, err
		}
		out[source] = append(out[source], m)
	}
	return out, rows.Err()
}

func snapshotMetaOf(db querier, inv int64, source string, n int) (snapshots.Record, error) {
	var v []byte
	err := db.QueryRow(ctx, `SELECT meta FROM snapshots WHERE inv = $1 AND source = $2 AND n = $3`, inv, source, n).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return snapshots.Record{}, &model.NoSnapshot{Source: source, N: n}
	}
	if err != nil {
		return snapshots.Record{}, err
	}
	return decodeSnapshotMeta(source, n, v)
}

// putStream deflates r into rows of snapshot_pieces for the snapshot's
// part.
func putStream(tx pgx.Tx, inv int64, source string, n int, part snapshots.Part, r io.Reader) (pieces int, size int64, sum string, err error) {
	return snapshots.Write(r, func(i int, piece []byte) error {
		_, err := tx.Exec(ctx, `INSERT INTO snapshot_pieces (inv, source, n, part, i, data) VALUES ($1, $2, $3, $4, $5, $6)`,
			inv, source, n, string(rune(part)), i, piece)
		return err
	})
}

// PutSnapshot implements model.Tx.
func (t *writeTx) PutSnapshot(s *model.Snapshot, original, text io.Reader) error {
	if _, err := t.Source(s.Source); err != nil {
		return err
	}
	var last int
	if err := t.tx.QueryRow(ctx, `SELECT coalesce(max(n), 0) FROM snapshots WHERE inv = $1 AND source = $2`, t.s.inv, s.Source).Scan(&last); err != nil {
		return err
	}
	if err := snapshots.Number(s, last); err != nil {
		return err
	}
	// The row comes first, for the pieces' foreign key; its meta is
	// filled in once the bytes are counted.
	if _, err := t.tx.Exec(ctx, `INSERT INTO snapshots (inv, source, n, meta) VALUES ($1, $2, $3, '')`, t.s.inv, s.Source, s.N); err != nil {
		return err
	}
	m := snapshots.Record{Snapshot: *s}
	var err error
	m.Original, m.Size, m.SHA256, err = putStream(t.tx, t.s.inv, s.Source, s.N, snapshots.Original, original)
	if err != nil {
		return err
	}
	if text == nil {
		m.SameText, m.TextSize, m.TextSHA256 = true, m.Size, m.SHA256
	} else if m.Text, m.TextSize, m.TextSHA256, err = putStream(t.tx, t.s.inv, s.Source, s.N, snapshots.Text, text); err != nil {
		return err
	}
	if err := t.putMeta(&m); err != nil {
		return err
	}
	*s = m.Snapshot
	t.changes.Snapshot(s.Ref())
	return nil
}

func (t *writeTx) putMeta(m *snapshots.Record) error {
	v, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, err = t.tx.Exec(ctx, `UPDATE snapshots SET meta = $4 WHERE inv = $1 AND source = $2 AND n = $3`, t.s.inv, m.Source, m.N, v)
	return err
}

// WithdrawSnapshot implements model.Tx.
func (t *writeTx) WithdrawSnapshot(source string, n int, withdrawn bool) error {
	m, err := snapshotMetaOf(t.tx, t.s.inv, source, n)
	if err != nil {
		return err
	}
	if err := m.Withdraw(withdrawn); err != nil {
		return err
	}
	if err := t.putMeta(&m); err != nil {
		return err
	}
	t.changes.Snapshot(m.Ref())
	return nil
}

// hasSnapshots reports whether a source has snapshots, withdrawn ones
// too: evidence that a source's removal would orphan.
func (t *writeTx) hasSnapshots(source string) (bool, error) {
	var has bool
	err := t.tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM snapshots WHERE inv = $1 AND source = $2)`, t.s.inv, source).Scan(&has)
	return has, err
}

// Snapshots implements model.Reader.
func (s *Store) Snapshots(source string) ([]model.Snapshot, error) {
	return s.snapshotsListed(source, false)
}

// snapshotsListed lists a source's withdrawn snapshots, or its others.
func (s *Store) snapshotsListed(source string, withdrawn bool) ([]model.Snapshot, error) {
	return s.listedIn(s.readOne, source, withdrawn)
}

// reading runs a function of the database in a read transaction: one of
// its own (Store.read), or one a longer read holds (snapshotsIn).
type reading func(fn func(db querier) error) error

// listedIn is snapshotsListed, read by read.
func (s *Store) listedIn(read reading, source string, withdrawn bool) ([]model.Snapshot, error) {
	var out []model.Snapshot
	err := read(func(db querier) error {
		metas, err := snapshotMetas(db, s.inv, source)
		out = snapshots.Listed(metas, withdrawn)
		return err
	})
	return out, err
}

// SnapshotText implements model.Reader.
func (s *Store) SnapshotText(source string, n int) (io.ReadCloser, error) {
	return s.openSnapshot(source, n, snapshots.Text, snapshots.Open)
}

// SnapshotOriginal implements model.Reader.
func (s *Store) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return s.openSnapshot(source, n, snapshots.Original, snapshots.Open)
}

// openSnapshot reads a snapshot's original or text a piece at a time,
// each piece in a read transaction of its own, so that a long read holds
// neither a transaction nor the connection between pieces. Pieces are
// never rewritten once committed, so the pieces of separate reads are of
// one stream.
func (s *Store) openSnapshot(source string, n int, part snapshots.Part, open snapshots.Opener) (io.ReadCloser, error) {
	return s.openIn(s.read, source, n, part, open)
}

// openIn is openSnapshot, each piece read by read.
func (s *Store) openIn(read reading, source string, n int, part snapshots.Part, open snapshots.Opener) (io.ReadCloser, error) {
	var m snapshots.Record
	err := read(func(db querier) error {
		var err error
		m, err = snapshotMetaOf(db, s.inv, source, n)
		return err
	})
	if err != nil {
		return nil, err
	}
	get := func(part snapshots.Part, i int) (piece []byte, err error) {
		err = read(func(db querier) error {
			err := db.QueryRow(ctx, `SELECT data FROM snapshot_pieces WHERE inv = $1 AND source = $2 AND n = $3 AND part = $4 AND i = $5`,
				s.inv, source, n, string(rune(part)), i).Scan(&piece)
			if errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("snapshot %d of source %q: piece %d is missing: %w", n, source, i, model.ErrDamaged)
			}
			return err
		})
		return piece, err
	}
	return open(m, part, get, func(msg string) error { return fmt.Errorf("%s: %w", msg, model.ErrDamaged) })
}

// WithdrawnSnapshots implements model.WithdrawnReader.
func (s *Store) WithdrawnSnapshots(source string) ([]model.Snapshot, error) {
	return s.snapshotsListed(source, true)
}

// WithdrawnSnapshotText implements model.WithdrawnReader.
func (s *Store) WithdrawnSnapshotText(source string, n int) (io.ReadCloser, error) {
	return s.openSnapshot(source, n, snapshots.Text, snapshots.OpenWithdrawn)
}

// WithdrawnSnapshotOriginal implements model.WithdrawnReader.
func (s *Store) WithdrawnSnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return s.openSnapshot(source, n, snapshots.Original, snapshots.OpenWithdrawn)
}

var _ model.WithdrawnReader = (*Store)(nil)

// snapshotsIn reads the snapshots, kept and withdrawn, in the read
// transaction db, as Store reads them in transactions of their own: a
// backup's, whose copy is of one moment.
type snapshotsIn struct {
	s  *Store
	db querier
}

func (r snapshotsIn) in(fn func(db querier) error) error { return fn(r.db) }

// Snapshots implements model.SnapshotReader.
func (r snapshotsIn) Snapshots(source string) ([]model.Snapshot, error) {
	return r.s.listedIn(r.in, source, false)
}

// SnapshotText implements model.SnapshotReader.
func (r snapshotsIn) SnapshotText(source string, n int) (io.ReadCloser, error) {
	return r.s.openIn(r.in, source, n, snapshots.Text, snapshots.Open)
}

// SnapshotOriginal implements model.SnapshotReader.
func (r snapshotsIn) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return r.s.openIn(r.in, source, n, snapshots.Original, snapshots.Open)
}

// WithdrawnSnapshots implements model.WithdrawnReader.
func (r snapshotsIn) WithdrawnSnapshots(source string) ([]model.Snapshot, error) {
	return r.s.listedIn(r.in, source, true)
}

// WithdrawnSnapshotText implements model.WithdrawnReader.
func (r snapshotsIn) WithdrawnSnapshotText(source string, n int) (io.ReadCloser, error) {
	return r.s.openIn(r.in, source, n, snapshots.Text, snapshots.OpenWithdrawn)
}

// WithdrawnSnapshotOriginal implements model.WithdrawnReader.
func (r snapshotsIn) WithdrawnSnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return r.s.openIn(r.in, source, n, snapshots.Original, snapshots.OpenWithdrawn)
}

var _ model.WithdrawnReader = snapshotsIn{}
