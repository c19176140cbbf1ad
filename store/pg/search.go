package pg

import (
	"strings"

	"github.com/jackc/pgx/v5"
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
	// A role that may not create the extension leaves the step without
	// the index.
	return optional(tx, `CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX events_search ON events USING gin (search gin_trgm_ops)`)
}

// fillSearchKeys writes the search key of every stored event.
func fillSearchKeys(tx pgx.Tx) error {
	return fillColumn(tx, "body", "search = k.v", func(id string, body []byte) string {
		// A damaged event keeps no key: reading it says it is damaged,
		// and a search would not find it anyway.
		if e, err := decodeEvent(id, body); err == nil {
			return searchKey(&e)
		}
		return ""
	})
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
