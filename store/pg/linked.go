package pg

import "github.com/jackc/pgx/v5"

// flagLinkTargets is the thirteenth step: each event row says whether
// another event links to it (linked_to), so that a page looks its rows'
// incoming links up only for the few that have any (rowLinks). Looking
// them up for every row was a quarter of the server's time for a page
// of 71 rows (about 0.3 of 1 ms at a million events, where 7% of the
// events are linked to).
//
// Triggers keep the flag, whichever way links and events are written: a
// link added flags its target, the last link to an event removed clears
// it, and an event inserted (new, restored from the trash, or undone
// back) is flagged when links to it are already there, as a link may
// name an event before it exists. chrono never updates a link, nor an
// event's id: a changed link is removed and added again, so there is no
// trigger on updates. The flag only ever
// saves a lookup that would find nothing. Writers to an investigation
// take turns (begin), and each statement of a transaction sees what
// the writer before committed, so the triggers need no locks of their
// own. A statement that added or removed no link (an event's links
// cleared when it had none, as every write of an event does) leaves the
// events table alone: an update of no rows would still run its count
// triggers.
func flagLinkTargets(tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `ALTER TABLE events ADD COLUMN linked_to boolean NOT NULL DEFAULT false;
UPDATE events e SET linked_to = true WHERE EXISTS (SELECT FROM links l WHERE l.inv = e.inv AND l.target = e.id);

CREATE FUNCTION chrono_event_linked_to() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.linked_to := EXISTS (SELECT FROM links WHERE inv = NEW.inv AND target = NEW.id);
	RETURN NEW;
END $$;
CREATE TRIGGER events_linked_to BEFORE INSERT ON events
	FOR EACH ROW EXECUTE FUNCTION chrono_event_linked_to();

CREATE FUNCTION chrono_links_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT FROM added) THEN
		RETURN NULL;
	END IF;
	UPDATE events e SET linked_to = true FROM (SELECT DISTINCT inv, target FROM added) a
		WHERE e.inv = a.inv AND e.id = a.target AND NOT e.linked_to;
	RETURN NULL;
END $$;
CREATE TRIGGER links_added AFTER INSERT ON links REFERENCING NEW TABLE AS added
	FOR EACH STATEMENT EXECUTE FUNCTION chrono_links_added();

CREATE FUNCTION chrono_links_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT FROM removed) THEN
		RETURN NULL;
	END IF;
	UPDATE events e SET linked_to = false FROM (SELECT DISTINCT inv, target FROM removed) r
		WHERE e.inv = r.inv AND e.id = r.target AND e.linked_to
			AND NOT EXISTS (SELECT FROM links l WHERE l.inv = r.inv AND l.target = r.target);
	RETURN NULL;
END $$;
CREATE TRIGGER links_removed AFTER DELETE ON links REFERENCING OLD TABLE AS removed
	FOR EACH STATEMENT EXECUTE FUNCTION chrono_links_removed();`)
	return err
}
