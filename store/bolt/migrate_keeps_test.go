package bolt

import (
	"encoding/binary"
	"reflect"
	"testing"

	bbolt "go.etcd.io/bbolt"
)

// The steps that only let the stored values hold more: schema 9, an
// event's media; schema 13, the parts of its date text.
func init() {
	migrationTests[8] = testMigrationKeepsEveryByte(8)
	migrationTests[12] = testMigrationKeepsEveryByte(12)
}

// testMigrationKeepsEveryByte: a store of schema from opens at the next
// with every byte of its buckets as it was.
func testMigrationKeepsEveryByte(from uint64) func(t *testing.T) {
	return func(t *testing.T) {
		path := storeFile(t)
		s := openAt(t, path, Options{})
		want := dumpOf(t, s)
		s.Close()
		asSchema(t, path, from, func(*bbolt.Tx) error { return nil })
		// Read-only, it reads as it is, and stays at its schema.
		ro, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("a store of schema %d opened read-only: %v", from, err)
		}
		got := dumpOf(t, ro)
		ro.Close()
		if v := got["meta"]["schema"]; v != string(binary.AppendUvarint(nil, from)) {
			t.Errorf("read-only, the schema became %q", v)
		}
		delete(got, "meta")
		for name := range got {
			if !reflect.DeepEqual(got[name], want[name]) {
				t.Errorf("read-only, %s:\n%q\nwant\n%q", name, got[name], want[name])
			}
		}
		s = openAt(t, path, Options{})
		if got := dumpOf(t, s); !reflect.DeepEqual(got, want) {
			t.Errorf("after the upgrade:\n%q\nwant\n%q", got, want)
		}
	}
}
