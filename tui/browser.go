package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

type focus int

const (
	focusList focus = iota
	focusDetail
)

// browser is the first screen: the chronology over a window of the
// view, and the sources pane of the selected event.
type browser struct {
	ctx       *shared
	keys      browserKeys
	quickTags []string
	// byRole is b.keys by the role they need; refusable, every key.
	byRole    keysByRole
	refusable refusable

	width, height int
	lay           layout

	query   model.Query
	gen     int // bumped whenever the view (query) changes
	loading bool
	// rowsOf is the generation whose rows are on screen: until the new
	// view's come, the last view's stay, greyed (lastView).
	rowsOf int
	// rereading: the window is being read again for a change made
	// elsewhere, and keys still move the cursor in the rows on screen;
	// the new window keeps the cursor where they took it.
	rereading bool
	// inflight counts the window reads asked for and not answered yet:
	// a change made meanwhile may be missing from what they bring.
	inflight int
	// asked numbers the window reads (ask): only the last one asked is
	// put on screen, whichever comes first.
	asked int
	// again asks the last window read again, in a new generation, when
	// the store changes before it comes (readAgain); nil once it came,
	// or when it is itself a read of the window where the cursor is.
	again func(gen int) tea.Cmd
	// endCounted: the last event was asked for while the filtered view
	// was being counted; it is gone to once the count comes (edge).
	endCounted bool
	tl         timeline
	// stale is how many rows on screen the filters no longer select: a
	// write took them out of the view, and they stay until it is read
	// again. The count said counts them, so that it agrees with the rows.
	stale     int
	allEvents int // events in the store, for "of 12 (40 total)"
	ruler     ruler
	detail    detailPane
	recent    recentDetails // the last events read whole, kept while the store is unchanged
	stepping  bool          // the cursor came to its row from the next or the one before
	rows      rowCache      // the list's rows as the last frame drew them
	focus     focus
	zoomed    bool // the sources pane fills a narrow screen
	search    search
	places    matchPlaces // where the search finds its text, by row
	lastClick click       // for telling a double click
	axis      axis        // the chronology drawn as a time axis

	marks   map[string]bool
	history []linkTrail            // events left by following links, for backspace
	backTo  *linkTrail             // where backspace is going, until its event is shown
	known   map[string]model.Event // the latest version written of events not loaded
	// trashing are the events on their way to the trash.
	trashing map[string]bool
	// standing is what other events say of loaded events, read with
	// their rows.
	standing map[string]standing
	// problems are the events with a chronology problem, brought up to
	// date after each change (checkProblems); problemsSeq drops answers
	// a later change has overtaken. The sets are shared: never changed.
	problems    idList
	problemsSeq int
	// notFound and unchecked are the events with a quote not found in
	// its source's latest snapshot, and with one that has no snapshot to
	// check against, told with problems.
	notFound, unchecked idList
	// idSets are the sets the view's ByID filter selects.
	idSets idSet
	// indexes are the latest snapshots of the sources the pane showed
	// last, made ready to check their quotes.
	indexes quoteIndexes
}

func newBrowser(ctx *shared, quickTags []string) *browser {
	b := &browser{
		ctx:       ctx,
		keys:      newBrowserKeys(quickTags),
		axis:      newAxis(),
		quickTags: quickTags,
		refusable: newRefusable(quickTags),
		loading:   true,
		marks:     map[string]bool{},
		known:     map[string]model.Event{},
		trashing:  map[string]bool{},
		standing:  map[string]standing{},
		indexes:   quoteIndexes{},
		tl:        timeline{total: -1},
		allEvents: -1,
		// The zone --tz chose: the ruler counts the months the rows show.
		query: model.Query{Zone: ctx.zone},
	}
	b.byRole = keysByRoleOf(&b.keys)
	return b
}

// Init loads the start of the timeline with its counts.
func (b *browser) Init() tea.Cmd {
	s := b.ctx.store
	return tea.Batch(
		b.ask(b.startAt, b.startAt),
		count(s, b.gen, b.query, model.Position{}, 0),
		loadPeriods(s, b.gen, b.query),
		b.checkProblems(),
	)
}

// startAt reads the start of the view, the first window.
func (b *browser) startAt(gen int) tea.Cmd {
	return jump(b.ctx.store, gen, b.query, model.Position{}, false, windowSize(b.tl.height))
}

// Update answers input, the store's answers, and the actions meant for
// the chronology.
func (b *browser) Update(msg tea.Msg) (Action, tea.Cmd) {
	a, cmd := b.update(msg)
	b.updateKeys()
	b.axis.updateKeys()
	if b.axis.on {
		if row, ok := b.tl.nearestDated(); ok {
			b.axis.follow(row, b.lay.listW)
		}
	}
	rows, _ := b.tl.visible()
	switch msg.(type) {
	case windowMsg, showEventsMsg:
		b.places.refresh(b.search.text, rows, true)
	default:
		b.places.refresh(b.search.text, rows, false)
	}
	return a, tea.Batch(cmd, b.takeStanding(msg))
}

func (b *browser) update(msg tea.Msg) (Action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if refused := b.refusedKey(k); refused != nil {
			return nil, refused
		}
	}
	if a, cmd, ok := b.screensUpdate(msg); ok {
		return a, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return b.key(msg)
	case tea.WindowSizeMsg:
		return nil, b.fill()
	case tea.MouseWheelMsg:
		return nil, b.wheel(msg)
	case tea.MouseClickMsg:
		return nil, b.click(msg)
	case applyFilter:
		b.idSets = msg.sets
		return nil, b.requery(msg.q)
	case sourceViewMsg:
		if msg.err != nil {
			return nil, fail(msg.err)
		}
		return openDialog{msg.view}, nil
	case goToDate:
		read := func(gen int) tea.Cmd {
			return b.withLanded(jumpToDate(b.ctx.store, gen, b.query, b.ctx.zone, msg.from, msg.label, jumpSize(b.tl.height)))
		}
		return nil, b.ask(read, read)
	case searchTyped:
		return nil, b.searchAsTyped(msg.text)
	case searchEntered:
		return nil, b.submitSearch(msg.text)
	case searchCancelled:
		return nil, b.cancelSearch()
	case editorOpenMsg, editorExitMsg, editorReadMsg:
		return b.editorStep(msg)
	}
	return nil, b.answer(msg)
}

// answer takes the answers of the commands the browser asked for, and
// what the root tells every screen.
func (b *browser) answer(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case windowMsg:
		return b.gotWindow(msg)
	case extendMsg:
		return b.gotExtend(msg)
	case countMsg:
		return b.gotCount(msg)
	case matchesMsg:
		return b.gotMatches(msg)
	case periodsMsg:
		return b.gotPeriods(msg)
	case detailMsg:
		return b.gotDetail(msg)
	case readAheadMsg:
		b.gotAhead(msg)
		return nil
	case searchMsg:
		return b.gotSearch(msg)
	case openedMsg:
		if msg.err != nil {
			return offerCopy(b.ctx.clip, msg.err, "the URL", msg.url)
		}
		return say("opened " + msg.url)
	case showEventsMsg:
		var check tea.Cmd
		if msg.written {
			check = b.checkProblems()
		}
		return tea.Batch(b.showWritten(msg), b.settleMoves(msg), check)
	case setsMsg:
		return b.gotSets(msg)
	case placedMsg:
		if msg.focus != "" {
			return tea.Batch(b.requeryAround(msg.focus, true), b.checkProblems())
		}
		return tea.Batch(b.requery(b.query), b.checkProblems())
	case storeChangedMsg:
		return b.storeChanged(msg.change)
	case marksGoneMsg:
		for _, id := range msg.ids {
			delete(b.marks, id)
		}
		return nil
	}
	return nil
}

// SetSize lays the screen out for w×h.
func (b *browser) SetSize(w, h int) {
	b.width, b.height = w, h
	b.relayout()
}

// FullHeight is the header, the filter line when filtered, the ruler,
// the pane titles and three rows.
func (b *browser) FullHeight() int {
	n := 6
	if b.filtered() {
		n++
	}
	return n
}

// Area is the body for a dialog that takes it, and the sources pane's
// size for one that takes that.
func (b *browser) Area(p place) (w, h int) {
	if p == placePane {
		return b.detail.size()
	}
	return b.width, b.lay.bodyH
}

// Latest returns the newest version of an event this screen knows.
func (b *browser) Latest(id string) (model.Event, bool) {
	if i := b.tl.indexOf(id); i >= 0 {
		return b.tl.rows[i].Event, true
	}
	e, ok := b.known[id]
	return e, ok
}

// Hint reminds of the marks, and of the keys that act on them: those
// on, so that a role that may not tag is not told to.
func (b *browser) Hint() string {
	if len(b.marks) == 0 {
		return ""
	}
	k := &b.keys
	var acting []string
	for _, kb := range []key.Binding{k.Tag, k.Untag} {
		if kb.Enabled() {
			acting = append(acting, keyOf(kb))
		}
	}
	if n := len(k.QuickTags); n > 0 && k.QuickTags[0].Enabled() {
		digits := keyOf(k.QuickTags[0])
		if n > 1 {
			digits += "–" + keyOf(k.QuickTags[n-1])
		}
		acting = append(acting, digits)
	}
	if k.Delete.Enabled() {
		acting = append(acting, keyOf(k.Delete))
	}
	hint := plural(len(b.marks), "marked event")
	switch n := len(acting); {
	case n == 1:
		hint += " · " + acting[0] + " applies to them"
	case n > 1:
		hint += " · " + strings.Join(acting[:n-1], ", ") + " and " + acting[n-1] + " apply to them"
	}
	return hint + " · " + keyOf(k.Escape) + " unmarks"
}
