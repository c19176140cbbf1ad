package pg

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// The journal is a hash chain, as the bbolt store's is (store/bolt
// chain.go): each row of the journal table holds, beside its number and
// its body (the entry as JSON), prev, the hash of the entry before it
// (32 zero bytes for the first), and hash, the SHA-256 of
//
//	[seq, 8 bytes big-endian] [prev] [body]
//
// that is, of the row's number and everything stored of the entry but
// its own hash, so that an entry altered, or moved under another number,
// no longer matches, and prev ties each entry to all before it. (The at
// column is a copy of the time the body holds, for the database's own
// use; the body's is the one chrono reads.) Anyone with SQL can check it:
// in seq order, sha256(int8send(seq) || prev || body) = hash and prev =
// the previous row's hash.

// hashSize is the size of a SHA-256.
const hashSize = sha256.Size

// zeroHash is the link of an investigation's first entry.
var zeroHash = make([]byte, hashSize)

// contentHash is the hash the entry stored under seq, linked to prev,
// with body should hold.
func contentHash(seq uint64, prev, body []byte) []byte {
	h := sha256.New()
	h.Write(binary.BigEndian.AppendUint64(nil, seq))
	h.Write(prev)
	h.Write(body)
	return h.Sum(nil)
}

// chainHead returns the number and the hash of the investigation's
// newest entry, which the next links to: 0 and zeroHash when there is
// none. The caller holds the investigation's row lock.
func chainHead(tx pgx.Tx, inv int64) (uint64, []byte, error) {
	var seq int64
	var hash []byte
	err := tx.QueryRow(ctx, `SELECT seq, hash FROM journal WHERE inv = $1 ORDER BY seq DESC LIMIT 1`, inv).Scan(&seq, &hash)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, zeroHash, nil
	}
	if err != nil {
		return 0, nil, err
	}
	if len(hash) != hashSize {
		return 0, nil, fmt.Errorf("journal entry #%d holds no hash: the next entry cannot be linked to it: %w", seq, model.ErrDamaged)
	}
	return uint64(seq), hash, nil
}

// VerifyJournal implements model.JournalVerifier: it reads the
// investigation's entries in order, a page at a time, in one read-only
// transaction, and decodes none of them.
func (s *Store) VerifyJournal() (model.ChainReport, error) {
	var r model.ChainReport
	err := s.read(func(db querier) error {
		r = model.ChainReport{}
		w := chainWalk{prev: zeroHash}
		after := int64(0)
		for {
			rows, err := db.Query(ctx, `SELECT seq, hash, prev, body FROM journal WHERE inv = $1 AND seq > $2 ORDER BY seq LIMIT $3`, s.inv, after, batch)
			if err != nil {
				return err
			}
			n := 0
			for rows.Next() {
				var seq int64
				var hash, prev, body []byte
				if err := rows.Scan(&seq, &hash, &prev, &body); err != nil {
					rows.Close()
					return err
				}
				n++
				after = seq
				if !w.next(&r, uint64(seq), hash, prev, body) {
					rows.Close()
					return nil
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if n < batch {
				return nil
			}
		}
	})
	return r, err
}

var _ model.JournalVerifier = (*Store)(nil)

// chainWalk checks entries one after another from the first.
type chainWalk struct {
	prev []byte
}

// next checks the entry that follows the report's head, and extends the
// report with it, or records where the chain breaks and returns false.
func (w *chainWalk) next(r *model.ChainReport, seq uint64, hash, prev, body []byte) bool {
	broken := func(seq uint64, fault model.ChainFault, format string, args ...any) bool {
		r.Break = &model.ChainBreak{Seq: seq, Fault: fault, What: fmt.Sprintf(format, args...)}
		return false
	}
	want := r.Head.Seq + 1
	switch {
	case seq != want:
		return broken(want, model.ChainMissing, "entry #%d is missing: the journal goes from #%d to #%d", want, r.Head.Seq, seq)
	case len(hash) != hashSize || len(prev) != hashSize:
		return broken(seq, model.ChainUnreadable, "entry #%d holds no hash or no link of 32 bytes", seq)
	}
	if got := contentHash(seq, prev, body); !bytes.Equal(got, hash) {
		return broken(seq, model.ChainContent, "entry #%d's content does not match its hash: it holds %x, its bytes hash to %x; it was altered, or moved from another number, after it was written",
			seq, hash, got)
	}
	if !bytes.Equal(prev, w.prev) {
		if seq == 1 {
			return broken(seq, model.ChainLink, "entry #1's link names %x, where the first entry's is all zeros; entries before it were removed, or it was put in their place", prev)
		}
		return broken(seq, model.ChainLink, "entry #%d's link does not match the entry before it: it names %x, entry #%d's hash is %x; an entry before it was altered, removed or replaced",
			seq, prev, r.Head.Seq, w.prev)
	}
	w.prev = hash
	r.Entries++
	r.Head = model.ChainHead{Seq: seq, Hash: hex.EncodeToString(hash)}
	return true
}

// chainJournal (the schema's second step) makes every investigation's
// journal a hash chain: the entries, in the order of their numbers,
// gain their links and hashes, their bodies unchanged. It reads and
// writes a page of entries at a time, so a long journal is never held
// whole.
func chainJournal(tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `ALTER TABLE journal ADD COLUMN hash bytea, ADD COLUMN prev bytea`); err != nil {
		return err
	}
	var inv, seq int64
	var prev []byte
	for {
		rows, err := tx.Query(ctx, `SELECT inv, seq, body FROM journal WHERE (inv, seq) > ($1, $2) ORDER BY inv, seq LIMIT $3`, inv, seq, batch)
		if err != nil {
			return err
		}
		var invs, seqs []int64
		var hashes, prevs [][]byte
		for rows.Next() {
			var i, n int64
			var body []byte
			if err := rows.Scan(&i, &n, &body); err != nil {
				rows.Close()
				return err
			}
			if i != inv || prev == nil {
				prev = zeroHash
			}
			h := contentHash(uint64(n), prev, body)
			invs, seqs, hashes, prevs = append(invs, i), append(seqs, n), append(hashes, h), append(prevs, prev)
			inv, seq, prev = i, n, h
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(seqs) > 0 {
			if _, err := tx.Exec(ctx, `UPDATE journal j SET hash = x.h, prev = x.p
				FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], $4::bytea[]) AS x(i, n, h, p)
				WHERE j.inv = x.i AND j.seq = x.n`, invs, seqs, hashes, prevs); err != nil {
				return err
			}
		}
		if len(seqs) < batch {
			break
		}
	}
	_, err := tx.Exec(ctx, `ALTER TABLE journal ALTER COLUMN hash SET NOT NULL, ALTER COLUMN prev SET NOT NULL`)
	return err
}
