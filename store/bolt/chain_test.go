package bolt

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
	"testing"

	"chrono/model"
	"chrono/store/storetest"

	bbolt "go.etcd.io/bbolt"
)

// chainedFile makes a closed store whose journal has five entries, and
// returns its path and the chain's head as a reporter would have noted it.
func chainedFile(t *testing.T) (string, model.ChainHead) {
	t.Helper()
	path := storeFile(t)
	s := openAt(t, path, Options{})
	for _, tag := range []string{"one", "two", "three", "four"} {
		if _, err := storetest.Retag(s, []string{"fbi-tip"}, []string{tag}, nil); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.VerifyJournal()
	if err != nil || !r.OK() || r.Entries != 5 || r.Head.Seq != 5 {
		t.Fatalf("VerifyJournal = %+v, %v; want 5 entries, unbroken", r, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, r.Head
}

// alterJournal changes the journal bucket of the file directly, as
// someone with the file and a bbolt library could.
func alterJournal(t *testing.T, path string, fn func(journal *bbolt.Bucket) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bbolt.Tx) error { return fn(tx.Bucket(bucketJournal.name)) }); err != nil {
		t.Fatal(err)
	}
}

// verifyFile opens the store read-only and walks its chain.
func verifyFile(t *testing.T, path string) model.ChainReport {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.VerifyJournal()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// rechain recomputes every entry's link and hash, as someone who rewrites
// the journal would: the chain holds again, with another head.
func rechain(journal *bbolt.Bucket) error {
	prev := make([]byte, sha256.Size)
	type kv struct{ k, v []byte }
	var all []kv
	journal.ForEach(func(k, v []byte) error {
		all = append(all, kv{bytes.Clone(k), bytes.Clone(v)})
		return nil
	})
	for _, e := range all {
		copy(e.v[33:65], prev)
		h := sha256.New()
		h.Write(e.k)
		h.Write(e.v[:1])
		h.Write(e.v[33:])
		copy(e.v[1:33], h.Sum(nil))
		if err := journal.Put(e.k, e.v); err != nil {
			return err
		}
		prev = e.v[1:33]
	}
	return nil
}

// replaceInHead replaces old with new in the JSON of an entry's head,
// keeping its length prefix right.
func replaceInHead(t *testing.T, journal *bbolt.Bucket, seq uint64, old, new string) {
	t.Helper()
	v := journal.Get(seqKey(seq))
	rest := v[chainFields+1:]
	n, k := binary.Uvarint(rest)
	rest = rest[k:]
	size, k := binary.Uvarint(rest)
	rest = rest[k:]
	head := string(rest[:size])
	if !strings.Contains(head, old) {
		t.Fatalf("entry #%d's head has no %q: %s", seq, old, head)
	}
	head = strings.Replace(head, old, new, 1)
	w := append(bytes.Clone(v[:chainFields+1]), binary.AppendUvarint(nil, n)...)
	w = binary.AppendUvarint(w, uint64(len(head)))
	w = append(w, head...)
	w = append(w, rest[size:]...)
	if err := journal.Put(seqKey(seq), w); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyJournalHoldsOnACleanStore(t *testing.T) {
	path, head := chainedFile(t)
	r := verifyFile(t, path)
	if !r.OK() || r.Entries != 5 || r.Head != head {
		t.Fatalf("VerifyJournal = %+v; want 5 entries, head %v", r, head)
	}
	s := openAt(t, path, Options{ReadOnly: true})
	last, err := s.Journal(model.JournalQuery{Limit: 1})
	if err != nil || len(last) != 1 || last[0].Hash != head.Hash {
		t.Fatalf("newest entry = %+v, %v; want its hash the head's, %s", last, err, head.Hash)
	}
	// The hash is what the chain's definition says: anyone can check it.
	s.Close()
	alterJournal(t, path, func(journal *bbolt.Bucket) error {
		v := journal.Get(seqKey(5))
		sum := sha256.Sum256(append(append(seqKey(5), v[:1]...), v[33:]...))
		if hex.EncodeToString(sum[:]) != head.Hash || !bytes.Equal(v[1:33], sum[:]) {
			t.Errorf("entry #5: sha256(key, format, prev, rest) = %x; head %s, stored %x", sum, head.Hash, v[1:33])
		}
		return nil
	})
}

// tamperings are ways of altering the journal of chainedFile's store in
// the file, each with the break it makes.
var tamperings = []struct {
	name  string
	alter func(t *testing.T, journal *bbolt.Bucket) error
	seq   uint64
	fault model.ChainFault
	what  string
}{{
	name: "a byte of an entry altered",
	alter: func(t *testing.T, journal *bbolt.Bucket) error {
		replaceInHead(t, journal, 3, `"retagged"`, `"Retagged"`)
		return nil
	},
	seq: 3, fault: model.ChainContent, what: "entry #3's content does not match its hash",
}, {
	name: "an entry's hash altered",
	alter: func(t *testing.T, journal *bbolt.Bucket) error {
		v := bytes.Clone(journal.Get(seqKey(2)))
		v[5] ^= 1
		return journal.Put(seqKey(2), v)
	},
	seq: 2, fault: model.ChainContent, what: "entry #2's content does not match its hash",
}, {
	name: "an entry altered and its hash recomputed",
	alter: func(t *testing.T, journal *bbolt.Bucket) error {
		replaceInHead(t, journal, 3, `"retagged"`, `"Retagged"`)
		v := journal.Get(seqKey(3))
		v, err := chainedValue(3, model.FormRecords, entryPrev(v), v[chainFields:])
		if err != nil {
			return err
		}
		return journal.Put(seqKey(3), v)
	},
	seq: 4, fault: model.ChainLink, what: "entry #4's link does not match the entry before it",
}, {
	name: "two entries swapped",
	alter: func(t *testing.T, journal *bbolt.Bucket) error {
		a, b := bytes.Clone(journal.Get(seqKey(2))), bytes.Clone(journal.Get(seqKey(3)))
		if err := journal.Put(seqKey(2), b); err != nil {
			return err
		}
		return journal.Put(seqKey(3), a)
	},
	seq: 2, fault: model.ChainContent, what: "moved from another number",
}, {
	name:  "an entry deleted",
	alter: func(t *testing.T, journal *bbolt.Bucket) error { return journal.Delete(seqKey(3)) },
	seq:   3, fault: model.ChainMissing, what: "entry #3 is missing: the journal goes from #2 to #4",
}, {
	name: "entries renumbered after one deleted",
	alter: func(t *testing.T, journal *bbolt.Bucket) error {
		for seq := uint64(3); seq < 5; seq++ {
			if err := journal.Put(seqKey(seq), bytes.Clone(journal.Get(seqKey(seq+1)))); err != nil {
				return err
			}
		}
		return journal.Delete(seqKey(5))
	},
	seq: 3, fault: model.ChainContent, what: "entry #3's content does not match its hash",
}, {
	name:  "the first entry deleted",
	alter: func(t *testing.T, journal *bbolt.Bucket) error { return journal.Delete(seqKey(1)) },
	seq:   1, fault: model.ChainMissing, what: "entry #1 is missing: the journal starts at #2",
}, {
	name: "an entry of the old format put back",
	alter: func(t *testing.T, journal *bbolt.Bucket) error {
		v := journal.Get(seqKey(4))
		return journal.Put(seqKey(4), append([]byte{unchainedFormat}, v[chainFields:]...))
	},
	seq: 4, fault: model.ChainUnreadable, what: "entry #4 is not a chained entry",
}}

func TestVerifyJournalFindsTampering(t *testing.T) {
	for _, tc := range tamperings {
		t.Run(tc.name, func(t *testing.T) {
			path, _ := chainedFile(t)
			alterJournal(t, path, func(journal *bbolt.Bucket) error { return tc.alter(t, journal) })
			r := verifyFile(t, path)
			if r.OK() {
				t.Fatalf("VerifyJournal = %+v; want a break at #%d", r, tc.seq)
			}
			if r.Break.Seq != tc.seq || r.Break.Fault != tc.fault || !strings.Contains(r.Break.What, tc.what) {
				t.Errorf("break = %+v; want #%d, %s, saying %q", *r.Break, tc.seq, tc.fault, tc.what)
			}
			if r.Entries != tc.seq-1 || r.Head.Seq != tc.seq-1 {
				t.Errorf("report = %d entries, head #%d; want the %d before the break", r.Entries, r.Head.Seq, tc.seq-1)
			}
		})
	}
}

// TestVerifyJournalCoversSnapshotReferences: whatever fields an entry
// holds are hashed, the snapshots it references by hash among them; a
// journal rewritten whole verifies, and only the head noted before tells.
func TestVerifyJournalCoversSnapshotReferences(t *testing.T) {
	path, noted := chainedFile(t)
	ref := `"snapshots":[{"source":"nso-press","n":1,"sha256":"` + strings.Repeat("ab", 32) + `"}],`
	alterJournal(t, path, func(journal *bbolt.Bucket) error {
		replaceInHead(t, journal, 4, `"phrase"`, ref+`"phrase"`)
		return rechain(journal)
	})
	r := verifyFile(t, path)
	if !r.OK() || r.Head.Seq != noted.Seq {
		t.Fatalf("a journal rewritten whole: %+v; want it to hold", r)
	}
	if r.Head.Hash == noted.Hash {
		t.Fatalf("a journal rewritten whole has the head noted before it, %s", noted.Hash)
	}
	alterJournal(t, path, func(journal *bbolt.Bucket) error {
		replaceInHead(t, journal, 4, `"sha256":"ab`, `"sha256":"ac`)
		return nil
	})
	r = verifyFile(t, path)
	if r.OK() || r.Break.Seq != 4 || r.Break.Fault != model.ChainContent {
		t.Fatalf("a snapshot's hash altered in entry #4: %+v; want entry #4's content to break", r)
	}
}
