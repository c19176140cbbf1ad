package pg

import (
	"github.com/jackc/pgx/v5"

	"chrono/model"
)

// linkingSchema is the schema from which the linking table is kept.
const linkingSchema = 20

// indexLinking is the schema's step that adds the linking table: the
// entries that changed the links other events make to each event
// (model.Entry.LinksChangedTo), which its history lists too. Until then
// an event's history read the whole journal back to find them. It is
// filled from the journal read once, an entry at a time; an entry of a
// kind that leaves links has only its head read.
func indexLinking(tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `CREATE TABLE linking (
	inv bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	id  text COLLATE "C" NOT NULL,
	seq bigint NOT NULL,
	PRIMARY KEY (inv, id, seq)
)`); err != nil {
		return err
	}
	type row struct{ inv, seq int64 }
	var rows []row
	r, err := tx.Query(ctx, `SELECT inv, seq FROM journal ORDER BY inv, seq`)
	if err != nil {
		return err
	}
	for r.Next() {
		var x row
		if err := r.Scan(&x.inv, &x.seq); err != nil {
			r.Close()
			return err
		}
		rows = append(rows, x)
	}
	r.Close()
	if err := r.Err(); err != nil {
		return err
	}
	for _, x := range rows {
		var head, body, hash, prev []byte
		var form int16
		if err := tx.QueryRow(ctx, `SELECT head, hash, prev, form FROM journal WHERE inv = $1 AND seq = $2`, x.inv, x.seq).Scan(&head, &hash, &prev, &form); err != nil {
			return err
		}
		if head != nil {
			e, err := decodeEntry(x.seq, model.FormJSON, head, hash, prev)
			if err == nil && e.Op.LeavesLinks() {
				continue
			}
		}
		if err := tx.QueryRow(ctx, `SELECT body FROM journal WHERE inv = $1 AND seq = $2`, x.inv, x.seq).Scan(&body); err != nil {
			return err
		}
		// An entry that does not read is left out rather than keeping
		// the database from being upgraded: chrono verify --journal
		// names it.
		e, err := decodeEntry(x.seq, model.ChainForm(form), body, hash, prev)
		if err != nil {
			continue
		}
		if err := insertLinking(tx, x.inv, uint64(x.seq), e.LinksChangedTo()); err != nil {
			return err
		}
	}
	return nil
}

// insertLinking adds the linking rows of an entry: ids are the events
// whose links from others it changed.
func insertLinking(tx pgx.Tx, inv int64, seq uint64, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO linking (inv, id, seq) SELECT $1, id, $3 FROM unnest($2::text[]) AS x(id) ON CONFLICT DO NOTHING`, inv, ids, int64(seq))
	return err
}
