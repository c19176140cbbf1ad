package tui

import "chrono/model"

// Messages carry the results of commands back to Update. Those that
// answer a question about the current view carry the view's generation,
// and Update drops them when the view has changed since they were asked.

// windowMsg answers a jump: a fresh window, with the cursor on the event
// at or after the anchor (or on focusID when set).
type windowMsg struct {
	gen int
	// seq is the read's number among those asked (browser.ask).
	seq     int
	w       model.Window
	anchor  model.Position
	fromEnd bool
	focusID string
	// cleared reports that the filters were dropped to show focusID.
	cleared bool
	note    string // a message for the status line
	// standing is what other events say of the rows' events.
	standing map[string]standing
	// landed is the event the cursor lands on (landing), read whole
	// with the rows when the command read it (withLanded).
	landed detailMsg
	err    error
}

// extendMsg brings more rows to one side of the window.
type extendMsg struct {
	gen      int
	backward bool
	edge     model.Position // where the rows continue from
	w        model.Window
	standing map[string]standing
	err      error
}

// countMsg counts the view (n) and the store (all): n so far, and where
// to go on while next is set.
type countMsg struct {
	gen    int
	n, all int
	next   model.Position
	err    error
}

// matchesMsg counts the search's matches: n so far, and where to go on
// while next is set.
type matchesMsg struct {
	gen, seq int
	n        int
	next     model.Position
	err      error
}

type periodsMsg struct {
	gen int
	// zone is the one the months were counted in: an answer for a zone
	// Z has since left is dropped.
	zone    model.Zone
	periods []model.Period
	// span is the whole investigation's periods when the view is
	// filtered: the ruler's span.
	span []model.Period
	err  error
}

// detailMsg brings the selected event whole, with its latest changes.
type detailMsg struct {
	id      string
	detail  model.Detail
	history []model.Entry
	chron   chronologyNote
	// marks are the event's quotes checked against their sources;
	// built the sources' indexes made to check them.
	marks   []quoteMark
	built   quoteIndexes
	version string // the store's version before it was read; "" if unknown
	err     error
}

// readAheadMsg brings the events either side of the selected one, read
// whole before the cursor comes to them.
type readAheadMsg []detailMsg

// versionMsg is the store's version token (Store.Version).
type versionMsg struct {
	version string
	err     error
}

// startMsg is checkStart's answer: the newest journal entry, seq and
// hash (0 and "" for an empty journal; seen is false when it could not
// be read), then the version.
type startMsg struct {
	seen    bool
	seq     uint64
	hash    string
	version versionMsg
}

// noticeMsg is a notice from a store that says when it changes
// (model.Notifier), which Run passes on as it comes.
type noticeMsg struct{ model.Notice }

type headerMsg struct {
	header model.Header
	err    error
}

type facetsMsg struct {
	tags, actors, statuses, sources []model.Facet
	citations                       map[string]string
	err                             error
}

// searchMsg answers a search step: where the next match is, if any.
type searchMsg struct {
	gen     int
	seq     int
	more    *searchStep // not found yet: the next step
	found   bool
	w       model.Window
	anchor  model.Position
	wrapped bool
	// standing is what other events say of the rows' events.
	standing map[string]standing
	err      error
}

// openedMsg reports the outcome of opening a URL.
type openedMsg struct {
	url string
	err error
}

// showEventsMsg puts new versions of events on every screen: an edit as
// it will be, at once; as it was, when its write failed; or as written,
// confirmed by the store.
type showEventsMsg struct {
	events  []model.Event
	written bool
}

// afterOf returns the events as changes left them.
func afterOf(changes []model.Change) []model.Event {
	out := make([]model.Event, len(changes))
	for i, c := range changes {
		out[i] = c.After
	}
	return out
}

// storeChangedMsg tells the screens that another process changed the
// store: what they show, where change touched it, is to be read again
// (all of it when change is nil).
type storeChangedMsg struct {
	change *changeSummary
}

// sourcesMsg brings the investigation's sources, for the forms that
// choose one and the sources screen.
type sourcesMsg struct {
	sources []model.Source
	err     error
}
