package pg

import "github.com/jackc/pgx/v5"

// importSetsItself is the schema's twenty-second step: the work that
// two kinds of the events table's triggers do row by row, or statement
// by statement, an import does itself, for all its rows at once, and
// the triggers pass by the statements of a transaction that says so:
//
//   - the flag that other events link to an event (flagLinkTargets): the
//     row trigger queried the links for each row inserted, a fifth of an
//     import's insert (10,000 events: 420 of 2,070 ms). An import into an
//     investigation that held nothing knows which of its events its
//     links name, and sets the flag as it inserts them, with the setting
//     chrono.linked_to = 'set' (importFlags).
//   - the kept counts (keepCounts): an import into an investigation that
//     held nothing counts the rows it inserts as it makes them, and adds
//     the counts once, at its end (importCounts), with chrono.counts =
//     'end'; the triggers gathered each batch's deltas, another fifth of
//     the insert.
//
// The settings are the transaction's own (set_config's is_local): the
// triggers of every other transaction run as before.
func importSetsItself(tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `
DROP TRIGGER events_linked_to ON events;
CREATE TRIGGER events_linked_to BEFORE INSERT ON events FOR EACH ROW
	WHEN (current_setting('chrono.linked_to', true) IS DISTINCT FROM 'set')
	EXECUTE FUNCTION chrono_event_linked_to();
DROP TRIGGER events_count_insert ON events;
CREATE TRIGGER events_count_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
	WHEN (current_setting('chrono.counts', true) IS DISTINCT FROM 'end')
	EXECUTE FUNCTION chrono_count_insert();
DROP TRIGGER events_count_update ON events;
CREATE TRIGGER events_count_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
	WHEN (current_setting('chrono.counts', true) IS DISTINCT FROM 'end')
	EXECUTE FUNCTION chrono_count_update();
DROP TRIGGER events_count_delete ON events;
CREATE TRIGGER events_count_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
	WHEN (current_setting('chrono.counts', true) IS DISTINCT FROM 'end')
	EXECUTE FUNCTION chrono_count_delete();`)
	return err
}

// importFlags tells the triggers of an import's transaction, when the
// investigation held nothing (empty), that the import flags the events
// linked to, and counts its events, itself. Links to the events of an
// investigation that held nothing are only those the import makes, so it
// knows which to flag (txImport.targets); into one that held events, the
// links already there decide, and the row trigger looks them up. It was
// tried in the import's statement, by a subquery for each row: planned
// for a links table that its statistics took for nearly empty, it read
// the whole table for each row, ten seconds a batch.
func importFlags(tx pgx.Tx, empty bool) error {
	if !empty {
		return nil
	}
	_, err := tx.Exec(ctx, `SELECT set_config('chrono.linked_to', 'set', true), set_config('chrono.counts', 'end', true)`)
	return err
}
