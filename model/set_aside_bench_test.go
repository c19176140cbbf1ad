package model

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkOrderDenseContradictions orders one linked group whose links
// the dates contradict everywhere, where the search for the fewest
// links to set aside does the most work: layers of undated events, each
// preceding every one of the next, between events of 2020 above and of
// 2019 below (thousands of links, every chain contradicted); and events
// of random years linked at random, a third of the links against them.
func BenchmarkOrderDenseContradictions(b *testing.B) {
	for _, w := range []int{20, 40} {
		events := layeredContradictions(w)
		b.Run(fmt.Sprintf("layers-%d", w), func(b *testing.B) {
			for b.Loop() {
				Order(events)
			}
		})
	}
	for _, n := range []int{200, 1000} {
		events := randomContradictions(n, 4*n)
		b.Run(fmt.Sprintf("random-%d", n), func(b *testing.B) {
			for b.Loop() {
				Order(events)
			}
		})
	}
}

// layeredContradictions is w events of 2020, each preceding one of the
// first of four layers of w undated events, each preceding every one of
// the next, the last every one of w events of 2019.
func layeredContradictions(w int) []Event {
	var events []Event
	name := func(l, i int) string { return fmt.Sprintf("l%d-%02d", l, i) }
	for l := range 4 {
		for i := range w {
			e := Event{ID: name(l, i), Title: name(l, i)}
			for j := range w {
				next := fmt.Sprintf("bot-%02d", j)
				if l < 3 {
					next = name(l+1, j)
				}
				e.Links = append(e.Links, Link{Rel: Precedes, Event: next})
			}
			events = append(events, e)
		}
	}
	for i := range w {
		events = append(events,
			Event{ID: fmt.Sprintf("top-%02d", i), Title: "top", Date: MustParseDate("2020"), Links: []Link{{Rel: Precedes, Event: name(0, i)}}},
			Event{ID: fmt.Sprintf("bot-%02d", i), Title: "bot", Date: MustParseDate("2019")})
	}
	return events
}

// randomContradictions is n events, most dated by year, with m links
// that precede: a hidden rank keeps them acyclic, and the years are
// drawn so that about a third of the links go against them.
func randomContradictions(n, m int) []Event {
	r := rand.New(rand.NewPCG(17, 9))
	rank := r.Perm(n)
	events := make([]Event, n)
	for i := range events {
		events[i] = Event{ID: fmt.Sprintf("e%04d", i), Title: "t"}
		if r.IntN(5) > 0 {
			year := 1900 + rank[i]*50/n
			if r.IntN(3) == 0 {
				year = 1900 + r.IntN(50)
			}
			events[i].Date = MustParseDate(fmt.Sprint(year))
		}
	}
	for range m {
		i, j := r.IntN(n), r.IntN(n)
		if rank[i] > rank[j] {
			i, j = j, i
		}
		if i != j {
			events[i].Links = append(events[i].Links, Link{Rel: Precedes, Event: events[j].ID})
		}
	}
	return events
}
