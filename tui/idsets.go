package tui

import (
	"maps"
	"slices"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/verbatim"
)

// idSet names the sets of events the browser works out in the
// background, once when it opens and after each write, that the filter
// selects by their ids: never worked out on a key.
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

// quoteSetsMsg brings the events with a quote not found in its source,
// and those with a quote that has no snapshot to be checked against.
type quoteSetsMsg struct {
	seq                 int
	notFound, unchecked map[string]bool
	// snapshots says some source has a snapshot: until one has, no quote
	// is said to be unchecked, in the pane or the filter.
	snapshots bool
	err       error
}

// loadQuoteSets checks every quote against the latest snapshot of its
// source, one source at a time, with the indexes the browser keeps where
// they still hold (those it builds are dropped once used, so that only
// one source's text is held beyond those kept).
func loadQuoteSets(s model.Store, seq int, kept quoteIndexes) tea.Cmd {
	return func() tea.Msg {
		nf, un, any, err := quoteSets(s, kept)
		return quoteSetsMsg{seq: seq, notFound: nf, unchecked: un, snapshots: any, err: err}
	}
}

func quoteSets(s model.Store, kept quoteIndexes) (notFound, unchecked map[string]bool, any bool, err error) {
	sources, err := s.Sources()
	if err != nil {
		return nil, nil, false, err
	}
	snapped := map[string]bool{}
	for _, src := range sources {
		_, ok, err := latestSnapshot(s, src.ID)
		if err != nil {
			return nil, nil, false, err
		}
		snapped[src.ID] = ok
		any = any || ok
	}
	if !any {
		return map[string]bool{}, map[string]bool{}, false, nil
	}
	type quote struct{ event, text string }
	bySource := map[string][]quote{}
	notFound, unchecked = map[string]bool{}, map[string]bool{}
	for e, err := range s.Events(model.Query{}) {
		if err != nil {
			return nil, nil, false, err
		}
		for _, q := range e.Quotes {
			if snapped[q.Source] {
				bySource[q.Source] = append(bySource[q.Source], quote{e.ID, q.Text})
			} else {
				unchecked[e.ID] = true
			}
		}
	}
	for _, source := range slices.Sorted(maps.Keys(bySource)) {
		si, _, err := indexOf(s, kept, source)
		if err != nil {
			return nil, nil, false, err
		}
		for _, q := range bySource[source] {
			if si == nil {
				unchecked[q.event] = true // withdrawn meanwhile
				continue
			}
			if !notFound[q.event] && si.check(q.text).State == verbatim.NotFound {
				notFound[q.event] = true
			}
		}
	}
	return notFound, unchecked, true, nil
}

// gotQuoteSets keeps the events with unverified quotes, and filters the
// view to the new sets when it is filtered to them.
func (b *browser) gotQuoteSets(msg quoteSetsMsg) tea.Cmd {
	if msg.seq != b.problemsSeq {
		return nil
	}
	if msg.err != nil {
		return fail(msg.err)
	}
	b.notFound, b.unchecked = msg.notFound, msg.unchecked
	if msg.snapshots != b.detail.snapshots {
		b.detail.snapshots, b.detail.stale = msg.snapshots, true
		b.layoutDetail()
	}
	return b.refilter()
}

// set returns the events of one set.
func (b *browser) set(s idSet) map[string]bool {
	switch s {
	case setProblems:
		return b.problems
	case setNotFound:
		return b.notFound
	case setUnchecked:
		return b.unchecked
	}
	return nil
}

// setIDs are the ids of the events in any of sets, sorted, for a query.
func (b *browser) setIDs(sets idSet) []string {
	union := map[string]bool{}
	for _, s := range []idSet{setProblems, setNotFound, setUnchecked} {
		if sets&s != 0 {
			maps.Copy(union, b.set(s))
		}
	}
	return problemIDs(union)
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
