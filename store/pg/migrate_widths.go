package pg

import (
	"strings"

	"github.com/jackc/pgx/v5"
)

// widthForms matches a search key holding a character that chrono's
// fold (model.FoldKey) once kept as it was and now takes for the one it
// stands for: the full-width forms of ASCII and the ideographic space.
const widthForms = `[\u3000\uFF01-\uFF5E]`

// foldWidths is the fourteenth step: the events stored before it whose
// search key holds full-width forms ("ＮＳＯ", "２０１７") get their key
// and its words made again from their bodies, so that a search for
// "nso" finds them, and the vocabulary gets the new words. Only those
// rows are written; the others' keys are as the fold makes them now.
func foldWidths(tx pgx.Tx) error {
	var inv int64
	id := ""
	known := map[string]bool{}
	for {
		rows, err := tx.Query(ctx, `SELECT inv, id, body FROM events WHERE (inv, id) > ($1, $2) AND search ~ $3
			ORDER BY inv, id LIMIT 1000`, inv, id, widthForms)
		if err != nil {
			return err
		}
		var invs []int64
		var ids, keys, words, all []string
		for rows.Next() {
			var body []byte
			if err := rows.Scan(&inv, &id, &body); err != nil {
				rows.Close()
				return err
			}
			e, err := decodeEvent(id, body)
			if err != nil {
				rows.Close()
				return err
			}
			key := searchKey(&e)
			w := searchWords(key)
			invs, ids, keys = append(invs, inv), append(ids, id), append(keys, key)
			// A line each, joined by a space, which no word holds.
			words, all = append(words, strings.Join(w, " ")), append(all, w...)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET search = k.search, words = array_remove(string_to_array(k.words, ' '), '')
			FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS k(inv, id, search, words)
			WHERE events.inv = k.inv AND events.id = k.id`, invs, ids, keys, words); err != nil {
			return err
		}
		if err := addWords(tx, all, known); err != nil {
			return err
		}
	}
}
