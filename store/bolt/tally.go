package bolt

import (
	"fmt"
	"strings"
)

// tally adds up the changes a large import makes to the kept counts.
// It keeps a map for each kind of counter, keyed by the name or the
// period alone: a map keyed by the whole counter hashed and compared a
// string and three numbers for each of the ten or so counters of every
// event read, 0.9 s of a million events' import on its one serial
// goroutine.
type tally struct {
	tags, actors, statuses, cited map[string]*int
	period                        map[int64]int
	order                         map[int64]int
	span                          map[spanCounter]int
	total                         int
}

// spanCounter is the period and months of a counterSpan.
type spanCounter struct {
	period int64
	months int
}

func newTally() *tally {
	return &tally{tags: map[string]*int{}, actors: map[string]*int{}, statuses: map[string]*int{}, cited: map[string]*int{}, period: map[int64]int{}, order: map[int64]int{}, span: map[spanCounter]int{}}
}

// add adds delta to the counter c.
func (t *tally) add(c counter, delta int) {
	switch c.kind {
	case counterTotal:
		t.total += delta
	case counterPeriod:
		t.period[c.period] += delta
	case counterOrder:
		t.order[c.period] += delta
	case counterSpan:
		t.span[spanCounter{c.period, c.months}] += delta
	default:
		// Looked up, never assigned by the name given: a map assigned
		// takes the key as given, which may share the text of the
		// record it was read from (model.SharesText); a new name is
		// kept as a clone.
		m := t.named(c.kind)
		if n, ok := m[c.name]; ok {
			*n += delta
		} else {
			n := new(int)
			*n = delta
			m[strings.Clone(c.name)] = n
		}
	}
}

// count is the change the tally holds to the counter of a kind that has
// names, name.
func (t *tally) count(kind counterKind, name string) int {
	if n := t.named(kind)[name]; n != nil {
		return *n
	}
	return 0
}

// named is the map of the counters of a kind that has names.
func (t *tally) named(kind counterKind) map[string]*int {
	switch kind {
	case counterTag:
		return t.tags
	case counterActor:
		return t.actors
	case counterStatus:
		return t.statuses
	case counterCited:
		return t.cited
	}
	panic(fmt.Sprintf("counter kind %q has no name", kind))
}

// each calls fn with every counter the tally has changed, and by how
// much, in no particular order.
func (t *tally) each(fn func(c counter, delta int) error) error {
	if t.total != 0 {
		if err := fn(counter{kind: counterTotal}, t.total); err != nil {
			return err
		}
	}
	for _, kind := range []counterKind{counterTag, counterActor, counterStatus, counterCited} {
		for name, delta := range t.named(kind) {
			if err := fn(counter{kind: kind, name: name}, *delta); err != nil {
				return err
			}
		}
	}
	for p, delta := range t.period {
		if err := fn(counter{kind: counterPeriod, period: p}, delta); err != nil {
			return err
		}
	}
	for p, delta := range t.order {
		if err := fn(counter{kind: counterOrder, period: p}, delta); err != nil {
			return err
		}
	}
	for s, delta := range t.span {
		if err := fn(counter{kind: counterSpan, period: s.period, months: s.months}, delta); err != nil {
			return err
		}
	}
	return nil
}
