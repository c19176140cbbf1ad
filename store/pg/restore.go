package pg

import (
	"fmt"
	"iter"
	"maps"
	"slices"

	"chrono/model"
	"chrono/model/journalform"

	"github.com/go-json-experiment/json"
)

// Restore implements model.Restorer in one transaction: the content
// goes in through the domain's transaction as a Write's would, the trash
// and the journal straight into their tables. From a store that gives
// its stored entries (any chrono store, a bbolt backup file among them)
// each entry keeps its form, bytes and hash, so the chain's head is the
// backup's; from another reader each is written as this store writes
// it, chained anew. Listeners are told once, of the newest entry.
func (s *Store) Restore(from model.Reader) (model.Restored, error) {
	l := s.take()
	defer s.give(l)
	var n model.Restored
	tx, err := s.begin(l, true)
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
	t := &writeTx{s: s, tx: tx, now: clock().UTC().Round(0), regroup: map[string]bool{}}
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
	if stored, ok := from.(model.StoredJournal); ok {
		n.Entries, err = putStored(t, stored.StoredEntries())
	} else {
		n.Entries, err = putJournal(t, model.JournalOf(from))
	}
	if err != nil {
		return n, s.fail(err)
	}
	if n.Entries > 0 {
		if err := notify(tx, s.inv, uint64(n.Entries)); err != nil {
			return n, s.fail(err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return n, s.fail(fmt.Errorf("saving the restore: %w", err))
	}
	return n, nil
}

var _ model.Restorer = (*Store)(nil)

// putJournal appends entries, numbered from 1 without a gap, each
// chained to the one before in this store's form, with the history row of
// each event it touched; it returns how many there were.
func putJournal(t *writeTx, entries iter.Seq2[model.Entry, error]) (uint64, error) {
	prev, n := zeroHash, uint64(0)
	for e, err := range entries {
		if err != nil {
			return n, err
		}
		if e.Seq != n+1 {
			return n, fmt.Errorf("journal entry #%d follows #%d: the journal to restore has a gap", e.Seq, n)
		}
		if prev, err = insertEntry(t.tx, t.s.inv, e, prev); err != nil {
			return n, err
		}
		if err := putHistory(t, &e); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// putStored appends entries as another store holds them
// (journalform.Copy), each with the history rows of the events it
// touched, and returns how many there were.
func putStored(t *writeTx, entries iter.Seq2[model.StoredEntry, error]) (uint64, error) {
	return journalform.Copy(entries, func(se model.StoredEntry, e *model.Entry) error {
		if err := insertStored(t.tx, t.s.inv, se, *e); err != nil {
			return err
		}
		return putHistory(t, e)
	})
}

// putHistory adds the history row of each event e touched, and the
// linking row of each event whose links from others it changed.
func putHistory(t *writeTx, e *model.Entry) error {
	ids, changes, err := changesOf(e)
	if err != nil {
		return err
	}
	if err := insertHistory(t.tx, t.s.inv, e.Seq, ids, changes); err != nil {
		return err
	}
	return insertLinking(t.tx, t.s.inv, e.Seq, e.LinksChangedTo())
}
