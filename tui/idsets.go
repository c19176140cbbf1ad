package tui

import (
	"slices"

	tea "charm.land/bubbletea/v2"
)

// idSet names the sets of events the browser is told of in the
// background, once when it opens and after each change (setscan.go),
// that the filter selects by their ids: never worked out on a key.
type idSet uint8

const (
	// setProblems: the events with a chronology problem.
	setProblems idSet = 1 << iota
	// setNotFound: the events with a quote not found in the latest
	// snapshot of its source.
	setNotFound
	// setUnchecked: the events with a quote there is no snapshot to
	// check against (its source has none, or it names no source).
	setUnchecked
)

// The names the picker and the filter line give the sets.
const (
	nameNotFound  = "quote not found in its source"
	nameUnchecked = "quote with no snapshot to check"
)

// gotSets keeps the sets, and filters the view to the new sets when it
// is filtered to them; an answer still to come is waited for again.
func (b *browser) gotSets(msg setsMsg) tea.Cmd {
	switch {
	case msg.seq != b.problemsSeq:
		return nil
	case msg.wait != nil:
		b.ctx.still = true
		return waitSets(msg.seq, msg.wait)
	case msg.err != nil:
		return fail(msg.err)
	}
	if sameList(b.problems, msg.problems) && sameList(b.notFound, msg.notFound) && sameList(b.unchecked, msg.unchecked) &&
		msg.snapshots == b.detail.snapshots {
		b.ctx.still = true // the sets a change left as they were
		return nil
	}
	b.problems, b.notFound, b.unchecked = msg.problems, msg.notFound, msg.unchecked
	if msg.snapshots != b.detail.snapshots {
		b.detail.snapshots, b.detail.stale = msg.snapshots, true
		b.layoutDetail()
	}
	return b.refilter()
}

// set returns the events of one set.
func (b *browser) set(s idSet) idList {
	switch s {
	case setProblems:
		return b.problems
	case setNotFound:
		return b.notFound
	case setUnchecked:
		return b.unchecked
	}
	return idList{}
}

// setIDs are the ids of the events in any of sets, for a query
// (queryIDs).
func (b *browser) setIDs(sets idSet) []string {
	var lists []idList
	for _, s := range []idSet{setProblems, setNotFound, setUnchecked} {
		if sets&s != 0 {
			lists = append(lists, b.set(s))
		}
	}
	return queryIDs(lists...)
}

// refilter filters the view to the sets it is filtered to as they are
// now.
func (b *browser) refilter() tea.Cmd {
	if !b.query.ByID {
		return nil
	}
	q := b.query
	q.IDs = b.setIDs(b.idSets)
	if slices.Equal(q.IDs, b.query.IDs) {
		return nil
	}
	return b.requery(q)
}
