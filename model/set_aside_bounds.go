package model

// Cutting chains in turn sets links aside a few at a time, and keeping
// them again puts them back one at a time: each change moves the bounds
// (sureBounds) of only the events its links lead to and from. Working
// them out again for the whole part, for each of hundreds of changes, was
// most of the cost of ordering a group dense with contradictions.

// refreshBounds brings earliest and latest, sureBounds of the links but
// those aside before the links changed were set aside or kept again, to
// sureBounds(aside): each event's bounds are worked out again, in the
// order sureBounds works them, only where a change of a link or of the
// bounds of an event linked to it can move them.
func (s *asideSearch) refreshBounds(aside asideSet, earliest, latest [][2]int, changed []int) {
	n := len(s.verts)
	if s.dirty == nil {
		s.dirty = make([]bool, n)
		// Each event's links from earlier ones, in the order sureBounds
		// follows them: by their earlier event's place, then as out has
		// them. It decides which of two events starting at one instant
		// bounds, as it does there.
		s.inPlaced = make([][]int, n)
		for u := range n {
			for _, li := range s.out[u] {
				v := s.links[li][1]
				s.inPlaced[v] = append(s.inPlaced[v], li)
			}
		}
	}
	dirty := s.dirty
	lo, hi := n, -1
	for _, li := range changed {
		v := s.links[li][1]
		dirty[v] = true
		lo = min(lo, v)
	}
	for w := lo; w < n; w++ {
		if !dirty[w] {
			continue
		}
		dirty[w] = false
		b := s.ownBounds(w, true)
		for _, li := range s.inPlaced[w] {
			if u := s.links[li][0]; !aside.has(li) {
				for k := range 2 {
					if s.later(earliest[u][k], b[k]) {
						b[k] = earliest[u][k]
					}
				}
			}
		}
		if b != earliest[w] {
			earliest[w] = b
			for _, li := range s.out[w] {
				if !aside.has(li) {
					dirty[s.links[li][1]] = true
				}
			}
		}
	}
	for _, li := range changed {
		dirty[s.links[li][0]] = true
		hi = max(hi, s.links[li][0])
	}
	in := s.linksIn()
	for w := hi; w >= 0; w-- {
		if !dirty[w] {
			continue
		}
		dirty[w] = false
		b := s.ownBounds(w, false)
		for _, li := range s.out[w] {
			if v := s.links[li][1]; !aside.has(li) {
				for k := range 2 {
					if s.sooner(latest[v][k], b[k]) {
						b[k] = latest[v][k]
					}
				}
			}
		}
		if b != latest[w] {
			latest[w] = b
			for _, li := range in[w] {
				if !aside.has(li) {
					dirty[s.links[li][0]] = true
				}
			}
		}
	}
}

// ownBounds is what sureBounds starts the event w's bounds from: w
// itself, in the place of its start's kind (start) or its end's, when
// its date bounds surely.
func (s *asideSearch) ownBounds(w int, start bool) [2]int {
	b := [2]int{-1, -1}
	if d := &s.dates[w]; d.sure {
		if start {
			b[d.startKind] = w
		} else {
			b[d.endKind] = w
		}
	}
	return b
}

// later says whether the bound a starts later than b does, or b is none.
func (s *asideSearch) later(a, b int) bool {
	return b < 0 || a >= 0 && s.dates[a].start.Compare(s.dates[b].start) > 0
}

// sooner says whether the bound a ends sooner than b does, or b is none.
func (s *asideSearch) sooner(a, b int) bool {
	return b < 0 || a >= 0 && s.dates[a].end.Compare(s.dates[b].end) < 0
}

// badFrom returns the first event, from the place from on, some chain
// through which the bounds say the dates contradict, as firstBad does.
func (s *asideSearch) badFrom(earliest, latest [][2]int, from int) asideEval {
	for w := from; w < len(s.verts); w++ {
		if a, b, ok := s.surelyAfter(earliest[w], latest[w]); ok {
			return asideEval{bad: w, pair: [2]int{a, b}}
		}
	}
	return asideEval{bad: -1}
}
