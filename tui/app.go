// Package tui is chrono's terminal browser: a chronology pane over a
// window of the timeline, a sources pane with the selected event's
// quotes, and keys to filter, search, tag and annotate. It reads and
// writes the investigation through the small Store interface, always in
// commands, never in Update or View.
package tui

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// Options tune the browser.
type Options struct {
	// QuickTags are the tags digits 1–9 toggle; DefaultQuickTags when nil.
	QuickTags []string
	// Now stamps notes; time.Now when nil.
	Now func() time.Time
	// Greeting is a first message for the status line, such as that the
	// store was just seeded with the example.
	Greeting string
}

type focus int

const (
	focusList focus = iota
	focusDetail
)

type modal int

const (
	modalNone modal = iota
	modalPrompt
	modalPicker
	modalNote
	modalHelp
)

// Model is the browser's whole state. Update changes it only in answer to
// messages; the store is read and written by the commands it returns.
type Model struct {
	store     Store
	keys      KeyMap
	quickTags []string
	now       func() time.Time
	// version is the store's version token as last seen, checked at
	// most every versionEvery while the investigator works, so that what
	// another process writes shows up.
	version string
	checked time.Time
	tick    ticker
	styles  Styles
	help    help.Model

	width, height int
	lay           layout

	header    model.Header
	query     model.Query
	gen       int // bumped whenever the view (query) changes
	loading   bool
	tl        timeline
	allEvents int // events in the store, for "of 12 (40 total)"
	ruler     ruler
	detail    detailPane
	focus     focus
	zoomed    bool // the sources pane fills a narrow screen

	tags, actors, statuses []model.Facet

	modal  modal
	prompt prompt
	picker picker
	note   noteEditor

	search    string
	searchSeq int
	// The search is incremental: each key at the / prompt looks again from
	// the event selected when / was pressed, and esc goes back to it.
	searchFrom   model.Position
	searchFromID string
	searchPrev   string
	searchMiss   bool // the last search found nothing
	searching    bool // a search is looking for its next match
	// The search's matches, counted in the background: countSeq tells
	// the current count from one for an earlier search or view.
	matches     int
	matchesDone bool
	countSeq    int

	marks   map[string]bool
	history []string // events left by following links, for backspace

	// Writes run one at a time, in order, so that two quick changes to
	// the same event reach the disk as they were made.
	queue    []action
	writing  bool
	undo     []undoEntry
	known    map[string]model.Event // the latest version this session wrote
	quitting bool

	status    string
	statusErr bool
	statusSeq int
}

// undoEntry is a tag change that can be taken back: for each event it
// changed, the delta that reverses it. Undo writes deltas, not whole
// events, so that tags and notes written since (here or by another
// process) stay.
type undoEntry struct {
	deltas []model.TagDelta
	phrase string
}

// New returns the browser over s.
func New(s Store, opts Options) *Model {
	qt := opts.QuickTags
	if qt == nil {
		qt = DefaultQuickTags
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	m := &Model{
		store:     s,
		keys:      DefaultKeyMap(qt),
		quickTags: qt,
		now:       now,
		tick:      tea.Tick,
		styles:    NewStyles(true),
		help:      help.New(),
		loading:   true,
		marks:     map[string]bool{},
		known:     map[string]model.Event{},
		tl:        timeline{total: -1},
		allEvents: -1,
	}
	m.help.Styles = m.styles.Help
	m.status = opts.Greeting
	return m
}

// Init asks for the terminal's background and loads the start of the
// timeline with its counts.
func (m *Model) Init() tea.Cmd {
	var greet tea.Cmd
	if m.status != "" {
		greet = m.say(m.status)
	}
	return tea.Batch(
		greet,
		tea.RequestBackgroundColor,
		loadHeader(m.store),
		loadFacets(m.store),
		checkVersion(m.store),
		jump(m.store, m.gen, m.query, model.Position{}, false, windowSize(m.tl.height)),
		count(m.store, m.gen, m.query, model.Position{}, 0),
		loadPeriods(m.store, m.gen, m.query),
	)
}

// busy reports whether changes are still on their way to the disk.
func (m *Model) busy() bool { return m.writing || len(m.queue) > 0 }
