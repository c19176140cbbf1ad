package tui

import (
	"cmp"
	"errors"
	"maps"
	"time"

	"chrono/model"

	tea "charm.land/bubbletea/v2"
)

// Every read and write of the store happens here, in commands: Update
// decides what to ask, and the answers come back as messages.

// windowSize is how many rows an extension loads beyond an edge, and the
// other reads of a window (the first, a view asked again, a link
// followed, back, a search's hit) on each side of the cursor.
func windowSize(height int) int { return max(3*height, 60) }

// jumpSize is how many rows a movement's jump (a year, a date, the first
// or last event) loads on each side of where it lands: the runway that
// keeps the next movements from waiting for rows (timeline.needs), and
// the row it lands on. Rows read beyond it were dropped by the next jump.
func jumpSize(height int) int { return runway(height) + 1 }

// checkVersion asks the store for its version token.
func checkVersion(s model.Store) tea.Cmd {
	return func() tea.Msg {
		v, err := s.Version()
		return versionMsg{version: v, err: err}
	}
}

// checkStart asks for the newest journal entry, then the store's
// version, before the browser reads anything else (Model.opened): the
// changes made after that entry are then all the browser reads again
// when told of a change, where it read everything again at the first (a
// server's fifty sessions, all at once). A change made between the two
// reads is in what the browser reads next, and read again later: never
// missed.
func checkStart(s model.Store) tea.Cmd {
	return func() tea.Msg {
		var msg startMsg
		if es, err := s.Journal(model.JournalQuery{Limit: 1, MostEvents: 1}); err == nil {
			msg.seen = true
			if len(es) > 0 {
				msg.seq, msg.hash = es[0].Seq, es[0].Hash
			}
		}
		msg.version.version, msg.version.err = s.Version()
		return msg
	}
}

func loadHeader(s model.Store) tea.Cmd {
	return func() tea.Msg {
		h, err := s.Header()
		return headerMsg{header: h, err: err}
	}
}

func loadFacets(s model.Store) tea.Cmd {
	return func() tea.Msg {
		var m facetsMsg
		if m.tags, m.err = s.Facets(model.FacetTags); m.err != nil {
			return m
		}
		if m.actors, m.err = s.Facets(model.FacetActors); m.err != nil {
			return m
		}
		if m.statuses, m.err = s.Facets(model.FacetStatuses); m.err != nil {
			return m
		}
		if m.sources, m.err = s.Facets(model.FacetSources); m.err != nil {
			return m
		}
		var listed []model.Source
		if listed, m.err = s.Sources(); m.err != nil {
			return m
		}
		m.citations = make(map[string]string, len(listed))
		for _, src := range listed {
			m.citations[src.ID] = line(model.Citation(src, func(t string) string { return t }))
		}
		return m
	}
}

// jump loads a window of the view around anchor (zero: the start, or the
// end when fromEnd).
func jump(s model.Store, gen int, q model.Query, anchor model.Position, fromEnd bool, n int) tea.Cmd {
	return func() tea.Msg {
		w, st, err := rowsAt(s, q, model.PageAt{At: anchor, FromEnd: fromEnd, Before: n, After: n})
		return windowMsg{gen: gen, w: w, standing: st, anchor: anchor, fromEnd: fromEnd, err: err}
	}
}

// jumpToCountedEnd loads the window at the end of a view counted total
// events long, its place in the view worked out from that count. A
// change made elsewhere meanwhile starts a new count, and reads the
// window again.
func jumpToCountedEnd(s model.Store, gen int, q model.Query, total, n int) tea.Cmd {
	return func() tea.Msg {
		w, st, err := rowsAt(s, q, model.PageAt{FromEnd: true, Before: n, Uncounted: true})
		w.Start = max(total-len(w.Rows), 0)
		return windowMsg{gen: gen, w: w, standing: st, fromEnd: true, err: err}
	}
}

// jumpToEvent loads a window around one event. When the filters hide it,
// they are dropped so that the event can be shown.
func jumpToEvent(s model.Store, gen int, q model.Query, id string, n int) tea.Cmd {
	return func() tea.Msg {
		key, err := s.Position(id)
		if err != nil {
			return windowMsg{gen: gen, err: err}
		}
		at := model.PageAt{At: key, Before: n, After: n}
		w, st, err := rowsAt(s, q, at)
		if err == nil && !holds(w, key) && !q.IsZero() {
			w, st, err = rowsAt(s, model.Query{}, at)
			return windowMsg{gen: gen, w: w, standing: st, anchor: key, focusID: id, cleared: true, err: err}
		}
		return windowMsg{gen: gen, w: w, standing: st, anchor: key, focusID: id, err: err}
	}
}

// jumpAround loads the window of the view around an event's position as
// the store has it now, with the cursor on it when the view holds it.
func jumpAround(s model.Store, gen int, q model.Query, id string, n int, hidden bool) tea.Cmd {
	return func() tea.Msg {
		at, err := s.Position(id)
		if err != nil {
			return windowMsg{gen: gen, err: err}
		}
		w, st, err := rowsAt(s, q, model.PageAt{At: at, Before: n, After: n})
		msg := windowMsg{gen: gen, w: w, standing: st, anchor: at, err: err}
		if holds(w, at) {
			msg.focusID = id
		} else if err == nil && hidden {
			// Added or brought back where the view does not show it:
			// the cursor on a neighbour must not pass for it.
			msg.note = "event " + line(id) + " is not in this view: the filters hide it (F clears them)"
		}
		return msg
	}
}

// jumpFollowing loads the window around an event a change made elsewhere
// may have moved, with the cursor on it; when the change took it away,
// or out of the view, the window where it was (anchor).
func jumpFollowing(s model.Store, gen int, q model.Query, id string, anchor model.Position, n int) tea.Cmd {
	return func() tea.Msg {
		at, err := s.Position(id)
		switch {
		case err == nil:
			w, st, err := rowsAt(s, q, model.PageAt{At: at, Before: n, After: n})
			if err != nil || holds(w, at) {
				return windowMsg{gen: gen, w: w, standing: st, anchor: at, focusID: id, err: err}
			}
		case !errors.Is(err, model.ErrNotFound):
			return windowMsg{gen: gen, err: err}
		}
		return jump(s, gen, q, anchor, false, n)()
	}
}

func holds(w model.Window, at model.Position) bool {
	for _, r := range w.Rows {
		if r.Pos == at {
			return true
		}
	}
	return false
}

// jumpToDate loads the window at the first event the rows show, in
// zone, at or after the start of from (as a filter by date reads a day:
// the day the rows show); when there is none, the cursor stays and the
// status line says so.
func jumpToDate(s model.Store, gen int, q model.Query, zone model.Zone, from model.Date, label string, n int) tea.Cmd {
	return func() tea.Msg {
		l, err := landShownFrom(s, q, zone, from, n)
		switch {
		case err != nil:
			return windowMsg{gen: gen, err: err}
		case !l.found:
			return windowMsg{gen: gen, note: "no event on or after " + line(label), err: errNoMove}
		}
		return windowMsg{gen: gen, w: l.w, standing: l.standing, anchor: l.at}
	}
}

// firstFrom returns the first row of a window at or after at.
func firstFrom(w model.Window, at model.Position) (model.Row, bool) {
	if i := firstIndexFrom(w.Rows, at); i < len(w.Rows) {
		return w.Rows[i], true
	}
	return model.Row{}, false
}

// jumpYear loads the window at the first event of the next (or previous)
// year that has events, counted from the year the rows show the event
// from in, in zone. before, when the rows loaded hold it, is the last
// event before that year: it says which year is previous without asking
// the store.
func jumpYear(s model.Store, gen int, q model.Query, zone model.Zone, from model.Row, next bool, before *model.Row, n int) tea.Cmd {
	return func() tea.Msg {
		// An event with no end date (or none at all) comes after every
		// year: none is later, and the previous is the last one's.
		year, ok := shownYear(from, zone)
		if next {
			if !ok {
				return windowMsg{gen: gen, note: "no later year", err: errNoMove}
			}
			l, err := landShownFrom(s, q, zone, model.YearDate(year+1), n)
			switch {
			case err != nil:
				return windowMsg{gen: gen, err: err}
			case !l.found || !hasYear(l.at):
				// The events after the last year have none to land on.
				return windowMsg{gen: gen, note: "no later year", err: errNoMove}
			}
			return windowMsg{gen: gen, w: l.w, standing: l.standing, anchor: l.at}
		}
		if before == nil {
			prev, found, err := lastBeforeShown(s, q, zone, year, ok)
			switch {
			case err != nil:
				return windowMsg{gen: gen, err: err}
			case !found:
				return windowMsg{gen: gen, note: "no earlier year", err: errNoMove}
			}
			before = &prev
		}
		y, ok := shownYear(*before, zone)
		if !ok {
			w, st, err := rowsAt(s, q, model.PageAt{Before: n, After: n})
			return windowMsg{gen: gen, w: w, standing: st, err: err}
		}
		l, err := landShownFrom(s, q, zone, model.YearDate(y), n)
		if err != nil || !l.found {
			return windowMsg{gen: gen, note: "no earlier year", err: cmp.Or(err, errNoMove)}
		}
		return windowMsg{gen: gen, w: l.w, standing: l.standing, anchor: l.at}
	}
}

// yearOf is the year an event at a position is placed by: that of the
// latest instant of its placed span, by which the order goes. An event
// with no end date has none.
func yearOf(at model.Position) (int64, bool) {
	span, placed := at.Placed()
	if !placed || span.Latest == model.EndOfTime || span.Latest == model.BeginningOfTime {
		return 0, false
	}
	year, _, _ := span.Latest.Civil()
	return year, true
}

// hasYear reports whether the event at a position is placed in a year.
func hasYear(at model.Position) bool {
	_, ok := yearOf(at)
	return ok
}

// errNoMove marks a jump that had nowhere to go; its note says why.
var errNoMove = errors.New("no move")

// extend loads more rows beyond one edge of the window, uncounted: the
// timeline knows where they are.
func extend(s model.Store, gen int, q model.Query, edge model.Position, backward bool, n int) tea.Cmd {
	return func() tea.Msg {
		at := model.PageAt{At: edge.After(), After: n, Uncounted: true}
		if backward {
			at = model.PageAt{At: edge, Before: n, Uncounted: true}
		}
		w, st, err := rowsAt(s, q, at)
		return extendMsg{gen: gen, backward: backward, edge: edge, w: w, standing: st, err: err}
	}
}

// stepSize is how many events one step of a long count or search looks
// at: a few tens of milliseconds of work, so that the screen shows it
// growing and a changed question stops it soon.
const stepSize = 25000

// count counts the view from `from` on, a step at a time, adding to acc;
// and the whole store when the view is filtered.
func count(s model.Store, gen int, q model.Query, from model.Position, acc int) tea.Cmd {
	return func() tea.Msg {
		n, next, err := s.CountFrom(q, from, stepSize)
		all := -1
		if err == nil && next.IsZero() {
			all = acc + n
			if !q.IsZero() {
				all, err = s.Count(model.Query{})
			}
		}
		return countMsg{gen: gen, n: acc + n, next: next, all: all, err: err}
	}
}

// countMatches counts the events of the view that a search matches, a
// step at a time.
func countMatches(s model.Store, gen, seq int, q model.Query, from model.Position, acc int) tea.Cmd {
	return func() tea.Msg {
		n, next, err := s.CountFrom(q, from, stepSize)
		return matchesMsg{gen: gen, seq: seq, n: acc + n, next: next, err: err}
	}
}

func loadPeriods(s model.Store, gen int, q model.Query) tea.Cmd {
	return func() tea.Msg {
		p, err := s.Periods(q)
		msg := periodsMsg{gen: gen, zone: q.Zone, periods: p, err: err}
		if err == nil && !q.IsZero() {
			msg.span, msg.err = s.Periods(model.Query{Zone: q.Zone})
		}
		return msg
	}
}

// loadDetail reads an event whole, and its latest changes, unless kept
// holds them as they still are: read at the store's present version,
// which is asked first only then.
func loadDetail(s model.Store, id string, kept detailMsg, indexes quoteIndexes) tea.Cmd {
	return func() tea.Msg { return readDetail(s, id, kept, indexes, true) }
}

// readDetail is loadDetail's read. Unless build is set, an event with a
// quote whose source's snapshot has no index kept is errUnindexed: the
// index is built in a command of its own (loadDetail), which does not
// hold up another's answer.
func readDetail(s model.Store, id string, kept detailMsg, indexes quoteIndexes, build bool) detailMsg {
	if kept.id == id && kept.err == nil {
		// Shown already: read again only if the store changed since.
		if v, err := s.Version(); err == nil && v != "" && kept.version == v {
			return kept
		}
	}
	// The event, its sources, links, latest changes, snapshots and the
	// store's version, in one read (one round trip to a database).
	d, err := s.Detail(id)
	if err != nil {
		return detailMsg{id: id, err: err}
	}
	chron, err := chronologyOf(s, d)
	if err != nil {
		return detailMsg{id: id, err: err}
	}
	marks, built, err := checkQuotes(s, indexes, d, build)
	// An import keeps only the version it replaced: the fields it changed
	// are found from the version after it, the next change's or the
	// event's own, for the history to name them.
	history := make([]*model.Entry, len(d.History))
	for i := range d.History {
		history[i] = &d.History[i]
	}
	_ = model.FillAfters(history, func(string) (model.Event, error) { return d.Event, nil }) // the event's own: never fails
	// The history and the version go beside the detail: the pane
	// compares what it shows with what comes (detailPane.holds), and a
	// change elsewhere changes the version alone.
	msg := detailMsg{id: id, history: d.History, chron: chron, marks: marks, built: built, version: d.Version, err: err}
	d.History, d.Version = nil, ""
	msg.detail = d
	return msg
}

// loadDetail reads event id for the sources pane, checking its quotes
// with the indexes the browser keeps.
func (b *browser) loadDetail(id string, kept detailMsg) tea.Cmd {
	return loadDetail(b.ctx.store, id, kept, maps.Clone(b.indexes))
}

// searchFor looks for the next event of the view that matches text, a step
// at a time (see find): from the event at from (inclusive) or after it,
// or before it when backward, wrapping around the view once. When it
// finds one it loads the window around it.
func searchFor(s model.Store, gen, seq int, q model.Query, text string, st searchStep, n int) tea.Cmd {
	return func() tea.Msg {
		q.Text = text
		hit, next, err := s.Find(q, st.from, st.backward, stepSize)
		if err != nil {
			return searchMsg{gen: gen, seq: seq, err: err}
		}
		if hit.IsZero() {
			st.from = next
			if next.IsZero() && !st.wrapped {
				st.wrapped = true // on from the other end of the view
				return searchMsg{gen: gen, seq: seq, more: &st}
			}
			if next.IsZero() || st.passed(next) {
				return searchMsg{gen: gen, seq: seq} // none but, perhaps, the origin
			}
			return searchMsg{gen: gen, seq: seq, more: &st}
		}
		base := q
		base.Text = ""
		w, standing, err := rowsAt(s, base, model.PageAt{At: hit, Before: n, After: n})
		return searchMsg{gen: gen, seq: seq, found: true, w: w, standing: standing, anchor: hit, wrapped: st.wrapped, err: err}
	}
}

// searchStep is where a search goes on from.
type searchStep struct {
	from     model.Position // zero: the start (backward: the end) of the view
	origin   model.Position // where it began
	backward bool
	wrapped  bool // it has gone round the end of the view
	// typed: the step is of a search being typed, which goes back to
	// where it began when what is typed matches nothing.
	typed bool
}

// passed reports whether a wrapped search has come back past its origin.
func (st searchStep) passed(at model.Position) bool {
	if !st.wrapped || st.origin.IsZero() {
		return false
	}
	if st.backward {
		return at.Compare(st.origin) < 0
	}
	return at.Compare(st.origin) > 0
}

// expireStatus clears the status message seq after a while, by the
// model's clock.
func expireStatus(tick ticker, seq int, after time.Duration) tea.Cmd {
	return tick(after, func(time.Time) tea.Msg { return statusExpiredMsg{seq: seq} })
}

// ticker is tea.Tick, or a stand-in for tests that must not wait.
type ticker func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

// loadSources reads the investigation's sources.
func loadSources(s model.Store) tea.Cmd {
	return func() tea.Msg {
		ss, err := s.Sources()
		return sourcesMsg{sources: ss, err: err}
	}
}
