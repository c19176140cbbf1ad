package pg

import (
	"bytes"
	"maps"
	"slices"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// An event's ord is the key model.Order gives it, as in the bbolt store:
// an event no constraint involves is placed by its own date alone
// (model.OrderKey, which rowOf writes); an event in a linked group
// (events joined by precedes, follows or disputes links) is placed with
// its whole group. Every write that can change a group (a link added or
// removed, a member's date or title edited, a member deleted, restored
// or imported) marks the events it touched and the targets of their
// order links before it; before the transaction commits, settle places
// their groups again and moves the rows whose key changed.

// orderRels are the relations that order events (model.Rel.Orders).
var orderRels = func() []string {
	var out []string
	for _, r := range []model.Rel{model.Precedes, model.Follows, model.Disputes, model.DisputedBy} {
		if r.Orders() {
			out = append(out, string(r))
		}
	}
	return out
}()

// linkedIDs returns the events an order link joins to any of ids, either
// way, and ids themselves when they have such a link (an id may come
// more than once).
//
// Each way is looked up in an index of its own, and the query is
// planned for the ids it is given (not once for any, as a prepared
// statement is): otherwise PostgreSQL scans every link of the
// investigation and compares each with every id, and an import's
// batches grew slower the more links it had written (0.4 to 1 s a batch
// at 100,000 events, twice a batch).
func linkedIDs(q querier, inv int64, ids []string) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT source, target FROM links
		WHERE inv = $1 AND source = ANY($2::text[]) AND rel = ANY($3::text[]) AND source <> target
		UNION ALL
		SELECT source, target FROM links
		WHERE inv = $1 AND target = ANY($2::text[]) AND rel = ANY($3::text[]) AND source <> target`,
		pgx.QueryExecModeExec, inv, ids, orderRels)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var source, target string
		if err := rows.Scan(&source, &target); err != nil {
			return nil, err
		}
		out = append(out, source, target)
	}
	return out, rows.Err()
}

// settle places again the linked groups of seeds, and of every event
// the links join to them, and moves each row whose key changed. Events
// that are no longer linked to anything are put back under their own
// key. The groups are found a level at a time, all at once, so that a
// write with many seeds (an import) costs a query per level, not per
// event.
func settle(tx pgx.Tx, inv int64, seeds []string) error {
	if len(seeds) == 0 {
		return nil
	}
	seen := map[string]bool{}
	frontier := []string{}
	for _, id := range seeds {
		if !seen[id] {
			seen[id] = true
			frontier = append(frontier, id)
		}
	}
	for len(frontier) > 0 {
		next, err := linkedIDs(tx, inv, frontier)
		if err != nil {
			return err
		}
		frontier = frontier[:0]
		for _, id := range next {
			if !seen[id] {
				seen[id] = true
				frontier = append(frontier, id)
			}
		}
	}
	ids := slices.Sorted(maps.Keys(seen))
	// Planned for these ids: a plan made once for any (the prepared
	// statement an import's batches share) compares each row with each
	// id, for minutes when an import settles a large part of a million
	// events.
	rows, err := tx.Query(ctx, `SELECT id, ord, body FROM events WHERE inv = $1 AND id = ANY($2::text[])`, pgx.QueryExecModeExec, inv, ids)
	if err != nil {
		return err
	}
	var events []model.Event
	stored := map[string][]byte{}
	for rows.Next() {
		var id string
		var ord, body []byte
		if err := rows.Scan(&id, &ord, &body); err != nil {
			rows.Close()
			return err
		}
		e, err := decodeEvent(id, body)
		if err != nil {
			rows.Close()
			return err
		}
		events = append(events, e)
		stored[id] = ord
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	// Order places each group on its own: the groups are disjoint, and
	// an event outside any gets the key of its own date.
	ch := model.Order(events)
	var moveIDs []string
	var moveOrds [][]byte
	var movePeriods, moveMonths []int64
	for i := range ch.Events {
		p := &ch.Events[i]
		want := p.OrderKey()
		if bytes.Equal(want, stored[p.Event.ID]) {
			continue
		}
		period, months := model.PeriodSpanOfKey(want)
		moveIDs = append(moveIDs, p.Event.ID)
		moveOrds = append(moveOrds, want)
		movePeriods = append(movePeriods, period)
		moveMonths = append(moveMonths, int64(months))
	}
	if len(moveIDs) == 0 {
		return nil
	}
	// A move changes where the event is, not the event: its version,
	// which counts its writes, stays.
	_, err = tx.Exec(ctx, `UPDATE events SET ord = x.ord, period = x.period, months = x.months
		FROM unnest($2::text[], $3::bytea[], $4::bigint[], $5::bigint[]) AS x(id, ord, period, months)
		WHERE events.inv = $1 AND events.id = x.id`,
		inv, moveIDs, moveOrds, movePeriods, moveMonths)
	return err
}
