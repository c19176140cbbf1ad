package pg

import (
	"bytes"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// placeInOrder (1 to 2) gives every event the key of the chronology's
// order instead of its earliest instant and id: each event its own order
// key (model.OrderKey), then each investigation's linked groups placed
// (order.go). The events are read a batch at a time, in the order of
// their primary key, so the step's memory stays that of a batch and of
// the linked events.
func placeInOrder(tx pgx.Tx) error {
	type next struct {
		inv int64
		id  string
	}
	after := next{inv: -1}
	for {
		rows, err := tx.Query(ctx, `SELECT inv, id, ord, body FROM events WHERE (inv, id) > ($1, $2) ORDER BY inv, id LIMIT $3`,
			after.inv, after.id, importBatch)
		if err != nil {
			return err
		}
		var invs []int64
		var ids []string
		var ords [][]byte
		var periods, months []int64
		n := 0
		for rows.Next() {
			var inv int64
			var id string
			var ord, body []byte
			if err := rows.Scan(&inv, &id, &ord, &body); err != nil {
				rows.Close()
				return err
			}
			n++
			after = next{inv, id}
			e, err := decodeEvent(id, body)
			if err != nil {
				rows.Close()
				return err
			}
			want := model.OrderKey(&e)
			if bytes.Equal(want, ord) {
				continue
			}
			p, m := model.PeriodSpanOfKey(want)
			invs, ids, ords = append(invs, inv), append(ids, id), append(ords, want)
			periods, months = append(periods, p), append(months, int64(m))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) > 0 {
			_, err := tx.Exec(ctx, `UPDATE events SET ord = x.ord, period = x.period, months = x.months
				FROM unnest($1::bigint[], $2::text[], $3::bytea[], $4::bigint[], $5::bigint[]) AS x(inv, id, ord, period, months)
				WHERE events.inv = x.inv AND events.id = x.id`, invs, ids, ords, periods, months)
			if err != nil {
				return err
			}
		}
		if n < importBatch {
			break
		}
	}
	return settleInvestigations(tx)
}

// settleInvestigations places every linked group of every investigation
// again (settle).
func settleInvestigations(tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT id FROM investigations ORDER BY id`)
	if err != nil {
		return err
	}
	invs, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	for _, inv := range invs {
		rows, err := tx.Query(ctx, `SELECT source FROM links WHERE inv = $1 AND rel = ANY($2::text[]) AND source <> target
			UNION SELECT target FROM links WHERE inv = $1 AND rel = ANY($2::text[]) AND source <> target ORDER BY 1`, inv, orderRels)
		if err != nil {
			return err
		}
		seeds, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		if err := settle(tx, inv, seeds); err != nil {
			return err
		}
	}
	return nil
}
