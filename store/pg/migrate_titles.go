package pg

import (
	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// boundTitles is the fifteenth step: an event stored before it with a
// title longer than an order key now holds (model.OrderTitleBytes) gets
// the key that holds that much of it, in the same place. Only those rows
// are written; no count depends on the title part of a key. A title of
// 2.6 KB or more could not be stored before: its key was more than the
// order's index takes.
func boundTitles(tx pgx.Tx) error {
	// Writes by a chrono of the schema before wait, so that none stores
	// a key holding a whole title between the reads and the updates.
	if _, err := tx.Exec(ctx, `LOCK TABLE events IN SHARE MODE`); err != nil {
		return err
	}
	var inv int64
	id := ""
	for {
		rows, err := tx.Query(ctx, `SELECT inv, id, ord FROM events WHERE (inv, id) > ($1, $2) AND length(ord) > $3
			ORDER BY inv, id LIMIT 1000`, inv, id, model.OrderTitleBytes)
		if err != nil {
			return err
		}
		var invs []int64
		var ids []string
		var ords [][]byte
		scanned := 0
		for rows.Next() {
			var ord []byte
			if err := rows.Scan(&inv, &id, &ord); err != nil {
				rows.Close()
				return err
			}
			scanned++
			if bound, changed, ok := model.BoundOrderKey(ord); ok && changed {
				invs, ids, ords = append(invs, inv), append(ids, id), append(ords, bound)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if scanned == 0 {
			return nil
		}
		if len(ids) > 0 {
			if _, err := tx.Exec(ctx, `UPDATE events SET ord = k.ord
				FROM unnest($1::bigint[], $2::text[], $3::bytea[]) AS k(inv, id, ord)
				WHERE events.inv = k.inv AND events.id = k.id`, invs, ids, ords); err != nil {
				return err
			}
		}
	}
}
