package model

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestOrderKeysSortAsOrder: the keys of placed events sort exactly as
// Order places them, with and without constraints, cycles and
// contradictions among them; each key gives back its id and the date
// the event states.
func TestOrderKeysSortAsOrder(t *testing.T) {
	dates := []string{"-", "2019", "2020", "2021", "2021-03", "2021-03-05", "2020/2022", "2021/..", "../2020", "2019-06/2021-01", "2021-03-05T10:00:00Z"}
	rels := []Rel{Precedes, Follows, Disputes, DisputedBy, Supports}
	titles := []string{"", "a", "a\x00", "a\x00b", "b"}
	r := rand.New(rand.NewPCG(17, 4))
	for round := range 2000 {
		n := 1 + r.IntN(9)
		events := make([]Event, n)
		for i := range events {
			events[i] = ev(fmt.Sprintf("e%d %s", i, dates[r.IntN(len(dates))]))
			events[i].Title = titles[r.IntN(len(titles))]
		}
		for range r.IntN(2 * n) {
			i, j := r.IntN(n), r.IntN(n+1) // n: a link to an event not there
			other := fmt.Sprint("e", j)
			events[i].Links = append(events[i].Links, Link{rels[r.IntN(len(rels))], other})
		}
		ch := Order(events)
		keys := make([][]byte, len(ch.Events))
		for k := range ch.Events {
			p := &ch.Events[k]
			keys[k] = p.OrderKey()
			if got := OrderKeyID(keys[k]); got != p.Event.ID {
				t.Fatalf("round %d: OrderKeyID = %q, want %q", round, got, p.Event.ID)
			}
			earliest, latest, dated := OrderKeyBounds(keys[k])
			if stated := SpanOf(p.Event.Date); dated != !p.Event.Date.IsZero() || dated && (earliest != stated.Earliest || latest != stated.Latest) {
				t.Fatalf("round %d: %s: key bounds %v %v %v, date %v", round, p.Event.ID, earliest, latest, dated, p.Event.Date)
			}
		}
		if !slices.IsSortedFunc(keys, bytes.Compare) {
			var ids []string
			for _, k := range slices.SortedFunc(slices.Values(keys), bytes.Compare) {
				ids = append(ids, OrderKeyID(k))
			}
			t.Fatalf("round %d: Order %s, keys %v", round, orderIDs(ch), ids)
		}
	}
}
