package bolt

import (
	"testing"

	"chrono/model"
)

// BenchmarkLinkWrite is the constrained order's cost on a write: a link
// that orders two events added, then removed, each in one journaled
// write that places their linked groups again (settle) and moves the
// events whose key changed. The synthetic investigations link one event
// in eight to an earlier one, four relations in seven of them ordering:
// some 60,000 order links at a million events, in small groups.
func BenchmarkLinkWrite(b *testing.B) {
	onSynthStores(b, Options{Author: "bench"}, func(b *testing.B, s *Store, n int) {
		from, to := linkedPair(b, s, n)
		add := true
		for b.Loop() {
			var err error
			if add {
				_, err = s.Write(model.OpLink, "link", func(tx model.Tx) error {
					_, err := model.LinkEvents(tx, from, model.Precedes, to)
					return err
				})
			} else {
				_, err = s.Write(model.OpLink, "unlink", func(tx model.Tx) error {
					_, err := model.UnlinkEvents(tx, from, model.Precedes, to)
					return err
				})
			}
			if err != nil {
				b.Fatal(err)
			}
			add = !add
		}
	})
}

// linkedPair returns two dated events of s, the first already in a
// linked group, far apart in the file, that no link joins yet.
func linkedPair(b *testing.B, s *Store, n int) (from, to string) {
	b.Helper()
	for i := n / 2; i < n; i++ {
		e, err := s.Event(synthID(i))
		if err != nil || e.Date.IsZero() {
			continue
		}
		for _, l := range e.Links {
			if l.Rel.Orders() {
				from = e.ID
			}
		}
		if from != "" {
			break
		}
	}
	for i := n / 4; i < n/2; i++ {
		if e, err := s.Event(synthID(i)); err == nil && !e.Date.IsZero() && len(e.Links) == 0 {
			return from, e.ID
		}
	}
	b.Fatal("no pair of events to link")
	return "", ""
}
