package model

// Relation is a link seen from one event: the other event and how it
// relates to this one.
type Relation struct {
	Rel   Rel
	Event string
}

// Incoming is a link another event makes to this one.
type Incoming struct {
	From string // the linking event
	Rel  Rel    // the relation as the linking event states it
}

// Relations returns e's own links followed by the links other events make
// to it, turned around (an event another one disputes is disputed by it),
// leaving out those that repeat a link e already states.
func Relations(e *Event, incoming []Incoming) []Relation {
	out := make([]Relation, 0, len(e.Links)+len(incoming))
	seen := make(map[Relation]bool, cap(out))
	add := func(r Relation) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, l := range e.Links {
		add(Relation(l))
	}
	for _, in := range incoming {
		add(Relation{Rel: in.Rel.Inverse(), Event: in.From})
	}
	return out
}
