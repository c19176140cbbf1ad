package pg

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// entryChanges is the events part of an import's journal entry, kept as
// the batches write it: each change in the encoding the entry gives it,
// and only the first headEvents decoded, for the entry's head. An
// import that updates every event holds each one's version before; held
// decoded until the commit, 100,000 of them were pointers that the
// collector went over on every cycle, half the client's CPU. Encoded,
// they are bytes it need not look into.
//
// Held in the client until the commit, the changes of a re-import that
// updates every event were its largest part, and were copied twice more
// as the entry was written (the body spliced, then sent): a re-import
// of 100,000 changed events peaked at 690 MiB. On a server that hashes
// (Store.sums), the changes are sent as the batches write them, into a
// table of the transaction's own (entryPartsSQL), and the server joins
// them into the entry's body and hashes it (insertJoinedSQL); the
// client holds a batch's at a time.
type entryChanges struct {
	n       int
	encoded []byte              // the changes not yet sent, comma separated
	head    []model.EventChange // the first headEvents, decoded
	// parts is how many parts of encoded have been sent to the server.
	parts int
}

// entryPartsSQL makes the table that holds an import's changes sent
// ahead of its entry, each part as the client encoded it. They are
// stored as they come, not compressed: the entry they are joined into
// is.
const entryPartsSQL = `CREATE TEMP TABLE chrono_entry (n int PRIMARY KEY, part bytea) ON COMMIT DROP;
	ALTER TABLE chrono_entry ALTER COLUMN part SET STORAGE EXTERNAL`

// entryPart is how many bytes of changes the client gathers before it
// sends them (send): a batch's changes, when they update events.
const entryPart = 1 << 20

// send sends the changes encoded so far to the server, once there are
// entryPart bytes of them, or at all when all is set.
func (ec *entryChanges) send(tx pgx.Tx, all bool) error {
	if len(ec.encoded) == 0 || !all && len(ec.encoded) < entryPart {
		return nil
	}
	if _, err := tx.Exec(ctx, `INSERT INTO chrono_entry (n, part) VALUES ($1, $2)`, ec.parts, ec.encoded); err != nil {
		return err
	}
	ec.parts++
	ec.encoded = ec.encoded[:0]
	return nil
}

// add appends c. The entry is encoded as insertEntry encodes one, by
// encoding/json: a change's encoding is the same alone as in the array.
func (ec *entryChanges) add(c *model.EventChange) error {
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("event %q: %w", c.ID, err)
	}
	if ec.n > 0 {
		ec.encoded = append(ec.encoded, ',')
	}
	ec.encoded = append(ec.encoded, b...)
	if len(ec.head) < headEvents {
		ec.head = append(ec.head, *c)
	}
	ec.n++
	return nil
}

// spliceMark is the change that stands for an import's changes in the
// encoding of its entry, replaced by them (body). Its id, a NUL, is
// encoded escaped, so the marked array cannot be found inside a string.
var spliceMark = []byte(`"events":[{"id":"\u0000"}]`)

// body is the encoding of e, an import's entry, with the changes as its
// events: e encoded as insertEntry encodes it whole, without holding
// every change decoded.
func (ec *entryChanges) body(e model.Entry) ([]byte, error) {
	before, after, err := around(e)
	if err != nil {
		return nil, err
	}
	body := make([]byte, 0, len(before)+len(ec.encoded)+len(after))
	body = append(body, before...)
	body = append(body, ec.encoded...)
	return append(body, after...), nil
}

// around is the encoding of e, an import's entry, before its changes
// and after them.
func around(e model.Entry) (before, after []byte, err error) {
	e.Hash, e.Prev = "", ""
	e.Events = []model.EventChange{{ID: "\x00"}}
	marked, err := json.Marshal(&e)
	if err != nil {
		return nil, nil, fmt.Errorf("journal entry #%d: %w", e.Seq, err)
	}
	i := bytes.Index(marked, spliceMark)
	if i < 0 {
		return nil, nil, fmt.Errorf("journal entry #%d: internal error: its events cannot be placed in its encoding", e.Seq)
	}
	before = append(marked[:i:i], `"events":[`...)
	after = append([]byte{']'}, marked[i+len(spliceMark):]...)
	return before, after, nil
}

// record records e, an import's entry, with the changes as its events,
// as recordEntry records an entry (an import's changes no links, and
// keeps its history rows itself).
func (ec *entryChanges) record(tx pgx.Tx, s *Store, e *model.Entry) error {
	if ec.n <= headEvents {
		e.Events = ec.head
		_, err := recordEntry(tx, s, e, false)
		return err
	}
	last, prev, err := chainHead(tx, s.inv)
	if err != nil {
		return err
	}
	e.Seq = last + 1
	head, err := headWith(*e, ec.head, ec.n)
	if err != nil {
		return err
	}
	var hash []byte
	if ec.parts > 0 {
		if hash, err = ec.insertJoined(tx, s.inv, *e, prev, head); err != nil {
			return err
		}
	} else {
		body, err := ec.body(*e)
		if err != nil {
			return err
		}
		se := model.StoredEntry{Seq: e.Seq, Form: model.FormJSON, Body: body, Hash: jsonHash(e.Seq, prev, body), Prev: prev}
		if err := insertStoredHead(tx, s.inv, se, e.At, head); err != nil {
			return err
		}
		hash = se.Hash
	}
	e.Hash, e.Prev = hex.EncodeToString(hash), hex.EncodeToString(prev)
	return notify(tx, s.inv, e.Seq)
}

// insertJoinedSQL stores an import's entry whose changes were sent
// ahead (entryChanges.send): the server joins its body, the encoding
// before the changes ($8), the parts in order and the encoding after
// ($9), and hashes it as the chain does (jsonHash).
const insertJoinedSQL = `INSERT INTO journal (inv, seq, at, form, body, hash, prev, head)
	SELECT $1::bigint, $2::bigint, $3::timestamptz, $4::smallint, b.body, sha256(int8send($2::bigint) || $5::bytea || b.body), $5::bytea, $6::bytea
	FROM (SELECT $7::bytea || string_agg(part, ''::bytea ORDER BY n) || $8::bytea AS body FROM chrono_entry) b
	RETURNING hash`

// insertJoined sends what is left of the changes, and stores e with
// them joined by the server (insertJoinedSQL); it returns the entry's
// hash.
func (ec *entryChanges) insertJoined(tx pgx.Tx, inv int64, e model.Entry, prev, head []byte) ([]byte, error) {
	if err := ec.send(tx, true); err != nil {
		return nil, err
	}
	before, after, err := around(e)
	if err != nil {
		return nil, err
	}
	var hash []byte
	if err := tx.QueryRow(ctx, insertJoinedSQL, inv, int64(e.Seq), e.At, int16(model.FormJSON), prev, head, before, after).Scan(&hash); err != nil {
		return nil, err
	}
	if len(hash) != hashSize {
		return nil, fmt.Errorf("journal entry #%d: the server hashed it to %d bytes, not %d", e.Seq, len(hash), hashSize)
	}
	return hash, nil
}
