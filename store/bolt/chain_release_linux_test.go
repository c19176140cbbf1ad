package bolt

import (
	"path/filepath"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// TestVerifyJournalLetsGoOfTheEntries: the walk of the journal's chain
// lets go of the pages of the entries it hashed, a large entry's as it
// hashes them: the undo of an import of a million events, and its redo,
// are entries of 315 MB each, and stayed mapped in after the walk,
// counted in the process's resident memory.
func TestVerifyJournalLetsGoOfTheEntries(t *testing.T) {
	const size = 48 << 20
	path := filepath.Join(t.TempDir(), "chrono.db")
	s := openAt(t, path, Options{})
	storetest.Seed(t, s)
	// Its body is bytes the chain hashes, not records that read: the
	// walk reads no entry's records.
	err := s.db.Update(func(tx *bbolt.Tx) error {
		journal := tx.Bucket(bucketJournal.name)
		prev, err := chainHead(journal)
		if err != nil {
			return err
		}
		body := make([]byte, size)
		var x uint32 = 1
		for i := range body {
			x = x*1664525 + 1013904223
			body[i] = byte(x >> 24)
		}
		seq := lastSeq(journal) + 1
		v, err := chainedValue(seq, model.FormRecords, prev, body)
		if err != nil {
			return err
		}
		return journal.Put(seqKey(seq), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.VerifyJournal()
	if err != nil || !before.OK() {
		t.Fatalf("the chain with the large entry: %+v, %v", before, err)
	}
	s.Close()
	s = openAt(t, path, Options{})
	r, err := s.VerifyJournal()
	if err != nil || r != before {
		t.Fatalf("the chain read again: %+v, %v; want %+v", r, err, before)
	}
	if in := mappedIn(t, s.db.Info().Data); in > size/4 {
		t.Errorf("after the walk, %d bytes of the store's file are mapped in, of an entry of %d", in, size)
	}
}
