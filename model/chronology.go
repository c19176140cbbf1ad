package model

import (
	"cmp"
	"slices"
	"strings"
)

// Span is when an event can have happened: from its earliest instant to
// its latest. An undated event's span is all of time.
type Span struct{ Earliest, Latest Instant }

// SpanOf returns the span d states.
func SpanOf(d Date) Span {
	if d.IsZero() {
		return Span{BeginningOfTime, EndOfTime}
	}
	return Span{d.Earliest(), d.Latest()}
}

// Placed is an event where the chronology puts it: its span narrowed by
// the constraints, and why.
type Placed struct {
	Event *Event
	// Span is the event's span narrowed by the constraints: an event
	// that follows another is no earlier than that one's earliest
	// instant, one that precedes another no later than its latest.
	Span Span
	// EarliestFrom and LatestFrom name the event whose own date set each
	// bound, when a constraint moved it; empty when the event's date did.
	EarliestFrom, LatestFrom string
	// Depth is the length of the longest chain of constraints among
	// events with the same narrowed span that ends at the event: it
	// orders events the dates cannot tell apart.
	Depth int
	// unplaced is an undated event no constraint involves: it comes last.
	unplaced bool
}

// Narrowed reports whether a constraint moved either bound of the span.
func (p *Placed) Narrowed() bool { return p.EarliestFrom != "" || p.LatestFrom != "" }

// Chronology is an investigation's events in the order a reader reads
// them (see Order), with what in its constraints cannot all be true.
type Chronology struct {
	Events []Placed
	// Cycles are chains of constraints that come back to their start,
	// each listed from its first event in order to the one whose
	// constraint closes it. The constraints inside a cycle are left out
	// of the order; the others still apply.
	Cycles [][]string
	// Conflicts are constraints the dates contradict.
	Conflicts []Conflict
}

// Conflict is an order the links state that the dates make impossible:
// Before has to come no later than After, but Before's earliest instant
// is after After's latest. A link set aside leaves the order as if it
// were not there (see Order).
type Conflict struct {
	Before, After string
	// Link is the constraint that states it when one link does, or, when
	// the order set one aside, that one: of a chain between Before and
	// After, the link it took out. Zero when it follows from a chain of
	// them that an order keeping them narrowed along. A link set aside
	// that ends several chains has a conflict for each pair of events
	// needed so that every event whose date one of them contradicts is
	// named.
	Link Constraint
	// Aside says the dates contradict Link, alone or in a chain, and the
	// order has set it aside: the events stand where their dates put
	// them.
	Aside bool
}

// Order places events in the order the chronology is read:
//
//  1. Each event's span (its earliest and latest instant; all of time when
//     undated) is narrowed by the constraints its links state (precedes,
//     follows, disputes: a denial comes after what it denies), carried
//     along chains of them: an event that follows another is no earlier
//     than that one's earliest instant, one that precedes another no later
//     than that one's latest.
//  2. Events are read by the latest instant of their narrowed span: where
//     they are known to have happened by. An event dated only "2021"
//     comes after everything known to be of 2021's months, as a year's
//     undated events close its chapter; an event that precedes a dated
//     one comes before it. Open-ended events come after every bounded
//     one.
//  3. Events known to have happened by the same instant: the earlier
//     narrowed earliest instant first. Events with the same narrowed span:
//     one a longer chain of constraints among them leads to comes after;
//     then the more precisely dated first; then by title. Ids decide only
//     between events with the same span, precision and title.
//  4. An undated event no constraint touches comes after all others.
//
// Links the dates surely contradict are set aside: of the links that
// chains putting an event before one its date is surely after run
// through (one link that puts an event of 2022 before one of 2019, or
// 2022 before an undated event before 2019), the fewest that end every
// such chain. They narrow nothing, so that they move neither their
// events nor, along chains, those they do not concern; each is reported
// among the conflicts for the reader to resolve, once for each pair of
// events it takes to name every event whose date a chain through it
// contradicts. Of as many links, those
// that push fewer events past their own dates (approximate ones) are set
// aside, then the first by their events' ids. Every other constraint
// outside a cycle holds in the result: its earlier event comes first.
// Links to events not among events are ignored.
func Order(events []Event) Chronology { return PlacedNow.Order(events) }

// OrderKeepingContradicted is Order as chrono placed events before it
// set aside the links the dates contradict: such a link narrows as the
// others do, moving its events and those its chains reach. A store
// placed so and read as it is, not yet upgraded, is checked against it.
func OrderKeepingContradicted(events []Event) Chronology {
	return PlacedKeepingContradicted.Order(events)
}

// OrderSettingAsideOwn is Order as chrono placed events when it set
// aside only the links their own two events' dates contradict: a chain
// the dates contradict (2022 before an undated event before 2019) still
// narrows, moving its events out of their dates' order.
func OrderSettingAsideOwn(events []Event) Chronology {
	return PlacedSettingAsideOwn.Order(events)
}

func order(events []Event, rule Placement) Chronology {
	n := len(events)
	index := make(map[string]int, n)
	for i := range events {
		index[events[i].ID] = i
	}
	g := constraintGraph{index: index, rule: rule}
	for i := range events {
		for _, c := range Constraints(&events[i]) {
			g.add(c)
		}
	}
	placed := make([]Placed, n)
	for i := range events {
		placed[i] = Placed{Event: &events[i], Span: SpanOf(events[i].Date)}
	}
	var ch Chronology
	if len(g.edges) > 0 {
		ch.Cycles, ch.Conflicts = g.narrow(events, placed)
	}
	for i := range placed {
		placed[i].unplaced = events[i].Date.IsZero() && !g.linked[i]
	}
	slices.SortFunc(placed, func(a, b Placed) int { return comparePlaced(&a, &b) })
	ch.Events = placed
	return ch
}

func comparePlaced(a, b *Placed) int {
	if a.unplaced != b.unplaced {
		if a.unplaced {
			return 1
		}
		return -1
	}
	if c := a.Span.Latest.Compare(b.Span.Latest); c != 0 {
		return c
	}
	if c := a.Span.Earliest.Compare(b.Span.Earliest); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Depth, b.Depth); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Event.Date.Precision(), a.Event.Date.Precision()); c != 0 {
		return c
	}
	if c := strings.Compare(orderTitle(a.Event.Title), orderTitle(b.Event.Title)); c != 0 {
		return c
	}
	return strings.Compare(a.Event.ID, b.Event.ID)
}

// constraintGraph holds the constraints between events, by index: an
// edge from u to v says u comes no later than v.
type constraintGraph struct {
	index map[string]int
	edges map[int][]int
	// links keeps the link that states each edge, for reports.
	links map[[2]int]Constraint
	// linked holds every event some constraint involves.
	linked map[int]bool
	// rule says which constraints the dates contradict are set aside.
	rule Placement
}

func (g *constraintGraph) add(c Constraint) {
	u, ok1 := g.index[c.Before]
	v, ok2 := g.index[c.After]
	if !ok1 || !ok2 || u == v {
		return
	}
	if g.edges == nil {
		g.edges, g.links, g.linked = map[int][]int{}, map[[2]int]Constraint{}, map[int]bool{}
	}
	if _, dup := g.links[[2]int{u, v}]; dup {
		return
	}
	g.links[[2]int{u, v}] = c
	g.edges[u] = append(g.edges[u], v)
	g.linked[u], g.linked[v] = true, true
}

// narrow narrows the spans in placed (by event index) along the
// constraints and returns the cycles and conflicts found. Each event is
// visited once forwards and once backwards, so it always ends.
func (g *constraintGraph) narrow(events []Event, placed []Placed) ([][]string, []Conflict) {
	comps, comp := g.components()
	var cycles [][]string
	for _, members := range slices.Backward(comps) {
		if len(members) > 1 {
			cycles = append(cycles, g.cycle(events, members, comp))
		}
	}
	var aside asidePairs
	switch g.rule {
	case PlacedNow:
		// Most groups have no chain the dates contradict: narrowed along
		// every link, they leave each event a span, and that is all.
		if g.narrowSpans(events, placed, comps, comp, nil) {
			break
		}
		if aside = g.fewestAside(events, comps, comp); aside != nil {
			for i := range placed {
				placed[i].Span, placed[i].EarliestFrom, placed[i].LatestFrom = SpanOf(events[i].Date), "", ""
			}
			g.narrowSpans(events, placed, comps, comp, aside)
		}
	case PlacedSettingAsideOwn:
		aside = g.contradicted(events, comp)
		g.narrowSpans(events, placed, comps, comp, aside)
	default:
		g.narrowSpans(events, placed, comps, comp, nil)
	}
	// Depth, once the spans are final: only a constraint between events
	// with the same span is left for it to order.
	for _, members := range slices.Backward(comps) {
		for _, u := range members {
			for _, v := range g.edges[u] {
				if comp[v] != comp[u] && !inAside(aside, u, v) && placed[u].Span == placed[v].Span {
					placed[v].Depth = max(placed[v].Depth, placed[u].Depth+1)
				}
			}
		}
	}
	var conflicts []Conflict
	seen := map[[2]string]bool{}
	for u := range events {
		for _, v := range g.edges[u] {
			for _, pair := range aside[[2]int{u, v}] {
				k := [2]string{events[pair[0]].ID, events[pair[1]].ID}
				seen[k] = true
				conflicts = append(conflicts, Conflict{Before: k[0], After: k[1], Link: g.links[[2]int{u, v}], Aside: true})
			}
		}
	}
	for i := range placed {
		p := &placed[i]
		if p.Span.Earliest.Compare(p.Span.Latest) <= 0 {
			continue
		}
		k := [2]string{cmp.Or(p.EarliestFrom, events[i].ID), cmp.Or(p.LatestFrom, events[i].ID)}
		if seen[k] {
			continue
		}
		// Said only when sure: whatever zone a date without an offset
		// is in beside one with it, however approximate either is.
		if from, to := g.index[k[0]], g.index[k[1]]; !events[to].Date.SurelyBefore(events[from].Date) {
			continue
		}
		seen[k] = true
		c := Conflict{Before: k[0], After: k[1]}
		if l, ok := g.links[[2]int{g.index[k[0]], g.index[k[1]]}]; ok {
			c.Link = l
		}
		conflicts = append(conflicts, c)
	}
	return cycles, conflicts
}

// narrowSpans narrows the spans in placed along the constraints between
// components but those aside, and reports whether every event is left a
// span. comps is in reverse topological order: every edge between
// components goes from a later one to an earlier one.
func (g *constraintGraph) narrowSpans(events []Event, placed []Placed, comps [][]int, comp map[int]int, aside asidePairs) bool {
	for _, members := range slices.Backward(comps) {
		// Forwards: a component's earliest bounds are final once those
		// before it are done.
		for _, u := range members {
			for _, v := range g.edges[u] {
				if comp[v] == comp[u] || inAside(aside, u, v) {
					continue
				}
				pu, pv := &placed[u], &placed[v]
				if pu.Span.Earliest.Compare(pv.Span.Earliest) > 0 {
					pv.Span.Earliest = pu.Span.Earliest
					pv.EarliestFrom = cmp.Or(pu.EarliestFrom, events[u].ID)
				}
			}
		}
	}
	for _, members := range comps {
		for _, u := range members {
			for _, v := range g.edges[u] {
				if comp[v] == comp[u] || inAside(aside, u, v) {
					continue
				}
				pu, pv := &placed[u], &placed[v]
				if pv.Span.Latest.Compare(pu.Span.Latest) < 0 {
					pu.Span.Latest = pv.Span.Latest
					pu.LatestFrom = cmp.Or(pv.LatestFrom, events[v].ID)
				}
			}
		}
	}
	for i := range placed {
		if placed[i].Span.Earliest.Compare(placed[i].Span.Latest) > 0 {
			return false
		}
	}
	return true
}

// contradicted returns the edges between components (those of a cycle
// are left out already) that the dates of their own two events surely
// contradict, each with those two events: what OrderSettingAsideOwn sets
// aside.
func (g *constraintGraph) contradicted(events []Event, comp map[int]int) asidePairs {
	var aside asidePairs
	for u, vs := range g.edges {
		for _, v := range vs {
			if comp[u] != comp[v] && events[v].Date.SurelyBefore(events[u].Date) {
				if aside == nil {
					aside = asidePairs{}
				}
				aside[[2]int{u, v}] = [][2]int{{u, v}}
			}
		}
	}
	return aside
}

// asidePairs holds the edges set aside, each with the pairs of events
// (by index: the one whose date is surely after, then the other) of the
// chains through it that the dates contradict, as its conflicts name
// them.
type asidePairs map[[2]int][][2]int

// inAside reports whether the edge from u to v is set aside.
func inAside(aside asidePairs, u, v int) bool {
	_, ok := aside[[2]int{u, v}]
	return ok
}

// components returns the strongly connected components of the graph
// (Tarjan's algorithm, without recursion so that a long chain cannot
// exhaust the stack), in reverse topological order, and each vertex's
// component.
func (g *constraintGraph) components() ([][]int, map[int]int) {
	type frame struct{ v, next int }
	index := map[int]int{}
	low := map[int]int{}
	onStack := map[int]bool{}
	comp := map[int]int{}
	var stack []int
	var comps [][]int
	counter := 0
	roots := make([]int, 0, len(g.edges))
	for u := range g.edges {
		roots = append(roots, u)
	}
	slices.Sort(roots) // the same input always gives the same cycles
	for _, root := range roots {
		if _, seen := index[root]; seen {
			continue
		}
		call := []frame{{v: root}}
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			if f.next < len(g.edges[f.v]) {
				w := g.edges[f.v][f.next]
				f.next++
				if _, seen := index[w]; !seen {
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{v: w})
				} else if onStack[w] {
					low[f.v] = min(low[f.v], index[w])
				}
				continue
			}
			v := f.v
			call = call[:len(call)-1]
			if len(call) > 0 {
				parent := call[len(call)-1].v
				low[parent] = min(low[parent], low[v])
			}
			if low[v] == index[v] {
				var members []int
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = len(comps)
					members = append(members, w)
					if w == v {
						break
					}
				}
				slices.Sort(members)
				comps = append(comps, members)
			}
		}
	}
	return comps, comp
}

// cycle returns one cycle through a component's first member, as ids.
func (g *constraintGraph) cycle(events []Event, members []int, comp map[int]int) []string {
	start := members[0]
	prev := map[int]int{start: -1}
	queue := []int{start}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, v := range g.edges[u] {
			if comp[v] != comp[start] {
				continue
			}
			if v == start {
				var path []string
				for w := u; w != -1; w = prev[w] {
					path = append(path, events[w].ID)
				}
				slices.Reverse(path)
				return path
			}
			if _, seen := prev[v]; !seen {
				prev[v] = u
				queue = append(queue, v)
			}
		}
	}
	return nil // not reached: a component of several members has a cycle through each
}
