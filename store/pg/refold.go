package pg

import (
	"strings"

	"github.com/jackc/pgx/v5"
)

// refoldKeys makes again, from their bodies, the search key and words of
// the events whose key holds one of chars (a regular expression's
// bracket expression): those that chrono's fold (model.FoldKey) once
// kept as they were and now takes to others. The vocabulary gets the new
// words. Only those rows are written; the others' keys are as the fold
// makes them now.
func refoldKeys(tx pgx.Tx, chars string) error { return rekey(tx, `search ~ $3`, chars) }

// rekey makes again, from their bodies, the search key and words of the
// events for which where (a condition on the events table, with arg as
// its $3) holds, and gives the vocabulary the new words.
func rekey(tx pgx.Tx, where string, arg any) error {
	var inv int64
	id := ""
	known := map[string]bool{}
	for {
		rows, err := tx.Query(ctx, `SELECT inv, id, body FROM events WHERE (inv, id) > ($1, $2) AND `+where+`
			ORDER BY inv, id LIMIT 1000`, inv, id, arg)
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
