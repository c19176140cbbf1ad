package pg

import (
	"path/filepath"
	"testing"

	"chrono/model"
	"chrono/store/bolt"
	"chrono/store/storetest"
)

// TestBackupCarriesJournalAndTrash: a backup of an investigation is a
// bbolt file holding its events, its journal (every entry, in order,
// with its content, its chain verifying) and its trash, and undo works
// on it as on the database.
func TestBackupCarriesJournalAndTrash(t *testing.T) {
	s := newStore(t, "a")
	if _, err := s.Import([]model.Input{storetest.NativeInput("timeline.example.json", storetest.ExampleDoc(t)),
		storetest.NativeInput("extra.json", []byte(storetest.ExtraDoc))}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct {
		op model.Op
		fn func(tx model.Tx) error
	}{
		{model.OpTag, func(tx model.Tx) error {
			_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{"checked"}, nil))
			return err
		}},
		{model.OpDelete, func(tx model.Tx) error { _, err := model.DeleteEvents(tx, []string{"ides-of-march"}); return err }},
	} {
		if _, err := s.Write(w.op, string(w.op), w.fn); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "backup.db")
	if _, err := s.Backup(path); err != nil {
		t.Fatal(err)
	}
	b, err := bolt.Open(path, bolt.Options{Author: "b"})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	want, err := s.Journal(model.JournalQuery{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := b.Journal(model.JournalQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(want) != 3 {
		t.Fatalf("the backup's journal has %d entries, the database's %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		w.Hash, w.Prev, g.Hash, g.Prev = "", "", "", ""
		if !same(&w, &g) {
			t.Errorf("entry #%d differs:\n%+v\n%+v", want[i].Seq, g, w)
		}
	}
	if r, err := b.VerifyJournal(); err != nil || !r.OK() || r.Entries != 3 {
		t.Errorf("the backup's chain: %+v, %v", r, err)
	}
	trash, err := b.Trash()
	if err != nil || len(trash) != 1 || trash[0].Event.ID != "ides-of-march" {
		t.Errorf("the backup's trash: %+v, %v", trash, err)
	}
	wantN, _ := s.Count(model.Query{})
	if n, err := b.Count(model.Query{}); err != nil || n != wantN || n == 0 {
		t.Errorf("the backup holds %d events, %v; the database %d", n, err, wantN)
	}
	if _, err := model.Undo(b); err != nil {
		t.Fatalf("undo in the backup: %v", err)
	}
	if _, err := b.Event("ides-of-march"); err != nil {
		t.Errorf("after undoing the delete in the backup: %v", err)
	}
	if r, err := b.Check(); err != nil || !r.OK() {
		t.Errorf("the backup's check: %+v, %v", r.Mismatches, err)
	}
}
