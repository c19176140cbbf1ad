package bolt

import (
	"reflect"
	"testing"

	"chrono/model"

	"go.etcd.io/bbolt"
)

// The journal's decoded heads are kept by hash: reading an entry again
// gives what decoding it gives, and two stores whose entries share a
// sequence number never see each other's.
func TestHeadsKeptByContent(t *testing.T) {
	a, b := newStore(t), newEmptyStore(t)
	if _, err := b.Write(model.OpTag, "someone else", func(tx model.Tx) error {
		return tx.PutSource(model.Source{ID: "other", Title: "Another store's source"})
	}); err != nil {
		t.Fatal(err)
	}
	clear(heads.byHash)
	first := journalOf(t, a)
	again := journalOf(t, a)
	if !reflect.DeepEqual(first, again) {
		t.Errorf("read again from the kept heads:\n%+v\nfirst read:\n%+v", again, first)
	}
	other := journalOf(t, b)
	if other[0].Seq != first[len(first)-1].Seq {
		t.Fatalf("the stores' first entries are #%d and #%d; the test needs one number", other[0].Seq, first[len(first)-1].Seq)
	}
	if other[0].Phrase != "someone else" || other[0].Hash == first[len(first)-1].Hash {
		t.Errorf("the other store's entry #%d reads %+v", other[0].Seq, other[0])
	}
	// An event's history, which reads the head and one event of an entry.
	id := first[len(first)-1].Events[0].ID
	h, err := a.Journal(model.JournalQuery{Event: id})
	if err != nil || len(h) == 0 || h[len(h)-1].Events[0].ID != id {
		t.Fatalf("history of %s: %+v, %v", id, h, err)
	}
}

func journalOf(t *testing.T, s *Store) []model.Entry {
	t.Helper()
	es, err := s.Journal(model.JournalQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// An entry altered in the file, its claimed hash left as it was, reads
// as it now is, not as this process first decoded it: the browser shows
// what the journal holds beside the chain's break, not the original.
func TestHeadsKeptNotForAlteredEntries(t *testing.T) {
	path, _ := chainedFile(t)
	read := func() model.Entry {
		t.Helper()
		s, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		for _, e := range journalOf(t, s) {
			if e.Seq == 3 {
				return e
			}
		}
		t.Fatal("no entry #3")
		return model.Entry{}
	}
	before := read()
	alterJournal(t, path, func(journal *bbolt.Bucket) error {
		replaceInHead(t, journal, 3, `"retagged"`, `"retaggeD"`)
		return nil
	})
	after := read()
	if reflect.DeepEqual(before, after) {
		t.Errorf("entry #3 reads as before it was altered: %+v", after)
	}
}
