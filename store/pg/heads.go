package pg

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"chrono/model"
)

// An import's journal entry names every event it touched: at 100,000
// events its body is megabytes of JSON, and reading an event's history,
// or the head of the journal, read and decoded it whole (35 to 121 ms
// for each event selected in the browser). The journal therefore keeps
// beside a body of many events its head (the entry with its first
// headEvents events, Touched saying how many it has), and the history
// table each event's own change: an event's history reads its change
// and the head, and a listing that shows a few events of each entry
// reads the heads. The body stays what the hash chain covers and what
// a whole read gives. Entries written before the schema's step 7 have
// neither, and are read whole as before.

// headEvents is how many events an entry's head keeps.
const headEvents = 8

// addHeads is the schema's step 7.
func addHeads(tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `ALTER TABLE journal ADD COLUMN head bytea;
ALTER TABLE history ADD COLUMN change bytea;`)
	return err
}

// addForms (the schema's eighth step) names each journal entry's form
// (model.ChainForm): every entry until then is in FormJSON, and keeps
// its bytes and its hash. An entry restored from a bbolt store is then
// kept in its own form, so with the hash it has there. FormJSON stays
// the default: a chrono of the step before, still running, writes its
// entries in it, naming no form.
func addForms(tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `ALTER TABLE journal ADD COLUMN form smallint NOT NULL DEFAULT 3 CHECK (form IN (2, 3))`)
	return err
}

// headCache keeps the heads the store has decoded, by sequence number
// and hash: every event an import added has the import's entry in its
// history, and each one the browser selects would decode the same head
// again (with the sources the import added, tens of kilobytes of JSON).
// Entries are never rewritten; the hash tells one that was, in an
// investigation made again, from the one kept.
type headCache struct {
	mu sync.Mutex
	m  map[headKey]model.Entry
}

type headKey struct {
	seq  int64
	hash string
}

// headsKept bounds the cache: the heads of the entries of the last few
// imports and bulk changes.
const headsKept = 32

// known returns the sequence numbers of the heads kept: a read asks
// the server for the heads of the others only, and the kept ones are
// not sent (a head is tens of kilobytes, compressed in the table).
func (c *headCache) known() []int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	seqs := make([]int64, 0, len(c.m))
	for k := range c.m {
		seqs = append(seqs, k.seq)
	}
	return seqs
}

// decode returns the entry of a head row, from the cache when it is
// there. A head not sent (nil, its number known) that the cache does not
// hold under the row's hash, an entry of another journal under the same
// number, is read with fetch. The entry's Events are its own; the rest
// is shared with the cache, which no caller changes.
func (c *headCache) decode(seq int64, head, hash, prev []byte, fetch func() ([]byte, error)) (model.Entry, error) {
	k := headKey{seq, string(hash)}
	c.mu.Lock()
	e, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		e.Events = slices.Clone(e.Events)
		return e, nil
	}
	if head == nil {
		var err error
		if head, err = fetch(); err != nil {
			return e, err
		}
	}
	e, err := decodeEntry(seq, model.FormJSON, head, hash, prev)
	if err != nil {
		return e, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= headsKept {
		c.m = make(map[headKey]model.Entry, headsKept)
	}
	c.m[k] = e
	c.mu.Unlock()
	e.Events = slices.Clone(e.Events)
	return e, nil
}

// headOf returns the head kept for an entry, nil when its body is small
// enough to read whole.
func headOf(e model.Entry) ([]byte, error) {
	if len(e.Events) <= headEvents {
		return nil, nil
	}
	return headWith(e, e.Events[:headEvents], len(e.Events))
}

// headWith is the head of e whose first events are first, of n in all.
func headWith(e model.Entry, first []model.EventChange, n int) ([]byte, error) {
	e.Events, e.Touched = first, n
	e.Hash, e.Prev = "", ""
	head, err := json.Marshal(&e)
	if err != nil {
		return nil, fmt.Errorf("journal entry #%d: %w", e.Seq, err)
	}
	return head, nil
}

// insertEntry stores e under its own number, in FormJSON, linked to
// prev, with its head, and returns its hash.
func insertEntry(tx pgx.Tx, inv int64, e model.Entry, prev []byte) ([]byte, error) {
	e.Hash, e.Prev = "", ""
	body, err := json.Marshal(&e)
	if err != nil {
		return nil, fmt.Errorf("journal entry #%d: %w", e.Seq, err)
	}
	se := model.StoredEntry{Seq: e.Seq, Form: model.FormJSON, Body: body, Hash: jsonHash(e.Seq, prev, body), Prev: prev}
	return se.Hash, insertStored(tx, inv, se, e)
}

// insertStored stores an entry as stored, with the head of e, its
// content decoded.
func insertStored(tx pgx.Tx, inv int64, se model.StoredEntry, e model.Entry) error {
	head, err := headOf(e)
	if err != nil {
		return err
	}
	return insertStoredHead(tx, inv, se, e.At, head)
}

// insertStoredHead stores an entry as stored, made at, with its head
// (nil for an entry small enough to be read whole).
func insertStoredHead(tx pgx.Tx, inv int64, se model.StoredEntry, at time.Time, head []byte) error {
	_, err := tx.Exec(ctx, `INSERT INTO journal (inv, seq, at, form, body, hash, prev, head) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		inv, int64(se.Seq), at, int16(se.Form), se.Body, se.Hash, se.Prev, head)
	return err
}

// changesOf returns each event's change in e as history keeps it, in
// the order of ids.
func changesOf(e *model.Entry) (ids []string, changes [][]byte, err error) {
	ids = make([]string, len(e.Events))
	changes = make([][]byte, len(e.Events))
	for i := range e.Events {
		ids[i] = e.Events[i].ID
		if changes[i], err = json.Marshal(historyChange(&e.Events[i])); err != nil {
			return nil, nil, fmt.Errorf("journal entry #%d: event %q: %w", e.Seq, ids[i], err)
		}
	}
	return ids, changes, nil
}

// historyChange is c as a history row keeps it: without its Written,
// which only the check reads from the entry (as the bbolt store's
// history leaves it out), so that an event's history reads as a whole
// read of its entry does.
func historyChange(c *model.EventChange) *model.EventChange {
	if c.Written == "" {
		return c
	}
	h := *c
	h.Written = ""
	return &h
}

// insertHistory adds the history rows of the events an entry touched,
// each with its change. An event the entry names twice (two files of one
// import) keeps no change of its own: its history reads the body.
func insertHistory(tx pgx.Tx, inv int64, seq uint64, ids []string, changes [][]byte) error {
	if len(ids) == 0 {
		return nil
	}
	// One row an event: a statement may not update a row it inserted.
	first := make(map[string]int, len(ids))
	var keptIDs []string
	var keptChanges [][]byte
	for i, id := range ids {
		if j, ok := first[id]; ok {
			keptChanges[j] = nil
			continue
		}
		first[id] = len(keptIDs)
		keptIDs, keptChanges = append(keptIDs, id), append(keptChanges, changes[i])
	}
	ids, changes = keptIDs, keptChanges
	_, err := tx.Exec(ctx, `INSERT INTO history (inv, id, seq, change) SELECT $1, id, $3, change FROM unnest($2::text[], $4::bytea[]) AS x(id, change)
		ON CONFLICT (inv, id, seq) DO UPDATE SET change = NULL`, inv, ids, int64(seq), changes)
	return err
}

// fromHead makes the entry q reads of one whose head was read (its
// first events, and Touched saying how many it has) and, for an event's
// history, that event's change: as Trim makes it of the whole entry.
func fromHead(q model.JournalQuery, e model.Entry, change []byte) (model.Entry, error) {
	total := e.Touched
	if q.Event != "" {
		var c model.EventChange
		if err := json.Unmarshal(change, &c); err != nil {
			return e, fmt.Errorf("journal entry #%d: the change to %q is not readable JSON (%v): %w", e.Seq, q.Event, err, model.ErrDamaged)
		}
		e.Events = []model.EventChange{c}
	} else {
		e = q.Trim(e)
	}
	// A head is kept only for more events than it holds: fewer are shown.
	e.Touched = total
	return e, nil
}
