package model

// Placement is a rule by which chrono has placed linked groups. A store
// keeps its events in the order of the rule it was written with until it
// is upgraded, so a store read as it is (read-only, not yet upgraded)
// says its chronology's problems by that rule: else the ↯ marks and
// chrono check would speak of an order other than the one listed.
type Placement int

const (
	// PlacedNow is Order: the rule this chrono writes. Of the links
	// that chains the dates contradict run through, the fewest are set
	// aside.
	PlacedNow Placement = iota
	// PlacedKeepingContradicted is OrderKeepingContradicted: links the
	// dates contradict narrow as the others do.
	PlacedKeepingContradicted
	// PlacedSettingAsideOwn is OrderSettingAsideOwn: only links their
	// own two events' dates contradict are set aside.
	PlacedSettingAsideOwn
)

// Order places events by the rule p.
func (p Placement) Order(events []Event) Chronology { return order(events, p) }

// Contradictions is Contradictions of events placed by the rule p.
func (p Placement) Contradictions(events []Event, sources []Source) []Contradiction {
	ch := p.Order(events)
	return Contradictions(events, sources, &ch)
}

// ContradictionsOf is ContradictionsOf of e in its group placed by the
// rule p.
func (p Placement) ContradictionsOf(e *Event, group []Event, published map[string]Date) []Contradiction {
	var ch *Chronology
	if len(group) > 1 {
		o := p.Order(group)
		ch = &o
	}
	return ContradictionsOf(e, group, ch, published)
}

// Placer is a store that may hold its events in the order of an earlier
// rule: one read as it is, not yet upgraded.
type Placer interface {
	// Placement is the rule the store's events are placed by.
	Placement() Placement
}

// PlacementOf returns the rule s's events are placed by: PlacedNow
// unless s says otherwise.
func PlacementOf(s Store) Placement {
	if p, ok := s.(Placer); ok {
		return p.Placement()
	}
	return PlacedNow
}
