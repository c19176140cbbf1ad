package pg

import (
	"errors"
	"fmt"

	"chrono/model"
	"chrono/model/journalform"
	"chrono/model/stored"
	"chrono/store/written"
)

var _ model.EventsVerifier = (*Store)(nil)

// verifyMemory is what the comparison holds of its sorted records before
// it spills them to the system's temporary directory.
const verifyMemory = 16 << 20

// VerifyEvents implements model.EventsVerifier: in one read-only
// transaction, it compares each event, in the events table or the
// trash (both counted in Events), with what the journal says was
// written of it (package written), as the bbolt store does: the body
// is in the binary form that store keeps. A journal whose chain breaks
// is not compared with: the report then holds nothing.
func (s *Store) VerifyEvents() (model.CheckReport, error) {
	r := model.CheckReport{Location: s.Location()}
	altered := func(where, event, format string, args ...any) {
		r.Mismatches = append(r.Mismatches, model.Mismatch{Where: where, Event: event, What: fmt.Sprintf(format, args...), Altered: true})
	}
	err := s.read(func(db querier) error {
		var walk journalform.Walk
		for se, err := range s.stored(db) {
			if err != nil {
				return err
			}
			if !walk.Next(se) {
				// Past a break, the journal's versions are not its
				// own: VerifyJournal says where it breaks.
				return nil
			}
		}
		w := written.New("", verifyMemory)
		defer w.Remove()
		for se, err := range s.stored(db) {
			if err != nil {
				return err
			}
			p, err := journalform.Split(se.Seq, se.Form, se.Body)
			if err != nil {
				continue // the chain holds it as found; its reading is the log's
			}
			err = p.EachEvent(func(c *model.EventChange) error { return w.Journaled(se.Seq, c) })
			if err != nil && !errors.Is(err, model.ErrDamaged) {
				return err
			}
		}
		for row, err := range pages(db, `SELECT id AS k, id, body FROM events WHERE inv = $1 AND id > $2 ORDER BY id LIMIT $3`, s.inv, "") {
			if err != nil {
				return err
			}
			cur, err := currentBody(row.id, row.body)
			if err != nil {
				altered("events", row.id, "%v", err)
				continue
			}
			r.Events++
			if err := w.Stored(row.id, model.OnTimeline, cur); err != nil {
				return err
			}
		}
		for row, err := range pages(db, `SELECT id AS k, id, body FROM trash WHERE inv = $1 AND id > $2 ORDER BY id LIMIT $3`, s.inv, "") {
			if err != nil {
				return err
			}
			t, err := decodeTrashed(row.id, row.body)
			if err != nil {
				altered("trash", row.id, "%v", err)
				continue
			}
			r.Events++
			if err := w.Stored(row.id, model.InTrash, stored.Encode(nil, &t.Event)); err != nil {
				return err
			}
		}
		var err error
		// The events table is the store's index of ids: an event it
		// lacks is the comparison's to name.
		r.NotCovered, err = w.Compare(altered, func(string) bool { return false })
		return err
	})
	return r, err
}

// currentBody is an event's body as the current binary form encodes it:
// the comparison's side of what the store holds. A body from before
// schema 12, in JSON, is decoded and encoded.
func currentBody(id string, body []byte) ([]byte, error) {
	if len(body) > 0 && body[0] == '{' {
		e, err := decodeEvent(id, body)
		if err != nil {
			return nil, err
		}
		return stored.Encode(nil, &e), nil
	}
	cur, err := stored.Current(body)
	if err != nil {
		return nil, fmt.Errorf("event %q: %v (the database's copy is %w)", id, err, model.ErrDamaged)
	}
	return cur, nil
}
