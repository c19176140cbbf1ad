package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"chrono/model/stored"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// migrationTests holds a test for each migration, by the version it
// upgrades from. TestEveryMigrationIsTested keeps the two in step.
var migrationTests = map[int]func(t *testing.T){
	1: testMigrationAddsTheJournal,
	2: testMigrationCountsSpans,
	3: testMigrationChainsTheJournal,
}

// testMigrationCountsSpans: a store of schema 2 (no counts of events by
// the months they span) opens at schema 3 with the counts a store of
// schema 3 would have, and everything else as it was.
func testMigrationCountsSpans(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	want := dumpOf(t, s)
	s.Close()
	if !slices.ContainsFunc(slices.Collect(maps.Keys(want[string(bucketCounts.name)])), func(k string) bool { return k[0] == byte(counterSpan) }) {
		t.Fatal("the example has no events spanning months")
	}
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		if err := deleteCounters(tx, counterSpan); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta.name).Put(keySchema, binary.AppendUvarint(nil, 2))
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
}

// testMigrationAddsTheJournal: a store of schema 1 (no trash, journal or
// history, no counts of citing events, events in codec version 1) opens
// at schema 2 with the same events, an empty journal and trash, and the
// counts of citing events a store of schema 2 would have.
func testMigrationAddsTheJournal(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	want := dumpOf(t, s)
	s.Close()
	// A store of schema 1 had no journal: it starts empty.
	want[string(bucketJournal.name)] = map[string]string{}
	want[string(bucketHistory.name)] = map[string]string{}
	// Take the store back to schema 1.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, bk := range []bucket{bucketTrash, bucketJournal, bucketHistory} {
			if err := tx.DeleteBucket(bk.name); err != nil {
				return err
			}
		}
		if err := deleteCounters(tx, counterCited); err != nil {
			return err
		}
		events := tx.Bucket(bucketEvents.name)
		var v1 [][2][]byte
		events.ForEach(func(k, v []byte) error {
			e, err := stored.Decode(v)
			if err != nil || len(e.Notes) > 0 {
				return err // version 1 has no note authors: keep it simple
			}
			old := slices.Clone(v)
			old[0] = 1
			v1 = append(v1, [2][]byte{slices.Clone(k), old})
			return nil
		})
		for _, kv := range v1 {
			if err := events.Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta.name).Put(keySchema, binary.AppendUvarint(nil, 1))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path, Options{})
	checkInvariants(t, s)
	got := dumpOf(t, s)
	for name := range mergeKeys(want, got) {
		if name == string(bucketEvents.name) {
			continue // version 1 values stay until the event changes
		}
		if !reflect.DeepEqual(got[name], want[name]) {
			t.Errorf("bucket %s after the upgrade:\n%q\nwant\n%q", name, got[name], want[name])
		}
	}
	if n := len(want[string(bucketCounts.name)]); n == 0 {
		t.Fatal("the example has no counts")
	}
	for _, e := range storetest.AllEvents(t, s) {
		if w := storedEvent(t, s, e.ID); !storetest.SameEvent(w, e) {
			t.Errorf("%s: %+v after the upgrade", e.ID, w)
		}
	}
	// Tagging an event of version 1 writes it in the current version.
	if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{"checked"}, nil); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, s)
}

func TestEveryMigrationIsTested(t *testing.T) {
	if SchemaVersion != len(migrations)+1 {
		t.Errorf("SchemaVersion is %d with %d migrations; it must be one more than their number", SchemaVersion, len(migrations))
	}
	for v := 1; v <= len(migrations); v++ {
		test, ok := migrationTests[v]
		if !ok {
			t.Errorf("the migration from schema %d has no test in migrationTests", v)
			continue
		}
		t.Run(fmt.Sprintf("from %d", v), test)
	}
}

// TestMigrationsRunInOrderInOneTransaction runs made-up migrations over a
// real store: they run in order from the store's version, record the new
// version, and when one fails none of them is kept.
func TestMigrationsRunInOrderInOneTransaction(t *testing.T) {
	var ran []int
	step := func(n int, fail bool) migration {
		return func(tx *bbolt.Tx) error {
			ran = append(ran, n)
			if _, err := tx.CreateBucketIfNotExists([]byte{'m', byte('0' + n)}); err != nil {
				return err
			}
			if fail {
				return errors.New("made to fail")
			}
			return nil
		}
	}
	// The file is opened without Open, which would run the real
	// migrations first.
	upgrade := func(path string, from uint64, steps []migration) error {
		db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		return db.Update(func(tx *bbolt.Tx) error { return runMigrations(tx, from, steps) })
	}
	versionAndBuckets := func(path string) (v uint64, buckets []string) {
		db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.View(func(tx *bbolt.Tx) error {
			v, _ = binary.Uvarint(tx.Bucket(bucketMeta.name).Get(keySchema))
			return tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
				if name[0] == 'm' && len(name) == 2 {
					buckets = append(buckets, string(name))
				}
				return nil
			})
		})
		return v, buckets
	}

	path := storeFile(t)
	if err := upgrade(path, 2, []migration{step(1, false), step(2, false), step(3, false)}); err != nil {
		t.Fatal(err)
	}
	if v, b := versionAndBuckets(path); v != 4 || !slices.Equal(ran, []int{2, 3}) || !slices.Equal(b, []string{"m2", "m3"}) {
		t.Errorf("from 2 with 3 steps: version %d, ran %v, buckets %v; want 4, [2 3], [m2 m3]", v, ran, b)
	}

	ran = nil
	path = filepath.Join(t.TempDir(), "chrono.db")
	chronoStoreWithSchema(t, path, 1)
	if err := upgrade(path, 1, []migration{step(1, false), step(2, true)}); err == nil {
		t.Fatal("an upgrade with a failing step succeeded")
	}
	if v, b := versionAndBuckets(path); v != 1 || len(b) != 0 {
		t.Errorf("after a failed upgrade: version %d, buckets %v; want 1 and none", v, b)
	}
}

// TestAllBucketsAreOpened: a transaction opens its buckets from
// allBuckets, so a bucket missing from the list would be nil; and each
// has a letter of its own in the bulk build's records.
func TestAllBucketsAreOpened(t *testing.T) {
	s := newEmptyStore(t)
	err := s.view(func(b buckets) error {
		v := reflect.ValueOf(b)
		for i := range v.NumField() {
			if f := v.Field(i); f.Kind() == reflect.Pointer && f.IsNil() {
				t.Errorf("buckets.%s is not opened: is it in allBuckets?", v.Type().Field(i).Name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	letters := map[byte]string{}
	for _, bk := range allBuckets {
		if other, ok := letters[bk.letter]; ok {
			t.Errorf("buckets %s and %s have the same letter %q", other, bk.name, bk.letter)
		}
		letters[bk.letter] = string(bk.name)
	}
}

// deleteCounters removes every count of one kind, as a store of a schema
// before it had none.
func deleteCounters(tx *bbolt.Tx, kind counterKind) error {
	counts := tx.Bucket(bucketCounts.name)
	c := counts.Cursor()
	prefix := kind.prefix()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := counts.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// asSchema changes the store file at path as change does, and sets its
// schema to v: the store as an older chrono left it, for a migration's
// test.
func asSchema(t *testing.T, path string, v uint64, change func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		if err := change(tx); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta.name).Put(keySchema, binary.AppendUvarint(nil, v))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
}
