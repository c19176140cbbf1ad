package pg

import (
	"errors"
	"fmt"

	"chrono/model"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// SchemaVersion is the version of the tables this chrono reads and
// writes: the number of migrations.
var SchemaVersion = len(migrations)

// migration is one step of the schema, from the version before it to
// its own number, run in a transaction of its own: a step is done whole
// or not at all, and the version says which.
type migration struct {
	what string
	run  func(tx pgx.Tx) error
}

// migrations are the schema's steps, in order; migrations[i] makes
// version i+1. A step is never changed once released: a new one is
// added.
var migrations = []migration{
	{"the tables of investigations, events, links, sources, the trash and the journal", createTables},
	{"the journal's hash chain", chainJournal},
	{"the tables of snapshots", createSnapshots},
	{"the events in the chronology's order", placeInOrder},
	{"the events' search key and its trigram index", addSearchKey},
	{"the counts kept by stretch of the order key, month, tag, actor and status", keepCounts},
	{"the journal's heads, and each event's change in its history", addHeads},
	{"each journal entry's form, so that a restored one keeps its hash", addForms},
	{"the counts kept by tick of the order key within each stretch", keepTicks},
	{"the search keys' words and their index, in place of the keys' trigram index", indexWords},
	{"the events' wide columns compressed with lz4", compressWithLZ4},
	{"the events' bodies in binary form, kept in their rows", keepBodiesBinary},
	{"each event's flag that other events link to it", flagLinkTargets},
	{"the search keys with full-width forms, folded to the characters they stand for", foldWidths},
	{"the events' order keys holding their titles' first kilobyte", boundTitles},
	{"the search keys with typographic apostrophes, quotation marks, spaces and hyphens, and ё, folded", foldTypography},
	{"the counts kept of the events citing each source", keepCited},
	{"the events' bodies with media, in the binary form's version 4", allowMedia},
	{"the search keys and words holding the media's captions, credits, titles and alt texts", searchMedia},
	{"the entries that changed the links other events make to each event", indexLinking},
	{"the linked groups placed again, the links the dates contradict set aside", placeSetAside},
	{"the link flags and counts an import sets itself, passed by by the triggers", importSetsItself},
	{"the events' bodies with date text of a part of their date, in the binary form's version 5", allowDateTextParts},
	{"the linked groups placed again, the fewest links of chains the dates contradict set aside", placeFewestAside},
}

// schemaLock is the advisory lock chronos take while they migrate, so
// that two starting at once run each step once.
const schemaLock = 0x63_68_72_6f_6e_6f // "chrono"

// schemaOf reads the schema's version: 0 when chrono has not been here.
func schemaOf(q querier) (int, error) {
	var exists bool
	if err := q.QueryRow(ctx, `SELECT to_regclass('chrono_schema') IS NOT NULL`).Scan(&exists); err != nil {
		return 0, err
	}
	if !exists {
		return 0, nil
	}
	var v int
	err := q.QueryRow(ctx, `SELECT version FROM chrono_schema`).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// migrate brings the schema to SchemaVersion, a step per transaction.
// A read-only store only checks it.
func migrate(c *pgx.Conn, readOnly bool) error {
	return migrateTo(c, readOnly, migrations)
}

func migrateTo(c *pgx.Conn, readOnly bool, steps []migration) error {
	v, err := schemaOf(c)
	if err != nil {
		return err
	}
	switch {
	case v > len(steps):
		return fmt.Errorf("the database's chrono schema is %w (schema %d; this chrono reads up to %d): upgrade chrono", model.ErrNewerSchema, v, len(steps))
	case v < len(steps) && readOnly && v >= readsAsIs:
		// Read as it is (readsAsIs), and left at its schema.
		return nil
	case v < len(steps) && readOnly:
		if v == 0 {
			return fmt.Errorf("%w: chrono has no tables in this database yet", model.ErrNoStore)
		}
		return fmt.Errorf("the database's chrono schema %d needs upgrading to %d: open it once without read-only", v, len(steps))
	}
	for v < len(steps) {
		err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(schemaLock)); err != nil {
				return err
			}
			// Another chrono may have migrated while this one waited.
			now, err := schemaOf(tx)
			if err != nil || now != v {
				v = now
				return err
			}
			if err := steps[v].run(tx); err != nil {
				return fmt.Errorf("upgrading the schema to %d (%s): %w; nothing of that step was kept", v+1, steps[v].what, err)
			}
			if _, err := tx.Exec(ctx, `UPDATE chrono_schema SET version = $1`, v+1); err != nil {
				return err
			}
			v++
			return nil
		})
		if err != nil {
			var pgErr *pgconn.PgError
			if errors.As(err, &pgErr) && pgErr.Code == "42501" {
				return fmt.Errorf("%w: the role may not create chrono's tables here; grant it CREATE on the schema, or have an owner run chrono once", err)
			}
			return err
		}
	}
	return nil
}

// optional runs sql, a part of a step, in a savepoint of its own: a
// server that refuses it (an extension the role may not create or the
// server does not have, a feature it was built without or is too old
// for) leaves the step without it, not failed. Any other error (a lock
// not had in time, a cancelled statement) fails the step, to be run
// again.
func optional(tx pgx.Tx, sql string) error {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return err
	}
	_, err = sp.Exec(ctx, sql)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && refusals[pgErr.Code] {
		return sp.Rollback(ctx)
	}
	if err != nil {
		return err
	}
	return sp.Commit(ctx)
}

// fillColumn writes a column of every stored event, a page of rows at a
// time, for a step that adds one: of makes a text of the event's id and
// the column read, and set assigns the column from it (k.v).
func fillColumn(tx pgx.Tx, read, set string, of func(id string, v []byte) string) error {
	var inv int64
	id := ""
	for {
		rows, err := tx.Query(ctx, `SELECT inv, id, `+read+` FROM events WHERE (inv, id) > ($1, $2) ORDER BY inv, id LIMIT 1000`, inv, id)
		if err != nil {
			return err
		}
		var invs []int64
		var ids, vs []string
		for rows.Next() {
			var v []byte
			if err := rows.Scan(&inv, &id, &v); err != nil {
				rows.Close()
				return err
			}
			invs, ids, vs = append(invs, inv), append(ids, id), append(vs, of(id, v))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET `+set+`
			FROM unnest($1::bigint[], $2::text[], $3::text[]) AS k(inv, id, v)
			WHERE events.inv = k.inv AND events.id = k.id`, invs, ids, vs); err != nil {
			return err
		}
	}
}

// refusals are the errors by which a server refuses what optional asks:
// insufficient privilege, no such file (an extension not installed),
// feature not supported, a syntax error (a server too old for it), an
// undefined object (an operator class its extension did not bring).
var refusals = map[string]bool{"42501": true, "58P01": true, "0A000": true, "42601": true, "42704": true}

// createTables is the first step. Every text column that is compared or
// sorted uses the "C" collation, so that the database orders ids and
// names byte by byte as model and the bbolt store do. The order key is
// bytea, compared byte by byte.
func createTables(tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `
CREATE TABLE chrono_schema (version integer NOT NULL);
INSERT INTO chrono_schema VALUES (0);

CREATE TABLE investigations (
	id          bigserial PRIMARY KEY,
	name        text COLLATE "C" NOT NULL UNIQUE,
	title       text NOT NULL DEFAULT '',
	description text NOT NULL DEFAULT '',
	created     timestamptz NOT NULL DEFAULT now()
);

-- ord is the event's order key (order.go); body the event as JSON. status, actors (each
-- once), tags, noted, period and months (the month of the earliest bound
-- and how many months the event may fall in, as the bbolt store counts
-- them) and cites (the sources it cites, each once) are taken from the
-- event when it is written, for filters and exact counts. version counts
-- the writes of the row.
CREATE TABLE events (
	inv     bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	id      text COLLATE "C" NOT NULL,
	ord     bytea NOT NULL,
	body    bytea NOT NULL,
	status  text COLLATE "C" NOT NULL,
	actors  text[] COLLATE "C" NOT NULL,
	tags    text[] COLLATE "C" NOT NULL,
	noted   boolean NOT NULL,
	period  bigint NOT NULL,
	months  bigint NOT NULL,
	cites   text[] COLLATE "C" NOT NULL,
	version bigint NOT NULL DEFAULT 1,
	PRIMARY KEY (inv, id)
);
CREATE UNIQUE INDEX events_order ON events (inv, ord);
CREATE INDEX events_tags ON events USING gin (tags);
CREATE INDEX events_actors ON events USING gin (actors);
CREATE INDEX events_cites ON events USING gin (cites);
CREATE INDEX events_status ON events (inv, status, ord);
CREATE INDEX events_period ON events (inv, period, months);

-- Every link, by its target: what the events link to, and the backlinks.
CREATE TABLE links (
	inv    bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	target text COLLATE "C" NOT NULL,
	source text COLLATE "C" NOT NULL,
	rel    text COLLATE "C" NOT NULL,
	PRIMARY KEY (inv, target, source, rel)
);
CREATE INDEX links_source ON links (inv, source);

CREATE TABLE sources (
	inv  bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	id   text COLLATE "C" NOT NULL,
	body bytea NOT NULL,
	PRIMARY KEY (inv, id)
);

CREATE TABLE trash (
	inv  bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	id   text COLLATE "C" NOT NULL,
	at   timestamptz NOT NULL,
	body bytea NOT NULL,
	PRIMARY KEY (inv, id)
);

CREATE TABLE journal (
	inv  bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	seq  bigint NOT NULL,
	at   timestamptz NOT NULL,
	body bytea NOT NULL,
	PRIMARY KEY (inv, seq)
);

-- The entries that touched each event.
CREATE TABLE history (
	inv bigint NOT NULL REFERENCES investigations ON DELETE CASCADE,
	id  text COLLATE "C" NOT NULL,
	seq bigint NOT NULL,
	PRIMARY KEY (inv, id, seq)
);
`)
	return err
}
