package pg

import (
	"cmp"
	"slices"

	"chrono/model"
)

// linkedJournalIn is journalIn for an event's history with the entries
// that changed the links other events make to it (JournalQuery.Linked):
// its own entries from the history table, and the others from the
// linking table.
func (s *Store) linkedJournalIn(db querier, q model.JournalQuery) ([]model.Entry, error) {
	own := q
	own.Linked = false
	out, err := s.journalIn(db, own)
	if err != nil {
		return nil, err
	}
	linking, err := s.linkingIn(db, q)
	if err != nil {
		return nil, err
	}
	return mergeNewest(out, linking, q.Limit), nil
}

// mergeNewest merges two lists of entries, each newest first, into one
// of at most limit entries (all for 0).
func mergeNewest(a, b []model.Entry, limit int) []model.Entry {
	out := append(slices.Clone(a), b...)
	slices.SortStableFunc(out, func(x, y model.Entry) int { return cmp.Compare(y.Seq, x.Seq) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// linkingIn returns, newest first, up to q.Limit of the entries q
// selects that are not in the history of q.Event but changed the links
// other events make to it: those the linking table names. An entry with
// a head is read whole only when its kind may change links
// (model.Op.LeavesLinks).
func (s *Store) linkingIn(db querier, q model.JournalQuery) ([]model.Entry, error) {
	var out []model.Entry
	before := int64(1) << 62
	if q.Before != 0 {
		before = int64(q.Before)
	}
	for {
		page, err := scanJournal(db.Query(ctx, s.linkingSQL(), s.inv, before, int64(q.After), q.Event, batch))
		if err != nil {
			return out, err
		}
		for _, r := range page {
			before = r.seq
			body, form := r.body, model.ChainForm(r.form)
			if r.head {
				head, err := decodeEntry(r.seq, model.FormJSON, r.body, r.hash, r.prev)
				if err != nil {
					return out, err
				}
				if head.Op.LeavesLinks() {
					continue
				}
				if err := db.QueryRow(ctx, `SELECT body FROM journal WHERE inv = $1 AND seq = $2`, s.inv, r.seq).Scan(&body); err != nil {
					return out, err
				}
			}
			e, err := decodeEntry(r.seq, form, body, r.hash, r.prev)
			if err != nil {
				return out, err
			}
			if e.Op.LeavesLinks() || !q.Matches(&e) {
				continue
			}
			out = append(out, q.Trim(e))
			if q.Limit > 0 && len(out) >= q.Limit {
				return out, nil
			}
		}
		if len(page) < batch {
			return out, nil
		}
	}
}

// linkingSQL selects a page of the entries linkingIn reads: those the
// linking table names, or, in a database opened read-only before it was
// made, every entry not in the event's history, read back as before.
func (s *Store) linkingSQL() string {
	if !s.linkingKept {
		return `SELECT seq, COALESCE(head, body), head IS NOT NULL, NULL::bytea, hash, prev, form
			FROM journal j WHERE inv = $1 AND seq < $2 AND seq > $3
			AND NOT EXISTS (SELECT 1 FROM history h WHERE h.inv = $1 AND h.id = $4 AND h.seq = j.seq)
			ORDER BY seq DESC LIMIT $5`
	}
	return `SELECT j.seq, COALESCE(head, body), head IS NOT NULL, NULL::bytea, hash, prev, form
			FROM linking l JOIN journal j ON j.inv = l.inv AND j.seq = l.seq
			WHERE l.inv = $1 AND l.id = $4 AND l.seq < $2 AND l.seq > $3
			AND NOT EXISTS (SELECT 1 FROM history h WHERE h.inv = $1 AND h.id = $4 AND h.seq = l.seq)
			ORDER BY l.seq DESC LIMIT $5`
}
