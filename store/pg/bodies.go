package pg

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"chrono/model"
	"chrono/model/native"
	"chrono/model/stored"
)

// keepBodiesBinary is the twelfth step. An event's body is written from
// now on in the binary form the bbolt store keeps (package stored), not
// JSON: a page's rows decode in a fifth of the time (about 1 µs an
// event against 6), which was most of what a page cost the browser.
// And it is kept in its row (storage MAIN): a row of the synthetic
// million is over the size past which PostgreSQL moves a value out of
// it, and the body, then its widest column, went to the TOAST table, so
// that each row of a page cost three more buffers to read. Now the
// search text or the words go first, which only a search's check reads.
// Bodies written before keep their JSON, which decodeEvent still reads,
// until their event is written again: rewriting every row at once would
// hold the investigation for minutes. A chrono from before the step,
// still running, cannot read the new bodies (the README says to close
// them first).
func keepBodiesBinary(tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `ALTER TABLE events ALTER COLUMN body SET STORAGE MAIN`)
	return err
}

// allowMedia is the eighteenth step, which changes no row. From it an
// event with media has its body in version 4 of the binary form, which
// a chrono of the step before cannot read and would call damaged; with
// the version raised, it says the schema is newer and to upgrade chrono
// instead.
func allowMedia(pgx.Tx) error { return nil }

// allowDateTextParts is the twenty-second step, which changes no row.
// From it an event whose date text names a part of its date (its start,
// its end, or each in turn) has its body in version 5 of the binary
// form, which a chrono of the step before cannot read and would call
// damaged; with the version raised, it says the schema is newer and to
// upgrade chrono instead.
func allowDateTextParts(pgx.Tx) error { return nil }

// bodyOf is an event's body as the events table keeps it.
func bodyOf(e *model.Event) []byte { return stored.Encode(nil, e) }

// decodeEvent reads an event's body: the binary form, or the JSON of a
// body written before schema 12 (no binary form starts with '{').
func decodeEvent(id string, body []byte) (model.Event, error) { return decodeBody(id, body, false) }

// decodeBody is decodeEvent, for an event kept whole when whole says so,
// as a page's rows are: its strings then share one copy of the body
// (stored.DecodeWhole).
func decodeBody(id string, body []byte, whole bool) (model.Event, error) {
	if len(body) > 0 && body[0] == '{' {
		e, err := native.DecodeStored(body)
		if err != nil {
			return e, fmt.Errorf("event %q: its stored value is not readable JSON (%v): %w", id, err, model.ErrDamaged)
		}
		return e, nil
	}
	decode := stored.Decode
	if whole {
		decode = stored.DecodeWhole
	}
	e, err := decode(body)
	if err != nil {
		// What cannot be read, without the codec's naming of the event:
		// the row says which it is.
		why := errors.Unwrap(err)
		if why == nil {
			why = err
		}
		return e, fmt.Errorf("event %q: %v (the database's copy is %w)", id, why, model.ErrDamaged)
	}
	return e, nil
}
