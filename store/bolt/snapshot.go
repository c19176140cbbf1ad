package bolt

import (
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"chrono/model"

	"github.com/go-json-experiment/json"
	bbolt "go.etcd.io/bbolt"
)

// A snapshot lives in snapshots/ under its source's id and number:
//
//	source 0x00 n(uint32) 'm'            → snapshotMeta as JSON
//	source 0x00 n(uint32) 'o' i(uint32)  → piece i of the original, deflated
//	source 0x00 n(uint32) 't' i(uint32)  → piece i of the text, deflated
//
// Each of the original and the text is one deflate stream cut into
// pieces of chunkSize bytes, so that neither attaching nor reading ever
// holds more than a piece of it in hand.

// chunkSize is how many deflated bytes one snapshots/ value holds.
const chunkSize = 64 << 10

const (
	partMeta     = 'm'
	partOriginal = 'o'
	partText     = 't'
)

// snapshotMeta is what snapshots/ keeps of a snapshot besides its bytes.
type snapshotMeta struct {
	model.Snapshot
	// SameText is set when the text is the original itself (plain text,
	// Markdown): it is kept once.
	SameText bool `json:"same_text,omitempty"`
	// Pieces counts the values of the original and of the text.
	Original int `json:"original"`
	Text     int `json:"text"`
	// Withdrawn is set while an undo has taken the snapshot away.
	Withdrawn bool `json:"withdrawn,omitempty"`
}

func snapshotKey(source string, n int) []byte {
	k := make([]byte, 0, len(source)+5)
	k = append(k, source...)
	k = append(k, keySep)
	return binary.BigEndian.AppendUint32(k, uint32(n))
}

func metaKey(source string, n int) []byte { return append(snapshotKey(source, n), partMeta) }

func pieceKey(source string, n int, part byte, i int) []byte {
	return binary.BigEndian.AppendUint32(append(snapshotKey(source, n), part), uint32(i))
}

// snapshotMetas returns a source's snapshots, withdrawn ones too, oldest
// first.
func snapshotMetas(b *bbolt.Bucket, source string) ([]snapshotMeta, error) {
	prefix := append([]byte(source), keySep)
	var out []snapshotMeta
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != len(prefix)+5 || k[len(k)-1] != partMeta {
			continue
		}
		var m snapshotMeta
		if err := json.Unmarshal(v, &m); err != nil {
			return nil, corruptf("snapshot %x of source %q: %v", k[len(prefix):len(k)-1], source, err)
		}
		out = append(out, m)
	}
	return out, nil
}

func snapshotMetaOf(b *bbolt.Bucket, source string, n int) (snapshotMeta, error) {
	var m snapshotMeta
	v := b.Get(metaKey(source, n))
	if v == nil {
		return m, fmt.Errorf("%w: source %q has no snapshot %d (chrono source show %s lists them)", model.ErrNotFound, source, n, source)
	}
	if err := json.Unmarshal(v, &m); err != nil {
		return m, corruptf("snapshot %d of source %q: %v", n, source, err)
	}
	return m, nil
}

// pieceWriter puts what it is given into snapshots/ as pieces of
// chunkSize bytes.
type pieceWriter struct {
	b      *bbolt.Bucket
	source string
	n      int
	part   byte
	buf    []byte
	pieces int
}

func (w *pieceWriter) Write(p []byte) (int, error) {
	written := len(p)
	for len(p) > 0 {
		if w.buf == nil {
			w.buf = make([]byte, 0, chunkSize) // bbolt keeps a put value until the commit: a new one each time
		}
		n := min(len(p), chunkSize-len(w.buf))
		w.buf = append(w.buf, p[:n]...)
		p = p[n:]
		if len(w.buf) == chunkSize {
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
	if err := w.b.Put(pieceKey(w.source, w.n, w.part, w.pieces), w.buf); err != nil {
		return err
	}
	w.pieces++
	w.buf = nil
	return nil
}

// storeStream deflates r into pieces and returns how many pieces, bytes
// and their SHA-256.
func storeStream(b *bbolt.Bucket, source string, n int, part byte, r io.Reader) (pieces int, size int64, sum string, err error) {
	pw := &pieceWriter{b: b, source: source, n: n, part: part}
	fw, err := flate.NewWriter(pw, flate.BestSpeed)
	if err != nil {
		return 0, 0, "", err
	}
	h := sha256.New()
	size, err = io.Copy(fw, io.TeeReader(r, h))
	if err != nil {
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
	if t.b.sources.Get([]byte(s.Source)) == nil {
		return notFound(fmt.Sprintf("no source %q", s.Source))
	}
	metas, err := snapshotMetas(t.b.snapshots, s.Source)
	if err != nil {
		return err
	}
	next := 1
	if len(metas) > 0 {
		next = metas[len(metas)-1].N + 1
	}
	switch {
	case s.N == 0:
		s.N = next
	case s.N < next:
		return fmt.Errorf("source %q has a snapshot %d already (or a later one); it is not replaced", s.Source, s.N)
	}
	m := snapshotMeta{Snapshot: *s}
	m.Original, m.Size, m.SHA256, err = storeStream(t.b.snapshots, s.Source, s.N, partOriginal, original)
	if err != nil {
		return err
	}
	if text == nil {
		m.SameText, m.TextSize = true, m.Size
	} else if m.Text, m.TextSize, _, err = storeStream(t.b.snapshots, s.Source, s.N, partText, text); err != nil {
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
	t.snapshots = append(t.snapshots, s.Ref())
	return nil
}

// WithdrawSnapshot implements model.Tx.
func (t *writeTx) WithdrawSnapshot(source string, n int, withdrawn bool) error {
	m, err := snapshotMetaOf(t.b.snapshots, source, n)
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
	v, err := json.Marshal(&m)
	if err != nil {
		return err
	}
	if err := t.b.snapshots.Put(metaKey(source, n), v); err != nil {
		return err
	}
	r := m.Ref()
	r.Withdrawn = withdrawn
	t.snapshots = append(t.snapshots, r)
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
	var out []model.Snapshot
	err := s.view(func(b buckets) error {
		metas, err := snapshotMetas(b.snapshots, source)
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
	return s.snapshotStream(source, n, partText)
}

// SnapshotOriginal implements model.Reader.
func (s *Store) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return s.snapshotStream(source, n, partOriginal)
}

func (s *Store) snapshotStream(source string, n int, part byte) (io.ReadCloser, error) {
	return openSnapshot(s.view, source, n, part)
}

// openSnapshot reads a snapshot's original or text a piece at a time,
// each piece in a read transaction of its own through view, so that a
// long read holds no transaction open between pieces.
func openSnapshot(view func(func(buckets) error) error, source string, n int, part byte) (io.ReadCloser, error) {
	var m snapshotMeta
	err := view(func(b buckets) error {
		var err error
		m, err = snapshotMetaOf(b.snapshots, source, n)
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
	pr := &pieceReader{view: view, source: source, n: n, part: part, pieces: pieces}
	return &snapshotReader{fr: flate.NewReader(pr), source: source, n: n}, nil
}

// pieceReader reads the deflated pieces of one stream in order.
type pieceReader struct {
	view   func(func(buckets) error) error
	source string
	n      int
	part   byte
	pieces int
	next   int
	buf    []byte
}

func (r *pieceReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.next >= r.pieces {
			return 0, io.EOF
		}
		err := r.view(func(b buckets) error {
			v := b.snapshots.Get(pieceKey(r.source, r.n, r.part, r.next))
			if v == nil {
				return corruptf("snapshot %d of source %q: piece %d is missing", r.n, r.source, r.next)
			}
			r.buf = append(r.buf[:0], v...) // v is valid only inside the transaction
			return nil
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
	if err != nil && err != io.EOF {
		if !errors.Is(err, errCorrupt) {
			err = corruptf("snapshot %d of source %q: %v", r.n, r.source, err)
		}
	}
	return n, err
}

func (r *snapshotReader) Close() error { return r.fr.Close() }

// Snapshots is Store.Snapshots.
func (s *Shared) Snapshots(source string) ([]model.Snapshot, error) {
	return read(s, func(st *Store) ([]model.Snapshot, error) { return st.Snapshots(source) })
}

// SnapshotText is Store.SnapshotText, the store opened for each piece.
func (s *Shared) SnapshotText(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.bucketsView, source, n, partText)
}

// SnapshotOriginal is Store.SnapshotOriginal, the store opened for each
// piece.
func (s *Shared) SnapshotOriginal(source string, n int) (io.ReadCloser, error) {
	return openSnapshot(s.bucketsView, source, n, partOriginal)
}

func (s *Shared) bucketsView(fn func(buckets) error) error {
	return s.view(func(st *Store) error { return st.view(fn) })
}
