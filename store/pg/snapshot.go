package pg

import (
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/jackc/pgx/v5"
)

// A snapshot is a row of snapshots (what model.Snapshot says of it, as
// JSON, as the bbolt store keeps it) and rows of snapshot_pieces: its
// original and its text, each one deflate stream cut into pieces of
// pieceSize bytes, so that neither attaching nor reading ever holds more
// than a piece of it in hand. The pieces are stored as they are (STORAGE
// EXTERNAL): deflated already, TOAST would only try again in vain.

// pieceSize is how many deflated bytes one piece holds.
const pieceSize = 64 << 10

// The parts of a snapshot.
const (
	partOriginal = "o"
	partText     = "t"
)

// snapshotMeta is what the snapshots table keeps of a snapshot besides
// its bytes.
type snapshotMeta struct {
	model.Snapshot
	// SameText is set when the text is the original itself (plain text,
	// Markdown): it is kept once.
	SameText bool `json:"same_text,omitempty"`
	// Pieces counts the pieces of the original and of the text.
	Original int `json:"original"`
	Text     int `json:"text"`
	// Withdrawn is set while an undo has taken the snapshot away.
	Withdrawn bool `json:"withdrawn,omitempty"`
}

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

func decodeSnapshotMeta(source string, n int, v []byte) (snapshotMeta, error) {
	var m snapshotMeta
	if err := json.Unmarshal(v, &m); err != nil {
		return m, fmt.Errorf("snapshot %d of source %q: its stored value is not readable JSON (%v): %w", n, source, err, model.ErrDamaged)
	}
	return m, nil
}

// snapshotMetas returns a source's snapshots, withdrawn ones too, oldest
// first.
func snapshotMetas(db querier, inv int64, source string) ([]snapshotMeta, error) {
	rows, err := db.Query(ctx, `SELECT n, meta FROM snapshots WHERE inv = $1 AND source = $2 ORDER BY n`, inv, source)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []snapshotMeta
	for rows.Next() {
		var n int
		var v []byte
		if err := rows.Scan(&n, &v); err != nil {
			return nil, err
		}
		m, err := decodeSnapshotMeta(source, n, v)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func snapshotMetaOf(db querier, inv int64, source string, n int) (snapshotMeta, error) {
	var v []byte
	err := db.QueryRow(ctx, `SELECT meta FROM snapshots WHERE inv = $1 AND source = $2 AND n = $3`, inv, source, n).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return snapshotMeta{}, fmt.Errorf("%w: source %q has no snapshot %d (chrono source show %s lists them)", model.ErrNotFound, source, n, source)
	}
	if err != nil {
		return snapshotMeta{}, err
	}
	return decodeSnapshotMeta(source, n, v)
}

// pieceWriter puts what it is given into snapshot_pieces, a piece at a
// time.
type pieceWriter struct {
	tx     pgx.Tx
	inv    int64
	source string
	n      int
	part   string
	buf    []byte
	pieces int
}

func (w *pieceWriter) Write(p []byte) (int, error) {
	written := len(p)
	for len(p) > 0 {
		k := min(len(p), pieceSize-len(w.buf))
		w.buf = append(w.buf, p[:k]...)
		p = p[k:]
		if len(w.buf) == pieceSize {
			if err := w.flush(); err != nil {
				return 0, err
			}
		}
	}
	return written, nil
}

func (w *pieceWriter) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	if _, err := w.tx.Exec(ctx, `INSERT INTO snapshot_pieces (inv, source, n, part, i, data) VALUES ($1, $2, $3, $4, $5, $6)`,
		w.inv, w.source, w.n, w.part, w.pieces, w.buf); err != nil {
		return err
	}
	w.pieces++
	w.buf = w.buf[:0]
	return nil
}

// storeStream deflates r into pieces and returns how many pieces, bytes
// and their SHA-256.
func storeStream(tx pgx.Tx, inv int64, source string, n int, part string, r io.Reader) (pieces int, size int64, sum string, err error) {
	pw := &pieceWriter{tx: tx, inv: inv, source: source, n: n, part: part, buf: make([]byte, 0, pieceSize)}
	fw, err := flate.NewWriter(pw, flate.BestSpeed)
	if err != nil {
		return 0, 0, "", err
	}
	h := sha256.New()
	if size, err = io.Copy(fw, io.TeeReader(r, h)); err != nil {
		return 0, 0, "", err
	}
	if err := fw.Close(); err != nil {
		return 0, 0, "", err
	}
	if err := pw.flush(); err != nil {
		return 0, 0, "", err
	}
	return pw.pieces, size, hex.EncodeToString(h.Sum(nil)), nil
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
	switch {
	case s.N == 0:
		s.N = last + 1
	case s.N <= last:
		return fmt.Errorf("source %q has a snapshot %d already (or a later one); it is not replaced", s.Source, s.N)
	}
	// The row comes first, for the pieces' foreign key; its meta is
	// filled in once the bytes are counted.
	if _, err := t.tx.Exec(ctx, `INSERT INTO snapshots (inv, source, n, meta) VALUES ($1, $2, $3, '')`, t.s.inv, s.Source, s.N); err != nil {
		return err
	}
	m := snapshotMeta{Snapshot: *s}
	var err error
	m.Original, m.Size, m.SHA256, err = storeStream(t.tx, t.s.inv, s.Source, s.N, partOriginal, original)
	if err != nil {
		return err
	}
	if text == nil {
		m.SameText, m.TextSize = true, m.Size
	} else if m.Text, m.TextSize, _, err = storeStream(t.tx, t.s.inv, s.Source, s.N, partText, text); err != nil {
		return err
	}
	if err := t.putMeta(&m); err != nil {
		return err
	}
	*s = m.Snapshot
	t.snapshots = append(t.snapshots, s.Ref())
	return nil
}

func (t *writeTx) putMeta(m *snapshotMeta) error {
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
	if m.Withdrawn == withdrawn {
		if withdrawn {
			return errors.New("already withdrawn")
		}
		return errors.New("already kept")
	}
	m.Withdrawn = withdrawn
	if err := t.putMeta(&m); err != nil {
		return err
	}
	r := m.Ref()
	r.Withdrawn = withdrawn
	t.snapshots = append(t.snapshots, r)
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
	var out []model.Snapshot
	err := s.read(func(db querier) error {
		out = nil
		metas, err := snapshotMetas(db, s.inv, source)
		for _, m := range metas {
			if !m.Withdrawn {
				out = append(out, m.Snapshot)
			}
		}
		return err
	})
	return out, err
}

// SnapshotText implements model.Reader.
func (s *Store) SnapshotText(source string, n int) (io.ReadCloser, error) {
	return s.openSnapshot(source, n, partText)
}

// SnapshotOriginal implements model.Reader.
func (s *Store) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return s.openSnapshot(source, n, partOriginal)
}

// openSnapshot reads a snapshot's original or text a piece at a time,
// each piece in a read transaction of its own, so that a long read holds
// neither a transaction nor the connection between pieces. Pieces are
// never rewritten once committed, so the pieces of separate reads are of
// one stream.
func (s *Store) openSnapshot(source string, n int, part string) (io.ReadCloser, error) {
	var m snapshotMeta
	err := s.read(func(db querier) error {
		var err error
		m, err = snapshotMetaOf(db, s.inv, source, n)
		return err
	})
	if err != nil {
		return nil, err
	}
	if m.Withdrawn {
		return nil, fmt.Errorf("%w: snapshot %d of source %q was withdrawn by an undo", model.ErrNotFound, n, source)
	}
	pieces := m.Text
	if part == partOriginal || m.SameText {
		part, pieces = partOriginal, m.Original
	}
	pr := &pieceReader{s: s, source: source, n: n, part: part, pieces: pieces}
	return &snapshotReader{fr: flate.NewReader(pr), source: source, n: n}, nil
}

// pieceReader reads the deflated pieces of one stream in order.
type pieceReader struct {
	s      *Store
	source string
	n      int
	part   string
	pieces int
	next   int
	buf    []byte
}

func (r *pieceReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.next >= r.pieces {
			return 0, io.EOF
		}
		err := r.s.read(func(db querier) error {
			err := db.QueryRow(ctx, `SELECT data FROM snapshot_pieces WHERE inv = $1 AND source = $2 AND n = $3 AND part = $4 AND i = $5`,
				r.s.inv, r.source, r.n, r.part, r.next).Scan(&r.buf)
			if errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("snapshot %d of source %q: piece %d is missing: %w", r.n, r.source, r.next, model.ErrDamaged)
			}
			return err
		})
		if err != nil {
			return 0, err
		}
		r.next++
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// snapshotReader inflates a snapshot's stream and names the snapshot in
// its errors.
type snapshotReader struct {
	fr     io.ReadCloser
	source string
	n      int
}

func (r *snapshotReader) Read(p []byte) (int, error) {
	n, err := r.fr.Read(p)
	var corrupt flate.CorruptInputError
	if errors.As(err, &corrupt) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("snapshot %d of source %q: %v: %w", r.n, r.source, err, model.ErrDamaged)
	}
	return n, err
}

func (r *snapshotReader) Close() error { return r.fr.Close() }
