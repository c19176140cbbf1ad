package pg

import (
	"fmt"
	"maps"
	"slices"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

// Restore implements model.Restorer in one transaction: the content
// goes in through the domain's transaction as a Write's would, the trash
// and the journal straight into their tables, each entry's body the
// entry as this store writes it, chained anew (chain.go), so the chain
// holds and its head has the backup's number, though not its hash when
// the backup is a bbolt file, whose entries are hashed in that file's
// form. Listeners are told once, of the newest entry.
func (s *Store) Restore(from model.Reader) (model.Restored, error) {
	l := s.take()
	defer s.give(l)
	var n model.Restored
	tx, err := s.begin(l)
	if err != nil {
		return n, err
	}
	defer tx.Rollback(ctx)
	var full bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM events WHERE inv = $1) OR EXISTS (SELECT 1 FROM sources WHERE inv = $1)
		OR EXISTS (SELECT 1 FROM trash WHERE inv = $1) OR EXISTS (SELECT 1 FROM journal WHERE inv = $1)`, s.inv).Scan(&full); err != nil {
		return n, s.fail(err)
	}
	if full {
		return n, fmt.Errorf("%s: %w: a backup is restored whole only into a new investigation", s.loc, model.ErrNotEmpty)
	}
	t := &writeTx{s: s, tx: tx, now: clock().UTC().Round(0),
		events: map[string]*model.EventChange{}, sources: map[string]*model.SourceChange{}, regroup: map[string]bool{}}
	if err := model.RestoreContent(t, from, &n); err != nil {
		return n, s.fail(err)
	}
	if err := settle(tx, s.inv, slices.Sorted(maps.Keys(t.regroup))); err != nil {
		return n, s.fail(err)
	}
	trashed, err := from.Trash()
	if err != nil {
		return n, err
	}
	for _, tr := range trashed {
		body, err := json.Marshal(&tr)
		if err != nil {
			return n, fmt.Errorf("event %q in the trash: %w", tr.Event.ID, err)
		}
		tag, err := tx.Exec(ctx, `INSERT INTO trash (inv, id, at, body) SELECT $1, $2, $3, $4
			WHERE NOT EXISTS (SELECT 1 FROM events WHERE inv = $1 AND id = $2)`, s.inv, tr.Event.ID, tr.At, body)
		if err != nil {
			return n, s.fail(err)
		}
		if tag.RowsAffected() != 1 {
			return n, fmt.Errorf("event %q is both on the timeline and in the trash: %w", tr.Event.ID, model.ErrDamaged)
		}
		n.Trashed++
	}
	prev := zeroHash
	for e, err := range model.JournalOf(from) {
		if err != nil {
			return n, err
		}
		if e.Seq != n.Entries+1 {
			return n, fmt.Errorf("journal entry #%d follows #%d: the journal to restore has a gap", e.Seq, n.Entries)
		}
		if prev, err = appendEntry(t, e, prev); err != nil {
			return n, s.fail(err)
		}
		n.Entries++
	}
	if n.Entries > 0 {
		if _, err := tx.Exec(ctx, `SELECT pg_notify($1, $2)`, Channel, fmt.Sprintf("%d:%d", s.inv, n.Entries)); err != nil {
			return n, s.fail(err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return n, s.fail(fmt.Errorf("saving the restore: %w", err))
	}
	return n, nil
}

var _ model.Restorer = (*Store)(nil)

// appendEntry stores e under its own number, linked to prev, with the
// history row of each event it touched, and returns its hash.
func appendEntry(t *writeTx, e model.Entry, prev []byte) ([]byte, error) {
	hash, err := insertEntry(t.tx, t.s.inv, e, prev)
	if err != nil {
		return nil, err
	}
	ids, changes, err := changesOf(&e)
	if err != nil {
		return nil, err
	}
	return hash, insertHistory(t.tx, t.s.inv, e.Seq, ids, changes)
}
