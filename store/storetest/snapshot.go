package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// testSnapshots: snapshots of a source are kept in order with their
// hash, sizes and bytes; a failing reader keeps nothing; an undo
// withdraws one and a redo brings it back; an import's number is kept.
func testSnapshots(t *testing.T, s *suite) {
	st := s.seeded(t)
	put := func(snap *model.Snapshot, original, text io.Reader) error {
		_, err := st.Write(model.OpSnapshot, "kept a snapshot", func(tx model.Tx) error { return tx.PutSnapshot(snap, original, text) })
		return err
	}
	taken := time.Date(2026, 5, 1, 9, 30, 0, 0, time.UTC)
	first := model.Snapshot{Source: "wapo", MediaType: model.MediaHTML, Taken: taken, Origin: "page.html"}
	if err := put(&first, strings.NewReader("<p>bags of cash</p>"), strings.NewReader("bags of cash")); err != nil {
		t.Fatal(err)
	}
	second := model.Snapshot{Source: "wapo", MediaType: model.MediaText, Taken: taken, Origin: "stdin"}
	if err := put(&second, strings.NewReader("plain"), nil); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("<p>bags of cash</p>"))
	if first.N != 1 || second.N != 2 || first.SHA256 != hex.EncodeToString(sum[:]) || first.Size != 19 || first.TextSize != 12 || second.TextSize != 5 {
		t.Fatalf("kept %+v and %+v", first, second)
	}
	// The text quotes are checked against has its own hash, kept and
	// named in the journal; a plain text's is its bytes'.
	textSum, plainSum := sha256.Sum256([]byte("bags of cash")), sha256.Sum256([]byte("plain"))
	if first.TextSHA256 != hex.EncodeToString(textSum[:]) || second.TextSHA256 != hex.EncodeToString(plainSum[:]) {
		t.Errorf("text hashes %q and %q", first.TextSHA256, second.TextSHA256)
	}
	if listed, err := st.Snapshots("wapo"); err != nil || len(listed) != 2 || listed[0].TextSHA256 != first.TextSHA256 {
		t.Errorf("listed %+v, %v; want the text's hash kept", listed, err)
	}
	if e := lastEntry(t, st); len(e.Snapshots) != 1 || e.Snapshots[0].TextSHA256 != second.TextSHA256 {
		t.Errorf("the journal names %+v; want the text's hash", e.Snapshots)
	}
	read := func(open func(string, int) (io.ReadCloser, error), n int) string {
		r, err := open("wapo", n)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := read(st.SnapshotText, 1); got != "bags of cash" {
		t.Errorf("text %q", got)
	}
	if got := read(st.SnapshotOriginal, 1); got != "<p>bags of cash</p>" {
		t.Errorf("original %q", got)
	}
	if got := read(st.SnapshotText, 2); got != "plain" {
		t.Errorf("text of a plain snapshot %q", got)
	}
	if err := put(&model.Snapshot{Source: "wapo"}, io.MultiReader(strings.NewReader("x"), failing{}), nil); err == nil {
		t.Error("a failing reader was kept")
	}
	if _, err := model.Undo(st); err != nil {
		t.Fatal(err)
	}
	if list, err := st.Snapshots("wapo"); err != nil || len(list) != 1 || list[0] != first {
		t.Errorf("after the undo: %+v, %v", list, err)
	}
	if _, err := st.SnapshotText("wapo", 2); !errors.Is(err, model.ErrNotFound) || strings.Contains(err.Error(), "no such event") || !strings.Contains(err.Error(), `snapshot 2 of source "wapo" was withdrawn by an undo`) {
		t.Errorf("a withdrawn snapshot's text: %v; want ErrNotFound, saying it was withdrawn", err)
	}
	// A snapshot is not an event: the error says which is missing.
	if _, err := st.SnapshotText("wapo", 99); !errors.Is(err, model.ErrNotFound) || strings.Contains(err.Error(), "no such event") || !strings.Contains(err.Error(), `source "wapo" has no snapshot 99`) {
		t.Errorf("a snapshot never taken: %v; want ErrNotFound, saying the source has no such snapshot", err)
	}
	if _, err := model.Undo(st); err != nil {
		t.Fatal(err)
	}
	if got := read(st.SnapshotText, 2); got != "plain" {
		t.Errorf("after the redo %q", got)
	}
	imported := model.Snapshot{Source: "wapo", N: 7, MediaType: model.MediaText, Taken: taken}
	if err := put(&imported, strings.NewReader("seventh"), nil); err != nil || imported.N != 7 {
		t.Errorf("an import's number: %d, %v", imported.N, err)
	}
	if err := put(&model.Snapshot{Source: "wapo", N: 7}, strings.NewReader("again"), nil); err == nil {
		t.Error("a snapshot's number was taken twice")
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("the file could not be read") }
