package bolt

import (
	"encoding/binary"
	"reflect"
	"slices"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// testMigrationChainsTheJournal: a store of schema 3 (journal entries of
// format 1, without hashes) opens at schema 4 with each entry chained to
// the one before it, byte for byte as a store of schema 4 would have
// written them, every other bucket as it was, and the chain verified.
func testMigrationChainsTheJournal(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"checked"}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := model.Undo(s); err != nil {
		t.Fatal(err)
	}
	want := dumpOf(t, s)
	s.Close()
	if n := len(want[string(bucketJournal.name)]); n != 3 {
		t.Fatalf("the journal has %d entries; want 3", n)
	}
	// Take the journal back to format 1 and the store to schema 3.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		journal := tx.Bucket(bucketJournal.name)
		var old [][2][]byte
		journal.ForEach(func(k, v []byte) error {
			old = append(old, [2][]byte{slices.Clone(k), append([]byte{unchainedFormat}, v[chainFields:]...)})
			return nil
		})
		for _, kv := range old {
			if err := journal.Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta.name).Put(keySchema, binary.AppendUvarint(nil, 3))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path, Options{})
	checkInvariants(t, s)
	got := dumpOf(t, s)
	for name := range mergeKeys(want, got) {
		if !reflect.DeepEqual(got[name], want[name]) {
			t.Errorf("bucket %s after the upgrade:\n%q\nwant\n%q", name, got[name], want[name])
		}
	}
	r, err := s.VerifyJournal()
	if err != nil || !r.OK() || r.Entries != 3 {
		t.Fatalf("VerifyJournal after the upgrade = %+v, %v; want 3 entries, unbroken", r, err)
	}
	// The next write extends the migrated chain.
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"again"}, nil); err != nil {
		t.Fatal(err)
	}
	if r, err := s.VerifyJournal(); err != nil || !r.OK() || r.Entries != 4 {
		t.Fatalf("VerifyJournal after a write = %+v, %v; want 4 entries, unbroken", r, err)
	}
}

// TestMigrationRefusesAnUnknownEntry: an entry of neither format stops
// the upgrade, naming it, and leaves the store as it was.
func TestMigrationRefusesAnUnknownEntry(t *testing.T) {
	path := storeFile(t)
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketJournal.name).Put(seqKey(1), []byte{9, 0}); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta.name).Put(keySchema, binary.AppendUvarint(nil, 3))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "journal entry #1: unknown format") {
		t.Fatalf("Open = %v; want the upgrade refused, naming entry #1", err)
	}
}
