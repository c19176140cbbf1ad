package bolt

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/snapshots"

	bbolt "go.etcd.io/bbolt"
)

const exampleSource = "wapo"

// attach keeps a snapshot of text (the text itself when text is nil).
func attach(t *testing.T, s model.Store, original, text []byte) model.Snapshot {
	t.Helper()
	snap := model.Snapshot{Source: exampleSource, MediaType: model.MediaText, Taken: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC), Origin: "article.txt"}
	var tr io.Reader
	if text != nil {
		tr = bytes.NewReader(text)
	}
	e, err := s.Write(model.OpSnapshot, "attached", func(tx model.Tx) error {
		return tx.PutSnapshot(&snap, bytes.NewReader(original), tr)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Snapshots) != 1 || e.Snapshots[0] != snap.Ref() {
		t.Fatalf("journal entry refs %+v, want %+v", e.Snapshots, snap.Ref())
	}
	return snap
}

func readAll(t *testing.T, open func(string, int) (io.ReadCloser, error), n int) string {
	t.Helper()
	rc, err := open(exampleSource, n)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// TestSnapshots: several snapshots of a source are kept, numbered, with
// their hash, sizes and text, larger ones across many pieces, and read
// back the same through a Store and through a Shared.
func TestSnapshots(t *testing.T) {
	s := newStore(t)
	rnd := rand.New(rand.NewPCG(1, 2))
	big := make([]byte, 600<<10) // letters at random: several pieces even deflated
	for i := range big {
		big[i] = byte('a' + rnd.IntN(26))
	}
	first := attach(t, s, []byte("<p>bags of cash</p>"), []byte("bags of cash"))
	second := attach(t, s, big, nil)
	if first.N != 1 || second.N != 2 {
		t.Fatalf("numbered %d, %d", first.N, second.N)
	}
	if first.SHA256 != sum([]byte("<p>bags of cash</p>")) || first.Size != 19 || first.TextSize != 12 {
		t.Errorf("first %+v", first)
	}
	if second.SHA256 != sum(big) || second.Size != int64(len(big)) || second.TextSize != int64(len(big)) {
		t.Errorf("second %+v", second)
	}
	err := s.view(func(b buckets) error {
		m, err := snapshotMetaOf(b.snapshots, exampleSource, 2)
		if m.Original < 3 {
			t.Errorf("kept in %d pieces", m.Original)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Snapshots(exampleSource)
	if err != nil || len(list) != 2 || list[0] != first || list[1] != second {
		t.Fatalf("listed %+v, %v", list, err)
	}
	if got := readAll(t, s.SnapshotText, 1); got != "bags of cash" {
		t.Errorf("text %q", got)
	}
	if got := readAll(t, s.SnapshotOriginal, 1); got != "<p>bags of cash</p>" {
		t.Errorf("original %q", got)
	}
	if got := readAll(t, s.SnapshotText, 2); got != string(big) {
		t.Error("a text of many pieces is not read back whole")
	}
	path := s.Location()
	s.Close()
	sh := NewShared(path, Options{})
	defer sh.Close()
	if got := readAll(t, sh.SnapshotOriginal, 2); got != string(big) {
		t.Error("not read back whole through a shared store")
	}
	if _, err := sh.SnapshotText(exampleSource, 3); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("a missing snapshot: %v", err)
	}
}

// TestSnapshotFailingReaderKeepsNothing: an error while the original
// streams in (a limit, invalid UTF-8) fails the write, and nothing of it
// is kept, not even its first pieces.
func TestSnapshotFailingReaderKeepsNothing(t *testing.T) {
	s := newStore(t)
	before := dumpOf(t, s)
	bad := io.MultiReader(bytes.NewReader(bytes.Repeat([]byte("x"), 1<<20)), iotest{errors.New("article.txt: not UTF-8 at byte 1048576")})
	_, err := s.Write(model.OpSnapshot, "attached", func(tx model.Tx) error {
		return tx.PutSnapshot(&model.Snapshot{Source: exampleSource}, bad, nil)
	})
	if err == nil || !strings.Contains(err.Error(), "article.txt: not UTF-8") {
		t.Fatalf("error %v", err)
	}
	assertUnchanged(t, s, before)
}

type iotest struct{ err error }

func (r iotest) Read([]byte) (int, error) { return 0, r.err }

// TestSnapshotUndoRedo: undoing an attach withdraws the snapshot, redoing
// it brings it back with the same bytes; a source with snapshots is not
// removed.
func TestSnapshotUndoRedo(t *testing.T) {
	s := newStore(t)
	snap := attach(t, s, []byte("bags of cash"), nil)
	undo, err := model.Undo(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(undo.Snapshots) != 1 || !undo.Snapshots[0].Withdrawn || undo.Snapshots[0].SHA256 != snap.SHA256 {
		t.Fatalf("undo entry %+v", undo.Snapshots)
	}
	if list, _ := s.Snapshots(exampleSource); len(list) != 0 {
		t.Fatalf("still listed after the undo: %+v", list)
	}
	if _, err := s.SnapshotText(exampleSource, 1); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("withdrawn text: %v", err)
	}
	if _, err := model.Undo(s); err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, s.SnapshotText, 1); got != "bags of cash" {
		t.Errorf("after the redo: %q", got)
	}
	if again := attach(t, s, []byte("later"), nil); again.N != 2 {
		t.Errorf("a new snapshot after an undone one is numbered %d", again.N)
	}
	_, err = s.Write(model.OpSource, "removed", func(tx model.Tx) error { return tx.DeleteSource(exampleSource) })
	if err == nil || !strings.Contains(err.Error(), "has snapshots") {
		t.Errorf("removing a source with snapshots: %v", err)
	}
}

// TestSnapshotNeedsASource: a snapshot of a source that does not exist
// is refused.
func TestSnapshotNeedsASource(t *testing.T) {
	s := newStore(t)
	_, err := s.Write(model.OpSnapshot, "attached", func(tx model.Tx) error {
		return tx.PutSnapshot(&model.Snapshot{Source: "nobody"}, strings.NewReader("x"), nil)
	})
	if !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("error %v", err)
	}
}

// TestMissingSnapshotsBucketIsDamage: a store that has lost its
// snapshots/ bucket is damaged: neither an attach nor an import rebuilds
// it empty, which would lose the evidence silently.
func TestMissingSnapshotsBucketIsDamage(t *testing.T) {
	path := storeFile(t)
	rawUpdate(t, path, func(tx *bbolt.Tx) error { return tx.DeleteBucket(bucketSnapshots.name) })
	before, _ := os.ReadFile(path)
	s := openAt(t, path, Options{})
	_, err := s.Write(model.OpSnapshot, "attached", func(tx model.Tx) error {
		return tx.PutSnapshot(&model.Snapshot{Source: exampleSource}, strings.NewReader("x"), nil)
	})
	checkRefused(t, path, before, err, "its snapshots bucket is missing")
	_, err = s.Import([]model.Input{nativeInput("extra.json", []byte(extraDoc))}, model.ImportOptions{Bulk: true})
	checkRefused(t, path, before, err, "its snapshots bucket is missing")
}

// TestSnapshotMissingPieceIsDamage: a piece of a snapshot gone from the
// store is reported, naming the snapshot, not read as a shorter text.
func TestSnapshotMissingPieceIsDamage(t *testing.T) {
	s := newStore(t)
	rnd := rand.New(rand.NewPCG(3, 4))
	text := make([]byte, 300<<10)
	for i := range text {
		text[i] = byte('a' + rnd.IntN(26))
	}
	attach(t, s, text, nil)
	path := s.Location()
	s.Close()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketSnapshots.name).Delete(pieceKey(exampleSource, 1, snapshots.Original, 1))
	})
	s = openAt(t, path, Options{})
	r, err := s.SnapshotText(exampleSource, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	_, err = io.ReadAll(r)
	if err == nil || !strings.Contains(err.Error(), `snapshot 1 of source "wapo": piece 1 is missing`) {
		t.Fatalf("read a text with a piece missing: %v", err)
	}
}
