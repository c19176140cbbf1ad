package pg

import (
	"fmt"
	"strings"

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

// bodyOf is an event's body as the events table keeps it.
func bodyOf(e *model.Event) []byte { return stored.Encode(nil, e) }

// decodeEvent reads an event's body: the binary form, or the JSON of a
// body written before schema 12 (no binary form starts with '{').
func decodeEvent(id string, body []byte) (model.Event, error) { return decodeBody(id, body, false) }

// decodeKept is decodeEvent for an event kept whole, as a page's rows
// are: its strings share one copy of the body (stored.DecodeWhole).
func decodeKept(id string, body []byte) (model.Event, error) { return decodeBody(id, body, true) }

// decodeBody is decodeEvent, the strings shared when whole says so.
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
		// The codec's error names the event when it could read its id.
		msg := err.Error()
		if named := fmt.Sprintf("event %q: ", id); !strings.HasPrefix(msg, named) {
			msg = named + strings.TrimPrefix(msg, "an event: ")
		}
		return e, fmt.Errorf("%s (the database's copy is %w)", msg, model.ErrDamaged)
	}
	return e, nil
}
