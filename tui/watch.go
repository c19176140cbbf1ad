package tui

import (
	"chrono/model"
	"time"

	tea "charm.land/bubbletea/v2"
)

// versionEvery is how often, at most, the browser asks whether the store
// changed: at a key, or after this long without one (idleMsg).
const versionEvery = 2 * time.Second

// storeWatcher notices what other processes write to the store: it asks
// for the store's version token while the investigator works, and says
// when it changed since it was last seen.
type storeWatcher struct {
	version string
	checked time.Time
	// seq and hash are the newest journal entry whose change the
	// browser took in (0 before the first): the next change is what the
	// entries after it say.
	seq  uint64
	hash string
	// lost is set while a store that says when it changes
	// (model.Notifier) says it cannot be reached.
	lost bool
}

// watch asks for the version, if it is time to.
func (w *storeWatcher) watch(s model.Store, now time.Time) tea.Cmd {
	if now.Sub(w.checked) < versionEvery {
		return nil
	}
	w.checked = now
	return checkVersion(s)
}

// watchNow asks for the version at once, however recently it was asked:
// a write refused because the store changed meanwhile leaves on screen
// what was there before it, and the change that refused it is to show
// now, not at a key pressed some seconds later.
func (m *Model) watchNow() tea.Cmd {
	m.watcher.checked = time.Time{}
	return m.watch()
}

// changed takes the version and reports whether what is on screen must
// be read again. While this browser writes, its own change is on its
// way, and a busy or missing store is said by the next read that fails.
func (w *storeWatcher) changed(msg versionMsg, busy bool) bool {
	switch {
	case msg.err != nil:
		return false
	case w.version == "":
		w.version = msg.version
		return false
	case msg.version == w.version || busy:
		return false
	}
	w.version = msg.version
	return true
}

// heard takes the store's version: known from now on, unless a write of
// this browser's is on its way (it may have been asked before the write
// or after), and, when it changed, what changed is asked for.
func (m *Model) heard(msg versionMsg) tea.Cmd {
	m.ctx.still = true // what changed is told by the changesMsg to come
	busy := m.writes.busy()
	m.ctx.known = ""
	if msg.err == nil && !busy {
		m.ctx.known = msg.version
	}
	if !m.watcher.changed(msg, busy) {
		return nil
	}
	return changesSince(m.ctx.store, m.watcher.seq, m.watcher.hash, msg.version)
}

// started takes where the journal stood as the browser opened, as the
// last entry seen when the version read after it is known, then reads
// what the screens show (Model.opened).
func (m *Model) started(msg startMsg) tea.Cmd {
	m.opening = false
	if msg.seen && msg.version.err == nil && m.watcher.seq == 0 {
		m.watcher.seq, m.watcher.hash = msg.seq, msg.hash
	}
	return tea.Batch(m.opened(), m.heard(msg.version))
}

// noticed takes a notice of a store that says when it changes
// (model.Notifier): a change has the version asked at once, rather than
// at the next key; a store that cannot be reached is said once, and what
// is on screen stays as it is (reads fail, and say so, until it is
// back); a store that is back is read again whole, since what changed
// meanwhile went unnoticed.
func (m *Model) noticed(n model.Notice) tea.Cmd {
	m.ctx.known = "" // asked again below
	switch {
	case n.Err != nil:
		if m.watcher.lost {
			return nil
		}
		m.watcher.lost = true
		return m.say(statusMsg{text: n.Err.Error() + " · what is on screen stays as it was", err: true})
	case m.watcher.lost:
		m.watcher.lost = false
		m.watcher.version = ""
		return tea.Batch(m.say(statusMsg{text: "the store is back: read again"}), m.reload(), checkVersion(m.ctx.store))
	}
	return checkVersion(m.ctx.store)
}

// reload has every screen read what it shows again, with what the
// screens share of the investigation.
func (m *Model) reload() tea.Cmd {
	return tea.Batch(m.changed(nil), loadHeader(m.ctx.store), loadFacets(m.ctx.store))
}

// takeChanges has every screen read again what the change touched; an
// error reading the journal has everything read again.
func (m *Model) takeChanges(msg changesMsg) tea.Cmd {
	c := msg.change
	if msg.err != nil || c == nil {
		return m.reload()
	}
	if c.seq != 0 {
		m.watcher.seq, m.watcher.hash = c.seq, c.hash
		// The store moved: what refused an undo may be undone now, so
		// the next press tries it again rather than pass it by.
		m.writes.retryRefused(c.seq)
	}
	if !c.all() && len(c.events) == 0 && !c.header && !c.sources {
		m.ctx.still = true
		return nil // a change of nothing shown: presence, say, or one already taken in
	}
	// The version heard may be older than the journal just read (two
	// asks overlapping, a server's push arriving late), and a read of an
	// event on its way may answer from before the change: until the
	// version is asked again, no kept event is taken to be as the store
	// has it (browser.land).
	m.ctx.known = ""
	// Nothing on screen changes until what the screens ask for comes,
	// unless one of them says otherwise as it takes the change in.
	m.ctx.still = true
	cmds := []tea.Cmd{m.changed(c), loadFacets(m.ctx.store)}
	if c.all() || c.header {
		cmds = append(cmds, loadHeader(m.ctx.store))
	}
	return tea.Batch(cmds...)
}
