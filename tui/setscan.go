package tui

import (
	"errors"
	"maps"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
	"chrono/model/verbatim"
)

// The sets the filter selects by id (idSet) are worked out of the whole
// store once, and then kept up to date change by change. A change's
// journal entry names the events it touched: only those are checked
// again, together with the linked groups they are or were in (an order
// problem lies within one group), read through their links. A change to
// the sources' publication dates or snapshots, an import, or one too big
// to list has the whole store read again, a page at a time, so that no
// read holds the store for long and writers go on between pages.
//
// A server's sessions are told of a change all at once: the browsers of
// one process that read one store (by Location) therefore share the
// sets. One update runs at a time, and those who ask while it runs are
// answered by the next, which begins after they asked.

// scanPage is how many events one read of the full scan takes.
const scanPage = 4096

// mostChanged bounds the events the journal entries since the sets
// were worked out may touch for the sets to be updated event by event;
// past it (an import, say) the store is read again whole.
const mostChanged = 2048

// journalPage is how many journal entries one read takes.
const journalPage = 64

// setsWait is how long a command waits for the sets before it returns
// and the browser waits again: no command blocks for a whole scan.
const setsWait = time.Second

// setsMsg brings the sets, or that they are still being worked out.
type setsMsg struct {
	seq int
	// wait is the answer to come, when it has not come yet.
	wait <-chan setsAnswer
	setsAnswer
}

// setsAnswer is the sets as of a journal entry, never changed once
// given: a browser holds them as they are.
type setsAnswer struct {
	problems, notFound, unchecked idList
	// snapshots says some source has a snapshot: until one has, no
	// quote is said to be unchecked, in the pane or the filter.
	snapshots bool
	err       error
}

// askSets asks for the sets as they are after what the store holds now,
// and returns at once: waitSets waits for the answer.
func askSets(s model.Store, seq int, kept quoteIndexes) tea.Cmd {
	return func() tea.Msg {
		return setsMsg{seq: seq, wait: trackerOf(s).ask(s, kept)}
	}
}

// waitSets waits a while for an answer asked for.
func waitSets(seq int, wait <-chan setsAnswer) tea.Cmd {
	return func() tea.Msg {
		select {
		case a := <-wait:
			return setsMsg{seq: seq, setsAnswer: a}
		case <-time.After(setsWait):
			return setsMsg{seq: seq, wait: wait}
		}
	}
}

// setTrackers are the sets by store location.
var setTrackers byLocation[setTracker]

// trackerOf is the tracker of a store's sets.
func trackerOf(s model.Store) *setTracker { return setTrackers.of(s) }

// setTracker keeps one store's sets.
type setTracker struct {
	mu      sync.Mutex
	running bool
	waiting []setAsk

	// The rest is run's alone.
	fullScans int // for the tests
	st        setState
}

// setAsk is one browser's question, the store it reads and the indexes
// it keeps.
type setAsk struct {
	s      model.Store
	kept   quoteIndexes
	answer chan setsAnswer
}

// ask queues a question, and starts answering when nobody is.
func (t *setTracker) ask(s model.Store, kept quoteIndexes) <-chan setsAnswer {
	a := setAsk{s: s, kept: kept, answer: make(chan setsAnswer, 1)}
	t.mu.Lock()
	t.waiting = append(t.waiting, a)
	if !t.running {
		t.running = true
		go t.run()
	}
	t.mu.Unlock()
	return a.answer
}

// run updates the sets for those waiting until none is.
func (t *setTracker) run() {
	for {
		t.mu.Lock()
		batch := t.waiting
		t.waiting = nil
		if len(batch) == 0 {
			t.running = false
			t.mu.Unlock()
			return
		}
		t.mu.Unlock()
		newest := batch[len(batch)-1] // its store is open
		t.st.asked = newest.kept
		err := t.st.update(newest.s, &t.fullScans)
		a := setsAnswer{err: err}
		if err == nil {
			a = t.st.answer()
		}
		for _, b := range batch {
			b.answer <- a
		}
	}
}

// setState is the sets as of a journal entry, with what keeping them
// up to date needs.
type setState struct {
	ready bool
	// seq and hash are the journal entry the sets are as of (0 and ""
	// for an empty journal): the hash tells a store put in the place of
	// another.
	seq  uint64
	hash string

	published map[string]model.Date // the sources' publication dates
	snapped   map[string]bool       // the sources with a snapshot
	// indexes are those the tracker keeps of sources' latest snapshots,
	// asked those the newest asker keeps.
	indexes, asked quoteIndexes

	// linked are the events with an order link (their own or another's
	// to them); linkProblems those of them whose order cannot all be
	// true. The events dated after the publication of the source their
	// date is anchored to are not kept apart: at a million events they
	// may be half of them, and problems holds them.
	linked       idList
	linkProblems map[string]bool
	// regroup are the events whose linked groups the changes read since
	// may have changed: those whose order links were changed, and the
	// events they link to.
	regroup                       map[string]bool
	problems, notFound, unchecked idList // problems: linkProblems and the date problems
}

// answer gives the sets.
func (st *setState) answer() setsAnswer {
	return setsAnswer{problems: st.problems, notFound: st.notFound, unchecked: st.unchecked, snapshots: st.anySnapshot()}
}

// anySnapshot reports whether some source has a snapshot.
func (st *setState) anySnapshot() bool {
	for _, ok := range st.snapped {
		if ok {
			return true
		}
	}
	return false
}

// update brings the sets up to what s holds now: change by change when
// it can, else by reading it whole.
func (st *setState) update(s model.Store, fullScans *int) error {
	if st.indexes == nil {
		st.indexes = quoteIndexes{}
	}
	if st.ready {
		changed, whole, err := st.changedSince(s)
		if err != nil {
			st.ready = false
			return err
		}
		if !whole {
			if err := st.recheck(s, changed); err != nil {
				// Half checked: the next update reads the store whole.
				st.ready = false
				return err
			}
			return nil
		}
	}
	*fullScans++
	if err := st.full(s); err != nil {
		st.ready = false
		return err
	}
	// What changed while the scan read is checked again.
	changed, whole, err := st.changedSince(s)
	if err == nil && !whole {
		err = st.recheck(s, changed)
	}
	st.ready = err == nil
	return err
}

// head is the newest journal entry's seq and hash.
func head(s model.Store) (uint64, string, error) {
	es, err := s.Journal(model.JournalQuery{Limit: 1, MostEvents: 1})
	if err != nil || len(es) == 0 {
		return 0, "", err
	}
	return es[0].Seq, es[0].Hash, nil
}

// changedSince reads the journal entries after the sets' and returns
// the events they touched; whole says the store must be read again
// whole: too many changes, or ones to the sources' dates or snapshots,
// or a journal that is not the one the sets were worked out of.
func (st *setState) changedSince(s model.Store) (changed map[string]bool, whole bool, err error) {
	changed = map[string]bool{}
	st.regroup = map[string]bool{}
	sourcesChanged := false
	newest, newestHash, complete, err := entriesSince(s, st.seq, st.hash, func(e *model.Entry) bool {
		if e.Touched > 0 || len(e.Snapshots) > 0 || e.Op == model.OpSnapshot || e.Op == model.OpImport {
			return false
		}
		sourcesChanged = sourcesChanged || len(e.Sources) > 0
		for _, c := range e.Events {
			changed[c.ID] = true
			for _, v := range []*model.Event{c.Before, c.After} {
				if v == nil {
					continue
				}
				for _, l := range v.Links {
					if slices.Contains(model.OrderRels, l.Rel) {
						st.regroup[c.ID], st.regroup[l.Event] = true, true
					}
				}
			}
		}
		return len(changed) <= mostChanged
	})
	if err != nil {
		return nil, false, err
	}
	if !complete {
		return nil, true, nil
	}
	return st.settle(s, changed, sourcesChanged, newest, newestHash)
}

// settle takes the newest entry read as the sets', once the sources are
// known not to have changed in a way that needs the whole store.
func (st *setState) settle(s model.Store, changed map[string]bool, sourcesChanged bool, newest uint64, hash string) (map[string]bool, bool, error) {
	if sourcesChanged {
		published, snapped, _, err := sourcesOf(s)
		if err != nil {
			return nil, false, err
		}
		sameDate := func(a, b model.Date) bool { return a.String() == b.String() }
		if !maps.EqualFunc(published, st.published, sameDate) || !maps.Equal(snapped, st.snapped) {
			return nil, true, nil
		}
	}
	if newest != 0 {
		st.seq, st.hash = newest, hash
	}
	return changed, false, nil
}

// sourcesOf reads the sources' publication dates, which have a
// snapshot, and the snapshots of those that have: every source's listed
// in one read (model.AllSnapshots), where a read of each was a query
// each on a database.
func sourcesOf(s model.Store) (map[string]model.Date, map[string]bool, map[string][]model.Snapshot, error) {
	sources, err := s.Sources()
	if err != nil {
		return nil, nil, nil, err
	}
	listed, err := model.AllSnapshots(s, sources)
	if err != nil {
		return nil, nil, nil, err
	}
	snapped := map[string]bool{}
	for _, src := range sources {
		snapped[src.ID] = len(listed[src.ID]) > 0
	}
	return model.PublishedDates(sources), snapped, listed, nil
}

// full works the sets out of the whole store, a page at a time. The
// journal entry it starts at is the sets': what changes meanwhile is
// checked again after.
func (st *setState) full(s model.Store) error {
	seq, hash, err := head(s)
	if err != nil {
		return err
	}
	published, snapped, listed, err := sourcesOf(s)
	if err != nil {
		return err
	}
	*st = setState{ready: false, seq: seq, hash: hash, published: published, snapped: snapped, indexes: st.indexes, asked: st.asked}
	if err := st.checkLinks(s); err != nil {
		return err
	}
	var problems, unchecked idListBuilder
	for id := range st.linkProblems {
		problems.add(id)
	}
	anySnapshot := st.anySnapshot()
	type quote struct{ event, text string }
	bySource := map[string][]quote{}
	err = pages(s, model.Query{}, func(rows []model.Row) {
		for i := range rows {
			e := &rows[i].Event
			if st.dateProblem(e) {
				problems.add(e.ID)
			}
			if !anySnapshot {
				continue
			}
			for _, q := range e.Quotes {
				if snapped[q.Source] {
					bySource[q.Source] = append(bySource[q.Source], quote{e.ID, q.Text})
				} else {
					unchecked.add(e.ID)
				}
			}
		}
	})
	if err != nil {
		return err
	}
	st.problems = problems.list()
	notFound := map[string]bool{}
	for _, source := range slices.Sorted(maps.Keys(bySource)) {
		// As listed when the scan began: a snapshot withdrawn since is
		// not there to be read, and the change has the store read again.
		si, err := st.indexListed(s, source, listed[source], false)
		if errors.Is(err, model.ErrNotFound) {
			si, err = nil, nil
		}
		if err != nil {
			return err
		}
		for _, q := range bySource[source] {
			switch {
			case si == nil || si.unreadable != "":
				unchecked.add(q.event) // withdrawn meanwhile, or damaged
			case !notFound[q.event] && si.check(q.text).State == verbatim.NotFound:
				notFound[q.event] = true
			}
		}
	}
	st.notFound, st.unchecked = listOf(slices.Collect(maps.Keys(notFound))), unchecked.list()
	return nil
}

// pages gives fn the events q selects, scanPage at a time, each page
// read on its own, and the store let go between them (release): a
// scan of the whole store neither holds it for long nor keeps it
// mapped in.
func pages(s model.Store, q model.Query, fn func(rows []model.Row)) error {
	defer release(s)
	var at model.Position
	for first := true; ; first = false {
		w, err := s.Window(q, at, false, 0, scanPage+1)
		if err != nil {
			return err
		}
		rows := w.Rows
		if !first && len(rows) > 0 && rows[0].Pos == at {
			rows = rows[1:] // where the page before ended
		}
		fn(rows)
		if w.AtEnd || len(rows) == 0 {
			return nil
		}
		at = rows[len(rows)-1].Pos
		release(s)
	}
}

// release lets go of what the store keeps open after a long read.
func release(s model.Store) {
	if r, ok := s.(model.Releaser); ok {
		r.Release()
	}
}

// dateProblem reports whether e is dated after the publication of a
// source its date or a quote is anchored to, or at another time than
// its date text names: the last needs no source.
func (st *setState) dateProblem(e *model.Event) bool {
	return len(model.SourceContradictions(e, st.published)) > 0
}

// trackerIndexes bounds the indexes a tracker keeps for the changes to
// come: each holds its snapshot's text for as long as the process runs.
const trackerIndexes = 4

// index is the index of a source's latest snapshot: the asking
// browser's, or the tracker's, or one built. One built for a change is
// kept (within trackerIndexes), those built for the whole store are not,
// so that the scan holds one source's text at a time.
func (st *setState) index(s model.Store, source string, keep bool) (*sourceIndex, error) {
	snaps, err := snapshotsOf(s, source)
	if err != nil {
		return nil, err
	}
	return st.indexListed(s, source, snaps, keep)
}

// indexListed is index for a source whose snapshots are listed, snaps.
func (st *setState) indexListed(s model.Store, source string, snaps []model.Snapshot, keep bool) (*sourceIndex, error) {
	kept := quoteIndexes{}
	for _, from := range []quoteIndexes{st.indexes, st.asked} {
		if si := from[source]; si != nil {
			kept[source] = si // indexOfListed builds it again if it no longer holds
		}
	}
	si, built, err := indexOfListed(s, kept, source, snaps, true)
	if err != nil || !built || !keep {
		return si, err
	}
	for id := range st.indexes {
		if len(st.indexes) < trackerIndexes {
			break
		}
		delete(st.indexes, id)
	}
	st.indexes[source] = si
	return si, nil
}

// checkLinks finds the linked events whose order cannot all be true:
// orders (conflicts, cycles) can only involve linked events, which the
// links index lists without reading the others. What cannot all be true
// lies within one linked group, so each group is ordered on its own:
// at a million events an eighth of them are linked, and ordering them
// all at once, whole, held some 200 MB.
func (st *setState) checkLinks(s model.Store) error {
	// One read: a filter by links reads every event's key to find them
	// (a page at a time, each page would read those before it again).
	// What the order reads of an event, and no more.
	type linkedEvent struct {
		id    string
		date  model.Date
		links []model.Link
	}
	q := model.Query{Linked: model.OrderRels}
	n, err := s.Count(q) // from what the store keeps for the read after
	if err != nil {
		return err
	}
	linked := make([]linkedEvent, 0, n)
	at := make(map[string]int32, n)
	for e, err := range s.Events(q) {
		if err != nil {
			return err
		}
		at[e.ID] = int32(len(linked))
		linked = append(linked, linkedEvent{e.ID, e.Date, e.Links})
	}
	release(s)
	// The groups, by their links either way (union-find).
	group := make([]int32, len(linked))
	for i := range group {
		group[i] = int32(i)
	}
	root := func(i int32) int32 {
		for group[i] != i {
			group[i] = group[group[i]]
			i = group[i]
		}
		return i
	}
	for i, e := range linked {
		for _, l := range e.links {
			if j, ok := at[l.Event]; ok && slices.Contains(model.OrderRels, l.Rel) {
				group[root(int32(i))] = root(j)
			}
		}
	}
	members := map[int32][]int32{}
	for i := range linked {
		r := root(int32(i))
		members[r] = append(members[r], int32(i))
	}
	var ids idListBuilder
	for i := range linked {
		ids.add(linked[i].id)
	}
	st.linked, st.linkProblems = ids.list(), map[string]bool{}
	placement := model.PlacementOf(s) // a store read as it is keeps its rule
	for _, r := range slices.Sorted(maps.Keys(members)) {
		in := members[r]
		if len(in) < 2 {
			continue // linked to nothing stored: no order to check
		}
		events := make([]model.Event, len(in))
		for k, i := range in {
			events[k] = model.Event{ID: linked[i].id, Date: linked[i].date, Links: linked[i].links}
		}
		for _, c := range placement.Contradictions(events, nil) {
			for _, id := range c.Events {
				st.linkProblems[id] = true
			}
		}
	}
	return nil
}

// recheck checks the changed events again, and the linked groups they
// are or were in. A set given out is never changed: one that changes is
// made anew (idList.with).
func (st *setState) recheck(s model.Store, changed map[string]bool) error {
	if len(changed) == 0 {
		return nil
	}
	notFound, unchecked := map[string]bool{}, map[string]bool{}
	anySnapshot := st.anySnapshot()
	dated := map[string]bool{} // the date problems of the events read again
	for _, id := range slices.Sorted(maps.Keys(changed)) {
		if st.linked.has(id) {
			st.regroup[id] = true
		}
		var isNotFound, isUnchecked bool
		dated[id] = false
		e, err := s.Event(id)
		switch {
		case errors.Is(err, model.ErrNotFound):
			// trashed, or gone: in no set
		case err != nil:
			return err
		default:
			dated[id] = st.dateProblem(&e)
			for _, q := range e.Quotes {
				if !anySnapshot {
					break
				}
				if !st.snapped[q.Source] {
					isUnchecked = true
					continue
				}
				si, err := st.index(s, q.Source, true)
				if err != nil {
					return err
				}
				switch {
				case si == nil || si.unreadable != "":
					isUnchecked = true
				case !isNotFound && si.check(q.Text).State == verbatim.NotFound:
					isNotFound = true
				}
			}
		}
		notFound[id], unchecked[id] = isNotFound, isUnchecked
	}
	st.notFound, st.unchecked = st.notFound.with(notFound), st.unchecked.with(unchecked)
	placed, err := st.regroupLinks(s)
	if err != nil {
		return err
	}
	problems := map[string]bool{}
	for id := range changed {
		problems[id] = st.linkProblems[id] || dated[id]
	}
	for id := range placed {
		if changed[id] {
			continue
		}
		// Placed again with its group, not changed: its date problem
		// is as it was, unless its group's link problem was all it had.
		if st.linkProblems[id] {
			problems[id] = true
			continue
		}
		e, err := s.Event(id)
		switch {
		case errors.Is(err, model.ErrNotFound):
			problems[id] = false
		case err != nil:
			return err
		default:
			problems[id] = st.dateProblem(&e)
		}
	}
	st.problems = st.problems.with(problems)
	return nil
}

// regroupLinks checks again the linked groups of the events in
// regroup, read through the links from them (model.LinkedGroup), and returns
// the events it checked. A group too big to read so has every linked
// event read again.
func (st *setState) regroupLinks(s model.Store) (map[string]bool, error) {
	seen := map[string]bool{}
	links := st.linkProblems // never given out: changed in place
	linked := map[string]bool{}
	defer func() { st.linked = st.linked.with(linked) }()
	queue := slices.Sorted(maps.Keys(st.regroup))
	placement := model.PlacementOf(s) // a store read as it is keeps its rule
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		if seen[id] {
			continue
		}
		seen[id] = true
		e, err := s.Event(id)
		if errors.Is(err, model.ErrNotFound) {
			// Gone from the timeline: those that link to it are in a
			// group without it now.
			linked[id] = false
			delete(links, id)
			in, err := s.IncomingLinks([]string{id})
			if err != nil {
				return nil, err
			}
			for _, l := range in[id] {
				if slices.Contains(model.OrderRels, l.Rel) {
					queue = append(queue, l.From)
				}
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		group, err := model.LinkedGroup(s, e)
		if err != nil {
			return nil, err
		}
		if len(group) >= model.MaxGroup {
			before := st.linked
			if err := st.checkLinks(s); err != nil {
				return nil, err
			}
			clear(linked)            // read again whole
			all := map[string]bool{} // all of them were checked
			for id := range unionOf(before, st.linked).all() {
				all[id] = true
			}
			return all, nil
		}
		for i := range group {
			seen[group[i].ID] = true
			delete(links, group[i].ID)
			if len(group) > 1 {
				linked[group[i].ID] = true
			} else {
				linked[group[i].ID] = false
			}
		}
		for _, c := range placement.Contradictions(group, nil) {
			for _, id := range c.Events {
				links[id] = true
			}
		}
	}
	return seen, nil
}
