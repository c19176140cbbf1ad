package bolt

import (
	"bytes"
	"encoding/binary"
	"io"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/snapshots"

	"github.com/go-json-experiment/json"
	bbolt "go.etcd.io/bbolt"
)

// A snapshot lives in snapshots/ under its source's id and number:
//
//	source 0x00 n(uint32) 'm'            → its snapshots.Record as JSON
//	source 0x00 n(uint32) 'o' i(uint32)  → piece i of the original, deflated
//	source 0x00 n(uint32) 't' i(uint32)  → piece i of the text, deflated
//
// The pieces are those of package snapshots, one value each.

func snapshotKey(source string, n int) []byte {
	k := make([]byte, 0, len(source)+5)
	k = append(k, source...)
	k = append(k, keySep)
	return binary.BigEndian.AppendUint32(k, uint32(n))
}

// partMeta keys a snapshot's record, beside its parts' pieces.
const partMeta = 'm'

func metaKey(source string, n int) []byte { return append(snapshotKey(source, n), partMeta) }

func pieceKey(source string, n int, part snapshots.Part, i int) []byte {
	return binary.BigEndian.AppendUint32(append(snapshotKey(source, n), byte(part)), uint32(i))
}

// snapshotMetas returns a source's snapshots, withdrawn ones too, oldest
// first.
func snapshotMetas(b *bbolt.Bucket, source string) ([]snapshots.Record, error) {
	prefix := append([]byte(source), keySep)
	var out []snapshots.Record
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != len(prefix)+5 || k[len(k)-1] != partMeta {
			continue
		}
		var m snapshots.Record
		if err := json.Unmarshal(v, &m); err != nil {
			return nil, stored.Unreadablef("snapshot %x of source %q: %v", k[len(prefix):len(k)-1], source, err)
		}
		out = append(out, m)
	}
	return out, nil
}

func snapshotMetaOf(b *bbolt.Bucket, source string, n int) (snapshots.Record, error) {
	var m snapshots.Record
	v := b.Get(metaKey(source, n))
	if v == nil {
		return m, &model.NoSnapshot{Source: source, N: n}
	}
	if err := json.Unmarshal(v, &m); err != nil {
		return m, stored.Unreadablef("snapshot %d of source %q: %v", n, source, err)
	}
	return m, nil
}

// putStream deflates r into pieces of the snapshot's part.
func putStream(b *bbolt.Bucket, source string, n int, part snapshots.Part, r io.Reader) (pieces int, size int64, sum string, err error) {
	return snapshots.Write(r, func(i int, piece []byte) error { return b.Put(pieceKey(source, n, part, i), piece) })
}

// PutSnapshot implements model.Tx.
func (t *writeTx) PutSnapshot(s *model.Snapshot, original, text io.Reader) error {
	if t.b.sources.Get([]byte(s.Source)) == nil {
		return &model.Missing{Kind: model.MissingSource, ID: s.Source}
	}
	metas, err := snapshotMetas(t.b.snapshots, s.Source)
	if err != nil {
		return err
	}
	last := 0
	if len(metas) > 0 {
		last = metas[len(metas)-1].N
	}
	if err := snapshots.Number(s, last); err != nil {
		return err
	}
	m := snapshots.Record{Snapshot: *s}
	m.Original, m.Size, m.SHA256, err = putStream(t.b.snapshots, s.Source, s.N, snapshots.Original, original)
	if err != nil {
		return err
	}
	if text == nil {
		m.SameText, m.TextSize, m.TextSHA256 = true, m.Size, m.SHA256
	} else if m.Text, m.TextSize, m.TextSHA256, err = putStream(t.b.snapshots, s.Source, s.N, snapshots.Text, text); err != nil {
		return err
	}
	v, err := json.Marshal(&m)
	if err != nil {
		return err
	}
	if err := t.b.snapshots.Put(metaKey(s.Source, s.N), v); err != nil {
		return err
	}
	*s = m.Snapshot
	t.changes.Snapshot(s.Ref())
	return nil
}

// WithdrawSnapshot implements model.Tx.
func (t *writeTx) WithdrawSnapshot(source string, n int, withdrawn bool) error {
	m, err := snapshotMetaOf(t.b.snapshots, source, n)
	if err != nil {
		return err
	}
	if err := m.Withdraw(withdrawn); err != nil {
		return err
	}
	v, err := json.Marshal(&m)
	if err != nil {
		return err
	}
	if err := t.b.snapshots.Put(metaKey(source, n), v); err != nil {
		return err
	}
	t.changes.Snapshot(m.Ref())
	return nil
}

// hasSnapshots reports whether a source has snapshots, withdrawn ones
// too: evidence that a source's removal would orphan.
func hasSnapshots(b *bbolt.Bucket, source string) bool {
	prefix := append([]byte(source), keySep)
	k, _ := b.Cursor().Seek(prefix)
	return k != nil && hasPrefix(k, prefix)
}

// Snapshots implements model.Reader.
func (s *Store) Snapshots(source string) ([]model.Snapshot, error) {
	return s.snapshotsListed(source, false)
}

// snapshotsListed lists a source's withdrawn snapshots, or its others.
func (s *Store) snapshotsListed(source string, withdrawn bool) ([]model.Snapshot, error) {
	var out []model.Snapshot
	err := s.view(func(b buckets) error {
		metas, err := snapshotMetas(b.snapshots, source)
		out = snapshots.Listed(metas, withdrawn)
		return err
	})
	return out, err
}

// SnapshotText implements model.Reader.
func (s *Store) SnapshotText(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.view, source, n, snapshots.Text, snapshots.Open)
}

// SnapshotOriginal implements model.Reader.
func (s *Store) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.view, source, n, snapshots.Original, snapshots.Open)
}

// WithdrawnSnapshots implements model.WithdrawnReader.
func (s *Store) WithdrawnSnapshots(source string) ([]model.Snapshot, error) {
	return s.snapshotsListed(source, true)
}

// WithdrawnSnapshotText implements model.WithdrawnReader.
func (s *Store) WithdrawnSnapshotText(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.view, source, n, snapshots.Text, snapshots.OpenWithdrawn)
}

// WithdrawnSnapshotOriginal implements model.WithdrawnReader.
func (s *Store) WithdrawnSnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.view, source, n, snapshots.Original, snapshots.OpenWithdrawn)
}

var _ model.WithdrawnReader = (*Store)(nil)

// openSnapshot reads a snapshot's original or text a piece at a time,
// each piece in a read transaction of its own through view, so that a
// long read holds no transaction open between pieces.
func openSnapshot(view func(func(buckets) error) error, source string, n int, part snapshots.Part, open snapshots.Opener) (io.ReadCloser, error) {
	var m snapshots.Record
	err := view(func(b buckets) error {
		var err error
		m, err = snapshotMetaOf(b.snapshots, source, n)
		return err
	})
	if err != nil {
		return nil, err
	}
	get := func(part snapshots.Part, i int) (piece []byte, err error) {
		err = view(func(b buckets) error {
			v := b.snapshots.Get(pieceKey(source, n, part, i))
			if v == nil {
				return stored.Unreadablef("snapshot %d of source %q: piece %d is missing", n, source, i)
			}
			piece = bytes.Clone(v) // v is valid only inside the transaction
			return nil
		})
		return piece, err
	}
	return open(m, part, get, func(msg string) error { return stored.Unreadable(msg) })
}

// Snapshots is Store.Snapshots.
func (s *Shared) Snapshots(source string) ([]model.Snapshot, error) {
	return read(s, func(st *Store) ([]model.Snapshot, error) { return st.Snapshots(source) })
}

// SnapshotText is Store.SnapshotText, the store opened for each piece.
func (s *Shared) SnapshotText(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.bucketsView, source, n, snapshots.Text, snapshots.Open)
}

// SnapshotOriginal is Store.SnapshotOriginal, the store opened for each
// piece.
func (s *Shared) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.bucketsView, source, n, snapshots.Original, snapshots.Open)
}

// WithdrawnSnapshots is Store.WithdrawnSnapshots.
func (s *Shared) WithdrawnSnapshots(source string) ([]model.Snapshot, error) {
	return read(s, func(st *Store) ([]model.Snapshot, error) { return st.WithdrawnSnapshots(source) })
}

// WithdrawnSnapshotText is Store.WithdrawnSnapshotText, the store opened
// for each piece.
func (s *Shared) WithdrawnSnapshotText(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.bucketsView, source, n, snapshots.Text, snapshots.OpenWithdrawn)
}

// WithdrawnSnapshotOriginal is Store.WithdrawnSnapshotOriginal, the
// store opened for each piece.
func (s *Shared) WithdrawnSnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.bucketsView, source, n, snapshots.Original, snapshots.OpenWithdrawn)
}

var _ model.WithdrawnReader = (*Shared)(nil)

func (s *Shared) bucketsView(fn func(buckets) error) error {
	return s.view(func(st *Store) error { return st.view(fn) })
}
