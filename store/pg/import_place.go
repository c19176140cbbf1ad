package pg

import (
	"maps"
	"slices"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// placedRow is an event a batch writes, and its row: the row's key,
// period and months are its group's once placeLinked has placed it.
type placedRow struct {
	r row
	e model.Event
}

// placeGroupsUpTo is how many stored events a batch's linked groups may
// hold for placeLinked to place them; larger ones are left to settle.
// A group that grows batch after batch (a long chain) would otherwise
// be read whole for each batch.
const placeGroupsUpTo = importBatch

// placeLinked gives the events of a batch that an order link joins to
// others the keys their groups place them at, before they are written,
// from the links stored so far, the batch's among them, and the stored
// members of their groups. rowOf gives each its own date's key, and
// settle moved it to its group's at commit: a second write of the row
// and every index of the events table, for some 60% of the events
// settle moved in a new import of synthetic events (the others are
// stored events a later link moves). Settle still places every group at
// commit, and moves only what a later batch changed.
func (im *txImport) placeLinked(rows []placedRow) error {
	ids := make([]string, len(rows))
	at := make(map[string]int, len(rows))
	for i := range rows {
		ids[i] = rows[i].r.id
		at[ids[i]] = i
	}
	// The batch's events are asked about once, as the first level; the
	// stored events found are followed on, level by level, as settle
	// follows them.
	seen := map[string]bool{}
	frontier, stored := ids, 0
	for len(frontier) > 0 {
		next, err := linkedIDs(im.tx, im.s.inv, frontier)
		if err != nil {
			return err
		}
		frontier = nil
		for _, id := range next {
			if seen[id] {
				continue
			}
			seen[id] = true
			if _, ok := at[id]; ok {
				continue
			}
			if stored++; stored > placeGroupsUpTo {
				return nil
			}
			frontier = append(frontier, id)
		}
	}
	if len(seen) == 0 {
		return nil
	}
	var events []model.Event
	var others []string
	for _, id := range slices.Sorted(maps.Keys(seen)) {
		if i, ok := at[id]; ok {
			events = append(events, rows[i].e)
		} else {
			others = append(others, id)
		}
	}
	if len(others) > 0 {
		q, err := im.tx.Query(ctx, `SELECT id, body FROM events WHERE inv = $1 AND id = ANY($2::text[])`, pgx.QueryExecModeExec, im.s.inv, others)
		err = eachRow(q, err, func(id string, body []byte) error {
			e, err := decodeEvent(id, body)
			if err == nil {
				events = append(events, e)
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	ch := model.Order(events)
	for k := range ch.Events {
		p := &ch.Events[k]
		i, ok := at[p.Event.ID]
		if !ok {
			continue
		}
		r := &rows[i].r
		r.ord = p.OrderKey()
		var months int
		r.period, months = model.PeriodSpanOfKey(r.ord)
		r.months = int64(months)
	}
	return nil
}
