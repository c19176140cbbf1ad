package pg

import (
	"errors"
	"fmt"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/jackc/pgx/v5"
)

// editedBases returns, for the stored events of ids that a change other
// than an import has touched since the last import, the version that
// import left (model.ImportBase), or what the file said at that import
// where it kept chrono's values. Most events' newest history row is an
// import's that took the file's every field: one statement finds each
// event's newest entry, and the entries' heads say what they did, each
// read once an import. A replace reads them too: they tell which of
// chrono's changes the file's version undoes (model.ReplaceUndid).
func (im *txImport) editedBases(ids []string) (map[string]*model.Event, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	// kept: the newest change may keep what the file said (its JSON has
	// the member; a text that merely holds the words costs a read of
	// the history, nothing worse). A change not kept in its row (an
	// entry from before rows kept them) cannot have it.
	rows, err := im.tx.Query(ctx, newestChangeSQL, im.s.inv, ids)
	if err != nil {
		return nil, err
	}
	type newestEntry struct {
		seq  int64
		kept bool
	}
	newest := map[string]newestEntry{}
	for rows.Next() {
		var id string
		var n newestEntry
		if err := rows.Scan(&id, &n.seq, &n.kept); err != nil {
			rows.Close()
			return nil, err
		}
		newest[id] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var bases map[string]*model.Event
	for id, n := range newest {
		if !n.kept {
			op, err := im.op(n.seq)
			if err != nil {
				return nil, err
			}
			if op == model.OpImport {
				continue
			}
		}
		history, err := im.s.journalIn(im.tx, model.JournalQuery{Event: id})
		if err != nil {
			return nil, err
		}
		if base := model.ImportBase(history); base != nil {
			if bases == nil {
				bases = map[string]*model.Event{}
			}
			bases[id] = base
		}
	}
	return bases, nil
}

// newestChangeSQL reads, for each id of $2 in investigation $1 that has
// a history, its newest entry, and whether that entry's change may keep
// what the file said. Each id's newest row is read alone, from the end
// of its range of the key: a scan of all the batch's ids' rows, sorted
// and then thinned (DISTINCT ON), read and searched every change each
// event ever had; and a plan made for a batch's values while the
// history's statistics were missing or stale scanned the whole
// investigation's history.
const newestChangeSQL = `SELECT i.id, h.seq, coalesce(position(convert_to('"imported":', 'UTF8') in h.change) > 0, false)
	FROM unnest($2::text[]) AS i(id)
	CROSS JOIN LATERAL (SELECT seq, change FROM history WHERE inv = $1 AND id = i.id ORDER BY seq DESC LIMIT 1) AS h`

// op returns what the journal entry seq did, read from its head (or its
// body, when small), once per entry.
func (im *txImport) op(seq int64) (model.Op, error) {
	if op, ok := im.ops[seq]; ok {
		return op, nil
	}
	var form int16
	var body, hash, prev []byte
	var head bool
	err := im.tx.QueryRow(ctx, `SELECT form, coalesce(head, body), head IS NOT NULL, hash, prev FROM journal WHERE inv = $1 AND seq = $2`, im.s.inv, seq).Scan(&form, &body, &head, &hash, &prev)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", fmt.Errorf("journal entry #%d: the history of an event names it, the journal has not: %w", seq, model.ErrDamaged)
	}
	if err != nil {
		return "", err
	}
	var e model.Entry
	if head {
		e, err = im.s.heads.decode(seq, body, hash, prev, nil)
	} else {
		e, err = decodeEntry(seq, model.ChainForm(form), body, hash, prev)
	}
	if err != nil {
		return "", err
	}
	if im.ops == nil {
		im.ops = map[int64]model.Op{}
	}
	im.ops[seq] = e.Op
	return e.Op, nil
}

// remember records c, an event the import leaves as it was but whose
// file said something new that chrono's values won over: the change in
// the entry, with what the file said (model.EventChange.Imported), and
// its history row. Rare: one statement each.
func (im *txImport) remember(c model.EventChange) error {
	if err := im.changes.add(&c); err != nil {
		return err
	}
	j, err := json.Marshal(historyChange(&c))
	if err != nil {
		return fmt.Errorf("event %q: %w", c.ID, err)
	}
	return insertHistory(im.tx, im.s.inv, im.seq, []string{c.ID}, [][]byte{j})
}
