package pg

import (
	"errors"
	"fmt"
	"iter"

	"chrono/model"
	"chrono/model/journalform"

	"github.com/jackc/pgx/v5"
)

// The journal is a hash chain (model/journalform), as the bbolt store's
// is: each row of the journal table holds, beside its number, its form
// and its body (the entry in that form), prev, the hash of the entry
// before it (32 zero bytes for the first), and hash, journalform.Hash of
// the number, the form, prev and the body, so that an entry altered, or
// moved under another number, no longer matches, and prev ties each
// entry to all before it. This store writes its entries in FormJSON; an
// entry restored from a bbolt store keeps its FormRecords, and its hash.
// (The at column is a copy of the time the body holds, for the
// database's own use; the body's is the one chrono reads.) Anyone with
// SQL can check an entry this store wrote: in seq order,
// sha256(int8send(seq) || prev || body) = hash and prev = the previous
// row's hash; one in FormRecords (form 2) hashes as
// sha256(int8send(seq) || '\x02' || prev || body).

// hashSize is the size of a SHA-256.
const hashSize = journalform.HashSize

// zeroHash is the link of an investigation's first entry.
var zeroHash = journalform.ZeroHash

// jsonHash is the hash of the entry stored under seq in FormJSON with
// body, linked to prev.
func jsonHash(seq uint64, prev, body []byte) []byte {
	h, _ := journalform.Hash(seq, model.FormJSON, prev, body) // a form it knows: no error
	return h
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
// investigation's entries in order, in one read-only transaction, and
// decodes none of them. The server hashes each entry's content as the
// chain does (summedSQL) and sends the hash, not the body: after every
// write a command walks the chain, and each re-import's entry is some
// 100 MB (35 stored), which took a second each to send and hash here. The
// server hashes what it stores, which is what reading the body would
// have checked. A server before PostgreSQL 11 (no sha256), an entry
// of a form this chrono does not know, or one too large for the server
// to join to its number and link, is read whole and hashed here.
func (s *Store) VerifyJournal() (model.ChainReport, error) {
	if !s.sums {
		return s.verifyWhole()
	}
	var w journalform.Walk
	err := s.read(func(db querier) error {
		for after := int64(0); ; {
			rows, err := db.Query(ctx, summedSQL, s.inv, after, batch)
			if err != nil {
				return err
			}
			type summed struct {
				se  model.StoredEntry
				sum []byte
			}
			var page []summed
			for rows.Next() {
				var x summed
				var seq int64
				var form int16
				if err := rows.Scan(&seq, &form, &x.se.Hash, &x.se.Prev, &x.sum, &x.se.Body); err != nil {
					rows.Close()
					return err
				}
				x.se.Seq, x.se.Form, after = uint64(seq), model.ChainForm(form), seq
				page = append(page, x)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, x := range page {
				ok := false
				if x.sum != nil {
					ok = w.NextSummed(x.se, x.sum)
				} else {
					ok = w.Next(x.se)
				}
				if !ok {
					return nil
				}
			}
			if len(page) < batch {
				return nil
			}
		}
	})
	return w.Report(), err
}

// summedSQL reads a page of the investigation's entries after a number
// ($2), at most $3: each one's number, form, hash and link, and the hash
// of its content as journalform.Hash makes it, or, when the server does
// not hash it (a form this chrono does not know, or a body within a
// kilobyte of the largest value the server holds), its body.
const summedSQL = `SELECT seq, form, hash, prev, sum, CASE WHEN sum IS NULL THEN body END
	FROM (SELECT seq, form, hash, prev, body,
		CASE WHEN form IN (2, 3) AND octet_length(body) < 1073740800 THEN
			pg_catalog.sha256(pg_catalog.int8send(seq) || CASE WHEN form = 2 THEN '\x02'::bytea ELSE ''::bytea END || prev || body) END AS sum
		FROM journal WHERE inv = $1 AND seq > $2 ORDER BY seq LIMIT $3) AS j`

// VerifyJournalHere implements model.JournalHasher: VerifyJournal
// reading every entry whole, and hashing it here.
func (s *Store) VerifyJournalHere() (model.ChainReport, error) { return s.verifyWhole() }

// verifyWhole is VerifyJournal reading every entry whole, and hashing
// it here.
func (s *Store) verifyWhole() (model.ChainReport, error) {
	var w journalform.Walk
	for se, err := range s.StoredEntries() {
		if err != nil {
			return w.Report(), err
		}
		if !w.Next(se) {
			break
		}
	}
	return w.Report(), nil
}

var _ model.JournalVerifier = (*Store)(nil)

// stored reads the investigation's entries as stored, in order, a page
// at a time.
func (s *Store) stored(db querier) iter.Seq2[model.StoredEntry, error] {
	return func(yield func(model.StoredEntry, error) bool) {
		for r, err := range pages(db, `SELECT seq, '', body, hash, prev, form FROM journal WHERE inv = $1 AND seq > $2 ORDER BY seq LIMIT $3`, s.inv, int64(0)) {
			var se model.StoredEntry
			if err == nil {
				se = model.StoredEntry{Seq: uint64(r.key.(int64)), Form: r.form, Body: r.body, Hash: r.hash, Prev: r.prev}
			}
			if !yield(se, err) || err != nil {
				return
			}
		}
	}
}

// StoredEntries implements model.StoredJournal, reading the journal in
// one read-only transaction.
func (s *Store) StoredEntries() iter.Seq2[model.StoredEntry, error] {
	return func(yield func(model.StoredEntry, error) bool) {
		stopped := false
		err := s.read(func(db querier) error {
			for se, err := range s.stored(db) {
				if err != nil {
					return err
				}
				if !yield(se, nil) {
					stopped = true
					return nil
				}
			}
			return nil
		})
		if err != nil && !stopped {
			yield(model.StoredEntry{}, err)
		}
	}
}

var _ model.StoredJournal = (*Store)(nil)

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
			h := jsonHash(uint64(n), prev, body)
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
