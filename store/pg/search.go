package pg

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// A search is a substring search that ignores case and accents
// (model.ContainsFold). The database narrows it: each event row keeps its
// search fields folded by chrono (model.FoldKey) in the search column, and
// a search selects the rows whose key is LIKE the search's folded pattern
// (model.FoldPattern), which every match has; Go then checks each of
// those candidates with model.Query.Matches, so the results are exactly
// the bbolt store's. chrono folds the key itself rather than with the
// unaccent extension, whose rules are not model's.
//
// An index of the keys' words finds the candidates without reading every
// row (words.go), for patterns with a word of three characters or more;
// the fifth step's trigram index on the whole key did so until the
// tenth. Its vocabulary has a trigram index (the pg_trgm extension), a
// trusted extension that a role with CREATE on the database may create.
// When it cannot be had, the vocabulary is read whole, and a pattern with
// no long word is the same LIKE, read over the rows of the investigation
// by the database.

// A walk over a search's events first looks at the lookRows rows next to
// where it starts, in order, the database testing each key: a word one
// event in a few hundred holds is found there at once, where the index
// would read every row that has its words. Only then does it ask the
// index, for the rarer words, in pages as any walk.
//
// A prepared statement that has run a few times may be given a plan for
// any values, made without the pattern, the order key to start from or
// the number of rows, which may walk the order index row by row where
// the words' index finds a rare word at once. A search's queries are
// therefore planned anew each time, with their values (pgx's
// QueryExecModeExec, an unnamed statement).
var lookRows = 1000

// addSearchKey is the fifth step: the search column, filled for the
// events stored, and its trigram index when pg_trgm can be had.
func addSearchKey(tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `ALTER TABLE events ADD COLUMN search text COLLATE "C" NOT NULL DEFAULT ''`); err != nil {
		return err
	}
	if err := fillSearchKeys(tx); err != nil {
		return err
	}
	// In a savepoint of its own: a role that may not create the
	// extension leaves the step without the index, not failed.
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	_, err = sp.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX events_search ON events USING gin (search gin_trgm_ops)`)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return sp.Rollback(ctx)
	}
	if err != nil {
		return err
	}
	return sp.Commit(ctx)
}

// fillSearchKeys writes the search key of every stored event, a page of
// rows at a time.
func fillSearchKeys(tx pgx.Tx) error {
	var inv int64
	id := ""
	for {
		rows, err := tx.Query(ctx, `SELECT inv, id, body FROM events WHERE (inv, id) > ($1, $2) ORDER BY inv, id LIMIT 1000`, inv, id)
		if err != nil {
			return err
		}
		var invs []int64
		var ids, keys []string
		for rows.Next() {
			var body []byte
			if err := rows.Scan(&inv, &id, &body); err != nil {
				rows.Close()
				return err
			}
			// A damaged event keeps no key: reading it says it is
			// damaged, and a search would not find it anyway.
			key := ""
			if e, err := decodeEvent(id, body); err == nil {
				key = searchKey(&e)
			}
			invs, ids, keys = append(invs, inv), append(ids, id), append(keys, key)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET search = k.search
			FROM unnest($1::bigint[], $2::text[], $3::text[]) AS k(inv, id, search)
			WHERE events.inv = k.inv AND events.id = k.id`, invs, ids, keys); err != nil {
			return err
		}
	}
}

// searchPattern is the LIKE pattern of a search's folded pieces
// (model.FoldPattern, at least one): with LIKE's own characters escaped,
// in order with anything around them.
func searchPattern(pieces []string) string {
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	var b strings.Builder
	b.WriteByte('%')
	for _, p := range pieces {
		b.WriteString(esc.Replace(p))
		b.WriteByte('%')
	}
	return b.String()
}
