package pg

import (
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"chrono/model"
	"chrono/store/bolt"
	"chrono/store/storetest"

	"github.com/go-json-experiment/json"
	"github.com/jackc/pgx/v5"
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
		if !same(&want[i], &got[i]) {
			t.Errorf("entry #%d differs:\n%+v\n%+v", want[i].Seq, got[i], want[i])
		}
	}
	if r, err := b.VerifyJournal(); err != nil || !r.OK() || r.Entries != 3 || r.Head != head(t, s) {
		t.Errorf("the backup's chain: %+v, %v; the database's head %v", r, err, head(t, s))
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
	if r, err := b.VerifyJournal(); err != nil || !r.OK() || r.Entries != 4 {
		t.Errorf("the backup's chain after an undo in it: %+v, %v", r, err)
	}
}

// TestHeadsAcrossStores: a journal keeps its chain head, hash and all,
// from a bbolt file into the database, from the database into a backup
// file and back, with entries of both stores' forms in one chain.
func TestHeadsAcrossStores(t *testing.T) {
	file, err := bolt.Open(filepath.Join(t.TempDir(), "a.db"), bolt.Options{Author: "a"})
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	storetest.Seed(t, file)
	storetest.History(t, file)

	// bbolt into the database: the file's head.
	db := newStore(t, "b")
	if _, err := db.Restore(file); err != nil {
		t.Fatal(err)
	}
	if a, b := head(t, file), head(t, db); a != b || a.Seq == 0 {
		t.Fatalf("the file's head %v, the database's after the restore %v", a, b)
	}
	c, err := pgx.Connect(ctx, server.url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if got := sqlHead(t, c, db.inv); got != head(t, file).Hash {
		t.Errorf("SQL recomputes the head %s, the file's is %s", got, head(t, file).Hash)
	}
	storetest.CompareEverything(t, storetest.ReadEverything(t, file), storetest.ReadEverything(t, db))

	// A write in the database, in its own form, goes on from the
	// file's entries.
	if _, err := db.Write(model.OpTag, "tag", func(tx model.Tx) error {
		_, err := model.RetagEach(tx, model.Retags([]string{"fbi-tip"}, []string{"after"}, nil))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	h := head(t, db)

	// The database into a backup file, and that file into another
	// investigation: the same head each time.
	path := filepath.Join(t.TempDir(), "backup.db")
	if _, err := db.Backup(path); err != nil {
		t.Fatal(err)
	}
	backup, err := bolt.Open(path, bolt.Options{Author: "c"})
	if err != nil {
		t.Fatal(err)
	}
	defer backup.Close()
	if got := head(t, backup); got != h {
		t.Errorf("the backup's head %v, the database's %v", got, h)
	}
	// The whole investigation, its snapshots kept and withdrawn too.
	storetest.CompareEverything(t, storetest.ReadEverything(t, db), storetest.ReadEverything(t, backup))
	again := newStore(t, "d")
	if _, err := again.Restore(backup); err != nil {
		t.Fatal(err)
	}
	if got := head(t, again); got != h {
		t.Errorf("restored from the backup, head %v; the database's %v", got, h)
	}
	// Each store reads the other's entries as its own: an event's
	// history, the journal's first events, each entry, and undo.
	ids := storetest.IDs(storetest.AllEvents(t, db))
	queries := []model.JournalQuery{{}, {MostEvents: 1}, {MostEvents: 3}, {Limit: 2}}
	for _, id := range ids {
		queries = append(queries, model.JournalQuery{Event: id})
	}
	for _, q := range queries {
		for range 2 { // the second time from the stores' kept heads
			want, err := db.Journal(q)
			if err != nil {
				t.Fatal(err)
			}
			got, err := backup.Journal(q)
			if err != nil || asJSON(t, got) != asJSON(t, want) {
				t.Errorf("%+v: the backup's journal %v\n%s\nthe database's\n%s", q, err, asJSON(t, got), asJSON(t, want))
			}
		}
	}
	for seq := uint64(1); seq <= h.Seq; seq++ {
		want, _ := db.Entry(seq)
		if got, err := backup.Entry(seq); err != nil || asJSON(t, got) != asJSON(t, want) {
			t.Errorf("entry #%d in the backup: %v", seq, err)
		}
	}
	// A backup leaves the snapshots in the database; all else is alike.
	want := storetest.ReadEverything(t, db)
	want.Snapshots, want.Withdrawn, want.Bytes = nil, nil, nil
	got := storetest.ReadEverything(t, again)
	got.Snapshots, got.Withdrawn, got.Bytes = nil, nil, nil
	storetest.CompareEverything(t, want, got)

	trashed, err := db.Trash()
	if err != nil || len(trashed) != 1 {
		t.Fatalf("the trash: %v, %v", trashed, err)
	}
	for _, st := range []model.Store{backup, again} {
		for _, seq := range []uint64{h.Seq, h.Seq - 1} { // the tag, in PostgreSQL's form; the delete, in bbolt's
			e, err := st.Entry(seq)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := model.Revert(st, e); err != nil {
				t.Fatalf("%T: revert #%d: %v", st, seq, err)
			}
		}
		if _, err := st.Event(trashed[0].Event.ID); err != nil {
			t.Errorf("%T: the event deleted, after undo: %v", st, err)
		}
		if r, err := st.(model.JournalVerifier).VerifyJournal(); err != nil || !r.OK() || r.Entries != h.Seq+2 {
			t.Errorf("%T: the chain after two undos: %+v, %v", st, r, err)
		}
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(j)
}

// head verifies st's journal and returns its head.
func head(t *testing.T, st model.JournalVerifier) model.ChainHead {
	t.Helper()
	r, err := st.VerifyJournal()
	if err != nil || !r.OK() {
		t.Fatalf("the chain: %+v, %v", r, err)
	}
	return r.Head
}

// TestBackupKeepsLinksToTheTrash: an event on the timeline that links to
// one in the trash keeps the link in the backup, and the event restored
// there is linked as it was.
func TestBackupKeepsLinksToTheTrash(t *testing.T) {
	s := newStore(t, "a")
	if _, err := s.Import([]model.Input{storetest.NativeInput("timeline.example.json", storetest.ExampleDoc(t))}, model.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(model.OpDelete, "deleted", func(tx model.Tx) error {
		_, err := model.DeleteEvents(tx, []string{"fbi-tip"})
		return err
	}); err != nil {
		t.Fatal(err)
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
	want, _ := s.Event("miller-contacts-lieu")
	got, err := b.Event("miller-contacts-lieu")
	if err != nil || !slices.Equal(got.Links, want.Links) || !slices.ContainsFunc(got.Links, func(l model.Link) bool { return l.Event == "fbi-tip" }) {
		t.Errorf("the backup's links of miller-contacts-lieu: %v, %v; the database's %v", got.Links, err, want.Links)
	}
	if _, err := b.Write(model.OpRestore, "restored", func(tx model.Tx) error { return model.RestoreEvents(tx, []string{"fbi-tip"}) }); err != nil {
		t.Fatalf("restoring fbi-tip in the backup: %v", err)
	}
	if d, err := b.Detail("fbi-tip"); err != nil || !slices.ContainsFunc(d.Related, func(r model.Relation) bool { return r.Event == "miller-contacts-lieu" }) {
		t.Errorf("fbi-tip restored in the backup: %+v, %v; want miller-contacts-lieu's link to it", d.Related, err)
	}
}

// TestBackupKeepsATamperedJournal: a journal altered in the database is
// evidence of that, and a backup keeps it as found: every entry's bytes
// copied, so that the file's chain breaks where the database's does, the
// same way, and Backup reports the break. An entry that a store file
// cannot hold as it is (no hash of 32 bytes) is refused as damage.
func TestBackupKeepsATamperedJournal(t *testing.T) {
	for _, tc := range tamperings {
		t.Run(tc.name, func(t *testing.T) {
			s := tamperedStore(t, tc.tamper)
			found, err := s.VerifyJournal()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "backup.db")
			rep, err := s.Backup(path)
			if tc.fault == model.ChainUnreadable {
				if !errors.Is(err, model.ErrDamaged) {
					t.Errorf("backup of a journal with an entry no file can hold: %v; want it refused as damaged", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("backup: %v", err)
			}
			if rep.Chain.OK() || !reflect.DeepEqual(rep.Chain, found) {
				t.Errorf("Backup reports the chain %+v; the database's is %+v", rep.Chain, found)
			}
			b, err := bolt.Open(path, bolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if copied, err := b.VerifyJournal(); err != nil || !reflect.DeepEqual(copied, found) {
				t.Errorf("the backup's chain: %+v, %v; the database's: %+v", copied, err, found)
			}
			if got, want := storedEntries(t, b), storedEntries(t, s); !reflect.DeepEqual(got, want) {
				t.Errorf("the backup's journal is not the database's as found:\n%+v\n%+v", got, want)
			}
		})
	}
}

// storedEntries is st's journal as stored.
func storedEntries(t *testing.T, st model.StoredJournal) []model.StoredEntry {
	t.Helper()
	var all []model.StoredEntry
	for se, err := range st.StoredEntries() {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, se)
	}
	return all
}
