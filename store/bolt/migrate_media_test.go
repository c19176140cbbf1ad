package bolt

import (
	"reflect"
	"testing"

	bbolt "go.etcd.io/bbolt"
)

func init() { migrationTests[8] = testMigrationAllowsMedia }

// testMigrationAllowsMedia: a store of schema 8 opens at schema 9 with
// every byte of its buckets as it was.
func testMigrationAllowsMedia(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	want := dumpOf(t, s)
	s.Close()
	asSchema(t, path, 8, func(*bbolt.Tx) error { return nil })
	s = openAt(t, path, Options{})
	if got := dumpOf(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade:\n%q\nwant\n%q", got, want)
	}
}
