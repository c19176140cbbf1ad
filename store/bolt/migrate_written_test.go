package bolt

import (
	"bytes"
	"reflect"
	"testing"

	"chrono/model"
	"chrono/model/journalform"

	bbolt "go.etcd.io/bbolt"
)

func init() { migrationTests[10] = testMigrationAllowsWritten }

// testMigrationAllowsWritten: a store of schema 10, whose import's entry
// names its events by id alone, opens at schema 11 with every byte of
// its buckets as it was, and checks clean: the events that entry last
// wrote are counted as not covered, and one changed in place is not
// taken for an alteration, which that entry cannot show.
func testMigrationAllowsWritten(t *testing.T) {
	path := storeFile(t)
	asSchema(t, path, 10, withoutFingerprints)
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	want := dumpOf(t, ro)
	// Read as it is, its check finds nothing: its layout is whole.
	if r, err := ro.Check(); err != nil || !r.OK() {
		t.Errorf("the check of the store of schema 10 read as it is: %+v, %v", r.Mismatches, err)
	}
	ro.Close()
	s := openAt(t, path, Options{})
	got := dumpOf(t, s)
	delete(got, "meta")
	delete(want, "meta")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade:\n%q\nwant\n%q", got, want)
	}
	n, _ := s.Count(model.Query{})
	r, err := s.Check()
	if err != nil || !r.OK() || r.NotCovered != n {
		t.Errorf("the check after the upgrade: %+v, %v; want no mismatch and all %d events not covered", r, err, n)
	}
	s = damageRaw(t, s, func(b buckets) error {
		order := b.ids.Get([]byte("lieu-interview"))
		return b.events.Put(order, bytes.Replace(bytes.Clone(b.events.Get(order)), []byte("interview"), []byte("interviex"), 1))
	})
	if r, err := s.Check(); err != nil || !r.OK() || r.NotCovered != n {
		t.Errorf("an event the old entry wrote, changed: %+v, %v; want it not covered, not altered", r, err)
	}
}

// withoutFingerprints writes the journal again as a chrono of schema 10
// wrote it: an import's events by id alone, no fingerprint of what it
// stored; each entry hashed and linked anew.
func withoutFingerprints(tx *bbolt.Tx) error {
	journal := tx.Bucket(bucketJournal.name)
	var entries []model.Entry
	err := journal.ForEach(func(k, v []byte) error {
		e, err := decodeEntry(beUint64(k), v)
		entries = append(entries, e)
		return err
	})
	if err != nil {
		return err
	}
	prev := journalform.ZeroHash
	for _, e := range entries {
		for i := range e.Events {
			e.Events[i].Written = ""
		}
		body, err := journalform.Records(&e)
		if err != nil {
			return err
		}
		v, err := chainedValue(e.Seq, model.FormRecords, prev, body)
		if err != nil {
			return err
		}
		if err := journal.Put(seqKey(e.Seq), v); err != nil {
			return err
		}
		prev = bytes.Clone(entryHash(v))
	}
	return nil
}
