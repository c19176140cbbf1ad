package pg

import (
	"encoding/binary"
	"fmt"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

// The investigation's counts are kept, as the bbolt store keeps its
// own, so that the first screen and a window's rank do not count the
// events each time: at a million events a count(*) of the rows before a
// window took a second.
//
//   - order_counts: the events by stretch of the order key, the key's
//     first 44 bits (chrono_stretch: its leading instant in steps of
//     2^20 seconds, about 12 days). Stretches follow the keys' order, so
//     a window's rank is the kept counts of the stretches before its own
//     and a count of the index inside its own (rankSQL).
//   - order_ticks: the events by tick of the order key (its first seven
//     bytes, 256 seconds), so that a rank counts on the index only the
//     events of its own tick (ticks.go).
//   - period_counts: the events by month of the earliest bound and how
//     many months they may fall in (Periods).
//   - facet_counts: the events by tag, actor and status (Facets, Count),
//     and by source cited, in a quote or as the date's source (kind c,
//     schema step 17: the sources screen, the filter by source).
//
// Statement-level triggers with transition tables keep them, in the
// transaction of each change: one aggregate per statement, not a
// trigger per row, and no write path of chrono's can forget them. An
// import gathers its statements' deltas and applies them once at its end
// (deferCounts). Every writer of an investigation holds its row lock
// (begin in write.go) before it changes an event, so two writers never
// hold counts rows of one investigation at once and cannot deadlock on
// them, and the conflict rule is the lock's; the upserts also take their
// rows in key order. A group whose changes cancel out (an edit of a
// title or a note) writes no counts row at all.

// stretchBits is how many low bits of the leading six bytes of the order
// key a stretch leaves out (chrono_stretch, stretchStart).
const stretchBits = 4

// stretchStart returns the smallest order key of ord's stretch: its
// leading six bytes with the bits the stretch leaves out cleared.
func stretchStart(ord []byte) []byte {
	k := make([]byte, 6)
	copy(k, ord)
	k[5] &^= 1<<stretchBits - 1
	return k
}

// countDeltas are the rows a statement changed, as +1 for a row as it is
// now and -1 for a row as it was, by the kind of statement; %[1]s is the
// columns counted (countColumns).
var countDeltas = map[string]string{
	"insert": `SELECT %[1]s, 1 AS n FROM new_rows`,
	"delete": `SELECT %[1]s, -1 AS n FROM old_rows`,
	"update": `SELECT %[1]s, 1 AS n FROM new_rows
		UNION ALL SELECT %[1]s, -1 AS n FROM old_rows`,
}

// countColumns are the columns of events the counts are made of; the
// sources cited are counted from schema step 17 (keepCited).
func countColumns(cited bool) string {
	cols := "inv, ord, status, actors, tags, period, months"
	if cited {
		cols += ", cites"
	}
	return cols
}

// countTrigger is the function that applies a statement's deltas to the
// kept counts. Rows of an investigation being removed (a cascade) are
// left out: its counts go with it. An import defers them (deferCounts):
// the deltas of its statements are gathered in temporary tables and
// applied once, at its end.
func countTrigger(op string) string { return countTriggerOf(op, false, false) }

// countTriggerOf is countTrigger, keeping order_ticks as well when ticks
// is set (keepTicks), and the events citing each source in facet_counts
// when cited is (keepCited). The steps before each keep the text they
// were released with.
func countTriggerOf(op string, ticks, cited bool) string {
	d := fmt.Sprintf(`(SELECT d.* FROM (%s) AS d JOIN investigations i ON i.id = d.inv)`, fmt.Sprintf(countDeltas[op], countColumns(cited)))
	// citedFacet counts each source a row cites, as kind c.
	citedFacet := func(d string) string {
		if !cited {
			return ""
		}
		return fmt.Sprintf(`
			UNION ALL SELECT d.inv, 'c', c, d.n FROM %s AS d, unnest(d.cites) AS c`, d)
	}
	// apply adds the deltas into the tables; upsert is true for the
	// counts tables, whose rows are taken in key order.
	apply := func(order, period, facet, tick string, upsert bool) string {
		tail := func(by, key string) string {
			if !upsert {
				return ""
			}
			return " ORDER BY " + by + " ON CONFLICT " + key + " DO UPDATE SET n = c.n + EXCLUDED.n"
		}
		sql := fmt.Sprintf(`
	INSERT INTO %[2]s AS c (inv, stretch, n)
		SELECT inv, chrono_stretch(ord), sum(n) FROM %[1]s AS d
		GROUP BY 1, 2 HAVING sum(n) <> 0%[5]s;
	INSERT INTO %[3]s AS c (inv, period, months, n)
		SELECT inv, period, months, sum(n) FROM %[1]s AS d
		GROUP BY 1, 2, 3 HAVING sum(n) <> 0%[6]s;
	INSERT INTO %[4]s AS c (inv, kind, name, n)
		SELECT inv, kind, name, sum(n) FROM (
			SELECT d.inv, 't' AS kind, t AS name, d.n FROM %[1]s AS d, unnest(d.tags) AS t
			UNION ALL SELECT d.inv, 'a', a, d.n FROM %[1]s AS d, unnest(d.actors) AS a
			UNION ALL SELECT d.inv, 's', d.status, d.n FROM %[1]s AS d%[8]s) AS f
		GROUP BY 1, 2, 3 HAVING sum(n) <> 0%[7]s;`, d, order, period, facet,
			tail("1, 2", "(inv, stretch)"), tail("1, 2, 3", "(inv, period, months)"), tail("1, 2, 3", "(inv, kind, name)"), citedFacet(d))
		if ticks {
			sql += fmt.Sprintf(`
	INSERT INTO %[2]s AS c (inv, tick, n)
		SELECT inv, chrono_tick(ord), sum(n) FROM %[1]s AS d
		GROUP BY 1, 2 HAVING sum(n) <> 0%[3]s;`, d, tick, tail("1, 2", "(inv, tick)"))
		}
		return sql
	}
	return fmt.Sprintf(`CREATE FUNCTION chrono_count_%s() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
	IF current_setting('chrono.defer_counts', true) = 'on' THEN%s
	ELSE%s
	END IF;
	RETURN NULL;
END
$f$`, op,
		apply("pg_temp.chrono_order_deltas", "pg_temp.chrono_period_deltas", "pg_temp.chrono_facet_deltas", "pg_temp.chrono_tick_deltas", false),
		apply("order_counts", "period_counts", "facet_counts", "order_ticks", true))
}

// keepCounts is the step that keeps the counts: the tables, the
// triggers, and the counts of the events already stored.
func keepCounts(tx pgx.Tx) error {
	_, err := tx.Exec(ctx, fmt.Sprintf(`
CREATE FUNCTION chrono_stretch(ord bytea) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $f$ SELECT ('x' || encode(substr(ord, 1, 6), 'hex'))::bit(48)::bigint >> %d $f$;

CREATE TABLE order_counts (
	inv     bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	stretch bigint NOT NULL,
	n       bigint NOT NULL,
	PRIMARY KEY (inv, stretch)
);
CREATE TABLE period_counts (
	inv    bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	period bigint NOT NULL,
	months bigint NOT NULL,
	n      bigint NOT NULL,
	PRIMARY KEY (inv, period, months)
);
-- kind: t a tag, a an actor, s a status (c a source cited, from keepCited).
CREATE TABLE facet_counts (
	inv  bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	kind text COLLATE "C" NOT NULL,
	name text COLLATE "C" NOT NULL,
	n    bigint NOT NULL,
	PRIMARY KEY (inv, kind, name)
);

INSERT INTO order_counts SELECT inv, chrono_stretch(ord), count(*) FROM events GROUP BY 1, 2;
INSERT INTO period_counts SELECT inv, period, months, count(*) FROM events GROUP BY 1, 2, 3;
INSERT INTO facet_counts
	SELECT inv, 't', t, count(*) FROM events, unnest(tags) AS t GROUP BY 1, 3
	UNION ALL SELECT inv, 'a', a, count(*) FROM events, unnest(actors) AS a GROUP BY 1, 3
	UNION ALL SELECT inv, 's', status, count(*) FROM events GROUP BY 1, 3;
`, stretchBits))
	if err != nil {
		return err
	}
	for _, op := range []string{"insert", "update", "delete"} {
		if _, err := tx.Exec(ctx, countTrigger(op)); err != nil {
			return err
		}
		ref := map[string]string{
			"insert": "NEW TABLE AS new_rows",
			"delete": "OLD TABLE AS old_rows",
			"update": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
		}[op]
		if _, err := tx.Exec(ctx, fmt.Sprintf(`CREATE TRIGGER events_count_%[1]s AFTER %[1]s ON events
			REFERENCING %[2]s FOR EACH STATEMENT EXECUTE FUNCTION chrono_count_%[1]s()`, op, ref)); err != nil {
			return err
		}
	}
	return nil
}

// rankSQL counts the events of the investigation that come before ord
// ($2), with its stretch ($3, stretchOf), the first tick of that stretch
// and its own ($4 and $5, tickOf), its own tick's first key ($6,
// tickStart) and the next tick's ($7, nextTick; none for the last): the
// kept counts of the stretches before ord's, those of the ticks of its
// stretch before its own (keepTicks), and the events of its own tick
// before it, counted on the order index from the nearer end of the tick.
//
// A tick can be crowded: the events dated by a year are all at its last
// instant, in the tick where the next year starts when that is not a
// tick's first instant (in about half the years), so that a year's jump
// counted them all (5,523 index entries at a million events, 4.5 ms at
// the server) where the tick's kept count less the few events after the
// jump's place gives the same. Each end is counted up to rankProbe
// entries; when both reach it, the events before ord are counted whole,
// as before.
//
// Planning the statement took the server longer than running it (1.2 ms
// a rank): pageAtOnce has it planned once for any values, and the
// statement is written for such a plan. The probe is in its text, not a
// parameter; the stretch and ticks are worked out here, not by
// chrono_stretch and chrono_tick in it; and the last tick (undated
// events), which has no next, has a statement of its own with no upper
// bound, as a plan for any value reads "$7 IS NULL OR ord < $7" as a
// filter on every key after ord.
func rankSQL(last bool) string {
	upTo := " AND ord < $7"
	if last {
		upTo = ""
	}
	return fmt.Sprintf(`SELECT coalesce((SELECT sum(n) FROM order_counts WHERE inv = $1 AND stretch < $3), 0)::bigint
		+ coalesce((SELECT sum(n) FROM order_ticks WHERE inv = $1 AND tick >= $4 AND tick < $5), 0)::bigint
		+ (SELECT CASE WHEN lo.n < %[1]d THEN lo.n
			WHEN hi.n < %[1]d THEN coalesce((SELECT n FROM order_ticks WHERE inv = $1 AND tick = $5), 0) - hi.n
			ELSE (SELECT count(*) FROM events WHERE inv = $1 AND ord >= $6 AND ord < $2) END
		FROM (SELECT count(*) AS n FROM (SELECT FROM events WHERE inv = $1 AND ord >= $6 AND ord < $2 LIMIT %[1]d) AS x) AS lo,
			(SELECT count(*) AS n FROM (SELECT FROM events WHERE inv = $1 AND ord >= $2%[2]s LIMIT %[1]d) AS x) AS hi)`, rankProbe, upTo)
}

// rank returns rankSQL and its arguments for the rank of ord.
func (s *Store) rank(ord []byte) (string, []any) {
	args := []any{s.inv, ord, stretchOf(ord), tickOf(stretchStart(ord)), tickOf(ord), tickStart(ord)}
	next := nextTick(ord)
	if next != nil {
		args = append(args, next)
	}
	return rankSQL(next == nil), args
}

// stretchOf is chrono_stretch: ord's leading six bytes, big-endian, less
// the bits a stretch leaves out.
func stretchOf(ord []byte) int64 {
	var k [8]byte
	copy(k[2:], ord[:min(len(ord), 6)])
	return int64(binary.BigEndian.Uint64(k[:]) >> stretchBits)
}

// rankProbe is how many events of a tick a rank counts from either end
// before it counts those before ord whole.
var rankProbe = 256

// keptCountSQL returns the statement that reads the count the kept
// counts hold for q, and false when they hold none for it: the whole
// investigation, or one tag, one actor, one status or one source cited
// alone.
func (s *Store) keptCountSQL(q model.Query) (string, []any, bool) {
	rest := q
	rest.Tags, rest.Actors, rest.Statuses, rest.Sources = nil, nil, nil, nil
	if !rest.IsZero() {
		return "", nil, false
	}
	const facet = `SELECT coalesce(sum(n), 0)::bigint FROM facet_counts WHERE inv = $1 AND kind = $2 AND name = $3`
	switch n := len(q.Tags) + len(q.Actors) + len(q.Statuses) + len(q.Sources); {
	case q.IsZero():
		return `SELECT coalesce(sum(n), 0)::bigint FROM order_counts WHERE inv = $1`, []any{s.inv}, true
	case n != 1:
	case len(q.Tags) == 1:
		return facet, []any{s.inv, "t", q.Tags[0]}, true
	case len(q.Actors) == 1:
		return facet, []any{s.inv, "a", q.Actors[0]}, true
	case len(q.Statuses) == 1:
		return facet, []any{s.inv, "s", string(q.Statuses[0])}, true
	case len(q.Sources) == 1 && s.citedKept:
		return facet, []any{s.inv, "c", q.Sources[0]}, true
	}
	return "", nil, false
}

// deferCounts makes the triggers of tx gather their deltas in temporary
// tables rather than apply them: an import's batches would otherwise
// update most stretch rows each, and leave hundreds of thousands of dead
// row versions that every rank then reads past until a vacuum. The
// returned function applies them, once; it must run before tx commits.
func deferCounts(tx pgx.Tx) (apply func() error, err error) {
	_, err = tx.Exec(ctx, `
CREATE TEMP TABLE chrono_order_deltas (LIKE order_counts) ON COMMIT DROP;
CREATE TEMP TABLE chrono_period_deltas (LIKE period_counts) ON COMMIT DROP;
CREATE TEMP TABLE chrono_facet_deltas (LIKE facet_counts) ON COMMIT DROP;
CREATE TEMP TABLE chrono_tick_deltas (LIKE order_ticks) ON COMMIT DROP;
SELECT set_config('chrono.defer_counts', 'on', true);`)
	if err != nil {
		return nil, err
	}
	return func() error {
		_, err := tx.Exec(ctx, `
SELECT set_config('chrono.defer_counts', 'off', true);
INSERT INTO order_counts AS c (inv, stretch, n)
	SELECT inv, stretch, sum(n) FROM chrono_order_deltas GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
	ON CONFLICT (inv, stretch) DO UPDATE SET n = c.n + EXCLUDED.n;
INSERT INTO period_counts AS c (inv, period, months, n)
	SELECT inv, period, months, sum(n) FROM chrono_period_deltas GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
	ON CONFLICT (inv, period, months) DO UPDATE SET n = c.n + EXCLUDED.n;
INSERT INTO facet_counts AS c (inv, kind, name, n)
	SELECT inv, kind, name, sum(n) FROM chrono_facet_deltas GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
	ON CONFLICT (inv, kind, name) DO UPDATE SET n = c.n + EXCLUDED.n;
INSERT INTO order_ticks AS c (inv, tick, n)
	SELECT inv, tick, sum(n) FROM chrono_tick_deltas GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2
	ON CONFLICT (inv, tick) DO UPDATE SET n = c.n + EXCLUDED.n;
TRUNCATE chrono_order_deltas, chrono_period_deltas, chrono_facet_deltas, chrono_tick_deltas;`)
		return err
	}, nil
}
