package model

import (
	"slices"
	"strings"
)

// The order sets aside the fewest links that leave no chain of the
// others putting an event before one its date is surely after: such a
// chain (2020 precedes an undated event, which precedes 2019) cannot all
// be true, and followed, it would move its events out of their dates'
// order, the undated one's and those of events that do not concern it.
// Which links are wrong is the reader's to find; the order keeps the
// dates, which a link only places within their uncertainty.

// maxAsideTrials bounds the sets of links tried one by one for the
// fewest: beyond it, the links that cut each contradiction in turn are
// set aside, the fewest for it (minCut), and then those not needed are
// kept again.
const maxAsideTrials = 4096

// maxAsideWork bounds them too by the links and events each reads: a
// trial reads every one, so a part of thousands of links tries fewer
// sets, and a group is placed in a fraction of a second however its
// links run.
const maxAsideWork = 1 << 20

// asideSearch is the part of a constraint graph that chains the dates
// contradict run through: the links between components that lie on one
// (the constraints within a cycle narrow nothing), and their events.
type asideSearch struct {
	events []Event
	verts  []int    // the events, by their place here, each after those linked to it
	links  [][2]int // the links, by their events' places here, sorted by ids
	out    [][]int  // each event's links to later ones, as indexes in links
	in     [][]int  // each event's links from earlier ones, once reach needs them
	evals  int      // how many sets of links eval judged
	// Each event's date as the search reads it, worked out once: a
	// search judges thousands of sets of links, and reading the dates
	// again for each was most of its cost.
	dates []asideDate
	// What firstBad and minCut work in, kept from one call to the next:
	// cutting chains in turn calls them thousands of times.
	es, ls   [][2]int
	prev     []int
	seen     []bool
	queue    []int
	dirty    []bool  // refreshBounds's
	inPlaced [][]int // refreshBounds's
}

// asideDate is what the search reads of an event's date: the instants
// it starts and ends at, and its span (SpanOf); and, when it bounds
// surely (dated, not approximate), the kind of each end (zoneKind) and
// each end widened as SurelyBefore widens it beside an end of the other
// kind.
type asideDate struct {
	sure               bool
	startKind, endKind int
	start, end         Instant
	startWide, endWide Instant
	earliest, latest   Instant
}

// fewestAside returns the constraints between components to set aside,
// each with pairs of events of chains through it the dates contradict
// (pairsOf): none when no chain of them does, as in most groups.
func (g *constraintGraph) fewestAside(events []Event, comps [][]int, comp map[int]int) asidePairs {
	var topo []int // any order of them will do to find the chains
	for _, members := range slices.Backward(comps) {
		topo = append(topo, members...)
	}
	var all [][2]int
	for u, vs := range g.edges {
		for _, v := range vs {
			if comp[u] != comp[v] {
				all = append(all, [2]int{u, v})
			}
		}
	}
	whole := newAsideSearch(events, all, topo)
	if first := whole.eval(nil); first.bad < 0 {
		return nil
	}
	// The links on a chain the dates contradict: only they can end one.
	es, ls := whole.sureBounds(nil)
	var on [][2]int
	for _, l := range whole.links {
		if _, _, ok := whole.surelyAfter(es[l[0]], ls[l[1]]); ok {
			on = append(on, [2]int{whole.verts[l[0]], whole.verts[l[1]]})
		}
	}
	aside := asidePairs{}
	for _, part := range joined(on) {
		s := newAsideSearch(events, part, nil)
		chosen := s.fewest()
		set := s.setOf(chosen)
		named := map[int]bool{}
		es, ls := s.sureBounds(nil)
		for _, li := range chosen {
			aside[[2]int{s.verts[s.links[li][0]], s.verts[s.links[li][1]]}] = s.pairsOf(set, li, es, ls, named)
		}
	}
	return aside
}

// joined returns the links in parts joined by their events, each solved
// on its own: a group's links set aside are the same whether it is
// ordered alone (as a store places it) or with every other (as chrono
// check reads them).
func joined(links [][2]int) [][][2]int {
	parent := map[int]int{}
	root := func(v int) int {
		for {
			p, ok := parent[v]
			if !ok {
				return v
			}
			if up, ok := parent[p]; ok {
				parent[v] = up
			}
			v = p
		}
	}
	for _, l := range links {
		if a, b := root(l[0]), root(l[1]); a != b {
			parent[a] = b
		}
	}
	at := map[int]int{}
	var parts [][][2]int
	for _, l := range links {
		r := root(l[0])
		i, ok := at[r]
		if !ok {
			i = len(parts)
			at[r] = i
			parts = append(parts, nil)
		}
		parts[i] = append(parts[i], l)
	}
	return parts
}

// newAsideSearch keeps the links given (by event index, between
// components, so with no cycle among them) and their events, in an order
// where each link goes from an earlier event to a later one: that of
// topo, or, when topo is nil, one that does not depend on the order the
// events came in (of the events whose links from earlier ones are all in
// place, the first by id), so that the search's choices do not either.
func newAsideSearch(events []Event, links [][2]int, topo []int) *asideSearch {
	s := &asideSearch{events: events}
	if topo == nil {
		topo = canonicalOrder(events, links)
	}
	in := map[int]bool{}
	for _, l := range links {
		in[l[0]], in[l[1]] = true, true
	}
	place := map[int]int{}
	for _, v := range topo {
		if in[v] {
			place[v] = len(s.verts)
			s.verts = append(s.verts, v)
		}
	}
	for _, l := range links {
		s.links = append(s.links, [2]int{place[l[0]], place[l[1]]})
	}
	// By ids, not by the order the events came in: each store reads a
	// group in its own order, and both must set aside the same links.
	slices.SortFunc(s.links, func(a, b [2]int) int {
		if c := strings.Compare(events[s.verts[a[0]]].ID, events[s.verts[b[0]]].ID); c != 0 {
			return c
		}
		return strings.Compare(events[s.verts[a[1]]].ID, events[s.verts[b[1]]].ID)
	})
	s.out = make([][]int, len(s.verts))
	for i, l := range s.links {
		s.out[l[0]] = append(s.out[l[0]], i)
	}
	s.dates = make([]asideDate, len(s.verts))
	for i, v := range s.verts {
		d := events[v].Date
		sp := SpanOf(d)
		ad := asideDate{earliest: sp.Earliest, latest: sp.Latest}
		if !d.IsZero() && !d.Qualified() {
			ad.sure = true
			ad.start, ad.end = d.Earliest(), d.Latest()
			ad.startKind, ad.endKind = zoneKind(d.start), zoneKind(d.endPoint())
			ad.startWide, ad.endWide = ad.start.addSeconds(-zoneEast), ad.end.addSeconds(zoneWest)
		}
		s.dates[i] = ad
	}
	return s
}

// surelyBefore is the SurelyBefore of the dates of the events b and a,
// by their places here.
func (s *asideSearch) surelyBefore(b, a int) bool {
	db, da := &s.dates[b], &s.dates[a]
	if !db.sure || !da.sure {
		return false
	}
	latest, earliest := db.end, da.start
	if db.endKind != da.startKind {
		// The one without an offset may be in the zone that brings it
		// nearest the other.
		if db.endKind == 0 {
			latest = db.endWide
		} else {
			earliest = da.startWide
		}
	}
	return latest.Compare(earliest) < 0
}

// canonicalOrder returns the events of links (which make no cycle) in
// an order where each link goes from an earlier event to a later one: of
// the events whose links from earlier ones are all in place, the first
// by id.
func canonicalOrder(events []Event, links [][2]int) []int {
	before := map[int]int{} // how many links to each event are not yet in place
	next := map[int][]int{}
	for _, l := range links {
		if _, ok := before[l[0]]; !ok {
			before[l[0]] = 0
		}
		before[l[1]]++
		next[l[0]] = append(next[l[0]], l[1])
	}
	byID := func(a, b int) int { return strings.Compare(events[a].ID, events[b].ID) }
	var ready []int
	for v, n := range before {
		if n == 0 {
			ready = append(ready, v)
		}
	}
	slices.SortFunc(ready, byID)
	var out []int
	for len(ready) > 0 {
		v := ready[0]
		ready = ready[1:]
		out = append(out, v)
		for _, w := range next[v] {
			if before[w]--; before[w] == 0 {
				i, _ := slices.BinarySearchFunc(ready, w, byID)
				ready = slices.Insert(ready, i, w)
			}
		}
	}
	return out
}

// sureBounds returns, for each event and each kind of date (by zone:
// without an offset, with one), the event among it and those the links
// not aside lead to it from whose date starts latest, and the one among
// it and those they lead to from it whose date ends earliest (-1 for
// none): undated events and approximate dates bound nothing surely. The
// two kinds are kept apart because SurelyBefore widens a date without an
// offset beside one with it: the latest start of all may be surely after
// no end that an earlier start of the other kind is surely after.
func (s *asideSearch) sureBounds(aside asideSet) (earliest, latest [][2]int) {
	n := len(s.verts)
	earliest, latest = make([][2]int, n), make([][2]int, n)
	s.sureBoundsIn(aside, earliest, latest)
	return earliest, latest
}

// sureBoundsIn is sureBounds, written in earliest and latest.
func (s *asideSearch) sureBoundsIn(aside asideSet, earliest, latest [][2]int) {
	n := len(s.verts)
	for i := range n {
		earliest[i], latest[i] = [2]int{-1, -1}, [2]int{-1, -1}
		if d := &s.dates[i]; d.sure {
			earliest[i][d.startKind] = i
			latest[i][d.endKind] = i
		}
	}
	later, sooner := s.later, s.sooner
	for u := range n {
		for _, li := range s.out[u] {
			if v := s.links[li][1]; !aside.has(li) {
				for k := range 2 {
					if later(earliest[u][k], earliest[v][k]) {
						earliest[v][k] = earliest[u][k]
					}
				}
			}
		}
	}
	for u := n - 1; u >= 0; u-- {
		for _, li := range s.out[u] {
			if v := s.links[li][1]; !aside.has(li) {
				for k := range 2 {
					if sooner(latest[v][k], latest[u][k]) {
						latest[u][k] = latest[v][k]
					}
				}
			}
		}
	}
}

// zoneKind is 1 for a point with an offset, 0 for one without.
func zoneKind(p point) int {
	if p.zoned() {
		return 1
	}
	return 0
}

// endPoint is the point d ends with: its end, or its one point.
func (d Date) endPoint() point {
	if d.form == formSingle {
		return d.start
	}
	return d.end
}

// surelyAfter returns, of the events that start latest (after) and
// those that end earliest (before) of each kind, an event and one its
// date is surely after, if there is such a pair.
func (s *asideSearch) surelyAfter(after, before [2]int) (a, b int, ok bool) {
	for _, a := range after {
		for _, b := range before {
			if a >= 0 && b >= 0 && s.surelyBefore(b, a) {
				return a, b, true
			}
		}
	}
	return -1, -1, false
}

// asideEval is what the links not set aside make of the dates: the
// first event (bad, -1 for none) some chain through which puts an event
// (pair[0]) before one its date is surely after (pair[1]), and how many
// events the chains push out of their own dates at all.
type asideEval struct {
	bad      int
	pair     [2]int
	inverted int
}

// eval judges the links but those aside.
func (s *asideSearch) eval(aside asideSet) asideEval {
	r := s.firstBad(aside)
	if r.bad >= 0 {
		return r // a set that leaves a chain contradicted is not kept
	}
	// The spans as Order narrows them, to tell apart sets of as many
	// links: the one that pushes fewer events past their own dates
	// (an approximate date among them) is kept.
	n := len(s.verts)
	early, late := make([]Instant, n), make([]Instant, n)
	for i := range s.dates {
		early[i], late[i] = s.dates[i].earliest, s.dates[i].latest
	}
	for u := range n {
		for _, li := range s.out[u] {
			if v := s.links[li][1]; !aside.has(li) && early[u].Compare(early[v]) > 0 {
				early[v] = early[u]
			}
		}
	}
	for u := n - 1; u >= 0; u-- {
		for _, li := range s.out[u] {
			if v := s.links[li][1]; !aside.has(li) && late[v].Compare(late[u]) < 0 {
				late[u] = late[v]
			}
		}
	}
	for i := range n {
		if early[i].Compare(late[i]) > 0 {
			r.inverted++
		}
	}
	return r
}

// firstBad is eval without the count of events pushed past their dates,
// which only tells apart sets that leave no chain contradicted.
func (s *asideSearch) firstBad(aside asideSet) asideEval {
	s.evals++
	r := asideEval{bad: -1}
	if s.es == nil {
		s.es, s.ls = make([][2]int, len(s.verts)), make([][2]int, len(s.verts))
	}
	es, ls := s.es, s.ls
	s.sureBoundsIn(aside, es, ls)
	for w := range s.verts {
		if a, b, ok := s.surelyAfter(es[w], ls[w]); ok {
			r.bad, r.pair = w, [2]int{a, b}
			break
		}
	}
	return r
}

// asideSet holds, by index in links, those set aside; nil holds none.
type asideSet []bool

func (a asideSet) has(li int) bool { return a != nil && a[li] }

// fewest returns the links to set aside, as indexes in links: of the
// fewest that leave no chain the dates contradict, the first (in the
// order of links) of those that push the fewest events past their own
// dates. Past maxAsideTrials, or maxAsideWork, it settles for cutting
// each chain in turn.
func (s *asideSearch) fewest() []int {
	trials, most := 0, min(maxAsideTrials, max(1, maxAsideWork/(len(s.links)+len(s.verts))))
	for k := 1; k <= len(s.links); k++ {
		var best []int
		bestInverted := -1
		exhausted := eachChoice(len(s.links), k, func(chosen []int) bool {
			if trials++; trials > most {
				return false
			}
			r := s.eval(s.setOf(chosen))
			if r.bad < 0 && (bestInverted < 0 || r.inverted < bestInverted) {
				best, bestInverted = slices.Clone(chosen), r.inverted
			}
			return true
		})
		if best != nil {
			return best
		}
		if !exhausted {
			break
		}
	}
	return s.cutInTurn()
}

// setOf is the set of the links chosen.
func (s *asideSearch) setOf(chosen []int) asideSet {
	set := make(asideSet, len(s.links))
	for _, li := range chosen {
		set[li] = true
	}
	return set
}

// eachChoice calls fn with each choice of k of n indexes, in order,
// until fn returns false; it reports whether it went through them all.
func eachChoice(n, k int, fn func([]int) bool) bool {
	chosen := make([]int, k)
	for i := range chosen {
		chosen[i] = i
	}
	for {
		if !fn(chosen) {
			return false
		}
		i := k - 1
		for i >= 0 && chosen[i] == n-k+i {
			i--
		}
		if i < 0 {
			return true
		}
		chosen[i]++
		for j := i + 1; j < k; j++ {
			chosen[j] = chosen[j-1] + 1
		}
	}
}

// cutInTurn sets aside, for each chain the dates contradict in turn,
// the fewest links that cut every chain between its two events, and
// then keeps again each link set aside that the others make needless.
func (s *asideSearch) cutInTurn() []int {
	aside := make(asideSet, len(s.links))
	settled := false
	// Setting links aside only ever makes the bounds weaker: an event
	// before the first with a contradicted chain is left without one.
	s.evals++
	es, ls := s.sureBounds(aside)
	for from := 0; ; {
		s.evals++
		r := s.badFrom(es, ls, from)
		if r.bad < 0 {
			settled = true
			break
		}
		from = r.bad
		cut := s.minCut(aside, r.pair[0], r.pair[1])
		if len(cut) == 0 {
			break // not reached: a chain between them has a link to cut
		}
		for _, li := range cut {
			aside[li] = true
		}
		s.refreshBounds(aside, es, ls, cut)
	}
	// With no chain of the others contradicted, keeping a link again
	// contradicts one exactly when a chain through it is: when the
	// latest start of what leads to its earlier event is surely after
	// the earliest end of what its later event leads to. The bounds so
	// change only when a link is kept again, not for each link tried,
	// and then only for the events it leads to and from.
	var chosen []int
	for li := range s.links {
		if !aside[li] {
			continue
		}
		if !settled {
			aside[li] = false
			if s.firstBad(aside).bad >= 0 {
				aside[li] = true
				chosen = append(chosen, li)
			}
			continue
		}
		if _, _, bad := s.surelyAfter(es[s.links[li][0]], ls[s.links[li][1]]); bad {
			chosen = append(chosen, li)
			continue
		}
		aside[li] = false
		s.evals++
		s.refreshBounds(aside, es, ls, []int{li})
	}
	return chosen
}

// minCut returns the fewest links, not aside, whose removal leaves no
// chain from a to b: the links out of what the largest flow of one per
// link still reaches from a (Edmonds and Karp).
func (s *asideSearch) minCut(aside asideSet, a, b int) []int {
	flow := make([]bool, len(s.links))
	in := s.linksIn()
	if s.prev == nil {
		s.prev, s.seen = make([]int, len(s.verts)), make([]bool, len(s.verts))
	}
	reach := func() (prev []int, found bool) {
		// prev[v] is the link that reached v, +1, negative when it was
		// followed back against its flow; 0 for not reached.
		prev, seen := s.prev, s.seen
		clear(prev)
		clear(seen)
		seen[a] = true
		queue := append(s.queue[:0], a)
		defer func() { s.queue = queue }()
		for k := 0; k < len(queue); k++ {
			u := queue[k]
			for _, li := range s.out[u] {
				if v := s.links[li][1]; !aside.has(li) && !flow[li] && !seen[v] {
					seen[v], prev[v] = true, li+1
					queue = append(queue, v)
				}
			}
			for _, li := range in[u] {
				if v := s.links[li][0]; flow[li] && !seen[v] {
					seen[v], prev[v] = true, -(li + 1)
					queue = append(queue, v)
				}
			}
		}
		for v := range seen {
			if !seen[v] {
				prev[v] = 0
			} else if prev[v] == 0 {
				prev[v] = len(s.links) + 1 // a itself
			}
		}
		return prev, seen[b]
	}
	for {
		prev, found := reach()
		if !found {
			var cut []int
			for li, l := range s.links {
				if !aside.has(li) && prev[l[0]] != 0 && prev[l[1]] == 0 {
					cut = append(cut, li)
				}
			}
			return cut
		}
		for v := b; v != a; {
			if p := prev[v]; p > 0 {
				flow[p-1] = true
				v = s.links[p-1][0]
			} else {
				flow[-p-1] = false
				v = s.links[-p-1][1]
			}
		}
	}
}

// pairOf returns the two events of a chain through the link li that the
// dates contradict, by event index, when the links aside but li are set
// aside: what setting li aside resolved.
func (s *asideSearch) pairOf(aside asideSet, li int) [2]int {
	l := s.links[li]
	u, v := s.verts[l[0]], s.verts[l[1]]
	if s.events[v].Date.SurelyBefore(s.events[u].Date) {
		return [2]int{u, v}
	}
	without := slices.Clone(aside)
	without[li] = false
	r := s.firstBad(without)
	if r.bad < 0 {
		return [2]int{u, v}
	}
	return [2]int{s.verts[r.pair[0]], s.verts[r.pair[1]]}
}

// pairsOf returns the pairs of events (by event index) that the link li
// set aside names: first pairOf's, what setting it aside resolved; then,
// for each event whose date contradicts a chain through li (of all the
// links, as they are stated) and that no pair named so far names, one
// such chain's pair. A link that ends several chains (2020 precedes an
// undated event, which precedes 2019 and 2018) so names every event whose
// date one of them contradicts, and each once however many links do.
// Es and ls are sureBounds(nil).
func (s *asideSearch) pairsOf(aside asideSet, li int, es, ls [][2]int, named map[int]bool) [][2]int {
	first := s.pairOf(aside, li)
	pairs := [][2]int{first}
	named[first[0]], named[first[1]] = true, true
	u, v := s.links[li][0], s.links[li][1]
	before, after := s.reach(u, true), s.reach(v, false)
	for w := range s.verts {
		if named[s.verts[w]] || !before[w] && !after[w] {
			continue
		}
		d := &s.dates[w]
		if !d.sure {
			continue // it bounds nothing surely
		}
		var a, b int
		var ok bool
		if before[w] {
			one := [2]int{-1, -1}
			one[d.startKind] = w
			a, b, ok = s.surelyAfter(one, ls[v])
		} else {
			one := [2]int{-1, -1}
			one[d.endKind] = w
			a, b, ok = s.surelyAfter(es[u], one)
		}
		if ok {
			pair := [2]int{s.verts[a], s.verts[b]}
			pairs = append(pairs, pair)
			named[pair[0]], named[pair[1]] = true, true
		}
	}
	return pairs
}

// reach returns, by place here, the events the links lead to from w
// (back, those they lead from to it), w among them.
func (s *asideSearch) reach(w int, back bool) []bool {
	if back {
		s.linksIn()
	}
	seen := make([]bool, len(s.verts))
	seen[w] = true
	queue := []int{w}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		next, end := s.out[x], 1
		if back {
			next, end = s.in[x], 0
		}
		for _, li := range next {
			if y := s.links[li][end]; !seen[y] {
				seen[y] = true
				queue = append(queue, y)
			}
		}
	}
	return seen
}

// linksIn returns each event's links from earlier ones (in), worked
// out the first time.
func (s *asideSearch) linksIn() [][]int {
	if s.in == nil {
		s.in = make([][]int, len(s.verts))
		for li, l := range s.links {
			s.in[l[1]] = append(s.in[l[1]], li)
		}
	}
	return s.in
}
