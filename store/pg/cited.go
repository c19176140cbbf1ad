package pg

import (
	"strings"

	"github.com/jackc/pgx/v5"
)

// The events citing each source, in a quote or as the source of their
// date text, were counted from the cites column at each read: the
// sources screen read them after every change it heard of (about 170 ms
// at 100,000 events, in the background), and a view filtered by one
// source counted its rows. They are kept in facet_counts as kind c, by
// the same triggers as the other counts, as the bbolt store keeps them
// (its counterCited).

// keepCited is the step that keeps the counts of the events citing each
// source: the counts of the events already stored, and the count
// triggers again with them.
func keepCited(tx pgx.Tx) error {
	// Writes by a chrono of the schema before wait: one committed
	// between the count below and the new triggers would never be
	// counted.
	_, err := tx.Exec(ctx, `
LOCK TABLE events IN SHARE MODE;
INSERT INTO facet_counts (inv, kind, name, n)
	SELECT inv, 'c', c, count(*) FROM events, unnest(cites) AS c GROUP BY 1, 3;
`)
	if err != nil {
		return err
	}
	for _, op := range []string{"insert", "update", "delete"} {
		replace := strings.Replace(countTriggerOf(op, true, true), "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
		if _, err := tx.Exec(ctx, replace); err != nil {
			return err
		}
	}
	return nil
}

// citedSchema is the schema from which the counts of the events citing
// each source are kept (keepCited).
const citedSchema = 17

// readsAsIs is the oldest schema a read-only open reads without
// upgrading it: a database of it lacks the kept counts of the sources
// cited, which such a store counts from the cites column as it is asked
// (citedCountsSQL), and the linking table, for which it reads the
// journal back (linkingSQL); before the media's search words, a search
// does not find a caption.
// chrono list, show or source list on a database no chrono of this
// version has written to then work, rather than saying to open it for
// writing first.
const readsAsIs = citedSchema - 1

// citedCountsSQL counts the events of investigation $1 citing each
// source, for a store whose schema keeps no such counts.
const citedCountsSQL = `SELECT c, count(*) FROM events, unnest(cites) AS c WHERE inv = $1 GROUP BY c`
