package pg

import (
	"fmt"

	"chrono/model"
)

// shownPeriods returns periods, the months of the view p plans as its
// events' instants give them, with each event counted in the month its
// row shows it in, in the query's zone (model.ShownWindows): only the
// events whose order key leads with an instant near a month's turn the
// periods reach are read again, their keys first, and the bodies only
// of those whose stated date starts or ends near one.
func (s *Store) shownPeriods(db querier, p *plan, periods []model.Period) ([]model.Period, error) {
	windows := model.ShownWindows(periods, p.q.Zone)
	if len(windows) == 0 {
		return periods, nil
	}
	los, his := make([][]byte, len(windows)), make([][]byte, len(windows))
	for i, w := range windows {
		// A key whose lead is w.Latest sorts before the lead and 0xFF:
		// the depth after it never starts with 0xFF.
		los[i], his[i] = model.OrderKeyAt(w.Earliest), append(model.OrderKeyAt(w.Latest), 0xFF)
	}
	args := append([]any(nil), p.args...)
	where := p.where
	if p.search != "" {
		where += " AND " + p.search
	}
	args = append(args, los, his)
	body := "NULL::bytea"
	if p.inGo {
		body = "body" // the query's rest is checked here, on the event
	}
	sql := fmt.Sprintf(`SELECT id, ord, %s FROM events JOIN unnest($%d::bytea[], $%d::bytea[]) AS w(lo, hi)
		ON ord >= w.lo AND ord < w.hi WHERE inv = $1%s`, body, len(args)-1, len(args), where)
	type near struct {
		id   string
		ord  []byte
		body []byte
	}
	var found []near
	rows, err := db.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var n near
		if err := rows.Scan(&n.id, &n.ord, &n.body); err != nil {
			rows.Close()
			return nil, err
		}
		if model.ShownMayMove(n.ord) {
			found = append(found, n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if !p.inGo && len(found) > 0 {
		ids := make([]string, len(found))
		for i, n := range found {
			ids[i] = n.id
		}
		bodies := map[string][]byte{}
		rows, err := db.Query(ctx, `SELECT id, body FROM events WHERE inv = $1 AND id = ANY($2::text[])`, s.inv, ids)
		err = eachRow(rows, err, func(id string, b []byte) error {
			bodies[id] = b
			return nil
		})
		if err != nil {
			return nil, err
		}
		for i := range found {
			found[i].body = bodies[found[i].id]
		}
	}
	var moves []model.ShownMove
	for _, n := range found {
		keep, err := p.keeps(n.id, n.body)
		if err != nil {
			return nil, err
		}
		if !keep {
			continue
		}
		e, err := decodeEvent(n.id, n.body)
		if err != nil {
			return nil, err
		}
		if m, ok := model.ShownMoveOf(n.ord, e.Date, p.q.Zone); ok {
			moves = append(moves, m)
		}
	}
	return model.MovePeriods(periods, moves), nil
}
