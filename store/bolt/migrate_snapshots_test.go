package bolt

import (
	"reflect"
	"testing"

	bbolt "go.etcd.io/bbolt"
)

func init() { migrationTests[4] = testMigrationAddsSnapshots }

// testMigrationAddsSnapshots: a store of schema 4 (no snapshots/) opens
// at schema 5 with an empty snapshots/ bucket, everything else as it was,
// and takes a snapshot.
func testMigrationAddsSnapshots(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	want := dumpOf(t, s)
	s.Close()
	asSchema(t, path, 4, func(tx *bbolt.Tx) error { return tx.DeleteBucket(bucketSnapshots.name) })
	s = openAt(t, path, Options{})
	got := dumpOf(t, s)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade:\n%q\nwant\n%q", got, want)
	}
	if _, err := s.Snapshots("nso-bags-of-cash"); err != nil {
		t.Fatal(err)
	}
}
