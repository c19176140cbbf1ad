package bolt

import (
	"encoding/binary"
	"reflect"
	"testing"

	bbolt "go.etcd.io/bbolt"
)

func init() { migrationTests[12] = testMigrationAllowsDateTextParts }

// testMigrationAllowsDateTextParts: a store of schema 12 opens at schema 13 with
// every byte of its buckets as it was.
func testMigrationAllowsDateTextParts(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	want := dumpOf(t, s)
	s.Close()
	asSchema(t, path, 12, func(*bbolt.Tx) error { return nil })
	// Read-only, it reads as it is, and stays at schema 12.
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("a store of schema 12 opened read-only: %v", err)
	}
	got := dumpOf(t, ro)
	ro.Close()
	if v := got["meta"]["schema"]; v != string(binary.AppendUvarint(nil, 12)) {
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
