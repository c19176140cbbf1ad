package model

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRefreshBoundsAsWorkedOutAgain: the bounds brought up to date as
// links are set aside and kept again, a few at a time, are those
// worked out again from nothing, down to which of two events starting
// or ending at one instant bounds.
func TestRefreshBoundsAsWorkedOutAgain(t *testing.T) {
	dates := []string{"-", "1990", "1991", "1991", "1992", "1991-06", "1992~", "1990/1992", "../1990", "1991-03-05T10:00:00Z", "1991-03-05"}
	r := rand.New(rand.NewPCG(17, 12))
	for round := range 300 {
		n := 3 + r.IntN(20)
		rank := r.Perm(n)
		events := make([]Event, n)
		for i := range events {
			events[i] = ev(fmt.Sprintf("e%02d %s", i, dates[r.IntN(len(dates))]))
		}
		var links [][2]int
		for range 3 * n {
			i, j := r.IntN(n), r.IntN(n)
			if rank[i] > rank[j] {
				i, j = j, i
			}
			if i != j && !slices.Contains(links, [2]int{i, j}) {
				links = append(links, [2]int{i, j})
			}
		}
		if len(links) == 0 {
			continue
		}
		s := newAsideSearch(events, links, nil)
		aside := make(asideSet, len(s.links))
		es, ls := s.sureBounds(aside)
		for step := range 20 {
			var changed []int
			for range 1 + r.IntN(3) {
				li := r.IntN(len(s.links))
				if !slices.Contains(changed, li) {
					aside[li] = !aside[li]
					changed = append(changed, li)
				}
			}
			s.refreshBounds(aside, es, ls, changed)
			wantEs, wantLs := s.sureBounds(aside)
			if !slices.Equal(es, wantEs) || !slices.Equal(ls, wantLs) {
				t.Fatalf("round %d, step %d: refreshed %v %v, worked out again %v %v", round, step, es, ls, wantEs, wantLs)
			}
		}
	}
}
