package tui

import (
	"errors"
	"maps"
	"reflect"
	"slices"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// gotWindow puts a freshly loaded window on screen.
func (b *browser) gotWindow(msg windowMsg) tea.Cmd {
	if b.inflight > 0 {
		b.inflight--
	}
	if msg.gen != b.gen || msg.seq != b.asked {
		return nil // another view's, or a window asked for before the last
	}
	b.again = nil
	b.loading = false
	if row, ok := b.tl.selected(); ok && b.rereading && row.Event.ID != msg.focusID && !msg.fromEnd {
		// The cursor moved on while the window was read: it stays where
		// it went.
		msg.anchor, msg.focusID = row.Pos, ""
	}
	b.rereading = false
	if errors.Is(msg.err, errNoMove) {
		if b.rowsOf != b.gen {
			// A jump asked after the view changed, and answered for
			// it: the view's own window, asked before, was dropped.
			// It is read again where the cursor is, or the last
			// view's rows would stay.
			return tea.Batch(say(msg.note), b.ask(b.readAtCursor(), nil))
		}
		return say(msg.note)
	}
	if msg.err != nil {
		return fail(msg.err)
	}
	var cmds []tea.Cmd
	if msg.cleared {
		if n := len(b.history); n > 0 {
			b.history[n-1].cleared = true
		}
		b.query = model.Query{Zone: b.ctx.zone}
		b.gen++
		b.relayout()
		cmds = append(cmds, say("filters cleared to show the linked event"), count(b.ctx.store, b.gen, b.query, model.Position{}, 0), loadPeriods(b.ctx.store, b.gen, b.query))
	}
	b.tl.reset(msg.w, msg.landing())
	b.rowsOf, b.stale = b.gen, 0
	cmds = append(cmds, b.land(msg.landed), b.fill())
	if msg.note != "" {
		cmds = append(cmds, sayAlso(msg.note)) // beside what the write said
	}
	return tea.Batch(cmds...)
}

// landing is the index of the row of a window the cursor goes to: the
// event asked for, else the first row at or after the anchor, else the
// last row from the end, else the first.
func (msg windowMsg) landing() int {
	rows := msg.w.Rows
	switch {
	case msg.focusID != "":
		return max(0, slices.IndexFunc(rows, func(r model.Row) bool { return r.Event.ID == msg.focusID }))
	case !msg.anchor.IsZero():
		return rowAt(rows, msg.anchor)
	case msg.fromEnd:
		return len(rows) - 1
	}
	return 0
}

// withLanded reads whole, in the command that loads a window, the event
// the cursor will land on (unless the browser keeps it as the store
// still has it), so that the pane shows it with the rows: one step, where
// the pane was laid out for the row's event and again when the rest of it
// came. An event whose quotes need a source's snapshot indexed first is
// left to the pane's own read, after the rows.
func (b *browser) withLanded(load tea.Cmd) tea.Cmd {
	s, indexes, recent := b.ctx.store, maps.Clone(b.indexes), b.recent
	return func() tea.Msg {
		m := load()
		msg, ok := m.(windowMsg)
		if !ok || msg.err != nil || len(msg.w.Rows) == 0 {
			return m
		}
		id := msg.w.Rows[msg.landing()].Event.ID
		msg.landed = readDetail(s, id, recent.of(id), indexes, false)
		return msg
	}
}

// gotExtend adds rows beyond an edge of the window.
func (b *browser) gotExtend(msg extendMsg) tea.Cmd {
	if msg.gen != b.gen {
		return nil
	}
	if msg.err != nil {
		b.tl.fetchingBack, b.tl.fetchingFwd = false, false
		return fail(msg.err)
	}
	b.tl.extend(msg)
	b.stale = b.staleRows() // the rows trimmed may have been such
	return b.fill()
}

// gotCount counts the view, going on while there is more to count.
func (b *browser) gotCount(msg countMsg) tea.Cmd {
	if msg.gen != b.gen {
		return nil
	}
	if msg.err != nil {
		return fail(msg.err)
	}
	if !msg.next.IsZero() {
		b.tl.counted = msg.n // so far: the header shows it growing
		return count(b.ctx.store, b.gen, b.query, msg.next, msg.n)
	}
	b.tl.total, b.allEvents = msg.n, msg.all
	if b.endCounted {
		b.endCounted = false
		read := b.edge(true)
		return b.ask(read, read)
	}
	return nil
}

// gotPeriods puts the view's periods on the ruler.
func (b *browser) gotPeriods(msg periodsMsg) tea.Cmd {
	if msg.gen != b.gen || msg.zone != b.query.Zone {
		return nil
	}
	if msg.err != nil {
		return fail(msg.err)
	}
	b.ruler.setPeriods(msg.periods, msg.span)
	return nil
}

// gotDetail fills the sources pane with what the store has of the
// selected event.
func (b *browser) gotDetail(msg detailMsg) tea.Cmd {
	if msg.id != b.detail.id() {
		b.ctx.still = true
		return nil // the cursor has moved on
	}
	if errors.Is(msg.err, model.ErrNotFound) {
		b.ctx.still = true
		return nil // it left the timeline (the trash, another process): the requery moves on
	}
	if msg.err != nil {
		return fail(msg.err)
	}
	b.recent.keep(msg)
	b.indexes.merge(msg.built)
	if b.detail.holds(msg) {
		b.ctx.still = true // read again after a change elsewhere, as it was
	} else {
		b.showDetail(msg)
	}
	return b.readAhead()
}

// showDetail fills the sources pane with an event read whole.
func (b *browser) showDetail(msg detailMsg) {
	b.detail.show(msg.detail, true)
	b.detail.setHistory(msg.history)
	b.detail.setChronology(msg.chron)
	b.detail.setMarks(msg.marks)
	b.layoutDetail()
	if t := b.backTo; t != nil && t.id == msg.detail.Event.ID {
		// Back after a link: the link followed is selected again.
		if t.sel < b.detail.count() {
			b.detail.sel = t.sel
			b.detail.reveal()
		}
		b.backTo = nil
	} else if row, ok := b.tl.selected(); t != nil && ok && row.Event.ID != t.id {
		b.backTo = nil // moved elsewhere since
	}
}

// readAhead reads whole the events either side of the selected one that
// the browser does not keep, so that moving onto one shows it at once:
// only while the cursor steps from row to row, not after a jump (a page,
// a date), where they would most likely be read for nothing.
func (b *browser) readAhead() tea.Cmd {
	if !b.stepping {
		return nil
	}
	var ids []string
	for _, i := range []int{b.tl.cur + 1, b.tl.cur - 1} {
		if i >= 0 && i < len(b.tl.rows) {
			if id := b.tl.rows[i].Event.ID; b.recent.of(id).id == "" {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	s, indexes := b.ctx.store, maps.Clone(b.indexes)
	return func() tea.Msg {
		var ahead readAheadMsg
		for _, id := range ids {
			msg := loadDetail(s, id, detailMsg{}, indexes)().(detailMsg)
			indexes.merge(msg.built)
			ahead = append(ahead, msg)
		}
		return ahead
	}
}

// gotAhead keeps the events read ahead; nothing on screen changes.
func (b *browser) gotAhead(msg readAheadMsg) {
	b.ctx.still = true
	for _, d := range msg {
		b.recent.keep(d)
		b.indexes.merge(d.built)
	}
	// The selected event stays first among those kept.
	if cur := b.recent.of(b.detail.id()); cur.id != "" {
		b.recent.keep(cur)
	}
}

// moved follows the cursor with the sources pane.
func (b *browser) moved() tea.Cmd { return b.land(detailMsg{}) }

// land follows the cursor with the sources pane. read, when it is the
// selected event's as the row has it, was read with the rows: it is
// shown as it is, not read again.
func (b *browser) land(read detailMsg) tea.Cmd {
	row, ok := b.tl.selected()
	if !ok {
		b.detail.show(model.Detail{}, false)
		b.layoutDetail()
		return nil
	}
	if row.Event.ID == b.detail.id() {
		return nil
	}
	b.stepping = b.tl.beside(b.detail.id())
	if read.id == row.Event.ID && read.err == nil && reflect.DeepEqual(read.detail.Event, row.Event) {
		b.recent.keep(read)
		b.indexes.merge(read.built)
		b.showDetail(read)
		return b.readAhead()
	}
	if kept := b.recent.matching(row.Event); kept.id != "" {
		// Shown whole now; read again only if the store may have
		// changed since.
		b.recent.keep(kept)
		b.showDetail(kept)
		if kept.version == b.ctx.known {
			return b.readAhead()
		}
		return tea.Batch(b.loadDetail(row.Event.ID, kept), b.readAhead())
	}
	b.detail.show(model.Detail{Event: row.Event}, false)
	b.layoutDetail()
	return b.loadDetail(row.Event.ID, detailMsg{})
}

// fill asks for more rows when the cursor nears an edge of the window.
func (b *browser) fill() tea.Cmd {
	back, fwd := b.tl.needs()
	n := windowSize(b.tl.height)
	var cmds []tea.Cmd
	if back {
		b.tl.fetchingBack = true
		cmds = append(cmds, extend(b.ctx.store, b.gen, b.query, b.tl.rows[0].Pos, true, n))
	}
	if fwd {
		b.tl.fetchingFwd = true
		cmds = append(cmds, extend(b.ctx.store, b.gen, b.query, b.tl.rows[len(b.tl.rows)-1].Pos, false, n))
	}
	return tea.Batch(cmds...)
}

// requery changes the view: everything that depends on it is asked again,
// keeping the cursor on the same event when the new view has it.
func (b *browser) requery(q model.Query) tea.Cmd {
	b.endCounted = false // asked of another view
	read := b.readAtCursor()
	b.reset(q)
	// Asked again, it is read where the cursor is then (readAgain).
	return tea.Batch(b.ask(read, nil), b.recount())
}

// readAtCursor reads the window of the view, whichever it is when read,
// at the place of the row the cursor is on now.
func (b *browser) readAtCursor() func(gen int) tea.Cmd {
	var anchor model.Position
	if row, ok := b.tl.selected(); ok {
		anchor = row.Pos
	}
	return func(gen int) tea.Cmd {
		return jump(b.ctx.store, gen, b.query, anchor, false, windowSize(b.tl.height))
	}
}

// rereadFollowing asks the view again after a change made elsewhere,
// with the cursor on the event it was on, wherever the change moved it:
// the next key acts on the event the investigator was looking at, not on
// one that took its row. Asked again, it is read where the cursor is then.
func (b *browser) rereadFollowing() tea.Cmd {
	row, ok := b.tl.selected()
	if !ok {
		return b.requery(b.query)
	}
	b.reset(b.query)
	read := func(gen int) tea.Cmd {
		return jumpFollowing(b.ctx.store, gen, b.query, row.Event.ID, row.Pos, windowSize(b.tl.height))
	}
	return tea.Batch(b.ask(read, nil), b.recount())
}

// requeryAround asks the view again around an event whose place in it
// changed, with the cursor on it; hidden says so when the view does not
// hold it (an event just added or brought back).
func (b *browser) requeryAround(id string, hidden bool) tea.Cmd {
	b.reset(b.query)
	read := func(gen int) tea.Cmd {
		return jumpAround(b.ctx.store, gen, b.query, id, windowSize(b.tl.height), hidden)
	}
	return tea.Batch(b.ask(read, read), b.recount())
}

// edge reads the window at the first event of the view, or the last,
// with the event the cursor lands on. A filtered view's last events are
// placed by its count, once it has come, rather than by counting the
// view again: on a million events that walks them all, a second and
// more.
func (b *browser) edge(last bool) func(gen int) tea.Cmd {
	return func(gen int) tea.Cmd {
		n := jumpSize(b.tl.height)
		if last && b.tl.total >= 0 && !b.query.IsZero() {
			return b.withLanded(jumpToCountedEnd(b.ctx.store, gen, b.query, b.tl.total, n))
		}
		return b.withLanded(jump(b.ctx.store, gen, b.query, model.Position{}, last, n))
	}
}

// askEvent asks for the window around an event, with the cursor on it.
func (b *browser) askEvent(id string) tea.Cmd {
	read := func(gen int) tea.Cmd {
		return jumpToEvent(b.ctx.store, gen, b.query, id, windowSize(b.tl.height))
	}
	return b.ask(read, read)
}

// ask asks for a window: read reads it in a generation of the view, and
// again reads it once more if the store changes before it comes (nil: the
// window where the cursor is then, as after any change). Each read is
// numbered, and only the last one asked is put on screen: one asked
// earlier would undo where the keys went since, and a change's reading
// again must not undo a jump asked meanwhile, nor a jump be undone by it.
func (b *browser) ask(read, again func(gen int) tea.Cmd) tea.Cmd {
	b.inflight++
	b.asked++
	b.again = again
	b.rereading = false // a jump goes where it was asked to
	seq, load := b.asked, read(b.gen)
	return func() tea.Msg {
		msg := load()
		if w, ok := msg.(windowMsg); ok {
			w.seq = seq
			return w
		}
		return msg
	}
}

// readAgain reads the window again after a change made elsewhere. A jump
// on its way is asked again in the new generation: what it brings may
// have been read before the change, and dropping it would lose the jump.
// Otherwise the window is read where the cursor is, and comes back with
// the cursor where keys take it meanwhile.
func (b *browser) readAgain() tea.Cmd {
	var cmd tea.Cmd
	if again := b.again; again != nil {
		b.reset(b.query)
		cmd = tea.Batch(b.ask(again, again), b.recount())
	} else {
		cmd = b.rereadFollowing()
		b.rereading = true
	}
	if s := &b.search; s.searching {
		// The match being looked for is a jump too: its answer, of the
		// old generation, is dropped, and it is looked for again.
		s.seq++
		cmd = tea.Batch(cmd, b.findStep(s.step))
	}
	return cmd
}

// reset starts a new generation of the view q selects: answers to the
// old one are dropped.
func (b *browser) reset(q model.Query) {
	q.Zone = b.ctx.zone // a day selected by is the day the rows show
	b.query = q
	if !q.ByID {
		b.idSets = 0
	}
	b.gen++
	b.loading = true
	b.rereading = false
	b.tl.total, b.tl.counted = -1, 0
	b.relayout()
}

// recount counts the view, its periods and the search's matches again.
func (b *browser) recount() tea.Cmd {
	return tea.Batch(
		count(b.ctx.store, b.gen, b.query, model.Position{}, 0),
		loadPeriods(b.ctx.store, b.gen, b.query),
		b.countSearch(), // the matches in the new view
	)
}

// showWritten puts new versions of events on screen: an edit shown at
// once, rolled back, or confirmed by the store. A confirmed edit that
// may have moved events in the timeline (timeline.update) loads the
// window again around the cursor's event, one that changed the pane's
// event or an event it links with reads the pane again, and one that
// changed tags counts a view filtered by tags again.
func (b *browser) showWritten(msg showEventsMsg) tea.Cmd {
	b.tl.update(msg.events)
	b.stale = b.staleRows()
	for _, e := range msg.events {
		if e.ID == b.detail.id() {
			d := b.detail.d
			d.Event = e
			b.detail.show(d, b.detail.loaded)
			b.layoutDetail()
		}
	}
	if !msg.written {
		return nil
	}
	moved := b.tl.placed(msg.events)
	entered := b.entered(msg.events) // before known has the new versions
	var cmds []tea.Cmd
	reload := false
	for _, e := range msg.events {
		b.known[e.ID] = e
		// The pane's event's history has grown; or an event it lists a
		// link with changed, which may have taken that link away.
		reload = reload || e.ID == b.detail.id() || b.detail.linksWith(e.ID)
	}
	if reload {
		cmds = append(cmds, b.loadDetail(b.detail.id(), detailMsg{}))
	}
	return tea.Batch(append(cmds, b.afterWrite(moved, entered))...)
}

// afterWrite asks again what a confirmed write changed: the window
// around the cursor's event when it moved events or brought one into the
// view, else the counts of a filtered view, which the write may have
// taken events out of or put back into.
func (b *browser) afterWrite(moved []string, entered bool) tea.Cmd {
	if len(moved) > 0 {
		// The cursor stays on its event: a write that moved another
		// (a link removed from the other end) does not take it there.
		focus := moved[0]
		if r, ok := b.tl.selected(); ok {
			focus = r.Event.ID
		}
		return b.requeryAround(focus, false)
	}
	if r, ok := b.tl.selected(); ok && entered {
		// An event the filters now select (a tag put back by an undo)
		// shows at once, where the view orders it; the count with it.
		return b.requeryAround(r.Event.ID, false)
	}
	if !b.query.IsZero() {
		// The rows stay put until the view is asked again; the count
		// agrees with them (stale).
		return tea.Batch(count(b.ctx.store, b.gen, b.query, model.Position{}, 0), loadPeriods(b.ctx.store, b.gen, b.query))
	}
	return nil
}

// storeChanged reads again what a change made elsewhere touched: the
// window when events moved, when it holds one the change touched, or
// when a filter or search may now select others; the pane when its
// event, an event it links to, the sources or the order changed (its
// note on the event's place reads the dates of its linked group). The sets behind
// ↯ and the filters by id keep up on their own.
func (b *browser) storeChanged(c *changeSummary) tea.Cmd {
	if c != nil {
		// A marked event gone to the trash is no longer one the keys
		// on the marks can act on.
		for id := range c.gone {
			delete(b.marks, id)
		}
	}
	cmds := []tea.Cmd{b.checkProblems()}
	if c.all() && len(b.marks) > 0 {
		cmds = append(cmds, marksStill(b.ctx.store, slices.Collect(maps.Keys(b.marks))))
	}
	still := true // nothing on screen changes until what is read comes
	if c.all() || c.moved || !b.query.IsZero() || b.search.text != "" || b.holdsAny(c) {
		cmds = append(cmds, b.readAgain())
		still = false // the count is asked again
	}
	if id := b.detail.id(); id != "" && (c.all() || c.moved || c.sources || c.touches(id) || c.touches(b.detail.linked()...)) {
		cmds = append(cmds, b.loadDetail(id, detailMsg{}))
	}
	if !still {
		b.ctx.still = false
	}
	return tea.Batch(cmds...)
}

// holdsAny reports whether the window, or what the browser wrote
// itself, holds an event the change touched. A read under way may bring
// rows read before the change: it is taken to hold one.
func (b *browser) holdsAny(c *changeSummary) bool {
	if b.loading || b.inflight > 0 || b.tl.fetchingBack || b.tl.fetchingFwd {
		return true
	}
	for i := range b.tl.rows {
		if c.events[b.tl.rows[i].Event.ID] {
			return true
		}
	}
	for id := range b.known {
		if c.events[id] {
			return true
		}
	}
	return false
}

// entered reports whether a write made one of events, not loaded, an
// event the filters select that its last version written (known) was
// not. The rows the write took out of the view stay until it is asked
// again, under the cursor where the change was made; one it brought in
// is not to be missing while the count has it. An event always in the
// view, beyond the rows loaded, is not one. A filter by links is left
// to the next reading: an event's own links do not say whether others
// dispute it.
func (b *browser) entered(events []model.Event) bool {
	if b.query.IsZero() || len(b.query.Linked) > 0 {
		return false
	}
	for i := range events {
		was, written := b.known[events[i].ID]
		if written && b.tl.indexOf(events[i].ID) < 0 && !b.query.Matches(&was) && b.query.Matches(&events[i]) {
			return true
		}
	}
	return false
}

// staleRows counts the rows loaded that the filters no longer select
// (see browser.stale); a filter by links is not judged here.
func (b *browser) staleRows() int {
	if b.query.IsZero() || len(b.query.Linked) > 0 {
		return 0
	}
	n := 0
	for i := range b.tl.rows {
		if !b.query.Matches(&b.tl.rows[i].Event) {
			n++
		}
	}
	return n
}
