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
type entryChanges struct {
	n       int
	encoded []byte              // the changes, comma separated
	head    []model.EventChange // the first headEvents, decoded
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
	e.Hash, e.Prev = "", ""
	e.Events = []model.EventChange{{ID: "\x00"}}
	marked, err := json.Marshal(&e)
	if err != nil {
		return nil, fmt.Errorf("journal entry #%d: %w", e.Seq, err)
	}
	i := bytes.Index(marked, spliceMark)
	if i < 0 {
		return nil, fmt.Errorf("journal entry #%d: internal error: its events cannot be placed in its encoding", e.Seq)
	}
	body := make([]byte, 0, len(marked)+len(ec.encoded))
	body = append(body, marked[:i]...)
	body = append(body, `"events":[`...)
	body = append(body, ec.encoded...)
	body = append(body, ']')
	return append(body, marked[i+len(spliceMark):]...), nil
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
	body, err := ec.body(*e)
	if err != nil {
		return err
	}
	head, err := headWith(*e, ec.head, ec.n)
	if err != nil {
		return err
	}
	se := model.StoredEntry{Seq: e.Seq, Form: model.FormJSON, Body: body, Hash: jsonHash(e.Seq, prev, body), Prev: prev}
	if err := insertStoredHead(tx, s.inv, se, e.At, head); err != nil {
		return err
	}
	e.Hash, e.Prev = hex.EncodeToString(se.Hash), hex.EncodeToString(prev)
	return notify(tx, s.inv, e.Seq)
}
