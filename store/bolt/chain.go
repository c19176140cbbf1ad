package bolt

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"chrono/model"

	bbolt "go.etcd.io/bbolt"
)

// The journal is a hash chain. Each stored entry (journal.go) begins
//
//	[format 1 byte] [hash 32 bytes] [prev 32 bytes] [the rest]
//
// where prev is the hash of the entry before it (32 zero bytes for the
// first) and hash is the SHA-256 of
//
//	[the entry's key: seq, 8 bytes big-endian] [format] [prev] [the rest]
//
// that is, of the key and the stored value with its own hash left out.
// The hash covers every byte stored of the entry, whatever fields model
// gives it, and the key, so that an entry moved under another number no
// longer matches; prev ties each entry to all the entries before it.
// Anyone can check it from the file alone: for each key k and value v
// of the journal bucket in key order, sha256(k + v[:1] + v[33:]) ==
// v[1:33] and v[33:65] == the previous v[1:33].

// hashSize is the size of a SHA-256.
const hashSize = sha256.Size

// chainFields is the size of an entry's format byte, hash and prev.
const chainFields = 1 + 2*hashSize

// entryHash and entryPrev are the hash and the link a stored entry holds.
func entryHash(v []byte) []byte { return v[1 : 1+hashSize] }
func entryPrev(v []byte) []byte { return v[1+hashSize : chainFields] }

// contentHash is the hash an entry stored under seq should hold.
func contentHash(seq uint64, v []byte) []byte {
	h := sha256.New()
	h.Write(seqKey(seq))
	h.Write(v[:1])
	h.Write(v[1+hashSize:])
	return h.Sum(nil)
}

// seal writes an entry's hash into its stored form.
func seal(seq uint64, v []byte) { copy(v[1:1+hashSize], contentHash(seq, v)) }

// chainHead returns the hash of the newest entry of journal, which the
// next entry links to: 32 zero bytes when there is none.
func chainHead(journal *bbolt.Bucket) ([]byte, error) {
	k, v := journal.Cursor().Last()
	if k == nil {
		return make([]byte, hashSize), nil
	}
	if len(v) < chainFields || v[0] != entryFormat {
		return nil, corruptf("journal entry #%d: unknown format; the next entry cannot be linked to it", beUint64(k))
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
// first that does not hold to the ones before it.
func verifyChain(journal *bbolt.Bucket) model.ChainReport {
	var r model.ChainReport
	prev := make([]byte, hashSize)
	broken := func(seq uint64, fault model.ChainFault, format string, args ...any) model.ChainReport {
		r.Break = &model.ChainBreak{Seq: seq, Fault: fault, What: fmt.Sprintf(format, args...)}
		return r
	}
	c := journal.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		want := r.Head.Seq + 1
		if len(k) != 8 {
			return broken(want, model.ChainUnreadable, "a key of %d bytes after entry #%d, not a sequence number", len(k), r.Head.Seq)
		}
		seq := beUint64(k)
		if seq != want {
			return broken(want, model.ChainMissing, "entry #%d is missing: the journal goes from #%d to #%d", want, r.Head.Seq, seq)
		}
		if len(v) < chainFields || v[0] != entryFormat {
			return broken(seq, model.ChainUnreadable, "entry #%d is not a chained entry (unknown format)", seq)
		}
		if got := contentHash(seq, v); !bytes.Equal(got, entryHash(v)) {
			return broken(seq, model.ChainContent, "entry #%d's content does not match its hash: it holds %x, its bytes hash to %x; it was altered, or moved from another number, after it was written",
				seq, entryHash(v), got)
		}
		if !bytes.Equal(entryPrev(v), prev) && seq == 1 {
			return broken(seq, model.ChainLink, "entry #1's link names %x, where the first entry's is all zeros; entries before it were removed, or it was put in their place", entryPrev(v))
		}
		if !bytes.Equal(entryPrev(v), prev) {
			return broken(seq, model.ChainLink, "entry #%d's link does not match the entry before it: it names %x, entry #%d's hash is %x; an entry before it was altered, removed or replaced",
				seq, entryPrev(v), r.Head.Seq, prev)
		}
		prev = entryHash(v)
		r.Entries++
		r.Head = model.ChainHead{Seq: seq, Hash: hex.EncodeToString(prev)}
	}
	return r
}
