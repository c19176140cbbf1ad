package bolt

import (
	"reflect"
	"testing"

	bbolt "go.etcd.io/bbolt"
)

func init() { migrationTests[6] = testMigrationAllowsJournalForms }

// testMigrationAllowsJournalForms: a store of schema 6 opens at schema 7
// with every byte of its buckets as it was, its journal's chain holding
// to the same head.
func testMigrationAllowsJournalForms(t *testing.T) {
	path := storeFile(t)
	s := openAt(t, path, Options{})
	want := dumpOf(t, s)
	head, err := s.VerifyJournal()
	if err != nil || !head.OK() {
		t.Fatal(head, err)
	}
	s.Close()
	asSchema(t, path, 6, func(*bbolt.Tx) error { return nil })
	s = openAt(t, path, Options{})
	if got := dumpOf(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade:\n%q\nwant\n%q", got, want)
	}
	if r, err := s.VerifyJournal(); err != nil || r != head {
		t.Errorf("the chain after the upgrade: %+v, %v; want %+v", r, err, head)
	}
}
