package bolt

import (
	"bytes"

	"chrono/model"
	"chrono/model/journalform"
	"chrono/model/stored"

	bbolt "go.etcd.io/bbolt"
)

// The journal is a hash chain (model/journalform). Each stored entry
// (journal.go) is
//
//	[form 1 byte] [hash 32 bytes] [prev 32 bytes] [body]
//
// where prev is the hash of the entry before it (32 zero bytes for the
// first), and hash is journalform.Hash of the entry's key (its number),
// form, prev and body. Entries this store writes are in FormRecords,
// whose hash covers every byte of the value but the hash itself, and the
// key, so that an entry moved under another number no longer matches;
// prev ties each entry to all the entries before it. Anyone can check it
// from the file alone: for each key k and value v of the journal bucket
// in key order, sha256(k + v[:1] + v[33:]) == v[1:33] and v[33:65] ==
// the previous v[1:33]. An entry restored from a store that writes
// another form keeps that form, and the hash it had there.

// hashSize is the size of a SHA-256.
const hashSize = journalform.HashSize

// chainFields is the size of an entry's form byte, hash and prev.
const chainFields = 1 + 2*hashSize

// entryHash and entryPrev are the hash and the link a stored entry holds.
func entryHash(v []byte) []byte { return v[1 : 1+hashSize] }
func entryPrev(v []byte) []byte { return v[1+hashSize : chainFields] }

// chained reports whether v is long enough to be a chained entry, and in
// a form this chrono reads.
func chained(v []byte) bool {
	return len(v) >= chainFields && (v[0] == byte(model.FormRecords) || v[0] == byte(model.FormJSON))
}

// storedEntry is the stored value v of the entry under seq, its parts
// named; v must be chained.
func storedEntry(seq uint64, v []byte) model.StoredEntry {
	return model.StoredEntry{Seq: seq, Form: model.ChainForm(v[0]), Hash: entryHash(v), Prev: entryPrev(v), Body: v[chainFields:]}
}

// storedValue is the value an entry is stored as: storedEntry's inverse.
func storedValue(se model.StoredEntry) []byte {
	v := make([]byte, chainFields, chainFields+len(se.Body))
	putChainFields(v, se.Form, se.Hash, se.Prev)
	return append(v, se.Body...)
}

// putChainFields writes an entry's form, hash and link to the entry
// before it at the start of v, which has room for them (chainFields
// bytes): where entryHash and entryPrev read them.
func putChainFields(v []byte, form model.ChainForm, hash, prev []byte) {
	v[0] = byte(form)
	copy(entryHash(v), hash)
	copy(entryPrev(v), prev)
}

// chainedValue is the stored value of an entry in form with body,
// linked to prev, with its hash.
func chainedValue(seq uint64, form model.ChainForm, prev, body []byte) ([]byte, error) {
	hash, err := journalform.Hash(seq, form, prev, body)
	if err != nil {
		return nil, err
	}
	return storedValue(model.StoredEntry{Seq: seq, Form: form, Body: body, Hash: hash, Prev: prev}), nil
}

// chainHead returns the hash of the newest entry of journal, which the
// next entry links to: 32 zero bytes when there is none.
func chainHead(journal *bbolt.Bucket) ([]byte, error) {
	k, v := journal.Cursor().Last()
	if k == nil {
		return make([]byte, hashSize), nil
	}
	if !chained(v) {
		return nil, stored.Unreadablef("journal entry #%d: unknown format; the next entry cannot be linked to it", beUint64(k))
	}
	return bytes.Clone(entryHash(v)), nil
}

// VerifyJournal implements model.JournalVerifier: it reads each entry's
// stored bytes once, in order, and decodes none of them.
func (s *Store) VerifyJournal() (model.ChainReport, error) {
	var r model.ChainReport
	err := s.view(func(b buckets) error {
		r = verifyChain(b.journal)
		return nil
	})
	return r, err
}

// VerifyJournal is Store.VerifyJournal.
func (s *Shared) VerifyJournal() (model.ChainReport, error) {
	return read(s, (*Store).VerifyJournal)
}

var (
	_ model.JournalVerifier = (*Store)(nil)
	_ model.JournalVerifier = (*Shared)(nil)
)

// verifyChain walks the journal from its first entry and stops at the
// first that does not hold to the ones before it. It lets go of the
// pages it has hashed (release) each releaseValueEvery bytes, within an
// entry as large: the undo of an import records a version of each of
// its events, and its redo as many, 126 MB of entries at 200,000 events,
// which stayed mapped in, counted in the process's resident memory.
func verifyChain(journal *bbolt.Bucket) model.ChainReport {
	var w journalform.Walk
	tx := journal.Tx()
	read := 0
	letGo := func() {
		release(tx)
		read = 0
	}
	c := journal.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		switch {
		case len(k) != 8:
			w.Broken(w.Seq()+1, model.ChainUnreadable, "a key of %d bytes after entry #%d, not a sequence number", len(k), w.Seq())
		case !chained(v) && beUint64(k) == w.Seq()+1:
			w.Broken(beUint64(k), model.ChainUnreadable, "entry #%d is not a chained entry (unknown format)", beUint64(k))
		case !chained(v):
			w.Next(model.StoredEntry{Seq: beUint64(k)}) // missing numbers before it
		case len(v) > releaseValueEvery:
			w.NextLettingGo(storedEntry(beUint64(k), v), releaseValueEvery, letGo)
		default:
			w.Next(storedEntry(beUint64(k), v))
			if read += len(v); read > releaseValueEvery {
				letGo()
			}
		}
		if !w.OK() {
			break
		}
	}
	return w.Report()
}
