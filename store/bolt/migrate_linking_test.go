package bolt

import (
	"reflect"
	"testing"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

func init() { migrationTests[9] = testMigrationIndexesLinking }

// linkingChanges makes, in the example store, every kind of change to
// the links other events make to khashoggi-killed: a link added, given
// another rel, the linking event moved to the trash and back, and the
// link removed; and changes to other events besides.
func linkingChanges(t testing.TB, s *Store) {
	t.Helper()
	for _, w := range []struct {
		op model.Op
		fn func(tx model.Tx) error
	}{
		{model.OpLink, func(tx model.Tx) error {
			_, err := model.LinkEvents(tx, "tye-statement", model.Disputes, "khashoggi-killed")
			return err
		}},
		{model.OpLink, func(tx model.Tx) error {
			_, err := model.LinkEvents(tx, "tye-statement", model.Supports, "fbi-tip")
			return err
		}},
		{model.OpDelete, func(tx model.Tx) error { _, err := model.DeleteEvents(tx, []string{"tye-statement"}); return err }},
		{model.OpRestore, func(tx model.Tx) error { return model.RestoreEvents(tx, []string{"tye-statement"}) }},
		{model.OpLink, func(tx model.Tx) error {
			_, err := model.UnlinkEvents(tx, "tye-statement", model.Disputes, "khashoggi-killed")
			return err
		}},
	} {
		if _, err := s.Write(w.op, "change", w.fn); err != nil {
			t.Fatal(err)
		}
	}
}

// historyOf is the history of an event as chrono log ID reads it.
func historyOf(t testing.TB, s *Store, id string) []model.Entry {
	t.Helper()
	got, err := s.Journal(model.JournalQuery{Event: id, Linked: true, MostEvents: 5})
	if err != nil {
		t.Fatalf("history of %s: %v", id, err)
	}
	return got
}

// testMigrationIndexesLinking: a store of schema 9 (no linking/) reads,
// read-only, the histories it read before, from the journal read back;
// it opens at schema 10 with the linking keys of every entry that
// changed links to an event, those a store of schema 10 writes, and the
// same histories.
func testMigrationIndexesLinking(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	linkingChanges(t, s)
	want := dumpOf(t, s)
	if len(want["linking"]) == 0 {
		t.Fatal("no linking keys written")
	}
	ids := []string{"khashoggi-killed", "fbi-tip", "tye-statement"}
	histories := map[string][]model.Entry{}
	for _, id := range ids {
		histories[id] = historyOf(t, s, id)
	}
	s.Close()
	asSchema(t, path, 9, func(tx *bbolt.Tx) error { return tx.DeleteBucket(bucketLinking.name) })
	ro := openAt(t, path, Options{ReadOnly: true})
	for _, id := range ids {
		if got := historyOf(t, ro, id); !reflect.DeepEqual(got, histories[id]) {
			t.Errorf("read-only at schema 9, the history of %s:\n%+v\nwant\n%+v", id, got, histories[id])
		}
	}
	ro.Close()
	s = openAt(t, path, Options{})
	if got := dumpOf(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade:\n%q\nwant\n%q", got, want)
	}
	for _, id := range ids {
		if got := historyOf(t, s, id); !reflect.DeepEqual(got, histories[id]) {
			t.Errorf("after the upgrade, the history of %s:\n%+v\nwant\n%+v", id, got, histories[id])
		}
	}
}

// TestHistoryReadsOnlyItsEntries: an event's history with the changes
// to links to it reads the entries its history and linking keys name,
// and no other: an entry elsewhere in the journal that no longer reads
// does not stop it, where reading the whole journal back failed on it.
func TestHistoryReadsOnlyItsEntries(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	linkingChanges(t, s)
	want := historyOf(t, s, "khashoggi-killed")
	if len(want) < 5 {
		t.Fatalf("history of khashoggi-killed: %d entries; want the import's and four links'", len(want))
	}
	if _, err := s.Write(model.OpLink, "link", func(tx model.Tx) error {
		_, err := model.LinkEvents(tx, "tye-statement", model.Follows, "fbi-tip")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// The last entry, which concerns fbi-tip and tye-statement alone,
	// made unreadable.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		j := tx.Bucket(bucketJournal.name)
		k, v := j.Cursor().Last()
		return j.Put(k, append(append([]byte(nil), v[:chainFields]...), "not an entry"...))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, Options{ReadOnly: true})
	if got := historyOf(t, s, "khashoggi-killed"); !reflect.DeepEqual(got, want) {
		t.Errorf("history of khashoggi-killed:\n%+v\nwant\n%+v", got, want)
	}
}
