package bolt

import (
	"fmt"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/outfile"
	"chrono/store/written"
)

var (
	_ model.EventsVerifier = (*Store)(nil)
	_ model.EventsVerifier = (*Shared)(nil)
)

// VerifyEvents implements model.EventsVerifier: it compares each event,
// on the timeline or in the trash (both counted in Events), with what
// the journal says was written of it (package written), reading the
// journal's entries, the events' values as they are (by their keys'
// ids, decoding none but the trash's) and the trash. The indexes are
// check --store's. A journal whose chain breaks is not compared with:
// the report then holds nothing.
func (s *Store) VerifyEvents() (model.CheckReport, error) {
	r := model.CheckReport{Location: s.path}
	altered := func(where, event, format string, args ...any) {
		r.Mismatches = append(r.Mismatches, model.Mismatch{Where: where, Event: event, What: fmt.Sprintf(format, args...), Altered: true})
	}
	err := s.view(func(b buckets) error {
		defer releasing(b.tx)()
		if !verifyChain(b.journal).OK() {
			// Past a break, the journal's versions are not its own:
			// VerifyJournal says where it breaks.
			return nil
		}
		dir := checkTempDir(s.path)
		if dir != "" {
			defer outfile.RemoveTemp(dir)
		}
		w := written.New(dir, int(min(int64(checkSortMemory), max(b.tx.Size(), 4<<10))))
		defer w.Remove()
		err := b.journal.ForEach(func(k, v []byte) error {
			e, p, err := decodeEntryHead(beUint64(k), v)
			if err != nil {
				return nil // the chain's walk says where the journal is damaged
			}
			err = p.EachEvent(func(c *model.EventChange) error { return w.Journaled(e.Seq, c) })
			if err != nil && !stored.IsDamage(asCorruption(err)) {
				return err
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = b.events.ForEach(func(order, v []byte) error {
			cur, err := stored.Current(v)
			if err != nil {
				altered("events", model.OrderKeyID(order), "%v", err)
				return nil
			}
			r.Events++
			return w.Stored(model.OrderKeyID(order), model.OnTimeline, cur)
		})
		if err != nil {
			return err
		}
		err = b.trash.ForEach(func(k, v []byte) error {
			t, err := decodeTrashed(v)
			if err != nil {
				altered("trash", string(k), "%v", err)
				return nil
			}
			r.Events++
			return w.Stored(string(k), model.InTrash, stored.Encode(nil, &t.Event))
		})
		if err != nil {
			return err
		}
		r.NotCovered, err = w.Compare(written.Report(altered), func(id string) bool { return b.ids.Get([]byte(id)) != nil })
		return err
	})
	return r, err
}

// VerifyEvents is Store.VerifyEvents.
func (s *Shared) VerifyEvents() (model.CheckReport, error) {
	return read(s, (*Store).VerifyEvents)
}
