package bolt

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"slices"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/snapshots"

	bbolt "go.etcd.io/bbolt"
)

func beUint64(v []byte) uint64 {
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

// Event returns the event with an id; the error wraps model.ErrNotFound when
// there is none.
func (s *Store) Event(id string) (model.Event, error) {
	var e model.Event
	err := s.view(func(b buckets) error {
		var err error
		e, _, err = b.event(id)
		return err
	})
	return e, err
}

// Position returns the position of the event with an id in timeline
// order.
func (s *Store) Position(id string) (model.Position, error) {
	var order model.Position
	err := s.view(func(b buckets) error {
		k := b.ids.Get([]byte(id))
		if k == nil {
			return &model.Missing{Kind: model.MissingEvent, ID: id}
		}
		order = model.PositionOf(k)
		return nil
	})
	return order, err
}

// IDs returns the ids of stored events that begin with prefix, in byte
// order, at most limit of them, from the ids index alone.
func (s *Store) IDs(prefix string, limit int) ([]string, error) {
	var out []string
	err := s.view(func(b buckets) error {
		c := b.ids.Cursor()
		for k, _ := c.Seek([]byte(prefix)); k != nil && hasPrefix(k, []byte(prefix)) && len(out) < limit; k, _ = c.Next() {
			out = append(out, string(k))
		}
		return nil
	})
	return out, err
}

// Header returns the investigation's title and description.
func (s *Store) Header() (model.Header, error) {
	var h model.Header
	err := s.view(func(b buckets) error {
		h = b.header()
		return nil
	})
	return h, err
}

// header reads the investigation's title and description from meta/.
func (b buckets) header() model.Header {
	return model.Header{Title: string(b.meta.Get(keyTitle)), Description: string(b.meta.Get(keyDescription))}
}

// Sources returns every source, by id.
func (s *Store) Sources() ([]model.Source, error) {
	var out []model.Source
	err := s.view(func(b buckets) error {
		return b.sources.ForEach(func(k, v []byte) error {
			src, err := decodeSource(string(k), v)
			if err != nil {
				return err
			}
			out = append(out, src)
			return nil
		})
	})
	return out, err
}

// facetCounters are the counters that keep each kind of facet.
var facetCounters = map[model.FacetKind]counterKind{
	model.FacetTags:     counterTag,
	model.FacetActors:   counterActor,
	model.FacetSources:  counterCited,
	model.FacetStatuses: counterStatus,
}

// Facets returns the kept counts of one kind (tags, actors or statuses),
// most frequent first, then by name.
func (s *Store) Facets(kind model.FacetKind) ([]model.Facet, error) {
	counted, ok := facetCounters[kind]
	if !ok {
		return nil, fmt.Errorf("no facets of kind %d", kind)
	}
	var out []model.Facet
	err := s.view(func(b buckets) error {
		out = keptCounts(s.counted, b, kind, func() []model.Facet {
			var out []model.Facet
			prefix := counted.prefix()
			c := b.counts.Cursor()
			for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
				out = append(out, model.Facet{Name: string(k[len(prefix):]), Count: int(beUint64(v))})
			}
			slices.SortFunc(out, func(a, b model.Facet) int {
				return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
			})
			return out
		})
		return nil
	})
	return out, err
}

// Periods returns how many events of the view q selects start in each
// month, and how many months they may fall in, in timeline order, with
// the open-start and undated periods at the ends when they have any; a
// month is the one the rows show an event in, in q.Zone. The unfiltered
// view is answered from the kept counts; a filtered one by reading the
// order keys of its events; then the events near a month's turn are
// read again (shownPeriods).
func (s *Store) Periods(q model.Query) ([]model.Period, error) {
	var out []model.Period
	err := s.view(func(b buckets) error {
		if q.IsZero() {
			var err error
			out = keptCounts(s.counted, b, wholeMonths{q.Zone}, func() []model.Period {
				var shown []model.Period
				shown, err = shownPeriods(q, b, keptPeriods(b.counts))
				return shown
			})
			return err
		}
		var err error
		// The kept candidates of a query by links or ids know theirs.
		if k, kerr := wholeKeyed(q, b); k != nil || kerr != nil {
			if kerr != nil {
				return kerr
			}
			out = slices.Clone(k.periods)
		} else {
			// The events come in the chronology's order, not by the
			// month their date starts in: each month's are gathered
			// before they go out, in the months' order.
			var n periodCounter
			err = scan(q, b, nil, false, func(order []byte, _ func() []byte) (bool, error) {
				n.add(order)
				return true, nil
			})
			if err != nil {
				return err
			}
			out = n.periods()
		}
		out, err = shownPeriods(q, b, out)
		return err
	})
	return out, err
}

// keptPeriods reads the periods of the whole timeline from the kept
// counts: each month's events less those spanning more months, then
// those by how many.
func keptPeriods(counts *bbolt.Bucket) []model.Period {
	type span struct {
		p         int64
		months, n int
	}
	var spans []span
	prefix := counterSpan.prefix()
	c := counts.Cursor()
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		p, months := spanFromCountKey(k)
		spans = append(spans, span{p, months, int(beUint64(v))})
	}
	out := make([]model.Period, 0, len(spans)+512)
	prefix = counterPeriod.prefix()
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		p, n := periodFromCountKey(k), int(beUint64(v))
		for len(spans) > 0 && spans[0].p < p {
			spans = spans[1:] // a span count with no month count: not a period
		}
		i := 0
		for i < len(spans) && spans[i].p == p {
			n -= spans[i].n
			i++
		}
		if n > 0 {
			out = append(out, model.PeriodAt(p, 1, n))
		}
		for _, sp := range spans[:i] {
			out = append(out, model.PeriodAt(p, sp.months, sp.n))
		}
		spans = spans[i:]
	}
	return out
}

// Backlinks returns the links other events make to the event with an id.
func (s *Store) Backlinks(id string) ([]model.Incoming, error) {
	var out []model.Incoming
	err := s.view(func(b buckets) error {
		var err error
		out, err = backlinks(b, id)
		return err
	})
	return out, err
}

// IncomingLinks returns, by id, the links other events make to each of
// the events, in one read transaction.
func (s *Store) IncomingLinks(ids []string) (map[string][]model.Incoming, error) {
	var out map[string][]model.Incoming
	err := s.view(func(b buckets) (err error) {
		out, err = incomingIn(b, ids)
		return err
	})
	return out, err
}

// incomingIn is IncomingLinks in a read of the store. The ids are
// sought in the index's order, through one cursor: each seek lands near
// the last, on pages already mapped in.
func incomingIn(b buckets, ids []string) (map[string][]model.Incoming, error) {
	out := make(map[string][]model.Incoming, len(ids))
	c := b.links.Cursor()
	var prefix []byte
	for _, id := range slices.Sorted(slices.Values(ids)) {
		var err error
		prefix = append(append(prefix[:0], id...), keySep)
		if out[id], err = backlinksAt(c, prefix); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func backlinks(b buckets, id string) ([]model.Incoming, error) {
	return backlinksAt(b.links.Cursor(), append([]byte(id), keySep))
}

// backlinksAt reads the links index's entries under prefix (a target's
// id and keySep) through c.
func backlinksAt(c *bbolt.Cursor, prefix []byte) ([]model.Incoming, error) {
	var out []model.Incoming
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
		from, rel, ok := bytes.Cut(k[len(prefix):], []byte{keySep})
		if !ok {
			return nil, stored.Unreadablef("links index entry %q has no rel", k)
		}
		out = append(out, model.Incoming{From: string(from), Rel: model.Rel(rel)})
	}
	return out, nil
}

// Events iterates over the events q selects in timeline order, for
// exports and listings of any size. It holds a read transaction while it
// runs.
func (s *Store) Events(q model.Query) iter.Seq2[model.Event, error] {
	return func(yield func(model.Event, error) bool) {
		stopped := false
		err := s.Scan(q, model.Position{}, false, func(_ model.Position, e model.Event) (bool, error) {
			if !yield(e, nil) {
				stopped = true
				return false, nil
			}
			return true, nil
		})
		if err != nil && !stopped {
			yield(model.Event{}, err)
		}
	}
}

// Detail returns an event with the sources it cites, its links in both
// directions, the titles of the linked events (those in the trash apart),
// its latest changes and its sources' snapshots, in one read transaction.
func (s *Store) Detail(id string) (model.Detail, error) {
	var d model.Detail
	var txid int
	err := s.view(func(b buckets) error {
		e, _, err := b.event(id)
		if err != nil {
			return err
		}
		d = model.Detail{Event: e, Sources: map[string]model.Source{}, Titles: map[string]string{}}
		cited := []string{e.DateSource}
		for _, q := range e.Quotes {
			cited = append(cited, q.Source)
		}
		for _, sid := range cited {
			if v := b.sources.Get([]byte(sid)); v != nil && sid != "" {
				src, err := decodeSource(sid, v)
				if err != nil {
					return err
				}
				d.Sources[sid] = src
			}
		}
		incoming, err := backlinks(b, id)
		if err != nil {
			return err
		}
		d.Related = model.Relations(&e, incoming)
		for _, r := range d.Related {
			if other, _, err := b.event(r.Event); err == nil {
				d.Titles[r.Event] = other.Title
			} else if tr, err := b.trashed(r.Event); !errors.Is(err, model.ErrNotFound) {
				if err != nil {
					return err
				}
				if d.Trashed == nil {
					d.Trashed = map[string]string{}
				}
				d.Trashed[r.Event] = tr.Event.Title
			}
		}
		if d.History, err = journalIn(b, model.JournalQuery{Event: id, Limit: model.DetailHistory}); err != nil {
			return err
		}
		d.Snapshots = map[string][]model.Snapshot{}
		for sid := range d.Sources {
			metas, err := snapshotMetas(b.snapshots, sid)
			if err != nil {
				return err
			}
			if listed := snapshots.Listed(metas, false); len(listed) > 0 {
				d.Snapshots[sid] = listed
			}
		}
		txid = b.tx.ID()
		return nil
	})
	if err != nil {
		return d, err
	}
	d.Version, err = s.versionAt(txid)
	return d, err
}
