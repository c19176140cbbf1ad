package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	bbolt "go.etcd.io/bbolt"
)

// migrationTests holds a test for each migration, by the version it
// upgrades from. TestEveryMigrationIsTested keeps the two in step.
var migrationTests = map[int]func(t *testing.T){}

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
	upgrade := func(path string, from uint64, steps []migration) error {
		s := openAt(t, path, Options{})
		defer s.Close()
		return s.db.Update(func(tx *bbolt.Tx) error { return runMigrations(tx, from, steps) })
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
