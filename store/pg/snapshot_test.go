package pg

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/snapshots"

	"github.com/jackc/pgx/v5"
)

// attach keeps a snapshot of source in s.
func attach(t *testing.T, s *Store, snap *model.Snapshot, original, text io.Reader) error {
	t.Helper()
	_, err := s.Write(model.OpSnapshot, "kept a snapshot", func(tx model.Tx) error { return tx.PutSnapshot(snap, original, text) })
	return err
}

func addSource(t *testing.T, s *Store, id string) {
	t.Helper()
	if _, err := s.Write(model.OpSource, "source", func(tx model.Tx) error { return tx.PutSource(model.Source{ID: id, Title: id}) }); err != nil {
		t.Fatal(err)
	}
}

// TestMigrationMakesSnapshotTables: a database of the schema before
// snapshots gains their tables, keeping what it held, and its
// investigations take snapshots.
func TestMigrationMakesSnapshotTables(t *testing.T) {
	url := freshDatabase(t)
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if err := migrateTo(c, false, migrations[:2]); err != nil {
		t.Fatal(err)
	}
	var inv int64
	if err := c.QueryRow(ctx, `INSERT INTO investigations (name, title) VALUES ('old', 'kept') RETURNING id`).Scan(&inv); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, `INSERT INTO sources (inv, id, body) VALUES ($1, 'wapo', '{"id":"wapo","title":"The Post"}')`, inv); err != nil {
		t.Fatal(err)
	}
	var before bool
	if err := c.QueryRow(ctx, `SELECT to_regclass('snapshots') IS NOT NULL`).Scan(&before); err != nil || before {
		t.Fatalf("snapshots before the step: %v %v", before, err)
	}
	s, err := Open(url, Options{Investigation: "old", Author: "a", NoCreate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if h, err := s.Header(); err != nil || h.Title != "kept" {
		t.Errorf("header after the step: %+v, %v", h, err)
	}
	snap := model.Snapshot{Source: "wapo", MediaType: model.MediaText, Origin: "stdin"}
	if err := attach(t, s, &snap, strings.NewReader("text"), nil); err != nil || snap.N != 1 {
		t.Fatalf("a snapshot after the step: %+v, %v", snap, err)
	}
}

// TestLargeSnapshotInPieces: a snapshot larger than a piece is kept in
// several, read back whole, and its hash is that of its bytes; a source
// with a snapshot is not deleted.
func TestLargeSnapshotInPieces(t *testing.T) {
	s := newStore(t, "a")
	addSource(t, s, "big")
	data := make([]byte, 3<<20) // incompressible: at least 48 pieces
	r := rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = byte(r.Uint32())
	}
	snap := model.Snapshot{Source: "big", MediaType: model.MediaPDF, Origin: "big.pdf"}
	if err := attach(t, s, &snap, bytes.NewReader(data), strings.NewReader("the text layer")); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if snap.SHA256 != hex.EncodeToString(sum[:]) || snap.Size != int64(len(data)) {
		t.Errorf("kept %+v", snap)
	}
	c, err := s.conn()
	if err != nil {
		t.Fatal(err)
	}
	var pieces, biggest int
	if err := c.QueryRow(ctx, `SELECT count(*), max(length(data)) FROM snapshot_pieces WHERE inv = $1 AND part = 'o'`, s.inv).Scan(&pieces, &biggest); err != nil {
		t.Fatal(err)
	}
	if pieces < len(data)/snapshots.PieceSize || biggest > snapshots.PieceSize {
		t.Errorf("%d pieces of at most %d bytes for %d bytes", pieces, biggest, len(data))
	}
	rc, err := s.SnapshotOriginal("big", 1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	rc.Close()
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("read back %d bytes (%v), want %d the same", len(got), err, len(data))
	}
	_, err = s.Write(model.OpSource, "removed", func(tx model.Tx) error { return tx.DeleteSource("big") })
	if err == nil || !strings.Contains(err.Error(), "kept as evidence") {
		t.Errorf("deleting a source with a snapshot: %v", err)
	}
	// A piece removed behind chrono's back is damage, said so.
	if _, err := c.Exec(ctx, `DELETE FROM snapshot_pieces WHERE inv = $1 AND part = 'o' AND i = 3`, s.inv); err != nil {
		t.Fatal(err)
	}
	rc, err = s.SnapshotOriginal("big", 1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(rc)
	rc.Close()
	if !errors.Is(err, model.ErrDamaged) || !strings.Contains(err.Error(), `source "big"`) {
		t.Errorf("a missing piece: %v", err)
	}
}
